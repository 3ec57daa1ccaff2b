-- A person's erasure (GDPR art. 17), kept without the person id (schema.prisma).
-- CreateTable
CREATE TABLE "personal_data_erasure" (
    "id" UUID NOT NULL,
    "person_hash" VARCHAR(64) NOT NULL,
    "pseudonym" VARCHAR(100) NOT NULL,
    "requested_by" VARCHAR(120) NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "runs" INTEGER NOT NULL DEFAULT 1,
    "last_run_by" VARCHAR(120) NOT NULL,
    "last_run_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "personal_data_erasure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "personal_data_erasure_person_hash_key" ON "personal_data_erasure"("person_hash");

-- CreateIndex
CREATE UNIQUE INDEX "personal_data_erasure_pseudonym_key" ON "personal_data_erasure"("pseudonym");


-- Hand-written: the history stays append-only, except that an erasure (lib/personal-data.ts, which
-- sets commerce.erasure for its own transaction only) may replace a person's id in it by the
-- pseudonym. The body's semicolons are written \003B: the migration runner splits at every one.
CREATE OR REPLACE FUNCTION "order_history_append_only"() RETURNS trigger LANGUAGE plpgsql
  AS U&'BEGIN IF TG_OP = ''UPDATE'' AND current_setting(''commerce.erasure'', true) = ''on'' THEN RETURN NULL\003B END IF\003B RAISE EXCEPTION ''order history is append-only: % refused'', TG_OP USING ERRCODE = ''insufficient_privilege''\003B END';
