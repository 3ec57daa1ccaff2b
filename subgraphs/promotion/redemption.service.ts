// Redemptions: one use of a promotion by one order, held at checkout (RESERVED), CONFIRMED when
// the order is paid, RELEASED when it is cancelled or expires.
//
// Limits hold under any concurrency without read-modify-write: a use is taken by one conditional
// UPDATE of the promotion's counters (… WHERE reserved + confirmed < max) and one conditional
// upsert of the person's counter (… WHERE uses < max per person); CHECK constraints back both.
// Every operation on an order runs under a transaction-scoped advisory lock on the order id, so a
// retried call waits for the first and then answers with what it stored. Promotion rows are
// always taken in id order, so concurrent checkouts cannot deadlock.
import { UserErrorsException } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import type { Prisma, PrismaClient, PromotionRedemption } from './prisma-client/client.js';
import { Checker, LIMITS } from './validation.js';

type Tx = Prisma.TransactionClient;

export interface RedemptionRequest {
  promotionId: string;
  amount: number;
}

/** Waiting checkouts queue on one hot promotion's row lock; give the queue time to drain. */
const QUEUED_WRITE = { maxWait: 10_000, timeout: 20_000 };

const byPromotion = (a: { promotionId: string }, b: { promotionId: string }) => (a.promotionId < b.promotionId ? -1 : a.promotionId > b.promotionId ? 1 : 0);

export class RedemptionService {
  constructor(private readonly db: PrismaClient) {}

  private async lockOrder(tx: Tx, orderId: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('promotion_redemption'), hashtext(${orderId}))`;
  }

  /**
   * Holds one use of each promotion for the order: all of them or none. A repeated call for the
   * same order returns what the first stored (whatever promotions it lists).
   */
  async reserve(orderId: string, personId: string, redemptions: RedemptionRequest[]): Promise<PromotionRedemption[]> {
    const c = new Checker();
    c.text(orderId, ['input', 'orderId'], LIMITS.ownerId, true);
    c.text(personId, ['input', 'personId'], LIMITS.ownerId, true);
    if (redemptions.length > LIMITS.redemptionsPerOrder) c.add('INVALID_INPUT', `at most ${LIMITS.redemptionsPerOrder} redemptions per order`, ['input', 'redemptions']);
    const seen = new Set<string>();
    redemptions.forEach((r, i) => {
      const field = ['input', 'redemptions', String(i)];
      if (!isUuid(r.promotionId)) c.add('PROMOTION_NOT_FOUND', 'promotion not found', [...field, 'promotionId']);
      else if (seen.has(r.promotionId)) c.add('INVALID_INPUT', 'each promotion is redeemed once per order', [...field, 'promotionId']);
      seen.add(r.promotionId);
      c.range(r.amount, [...field, 'amount'], 0, LIMITS.amount);
    });
    if (c.errors.length) throw new UserErrorsException(c.errors);

    const ordered = redemptions.map((r, line) => ({ ...r, line })).sort(byPromotion);
    return this.db.$transaction(async (tx) => {
      await this.lockOrder(tx, orderId);
      const existing = await this.forOrder(tx, orderId);
      if (existing.length > 0 || ordered.length === 0) return existing;

      for (const { promotionId, line } of ordered) {
        const field = ['input', 'redemptions', String(line), 'promotionId'];
        const taken = await tx.$queryRaw<{ max_per_person: number | null }[]>`
          UPDATE promotion SET reserved_count = reserved_count + 1, updated_at = now()
           WHERE id = ${promotionId}::uuid AND active
             AND (valid_from IS NULL OR valid_from <= now()) AND (valid_to IS NULL OR valid_to > now())
             AND (max_redemptions IS NULL OR reserved_count + confirmed_count < max_redemptions)
          RETURNING max_redemptions_per_person AS max_per_person`;
        if (!taken[0]) {
          await this.whyNot(tx, c, promotionId, field);
          continue;
        }
        const max = taken[0].max_per_person;
        const counted = await tx.$queryRaw<{ uses: number }[]>`
          INSERT INTO promotion_person_usage AS u (promotion_id, person_id, uses) VALUES (${promotionId}::uuid, ${personId}, 1)
          ON CONFLICT (promotion_id, person_id) DO UPDATE SET uses = u.uses + 1
           WHERE ${max}::int IS NULL OR u.uses < ${max}::int
          RETURNING uses`;
        if (!counted[0]) c.add('USAGE_LIMIT_REACHED', `this promotion can be used ${max} time(s) per person`, field);
      }
      if (c.errors.length) throw new UserErrorsException(c.errors);

      await tx.promotionRedemption.createMany({
        data: ordered.map(({ promotionId, amount }) => ({ promotionId, orderId, personId, amount, status: 'RESERVED' as const })),
      });
      return this.forOrder(tx, orderId);
    }, QUEUED_WRITE);
  }

  /** Explains a refused use from the promotion as it stands. */
  private async whyNot(tx: Tx, c: Checker, promotionId: string, field: string[]): Promise<void> {
    const p = await tx.promotion.findUnique({ where: { id: promotionId } });
    const now = new Date();
    if (!p) c.add('PROMOTION_NOT_FOUND', 'promotion not found', field);
    else if (!p.active) c.add('PROMOTION_NOT_FOUND', `promotion ${p.code ?? p.name} is no longer active`, field);
    else if (p.validFrom && p.validFrom > now) c.add('PROMOTION_NOT_YET_VALID', `promotion ${p.code ?? p.name} has not started`, field);
    else if (p.validTo && p.validTo <= now) c.add('PROMOTION_EXPIRED', `promotion ${p.code ?? p.name} has ended`, field);
    else c.add('USAGE_LIMIT_REACHED', `promotion ${p.code ?? p.name} has been used up`, field);
  }

  /** The order was paid: its held uses become confirmed. Confirming twice is the same as once. */
  async confirm(orderId: string): Promise<PromotionRedemption[]> {
    return this.db.$transaction(async (tx) => {
      await this.lockOrder(tx, orderId);
      const redemptions = await this.forOrder(tx, orderId);
      if (redemptions.some((r) => r.status === 'RELEASED')) {
        const c = new Checker();
        c.add('REDEMPTION_RELEASED', "the order's promotion uses were released; reserve them again", ['orderId']);
        throw new UserErrorsException(c.errors);
      }
      const held = redemptions.filter((r) => r.status === 'RESERVED');
      for (const r of held) {
        await tx.$executeRaw`
          UPDATE promotion SET reserved_count = reserved_count - 1, confirmed_count = confirmed_count + 1, updated_at = now()
           WHERE id = ${r.promotionId}::uuid`;
      }
      if (held.length === 0) return redemptions;
      await tx.promotionRedemption.updateMany({ where: { orderId, status: 'RESERVED' }, data: { status: 'CONFIRMED' } });
      return this.forOrder(tx, orderId);
    }, QUEUED_WRITE);
  }

  /**
   * The order was cancelled or expired: its uses return, held or confirmed (a paid order cancelled
   * with a refund gives the shopper the code back). Releasing twice is the same as once.
   */
  async release(orderId: string): Promise<PromotionRedemption[]> {
    return this.db.$transaction(async (tx) => {
      await this.lockOrder(tx, orderId);
      const redemptions = await this.forOrder(tx, orderId);
      const live = redemptions.filter((r) => r.status !== 'RELEASED');
      for (const r of live) {
        const counter = r.status === 'RESERVED' ? 'reserved_count' : 'confirmed_count';
        await tx.$executeRawUnsafe(`UPDATE promotion SET ${counter} = ${counter} - 1, updated_at = now() WHERE id = $1::uuid`, r.promotionId);
        await tx.$executeRaw`
          UPDATE promotion_person_usage SET uses = uses - 1 WHERE promotion_id = ${r.promotionId}::uuid AND person_id = ${r.personId}`;
      }
      if (live.length === 0) return redemptions;
      await tx.promotionRedemption.updateMany({ where: { orderId, status: { not: 'RELEASED' } }, data: { status: 'RELEASED' } });
      return this.forOrder(tx, orderId);
    }, QUEUED_WRITE);
  }

  /** The order's redemptions in promotion-id order (the order rows are locked in). */
  private forOrder(tx: Tx, orderId: string): Promise<PromotionRedemption[]> {
    return tx.promotionRedemption.findMany({ where: { orderId }, orderBy: { promotionId: 'asc' } });
  }
}
