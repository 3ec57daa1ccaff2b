-- CreateEnum
CREATE TYPE "checkout_step" AS ENUM ('STARTED', 'CART_LOCKED', 'REDEMPTIONS_RESERVED', 'INVENTORY_RESERVED', 'ORDER_CREATED', 'PAYMENT_CREATED');

-- CreateEnum
CREATE TYPE "checkout_state" AS ENUM ('RUNNING', 'COMPLETED', 'COMPENSATING', 'FAILED');

-- CreateEnum
CREATE TYPE "payment_status" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- AlterTable
ALTER TABLE "order" ADD COLUMN     "affiliate_code" VARCHAR(64),
ADD COLUMN     "cancelled_at" TIMESTAMPTZ(3),
ADD COLUMN     "cart_id" UUID NOT NULL,
ADD COLUMN     "delivered_at" TIMESTAMPTZ(3),
ADD COLUMN     "discount_total" INTEGER NOT NULL,
ADD COLUMN     "idempotency_key" VARCHAR(100) NOT NULL,
ADD COLUMN     "paid_at" TIMESTAMPTZ(3),
ADD COLUMN     "payment_intent_id" VARCHAR(100),
ADD COLUMN     "reserved_until" TIMESTAMPTZ(3) NOT NULL,
ADD COLUMN     "shipping_address" JSONB NOT NULL,
ADD COLUMN     "shipping_method" VARCHAR(20) NOT NULL,
ADD COLUMN     "shipping_total" INTEGER NOT NULL,
ADD COLUMN     "subtotal" INTEGER NOT NULL,
ADD COLUMN     "tax_total" INTEGER NOT NULL;

-- CreateTable
CREATE TABLE "checkout" (
    "id" UUID NOT NULL,
    "person_id" VARCHAR(100) NOT NULL,
    "idempotency_key" VARCHAR(100),
    "requested_key" VARCHAR(100) NOT NULL,
    "fingerprint" VARCHAR(64) NOT NULL,
    "request" JSONB NOT NULL,
    "cart_id" UUID NOT NULL,
    "step" "checkout_step" NOT NULL DEFAULT 'STARTED',
    "state" "checkout_state" NOT NULL DEFAULT 'RUNNING',
    "quote" JSONB,
    "reserved_until" TIMESTAMPTZ(3),
    "user_errors" JSONB,
    "failure" VARCHAR(500),
    "lease_owner" VARCHAR(100),
    "lease_until" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "checkout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_line" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "cart_line_id" UUID NOT NULL,
    "variant_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "sku" VARCHAR(64) NOT NULL,
    "product_name" VARCHAR(200) NOT NULL,
    "variant_title" VARCHAR(200) NOT NULL,
    "unit_price" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "discount" INTEGER NOT NULL,
    "line_total" INTEGER NOT NULL,

    CONSTRAINT "order_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_discount" (
    "order_id" UUID NOT NULL,
    "promotion_id" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "code" VARCHAR(64),
    "amount" INTEGER NOT NULL,

    CONSTRAINT "order_discount_pkey" PRIMARY KEY ("order_id","promotion_id")
);

-- CreateTable
CREATE TABLE "order_history" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "from_status" "order_status",
    "to_status" "order_status" NOT NULL,
    "actor" VARCHAR(120) NOT NULL,
    "reason" VARCHAR(500),
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "order_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "provider" VARCHAR(20) NOT NULL,
    "provider_payment_id" VARCHAR(100) NOT NULL,
    "status" "payment_status" NOT NULL DEFAULT 'PENDING',
    "amount" INTEGER NOT NULL,
    "amount_captured" INTEGER NOT NULL DEFAULT 0,
    "amount_refunded" INTEGER NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL,
    "failure_code" VARCHAR(100),
    "failure_message" VARCHAR(500),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refund" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "provider_refund_id" VARCHAR(100),
    "key" VARCHAR(120) NOT NULL,
    "amount" INTEGER NOT NULL,
    "reason" VARCHAR(500),
    "status" VARCHAR(20) NOT NULL,
    "actor" VARCHAR(120) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "provider_event" (
    "id" VARCHAR(100) NOT NULL,
    "type" VARCHAR(80) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "provider_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "checkout_state_lease_until_idx" ON "checkout"("state", "lease_until");

-- CreateIndex
CREATE UNIQUE INDEX "checkout_person_id_idempotency_key_key" ON "checkout"("person_id", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "order_line_order_id_position_key" ON "order_line"("order_id", "position");

-- CreateIndex
CREATE INDEX "order_history_order_id_at_idx" ON "order_history"("order_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "payment_provider_payment_id_key" ON "payment"("provider_payment_id");

-- CreateIndex
CREATE INDEX "payment_order_id_idx" ON "payment"("order_id");

-- CreateIndex
CREATE UNIQUE INDEX "refund_provider_refund_id_key" ON "refund"("provider_refund_id");

-- CreateIndex
CREATE UNIQUE INDEX "refund_key_key" ON "refund"("key");

-- CreateIndex
CREATE INDEX "refund_order_id_idx" ON "refund"("order_id");

-- CreateIndex
CREATE UNIQUE INDEX "order_payment_intent_id_key" ON "order"("payment_intent_id");

-- CreateIndex
CREATE INDEX "order_status_created_at_idx" ON "order"("status", "created_at");

-- CreateIndex
CREATE INDEX "order_created_at_idx" ON "order"("created_at");

-- AddForeignKey
ALTER TABLE "order_line" ADD CONSTRAINT "order_line_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_discount" ADD CONSTRAINT "order_discount_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_history" ADD CONSTRAINT "order_history_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment" ADD CONSTRAINT "payment_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refund" ADD CONSTRAINT "refund_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: amounts are never negative, a line's total is its price times its quantity (its
-- discount, at most that, is apart, as in the cart), and
-- nothing is refunded beyond what was captured.
ALTER TABLE "order" ADD CONSTRAINT "order_amounts_check"
  CHECK (subtotal >= 0 AND discount_total >= 0 AND shipping_total >= 0 AND tax_total >= 0 AND total >= 0);
ALTER TABLE "order_line" ADD CONSTRAINT "order_line_amounts_check"
  CHECK (quantity BETWEEN 1 AND 999 AND unit_price >= 0 AND discount BETWEEN 0 AND line_total AND line_total = unit_price * quantity);
ALTER TABLE "payment" ADD CONSTRAINT "payment_amounts_check"
  CHECK (amount >= 0 AND amount_captured >= 0 AND amount_refunded >= 0 AND amount_refunded <= amount_captured);
ALTER TABLE "refund" ADD CONSTRAINT "refund_amount_check" CHECK (amount > 0);

-- Hand-written: an order's history is append-only, the database refuses to change or remove it.
-- The body's semicolon is written \003B: the migration runner splits scripts at every semicolon.
CREATE FUNCTION "order_history_append_only"() RETURNS trigger LANGUAGE plpgsql
  AS U&'BEGIN RAISE EXCEPTION ''order history is append-only: % refused'', TG_OP USING ERRCODE = ''insufficient_privilege''\003B END';
CREATE TRIGGER "order_history_append_only" BEFORE UPDATE OR DELETE ON "order_history"
  FOR EACH STATEMENT EXECUTE FUNCTION "order_history_append_only"();
CREATE TRIGGER "order_history_no_truncate" BEFORE TRUNCATE ON "order_history"
  FOR EACH STATEMENT EXECUTE FUNCTION "order_history_append_only"();
