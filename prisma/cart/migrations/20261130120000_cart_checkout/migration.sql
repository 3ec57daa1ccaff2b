-- AlterTable
ALTER TABLE "cart" ADD COLUMN     "checkout_id" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "cart_checkout_id_key" ON "cart"("checkout_id");

