// Carts and their lines. Every change runs in one transaction that first locks the cart row
// (SELECT … FOR UPDATE) and checks it is the caller's and takes changes (ACTIVE, not expired):
// concurrent changes to one cart queue there, so none is lost, and a cart that expires or goes to
// checkout takes no more changes. Events go to the outbox in the same transaction. Expiry is
// cart-lifetime.ts's rule on this service's clock, which also stamps last_activity_at. Whoever
// makes a cart ACTIVE (createCart, a reopened checkout) first takes the person's advisory lock
// (`holdActiveCartOf`), so that the one-ACTIVE-cart rule is decided in order, not by a unique-index
// error.
import { randomUUID } from 'node:crypto';
import { QUEUED_WRITE, transactDirectly, type SqlTransaction } from '../../lib/db.js';
import { isUuid } from '../../lib/ids.js';
import { recordEvents, type NewEvent } from '../../lib/outbox.js';
import { systemActor } from '../../lib/state-machine.js';
import { IDLE_EXPIRING, cartLifecycle, type CartLifecycle, type CartStatus } from './cart-lifecycle.js';
import type { CartLifetime } from './cart-lifetime.js';
import type { CatalogClient } from './catalog.js';
import type { CartRow } from './models.js';
import type { PrismaClient } from './prisma-client/client.js';
import { ONE_LINE, addLines, checkUpdates, linesAt, prepareLines, removeLines, updateLines, type LineToAdd, type LineUpdate } from './cart-lines.js';
import { quoteCart, type QuoteDeps } from './quote.service.js';
import { CartInputChecker, refuse, refuseCode, resultFor } from './validation.js';
import { activeCartOf, cartById, linesOf, touchCart, type ChangedCart } from './cart-reads.js';

/** A cart transaction's client: raw statements only, so that a change may run straight on pg (transactDirectly). */
export type Tx = SqlTransaction;

const notFound = () => refuse('CART_NOT_FOUND', 'no such cart', ['cartId']);
const notActive = (status: CartStatus) => refuse('CART_NOT_ACTIVE', `the cart is ${status} and takes no changes`, ['cartId']);

/** Expiry is the lifetime rule acting, whoever's request finds a cart past it. */
const EXPIRY = systemActor('cart-expiry');

export interface LockedCart {
  id: string;
  person_id: string;
  status: CartStatus;
  currency: string;
  applied_codes: string[] | null;
  last_activity_at: Date;
}

export type CartChange =
  | 'LINE_ADDED'
  | 'LINE_UPDATED'
  | 'LINE_REMOVED'
  | 'CODE_APPLIED'
  | 'CODE_REMOVED'
  | 'EXPIRED'
  | 'CHECKOUT_STARTED'
  | 'CHECKOUT_COMPLETED'
  | 'CHECKOUT_REOPENED'
  | 'MERGED';

export const cartUpdated = (cart: { id: string; person_id: string }, change: CartChange, details: Record<string, unknown> = {}): NewEvent => ({
  type: 'CartUpdated',
  aggregateType: 'Cart',
  aggregateId: cart.id,
  data: { cartId: cart.id, personId: cart.person_id, change, ...details },
});

export const promotionApplied = (cart: { id: string; person_id: string }, code: string): NewEvent => ({
  type: 'PromotionApplied',
  aggregateType: 'Cart',
  aggregateId: cart.id,
  data: { cartId: cart.id, personId: cart.person_id, code },
});

/** Serialises, per person, every transaction that may make a cart ACTIVE; held until it ends. */
export async function holdActiveCartOf(tx: Tx, personId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('cart_active_per_person'), hashtext(${personId}))`;
}

export class CartService {
  private readonly currencies: ReadonlySet<string>;
  private readonly lifecycle: CartLifecycle;

  constructor(
    private readonly db: PrismaClient,
    private readonly catalog: CatalogClient,
    private readonly quoting: QuoteDeps,
    private readonly lifetime: CartLifetime,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.currencies = new Set(Object.keys(quoting.rates.shipping));
    this.lifecycle = cartLifecycle(lifetime);
  }

  expiresAt(cart: CartRow): Date {
    return this.lifetime.expiresAt(cart.lastActivityAt);
  }

  /** The person's ACTIVE cart; one past its expiry is gone for the shopper even before the sweep reaches it. */
  findActive(personId: string): Promise<CartRow | null> {
    return this.db.cart.findFirst({ where: { personId, status: 'ACTIVE', lastActivityAt: { gt: this.lifetime.idleCutoff(this.now()) } } });
  }

  /**
   * The person's ACTIVE cart, or a new one, with the lines given added to it. An ACTIVE cart idle
   * past its expiry (the sweep has not reached it yet) is expired first, so the person gets a
   * fresh cart. Given the request's `catalog`, its answers price the new cart without asking again.
   */
  async create(personId: string, input: { affiliateCode?: string | null; lines?: LineToAdd[] | null } = {}, catalog: CatalogClient = this.catalog): Promise<CartRow> {
    const c = new CartInputChecker();
    const affiliateCode = c.affiliateCode(input.affiliateCode);
    c.throwIfAny();
    const paths = linesAt(['input', 'lines']);
    const lines = input.lines?.length ? await prepareLines(catalog, this.currencies, input.lines, paths) : [];
    const now = this.now();
    return transactDirectly(this.db, async (tx) => {
      await holdActiveCartOf(tx, personId);
      const stale = await tx.$queryRaw<LockedCart[]>`
        SELECT id, person_id, status, currency, applied_codes, last_activity_at FROM cart
         WHERE person_id = ${personId} AND status = ANY(${IDLE_EXPIRING}::cart_status[])
           AND last_activity_at <= ${this.lifetime.idleCutoff(now)}
         FOR UPDATE`;
      const events = await this.expireIdleLocked(tx, stale, now);
      const id = randomUUID();
      const created = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO cart (id, person_id, affiliate_code, last_activity_at, updated_at) VALUES (${id}::uuid, ${personId}, ${affiliateCode}, ${now}, now())
        ON CONFLICT (person_id) WHERE status = 'ACTIVE' DO NOTHING RETURNING id`;
      if (created.length > 0) {
        events.push({ type: 'CartCreated', aggregateType: 'Cart', aggregateId: id, data: { cartId: id, personId, affiliateCode } });
      } else {
        // Someone else's insert won (or the cart existed): the same person's ACTIVE cart, now committed.
        await tx.$executeRaw`
          UPDATE cart SET affiliate_code = COALESCE(affiliate_code, ${affiliateCode}), last_activity_at = ${now}, updated_at = now()
           WHERE person_id = ${personId} AND status = 'ACTIVE'`;
      }
      if (lines.length > 0) {
        const [cart] = await tx.$queryRaw<LockedCart[]>`
          SELECT id, person_id, status, currency, applied_codes, last_activity_at FROM cart WHERE person_id = ${personId} AND status = 'ACTIVE' FOR UPDATE`;
        events.push(...(await addLines(tx, cart!, lines, paths, cartUpdated)));
      }
      await recordEvents(tx, events);
      return (await activeCartOf(tx, personId))!;
    }, QUEUED_WRITE);
  }

  /**
   * Adds variants to the caller's cart, all or none; a variant already in it adds to its line.
   * Given the request's `catalog` (its answers kept for the request), the variants of the cart's
   * other lines are asked for in the same call: pricing the cart for the answer reads them next.
   */
  async addLines(personId: string, cartId: string, lines: LineToAdd[], paths = linesAt(['lines']), catalog?: CatalogClient): Promise<ChangedCart> {
    if (!isUuid(cartId)) return notFound();
    const alongside = catalog ? (await linesOf(this.db, [cartId])).map((l) => l.variantId) : [];
    const prepared = await prepareLines(catalog ?? this.catalog, this.currencies, lines, paths, alongside);
    return this.change(personId, cartId, (tx, cart) => addLines(tx, cart, prepared, paths, cartUpdated));
  }

  addLine(personId: string, cartId: string, variantId: string, quantity: number, catalog?: CatalogClient): Promise<ChangedCart> {
    return this.addLines(personId, cartId, [{ variantId, quantity }], ONE_LINE, catalog);
  }

  /** Sets lines' quantities (1..999 each), all or none. */
  async updateLines(personId: string, cartId: string, updates: LineUpdate[], paths = linesAt(['lines'])): Promise<ChangedCart> {
    checkUpdates(updates, paths);
    return this.change(personId, cartId, (tx, cart) => updateLines(tx, cart, updates, paths, cartUpdated));
  }

  updateLine(personId: string, cartId: string, lineId: string, quantity: number): Promise<ChangedCart> {
    return this.updateLines(personId, cartId, [{ lineId, quantity }], ONE_LINE);
  }

  /** Removes lines, all or none. */
  removeLines(personId: string, cartId: string, lineIds: string[], paths = linesAt(['lineIds'])): Promise<ChangedCart> {
    return this.change(personId, cartId, (tx, cart) => removeLines(tx, cart, lineIds, paths, cartUpdated));
  }

  removeLine(personId: string, cartId: string, lineId: string): Promise<ChangedCart> {
    return this.removeLines(personId, cartId, [lineId], ONE_LINE);
  }

  /**
   * Applies a code if the promotions accept it for the cart as it is now, together with the codes
   * already applied; otherwise answers with the promotions' reason and stores nothing. Applying a
   * code that is already applied changes nothing.
   */
  async applyCode(personId: string, cartId: string, rawCode: string): Promise<ChangedCart> {
    const code = this.promotionCode(rawCode);
    const cart = await this.readOwn(personId, cartId);
    if (!cart.appliedCodes.includes(code)) {
      const lines = await linesOf(this.db, [cart.id]);
      const ids = [...new Set(lines.map((l) => l.variantId))];
      const found = await this.catalog.variants(ids);
      const variants = new Map(ids.map((id, i) => [id, found[i] ?? null]));
      const codes = [...cart.appliedCodes, code];
      const { evaluation } = await quoteCart(this.quoting, { cart, lines, variants, codes, promotionsOptional: false });
      const result = resultFor(evaluation.codeResults, code, codes.length - 1);
      if (!result?.applied) refuseCode(result, code);
    }
    return this.change(personId, cart.id, async (tx, locked) => {
      if ((locked.applied_codes ?? []).includes(code)) return [];
      await tx.$executeRaw`UPDATE cart SET applied_codes = array_append(coalesce(applied_codes, '{}'), ${code}::varchar) WHERE id = ${locked.id}::uuid`;
      return [cartUpdated(locked, 'CODE_APPLIED', { code }), promotionApplied(locked, code)];
    });
  }

  async removeCode(personId: string, cartId: string, rawCode: string): Promise<ChangedCart> {
    const code = this.promotionCode(rawCode);
    return this.change(personId, cartId, async (tx, cart) => {
      if (!(cart.applied_codes ?? []).includes(code)) return [];
      await tx.$executeRaw`UPDATE cart SET applied_codes = array_remove(applied_codes, ${code}::varchar) WHERE id = ${cart.id}::uuid`;
      return [cartUpdated(cart, 'CODE_REMOVED', { code })];
    });
  }

  /**
   * Expires and archives ACTIVE carts idle past their lifetime at `now`, in batches: status
   * EXPIRED and archived_at set; the rows stay for reporting. Carts another sweeper or a shopper's
   * change holds are skipped (the shopper's change makes them active again anyway), so any number
   * of sweepers may run at once and each cart expires once. Returns how many expired.
   */
  async expireIdle(now = this.now(), batchSize = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const expired = await this.db.$transaction(async (tx) => {
        const due = await tx.$queryRaw<LockedCart[]>`
          SELECT id, person_id, status, currency, applied_codes, last_activity_at FROM cart
           WHERE status = ANY(${IDLE_EXPIRING}::cart_status[]) AND last_activity_at <= ${this.lifetime.idleCutoff(now)}
           ORDER BY last_activity_at LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`;
        await recordEvents(tx, await this.expireIdleLocked(tx, due, now));
        return due.length;
      }, QUEUED_WRITE);
      total += expired;
      if (expired < batchSize) return total;
    }
  }

  /** Expires idle carts the caller has locked, as their lifecycle allows; returns the events to record. */
  async expireIdleLocked(tx: Tx, carts: LockedCart[], now: Date): Promise<NewEvent[]> {
    if (carts.length === 0) return [];
    for (const cart of carts) this.lifecycle.decide(cart.status, 'EXPIRED', { actor: EXPIRY, at: now, context: { lastActivityAt: cart.last_activity_at } });
    await tx.$executeRaw`
      UPDATE cart SET status = 'EXPIRED', archived_at = ${now}, updated_at = now()
       WHERE id = ANY(${carts.map((c) => c.id)}::uuid[]) AND status = ANY(${IDLE_EXPIRING}::cart_status[])`;
    return carts.map((cart) => cartUpdated(cart, 'EXPIRED'));
  }

  private promotionCode(raw: string): string {
    const c = new CartInputChecker();
    const code = c.promotionCode(raw);
    c.throwIfAny();
    return code!;
  }

  /** The caller's cart, refused unless it is theirs and takes changes (another person's cart does not exist for them). */
  private async readOwn(personId: string, cartId: string): Promise<CartRow> {
    const cart = isUuid(cartId) ? await cartById(this.db, cartId) : null;
    if (!cart || cart.personId !== personId) return notFound();
    this.refuseUnlessOpen(cart.status, cart.lastActivityAt);
    return cart;
  }

  /** Only an ACTIVE cart within its lifetime takes changes; one past it reads as EXPIRED even before the sweep marks it. */
  private refuseUnlessOpen(status: CartStatus, lastActivityAt: Date): void {
    if (status !== 'ACTIVE') notActive(status);
    if (this.lifetime.hasExpired(lastActivityAt, this.now())) notActive('EXPIRED');
  }

  /** Runs a change on the caller's locked cart that takes changes; records its events and the activity. */
  private async change(personId: string, cartId: string, apply: (tx: Tx, cart: LockedCart) => Promise<NewEvent[]>): Promise<ChangedCart> {
    if (!isUuid(cartId)) return notFound();
    // A shopper's every change: straight on pg, past Prisma's engine (lib/db.ts transactDirectly).
    return transactDirectly(
      this.db,
      async (tx) => {
        const [cart] = await tx.$queryRaw<LockedCart[]>`
          SELECT id, person_id, status, currency, applied_codes, last_activity_at FROM cart WHERE id = ${cartId}::uuid FOR UPDATE`;
        if (!cart || cart.person_id !== personId) return notFound();
        this.refuseUnlessOpen(cart.status, cart.last_activity_at);
        return touchCart(tx, cart.id, this.now(), await apply(tx, cart));
      },
      QUEUED_WRITE,
    );
  }
}
