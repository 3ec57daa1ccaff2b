import { readFileSync } from 'node:fs';
import { pgAdapter } from '../../lib/db.js';
import { startSubgraph, type Runtime, type RunningService } from '../../lib/runtime.js';
import type { PromotionContext, PromotionServices } from './context.js';
import { EvaluationService } from './evaluation.service.js';
import { PrismaClient } from './prisma-client/client.js';
import { PromotionService } from './promotion.service.js';
import { RedemptionService } from './redemption.service.js';
import { resolvers } from './resolvers.js';

const typeDefs = readFileSync(new URL('../../schema/promotion.graphql', import.meta.url), 'utf8');

export function createPromotionServices(runtime: Pick<Runtime, 'config'>): PromotionServices {
  const { config } = runtime;
  const db = new PrismaClient({ adapter: pgAdapter(config.DATABASE_URL, 'promotion', config.DATABASE_POOL_SIZE) });
  return { db, promotions: new PromotionService(db), evaluation: new EvaluationService(db), redemptions: new RedemptionService(db) };
}

export async function startPromotion(runtime: Runtime, options: { port?: number } = {}): Promise<RunningService> {
  const services = createPromotionServices(runtime);
  return startSubgraph<PromotionContext>({
    name: 'promotion',
    runtime,
    typeDefs,
    resolvers,
    db: services.db,
    port: options.port,
    context: (base) => ({ ...base, ...services }),
  });
}
