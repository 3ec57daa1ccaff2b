-- AlterTable
ALTER TABLE "cart" ADD COLUMN     "affiliate_code" VARCHAR(64),
ADD COLUMN     "applied_codes" VARCHAR(64)[] DEFAULT ARRAY[]::VARCHAR(64)[],
ADD COLUMN     "archived_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "cart_line" (
    "id" UUID NOT NULL,
    "cart_id" UUID NOT NULL,
    "variant_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "seen_unit_price" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cart_line_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "cart_line_cart_id_variant_id_key" ON "cart_line"("cart_id", "variant_id");

-- CreateIndex
CREATE INDEX "cart_status_last_activity_at_idx" ON "cart"("status", "last_activity_at");

-- AddForeignKey
ALTER TABLE "cart_line" ADD CONSTRAINT "cart_line_cart_id_fkey" FOREIGN KEY ("cart_id") REFERENCES "cart"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: what Prisma cannot express (listed in prisma/migrations.test.ts).
ALTER TABLE "cart_line" ADD CONSTRAINT "cart_line_quantity_check" CHECK ("quantity" BETWEEN 1 AND 999);

-- One ACTIVE cart per person. Any older duplicates (there should be none) are archived first.
UPDATE "cart" c SET "status" = 'EXPIRED', "archived_at" = CURRENT_TIMESTAMP, "updated_at" = CURRENT_TIMESTAMP
 WHERE c."status" = 'ACTIVE'
   AND EXISTS (SELECT 1 FROM "cart" newer WHERE newer."person_id" = c."person_id" AND newer."status" = 'ACTIVE'
                 AND (newer."last_activity_at", newer."id") > (c."last_activity_at", c."id"));
CREATE UNIQUE INDEX "cart_one_active_per_person" ON "cart"("person_id") WHERE "status" = 'ACTIVE';
