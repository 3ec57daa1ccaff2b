import { readFileSync } from 'node:fs';
import { pgAdapter } from '../../lib/db.js';
import { startSubgraph, type Runtime, type RunningService } from '../../lib/runtime.js';
import { PrismaClient } from './prisma-client/client.js';
import { resolvers, type PromotionContext } from './resolvers.js';

const typeDefs = readFileSync(new URL('../../schema/promotion.graphql', import.meta.url), 'utf8');

export async function startPromotion(runtime: Runtime, options: { port?: number } = {}): Promise<RunningService> {
  const { config } = runtime;
  const db = new PrismaClient({ adapter: pgAdapter(config.DATABASE_URL, 'promotion', config.DATABASE_POOL_SIZE) });
  return startSubgraph<PromotionContext>({
    name: 'promotion',
    runtime,
    typeDefs,
    resolvers,
    db,
    port: options.port,
    context: (base) => ({ ...base, db }),
  });
}
