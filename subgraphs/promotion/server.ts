import { readFileSync } from 'node:fs';
import { pgAdapter } from '../../lib/db.js';
import { createLogger } from '../../lib/logger.js';
import { startSubgraph, type Runtime, type RunningService } from '../../lib/runtime.js';
import { AffiliateAttributionService } from './affiliate-attribution.service.js';
import { AffiliateClickService } from './affiliate-click.service.js';
import { AffiliatePartnerService } from './affiliate-partner.service.js';
import type { PromotionContext, PromotionServices } from './context.js';
import { EvaluationService } from './evaluation.service.js';
import { PrismaClient } from './prisma-client/client.js';
import { PromotionService } from './promotion.service.js';
import { RedemptionService } from './redemption.service.js';
import { resolvers } from './resolvers.js';
import { affiliateClickPurgeJob } from './workers/affiliate-click-purge.js';
import { affiliateConsumers } from './workers/affiliate-events.js';

const typeDefs = readFileSync(new URL('../../schema/promotion.graphql', import.meta.url), 'utf8');

export function createPromotionServices(runtime: Pick<Runtime, 'config' | 'redis'>): PromotionServices {
  const { config, redis } = runtime;
  const db = new PrismaClient({ adapter: pgAdapter(config.DATABASE_URL, 'promotion', config.DATABASE_POOL_SIZE) });
  return {
    db,
    promotions: new PromotionService(db),
    evaluation: new EvaluationService(db),
    redemptions: new RedemptionService(db),
    partners: new AffiliatePartnerService(db),
    clicks: new AffiliateClickService(db, redis, {
      keyPrefix: `${config.REDIS_PREFIX}:affiliate-clicks`,
      clicksPerMinute: config.AFFILIATE_CLICKS_PER_MINUTE,
    }),
    attributions: new AffiliateAttributionService(db),
  };
}

export async function startPromotion(runtime: Runtime, options: { port?: number } = {}): Promise<RunningService> {
  const services = createPromotionServices(runtime);
  const { db, clicks, attributions } = services;
  return startSubgraph<PromotionContext>({
    name: 'promotion',
    runtime,
    typeDefs,
    resolvers,
    db,
    port: options.port,
    context: (base) => ({ ...base, ...services }),
    jobs: [affiliateClickPurgeJob(clicks)],
    consumers: affiliateConsumers({
      db,
      clicks,
      attributions,
      redisPrefix: runtime.config.REDIS_PREFIX,
      log: createLogger(runtime.config.LOG_LEVEL, 'promotion'),
    }),
  });
}
