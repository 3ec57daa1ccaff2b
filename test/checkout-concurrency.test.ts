// Checkouts racing for what is scarce (SPEC §7: no oversell, ever): the last units of a variant,
// and the last uses of a promotion code. Real concurrency: every checkout is its own HTTP request
// through the gateway, all sent at once.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawIdOf } from '../lib/global-id.js';
import { cartApi, createPromotion, createVariants, unique } from '../subgraphs/cart/cart-fixtures.js';
import { orderApi, payWith, sqlIn } from '../subgraphs/order/order-fixtures.js';
import { startTestStack, type TestStack } from './harness.js';

let stack: TestStack;
let sql: Record<'order' | 'catalog' | 'promotion', pg.Pool>;

beforeAll(async () => {
  stack = await startTestStack({ workers: true, env: { OUTBOX_RELAY_MS: '50', ORDER_RECONCILE_MS: '3600000', DATABASE_POOL_SIZE: '8' } });
  sql = { order: sqlIn(stack, 'order'), catalog: sqlIn(stack, 'catalog'), promotion: sqlIn(stack, 'promotion') };
}, 60_000);

afterAll(async () => {
  await Promise.all(Object.values(sql ?? {}).map((p) => p.end()));
  await stack?.close();
});

/**
 * `n` shoppers, each with a cart of one unit of the variant (and the code, when given). They are
 * prepared ten at a time: the race under test is the checkouts, and preparing 100 carts at once
 * on a machine shared with the rest of the suite only tests the call timeouts.
 */
async function shoppers(n: number, variantId: string, code?: string) {
  const prepared: { orders: ReturnType<typeof orderApi>; cartId: string }[] = [];
  for (let start = 0; start < n; start += 10) {
    prepared.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(10, n - start) }, async () => {
          const client = await stack.as(unique('racer'), 'customer');
          const carts = cartApi(client);
          const { cart } = await carts.create(undefined, [{ variantId, quantity: 1 }]);
          if (code) expect((await carts.applyCode(cart!.id, code)).userErrors).toEqual([]);
          return { orders: orderApi(client), cartId: cart!.id };
        }),
      )),
    );
  }
  return prepared;
}

describe('racing checkouts', () => {
  // Three or four times more racers than there is to sell: every one races, and the suite's other
  // files run beside it on two cores, where 50 and 100 racers in one process sometimes outlasted
  // the 10 s a peer call may take (a timing, which this test is not about: the bench measures).
  it('sells the last 10 units to exactly 10 of 30 shoppers; the other 20 are told OUT_OF_STOCK', async () => {
    const { variantIds } = await createVariants(stack, [{ price: 1500, onHand: 10 }]);
    const racers = await shoppers(30, variantIds[0]!);
    const results = await Promise.all(racers.map((r) => r.orders.checkout({ cartId: r.cartId })));
    const placed = results.filter((r) => r.order);
    expect(placed).toHaveLength(10);
    expect(results.filter((r) => r.userErrors.map((e) => e.code).join() === 'OUT_OF_STOCK')).toHaveLength(20);
    const { rows } = await sql.catalog.query('SELECT on_hand, reserved FROM inventory_level WHERE variant_id = $1', [rawIdOf('ProductVariant', variantIds[0]!, 'v')]);
    expect(rows[0]).toEqual({ on_hand: 10, reserved: 10 });

    await Promise.all(placed.map((r) => payWith(stack, r.paymentClientSecret!)));
    await expect.poll(async () => (await sql.catalog.query('SELECT on_hand, reserved FROM inventory_level WHERE variant_id = $1', [rawIdOf('ProductVariant', variantIds[0]!, 'v')])).rows[0], { timeout: 60_000, interval: 100 }).toEqual({ on_hand: 0, reserved: 0 });
  }, 180_000);

  it('lets at most 10 of 40 racing checkouts carry a code limited to 10 uses', async () => {
    const { variantIds } = await createVariants(stack, [{ price: 2000, onHand: 1000 }]);
    const code = unique('TEN').toUpperCase().replaceAll('-', '');
    const promotionId = await createPromotion(stack, { name: 'Ten uses', code, discountType: 'PERCENTAGE', percentOff: 10, maxRedemptions: 10 });
    const racers = await shoppers(40, variantIds[0]!, code);
    const results = await Promise.all(racers.map((r) => r.orders.checkout({ cartId: r.cartId })));
    const placed = results.filter((r) => r.order);
    expect(placed).toHaveLength(10);
    expect(new Set(results.filter((r) => !r.order).map((r) => r.userErrors.map((e) => e.code).join()))).toEqual(new Set(['USAGE_LIMIT_REACHED']));
    await Promise.all(placed.map((r) => payWith(stack, r.paymentClientSecret!)));
    const promotion = rawIdOf('Promotion', promotionId, 'p');
    await expect.poll(async () => (await sql.promotion.query('SELECT reserved_count, confirmed_count FROM promotion WHERE id = $1', [promotion])).rows[0], { timeout: 60_000, interval: 100 }).toEqual({ reserved_count: 0, confirmed_count: 10 });
    const paid = await sql.order.query(`SELECT count(*)::int AS n FROM "order" o JOIN order_discount d ON d.order_id = o.id WHERE d.promotion_id = $1 AND o.status = 'PAID'`, [promotion]);
    expect(paid.rows[0].n).toBe(10);
  }, 180_000);
});
