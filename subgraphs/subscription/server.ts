import { contextAdapter } from '../../lib/db.js';
import { startSubgraph, type Runtime, type RunningService } from '../../lib/runtime.js';
import { PrismaClient } from './prisma-client/client.js';
import { resolvers, type SubscriptionContext } from './resolvers.js';

export async function startSubscription(runtime: Runtime, options: { port?: number } = {}): Promise<RunningService> {
  const db = new PrismaClient({ adapter: contextAdapter(runtime.config, 'subscription') });
  return startSubgraph<SubscriptionContext>({
    name: 'subscription',
    runtime,
    resolvers,
    db,
    port: options.port,
    context: (base) => ({ ...base, db }),
  });
}
