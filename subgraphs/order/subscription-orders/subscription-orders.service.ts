// The orders of customer subscriptions (schema/order.subscriptions.graphql): the subscription
// context places each period's order, retries its charge while dunning, and cancels it when the
// retries run out. The order is then an order like any other (its lifecycle, events, stock).
//
// Placing a period's order, in this order, so that a refusal leaves nothing held:
// 1. an order the period has already is answered with its latest payment, charging nothing
//    (unless its first charge never happened: a crash, or a racing request still at it);
// 2. the input is checked, the variants are read from the catalog (for sale, in the currency);
// 3. the period's order id is claimed: the first request fixes it, every later or racing one
//    uses the same, so they all hold the same stock reservation, make the same order and reach the
//    same PaymentIntent (the database's unique (subscription, period) backs this up);
// 4. the stock is reserved until holdUntil, owner = the order id (OUT_OF_STOCK holds nothing);
// 5. the order is created PENDING_PAYMENT with its lines, history and events (one transaction);
// 6. the first try is charged (period-charges.ts) and applied at once.
import { v7 as uuidv7 } from 'uuid';
import { transactDirectly } from '../../../lib/db.js';
import { globalId } from '../../../lib/global-id.js';
import { userError, UserErrorsException } from '../../../lib/errors.js';
import { recordEvents } from '../../../lib/outbox.js';
import type { Actor } from '../../../lib/state-machine.js';
import { PAYMENT_GRACE_SECONDS } from '../checkout/checkout-steps.js';
import type { CheckoutPeers } from '../checkout/peers.js';
import type { OrderErrorCode, PlaceSubscriptionOrderInput, SubscriptionOrderPayment } from '../generated/resolvers-types.js';
import type { OrderRow } from '../models.js';
import type { OrderActions } from '../order-actions.service.js';
import { orderCreated, orderStatusChanged, paymentRequested } from '../order-events.js';
import { insertOrder, type OrderService } from '../order.service.js';
import type { PrismaClient } from '../prisma-client/client.js';
import { OrderInputChecker, refuse } from '../validation.js';
import type { CatalogVariants, VariantSnapshot } from './catalog-variants.js';
import { CHARGE_ACTOR, type ChargeMode, type PeriodCharges } from './period-charges.js';
import { spreadPeriodAmount } from './period-amount.js';
import { checkPeriodKey, checkPeriodRequest, type PeriodRequest } from './period-request.js';

export interface SubscriptionOrderOutcome {
  order: OrderRow;
  payment: SubscriptionOrderPayment | null;
}

export interface SubscriptionOrderDeps {
  db: PrismaClient;
  catalog: CatalogVariants;
  peers: Pick<CheckoutPeers, 'reserveInventory'>;
  charges: PeriodCharges;
  orders: OrderService;
  actions: OrderActions;
  now: () => Date;
}

const item = (i: number, field: 'variantId' | 'quantity') => ['input', 'items', String(i), field];

/** What the history says of a period's order: which subscription and which period. */
export const periodReason = (subscriptionId: string, period: number) => `subscription ${globalId('CustomerSubscription', subscriptionId)} period ${period}`;

export class SubscriptionOrderService {
  constructor(private readonly deps: SubscriptionOrderDeps) {}

  /** placeSubscriptionOrder: the period's order, placed and charged at most once. */
  async place(actor: Actor, input: PlaceSubscriptionOrderInput): Promise<SubscriptionOrderOutcome> {
    checkPeriodKey(input);
    const { db } = this.deps;
    const existing = await db.order.findUnique({ where: { subscriptionId_subscriptionPeriod: { subscriptionId: input.subscriptionId, subscriptionPeriod: input.period } } });
    if (existing && !(await this.awaitsFirstCharge(existing))) return this.answer(existing.id);

    const request = checkPeriodRequest(input, this.deps.now());
    const variants = await this.variantsFor(request);
    const orderId = await this.claimedOrderId(request);
    const order = await this.placeOrder(actor, orderId, request, variants);
    if (order.status !== 'PENDING_PAYMENT') return this.answer(order.id);
    if (order.total === 0) {
      await this.deps.orders.transition(order.id, 'PAID', CHARGE_ACTOR, { reason: 'nothing to pay' });
      return this.answer(order.id);
    }
    const customerId = await this.deps.charges.customerFor(request.personId, request.paymentCustomerId);
    // The first charge (no payment customer yet: period 0, or the period after a trial) saves the card.
    const mode: ChargeMode = request.paymentCustomerId ? 'off-session' : 'save-card';
    const payment = await this.deps.charges.charge({ order, attempt: 1, customerId, paymentMethodId: request.paymentMethodId, mode });
    return { order: await db.order.findUniqueOrThrow({ where: { id: order.id } }), payment };
  }

  /**
   * chargeSubscriptionOrder: another try of a period's unpaid order. Without a new card, the card
   * of the last try is charged off-session; a new card is charged and saved for later. A repeat of
   * a try answers what it did.
   */
  async charge(orderId: string, attempt: number, paymentMethodId: string | null | undefined): Promise<SubscriptionOrderOutcome> {
    const c = new OrderInputChecker();
    c.range(attempt, ['attempt'], 1, 1000);
    c.text(paymentMethodId, ['paymentMethodId'], 100);
    c.throwIfAny();
    const { db, charges } = this.deps;
    const order = await this.periodOrder(orderId);
    const done = await db.payment.findUnique({ where: { orderId_attempt: { orderId, attempt } } });
    if (!done) {
      if (order.status !== 'PENDING_PAYMENT') refuse('ILLEGAL_TRANSITION', `the order is ${order.status}: there is nothing to charge`, ['orderId']);
      await charges.supersede(orderId, attempt);
      const { status } = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } });
      if (status !== 'PENDING_PAYMENT') refuse('ILLEGAL_TRANSITION', `an earlier try paid the order meanwhile: it is ${status}`, ['orderId']);
    }
    const last = done ?? (await db.payment.findFirst({ where: { orderId, attempt: { lt: attempt } }, orderBy: { attempt: 'desc' } }));
    const lastCard = last?.paymentMethodId ?? null;
    const card = paymentMethodId?.trim() || lastCard;
    // No earlier try reached the provider (it refused to charge at all): the new card is charged as in period 0.
    if (!card) return refuse('INVALID_INPUT', 'no earlier try charged a card: paymentMethodId is required', ['paymentMethodId']);
    const customerId = last?.customerId ?? (await charges.customerFor(order.personId, null));
    const mode: ChargeMode = card === lastCard ? 'off-session' : 'save-card';
    const payment = await charges.charge({ order, attempt, customerId, paymentMethodId: card, mode });
    return { order: await db.order.findUniqueOrThrow({ where: { id: orderId } }), payment };
  }

  /** cancelSubscriptionOrder: the unpaid order is cancelled as any is (OrderCancelled releases its stock); a repeat answers it unchanged. */
  async cancel(actor: Actor, orderId: string, reason: string): Promise<SubscriptionOrderOutcome> {
    const order = await this.periodOrder(orderId);
    if (order.status !== 'CANCELLED') await this.deps.actions.cancel(actor, orderId, reason);
    return this.answer(orderId);
  }

  private async answer(orderId: string): Promise<SubscriptionOrderOutcome> {
    const order = await this.deps.db.order.findUniqueOrThrow({ where: { id: orderId } });
    return { order, payment: await this.deps.charges.latest(orderId) };
  }

  /** A subscription period's order, or ORDER_NOT_FOUND (a cart's order is not one). */
  private async periodOrder(orderId: string): Promise<OrderRow> {
    const order = await this.deps.db.order.findUnique({ where: { id: orderId } });
    if (!order?.subscriptionId) return refuse('ORDER_NOT_FOUND', 'no subscription order has this id', ['orderId']);
    return order;
  }

  /** An unpaid order whose first try was never recorded: a request that stopped (or still runs) before charging. */
  private async awaitsFirstCharge(order: OrderRow): Promise<boolean> {
    if (order.status !== 'PENDING_PAYMENT') return false;
    return (await this.deps.db.payment.count({ where: { orderId: order.id } })) === 0;
  }

  /** The catalog's snapshot of every item: VARIANT_UNAVAILABLE or CURRENCY_MISMATCH per item that cannot be sold. */
  private async variantsFor(request: PeriodRequest): Promise<VariantSnapshot[]> {
    const found = await this.deps.catalog.variants(request.items.map((i) => i.variantId));
    const errors = found.flatMap((v, i) => {
      const what = v ? `${v.productName} (${v.variantTitle})` : `variant ${globalId('ProductVariant', request.items[i]!.variantId)}`;
      if (!v) return [userError<OrderErrorCode>('VARIANT_UNAVAILABLE', `${what} is not in the catalog`, item(i, 'variantId'))];
      if (!v.forSale) return [userError<OrderErrorCode>('VARIANT_UNAVAILABLE', `${what} is not for sale`, item(i, 'variantId'))];
      if (v.currencyCode !== request.currencyCode) {
        return [userError<OrderErrorCode>('CURRENCY_MISMATCH', `${what} is priced in ${v.currencyCode}, not ${request.currencyCode}`, item(i, 'variantId'))];
      }
      return [];
    });
    if (errors.length > 0) throw new UserErrorsException(errors);
    return found as VariantSnapshot[];
  }

  /** The order id of the request's period: the one the first request claimed. */
  private async claimedOrderId(request: PeriodRequest): Promise<string> {
    const { db } = this.deps;
    const key = { subscriptionId: request.subscriptionId, period: request.period };
    await db.subscriptionOrderClaim.createMany({ data: [{ ...key, orderId: uuidv7() }], skipDuplicates: true });
    return (await db.subscriptionOrderClaim.findUniqueOrThrow({ where: { subscriptionId_period: key } })).orderId;
  }

  /** Steps 4 and 5: the stock held, then the order made; a repeat finds both done. */
  private async placeOrder(actor: Actor, orderId: string, request: PeriodRequest, variants: VariantSnapshot[], reclaimed = false): Promise<OrderRow> {
    const { db, peers, now } = this.deps;
    const placed = await db.order.findUnique({ where: { id: orderId } });
    if (placed) return placed;
    const ttl = Math.ceil((request.holdUntil.getTime() - now().getTime()) / 1000) + PAYMENT_GRACE_SECONDS;
    const reserved = await peers.reserveInventory(orderId, request.items, ttl);
    if (!reserved.ok) {
      throw new UserErrorsException(
        reserved.userErrors.map((e) => {
          const i = Number(e.field?.[2]);
          const v = variants[i];
          const what = v ? `${v.productName} (${v.variantTitle})` : 'an item';
          if (e.code === 'INSUFFICIENT_STOCK') return userError<OrderErrorCode>('OUT_OF_STOCK', `not enough stock of ${what} for ${request.items[i]?.quantity ?? 'the'} units`, item(i, 'quantity'));
          if (e.code === 'VARIANT_UNAVAILABLE' || e.code === 'VARIANT_NOT_FOUND') return userError<OrderErrorCode>('VARIANT_UNAVAILABLE', `${what} is not for sale`, item(i, 'variantId'));
          throw new Error(`reserveInventory refused with ${e.code}: ${e.message}`);
        }),
      );
    }
    if (reserved.value.status !== 'ACTIVE') {
      // The claim's stock hold ended before any order was made (a request that stopped long ago): a new id holds afresh.
      if (reclaimed) throw new Error(`the stock reservation of ${orderId} is ${reserved.value.status}`);
      await db.subscriptionOrderClaim.deleteMany({ where: { orderId } });
      return this.placeOrder(actor, await this.claimedOrderId(request), request, variants, true);
    }
    await this.createOrder(actor, orderId, request, variants);
    return db.order.findUniqueOrThrow({ where: { id: orderId } });
  }

  /** The order PENDING_PAYMENT: the period's snapshot, its first history entry and its events, in one transaction. */
  private async createOrder(actor: Actor, orderId: string, request: PeriodRequest, variants: VariantSnapshot[]): Promise<void> {
    const spread = spreadPeriodAmount(
      request.amount,
      request.items.map((i, n) => ({ catalogUnitPrice: variants[n]!.unitPrice, quantity: i.quantity })),
    );
    const at = this.deps.now();
    await transactDirectly(this.deps.db, async (tx) => {
      const row = {
        id: orderId,
        personId: request.personId,
        currency: request.currencyCode,
        ...spread.totals,
        subscriptionId: request.subscriptionId,
        subscriptionPeriod: request.period,
        shippingAddress: request.shippingAddress as object,
        shippingMethod: request.shippingMethod,
        idempotencyKey: `subscription-${request.subscriptionId}-period-${request.period}`,
        reservedUntil: request.holdUntil,
        createdAt: at,
      };
      const lines = spread.lines.map((l, position) => ({
        id: uuidv7(),
        position,
        cartLineId: null,
        variantId: variants[position]!.id,
        productId: variants[position]!.productId,
        sku: variants[position]!.sku,
        productName: variants[position]!.productName,
        variantTitle: variants[position]!.variantTitle,
        unitPrice: l.unitPrice,
        quantity: l.quantity,
        discount: l.discount,
        lineTotal: l.lineTotal,
      }));
      const order = await insertOrder(tx, row, { lines, discounts: [], actor, reason: periodReason(request.subscriptionId, request.period) });
      if (!order) return;
      const created = lines.map((l) => ({ variantId: l.variantId, sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice, lineTotal: l.lineTotal }));
      await recordEvents(tx, [orderCreated(order, created), paymentRequested(order), orderStatusChanged(order, null, 'PENDING_PAYMENT', at)]);
    });
  }
}
