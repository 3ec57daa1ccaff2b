// The checkout saga's steps (SPEC §4), after Medusa's workflow steps: each does one thing,
// idempotently (a retry after a crash repeats it harmlessly), and has a compensation that undoes
// it, idempotently too. The saga runner (checkout.service.ts) persists which step was reached.
import { v7 as uuidv7 } from 'uuid';
import { globalId } from '../../../lib/global-id.js';
import { userError, UserErrorsException, type UserError } from '../../../lib/errors.js';
import { transactDirectly } from '../../../lib/db.js';
import { recordEvents } from '../../../lib/outbox.js';
import { systemActor, type Actor } from '../../../lib/state-machine.js';
import type { OrderErrorCode } from '../generated/resolvers-types.js';
import type { AddressView, OrderRow } from '../models.js';
import { orderCreated, paymentRequested, orderStatusChanged } from '../order-events.js';
import { insertOrder, type NewOrder, type OrderService } from '../order.service.js';
import { orderById } from '../order-reads.js';
import { recordOrderPayment, withdrawPayment } from '../payment.service.js';
import type { PaymentProvider } from '../payments/provider.js';
import type { Checkout, CheckoutStep, PrismaClient } from '../prisma-client/client.js';
import type { Answer, CartQuote, CheckoutPeers } from './peers.js';

/** What the shopper asked for, as stored with the checkout. */
export interface CheckoutRequest {
  cartId: string;
  shippingAddress: AddressView;
  shippingMethod: string;
  expectedTotal: number | null;
}

export interface StepDeps {
  db: PrismaClient;
  peers: CheckoutPeers;
  payments: PaymentProvider;
  orders: OrderService;
  reservationTtlSeconds: number;
  now: () => Date;
}

/** What a step stores on the checkout row besides the step reached. */
export type StepUpdate = Partial<Pick<Checkout, 'reservedUntil'>> & {
  quote?: CartQuote;
  /** The PaymentIntent's client secret, for this run's answer only: it is not stored (a repeat reads it back from the provider). */
  clientSecret?: string | null;
  /** The order as the step left it, for the steps after it and the answer in this run only (a resume reads it). */
  order?: OrderRow;
};

/** What a run has learnt from its earlier steps, beyond the stored checkout (nothing after a resume). */
export interface RunMemo {
  order?: OrderRow;
}

export interface SagaStep {
  /** The step the checkout has reached once this one has run. */
  reaches: CheckoutStep;
  /** Resolves with what to store; throws UserErrorsException to refuse the checkout. */
  run(checkout: Checkout, deps: StepDeps, memo: RunMemo): Promise<StepUpdate>;
  /** Undoes the step; safe to run when the step never ran, or ran half. */
  compensate(checkout: Checkout, deps: StepDeps): Promise<void>;
}

/** How much longer the catalog holds an order's stock than the order waits for its payment. */
export const PAYMENT_GRACE_SECONDS = 300;

/** The saga's own actor: compensation and checkout-made moves are the system's. */
export const CHECKOUT_ACTOR: Actor = systemActor('checkout');

const KNOWN_CODES = new Set<string>([
  'CART_NOT_FOUND', 'CART_NOT_ACTIVE', 'CART_EMPTY', 'VARIANT_UNAVAILABLE', 'OUT_OF_STOCK', 'SHIPPING_METHOD_UNAVAILABLE', 'PRICE_CHANGED',
  'PROMOTION_NOT_FOUND', 'PROMOTION_EXPIRED', 'PROMOTION_NOT_YET_VALID', 'MIN_SUBTOTAL_NOT_MET', 'USAGE_LIMIT_REACHED', 'NOT_APPLICABLE', 'NOT_COMBINABLE',
  'ILLEGAL_TRANSITION',
] satisfies OrderErrorCode[]);

/** Where a peer's refusal points in the checkout input. */
function fieldFor(code: string, field: string[] | null): string[] {
  if (code === 'SHIPPING_METHOD_UNAVAILABLE') return ['input', 'shippingMethod'];
  if (code === 'PRICE_CHANGED') return ['input', 'expectedTotal'];
  if (code.startsWith('CART_')) return ['input', 'cartId'];
  return ['input', 'cartId', ...(field ?? [])];
}

/** A peer's refusal as the checkout's own: the codes a shopper can act on pass; anything else is a bug of ours. */
function refuseWith(errors: UserError[]): never {
  throw new UserErrorsException(
    errors.map((e) => {
      if (!KNOWN_CODES.has(e.code)) throw new Error(`checkout peer refused with ${e.code}: ${e.message}`);
      return userError(e.code as OrderErrorCode, e.message, fieldFor(e.code, e.field));
    }),
  );
}

function accepted<T>(answer: Answer<T>): T {
  if (!answer.ok) refuseWith(answer.userErrors);
  return answer.value;
}

/** Compensations tolerate "nothing to undo". */
function undone(answer: Answer<unknown>, nothingToUndo: readonly string[]): void {
  if (!answer.ok && !answer.userErrors.every((e) => nothingToUndo.includes(e.code))) {
    throw new Error(`compensation refused: ${answer.userErrors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
  }
}

export const requestOf = (checkout: Checkout) => checkout.request as unknown as CheckoutRequest;
const quoteOf = (checkout: Checkout) => checkout.quote as unknown as CartQuote;

const lockCart: SagaStep = {
  reaches: 'CART_LOCKED',
  async run(checkout, { peers }) {
    const request = requestOf(checkout);
    const quote = accepted(
      await peers.beginCartCheckout({
        cartId: checkout.cartId,
        personId: checkout.personId,
        checkoutId: checkout.id,
        shippingMethod: request.shippingMethod,
        destination: { country: request.shippingAddress.country, region: request.shippingAddress.state },
        expectedTotal: request.expectedTotal,
      }),
    );
    return { quote };
  },
  async compensate(checkout, { peers }) {
    // A cart that was never locked for this checkout has nothing to hand back.
    undone(await peers.reopenCart(checkout.cartId, checkout.id), ['CART_NOT_FOUND', 'CART_NOT_ACTIVE']);
  },
};

const reserveRedemptions: SagaStep = {
  reaches: 'REDEMPTIONS_RESERVED',
  async run(checkout, { peers }) {
    const discounts = quoteOf(checkout).discounts;
    if (discounts.length > 0) {
      accepted(await peers.reserveRedemptions(checkout.id, checkout.personId, discounts.map((d) => ({ promotionId: d.promotionId, amount: d.amount }))));
    }
    return {};
  },
  async compensate(checkout, { peers }) {
    undone(await peers.releaseRedemptions(checkout.id), []);
  },
};

const reserveInventory: SagaStep = {
  reaches: 'INVENTORY_RESERVED',
  async run(checkout, { peers, reservationTtlSeconds }) {
    const lines = quoteOf(checkout).lines;
    // The catalog holds the stock a little longer than the order waits for its payment, so that a
    // payment made at the last moment still finds its stock held when OrderPaid commits it.
    const ttl = reservationTtlSeconds + PAYMENT_GRACE_SECONDS;
    const answer = await peers.reserveInventory(checkout.id, lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })), ttl);
    if (!answer.ok) {
      // The catalog names input lines (["input", "lines", i, …]); the shopper knows them as cart lines.
      throw new UserErrorsException(
        answer.userErrors.map((e) => {
          const line = lines[Number(e.field?.[2])];
          const field = ['input', 'cartId', 'lines', line ? globalId('CartLine', line.lineId) : '?'];
          const what = line ? `${line.productName} (${line.variantTitle})` : 'a line';
          if (e.code === 'INSUFFICIENT_STOCK') return userError<OrderErrorCode>('OUT_OF_STOCK', `not enough stock of ${what} for ${line?.quantity ?? 'the'} units`, field);
          if (e.code === 'VARIANT_UNAVAILABLE' || e.code === 'VARIANT_NOT_FOUND') return userError<OrderErrorCode>('VARIANT_UNAVAILABLE', `${what} is no longer for sale`, field);
          throw new Error(`reserveInventory refused with ${e.code}: ${e.message}`);
        }),
      );
    }
    return { reservedUntil: new Date(answer.value.expiresAt.getTime() - PAYMENT_GRACE_SECONDS * 1000) };
  },
  async compensate(checkout, { peers }) {
    undone(await peers.releaseInventory(checkout.id), ['RESERVATION_NOT_FOUND']);
  },
};

/** The order row the checkout makes: the quote's snapshot, its number drawn by insertOrder. */
function orderRowOf(checkout: Checkout, at: Date): NewOrder {
  const request = requestOf(checkout);
  const quote = quoteOf(checkout);
  return {
    id: checkout.id,
    personId: checkout.personId,
    currency: quote.currencyCode,
    subtotal: quote.subtotal,
    discountTotal: quote.discountTotal,
    shippingTotal: quote.shipping,
    taxTotal: quote.tax,
    total: quote.total,
    cartId: checkout.cartId,
    affiliateCode: quote.affiliateCode,
    shippingAddress: request.shippingAddress as object,
    shippingMethod: request.shippingMethod,
    idempotencyKey: checkout.requestedKey,
    reservedUntil: checkout.reservedUntil!,
    createdAt: at,
  };
}

const createOrder: SagaStep = {
  reaches: 'ORDER_CREATED',
  async run(checkout, { db, now }) {
    const quote = quoteOf(checkout);
    const at = now();
    // Straight on pg (one statement makes the order, its lines, discounts and history; one records its events).
    const created = await transactDirectly(db, async (tx) => {
      const order = await insertOrder(tx, orderRowOf(checkout, at), {
        lines: quote.lines.map((l, position) => ({
          id: uuidv7(),
          position,
          cartLineId: l.lineId,
          variantId: l.variantId,
          productId: l.productId,
          sku: l.sku,
          productName: l.productName,
          variantTitle: l.variantTitle,
          unitPrice: l.unitPrice,
          quantity: l.quantity,
          discount: l.discount,
          lineTotal: l.lineTotal,
        })),
        discounts: quote.discounts.map((d) => ({ promotionId: d.promotionId, name: d.name, code: d.code, amount: d.amount })),
        actor: { kind: 'person', id: checkout.personId, roles: ['customer'] },
        reason: 'checkout',
      });
      if (!order) return undefined;
      const lines = quote.lines.map((l) => ({ variantId: l.variantId, sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice, lineTotal: l.lineTotal }));
      await recordEvents(tx, [orderCreated(order, lines), paymentRequested(order), orderStatusChanged(order, null, 'PENDING_PAYMENT', at)], { last: true });
      return order;
    });
    // Made by an earlier attempt of this checkout: the next step reads it.
    return created ? { order: created } : {};
  },
  async compensate(checkout, { db, orders }) {
    if (!(await orderById(db, checkout.id))) return;
    await orders.transition(checkout.id, 'CANCELLED', CHECKOUT_ACTOR, { reason: 'checkout did not complete' });
  },
};

/** The provider's idempotency key for an order's PaymentIntent: derived from the order id, so a retry never makes a second one. */
export const paymentKey = (orderId: string) => `order-${orderId}-payment`;

const createPayment: SagaStep = {
  reaches: 'PAYMENT_CREATED',
  async run(checkout, { db, payments, orders }, memo) {
    const quote = quoteOf(checkout);
    const order = memo.order ?? (await orderById(db, checkout.id));
    if (!order) throw new Error(`checkout ${checkout.id} reached its payment without its order`);
    // Nothing to pay (discounts cover everything): no PaymentIntent, the order is paid at once.
    if (quote.total === 0) {
      return { order: (await orders.transition(order.id, 'PAID', CHECKOUT_ACTOR, { reason: 'nothing to pay' })).order };
    }
    const intent = await payments.createPaymentIntent({
      orderId: order.id,
      amount: quote.total,
      currency: quote.currencyCode,
      description: order.number,
      idempotencyKey: paymentKey(order.id),
    });
    await recordOrderPayment(db, order, intent);
    return { clientSecret: intent.clientSecret, order: { ...order, paymentIntentId: intent.id } };
  },
  async compensate(checkout, { db, payments }) {
    const order = await orderById(db, checkout.id);
    if (order?.paymentIntentId) await withdrawPayment(db, payments, order.paymentIntentId);
  },
};

/** In the order they run; compensations run in reverse. */
export const CHECKOUT_STEPS: readonly SagaStep[] = [lockCart, reserveRedemptions, reserveInventory, createOrder, createPayment];
