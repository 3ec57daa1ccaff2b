// The cart's side of the checkout saga (SPEC §4), called by the order context with a service
// token: lock a cart for a checkout and quote it (beginCartCheckout), complete it once the order is
// paid, or hand it back when the checkout fails. Each call runs in one transaction on the locked
// cart row, moves the cart only as its lifecycle allows, with a conditional write, records its
// events in the same transaction, and answers a repeated call (the saga retries) without a second
// effect. The rules are checkout.ts's; the prices quoteCart's, the same as the cart's estimate.
import { QUEUED_WRITE, readRows, transactDirectly, type SqlClient, type SqlTransaction } from '../../lib/db.js';
import { isUuid } from '../../lib/ids.js';
import { recordEvents, type NewEvent } from '../../lib/outbox.js';
import type { Actor } from '../../lib/state-machine.js';
import { cartLifecycle, type CartLifecycle, type CartStatus } from './cart-lifecycle.js';
import type { CartLifetime } from './cart-lifetime.js';
import { cartUpdated, holdActiveCartOf, promotionApplied, type CartService, type LockedCart } from './cart.service.js';
import type { CatalogClient, CatalogVariant } from './catalog.js';
import { checkCodes, checkExpectedTotal, checkPurchasable, checkShipping, checkoutQuoteOf, planMerge, type CheckoutQuote, type ShippingChoice } from './checkout.js';
import { cartById, linesOf, moveCart, storedLinesOfCart } from './cart-reads.js';
import type { CartRow } from './models.js';
import type { Prisma, PrismaClient } from './prisma-client/client.js';
import { quoteCart, type QuoteDeps } from './quote.service.js';
import { CartInputChecker, refuse, type StoredLine } from './validation.js';

/**
 * Locking and completing a cart, on every purchase's path, run straight on pg (transactDirectly,
 * raw statements); handing a cart back, which may merge it into another, stays on Prisma.
 */
type Tx = SqlTransaction;
type PrismaTx = Prisma.TransactionClient;

export interface BeginCheckoutInput {
  cartId: string;
  personId: string;
  checkoutId: string;
  shippingMethod: string;
  destination: { country: string; region?: string | null };
  expectedTotal?: number | null;
}

/** A cart as its checkout sees it. The quote is worked out when first asked for (beginCartCheckout's is already). */
export interface CheckoutView {
  cart: CartRow;
  quote(): Promise<CheckoutQuote>;
}

interface CheckoutCart extends LockedCart {
  affiliate_code: string | null;
  checkout_id: string | null;
}

const notFound = (field: readonly string[]) => refuse('CART_NOT_FOUND', 'no such cart', field);
const heldByAnother = (field: readonly string[]) => refuse('CART_NOT_ACTIVE', 'another checkout holds this cart', field);

const LINE_ORDER = [{ createdAt: 'asc' as const }, { id: 'asc' as const }];

/** A cart's columns as a checkout reads them (CheckoutCart). */
const CHECKOUT_CART_COLUMNS = 'id, person_id, status, currency, applied_codes, affiliate_code, checkout_id::text, last_activity_at';

type ReadCart = CheckoutCart & { holds_another?: boolean; lines?: (StoredLine & { updatedAt: string })[] };

/**
 * The cart as a checkout reads it: locked for the transaction that moves it, or as it is (straight
 * on pg: readRows), then with its lines in the same statement (not under the lock: a statement that
 * waited for the lock reads other rows as they were when it began). With `checkoutId`, also
 * whether that checkout already holds another cart.
 */
async function lockCart(db: SqlClient, cartId: string, lock: 'lock' | 'read' = 'lock', checkoutId?: string): Promise<ReadCart | undefined> {
  const another = checkoutId ? `, EXISTS (SELECT 1 FROM cart other WHERE other.checkout_id = $2::uuid AND other.id <> cart.id) AS holds_another` : '';
  const [cart] = await readRows<ReadCart>(db, {
    text: `SELECT ${CHECKOUT_CART_COLUMNS}${another}${lock === 'read' ? `, (${storedLinesOfCart(true)}) AS lines` : ''} FROM cart WHERE id = $1::uuid${lock === 'lock' ? ' FOR UPDATE OF cart' : ''}`,
    values: checkoutId ? [cartId, checkoutId] : [cartId],
  });
  return cart;
}

interface CartSnapshot {
  cart: CheckoutCart;
  lines: (StoredLine & { updatedAt: Date })[];
}

/** Whether the cart is still as it was priced: the same person, currency and codes, the same lines unchanged. */
function sameCheckout(priced: CartSnapshot, locked: CartSnapshot): boolean {
  const key = ({ cart, lines }: CartSnapshot) =>
    JSON.stringify([cart.person_id, cart.currency, cart.applied_codes ?? [], lines.map((l) => [l.id, l.variantId, l.quantity, l.seenUnitPrice, l.updatedAt.getTime()])]);
  return key(priced) === key(locked);
}

/** The cart a move answered: it holds the row lock the move was decided under, so the move cannot miss it. */
function lockedMove(moved: CartRow | null, cartId: string): CartRow {
  if (!moved) throw new Error(`cart ${cartId} changed status under its row lock`);
  return moved;
}

export class CartCheckoutService {
  private readonly lifecycle: CartLifecycle;

  constructor(
    private readonly db: PrismaClient,
    private readonly catalog: CatalogClient,
    private readonly quoting: QuoteDeps,
    private readonly carts: CartService,
    private readonly lifetime: CartLifetime,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.lifecycle = cartLifecycle(lifetime);
  }

  /**
   * Locks the person's ACTIVE cart for the checkout (CHECKING_OUT, the checkout its owner) and
   * answers its quote for the shipping choice, or refuses and leaves the cart as it was. The same
   * checkout asking again for the cart it holds gets the quote again, priced afresh and checked
   * the same way, with no second event. The catalog and the promotions must answer: without them
   * the call fails (a GraphQL error) and the cart is not locked.
   */
  async begin(actor: Actor, input: BeginCheckoutInput): Promise<CheckoutView> {
    const c = new CartInputChecker();
    const cartField = ['input', 'cartId'];
    if (!isUuid(input.cartId)) c.add('CART_NOT_FOUND', 'no such cart', cartField);
    c.checkoutId(input.checkoutId, ['input', 'checkoutId']);
    const method = c.shippingMethod(input.shippingMethod, ['input', 'shippingMethod']);
    const destination = c.destination(input.destination, ['input', 'destination']);
    c.throwIfAny();
    const shipping: ShippingChoice = { method: method!, destination: destination! };

    // Priced before the cart is locked, so that no connection waits on the catalog and promotions;
    // the locked cart is priced again only when it changed in between.
    const seen = await this.checkable(this.db, input, cartField, 'read');
    const priced = await this.checkedQuote(seen.cart, seen.lines, shipping, input.expectedTotal);
    return transactDirectly(this.db, async (tx) => {
      const { cart, lines, resumed } = await this.checkable(tx, input, cartField, 'lock');
      const quote = sameCheckout(seen, { cart, lines }) ? priced : await this.checkedQuote(cart, lines, shipping, input.expectedTotal);
      if (resumed) return { cart: (await cartById(tx, cart.id))!, quote: async () => quote };
      this.lifecycle.decide(cart.status, 'CHECKING_OUT', { actor, at: this.now(), context: { lastActivityAt: cart.last_activity_at } }, cartField);
      const moved = await moveCart(tx, { id: cart.id, to: 'CHECKING_OUT', from: this.lifecycle.sourcesOf('CHECKING_OUT'), checkoutId: input.checkoutId }, [
        cartUpdated(cart, 'CHECKOUT_STARTED', { checkoutId: input.checkoutId, currency: cart.currency, total: quote.total }),
      ]);
      return { cart: lockedMove(moved, cart.id), quote: async () => quote };
    }, QUEUED_WRITE);
  }

  /**
   * The person's cart with its lines, refused unless this checkout may take it: an ACTIVE cart
   * within its lifetime, or the one this checkout already holds (`resumed`). Read as it is, or
   * locked for the transaction that moves it.
   */
  private async checkable(db: SqlClient, input: BeginCheckoutInput, cartField: readonly string[], lock: 'lock' | 'read'): Promise<CartSnapshot & { resumed: boolean }> {
    const found = await lockCart(db, input.cartId, lock, input.checkoutId);
    if (!found || found.person_id !== input.personId) return notFound(cartField);
    const { holds_another: holdsAnother, lines: readLines, ...cart } = found;
    const resumed = cart.status === 'CHECKING_OUT' && cart.checkout_id === input.checkoutId;
    if (!resumed) {
      if (cart.status === 'CHECKING_OUT') heldByAnother(cartField);
      this.refuseUnlessOpen(cart, cartField);
      if (holdsAnother) refuse('INVALID_INPUT', 'this checkout already holds another cart', ['input', 'checkoutId']);
    }
    const lines = readLines ? readLines.map((l) => ({ ...l, updatedAt: new Date(l.updatedAt) })) : await linesOf(db, [cart.id]);
    if (lines.length === 0) refuse('CART_EMPTY', 'the cart has no lines to check out', cartField);
    return { cart, lines, resumed };
  }

  /** The checkout's order was paid: the cart it holds is CHECKED_OUT. Asking again answers it unchanged. */
  async complete(actor: Actor, cartId: string, checkoutId: string): Promise<CheckoutView> {
    const cart = await transactDirectly(this.db, async (tx) => {
      const held = await this.heldBy(tx, cartId, checkoutId);
      const at = this.now();
      if (this.lifecycle.decide(held.status, 'CHECKED_OUT', { actor, at, context: { lastActivityAt: held.last_activity_at } }, ['cartId']) === 'stay') {
        return (await cartById(tx, held.id))!;
      }
      const moved = await moveCart(tx, { id: held.id, to: 'CHECKED_OUT', from: this.lifecycle.sourcesOf('CHECKED_OUT') }, [
        cartUpdated(held, 'CHECKOUT_COMPLETED', { checkoutId }),
      ]);
      return lockedMove(moved, held.id);
    }, QUEUED_WRITE);
    return this.view(cart);
  }

  /**
   * The checkout failed or was cancelled: the cart it holds is ACTIVE again, with a fresh last
   * activity so that it does not expire at once. When its owner has started a newer ACTIVE cart
   * meanwhile, the newer cart wins (planMerge): it takes what it lacks of the handed-back cart,
   * which expires, and the answer carries it. Asking again answers unchanged.
   */
  async reopen(actor: Actor, cartId: string, checkoutId: string): Promise<CheckoutView> {
    if (!isUuid(cartId)) return notFound(['cartId']);
    const owner = await this.db.cart.findUnique({ where: { id: cartId }, select: { personId: true } });
    if (!owner) return notFound(['cartId']);
    const cart = await this.db.$transaction(async (tx) => {
      await holdActiveCartOf(tx, owner.personId);
      const held = await this.heldBy(tx, cartId, checkoutId);
      if (held.status === 'EXPIRED' && held.checkout_id === checkoutId) {
        // Merged by an earlier call: the answer is the cart it went into, while that is ACTIVE.
        const active = await tx.cart.findFirst({ where: { personId: held.person_id, status: 'ACTIVE' } });
        return active ?? (await tx.cart.findUnique({ where: { id: held.id } }))!;
      }
      const at = this.now();
      const into = await this.activeCartBesides(tx, held, at);
      const to: CartStatus = into ? 'EXPIRED' : 'ACTIVE';
      if (this.lifecycle.decide(held.status, to, { actor, at, context: { lastActivityAt: held.last_activity_at } }, ['cartId']) === 'stay') {
        return (await tx.cart.findUnique({ where: { id: held.id } }))!;
      }
      if (into) {
        await recordEvents(tx, await this.merge(tx, held, into, checkoutId, at));
        return (await tx.cart.findUnique({ where: { id: into.id } }))!;
      }
      await tx.$executeRaw`
        UPDATE cart SET status = 'ACTIVE', checkout_id = NULL, last_activity_at = ${at}, updated_at = now()
         WHERE id = ${held.id}::uuid AND status = ANY(${this.lifecycle.sourcesOf('ACTIVE')}::cart_status[])`;
      await recordEvents(tx, [cartUpdated(held, 'CHECKOUT_REOPENED', { checkoutId })]);
      return (await tx.cart.findUnique({ where: { id: held.id } }))!;
    }, QUEUED_WRITE);
    return this.view(cart);
  }

  /**
   * The cart, locked, when it exists and no other checkout holds it (an ACTIVE cart is held by
   * none); whether this checkout may move it is then the lifecycle's to say.
   */
  private async heldBy(tx: Tx, cartId: string, checkoutId: string): Promise<CheckoutCart> {
    const cart = isUuid(cartId) ? await lockCart(tx, cartId) : undefined;
    if (!cart) return notFound(['cartId']);
    if (cart.checkout_id !== null && cart.checkout_id !== checkoutId) heldByAnother(['checkoutId']);
    return cart;
  }

  /**
   * The owner's ACTIVE cart other than the one handed back, locked; one idle past its lifetime
   * (the sweep has not reached it yet) is expired here instead, as createCart would.
   */
  private async activeCartBesides(tx: PrismaTx, held: CheckoutCart, at: Date): Promise<CheckoutCart | undefined> {
    if (held.status !== 'CHECKING_OUT') return undefined;
    const [active] = await tx.$queryRawUnsafe<CheckoutCart[]>(
      `SELECT ${CHECKOUT_CART_COLUMNS} FROM cart WHERE person_id = $1 AND status = 'ACTIVE' FOR UPDATE`,
      held.person_id,
    );
    if (!active || !this.lifetime.hasExpired(active.last_activity_at, at)) return active;
    await recordEvents(tx, await this.carts.expireIdleLocked(tx, [active], at));
    return undefined;
  }

  /**
   * Merges the handed-back cart into the owner's newer ACTIVE cart (planMerge) and expires it. The
   * lines are copied with the price the shopper saw and when they were first added; the
   * handed-back cart keeps its lines and its checkout id, so that a repeated reopen finds it.
   */
  private async merge(tx: PrismaTx, from: CheckoutCart, into: CheckoutCart, checkoutId: string, at: Date): Promise<NewEvent[]> {
    const fromLines = await tx.cartLine.findMany({ where: { cartId: from.id }, orderBy: LINE_ORDER });
    const intoLines = await tx.cartLine.findMany({ where: { cartId: into.id }, select: { variantId: true } });
    const plan = planMerge(
      { currency: from.currency, lines: fromLines, appliedCodes: from.applied_codes ?? [] },
      { currency: into.currency, variantIds: intoLines.map((l) => l.variantId), appliedCodes: into.applied_codes ?? [] },
    );
    const added = plan.lines.length === 0 ? [] : await tx.$queryRaw<{ id: string; variant_id: string; quantity: number }[]>`
      INSERT INTO cart_line (id, cart_id, variant_id, quantity, seen_unit_price, created_at, updated_at)
      SELECT gen_random_uuid(), ${into.id}::uuid, l.variant_id, l.quantity, l.seen_unit_price, l.created_at, now()
        FROM cart_line l WHERE l.id = ANY(${plan.lines.map((l) => l.id)}::uuid[])
      ON CONFLICT (cart_id, variant_id) DO NOTHING
      RETURNING id::text, variant_id::text, quantity`;
    await tx.$executeRaw`
      UPDATE cart SET currency = ${plan.currency}, applied_codes = coalesce(applied_codes, '{}') || ${plan.codes}::varchar[],
             affiliate_code = coalesce(affiliate_code, ${from.affiliate_code}), last_activity_at = ${at}, updated_at = now()
       WHERE id = ${into.id}::uuid`;
    await tx.$executeRaw`
      UPDATE cart SET status = 'EXPIRED', archived_at = ${at}, updated_at = now()
       WHERE id = ${from.id}::uuid AND status = ANY(${this.lifecycle.sourcesOf('EXPIRED')}::cart_status[])`;
    return [
      ...added.map((row) => cartUpdated(into, 'LINE_ADDED', { lineId: row.id, variantId: row.variant_id, added: row.quantity, quantity: row.quantity, mergedFrom: from.id })),
      ...plan.codes.flatMap((code) => [cartUpdated(into, 'CODE_APPLIED', { code, mergedFrom: from.id }), promotionApplied(into, code)]),
      cartUpdated(from, 'MERGED', { checkoutId, intoCartId: into.id, linesAdded: added.length, linesLeftOut: plan.leftOut.length }),
    ];
  }

  /** Only an ACTIVE cart within its lifetime may be checked out. */
  private refuseUnlessOpen(cart: CheckoutCart, field: readonly string[]): void {
    if (cart.status !== 'ACTIVE') refuse('CART_NOT_ACTIVE', `the cart is ${cart.status}`, field);
    if (this.lifetime.hasExpired(cart.last_activity_at, this.now())) refuse('CART_NOT_ACTIVE', 'the cart has expired', field);
  }

  /** The locked cart's quote for the shipping choice, refused unless every checkout rule holds (checkout.ts). */
  private async checkedQuote(cart: CheckoutCart, lines: StoredLine[], shipping: ShippingChoice, expectedTotal: number | null | undefined): Promise<CheckoutQuote> {
    const variants = await this.variantsOf(lines);
    const c = new CartInputChecker();
    checkShipping(c, this.quoting.rates, cart.currency, shipping, ['input', 'shippingMethod']);
    checkPurchasable(c, lines, variants, cart.currency);
    c.throwIfAny();
    const { evaluation, totals } = await quoteCart(this.quoting, {
      cart: { id: cart.id, personId: cart.person_id, currency: cart.currency, appliedCodes: cart.applied_codes ?? [] },
      lines,
      variants,
      shipping,
      promotionsOptional: false,
    });
    checkCodes(c, cart.applied_codes ?? [], evaluation);
    checkExpectedTotal(c, expectedTotal, totals, ['input', 'expectedTotal']);
    c.throwIfAny();
    return checkoutQuoteOf(lines, variants, evaluation, totals);
  }

  /** A cart after complete or reopen; its quote, when asked for, is the cart's estimate (STANDARD to the default destination). */
  private view(cart: CartRow): CheckoutView {
    let quoted: Promise<CheckoutQuote> | undefined;
    return { cart, quote: () => (quoted ??= this.estimate(cart)) };
  }

  private async estimate(cart: CartRow): Promise<CheckoutQuote> {
    const lines = await this.db.cartLine.findMany({ where: { cartId: cart.id }, orderBy: LINE_ORDER });
    const variants = await this.variantsOf(lines);
    const { evaluation, totals } = await quoteCart(this.quoting, { cart, lines, variants, promotionsOptional: false });
    return checkoutQuoteOf(lines, variants, evaluation, totals);
  }

  private async variantsOf(lines: StoredLine[]): Promise<Map<string, CatalogVariant | null>> {
    const ids = [...new Set(lines.map((l) => l.variantId))];
    const found = await this.catalog.variants(ids);
    return new Map(ids.map((id, i) => [id, found[i] ?? null]));
  }
}
