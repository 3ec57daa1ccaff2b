// The promotion context's own settings (README "Configuration" in this folder).
import { z } from 'zod';
import { setting } from '../../lib/config.js';

export const promotionSettings = z.object({
  /** Affiliate clicks one client address, and one person, may record per minute. */
  AFFILIATE_CLICKS_PER_MINUTE: setting.int(1, 100_000).default(30),
});

export type PromotionSettings = z.infer<typeof promotionSettings>;
