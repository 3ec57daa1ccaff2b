// Clicks on partners' links: recorded, linked to the cart created with the partner's code, and
// purged after the retention period. The rate limit on recording is the resolver's (clickAttempts).
import { normalizeCode } from '../../../lib/input-checker.js';
import { retentionCutoff } from '../retention.js';
import { purgeInBatches } from '../../../lib/purge.js';
import { AffiliateInputChecker, CLICK_LINK_WINDOW_MS, checkClick, refuse, type ClickInput } from './affiliate.js';
import type { AffiliateClickRow } from './models.js';
import type { SqlTransaction } from '../../../lib/db.js';
import type { PrismaClient } from '../prisma-client/client.js';

/** The consumer's transaction (lib/event-consumer.ts processOnce): raw statements. */
type Tx = SqlTransaction;

/** CartCreated's data as the cart subgraph publishes it. */
export interface CartCreatedData {
  cartId: string;
  personId: string | null;
  affiliateCode: string | null;
}


export class AffiliateClickService {
  constructor(private readonly db: PrismaClient) {}

  /** Records a click through an active partner's code; `personId` is the signed-in shopper's, else null. */
  async record(input: ClickInput, personId: string | null): Promise<AffiliateClickRow> {
    const c = new AffiliateInputChecker();
    const code = checkClick(c, input);
    c.throwIfAny();
    const partner = await this.db.affiliatePartner.findUnique({ where: { code } });
    if (!partner?.active) return refuse('PARTNER_NOT_FOUND', 'no active affiliate partner has this code', ['input', 'code']);
    const click = await this.db.affiliateClick.create({
      data: { partnerId: partner.id, url: input.url, referrer: input.referrer ?? null, personId },
    });
    return { ...click, partner };
  }

  /**
   * Links a cart created with a partner's code to one click of that partner from the last 30
   * days that no cart has yet: the shopper's own latest click, else the latest anonymous one
   * (a visitor who signed in after clicking). Skip-locked, so carts created at the same time take
   * different clicks. Returns the click's id, or null when there is none to link.
   */
  async linkCart(tx: Tx, cart: CartCreatedData, now = new Date()): Promise<string | null> {
    if (!cart.affiliateCode) return null;
    const [partner] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM affiliate_partner WHERE code = ${normalizeCode(cart.affiliateCode)}`;
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

  /** Deletes clicks past the retention period (promotion/retention.ts), in batches. */
  purgeExpired(now = new Date()): Promise<number> {
    const cutoff = retentionCutoff(now);
    return purgeInBatches(
      (limit) => this.db.$executeRaw`DELETE FROM affiliate_click WHERE id IN (SELECT id FROM affiliate_click WHERE created_at < ${cutoff} LIMIT ${limit})`,
    );
  }
}
