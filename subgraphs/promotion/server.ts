import { readSettings } from '../../lib/config.js';
import { contextAdapter, readingDirectly } from '../../lib/db.js';
import { createLogger } from '../../lib/logger.js';
import { erasureConsumer } from '../../lib/personal-data.js';
import { RateLimiter } from '../../lib/rate-limit.js';
import { startSubgraph, type Runtime, type RunningService } from '../../lib/runtime.js';
import { AffiliateAttributionService } from './affiliates/attribution.service.js';
import { AffiliateClickService } from './affiliates/click.service.js';
import { AffiliatePartnerService } from './affiliates/partner.service.js';
import { promotionSettings } from './config.js';
import type { PromotionContext, PromotionServices } from './context.js';
import { AutomaticPromotionsSummary } from './automatic-summary.js';
import { EvaluationService } from './evaluation.service.js';
import { PrismaClient } from './prisma-client/client.js';
import { PromotionService } from './promotion.service.js';
import { RedemptionService } from './redemption.service.js';
import { erasePromotionData } from './personal-data.js';
import { resolvers } from './resolvers.js';
import { retentionJob } from './retention.js';
import { affiliateConsumers } from './affiliates/workers/consumers.js';
import { ORDER_CONTEXT, orderOutcomeConsumer } from '../../lib/order-outcomes.js';

export function createPromotionServices(runtime: Pick<Runtime, 'config' | 'redis'>): PromotionServices {
  const { config, redis } = runtime;
  const settings = readSettings(promotionSettings, config);
  const adapter = contextAdapter(config, 'promotion');
  const db = readingDirectly(new PrismaClient({ adapter }), adapter);
  const automatic = new AutomaticPromotionsSummary(db, redis, config.REDIS_PREFIX, createLogger(config.LOG_LEVEL, 'promotion'));
  return {
    db,
    automatic,
    promotions: new PromotionService(db, () => automatic.publish()),
    evaluation: new EvaluationService(db),
    redemptions: new RedemptionService(db, config.DATABASE_POOL_SIZE),
    partners: new AffiliatePartnerService(db),
    clicks: new AffiliateClickService(db),
    clickAttempts: new RateLimiter(redis, {
      purpose: 'affiliate-clicks',
      redisPrefix: config.REDIS_PREFIX,
      perPerson: settings.AFFILIATE_CLICKS_PER_MINUTE,
      perClient: settings.AFFILIATE_CLICKS_PER_MINUTE,
      what: 'clicks from this client',
    }),
    attributions: new AffiliateAttributionService(db),
  };
}

export async function startPromotion(runtime: Runtime, options: { port?: number } = {}): Promise<RunningService> {
  const services = createPromotionServices(runtime);
  const { db, clicks, attributions, redemptions, automatic } = services;
  // Carts without codes ask the promotions only when this says an automatic one could apply.
  await automatic.publish();
  return startSubgraph<PromotionContext>({
    name: 'promotion',
    runtime,
    resolvers,
    db,
    port: options.port,
    context: (base) => ({ ...base, ...services }),
    // Usage past its retention (retention.ts): the affiliate clicks and the settled uses of codes.
    jobs: [
      retentionJob('promotion-affiliate-click-purge', () => clicks.purgeExpired()),
      retentionJob('promotion-redemption-purge', () => redemptions.purgeExpired()),
      automatic.job(),
    ],
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
      erasureConsumer({ name: 'promotion-personal-data-erasure', redisPrefix: runtime.config.REDIS_PREFIX, db, log: createLogger(runtime.config.LOG_LEVEL, 'promotion'), erase: erasePromotionData }),
    ],
  });
}
