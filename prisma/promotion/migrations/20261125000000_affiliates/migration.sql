-- CreateEnum
CREATE TYPE "affiliate_direction" AS ENUM ('INBOUND', 'OUTBOUND');

-- CreateTable
CREATE TABLE "affiliate_partner" (
    "id" UUID NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "commission_rate" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "affiliate_partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "affiliate_click" (
    "id" UUID NOT NULL,
    "partner_id" UUID NOT NULL,
    "url" VARCHAR(2048) NOT NULL,
    "referrer" VARCHAR(2048),
    "person_id" VARCHAR(100),
    "cart_id" VARCHAR(100),
    "linked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "affiliate_click_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "affiliate_attribution" (
    "id" UUID NOT NULL,
    "partner_id" UUID NOT NULL,
    "direction" "affiliate_direction" NOT NULL,
    "order_id" VARCHAR(100),
    "order_number" VARCHAR(40),
    "external_ref" VARCHAR(100),
    "click_id" UUID,
    "cart_id" VARCHAR(100),
    "person_id" VARCHAR(100),
    "currency" VARCHAR(3) NOT NULL,
    "revenue" INTEGER NOT NULL,
    "commission_rate" INTEGER NOT NULL,
    "commission" INTEGER NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "affiliate_attribution_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "affiliate_partner_code_key" ON "affiliate_partner"("code");

-- CreateIndex
CREATE UNIQUE INDEX "affiliate_click_cart_id_key" ON "affiliate_click"("cart_id");

-- CreateIndex
CREATE INDEX "affiliate_click_partner_id_created_at_idx" ON "affiliate_click"("partner_id", "created_at");

-- CreateIndex
CREATE INDEX "affiliate_click_created_at_idx" ON "affiliate_click"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "affiliate_attribution_order_id_key" ON "affiliate_attribution"("order_id");

-- CreateIndex
CREATE INDEX "affiliate_attribution_partner_id_direction_occurred_at_idx" ON "affiliate_attribution"("partner_id", "direction", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "affiliate_attribution_partner_id_external_ref_key" ON "affiliate_attribution"("partner_id", "external_ref");

-- AddForeignKey
ALTER TABLE "affiliate_click" ADD CONSTRAINT "affiliate_click_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "affiliate_partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "affiliate_attribution" ADD CONSTRAINT "affiliate_attribution_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "affiliate_partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written (Prisma does not model CHECK constraints): rates, codes and amounts as the
-- service keeps them, and each attribution naming exactly the order its direction calls for.
ALTER TABLE "affiliate_partner" ADD CONSTRAINT "affiliate_partner_commission_rate_check" CHECK ("commission_rate" BETWEEN 0 AND 10000);
ALTER TABLE "affiliate_partner" ADD CONSTRAINT "affiliate_partner_code_check" CHECK ("code" = upper("code") AND length("code") >= 3);
ALTER TABLE "affiliate_attribution" ADD CONSTRAINT "affiliate_attribution_order_check" CHECK (
  CASE "direction" WHEN 'INBOUND' THEN "order_id" IS NOT NULL AND "external_ref" IS NULL
                   ELSE "order_id" IS NULL AND "external_ref" IS NOT NULL END);
ALTER TABLE "affiliate_attribution" ADD CONSTRAINT "affiliate_attribution_amounts_check" CHECK (
  "revenue" >= 0 AND "commission" >= 0 AND "commission_rate" BETWEEN 0 AND 10000);
