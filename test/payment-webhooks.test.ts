// Payment webhooks at the gateway's public port: only a correctly signed, fresh event has an
// effect, once; the event is a hint and the PaymentIntent is read back from the provider. When
// webhooks are lost, payment reconciliation gives orders what the webhook would have, and
// cancels unpaid orders whose stock hold is over, with their PaymentIntent.
import Stripe from 'stripe';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cartApi, createVariants, unique } from '../subgraphs/cart/cart-fixtures.js';
import { intentOf, orderApi, payWith, rawOrderId, sqlIn } from '../subgraphs/order/order-fixtures.js';
import { withdrawPayment, WEBHOOK_ACTOR } from '../subgraphs/order/payment.service.js';
import { createOrderServices, type OrderServices } from '../subgraphs/order/server.js';
import { startTestStack, type TestStack } from './harness.js';

const stripe = new Stripe('sk_test_unused');

async function placeOrder(stack: TestStack) {
  const { variantIds } = await createVariants(stack, [{ price: 4200, onHand: 10 }]);
  const shopper = await stack.as(unique('shopper'), 'customer');
  const { cart } = await cartApi(shopper).create(undefined, [{ variantId: variantIds[0]!, quantity: 1 }]);
  const orders = orderApi(shopper);
  const result = await orders.checkout({ cartId: cart!.id });
  expect(result.userErrors).toEqual([]);
  return { orders, order: result.order!, secret: result.paymentClientSecret! };
}

describe('payment webhooks', () => {
  let stack: TestStack;
  let webhookUrl: string;

  beforeAll(async () => {
    stack = await startTestStack({ workers: true, env: { OUTBOX_RELAY_MS: '50', ORDER_RECONCILE_MS: '3600000' } });
    webhookUrl = stack.gatewayUrl.replace(/\/graphql$/, '/webhooks/stripe');
  }, 60_000);
  afterAll(() => stack?.close());

  const post = async (payload: string, header: string) => {
    const res = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body: payload });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const signed = (payload: string, options: { secret?: string; timestamp?: number } = {}) =>
    stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? stack.stripe!.webhookSecret, timestamp: options.timestamp });
  const succeededEvent = (intentId: string, id = `evt_${unique('test').replaceAll('-', '')}`) =>
    JSON.stringify({ id, object: 'event', type: 'payment_intent.succeeded', created: Math.floor(Date.now() / 1000), data: { object: { id: intentId, object: 'payment_intent', status: 'succeeded' } } });

  it('refuses a forged signature and a stale one, with no effect', async () => {
    const { orders, order, secret } = await placeOrder(stack);
    const payload = succeededEvent(intentOf(secret));
    expect((await post(payload, signed(payload, { secret: 'whsec_forged' }))).status).toBe(400);
    expect((await post(payload, signed(payload, { timestamp: Math.floor(Date.now() / 1000) - 301 }))).status).toBe(400);
    expect((await post(payload, 't=1,v1=garbage')).status).toBe(400);
    expect((await orders.order(order.id))?.status).toBe('PENDING_PAYMENT');
  });

  it('reads the PaymentIntent back: a signed event that claims a payment the provider has not taken changes nothing', async () => {
    const { orders, order, secret } = await placeOrder(stack);
    const payload = succeededEvent(intentOf(secret));
    expect(await post(payload, signed(payload))).toEqual({ status: 200, body: { received: true, outcome: 'unchanged' } });
    expect((await orders.order(order.id))?.status).toBe('PENDING_PAYMENT');
  });

  it('applies a replayed event once, and ignores an event about an unknown PaymentIntent', async () => {
    const { orders, order, secret } = await placeOrder(stack);
    await payWith(stack, secret);
    await expect.poll(async () => (await orders.order(order.id))?.status, { timeout: 10_000 }).toBe('PAID');
    await stack.stripe!.drainWebhooks();
    const delivered = stack.stripe!.events().find((e) => e.type === 'payment_intent.succeeded' && (e.data.object as { id: string }).id === intentOf(secret))!;
    const replay = JSON.stringify(delivered);
    expect(await post(replay, signed(replay))).toEqual({ status: 200, body: { received: true, outcome: 'duplicate' } });
    expect((await orders.order(order.id))?.history.filter((h) => h.to === 'PAID')).toHaveLength(1);

    const unknown = succeededEvent('pi_unknown0000000000');
    expect(await post(unknown, signed(unknown))).toEqual({ status: 200, body: { received: true, outcome: 'unknown' } });
  });
});

describe('refunds made at the provider', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ workers: true, env: { OUTBOX_RELAY_MS: '50', ORDER_RECONCILE_MS: '3600000' } });
  }, 60_000);
  afterAll(() => stack?.close());

  it('are recorded on the order when the charge.refunded webhook comes, once', async () => {
    const { orders, order, secret } = await placeOrder(stack);
    await payWith(stack, secret);
    await expect.poll(async () => (await orders.order(order.id))?.status, { timeout: 10_000 }).toBe('PAID');
    // As from Stripe's dashboard: the order context did not ask for it.
    const dashboard = new Stripe('sk_test_dashboard', { host: '127.0.0.1', port: stack.stripe!.port, protocol: 'http' });
    await dashboard.refunds.create({ payment_intent: intentOf(secret), amount: 1200 });
    await expect.poll(async () => (await orders.order(order.id))?.payments[0]?.refunded.amount, { timeout: 10_000 }).toBe(1200);
    await stack.stripe!.drainWebhooks();
    const refunds = await stack.admin.query<{ order: { refunds: { amount: { amount: number }; reason: string }[] } }>(`query($id: ID!) { order(id: $id) { refunds { amount { amount } reason } } }`, { id: order.id });
    expect(refunds.order.refunds).toEqual([{ amount: { amount: 1200 }, reason: 'refunded at the payment provider' }]);
  });
});

describe('payment reconciliation, when webhooks are lost', () => {
  let stack: TestStack;
  let services: OrderServices;
  let sql: pg.Pool;

  beforeAll(async () => {
    stack = await startTestStack({ stripeWebhooks: false });
    services = createOrderServices(stack.runtime);
    sql = sqlIn(stack, 'order');
  }, 60_000);
  afterAll(async () => {
    await services?.db.$disconnect();
    await sql?.end();
    await stack?.close();
  });

  it('makes a paid order PAID, and leaves one not yet due alone', async () => {
    const { orders, order, secret } = await placeOrder(stack);
    expect((await payWith(stack, secret)).body.status).toBe('succeeded');
    await stack.stripe!.drainWebhooks();
    expect((await orders.order(order.id))?.status).toBe('PENDING_PAYMENT');
    expect(await services.payments.reconcile({ afterMs: 60_000 })).toBe(0);
    expect(await services.payments.reconcile({ afterMs: 0 })).toBeGreaterThanOrEqual(1);
    const repaired = (await orders.order(order.id))!;
    expect(repaired.status).toBe('PAID');
    expect(repaired.history.at(-1)).toMatchObject({ from: 'PENDING_PAYMENT', to: 'PAID', actor: 'system:payment-reconciliation' });
  });

  it('cancels an unpaid order past its stock hold, and its PaymentIntent', async () => {
    const { orders, order, secret } = await placeOrder(stack);
    await sql.query(`UPDATE "order" SET reserved_until = now() - interval '1 second' WHERE id = $1`, [rawOrderId(order.id)]);
    await services.payments.reconcile({ afterMs: 0 });
    const expired = (await orders.order(order.id))!;
    expect(expired.status).toBe('CANCELLED');
    expect(expired.payments[0]?.status).toBe('CANCELLED');
    expect((await payWith(stack, secret)).status).toBe(400);
  });

  it('leaves a cancellation to whoever withdrew the payment, when the provider tells of it first', async () => {
    const { orders, order, secret } = await placeOrder(stack);
    // The customer's cancellation has withdrawn the PaymentIntent; the provider's `canceled` event overtakes it.
    await withdrawPayment(services.db, services.provider, intentOf(secret));
    expect(await services.payments.sync(intentOf(secret), WEBHOOK_ACTOR)).toBe('unchanged');
    expect((await orders.order(order.id))?.status).toBe('PENDING_PAYMENT');
    expect((await orders.cancel(order.id, 'changed my mind')).userErrors).toEqual([]);
    const cancelled = (await orders.order(order.id))!;
    expect(cancelled.history.filter((h) => h.to === 'CANCELLED')).toEqual([expect.objectContaining({ actor: expect.stringMatching(/^person:shopper-/), reason: 'changed my mind' })]);
    expect(cancelled.payments[0]?.status).toBe('CANCELLED');
  });
});
