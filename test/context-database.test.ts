// A context on a database of its own: CART_DATABASE_URL names another database than DATABASE_URL
// (here a second one on the same server, as another server would be). The cart's rows, its outbox and
// the listener that relays the outbox as it commits are there; the catalog's stay in the shared one;
// a cart priced from the catalog works across the two as it does on one.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventStream, readStream } from '../lib/outbox.js';
import { cartApi, createVariants, rawCartId, totals } from '../subgraphs/cart/cart-fixtures.js';
import { startTestStack, type TestStack } from './harness.js';

let stack: TestStack;
let shared: pg.Pool;
let cartDb: pg.Pool;

const count = async (sql: pg.Pool, query: string, ...values: unknown[]) => Number((await sql.query<{ n: string }>(query, values)).rows[0]!.n);

beforeAll(async () => {
  // The periodic relay a minute apart: only the relay listening for commits publishes in time.
  stack = await startTestStack({ workers: true, ownDatabases: ['CART_DATABASE_URL'], env: { OUTBOX_RELAY_MS: '60000' } });
  shared = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
  cartDb = new pg.Pool({ connectionString: stack.ownDatabaseUrls.CART_DATABASE_URL, max: 2 });
});
afterAll(async () => {
  await Promise.all([shared?.end(), cartDb?.end()]);
  await stack?.close();
});

describe('a context on a database of its own', () => {
  it('writes the cart there, and prices it from the catalog in the shared database', async () => {
    const { variantIds } = await createVariants(stack, [{ price: 1250 }, { price: 800 }]);
    const shopper = cartApi(await stack.as('own-db-shopper', 'customer'));
    const created = await shopper.create(undefined, [{ variantId: variantIds[0]!, quantity: 2 }]);
    expect(created.userErrors).toEqual([]);
    const { cart, userErrors } = await shopper.add(created.cart!.id, variantIds[1]!, 1);
    expect(userErrors).toEqual([]);
    // 2 × 1250 + 800, at the catalog's prices.
    expect(totals(cart).subtotal).toBe(3300);
    expect((await shopper.read(cart!.id))!.lines.map((l) => [l.variant.id, l.quantity])).toEqual([
      [variantIds[0], 2],
      [variantIds[1], 1],
    ]);

    const id = rawCartId(cart!.id);
    expect(await count(cartDb, 'SELECT count(*) AS n FROM cart.cart_line WHERE cart_id = $1', id)).toBe(2);
    expect(await count(shared, 'SELECT count(*) AS n FROM cart.cart WHERE id = $1', id)).toBe(0);
    expect(await count(shared, 'SELECT count(*) AS n FROM catalog.product_variant')).toBe(2);
    expect(await count(cartDb, 'SELECT count(*) AS n FROM catalog.product_variant')).toBe(0);
  });

  it("relays the cart's events as they commit, from the listener on the cart's database", async () => {
    const { cart } = await cartApi(await stack.as('own-db-relay', 'customer')).create();
    const id = rawCartId(cart!.id);
    expect(await count(cartDb, `SELECT count(*) AS n FROM cart.outbox_event WHERE type = 'CartCreated' AND aggregate_id = $1`, id)).toBe(1);
    await expect
      .poll(async () => (await readStream(stack.runtime.redis, eventStream(stack.config.REDIS_PREFIX, 'cart'))).some((e) => e.type === 'CartCreated' && e.aggregateId === id), { timeout: 10_000 })
      .toBe(true);
    const listeners = (sql: pg.Pool) => count(sql, `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN "outbox_cart"'`);
    expect(await listeners(cartDb)).toBe(1);
    expect(await listeners(shared)).toBe(0);
  });
});
