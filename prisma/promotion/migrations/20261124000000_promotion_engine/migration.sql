-- CreateEnum
CREATE TYPE "discount_type" AS ENUM ('PERCENTAGE', 'AMOUNT', 'FREE_SHIPPING');

-- CreateEnum
CREATE TYPE "promotion_level" AS ENUM ('CART', 'ITEM');

-- CreateEnum
CREATE TYPE "redemption_status" AS ENUM ('RESERVED', 'CONFIRMED', 'RELEASED');

-- AlterTable
ALTER TABLE "promotion" ADD COLUMN     "automatic" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "confirmed_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "currency" VARCHAR(3),
ADD COLUMN     "discount_type" "discount_type" NOT NULL,
ADD COLUMN     "level" "promotion_level" NOT NULL DEFAULT 'CART',
ADD COLUMN     "max_redemptions" INTEGER,
ADD COLUMN     "max_redemptions_per_person" INTEGER,
ADD COLUMN     "min_subtotal" INTEGER,
ADD COLUMN     "priority" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reserved_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "stackable" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "target_category_ids" VARCHAR(100)[] DEFAULT ARRAY[]::VARCHAR(100)[],
ADD COLUMN     "target_product_ids" VARCHAR(100)[] DEFAULT ARRAY[]::VARCHAR(100)[],
ADD COLUMN     "target_variant_ids" VARCHAR(100)[] DEFAULT ARRAY[]::VARCHAR(100)[],
ADD COLUMN     "valid_from" TIMESTAMPTZ(3),
ADD COLUMN     "valid_to" TIMESTAMPTZ(3),
ADD COLUMN     "value" INTEGER NOT NULL;

-- CreateTable
CREATE TABLE "promotion_redemption" (
    "id" UUID NOT NULL,
    "promotion_id" UUID NOT NULL,
    "order_id" VARCHAR(100) NOT NULL,
    "person_id" VARCHAR(100) NOT NULL,
    "status" "redemption_status" NOT NULL DEFAULT 'RESERVED',
    "amount" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "promotion_redemption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promotion_person_usage" (
    "promotion_id" UUID NOT NULL,
    "person_id" VARCHAR(100) NOT NULL,
    "uses" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "promotion_person_usage_pkey" PRIMARY KEY ("promotion_id","person_id")
);

-- CreateIndex
CREATE INDEX "promotion_redemption_promotion_id_person_id_idx" ON "promotion_redemption"("promotion_id", "person_id");

-- CreateIndex
CREATE UNIQUE INDEX "promotion_redemption_order_id_promotion_id_key" ON "promotion_redemption"("order_id", "promotion_id");

-- CreateIndex
CREATE INDEX "promotion_automatic_active_idx" ON "promotion"("automatic", "active");

-- AddForeignKey
ALTER TABLE "promotion_redemption" ADD CONSTRAINT "promotion_redemption_promotion_id_fkey" FOREIGN KEY ("promotion_id") REFERENCES "promotion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_person_usage" ADD CONSTRAINT "promotion_person_usage_promotion_id_fkey" FOREIGN KEY ("promotion_id") REFERENCES "promotion"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written (Prisma does not model CHECK constraints): the rules the service keeps, backed by
-- the database, so no race or bug can over-redeem a promotion or store a nonsensical one.
ALTER TABLE "promotion" ADD CONSTRAINT "promotion_value_check" CHECK (
  CASE "discount_type" WHEN 'PERCENTAGE' THEN "value" BETWEEN 1 AND 100 WHEN 'AMOUNT' THEN "value" > 0 ELSE "value" = 0 END);
ALTER TABLE "promotion" ADD CONSTRAINT "promotion_code_check" CHECK ("automatic" = ("code" IS NULL));
ALTER TABLE "promotion" ADD CONSTRAINT "promotion_limits_check" CHECK (
  ("max_redemptions" IS NULL OR "max_redemptions" > 0) AND ("max_redemptions_per_person" IS NULL OR "max_redemptions_per_person" > 0)
  AND ("min_subtotal" IS NULL OR "min_subtotal" >= 0) AND ("valid_from" IS NULL OR "valid_to" IS NULL OR "valid_to" > "valid_from"));
ALTER TABLE "promotion" ADD CONSTRAINT "promotion_counts_check" CHECK (
  "reserved_count" >= 0 AND "confirmed_count" >= 0
  AND ("max_redemptions" IS NULL OR "reserved_count" + "confirmed_count" <= "max_redemptions"));
ALTER TABLE "promotion_redemption" ADD CONSTRAINT "promotion_redemption_amount_check" CHECK ("amount" >= 0);
ALTER TABLE "promotion_person_usage" ADD CONSTRAINT "promotion_person_usage_uses_check" CHECK ("uses" >= 0);
