// The promotion context's summary for the cart (lib/automatic-promotions.ts): how many active
// automatic promotions have not ended. Written after every promotion write, before its answer, so
// that a cart priced next sees it (a cart without codes skips asking the promotions when the count
// is 0); at start-up and every SUMMARY_EVERY_MS by a job, and with a TTL, so that a write whose
// summary was lost (Redis away at that moment) is corrected, and a summary nobody refreshes
// expires into "ask". A summary counted earlier never replaces one counted later: two writes racing
// could otherwise leave the count the first of them read, before the second committed.
import { automaticPromotionsKey, automaticPromotionsValue } from '../../lib/automatic-promotions.js';
import { readRows, type SqlClient } from '../../lib/db.js';
import type { JobSpec } from '../../lib/runtime.js';
import type { Logger } from '../../lib/logger.js';
import type { RedisClient } from '../../lib/redis.js';

export const SUMMARY_EVERY_MS = 10_000;
const SUMMARY_TTL_MS = 6 * SUMMARY_EVERY_MS;

/** KEYS: the summary. ARGV: the new value `<stamp>:<count>`, its TTL in ms. Sets it unless the stored one was counted later. */
const SET_IF_NEWER = `
local current = redis.call('GET', KEYS[1])
if current then
  local stored = tonumber(string.match(current, '^(%d+):'))
  local incoming = tonumber(string.match(ARGV[1], '^(%d+):'))
  if stored and incoming and stored > incoming then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

export class AutomaticPromotionsSummary {
  constructor(
    private readonly db: SqlClient,
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly log: Logger,
  ) {}

  /**
   * Counts and publishes; a failure is logged, not thrown (the promotion write it follows has
   * committed). With Redis away nothing is sent: the shared connection would hold the command, and
   * the admin's write with it, until Redis is back (carts ask meanwhile, and the job publishes
   * within SUMMARY_EVERY_MS of its return).
   */
  async publish(): Promise<void> {
    if (this.redis.status !== 'ready') {
      this.log.warn({ redis: this.redis.status }, 'Redis is away: the automatic promotions summary is published again once it is back');
      return;
    }
    try {
      const [row] = await readRows<{ stamp: string; automatic: number }>(this.db, {
        text: `SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint::text AS stamp, count(*)::int AS automatic
                 FROM promotion WHERE active AND automatic AND (valid_to IS NULL OR valid_to > now())`,
        values: [],
      });
      await this.redis.eval(SET_IF_NEWER, 1, automaticPromotionsKey(this.prefix), automaticPromotionsValue(row!.stamp, row!.automatic), SUMMARY_TTL_MS);
    } catch (err) {
      this.log.warn({ err }, 'could not publish the automatic promotions summary; carts ask the promotions until it is');
      // Not awaited: with Redis gone meanwhile it waits for its return, and no summary only makes carts ask.
      void this.redis.del(automaticPromotionsKey(this.prefix)).catch(() => undefined);
    }
  }

  /** The job that refreshes it (and publishes it first when the context starts). */
  job(): JobSpec {
    return { queueName: 'promotion-automatic-summary', everyMs: SUMMARY_EVERY_MS, run: async () => (await this.publish(), 1) };
  }
}
