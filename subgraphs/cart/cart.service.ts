// Carts and their lines. Every change runs in one transaction that first locks the cart row
// (SELECT … FOR UPDATE) and checks it is the caller's and ACTIVE: concurrent changes to one cart
// queue there, so none is lost, and a cart that expires or goes to checkout takes no more changes.
// Events go to the outbox in the same transaction.
import { randomUUID } from 'node:crypto';
import { userError, UserErrorsException } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { recordEvents, type NewEvent } from '../../lib/outbox.js';
import type { CatalogClient } from './catalog.js';
import type { CartRow } from './models.js';
import type { Prisma, PrismaClient } from './prisma-client/client.js';
import { quoteCart, type QuoteDeps } from './quote.service.js';
import {
  LIMITS,
  checkCurrency,
  checkQuantity,
  checkVariant,
  codeRefusal,
  normaliseAffiliateCode,
  normaliseCode,
  type CartError,
} from './validation.js';

type Tx = Prisma.TransactionClient;

/** Shoppers hammering one cart queue on its row lock; give the queue time to drain. */
const QUEUED_WRITE = { maxWait: 10_000, timeout: 20_000 };

const refuse = (...errors: CartError[]): never => {
  throw new UserErrorsException(errors);
};

const notFound = () => refuse(userError('CART_NOT_FOUND', 'no such cart', ['cartId']));
/** An ACTIVE cart past its expiry reads as EXPIRED here even before the sweep marks it. */
const notActive = (status: string) =>
  refuse(userError('CART_NOT_ACTIVE', `the cart is ${status === 'ACTIVE' ? 'EXPIRED' : status} and takes no changes`, ['cartId']));

interface LockedCart {
  id: string;
  person_id: string;
  status: string;
  currency: string;
  applied_codes: string[] | null;
  idle: boolean;
}

type CartChange = 'LINE_ADDED' | 'LINE_UPDATED' | 'LINE_REMOVED' | 'CODE_APPLIED' | 'CODE_REMOVED' | 'EXPIRED';

const cartUpdated = (cart: { id: string; person_id: string }, change: CartChange, details: Record<string, unknown> = {}): NewEvent => ({
  type: 'CartUpdated',
  aggregateType: 'Cart',
  aggregateId: cart.id,
  data: { cartId: cart.id, personId: cart.person_id, change, ...details },
});

export class CartService {
  private readonly currencies: ReadonlySet<string>;

  constructor(
    private readonly db: PrismaClient,
    private readonly catalog: CatalogClient,
    private readonly quoting: QuoteDeps,
    private readonly ttlDays: number,
  ) {
    this.currencies = new Set(Object.keys(quoting.rates.shipping));
  }

  /** When a cart last touched at `lastActivityAt` expires. */
  expiresAt(lastActivityAt: Date): Date {
    return new Date(lastActivityAt.getTime() + this.ttlDays * 86_400_000);
  }

  /** Carts whose last activity is before this are past their expiry at `now`. */
  idleSince(now: Date): Date {
    return new Date(now.getTime() - this.ttlDays * 86_400_000);
  }

  /**
   * The person's ACTIVE cart, or a new one. An ACTIVE cart idle past its expiry (the sweep has not
   * reached it yet) is expired first, so the person gets a fresh cart.
   */
  async create(personId: string, affiliateCode?: string | null): Promise<CartRow> {
    const affiliate = normaliseAffiliateCode(affiliateCode);
    if ('errors' in affiliate) return refuse(...affiliate.errors);
    return this.db.$transaction(async (tx) => {
      const expired = await tx.$queryRaw<{ id: string; person_id: string }[]>`
        UPDATE cart SET status = 'EXPIRED', archived_at = now(), updated_at = now()
         WHERE person_id = ${personId} AND status = 'ACTIVE' AND last_activity_at < now() - make_interval(days => ${this.ttlDays}::int)
        RETURNING id, person_id`;
      const id = randomUUID();
      const created = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO cart (id, person_id, affiliate_code, updated_at) VALUES (${id}::uuid, ${personId}, ${affiliate.code}, now())
        ON CONFLICT (person_id) WHERE status = 'ACTIVE' DO NOTHING RETURNING id`;
      const events = expired.map((c) => cartUpdated(c, 'EXPIRED'));
      if (created.length > 0) {
        events.push({ type: 'CartCreated', aggregateType: 'Cart', aggregateId: id, data: { cartId: id, personId, affiliateCode: affiliate.code } });
      } else {
        // Someone else's insert won (or the cart existed): the same person's ACTIVE cart, now committed.
        await tx.$executeRaw`
          UPDATE cart SET affiliate_code = COALESCE(affiliate_code, ${affiliate.code}), last_activity_at = now(), updated_at = now()
           WHERE person_id = ${personId} AND status = 'ACTIVE'`;
      }
      await recordEvents(tx, events);
      return (await tx.cart.findFirst({ where: { personId, status: 'ACTIVE' } }))!;
    }, QUEUED_WRITE);
  }

  async addLine(personId: string, cartId: string, variantId: string, quantity: number): Promise<CartRow> {
    const errors = checkQuantity(quantity);
    if (errors.length) return refuse(...errors);
    if (!isUuid(cartId)) return notFound();
    const [variant] = isUuid(variantId) ? await this.catalog.variants([variantId]) : [null];
    const variantErrors = checkVariant(variant ?? null, this.currencies);
    if (variantErrors.length || !variant) return refuse(...variantErrors);

    return this.change(personId, cartId, async (tx, cart) => {
      const [state] = await tx.$queryRaw<{ lines: number; has_variant: boolean }[]>`
        SELECT count(*)::int AS lines, coalesce(bool_or(variant_id = ${variantId}::uuid), false) AS has_variant
          FROM cart_line WHERE cart_id = ${cart.id}::uuid`;
      const currencyErrors = checkCurrency(cart.currency, state!.lines > 0, variant.price.currencyCode);
      if (currencyErrors.length) return refuse(...currencyErrors);
      if (!state!.has_variant && state!.lines >= LIMITS.lines) {
        return refuse(userError('TOO_MANY_LINES', `a cart holds at most ${LIMITS.lines} lines`, ['variantId']));
      }
      if (state!.lines === 0) await tx.$executeRaw`UPDATE cart SET currency = ${variant.price.currencyCode} WHERE id = ${cart.id}::uuid`;
      // The unit price the shopper saw is refreshed on every add: they have seen the current one.
      const [line] = await tx.$queryRaw<{ id: string; quantity: number }[]>`
        INSERT INTO cart_line (id, cart_id, variant_id, quantity, seen_unit_price, updated_at)
        VALUES (${randomUUID()}::uuid, ${cart.id}::uuid, ${variantId}::uuid, ${quantity}, ${variant.price.amount}, now())
        ON CONFLICT (cart_id, variant_id) DO UPDATE
           SET quantity = cart_line.quantity + EXCLUDED.quantity, seen_unit_price = EXCLUDED.seen_unit_price, updated_at = now()
         WHERE cart_line.quantity + EXCLUDED.quantity <= ${LIMITS.quantity}
        RETURNING id, quantity`;
      if (!line) return refuse(userError('QUANTITY_OUT_OF_RANGE', `a line holds at most ${LIMITS.quantity} units`, ['quantity']));
      return [cartUpdated(cart, 'LINE_ADDED', { lineId: line.id, variantId, added: quantity, quantity: line.quantity })];
    });
  }

  async updateLine(personId: string, cartId: string, lineId: string, quantity: number): Promise<CartRow> {
    const errors = checkQuantity(quantity);
    if (errors.length) return refuse(...errors);
    return this.change(personId, cartId, async (tx, cart) => {
      const [line] = isUuid(lineId)
        ? await tx.$queryRaw<{ variant_id: string }[]>`
            UPDATE cart_line SET quantity = ${quantity}, updated_at = now() WHERE id = ${lineId}::uuid AND cart_id = ${cart.id}::uuid RETURNING variant_id`
        : [];
      if (!line) return refuse(userError('LINE_NOT_FOUND', 'no such line in this cart', ['lineId']));
      return [cartUpdated(cart, 'LINE_UPDATED', { lineId, variantId: line.variant_id, quantity })];
    });
  }

  async removeLine(personId: string, cartId: string, lineId: string): Promise<CartRow> {
    return this.change(personId, cartId, async (tx, cart) => {
      const [line] = isUuid(lineId)
        ? await tx.$queryRaw<{ variant_id: string }[]>`DELETE FROM cart_line WHERE id = ${lineId}::uuid AND cart_id = ${cart.id}::uuid RETURNING variant_id`
        : [];
      if (!line) return refuse(userError('LINE_NOT_FOUND', 'no such line in this cart', ['lineId']));
      return [cartUpdated(cart, 'LINE_REMOVED', { lineId, variantId: line.variant_id })];
    });
  }

  /**
   * Applies a code if the promotions accept it for the cart as it is now, together with the codes
   * already applied; otherwise answers with the promotions' reason and stores nothing. Applying a
   * code that is already applied changes nothing.
   */
  async applyCode(personId: string, cartId: string, rawCode: string): Promise<CartRow> {
    const normalised = normaliseCode(rawCode);
    if ('errors' in normalised) return refuse(...normalised.errors);
    const { code } = normalised;
    const cart = await this.readOwn(personId, cartId);
    if (!cart.appliedCodes.includes(code)) {
      const lines = await this.db.cartLine.findMany({ where: { cartId: cart.id } });
      const ids = [...new Set(lines.map((l) => l.variantId))];
      const found = await this.catalog.variants(ids);
      const variants = new Map(ids.map((id, i) => [id, found[i] ?? null]));
      const codes = [...cart.appliedCodes, code];
      const { evaluation } = await quoteCart(this.quoting, { cart, lines, variants, codes, promotionsOptional: false });
      const result = evaluation.codeResults.find((r) => r.code.toUpperCase() === code) ?? evaluation.codeResults[codes.length - 1];
      if (!result?.applied) return refuse(codeRefusal(result, code));
    }
    return this.change(personId, cart.id, async (tx, locked) => {
      if ((locked.applied_codes ?? []).includes(code)) return [];
      await tx.$executeRaw`UPDATE cart SET applied_codes = array_append(coalesce(applied_codes, '{}'), ${code}::varchar) WHERE id = ${locked.id}::uuid`;
      return [
        cartUpdated(locked, 'CODE_APPLIED', { code }),
        { type: 'PromotionApplied', aggregateType: 'Cart', aggregateId: locked.id, data: { cartId: locked.id, personId: locked.person_id, code } },
      ];
    });
  }

  async removeCode(personId: string, cartId: string, rawCode: string): Promise<CartRow> {
    const normalised = normaliseCode(rawCode);
    if ('errors' in normalised) return refuse(...normalised.errors);
    const { code } = normalised;
    return this.change(personId, cartId, async (tx, cart) => {
      if (!(cart.applied_codes ?? []).includes(code)) return [];
      await tx.$executeRaw`UPDATE cart SET applied_codes = array_remove(applied_codes, ${code}::varchar) WHERE id = ${cart.id}::uuid`;
      return [cartUpdated(cart, 'CODE_REMOVED', { code })];
    });
  }

  /**
   * Expires and archives ACTIVE carts idle since before `now - CART_TTL_DAYS`, in batches: status
   * EXPIRED and archived_at set; the rows stay for reporting. Carts another sweeper or a shopper's
   * change holds are skipped (the shopper's change makes them active again anyway), so any number
   * of sweepers may run at once and each cart expires once. Returns how many expired.
   */
  async expireIdle(now = new Date(), batchSize = 500): Promise<number> {
    const cutoff = this.idleSince(now);
    let total = 0;
    for (;;) {
      const expired = await this.db.$transaction(async (tx) => {
        const carts = await tx.$queryRaw<{ id: string; person_id: string }[]>`
          WITH due AS (
            SELECT id FROM cart WHERE status = 'ACTIVE' AND last_activity_at < ${cutoff}
             ORDER BY last_activity_at LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)
          UPDATE cart c SET status = 'EXPIRED', archived_at = now(), updated_at = now()
            FROM due WHERE c.id = due.id
          RETURNING c.id, c.person_id`;
        await recordEvents(tx, carts.map((c) => cartUpdated(c, 'EXPIRED')));
        return carts.length;
      }, QUEUED_WRITE);
      total += expired;
      if (expired < batchSize) return total;
    }
  }

  /** The caller's cart, refused unless it is theirs and ACTIVE (another person's cart does not exist for them). */
  private async readOwn(personId: string, cartId: string): Promise<CartRow> {
    const cart = isUuid(cartId) ? await this.db.cart.findUnique({ where: { id: cartId } }) : null;
    if (!cart || cart.personId !== personId) return notFound();
    if (cart.status !== 'ACTIVE' || cart.lastActivityAt < this.idleSince(new Date())) return notActive(cart.status);
    return cart;
  }

  /** Runs a change on the caller's locked, ACTIVE cart; records its events and the activity. */
  private async change(personId: string, cartId: string, apply: (tx: Tx, cart: LockedCart) => Promise<NewEvent[]>): Promise<CartRow> {
    if (!isUuid(cartId)) return notFound();
    return this.db.$transaction(async (tx) => {
      const [cart] = await tx.$queryRaw<LockedCart[]>`
        SELECT id, person_id, status, currency, applied_codes,
               last_activity_at < now() - make_interval(days => ${this.ttlDays}::int) AS idle
          FROM cart WHERE id = ${cartId}::uuid FOR UPDATE`;
      if (!cart || cart.person_id !== personId) return notFound();
      if (cart.status !== 'ACTIVE' || cart.idle) return notActive(cart.status);
      const events = await apply(tx, cart);
      await tx.$executeRaw`UPDATE cart SET last_activity_at = now(), updated_at = now() WHERE id = ${cart.id}::uuid`;
      await recordEvents(tx, events);
      return (await tx.cart.findUnique({ where: { id: cart.id } }))!;
    }, QUEUED_WRITE);
  }
}
