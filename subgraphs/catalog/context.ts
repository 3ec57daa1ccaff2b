import type { RequestContext } from '../../lib/resolver-context.js';
import type { CatalogExportService } from './catalog-export.service.js';
import type { CatalogImportRuns } from './catalog-import-runs.js';
import type { CatalogImportService } from './catalog-import.service.js';
import type { CategoryService } from './category.service.js';
import type { CatalogSettings } from './config.js';
import type { InventoryService } from './inventory.service.js';
import type { CatalogLoaders } from './loaders.js';
import type { PrismaClient } from './prisma-client/client.js';
import type { ProductService } from './product.service.js';
import type { SearchSynonymService } from './search-synonym.service.js';

export interface CatalogServices {
  db: PrismaClient;
  settings: CatalogSettings;
  products: ProductService;
  categories: CategoryService;
  inventory: InventoryService;
  catalogImport: CatalogImportService;
  catalogExport: CatalogExportService;
  searchSynonyms: SearchSynonymService;
}

export interface CatalogContext extends RequestContext, CatalogServices {
  /** The read replica's client (CATALOG_READ_DATABASE_URL), or null without one. */
  replica: PrismaClient | null;
  /** Where this request's read-only queries go: the replica or `db`, as read-routing.ts decides. */
  reads: PrismaClient;
  /** Per-request batching, on `reads`. */
  loaders: CatalogLoaders;
  /** Admins' imports, queued as jobs. */
  imports: CatalogImportRuns;
}
