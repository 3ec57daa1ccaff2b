import type { PrismaPg } from '@prisma/adapter-pg';
import { hasRole } from '../../lib/auth.js';
import { readSettings } from '../../lib/config.js';
import { contextAdapter, pgAdapter, readingDirectly } from '../../lib/db.js';
import { bullPrefix, startSubgraph, type Runtime, type RunningService } from '../../lib/runtime.js';
import { CatalogExportService } from './catalog-export.service.js';
import { CatalogImportRuns } from './catalog-import-runs.js';
import { CatalogImportService } from './catalog-import.service.js';
import { CategoryService } from './category.service.js';
import { catalogSettings } from './config.js';
import type { CatalogContext, CatalogServices } from './context.js';
import { InventoryService } from './inventory.service.js';
import { PrismaClient } from './prisma-client/client.js';
import { ProductService } from './product.service.js';
import { routeReads } from './read-routing.js';
import { SearchSynonymService } from './search-synonym.service.js';
import { SynonymRules } from './search-vocabulary.js';
import { resolvers } from './resolvers.js';
import { catalogImportQueue, startCatalogImportWorker } from './workers/catalog-import.js';
import { reservationExpiryJob } from './workers/reservation-expiry.js';
import { ORDER_CONTEXT, orderOutcomeConsumer, wasPaid } from '../../lib/order-outcomes.js';
import { createLogger } from '../../lib/logger.js';

export interface CatalogOptions {
  port?: number;
  /** Sees each SQL statement the catalog runs; tests count them to keep reads free of N+1 queries. */
  onQuery?: (sql: string) => void;
}

/** A client on `adapter` whose hot reads (loaders, listings, search) go straight to its pool (lib/db.ts readRows). */
function catalogClient(adapter: PrismaPg, onQuery: CatalogOptions['onQuery']): PrismaClient {
  if (!onQuery) return readingDirectly(new PrismaClient({ adapter }), adapter);
  const db = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  db.$on('query', (event) => onQuery(event.query));
  return readingDirectly(db, adapter, onQuery);
}

export function createCatalogServices(runtime: Pick<Runtime, 'config'>, options: Pick<CatalogOptions, 'onQuery'> = {}): CatalogServices {
  const { config } = runtime;
  const settings = readSettings(catalogSettings, config);
  const db = catalogClient(contextAdapter(config, 'catalog'), options.onQuery);
  return {
    db,
    settings,
    products: new ProductService(db),
    categories: new CategoryService(db),
    inventory: new InventoryService(db, settings.RESERVATION_TTL_SECONDS),
    catalogImport: new CatalogImportService(db),
    catalogExport: new CatalogExportService(db),
    searchSynonyms: new SearchSynonymService(db, new SynonymRules(db, settings.CATALOG_SYNONYM_CACHE_MS)),
  };
}

export async function startCatalog(runtime: Runtime, options: CatalogOptions = {}): Promise<RunningService> {
  const services = createCatalogServices(runtime, options);
  const { config } = runtime;
  // Shoppers' reads go here when set (read-routing.ts); no second pool without it.
  const replica = config.CATALOG_READ_DATABASE_URL ? catalogClient(pgAdapter(config.CATALOG_READ_DATABASE_URL, 'catalog', config.DATABASE_POOL_SIZE), options.onQuery) : null;
  const importQueue = catalogImportQueue(runtime.redis, bullPrefix(config));
  const imports = new CatalogImportRuns(services.db, services.catalogImport, importQueue.enqueue, {
    maxBytes: services.settings.CATALOG_IMPORT_MAX_BYTES,
    timeoutMs: services.settings.CATALOG_IMPORT_FETCH_TIMEOUT_MS,
  });
  const service = await startSubgraph<CatalogContext>({
    name: 'catalog',
    runtime,
    resolvers,
    db: services.db,
    port: options.port,
    context: (base) => {
      const ctx = { ...base, ...services, imports, replica };
      return { ...ctx, ...routeReads(ctx) };
    },
    readiness: replica ? { 'postgres-read-replica': () => replica.$queryRawUnsafe('SELECT 1') } : undefined,
    jobs: [reservationExpiryJob(services.inventory, services.settings.RESERVATION_SWEEP_MS)],
    // A paid order's stock leaves the warehouse; a cancelled order's returns to available.
    consumers: [
      orderOutcomeConsumer({
        name: 'catalog-order-stock',
        redisPrefix: runtime.config.REDIS_PREFIX,
        log: createLogger(runtime.config.LOG_LEVEL, 'catalog'),
        paid: ({ orderId }) => services.inventory.commit(orderId, ORDER_CONTEXT),
        // A paid order's stock has left already (restocking it is staff's, with setInventory).
        cancelled: async (order) => (wasPaid(order) ? undefined : services.inventory.release(order.orderId, ORDER_CONTEXT)),
      }),
    ],
    // The storefront's catalog is the same for every shopper; staff see inactive products too.
    publicCache: { maxAge: services.settings.CATALOG_CACHE_MAX_AGE, personal: (ctx) => hasRole(ctx.viewer, 'admin', 'support') },
  }).catch(async (err: unknown) => {
    await importQueue.queue.close();
    await replica?.$disconnect();
    throw err;
  });
  const importWorker = config.RUN_WORKERS
    ? startCatalogImportWorker({ connection: runtime.redis, prefix: bullPrefix(config), runs: imports, log: service.log })
    : null;
  return {
    ...service,
    // A running import stops after its batch and waits on the queue for the next worker.
    async close() {
      await importWorker?.close();
      await service.close();
      await importQueue.queue.close();
      await replica?.$disconnect();
    },
  };
}
