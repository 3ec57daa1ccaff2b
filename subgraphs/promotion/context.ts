import type { AutomaticPromotionsSummary } from './automatic-summary.js';
import type { RateLimiter } from '../../lib/rate-limit.js';
import type { RequestContext } from '../../lib/resolver-context.js';
import type { AffiliateAttributionService } from './affiliates/attribution.service.js';
import type { AffiliateClickService } from './affiliates/click.service.js';
import type { AffiliatePartnerService } from './affiliates/partner.service.js';
import type { EvaluationService } from './evaluation.service.js';
import type { PrismaClient } from './prisma-client/client.js';
import type { PromotionService } from './promotion.service.js';
import type { RedemptionService } from './redemption.service.js';

export interface PromotionServices {
  db: PrismaClient;
  promotions: PromotionService;
  evaluation: EvaluationService;
  redemptions: RedemptionService;
  partners: AffiliatePartnerService;
  clicks: AffiliateClickService;
  /** recordAffiliateClick's rate limit (AFFILIATE_CLICKS_PER_MINUTE). */
  clickAttempts: RateLimiter;
  attributions: AffiliateAttributionService;
  /** What carts read to skip asking when no automatic promotion could apply. */
  automatic: AutomaticPromotionsSummary;
}

export interface PromotionContext extends RequestContext, PromotionServices {}
