// Carts under contention, against real Postgres and BullMQ: concurrent adds lose no line and no
// increment, concurrent createCart calls make one cart, and the expiry sweep expires each idle cart
// once however many sweepers run.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId } from '../../lib/global-id.js';
import { startRecurringJob } from '../../lib/jobs.js';
import { createLogger } from '../../lib/logger.js';
import { bullPrefix } from '../../lib/runtime.js';
import { startTestStack, type TestStack } from '../../test/harness.js';
import { cartApi, cartService, cartSql, createVariants, idleFor, rawCartId, unique } from './cart-fixtures.js';
import { cartExpiryJob } from './workers/cart-expiry.js';

let stack: TestStack;
let sql: pg.Pool;
// Other processes' services: each has its own pool, as a second instance would.
let others: ReturnType<typeof cartService>[];

beforeAll(async () => {
  stack = await startTestStack({ workers: true, env: { CART_EXPIRY_SWEEP_MS: '200', OUTBOX_RELAY_MS: '100' } });
  sql = cartSql(stack);
  others = [cartService(stack), cartService(stack)];
});
afterAll(async () => {
  await Promise.all((others ?? []).map((o) => o.db.$disconnect()));
  await sql?.end();
  await stack?.close();
});

async function statusOf(cartId: string): Promise<string> {
  const { rows } = await sql.query(`SELECT status FROM cart WHERE id = $1`, [rawCartId(cartId)]);
  return rows[0].status;
}

async function expiredEvents(cartIds: string[]): Promise<Map<string, number>> {
  const { rows } = await sql.query(
    `SELECT aggregate_id, count(*)::int AS n FROM outbox_event WHERE type = 'CartUpdated' AND data->>'change' = 'EXPIRED' AND aggregate_id = ANY($1) GROUP BY aggregate_id`,
    [cartIds.map(rawCartId)],
  );
  return new Map(rows.map((r) => [globalId('Cart', r.aggregate_id), r.n]));
}

describe('concurrent changes to one cart', () => {
  it('keep every line and every increment of 30 concurrent adds of mixed variants', async () => {
    const { variantIds } = await createVariants(stack, [{ price: 100 }, { price: 200 }, { price: 300 }, { price: 400 }]);
    const shopper = cartApi(await stack.as(unique('shopper'), 'customer'));
    const cartId = (await shopper.create()).cart!.id;
    const adds = Array.from({ length: 30 }, (_, i) => ({ variantId: variantIds[i % 4]!, quantity: 1 + (i % 3) }));

    const results = await Promise.all(adds.map((a) => shopper.add(cartId, a.variantId, a.quantity)));

    expect(results.flatMap((r) => r.userErrors)).toEqual([]);
    const expected = new Map<string, number>();
    for (const a of adds) expected.set(a.variantId, (expected.get(a.variantId) ?? 0) + a.quantity);
    const cart = (await shopper.read(cartId))!;
    expect(new Map(cart.lines.map((l) => [l.variant.id, l.quantity]))).toEqual(expected);
    expect(cart.itemCount).toBe(adds.reduce((s, a) => s + a.quantity, 0));
    expect(cart.subtotal.amount).toBe(adds.reduce((s, a) => s + a.quantity * (100 * (variantIds.indexOf(a.variantId) + 1)), 0));
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM outbox_event WHERE aggregate_id = $1 AND data->>'change' = 'LINE_ADDED'`, [rawCartId(cartId)]);
    expect(rows[0].n).toBe(30);
  });

  it('stop at 999 units however the increments race', async () => {
    const { variantIds } = await createVariants(stack, [{ price: 100 }]);
    const shopper = cartApi(await stack.as(unique('shopper'), 'customer'));
    const cartId = (await shopper.create()).cart!.id;
    const results = await Promise.all(Array.from({ length: 25 }, () => shopper.add(cartId, variantIds[0]!, 50)));
    expect(results.filter((r) => r.userErrors.length === 0)).toHaveLength(19); // 19 × 50 = 950
    expect(results.filter((r) => r.userErrors[0]?.code === 'QUANTITY_OUT_OF_RANGE')).toHaveLength(6);
    expect((await shopper.read(cartId))!.lines.map((l) => l.quantity)).toEqual([950]);
  });

  it('give one ACTIVE cart to a person who asks for it ten times at once', async () => {
    const shopper = cartApi(await stack.as(unique('shopper'), 'customer'));
    const results = await Promise.all(Array.from({ length: 10 }, () => shopper.create()));
    expect(new Set(results.map((r) => r.cart!.id)).size).toBe(1);
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM outbox_event WHERE type = 'CartCreated' AND aggregate_id = $1`, [rawCartId(results[0]!.cart!.id)]);
    expect(rows[0].n).toBe(1);
  });

  it('let the database refuse a second ACTIVE cart and a quantity out of range', async () => {
    const shopper = unique('shopper');
    await sql.query(`INSERT INTO cart (id, person_id, updated_at) VALUES (gen_random_uuid(), $1, now())`, [shopper]);
    await expect(sql.query(`INSERT INTO cart (id, person_id, updated_at) VALUES (gen_random_uuid(), $1, now())`, [shopper])).rejects.toMatchObject({
      code: '23505',
      constraint: 'cart_one_active_per_person',
    });
    const { rows } = await sql.query(`SELECT id FROM cart WHERE person_id = $1`, [shopper]);
    await expect(
      sql.query(`INSERT INTO cart_line (id, cart_id, variant_id, quantity, seen_unit_price, updated_at) VALUES (gen_random_uuid(), $1, gen_random_uuid(), 1000, 1, now())`, [rows[0].id]),
    ).rejects.toMatchObject({ code: '23514', constraint: 'cart_line_quantity_check' });
  });
});

describe('the cart-expiry worker', () => {
  it('expires and archives an idle cart on its schedule, and leaves a recent one alone', async () => {
    const idle = cartApi(await stack.as(unique('shopper'), 'customer'));
    const busy = cartApi(await stack.as(unique('shopper'), 'customer'));
    const [idleCart, busyCart] = [(await idle.create()).cart!.id, (await busy.create()).cart!.id];
    await idleFor(sql, idleCart, 30);
    await idleFor(sql, busyCart, 29);

    await expect.poll(() => statusOf(idleCart), { timeout: 10_000 }).toBe('EXPIRED');
    expect(await statusOf(busyCart)).toBe('ACTIVE');
    const { rows } = await sql.query(`SELECT archived_at FROM cart WHERE id = $1`, [rawCartId(idleCart)]);
    expect(rows[0].archived_at).toBeInstanceOf(Date);
    expect((await expiredEvents([idleCart])).get(idleCart)).toBe(1);
  });

  it('expires each cart once when sweepers race, in their own processes and in the same one', async () => {
    const cartIds: string[] = [];
    for (let i = 0; i < 40; i++) cartIds.push((await cartApi(await stack.as(unique('idle'), 'customer')).create()).cart!.id);
    const log = createLogger('silent', 'cart');
    const workers = await Promise.all(
      others.map((o, i) => startRecurringJob({ connection: stack.runtime.redis, prefix: `${bullPrefix(stack.config)}:process-${i}`, log, ...cartExpiryJob(o.carts, 100) })),
    );
    try {
      await sql.query(`UPDATE cart SET last_activity_at = now() - interval '31 days' WHERE id = ANY($1)`, [cartIds.map(rawCartId)]);
      const counts = await Promise.all([others[0]!.carts.expireIdle(new Date(), 3), others[1]!.carts.expireIdle(new Date(), 5)]);
      expect(counts[0]! + counts[1]!).toBeLessThanOrEqual(40);
      await expect.poll(async () => (await Promise.all(cartIds.map(statusOf))).every((s) => s === 'EXPIRED'), { timeout: 10_000 }).toBe(true);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
    const events = await expiredEvents(cartIds);
    for (const id of cartIds) expect(events.get(id), id).toBe(1);
  });

  it('never expires a cart under a shopper\'s change: the change wins or is refused, never both', async () => {
    const { variantIds } = await createVariants(stack, [{ price: 100 }]);
    const shoppers = await Promise.all(Array.from({ length: 20 }, async () => cartApi(await stack.as(unique('racer'), 'customer'))));
    const cartIds = await Promise.all(shoppers.map(async (s) => (await s.create()).cart!.id));
    // Five seconds from their expiry: shoppers may still change them, while a sweeper whose clock
    // runs ten seconds ahead already sees them as due.
    await sql.query(`UPDATE cart SET last_activity_at = now() - interval '30 days' + interval '5 seconds' WHERE id = ANY($1)`, [cartIds.map(rawCartId)]);

    const [adds] = await Promise.all([
      Promise.all(shoppers.map((s, i) => s.add(cartIds[i]!, variantIds[0]!, 1))),
      others[0]!.carts.expireIdle(new Date(Date.now() + 10_000), 2),
      others[1]!.carts.expireIdle(new Date(Date.now() + 10_000), 3),
    ]);

    for (const [i, add] of adds.entries()) {
      const status = await statusOf(cartIds[i]!);
      if (add.userErrors.length === 0) {
        expect(status).toBe('ACTIVE');
        expect(add.cart!.lines.map((l) => l.quantity)).toEqual([1]);
      } else {
        expect(status).toBe('EXPIRED');
        expect(add.userErrors[0]!.code).toBe('CART_NOT_ACTIVE');
        const { rows } = await sql.query(`SELECT count(*)::int AS n FROM cart_line WHERE cart_id = $1`, [rawCartId(cartIds[i]!)]);
        expect(rows[0].n).toBe(0);
      }
    }
  });
});
