// The commerce counters the dashboard's last row reads, counted by the services' own workers:
// a checkout is an OrderCreated published by the order context, payment reconciliation counts the
// order it pays because its webhook was lost, and the catalog's sweep counts the reservation it expires.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cartApi, createVariants, unique } from '../subgraphs/cart/cart-fixtures.js';
import { orderApi, payWith, rawOrderId, sqlIn } from '../subgraphs/order/order-fixtures.js';
import { startTestStack, type TestStack } from './harness.js';

let stack: TestStack;
let catalogSql: pg.Pool;

beforeAll(async () => {
  stack = await startTestStack({
    workers: true,
    // Webhooks are lost; reconciliation and the expiry sweep run every 200 ms, on every unpaid order.
    stripeWebhooks: false,
    env: { OUTBOX_RELAY_MS: '100', ORDER_RECONCILE_MS: '200', ORDER_RECONCILE_AFTER_MS: '0', RESERVATION_SWEEP_MS: '200' },
  });
  catalogSql = sqlIn(stack, 'catalog');
}, 60_000);
afterAll(async () => {
  await catalogSql?.end();
  await stack?.close();
});

async function placeOrder() {
  const { variantIds } = await createVariants(stack, [{ price: 4200, onHand: 10 }]);
  const shopper = await stack.as(unique('shopper'), 'customer');
  const { cart } = await cartApi(shopper).create(undefined, [{ variantId: variantIds[0]!, quantity: 1 }]);
  const result = await orderApi(shopper).checkout({ cartId: cart!.id });
  expect(result.userErrors).toEqual([]);
  return { order: result.order!, secret: result.paymentClientSecret! };
}

/** The value of one series at a subgraph's /metrics (0 when it is not there yet). */
async function value(service: 'order' | 'catalog', series: string): Promise<number> {
  const text = await (await fetch(new URL('/metrics', stack.subgraphUrls[service]))).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('commerce counters', () => {
  it('counts a checkout, and the order reconciliation pays because its webhook was lost', async () => {
    const { secret } = await placeOrder();
    await expect.poll(() => value('order', 'outbox_events_published_total{type="OrderCreated",service="order"}'), { timeout: 10_000 }).toBe(1);

    expect((await payWith(stack, secret)).body.status).toBe('succeeded');
    await expect.poll(() => value('order', 'order_payment_reconciliation_repairs_total{outcome="paid",service="order"}'), { timeout: 10_000 }).toBe(1);
    expect(await value('order', 'order_payment_reconciliation_repairs_total{outcome="cancelled",service="order"}')).toBe(0);
  });

  it('counts a reservation the sweep expires', async () => {
    const before = await value('catalog', 'catalog_reservations_expired_total{service="catalog"}');
    const { order } = await placeOrder();
    await catalogSql.query(`UPDATE inventory_reservation SET expires_at = now() - interval '1 second' WHERE owner_id = $1`, [rawOrderId(order.id)]);

    await expect.poll(() => value('catalog', 'catalog_reservations_expired_total{service="catalog"}'), { timeout: 10_000 }).toBe(before + 1);
  });
});
