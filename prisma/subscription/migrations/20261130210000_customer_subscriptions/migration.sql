-- Plans get a description and the items each period delivers, and there are customers' subscriptions, their
-- periods (one row per period: the primary key makes each period's order and charge happen once)
-- and their append-only event history.
-- CreateEnum
CREATE TYPE "subscription_status" AS ENUM ('PENDING', 'ACTIVE', 'PAST_DUE', 'PAUSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "subscription_period_status" AS ENUM ('BILLING', 'PAID', 'SKIPPED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "subscription_event_kind" AS ENUM ('CREATED', 'ACTIVATED', 'RENEWAL', 'PAYMENT_FAILED', 'PAST_DUE', 'PAUSED', 'RESUMED', 'SKIPPED', 'CHANGED', 'CANCELLATION_SCHEDULED', 'CANCELLATION');

-- AlterTable
ALTER TABLE "subscription_plan" ADD COLUMN     "description" VARCHAR(2000);

-- CreateTable
CREATE TABLE "subscription_plan_item" (
    "plan_id" UUID NOT NULL,
    "variant_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "subscription_plan_item_pkey" PRIMARY KEY ("plan_id","variant_id")
);

-- CreateTable
CREATE TABLE "customer_subscription" (
    "id" UUID NOT NULL,
    "person_id" VARCHAR(100) NOT NULL,
    "plan_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "status" "subscription_status" NOT NULL DEFAULT 'PENDING',
    "shipping_address" JSONB NOT NULL,
    "shipping_method" VARCHAR(20) NOT NULL,
    "payment_method_id" VARCHAR(100) NOT NULL,
    "payment_customer_id" VARCHAR(100),
    "idempotency_key" VARCHAR(100) NOT NULL,
    "anchor_at" TIMESTAMPTZ(3) NOT NULL,
    "anchor_period" INTEGER NOT NULL DEFAULT 0,
    "current_period" INTEGER NOT NULL DEFAULT 0,
    "current_period_start" TIMESTAMPTZ(3) NOT NULL,
    "current_period_end" TIMESTAMPTZ(3) NOT NULL,
    "next_billing_at" TIMESTAMPTZ(3),
    "trial_ends_at" TIMESTAMPTZ(3),
    "cancel_at_period_end" BOOLEAN NOT NULL DEFAULT false,
    "skip_period" INTEGER,
    "next_plan_id" UUID,
    "next_quantity" INTEGER,
    "failed_attempts" INTEGER NOT NULL DEFAULT 0,
    "first_failed_at" TIMESTAMPTZ(3),
    "renewal_lease_until" TIMESTAMPTZ(3),
    "paused_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "customer_subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subscription_period" (
    "subscription_id" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "subscription_period_status" NOT NULL,
    "plan_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "order_id" UUID,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "failure_reason" VARCHAR(500),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subscription_period_pkey" PRIMARY KEY ("subscription_id","index")
);

-- CreateTable
CREATE TABLE "subscription_event" (
    "id" UUID NOT NULL,
    "subscription_id" UUID NOT NULL,
    "kind" "subscription_event_kind" NOT NULL,
    "from_status" "subscription_status",
    "to_status" "subscription_status" NOT NULL,
    "period" INTEGER,
    "actor" VARCHAR(120) NOT NULL,
    "reason" VARCHAR(500),
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subscription_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "customer_subscription_person_id_idempotency_key_key" ON "customer_subscription"("person_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "customer_subscription_status_next_billing_at_idx" ON "customer_subscription"("status", "next_billing_at");

-- CreateIndex
CREATE INDEX "customer_subscription_person_id_created_at_idx" ON "customer_subscription"("person_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "customer_subscription_plan_id_idx" ON "customer_subscription"("plan_id");

-- CreateIndex
CREATE UNIQUE INDEX "subscription_period_order_id_key" ON "subscription_period"("order_id");

-- CreateIndex
CREATE INDEX "subscription_event_subscription_id_at_idx" ON "subscription_event"("subscription_id", "at");

-- AddForeignKey
ALTER TABLE "subscription_plan_item" ADD CONSTRAINT "subscription_plan_item_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "subscription_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscription_period" ADD CONSTRAINT "subscription_period_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "customer_subscription"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscription_event" ADD CONSTRAINT "subscription_event_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "customer_subscription"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: the rules the database keeps whatever the code does.
ALTER TABLE "subscription_plan_item" ADD CONSTRAINT "subscription_plan_item_quantity_check" CHECK (quantity BETWEEN 1 AND 1000);
ALTER TABLE "customer_subscription" ADD CONSTRAINT "customer_subscription_quantity_check" CHECK (quantity BETWEEN 1 AND 100 AND (next_quantity IS NULL OR next_quantity BETWEEN 1 AND 100));
ALTER TABLE "subscription_period" ADD CONSTRAINT "subscription_period_amount_check" CHECK (amount >= 0 AND quantity >= 1 AND attempts >= 0);

-- The history is append-only. The body's semicolon is written \003B: the migration runner splits
-- scripts at every semicolon.
CREATE FUNCTION "subscription_event_append_only"() RETURNS trigger LANGUAGE plpgsql
  AS U&'BEGIN RAISE EXCEPTION ''subscription history is append-only: % refused'', TG_OP USING ERRCODE = ''insufficient_privilege''\003B END';
CREATE TRIGGER "subscription_event_append_only" BEFORE UPDATE OR DELETE ON "subscription_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "subscription_event_append_only"();
CREATE TRIGGER "subscription_event_no_truncate" BEFORE TRUNCATE ON "subscription_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "subscription_event_append_only"();
