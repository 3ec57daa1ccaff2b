-- CreateEnum
CREATE TYPE "catalog_import_status" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "catalog_import" (
    "id" UUID NOT NULL,
    "status" "catalog_import_status" NOT NULL DEFAULT 'QUEUED',
    "csv" TEXT,
    "url" VARCHAR(2048),
    "skip_invalid" BOOLEAN NOT NULL,
    "dry_run" BOOLEAN NOT NULL,
    "requested_by" VARCHAR(100) NOT NULL,
    "rows_total" INTEGER,
    "rows_done" INTEGER NOT NULL DEFAULT 0,
    "rows_skipped" INTEGER NOT NULL DEFAULT 0,
    "resume_after_line" INTEGER NOT NULL DEFAULT 0,
    "products_created" INTEGER NOT NULL DEFAULT 0,
    "products_updated" INTEGER NOT NULL DEFAULT 0,
    "products_unchanged" INTEGER NOT NULL DEFAULT 0,
    "variants_created" INTEGER NOT NULL DEFAULT 0,
    "variants_updated" INTEGER NOT NULL DEFAULT 0,
    "variants_unchanged" INTEGER NOT NULL DEFAULT 0,
    "categories_created" INTEGER NOT NULL DEFAULT 0,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "catalog_import_pkey" PRIMARY KEY ("id")
);

