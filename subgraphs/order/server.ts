import { readFileSync } from 'node:fs';
import { pgAdapter } from '../../lib/db.js';
import { startSubgraph, type Runtime, type RunningService } from '../../lib/runtime.js';
import { PrismaClient } from './prisma-client/client.js';
import { resolvers, type OrderContext } from './resolvers.js';

const typeDefs = readFileSync(new URL('../../schema/order.graphql', import.meta.url), 'utf8');

export async function startOrder(runtime: Runtime, options: { port?: number } = {}): Promise<RunningService> {
  const { config } = runtime;
  const db = new PrismaClient({ adapter: pgAdapter(config.DATABASE_URL, 'order', config.DATABASE_POOL_SIZE) });
  return startSubgraph<OrderContext>({
    name: 'order',
    runtime,
    typeDefs,
    resolvers,
    db,
    port: options.port,
    context: (base) => ({ ...base, db }),
  });
}
