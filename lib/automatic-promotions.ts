// How many automatic promotions could apply, as the promotion context publishes it to Redis for
// the cart: a cart without codes skips asking the promotion subgraph when none could
// (subgraphs/promotion/automatic-summary.ts writes it, subgraphs/cart/quote.service.ts reads it).
// The value is `<stamp>:<count>`: the count of active automatic promotions that have not ended,
// and the stamp (Postgres's clock_timestamp() in microseconds) of the read that counted them.
import type { RedisClient } from './redis.js';
import { slotGroup } from './redis.js';

export const automaticPromotionsKey = (prefix: string): string => slotGroup(prefix, 'promotion:automatic');

/** The value written: the count and the stamp of the read that counted it. */
export const automaticPromotionsValue = (stamp: string, count: number): string => `${stamp}:${count}`;

/**
 * The count the promotion context last published, or null when there is none to trust (missing,
 * malformed, Redis away). A request does not wait for Redis: the shared connection queues commands
 * while Redis is away (lib/redis.ts), so then it answers null at once.
 */
export async function readAutomaticPromotions(redis: RedisClient, prefix: string): Promise<number | null> {
  if (redis.status !== 'ready') return null;
  try {
    const count = /^\d+:(\d+)$/.exec((await redis.get(automaticPromotionsKey(prefix))) ?? '')?.[1];
    return count === undefined ? null : Number(count);
  } catch {
    return null;
  }
}
