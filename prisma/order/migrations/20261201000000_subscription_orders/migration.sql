-- Orders of customer subscriptions: an order comes from a cart or from one subscription period,
-- never both, and each period has at most one order. A payment of a subscription order records
-- which try it was and the payment customer and card it charged.

-- AlterTable
ALTER TABLE "order" ADD COLUMN     "subscription_id" UUID,
ADD COLUMN     "subscription_period" INTEGER,
ALTER COLUMN "cart_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "order_line" ALTER COLUMN "cart_line_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "payment" ADD COLUMN     "attempt" INTEGER,
ADD COLUMN     "customer_id" VARCHAR(100),
ADD COLUMN     "payment_method_id" VARCHAR(100);

-- CreateTable
CREATE TABLE "subscription_order_claim" (
    "subscription_id" UUID NOT NULL,
    "period" INTEGER NOT NULL,
    "order_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subscription_order_claim_pkey" PRIMARY KEY ("subscription_id","period")
);

-- CreateIndex
CREATE UNIQUE INDEX "subscription_order_claim_order_id_key" ON "subscription_order_claim"("order_id");

-- CreateIndex
CREATE UNIQUE INDEX "order_subscription_id_subscription_period_key" ON "order"("subscription_id", "subscription_period");

-- CreateIndex
CREATE UNIQUE INDEX "payment_order_id_attempt_key" ON "payment"("order_id", "attempt");

-- Hand-written: both of the period's columns or neither, and then no cart (a period's order
-- comes from the subscription alone). Tries are counted from 1.
ALTER TABLE "order" ADD CONSTRAINT "order_subscription_check"
  CHECK ((subscription_id IS NULL AND subscription_period IS NULL AND cart_id IS NOT NULL)
      OR (subscription_id IS NOT NULL AND subscription_period >= 0 AND cart_id IS NULL));
ALTER TABLE "payment" ADD CONSTRAINT "payment_attempt_check" CHECK (attempt IS NULL OR attempt >= 1);
