
-- CreateTable
CREATE TABLE "catalog_variant" (
    "variant_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "data" JSONB NOT NULL,
    "fetched_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "catalog_variant_pkey" PRIMARY KEY ("variant_id")
);

-- CreateTable
CREATE TABLE "catalog_projection" (
    "id" INTEGER NOT NULL,
    "epoch" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "catalog_projection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "catalog_variant_product_id_idx" ON "catalog_variant"("product_id");


-- The one row the projection's drops count in (subgraphs/cart/catalog-projection.ts)
INSERT INTO "catalog_projection" ("id", "epoch") VALUES (1, 0);
