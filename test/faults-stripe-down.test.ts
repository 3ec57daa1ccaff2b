// Stripe down or slow under load (issue 12), played by the stack's local Stripe server
// (local-stripe: outage()), which keeps what it stores, as Stripe does. Down, while shoppers keep
// checking out: checkouts fail with a clean error and hold nothing (stock, promotion uses, the cart
// ACTIVE again), payments cannot be made, and reconciliation cannot cancel an order whose stock
// hold ended; once it is back, checkouts and payments work again and reconciliation repairs what
// was left (the expired order cancelled with its payment intent; Stripe and the orders agree).
// Slow beyond the SDK's timeout: the checkout fails cleanly and holds nothing either.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../lib/config.js';
import { rawIdOf } from '../lib/global-id.js';
import { cartApi, createPromotion, createVariants, rawCartId, unique } from '../subgraphs/cart/cart-fixtures.js';
import { ADDRESS, newKey, orderApi, payWith, rawOrderId } from '../subgraphs/order/order-fixtures.js';
import { paymentSettings } from '../subgraphs/order/payments/config.js';
import { paymentProviderFrom } from '../subgraphs/order/payments/stripe-provider.js';
import { createOrderServices } from '../subgraphs/order/server.js';
import { expectSettled, startShoppers, sqlPool } from './fault-load.js';
import { startTestStack, type TestStack } from './harness.js';

let stack: TestStack;
let sql: pg.Pool;

beforeAll(async () => {
  stack = await startTestStack({
    workers: true,
    env: {
      OUTBOX_RELAY_MS: '200',
      ORDER_CHECKOUT_RECOVERY_MS: '500',
      ORDER_RECONCILE_MS: '500',
      ORDER_RECONCILE_AFTER_MS: '2000',
      CHECKOUT_ATTEMPTS_PER_MINUTE_PER_PERSON: '10000',
      CHECKOUT_ATTEMPTS_PER_MINUTE_PER_CLIENT: '10000',
      // Small pools, so that the fault files under load at once stay under the server's max_connections.
      DATABASE_POOL_SIZE: '4',
    },
  });
  sql = sqlPool(stack.databaseUrl);
}, 60_000);
afterAll(async () => {
  stack?.stripe?.outage(null);
  await sql?.end();
  await stack?.close();
});

/** Completed runs of payment reconciliation, from the order subgraph's /metrics. */
async function reconciliationRuns(): Promise<number> {
  const text = await (await fetch(new URL('/metrics', stack.subgraphUrls.order))).text();
  const line = text.split('\n').find((l) => l.startsWith('recurring_job_runs_total{queue="order-payment-reconciliation",outcome="completed"'));
  return Number(line?.slice(line.lastIndexOf(' ') + 1) ?? 0);
}

const orderStatus = async (orderId: string) => (await sql.query<{ status: string }>('SELECT status::text FROM "order"."order" WHERE id = $1', [rawOrderId(orderId)])).rows[0]?.status;

async function placeUnpaidOrder(variantId: string) {
  const shopper = await stack.as(unique('unpaid'), 'customer');
  const { cart } = await cartApi(shopper).create(undefined, [{ variantId, quantity: 1 }]);
  const placed = await orderApi(shopper).checkout({ cartId: cart!.id });
  expect(placed.userErrors).toEqual([]);
  return { orderId: placed.order!.id, secret: placed.paymentClientSecret! };
}

describe('Stripe down under load', () => {
  it('fails checkouts cleanly holding nothing, and once it is back, checkouts work and reconciliation repairs what was left', async () => {
    const { variantIds } = await createVariants(stack, [{ price: 2500, onHand: 10_000 }, { price: 1200, onHand: 10_000 }]);
    const code = unique('STRIPE').toUpperCase().replaceAll('-', '');
    await createPromotion(stack, { name: 'Stripe ten', code, discountType: 'PERCENTAGE', percentOff: 10 });
    const expiring = await placeUnpaidOrder(variantIds[0]!);
    const waiting = await placeUnpaidOrder(variantIds[1]!);
    const shoppers = startShoppers({ gatewayUrl: stack.gatewayUrl, stripe: stack.stripe!, token: (p) => stack.token(p, ['customer']), variantIds, code });
    try {
      await expect.poll(() => shoppers.paid(), { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(3);

      stack.stripe!.outage({ kind: 'down' });
      const down = Date.now();
      await expect.poll(() => shoppers.failed(down).filter((c) => c.step === 'checkout').length, { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(3);
      // Nobody can pay meanwhile.
      await expect(payWith(stack, waiting.secret)).rejects.toThrow();
      // The expiring order's stock hold ends: reconciliation cannot cancel its payment intent, so it leaves the order as it is.
      await sql.query(`UPDATE "order"."order" SET reserved_until = now() - interval '1 second' WHERE id = $1`, [rawOrderId(expiring.orderId)]);
      const runs = await reconciliationRuns();
      await expect.poll(reconciliationRuns, { timeout: 30_000, interval: 200 }).toBeGreaterThan(runs + 1);
      expect(await orderStatus(expiring.orderId)).toBe('PENDING_PAYMENT');

      stack.stripe!.outage(null);
      const back = Date.now();
      await expect.poll(() => shoppers.paid(back), { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(3);
      expect((await payWith(stack, waiting.secret)).body.status).toBe('succeeded');
      await expect.poll(() => orderStatus(expiring.orderId), { timeout: 30_000, interval: 200 }).toBe('CANCELLED');
      await expect.poll(() => orderStatus(waiting.orderId), { timeout: 30_000, interval: 200 }).toBe('PAID');

      // The checkouts Stripe's outage failed answered a clean error (the cause is in the checkout's
      // row and the log); what they held was compensated (the checks below).
      const failedCheckouts = shoppers.failed(down).filter((c) => c.step === 'checkout' && c.startedAt < back);
      expect(failedCheckouts.map((c) => c.errors.map((e) => e.code))).toEqual(failedCheckouts.map(() => ['INTERNAL_SERVER_ERROR']));
      const why = await sql.query<{ failure: string }>(`SELECT DISTINCT failure FROM "order".checkout WHERE state = 'FAILED' AND updated_at >= $1`, [new Date(down)]);
      expect(why.rows).toEqual([{ failure: 'An error occurred with our connection to Stripe. Request was retried 2 times.' }]);
    } finally {
      stack.stripe!.outage(null);
      await shoppers.stop();
    }
    await expectSettled(stack, sql, shoppers.calls);
  }, 240_000);
});

describe('Stripe slower than the SDK waits', () => {
  it('fails the checkout, and it holds nothing', async () => {
    // The order context's services with a payment provider that waits 300 ms, no retries (the
    // configured one waits 20 s, three times); the local server answers a second late.
    const impatient = paymentProviderFrom(readSettings(paymentSettings, stack.config), { timeoutMs: 300, maxNetworkRetries: 0 });
    const services = createOrderServices(stack.runtime, { provider: impatient });
    const { variantIds } = await createVariants(stack, [{ price: 3100, onHand: 5 }]);
    const personId = unique('slow');
    const { cart } = await cartApi(await stack.as(personId, 'customer')).create(undefined, [{ variantId: variantIds[0]!, quantity: 2 }]);
    stack.stripe!.outage({ kind: 'slow', delayMs: 1000 });
    try {
      const input = { cartId: rawCartId(cart!.id), shippingAddress: ADDRESS, shippingMethod: 'STANDARD' as const, idempotencyKey: newKey() };
      await expect(services.checkouts.checkout(personId, input)).rejects.toThrow(/timed out|timeout/i);
    } finally {
      stack.stripe!.outage(null);
      await services.db.$disconnect();
    }
    const orders = await sql.query<{ status: string }>('SELECT status::text FROM "order"."order" WHERE cart_id = $1', [rawCartId(cart!.id)]);
    expect(orders.rows).toEqual([{ status: 'CANCELLED' }]);
    const held = await sql.query<{ reserved: number }>('SELECT reserved FROM catalog.inventory_level WHERE variant_id = $1', [rawIdOf('ProductVariant', variantIds[0]!, 'v')]);
    expect(held.rows).toEqual([{ reserved: 0 }]);
    expect((await sql.query<{ status: string }>('SELECT status::text FROM cart.cart WHERE id = $1', [rawCartId(cart!.id)])).rows).toEqual([{ status: 'ACTIVE' }]);
  });
});
