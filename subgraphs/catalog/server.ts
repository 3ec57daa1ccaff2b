import { readFileSync } from 'node:fs';
import { pgAdapter } from '../../lib/db.js';
import { startSubgraph, type Runtime, type RunningService } from '../../lib/runtime.js';
import { CategoryService } from './category.service.js';
import type { CatalogContext, CatalogServices } from './context.js';
import { InventoryService } from './inventory.service.js';
import { createLoaders } from './loaders.js';
import { PrismaClient } from './prisma-client/client.js';
import { ProductService } from './product.service.js';
import { resolvers } from './resolvers.js';
import { reservationExpiryJob } from './workers/reservation-expiry.js';

const typeDefs = readFileSync(new URL('../../schema/catalog.graphql', import.meta.url), 'utf8');

export function createCatalogServices(runtime: Pick<Runtime, 'config'>): CatalogServices {
  const { config } = runtime;
  const db = new PrismaClient({ adapter: pgAdapter(config.DATABASE_URL, 'catalog', config.DATABASE_POOL_SIZE) });
  return {
    db,
    products: new ProductService(db),
    categories: new CategoryService(db),
    inventory: new InventoryService(db, config.RESERVATION_TTL_SECONDS),
  };
}

export async function startCatalog(runtime: Runtime, options: { port?: number } = {}): Promise<RunningService> {
  const services = createCatalogServices(runtime);
  return startSubgraph<CatalogContext>({
    name: 'catalog',
    runtime,
    typeDefs,
    resolvers,
    db: services.db,
    port: options.port,
    context: (base) => ({ ...base, ...services, loaders: createLoaders(services.db) }),
    jobs: [reservationExpiryJob(services.inventory, runtime.config.RESERVATION_SWEEP_MS)],
  });
}
