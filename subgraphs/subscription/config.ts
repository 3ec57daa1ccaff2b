// The subscription context's own settings (README "Configuration" in this folder).
import { z } from 'zod';
import { setting } from '../../lib/config.js';

const days = z
  .string()
  .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'must be whole numbers of days separated by commas, e.g. 1,3,5')
  .transform((text) => text.split(',').map((d) => Number(d.trim())))
  // A period's order holds its stock through the last retry, and the catalog holds stock for at most 7 days.
  .refine((list) => list.length <= 6 && list.every((d, i) => d >= 1 && d <= 6 && (i === 0 || d > list[i - 1]!)), 'must be up to 6 increasing day counts, each 1..6 (the stock stays held through the last retry, and the catalog holds it at most 7 days)');

export const subscriptionSettings = z.object({
  /** How often the renewal job looks for subscriptions due. */
  SUBSCRIPTION_RENEWAL_MS: setting.int(100, 3_600_000).default(60_000),
  /** Subscriptions one renewal run claims at a time (each worker claims its own). */
  SUBSCRIPTION_RENEWAL_BATCH: setting.int(1, 1000).default(50),
  /** After a renewal's payment fails, retry this many days after the first failure (default after 1, 3 and 5 days; at most 6). */
  SUBSCRIPTION_RETRY_DAYS: days.default([1, 3, 5]),
  /** What a subscription becomes when its last retry fails. */
  SUBSCRIPTION_DUNNING_OUTCOME: z.enum(['PAUSED', 'CANCELLED']).default('PAUSED'),
});

export type SubscriptionSettings = z.infer<typeof subscriptionSettings>;
