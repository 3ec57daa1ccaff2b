// Checkout's rate limit through the gateway (CHECKOUT_ATTEMPTS_PER_MINUTE_*, set low here): every
// attempt counts, per person and per client address; one over the limit is RATE_LIMITED with the
// seconds to wait, and nothing is locked, held or created for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { rawIdOf } from '../../../lib/global-id.js';
import { startTestStack, type TestStack } from '../../../test/harness.js';
import { cartApi, createVariants, rawCartId, unique } from '../../cart/cart-fixtures.js';
import { ADDRESS, orderApi, sqlIn } from '../order-fixtures.js';

const PER_PERSON = 2;
const PER_CLIENT = 4;
const RATE_LIMITED = { code: 'RATE_LIMITED', field: null, message: expect.stringMatching(/^Too many checkout attempts\. Try again in ([1-9]|[1-5]\d|60) seconds?\.$/) };
/** Refused before the cart is touched: an attempt that counts and changes nothing. */
const BAD_ADDRESS = { ...ADDRESS, postalCode: '9410#' };

let stack: TestStack;
let sql: Record<'order' | 'catalog' | 'cart', pg.Pool>;
let variantId: string;

beforeAll(async () => {
  stack = await startTestStack({ env: { CHECKOUT_ATTEMPTS_PER_MINUTE_PER_PERSON: String(PER_PERSON), CHECKOUT_ATTEMPTS_PER_MINUTE_PER_CLIENT: String(PER_CLIENT) } });
  sql = { order: sqlIn(stack, 'order'), catalog: sqlIn(stack, 'catalog'), cart: sqlIn(stack, 'cart') };
  variantId = (await createVariants(stack, [{ price: 1500, onHand: 50 }])).variantIds[0]!;
}, 60_000);

afterAll(async () => {
  await Promise.all(Object.values(sql ?? {}).map((p) => p.end()));
  await stack?.close();
});

let lastOctet = 0;
/** A client address of its own, as the load balancer in front of the gateway records it. */
const fromNewClient = () => ({ 'x-forwarded-for': `203.0.113.${++lastOctet}` });

/** A shopper with a one-unit cart that could be checked out. */
async function shopper() {
  const personId = unique('limited');
  const client = await stack.as(personId, 'customer');
  const { cart } = await cartApi(client).create(undefined, [{ variantId, quantity: 1 }]);
  return { personId, cartId: cart!.id, orders: orderApi(client) };
}

/** What a checkout would have left behind for the person: orders, checkouts, stock held, a locked cart. */
async function traces(personId: string, cartId: string) {
  const count = async (table: string) => (await sql.order.query(`SELECT count(*)::int AS n FROM ${table} WHERE person_id = $1`, [personId])).rows[0].n as number;
  const stock = await sql.catalog.query('SELECT reserved FROM inventory_level WHERE variant_id = $1', [rawIdOf('ProductVariant', variantId, 'v')]);
  const cart = await sql.cart.query('SELECT status FROM cart WHERE id = $1', [rawCartId(cartId)]);
  return { orders: await count('"order"'), checkouts: await count('checkout'), reserved: stock.rows[0].reserved as number, cart: cart.rows[0].status as string };
}

describe('checkout rate limit', () => {
  it('refuses a person over their limit with RATE_LIMITED and a retry time, holding nothing; another person is unaffected', async () => {
    const alice = await shopper();
    const client = fromNewClient();
    for (let i = 0; i < PER_PERSON; i++) {
      const refused = await alice.orders.checkout({ cartId: alice.cartId, shippingAddress: BAD_ADDRESS }, client);
      expect(refused.userErrors.map((e) => e.code)).toEqual(['INVALID_ADDRESS']);
    }
    // A checkout that would succeed, from another address too: the person's limit is spent.
    const limited = await alice.orders.checkout({ cartId: alice.cartId }, fromNewClient());
    expect(limited).toEqual({ order: null, paymentClientSecret: null, userErrors: [RATE_LIMITED] });
    expect(await traces(alice.personId, alice.cartId)).toEqual({ orders: 0, checkouts: 0, reserved: 0, cart: 'ACTIVE' });

    const bob = await shopper();
    const placed = await bob.orders.checkout({ cartId: bob.cartId }, client);
    expect(placed.userErrors).toEqual([]);
    expect(placed.order?.status).toBe('PENDING_PAYMENT');
  });

  it('limits a client address across persons, and those persons from another address are unaffected', async () => {
    const client = fromNewClient();
    for (let i = 0; i < PER_CLIENT; i++) {
      const other = await shopper();
      const refused = await other.orders.checkout({ cartId: other.cartId, shippingAddress: BAD_ADDRESS }, client);
      expect(refused.userErrors.map((e) => e.code)).toEqual(['INVALID_ADDRESS']);
    }
    const carol = await shopper();
    const reservedBefore = (await traces(carol.personId, carol.cartId)).reserved;
    expect(await carol.orders.checkout({ cartId: carol.cartId }, client)).toEqual({ order: null, paymentClientSecret: null, userErrors: [RATE_LIMITED] });
    expect(await traces(carol.personId, carol.cartId)).toEqual({ orders: 0, checkouts: 0, reserved: reservedBefore, cart: 'ACTIVE' });

    const placed = await carol.orders.checkout({ cartId: carol.cartId }, fromNewClient());
    expect(placed.userErrors).toEqual([]);
    expect(placed.order?.status).toBe('PENDING_PAYMENT');
  });
});
