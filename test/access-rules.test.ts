// SPEC §6's access rules across the subgraphs, through the gateway: carts and orders are read by
// their owner and by staff only, plans by anyone, promotions by staff. Who may call each operation
// is the authorization matrix's (authorization-matrix.test.ts); this file checks what these reads
// answer each of them.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId } from '../lib/global-id.js';
import { errorCode, startTestStack, type TestStack } from './harness.js';
import { insertOrderRow } from '../subgraphs/order/order-fixtures.js';

let stack: TestStack;
const ids = {
  cart: '0190f5a0-0000-7000-8000-000000000001',
  order: '0190f5a0-0000-7000-8000-000000000002',
  plan: '0190f5a0-0000-7000-8000-000000000003',
  promotion: '0190f5a0-0000-7000-8000-000000000004',
};

beforeAll(async () => {
  stack = await startTestStack();
  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  await db.query(`INSERT INTO cart.cart (id, person_id, updated_at) VALUES ($1, 'alice', now())`, [ids.cart]);
  await insertOrderRow(db, { id: ids.order, number: 'ORD-20261123-7F3K', personId: 'alice', total: 4599 });
  await db.query(`INSERT INTO subscription.subscription_plan (id, name, price, currency, interval, updated_at) VALUES ($1, 'Coffee monthly', 1999, 'USD', 'MONTHLY', now())`, [ids.plan]);
  await db.query(`INSERT INTO promotion.promotion (id, name, code, discount_type, value, updated_at) VALUES ($1, 'Welcome', 'WELCOME10', 'PERCENTAGE', 10, now())`, [ids.promotion]);
  await db.end();
});
afterAll(() => stack?.close());

describe('carts and orders are read by their owner and by staff only', () => {
  const cartId = globalId('Cart', ids.cart);
  const CART = `{ cart(id: "${cartId}") { id status currencyCode } }`;
  const ORDER = `{ order(id: "${globalId('Order', ids.order)}") { number status total { amount formatted } } }`;

  it('answers the owner', async () => {
    const alice = await stack.as('alice', 'customer');
    expect(await alice.query(CART)).toEqual({ cart: { id: cartId, status: 'ACTIVE', currencyCode: 'USD' } });
    expect(await alice.query('{ myCart { id } }')).toEqual({ myCart: { id: cartId } });
    expect(await alice.query(ORDER)).toEqual({ order: { number: 'ORD-20261123-7F3K', status: 'PENDING_PAYMENT', total: { amount: 4599, formatted: '$45.99' } } });
  });

  it('answers support and admin', async () => {
    for (const client of [await stack.as('s-1', 'support'), stack.admin]) {
      expect((await client.query(CART)).cart.id).toBe(cartId);
      expect((await client.query(ORDER)).order.number).toBe('ORD-20261123-7F3K');
    }
  });

  it('shows another customer nothing', async () => {
    const bob = await stack.as('bob', 'customer');
    expect(await bob.query(CART)).toEqual({ cart: null });
    expect(await bob.query(ORDER)).toEqual({ order: null });
    expect(await bob.query('{ myCart { id } }')).toEqual({ myCart: null });
  });

  it('refuses anonymous callers', async () => {
    expect(errorCode(await stack.anonymous.request(CART))).toBe('UNAUTHENTICATED');
    expect(errorCode(await stack.anonymous.request(ORDER))).toBe('UNAUTHENTICATED');
  });
});

describe('plans and promotions', () => {
  it('lists active plans to anyone, with Money', async () => {
    expect(await stack.anonymous.query('{ subscriptionPlans { name interval price { amount currencyCode fractionDigits formatted } } }')).toEqual({
      subscriptionPlans: [{ name: 'Coffee monthly', interval: 'MONTHLY', price: { amount: 1999, currencyCode: 'USD', fractionDigits: 2, formatted: '$19.99' } }],
    });
  });

  it('shows promotions to staff only', async () => {
    const query = `{ promotion(id: "${globalId('Promotion', ids.promotion)}") { name code active } }`;
    const expected = { promotion: { name: 'Welcome', code: 'WELCOME10', active: true } };
    expect(await stack.admin.query(query)).toEqual(expected);
    expect(await (await stack.as('s-1', 'support')).query(query)).toEqual(expected);
    expect(errorCode(await (await stack.as('c-1', 'customer')).request(query))).toBe('FORBIDDEN');
    expect(errorCode(await stack.anonymous.request(query))).toBe('UNAUTHENTICATED');
  });
});
