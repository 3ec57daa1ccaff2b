// The orders of customer subscriptions, as the subscription context places, retries and cancels
// them (service-only operations on the order subgraph), with every service real and payments on
// the local Stripe server: the first period saves the card, later ones charge it off-session; a
// period is placed and charged once however often it is asked for; a declined card leaves the
// order waiting, its stock held, for the subscription's dunning; cancelling releases the stock.
import Stripe from 'stripe';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVariants, unique } from '../subgraphs/cart/cart-fixtures.js';
import { v7 as uuidv7 } from 'uuid';
import { globalId, rawIdOf } from '../lib/global-id.js';
import { eventStream } from '../lib/outbox.js';
import { systemActor } from '../lib/state-machine.js';
import { orderApi, rawOrderId, sqlIn } from '../subgraphs/order/order-fixtures.js';
import { createOrderServices, type OrderServices } from '../subgraphs/order/server.js';
import {
  newSubscriptionId,
  orderEvents,
  periodInput,
  stripeApi,
  subscriptionOrderApi,
  type PeriodPayload,
} from '../subgraphs/order/subscription-orders/subscription-order-fixtures.js';
import { errorCode, startTestStack, type TestStack } from './harness.js';

const signer = new Stripe('sk_test_unused').webhooks;
let stack: TestStack;
let services: OrderServices;
let sql: Record<'order' | 'catalog', pg.Pool>;
let api: ReturnType<typeof subscriptionOrderApi>;
let stripe: ReturnType<typeof stripeApi>;

beforeAll(async () => {
  stack = await startTestStack({ workers: true, env: { OUTBOX_RELAY_MS: '50', ORDER_RECONCILE_MS: '3600000' } });
  services = createOrderServices(stack.runtime);
  sql = { order: sqlIn(stack, 'order'), catalog: sqlIn(stack, 'catalog') };
  api = subscriptionOrderApi(stack);
  stripe = stripeApi(stack);
}, 60_000);

afterAll(async () => {
  await services?.db.$disconnect();
  await Promise.all(Object.values(sql ?? {}).map((p) => p.end()));
  await stack?.close();
});

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 50 });

async function stockOf(variantId: string) {
  const { rows } = await sql.catalog.query('SELECT on_hand, reserved FROM inventory_level WHERE variant_id = $1', [rawIdOf('ProductVariant', variantId, 'v')]);
  return { onHand: rows[0].on_hand as number, reserved: rows[0].reserved as number };
}
const reservationOf = async (orderId: string) =>
  (await sql.catalog.query('SELECT status FROM inventory_reservation WHERE owner_id = $1', [rawOrderId(orderId)])).rows[0]?.status ?? null;
/** The order stream's consumer groups that follow OrderPaid and OrderCancelled: none behind, none holding an event it failed on. */
async function orderConsumersCaughtUp(): Promise<boolean> {
  const groups = (await stack.runtime.redis.xinfo('GROUPS', eventStream(stack.config.REDIS_PREFIX, 'order'))) as unknown[][];
  const byName = new Map(groups.map((g) => [g[1] as string, Object.fromEntries(Array.from({ length: g.length / 2 }, (_, i) => [g[2 * i], g[2 * i + 1]]))]));
  return ['catalog-order-stock', 'cart-order-checkouts', 'promotion-order-redemptions', 'promotion-affiliate-orders'].every(
    (name) => byName.get(name)?.pending === 0 && byName.get(name)?.lag === 0,
  );
}
const paymentRows = async (orderId: string) =>
  (await sql.order.query('SELECT attempt, status FROM payment WHERE order_id = $1 ORDER BY attempt', [rawOrderId(orderId)])).rows as { attempt: number; status: string }[];

/** A subscriber of a plan delivering two variants: 2 × $25 and 3 × $10, for $39.99 a period (not evenly divisible over the lines). */
async function subscriber(onHand = 10) {
  const { variantIds, skus } = await createVariants(stack, [{ price: 2500, onHand }, { price: 1000, onHand }]);
  const items = [
    { variantId: variantIds[0]!, quantity: 2 },
    { variantId: variantIds[1]!, quantity: 3 },
  ];
  const personId = unique('subscriber');
  const subscriptionId = newSubscriptionId();
  const input = (period: number, extra: Record<string, unknown> = {}) => periodInput(subscriptionId, period, items, 3999, { personId, ...extra });
  return { variantIds, skus, items, personId, subscriptionId, input };
}

function placed(result: PeriodPayload) {
  expect(result.userErrors).toEqual([]);
  return { order: result.order!, payment: result.payment! };
}

describe('the first period', () => {
  it('is placed, charged and PAID, saves the card, snapshots exact totals, names its subscription and period, and commits the stock', async () => {
    const { skus, variantIds, personId, subscriptionId, input } = await subscriber();
    const { order, payment } = placed(await api.place(input(0)));
    expect(payment).toMatchObject({ status: 'SUCCEEDED', failureMessage: null, paymentClientSecret: null, paymentCustomerId: expect.stringMatching(/^cus_/) });
    expect(payment.paymentMethodId).toMatch(/^pm_/);
    expect(payment.paymentMethodId).not.toBe('pm_card_visa');
    expect(await stripe.savedCards(payment.paymentCustomerId)).toEqual([payment.paymentMethodId]);

    expect(order).toMatchObject({ status: 'PAID', personId, subscriptionPeriod: 0, subscription: { id: subscriptionId } });
    // Shares of $39.99 by 5000:3000: 2499.375 → $24.99 over 2 units ($12.50 each, 1¢ off), 1499.625 → $15.00 over 3.
    expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPrice.amount, l.lineTotal.amount, l.discountTotal.amount])).toEqual([
      [skus[0], 2, 1250, 2500, 1],
      [skus[1], 3, 500, 1500, 0],
    ]);
    expect([order.subtotal, order.discountTotal, order.shippingTotal, order.taxTotal, order.total].map((m) => m.amount)).toEqual([4000, 1, 0, 0, 3999]);
    expect(order.history[0]).toEqual({ from: null, to: 'PENDING_PAYMENT', actor: 'service:subscription', reason: `subscription ${subscriptionId} period 0` });
    expect(order.history.slice(1).map((h) => [h.from, h.to])).toEqual([['PENDING_PAYMENT', 'PAID']]);
    expect(order.payments).toEqual([expect.objectContaining({ status: 'SUCCEEDED', captured: { amount: 3999 }, refunded: { amount: 0 } })]);

    const [created] = await orderEvents(sql.order, order.id, 'OrderCreated');
    expect(created).toMatchObject({ cartId: null, subscriptionId: rawIdOf('CustomerSubscription', subscriptionId, 's'), subscriptionPeriod: 0, total: 3999 });
    await poll(() => reservationOf(order.id)).toBe('COMMITTED');
    expect(await stockOf(variantIds[0]!)).toEqual({ onHand: 8, reserved: 0 });
    expect(await stockOf(variantIds[1]!)).toEqual({ onHand: 7, reserved: 0 });
    // The cart's, the promotion's and the affiliates' consumers took the cartless OrderPaid too.
    await poll(orderConsumersCaughtUp).toBe(true);

    // The subscriber sees it among their orders, with its period, through the gateway.
    const mine = await (await stack.as(personId, 'customer')).query<{ order: { subscriptionPeriod: number; subscription: { id: string } } }>(
      `query($id: ID!) { order(id: $id) { subscriptionPeriod subscription { id } } }`,
      { id: order.id },
    );
    expect(mine.order).toEqual({ subscriptionPeriod: 0, subscription: { id: subscriptionId } });
  });

  it('is one order with one PaymentIntent however often it is asked for, 10 requests racing included', async () => {
    const { variantIds, input } = await subscriber();
    const raced = await Promise.all(Array.from({ length: 10 }, () => api.place(input(0))));
    expect(raced.flatMap((r) => r.userErrors)).toEqual([]);
    expect(new Set(raced.map((r) => r.order?.id)).size).toBe(1);
    expect(raced.map((r) => r.payment?.status)).toEqual(Array(10).fill('SUCCEEDED'));
    const orderId = raced[0]!.order!.id;

    const again = placed(await api.place(input(0, { paymentMethodId: 'pm_card_mastercard' })));
    expect(again.order.id).toBe(orderId);
    expect(again.payment).toEqual(raced[0]!.payment);
    expect(stripe.intentsOf(orderId)).toHaveLength(1);
    expect(await paymentRows(orderId)).toEqual([{ attempt: 1, status: 'SUCCEEDED' }]);
    expect((await sql.order.query('SELECT count(*)::int AS n FROM "order" WHERE subscription_id = $1', [rawIdOf('CustomerSubscription', again.order.subscription!.id, 's')])).rows[0].n).toBe(1);
    await poll(() => reservationOf(orderId)).toBe('COMMITTED');
    expect(await stockOf(variantIds[0]!)).toEqual({ onHand: 8, reserved: 0 });
  });

  it('changes nothing more when the payment’s webhook and the synchronous apply cross, either way round', async () => {
    const { input } = await subscriber();
    const { order } = placed(await api.place(input(0)));
    await stack.stripe!.drainWebhooks();
    // The synchronous apply again, after the webhook was applied (or ignored, when it came first).
    const intent = await services.provider.retrievePaymentIntent(order.paymentIntentId!);
    expect(await services.payments.applyIntent(intent, systemActor('subscription-charge'))).toBe('unchanged');
    // The webhook again, after both: replayed, and as a new event about the same PaymentIntent.
    expect(await services.payments.sync(intent.id, systemActor('payment-webhook'))).toBe('unchanged');
    const webhookUrl = stack.gatewayUrl.replace(/\/graphql$/, '/webhooks/stripe');
    const delivered = stack.stripe!.events().find((e) => e.type === 'payment_intent.succeeded' && (e.data.object as { id: string }).id === intent.id)!;
    const post = async (payload: string) =>
      (await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signer.generateTestHeaderString({ payload, secret: stack.stripe!.webhookSecret }) }, body: payload })).json();
    expect(await post(JSON.stringify(delivered))).toEqual({ received: true, outcome: 'duplicate' });
    expect(await post(JSON.stringify({ ...delivered, id: `evt_${unique('again').replaceAll('-', '')}` }))).toEqual({ received: true, outcome: 'unchanged' });

    const after = (await orderApi(stack.admin).order(order.id))!;
    expect(after.history.filter((h) => h.to === 'PAID')).toHaveLength(1);
    expect(after.payments).toEqual([expect.objectContaining({ status: 'SUCCEEDED', captured: { amount: 3999 }, refunded: { amount: 0 } })]);
    await poll(async () => (await orderEvents(sql.order, order.id, 'OrderPaid')).length).toBe(1);
  });
});

describe('later periods', () => {
  it('charge the saved card off-session', async () => {
    const { input } = await subscriber();
    const first = placed(await api.place(input(0)));
    const card = { paymentCustomerId: first.payment.paymentCustomerId, paymentMethodId: first.payment.paymentMethodId };
    const { order, payment } = placed(await api.place(input(1, card)));
    expect(payment).toEqual({ status: 'SUCCEEDED', failureMessage: null, paymentClientSecret: null, ...card });
    expect(order).toMatchObject({ status: 'PAID', subscriptionPeriod: 1 });
    expect(order.history[0]?.reason).toMatch(/ period 1$/);
    const intent = await stripe.intent(order.paymentIntentId!);
    expect(intent).toMatchObject({ customer: card.paymentCustomerId, payment_method: card.paymentMethodId, setup_future_usage: null, status: 'succeeded' });

    // Without a payment customer (the first charge after a trial) the card is saved, not charged off-session.
    const afterTrial = placed(await api.place(input(2)));
    expect(afterTrial.payment).toMatchObject({ status: 'SUCCEEDED', paymentCustomerId: expect.stringMatching(/^cus_/) });
    expect(await stripe.intent(afterTrial.order.paymentIntentId!)).toMatchObject({ setup_future_usage: 'off_session', status: 'succeeded' });
  });
});

describe('a declined card', () => {
  it('leaves the first period’s order waiting, stock held; a retry with a good card pays it once', async () => {
    const { variantIds, input } = await subscriber();
    const { order, payment } = placed(await api.place(input(0, { paymentMethodId: 'pm_card_chargeDeclined' })));
    expect(payment).toMatchObject({ status: 'FAILED', failureMessage: 'Your card was declined.', paymentCustomerId: expect.stringMatching(/^cus_/) });
    expect(order.status).toBe('PENDING_PAYMENT');
    expect(order.payments).toEqual([expect.objectContaining({ status: 'FAILED', failureMessage: 'Your card was declined.' })]);
    await stack.stripe!.drainWebhooks();
    expect((await orderApi(stack.admin).order(order.id))?.status).toBe('PENDING_PAYMENT');
    expect(await reservationOf(order.id)).toBe('ACTIVE');
    expect(await stockOf(variantIds[0]!)).toEqual({ onHand: 10, reserved: 2 });
    expect(await orderEvents(sql.order, order.id, 'OrderPaymentFailed')).toEqual([
      expect.objectContaining({ orderNumber: order.number, subscriptionPeriod: 0, attempt: 1, reason: 'Your card was declined.' }),
    ]);
    expect(await orderEvents(sql.order, order.id, 'OrderCancelled')).toEqual([]);

    // The dunning's retry with a new card: charged once, however often the try is repeated.
    const retries = await Promise.all([api.charge(order.id, 2, 'pm_card_visa'), api.charge(order.id, 2, 'pm_card_visa'), api.charge(order.id, 2, 'pm_card_visa')]);
    expect(retries.map((r) => [r.userErrors, r.payment?.status, r.order?.status])).toEqual(Array(3).fill([[], 'SUCCEEDED', 'PAID']));
    expect(await stripe.savedCards(payment.paymentCustomerId)).toEqual([retries[0]!.payment!.paymentMethodId]);
    const repeat = await api.charge(order.id, 2);
    expect(repeat.payment).toEqual(retries[0]!.payment);
    expect(stripe.intentsOf(order.id)).toHaveLength(2);
    expect(await paymentRows(order.id)).toEqual([
      { attempt: 1, status: 'FAILED' },
      { attempt: 2, status: 'SUCCEEDED' },
    ]);
    const late = await api.charge(order.id, 3);
    expect(late.userErrors.map((e) => e.code)).toEqual(['ILLEGAL_TRANSITION']);
    expect(late.order?.status).toBe('PAID');
    await poll(() => reservationOf(order.id)).toBe('COMMITTED');
    await stack.stripe!.drainWebhooks();
    expect(await orderEvents(sql.order, order.id, 'OrderPaymentFailed')).toHaveLength(1);
    expect((await orderApi(stack.admin).order(order.id))?.history.map((h) => h.to)).toEqual(['PENDING_PAYMENT', 'PAID']);
  });

  it('leaves a renewal charged off-session waiting; a retry on the same card fails again, a new card pays', async () => {
    const { input } = await subscriber();
    const customer = await stripe.createCustomer();
    const failing = await stripe.attach('pm_card_chargeCustomerFail', customer);
    const { order, payment } = placed(await api.place(input(3, { paymentCustomerId: customer, paymentMethodId: failing })));
    expect(payment).toEqual({ status: 'FAILED', failureMessage: 'Your card was declined.', paymentClientSecret: null, paymentCustomerId: customer, paymentMethodId: failing });
    expect(order.status).toBe('PENDING_PAYMENT');

    const sameCard = await api.charge(order.id, 2);
    expect(sameCard.payment).toMatchObject({ status: 'FAILED', paymentMethodId: failing });
    expect(sameCard.order?.status).toBe('PENDING_PAYMENT');
    expect((await orderEvents(sql.order, order.id, 'OrderPaymentFailed')).map((e) => [e.attempt, e.subscriptionPeriod])).toEqual([
      [1, 3],
      [2, 3],
    ]);
    expect(await reservationOf(order.id)).toBe('ACTIVE');

    const newCard = await api.charge(order.id, 3, 'pm_card_visa');
    expect(newCard.payment).toMatchObject({ status: 'SUCCEEDED', paymentCustomerId: customer });
    expect(newCard.order?.status).toBe('PAID');
    expect(await paymentRows(order.id)).toEqual([
      { attempt: 1, status: 'FAILED' },
      { attempt: 2, status: 'FAILED' },
      { attempt: 3, status: 'SUCCEEDED' },
    ]);
    await poll(() => reservationOf(order.id)).toBe('COMMITTED');
  });

  it('answers FAILED when the provider will not charge at all, records it, and a retry with a card pays', async () => {
    const { input } = await subscriber();
    const { order, payment } = placed(await api.place(input(1, { paymentCustomerId: 'cus_unknown000000', paymentMethodId: 'pm_card_visa' })));
    expect(payment).toMatchObject({ status: 'FAILED', failureMessage: expect.stringMatching(/No such customer/), paymentCustomerId: 'cus_unknown000000' });
    expect(order).toMatchObject({ status: 'PENDING_PAYMENT', payments: [] });
    expect(await orderEvents(sql.order, order.id, 'OrderPaymentFailed')).toEqual([expect.objectContaining({ attempt: 1, subscriptionPeriod: 1 })]);
    expect((await api.charge(order.id, 2)).userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['INVALID_INPUT', 'paymentMethodId']]);

    const retried = await api.charge(order.id, 2, 'pm_card_visa');
    expect(retried.payment).toMatchObject({ status: 'SUCCEEDED', paymentCustomerId: expect.stringMatching(/^cus_/) });
    expect(retried.order?.status).toBe('PAID');
    expect((await stripe.intent(retried.order!.paymentIntentId!)).customer).toBe(retried.payment!.paymentCustomerId);
  });
});

describe('cancelling a period’s order', () => {
  it('releases its stock; a repeat answers it unchanged; a paid one or a cart’s order is refused', async () => {
    const { variantIds, input } = await subscriber();
    const { order } = placed(await api.place(input(0, { paymentMethodId: 'pm_card_chargeDeclined' })));
    const cancelled = await api.cancel(order.id, 'retries ran out');
    expect(cancelled.userErrors).toEqual([]);
    expect(cancelled.order).toMatchObject({ status: 'CANCELLED' });
    expect(cancelled.order!.history.at(-1)).toEqual({ from: 'PENDING_PAYMENT', to: 'CANCELLED', actor: 'service:subscription', reason: 'retries ran out' });
    await poll(() => reservationOf(order.id)).toBe('RELEASED');
    expect(await stockOf(variantIds[0]!)).toEqual({ onHand: 10, reserved: 0 });
    expect(await orderEvents(sql.order, order.id, 'OrderCancelled')).toEqual([expect.objectContaining({ cartId: null, subscriptionPeriod: 0, previousStatus: 'PENDING_PAYMENT' })]);

    const repeat = await api.cancel(order.id, 'again');
    expect(repeat).toMatchObject({ userErrors: [], order: { status: 'CANCELLED', history: cancelled.order!.history } });
    expect((await api.charge(order.id, 2, 'pm_card_visa')).userErrors.map((e) => e.code)).toEqual(['ILLEGAL_TRANSITION']);

    const paid = placed(await api.place(input(1, { paymentCustomerId: await stripe.createCustomer(), paymentMethodId: 'pm_card_visa' })));
    const refused = await api.cancel(paid.order.id, 'too late');
    expect(refused.userErrors.map((e) => e.code)).toEqual(['ILLEGAL_TRANSITION']);
    expect(refused.order?.status).toBe('PAID');
    expect((await api.cancel(unknownOrder(), 'x')).userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['ORDER_NOT_FOUND', 'orderId']]);
  });
});

describe('refusals', () => {
  it('refuses a shortage with OUT_OF_STOCK and holds nothing; the same period places once the stock is back', async () => {
    const { variantIds, subscriptionId, input } = await subscriber(2);
    const short = await api.place(input(0));
    expect(short).toMatchObject({ order: null, payment: null });
    expect(short.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['OUT_OF_STOCK', 'input.items.1.quantity']]);
    expect(short.userErrors[0]!.message).toMatch(/^not enough stock of Product .+ for 3 units$/);
    expect(await stockOf(variantIds[0]!)).toEqual({ onHand: 2, reserved: 0 });
    expect((await sql.order.query('SELECT count(*)::int AS n FROM "order" WHERE subscription_id = $1', [rawIdOf('CustomerSubscription', subscriptionId, 's')])).rows[0].n).toBe(0);

    await stack.admin.query(`mutation($v: ID!) { setInventory(variantId: $v, onHand: 5) { userErrors { code } } }`, { v: variantIds[1] });
    expect(placed(await api.place(input(0))).order.status).toBe('PAID');
  });

  it('names an item that is not for sale, a bad address, and a hold beyond the catalog’s 7 days', async () => {
    const { variantIds } = await createVariants(stack, [{ price: 900 }], { active: false });
    const { input, items } = await subscriber();
    const unavailable = await api.place(input(0, { items: [items[0], { variantId: variantIds[0], quantity: 1 }] }));
    expect(unavailable.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['VARIANT_UNAVAILABLE', 'input.items.1.variantId']]);
    expect(unavailable.userErrors[0]!.message).toMatch(/is not for sale$/);
    const bad = await api.place(input(0, { shippingAddress: { line1: ' ', city: 'Paris', postalCode: '75#', country: 'FR' }, holdSeconds: 8 * 86_400 }));
    expect(bad.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['INVALID_ADDRESS', 'input.shippingAddress.line1'],
      ['INVALID_ADDRESS', 'input.shippingAddress.postalCode'],
      ['INVALID_INPUT', 'input.holdSeconds'],
    ]);
  });

  it('refuses every caller without the service role', async () => {
    const { input } = await subscriber();
    for (const token of [() => stack.token('someone', ['customer']), () => stack.token('ada', ['admin'])]) {
      const outsider = subscriptionOrderApi(stack, token);
      expect(errorCode(await outsider.requests.place(input(0)))).toBe('FORBIDDEN');
      expect(errorCode(await outsider.requests.cancel(unknownOrder(), 'x'))).toBe('FORBIDDEN');
      expect(errorCode(await outsider.requests.charge(unknownOrder(), 2))).toBe('FORBIDDEN');
    }
    // The public supergraph has none of them.
    const viaGateway = await stack.admin.request(`mutation { cancelSubscriptionOrder(orderId: "x", reason: "x") { userErrors { code } } }`);
    expect(errorCode(viaGateway)).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('payment reconciliation', () => {
  it('leaves a declined period’s order to its dunning until its hold ends, then cancels it', async () => {
    const { input } = await subscriber();
    const { order } = placed(await api.place(input(0, { paymentMethodId: 'pm_card_chargeDeclined' })));
    await services.payments.reconcile({ afterMs: 0 });
    expect((await orderApi(stack.admin).order(order.id))?.status).toBe('PENDING_PAYMENT');
    await services.payments.reconcile({ afterMs: 0, now: new Date(new Date(order.reservedUntil).getTime() + 1000) });
    const expired = (await orderApi(stack.admin).order(order.id))!;
    expect(expired.status).toBe('CANCELLED');
    expect(expired.history.at(-1)).toMatchObject({ actor: 'system:payment-reconciliation', reason: 'payment not received before the stock hold ended' });
    await poll(() => reservationOf(order.id)).toBe('RELEASED');
  });
});

/** An order id that exists nowhere. */
function unknownOrder() {
  return globalId('Order', uuidv7());
}
