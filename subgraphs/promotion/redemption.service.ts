// Redemptions: one use of a promotion by one order, held at checkout (RESERVED), CONFIRMED when
// the order is paid, RELEASED when it is cancelled or expires (redemption-lifecycle.ts).
//
// Limits hold under any concurrency: a reservation locks the promotions' rows (in id order, so
// concurrent checkouts cannot deadlock), asks the engine's availability conditions about each
// (active, running, total and per-person limits) with the counts as they stand under the lock,
// and only then counts the use; CHECK constraints back the counters. Every operation on an
// order runs under a transaction-scoped advisory lock on the order id, so a retried call waits
// for the first and then answers with what it stored.
import pLimit, { type LimitFunction } from 'p-limit';
import { QUEUED_WRITE, readRows, type SqlClient } from '../../lib/db.js';
import { isUuid } from '../../lib/ids.js';
import { allowVersionPurge } from '../../lib/versions.js';
import type { Actor } from '../../lib/state-machine.js';
import { Prisma, type PrismaClient, type PromotionRedemption } from './prisma-client/client.js';
import { AVAILABILITY, firstRefusal, ruleOf } from './promotion-engine.js';
import { redemptionLifecycle } from './redemption-lifecycle.js';
import { retentionCutoff } from './retention.js';
import { purgeInBatches } from '../../lib/purge.js';
import { LIMITS, PromotionInputChecker } from './validation.js';

type Tx = Prisma.TransactionClient;

export interface RedemptionRequest {
  promotionId: string;
  amount: number;
}

const byPromotion = (a: { promotionId: string }, b: { promotionId: string }) => (a.promotionId < b.promotionId ? -1 : a.promotionId > b.promotionId ? 1 : 0);

const COUNTER = { RESERVED: 'reserved_count', CONFIRMED: 'confirmed_count' } as const;

export class RedemptionService {
  /**
   * Writes that lock promotion rows wait their turn here, not on the row lock: a writer waiting
   * on a lock holds a pool connection, and a code that many checkouts race for would otherwise
   * take every connection and starve the promotion's reads (the cart's pricing asks them).
   */
  private readonly lockingWrites: LimitFunction;

  constructor(
    private readonly db: PrismaClient,
    poolSize: number,
  ) {
    this.lockingWrites = pLimit(Math.max(1, Math.floor(poolSize / 2)));
  }

  private async lockOrder(tx: Tx, orderId: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('promotion_redemption'), hashtext(${orderId}))`;
  }

  /**
   * Holds one use of each promotion for the order: all of them or none. A repeated call for the
   * same order returns what the first stored (whatever promotions it lists).
   */
  async reserve(orderId: string, personId: string, redemptions: RedemptionRequest[]): Promise<PromotionRedemption[]> {
    const c = new PromotionInputChecker();
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
    c.throwIfAny();

    const ordered = redemptions.map((r, line) => ({ ...r, line })).sort(byPromotion);
    const ids = ordered.map((r) => r.promotionId);
    // Asked first from a plain read: a use the rules refuse now (most racing checkouts, once a limit
    // is reached) is refused without queueing for the promotions' row locks. Under the locks the
    // rules are asked again, with the counts as they then stand.
    const stored = await this.forOrder(this.db, orderId);
    if (stored.length > 0 || ordered.length === 0) return stored;
    await this.refuseUnavailable(this.db, ordered, personId);
    return this.lockingWrites(() => this.db.$transaction(async (tx) => {
      await this.lockOrder(tx, orderId);
      const existing = await this.forOrder(tx, orderId);
      if (existing.length > 0) return existing;
      await tx.$queryRaw`SELECT id FROM promotion WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
      await this.refuseUnavailable(tx, ordered, personId);

      await tx.$executeRaw`UPDATE promotion SET reserved_count = reserved_count + 1, updated_at = now() WHERE id = ANY(${ids}::uuid[])`;
      await tx.$executeRaw`
        INSERT INTO promotion_person_usage AS u (promotion_id, person_id, uses)
        SELECT id, ${personId}, 1 FROM unnest(${ids}::uuid[]) AS id
        ON CONFLICT (promotion_id, person_id) DO UPDATE SET uses = u.uses + 1`;
      await tx.promotionRedemption.createMany({
        data: ordered.map(({ promotionId, amount }) => ({ promotionId, orderId, personId, amount, status: 'RESERVED' as const })),
      });
      return this.forOrder(tx, orderId);
    }, QUEUED_WRITE));
  }

  /** The order was paid: its held uses become confirmed. Confirming twice is the same as once. */
  async confirm(orderId: string, actor: Actor): Promise<PromotionRedemption[]> {
    // A paid order's uses were reserved, and committed, before it could be paid: when a plain read
    // finds none (most orders carry no code), there is nothing to confirm and no transaction to open.
    const stored = await this.forOrder(this.db, orderId);
    if (stored.length === 0) return stored;
    return this.move(orderId, 'CONFIRMED', actor, async (tx, r) => {
      await tx.$executeRaw`
        UPDATE promotion SET reserved_count = reserved_count - 1, confirmed_count = confirmed_count + 1, updated_at = now()
         WHERE id = ${r.promotionId}::uuid`;
    });
  }

  /**
   * The order was cancelled or expired: its uses return, held or confirmed (a paid order cancelled
   * with a refund gives the shopper the code back). Releasing twice is the same as once.
   */
  async release(orderId: string, actor: Actor): Promise<PromotionRedemption[]> {
    return this.move(orderId, 'RELEASED', actor, async (tx, r) => {
      const counter = COUNTER[r.status as keyof typeof COUNTER];
      await tx.$executeRawUnsafe(`UPDATE promotion SET ${counter} = ${counter} - 1, updated_at = now() WHERE id = $1::uuid`, r.promotionId);
      await tx.$executeRaw`
        UPDATE promotion_person_usage SET uses = uses - 1 WHERE promotion_id = ${r.promotionId}::uuid AND person_id = ${r.personId}`;
    });
  }

  /**
   * Moves the order's redemptions to `to` as their lifecycle allows (all of them, or none when one
   * may not move), adjusting each moving one's counters in promotion-id order.
   */
  private async move(
    orderId: string,
    to: 'CONFIRMED' | 'RELEASED',
    actor: Actor,
    count: (tx: Tx, redemption: PromotionRedemption) => Promise<void>,
  ): Promise<PromotionRedemption[]> {
    return this.lockingWrites(() => this.db.$transaction(async (tx) => {
      await this.lockOrder(tx, orderId);
      const redemptions = await this.forOrder(tx, orderId);
      const at = new Date();
      const moving = redemptions.filter((r) => redemptionLifecycle.decide(r.status, to, { actor, at, context: undefined }, ['orderId']) === 'move');
      if (moving.length === 0) return redemptions;
      for (const r of moving) await count(tx, r);
      await tx.promotionRedemption.updateMany({ where: { orderId, status: { in: redemptionLifecycle.sourcesOf(to) } }, data: { status: to } });
      return this.forOrder(tx, orderId);
    }, QUEUED_WRITE));
  }

  /**
   * Deletes uses past the retention period (retention.ts) that are settled, CONFIRMED or RELEASED,
   * in batches, each use with its versions. The promotion's counters and each person's usage count
   * stay: limits still hold.
   */
  purgeExpired(now = new Date()): Promise<number> {
    const cutoff = retentionCutoff(now);
    return purgeInBatches((limit) =>
      this.db.$transaction(async (tx) => {
        await allowVersionPurge(tx);
        return tx.$executeRaw`
          DELETE FROM promotion_redemption WHERE id IN (
            SELECT id FROM promotion_redemption WHERE created_at < ${cutoff} AND status <> 'RESERVED' LIMIT ${limit})`;
      }),
    );
  }

  /** Refuses the reservation, naming each line, unless every promotion is available to the person (the engine's AVAILABILITY rules). */
  private async refuseUnavailable(db: Tx | PrismaClient, ordered: (RedemptionRequest & { line: number })[], personId: string): Promise<void> {
    const ids = ordered.map((r) => r.promotionId);
    const promotions = new Map((await db.promotion.findMany({ where: { id: { in: ids } } })).map((p) => [p.id, p]));
    const usage = await db.promotionPersonUsage.findMany({ where: { personId, promotionId: { in: ids } } });
    const uses = new Map(usage.map((u) => [u.promotionId, u.uses]));
    const facts = { now: new Date(), personId };
    const c = new PromotionInputChecker();
    for (const { promotionId, line } of ordered) {
      const promotion = promotions.get(promotionId);
      const refusal = promotion
        ? firstRefusal(ruleOf(promotion, uses.get(promotionId) ?? 0), facts, AVAILABILITY)
        : { error: 'PROMOTION_NOT_FOUND' as const, message: 'promotion not found' };
      if (refusal) c.add(refusal.error, refusal.message, ['input', 'redemptions', String(line), 'promotionId']);
    }
    c.throwIfAny();
  }

  /** The order's redemptions in promotion-id order (the order rows are locked in); straight on pg for a plain read (lib/db.ts readRows). */
  private forOrder(db: SqlClient, orderId: string): Promise<PromotionRedemption[]> {
    return readRows<PromotionRedemption>(
      db,
      Prisma.sql`SELECT id, promotion_id AS "promotionId", order_id AS "orderId", person_id AS "personId", status::text AS status, amount,
                        created_at AS "createdAt", updated_at AS "updatedAt"
                   FROM promotion_redemption WHERE order_id = ${orderId} ORDER BY promotion_id`,
    );
  }
}
