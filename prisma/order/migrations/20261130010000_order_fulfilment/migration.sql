-- CreateEnum
CREATE TYPE "shipment_status" AS ENUM ('PENDING', 'SHIPPED', 'IN_TRANSIT', 'DELIVERED', 'RETURNED');

-- CreateTable
CREATE TABLE "shipment" (
    "order_id" UUID NOT NULL,
    "provider" VARCHAR(100),
    "method" VARCHAR(100),
    "tracking_number" VARCHAR(100),
    "status" "shipment_status" NOT NULL DEFAULT 'PENDING',
    "shipped_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "shipment_pkey" PRIMARY KEY ("order_id")
);

-- AddForeignKey
ALTER TABLE "shipment" ADD CONSTRAINT "shipment_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

