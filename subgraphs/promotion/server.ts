import { readSettings } from '../../lib/config.js';
import { contextAdapter } from '../../lib/db.js';
import { createLogger } from '../../lib/logger.js';
import { startSubgraph, type Runtime, type RunningService } from '../../lib/runtime.js';
import { AffiliateAttributionService } from './affiliates/attribution.service.js';
import { AffiliateClickService } from './affiliates/click.service.js';
import { AffiliatePartnerService } from './affiliates/partner.service.js';
import { promotionSettings } from './config.js';
import type { PromotionContext, PromotionServices } from './context.js';
import { EvaluationService } from './evaluation.service.js';
import { PrismaClient } from './prisma-client/client.js';
import { PromotionService } from './promotion.service.js';
import { RedemptionService } from './redemption.service.js';
import { resolvers } from './resolvers.js';
import { affiliateClickPurgeJob } from './affiliates/workers/click-purge.js';
import { affiliateConsumers } from './affiliates/workers/consumers.js';
import { ORDER_CONTEXT, orderOutcomeConsumer } from '../../lib/order-outcomes.js';

export function createPromotionServices(runtime: Pick<Runtime, 'config' | 'redis'>): PromotionServices {
  const { config, redis } = runtime;
  const settings = readSettings(promotionSettings, config);
  const db = new PrismaClient({ adapter: contextAdapter(config, 'promotion') });
  return {
    db,
    promotions: new PromotionService(db),
    evaluation: new EvaluationService(db),
    redemptions: new RedemptionService(db),
    partners: new AffiliatePartnerService(db),
    clicks: new AffiliateClickService(db, redis, {
      keyPrefix: `${config.REDIS_PREFIX}:affiliate-clicks`,
      clicksPerMinute: settings.AFFILIATE_CLICKS_PER_MINUTE,
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
    resolvers,
    db,
    port: options.port,
    context: (base) => ({ ...base, ...services }),
    jobs: [affiliateClickPurgeJob(clicks)],
    consumers: [
      ...affiliateConsumers({
        db,
        clicks,
        attributions,
        redisPrefix: runtime.config.REDIS_PREFIX,
        log: createLogger(runtime.config.LOG_LEVEL, 'promotion'),
      }),
      // A paid order's held uses become confirmed; a cancelled order's return.
      orderOutcomeConsumer({
        name: 'promotion-order-redemptions',
        redisPrefix: runtime.config.REDIS_PREFIX,
        log: createLogger(runtime.config.LOG_LEVEL, 'promotion'),
        paid: ({ orderId }) => services.redemptions.confirm(orderId, ORDER_CONTEXT),
        cancelled: ({ orderId }) => services.redemptions.release(orderId, ORDER_CONTEXT),
      }),
    ],
  });
}
