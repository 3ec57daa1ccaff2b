// Clicks on partners' links: recorded (rate-limited per client), linked to the cart created with
// the partner's code, and purged after the retention period.
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { normalizeCode } from '../../../lib/input-checker.js';
import { AffiliateInputChecker, CLICK_LINK_WINDOW_MS, CLICK_RETENTION_MS, checkClick, refuse, type ClickInput } from './affiliate.js';
import type { AffiliateClickRow } from './models.js';
import type { Prisma, PrismaClient } from '../prisma-client/client.js';

type Tx = Prisma.TransactionClient;

/** Who is clicking: the limiter counts per address, or per person when no address is known. */
export interface Clicker {
  clientAddress: string | null;
  personId: string | null;
}

/** CartCreated's data as the cart subgraph publishes it. */
export interface CartCreatedData {
  cartId: string;
  personId: string | null;
  affiliateCode: string | null;
}

const PURGE_BATCH = 5000;

export class AffiliateClickService {
  private readonly limiter: RateLimiterRedis;

  constructor(
    private readonly db: PrismaClient,
    redis: Redis,
    options: { keyPrefix: string; clicksPerMinute: number },
  ) {
    this.limiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: options.keyPrefix, points: options.clicksPerMinute, duration: 60 });
  }

  /** Every call counts against the caller's limit, refused ones included (no free probing of codes). */
  async record(input: ClickInput, clicker: Clicker): Promise<AffiliateClickRow> {
    await this.consume(clicker);
    const c = new AffiliateInputChecker();
    const code = checkClick(c, input);
    c.throwIfAny();
    const partner = await this.db.affiliatePartner.findUnique({ where: { code } });
    if (!partner?.active) return refuse('PARTNER_NOT_FOUND', 'no active affiliate partner has this code', ['input', 'code']);
    const click = await this.db.affiliateClick.create({
      data: { partnerId: partner.id, url: input.url, referrer: input.referrer ?? null, personId: clicker.personId },
    });
    return { ...click, partner };
  }

  private async consume(clicker: Clicker): Promise<void> {
    const key = clicker.clientAddress ? `address:${clicker.clientAddress}` : clicker.personId ? `person:${clicker.personId}` : 'unknown';
    try {
      await this.limiter.consume(key);
    } catch (res) {
      // A RateLimiterRes means over the limit; anything else is Redis failing, not the caller.
      if (!(res instanceof RateLimiterRes)) throw res;
      const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      refuse('RATE_LIMITED', `too many clicks from this client; retry after ${seconds} seconds`);
    }
  }

  /**
   * Links a cart created with a partner's code to one click of that partner from the last 30
   * days that no cart has yet: the shopper's own latest click, else the latest anonymous one
   * (a visitor who signed in after clicking). Skip-locked, so carts created at the same time take
   * different clicks. Returns the click's id, or null when there is none to link.
   */
  async linkCart(tx: Tx, cart: CartCreatedData, now = new Date()): Promise<string | null> {
    if (!cart.affiliateCode) return null;
    const partner = await tx.affiliatePartner.findUnique({ where: { code: normalizeCode(cart.affiliateCode) }, select: { id: true } });
    if (!partner) return null;
    const since = new Date(now.getTime() - CLICK_LINK_WINDOW_MS);
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE affiliate_click SET cart_id = ${cart.cartId}, linked_at = ${now}
       WHERE id = (SELECT id FROM affiliate_click
                    WHERE partner_id = ${partner.id}::uuid AND cart_id IS NULL AND created_at >= ${since}
                      AND (person_id = ${cart.personId} OR person_id IS NULL)
                    ORDER BY person_id IS NOT NULL DESC, created_at DESC, id DESC
                    LIMIT 1 FOR UPDATE SKIP LOCKED)
         AND NOT EXISTS (SELECT 1 FROM affiliate_click WHERE cart_id = ${cart.cartId})
      RETURNING id`;
    return rows[0]?.id ?? null;
  }

  /** Deletes clicks older than the retention period (SPEC: affiliate usage is kept 2 years), in batches. */
  async purgeExpired(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - CLICK_RETENTION_MS);
    let deleted = 0;
    for (let batch = PURGE_BATCH; batch === PURGE_BATCH; deleted += batch) {
      batch = await this.db.$executeRaw`
        DELETE FROM affiliate_click WHERE id IN (SELECT id FROM affiliate_click WHERE created_at < ${cutoff} LIMIT ${PURGE_BATCH})`;
    }
    return deleted;
  }
}
