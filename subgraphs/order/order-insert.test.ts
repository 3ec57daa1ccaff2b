// insertOrder against real Postgres: one statement makes the order with its lines, discounts and
// first history entry; a repeat with the same id makes nothing; an order number already taken
// draws another, and an order that can find no free number is an error, not a silent loss.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlTransaction } from '../../lib/db.js';
import { createDatabaseFrom, dropDatabase, ensureTemplate } from '../../test/db-template.js';
import { insertOrder, type NewOrder } from './order.service.js';

const dbName = `order_insert_${randomBytes(4).toString('hex')}`;
let pool: pg.Pool;

beforeAll(async () => {
  const url = await createDatabaseFrom(await ensureTemplate(), dbName);
  pool = new pg.Pool({ connectionString: url, options: '-c search_path="order"', max: 2 });
});
afterAll(async () => {
  await pool?.end();
  await dropDatabase(dbName);
});

/** A transaction's client on one pool connection, committed after `fn`. */
async function inTransaction<R>(fn: (tx: SqlTransaction) => Promise<R>): Promise<R> {
  const client = await pool.connect();
  const rows = async (text: string, values: unknown[]) => (await client.query(text, values)).rows;
  const tx = {
    $queryRawUnsafe: async (text: string, ...values: unknown[]) => rows(text, values),
    $executeRawUnsafe: async (text: string, ...values: unknown[]) => (await client.query(text, values)).rowCount ?? 0,
  } as unknown as SqlTransaction;
  try {
    await client.query('BEGIN');
    const result = await fn(tx);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

const at = new Date('2026-12-01T10:00:00.000Z');

function newOrder(): NewOrder {
  return {
    id: uuidv7(),
    personId: 'person-insert',
    currency: 'EUR',
    subtotal: 3000,
    discountTotal: 300,
    shippingTotal: 500,
    taxTotal: 0,
    total: 3200,
    cartId: uuidv7(),
    affiliateCode: 'PARTNER',
    shippingAddress: { name: 'Ada', line1: '1 Main St', line2: null, city: 'Berlin', state: null, postalCode: '10115', country: 'DE' },
    shippingMethod: 'STANDARD',
    idempotencyKey: `key-${uuidv7()}`,
    reservedUntil: new Date(at.getTime() + 900_000),
    createdAt: at,
  };
}

const line = (position: number, quantity: number) => ({
  id: uuidv7(),
  position,
  cartLineId: position === 0 ? uuidv7() : null,
  variantId: uuidv7(),
  productId: uuidv7(),
  sku: `SKU-${position}`,
  productName: `Product ${position}`,
  variantTitle: 'Large / Blue',
  unitPrice: 1000,
  quantity,
  discount: position === 0 ? 300 : 0,
  lineTotal: 1000 * quantity,
});

const content = (lines = [line(0, 1), line(1, 2)]) => ({
  lines,
  discounts: [{ promotionId: uuidv7(), name: 'Winter', code: 'WINTER', amount: 300 }],
  actor: { kind: 'person' as const, id: 'person-insert', roles: ['customer' as const] },
  reason: 'checkout',
});

const count = async (table: string, orderId: string) =>
  (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${table === '"order"' ? 'id' : 'order_id'} = $1`, [orderId])).rows[0]!.n;

describe('insertOrder', () => {
  it('makes the order, its lines, discounts and first history entry, and answers the order as read', async () => {
    const order = newOrder();
    const c = content();
    const inserted = await inTransaction((tx) => insertOrder(tx, order, c, () => 'ORD-20261201-AAAA'));
    expect(inserted).toMatchObject({ id: order.id, number: 'ORD-20261201-AAAA', status: 'PENDING_PAYMENT', total: 3200, affiliateCode: 'PARTNER', createdAt: at });
    expect(inserted!.shippingAddress).toEqual(order.shippingAddress);

    const lines = await pool.query(`SELECT position, cart_line_id, sku, quantity, discount, line_total FROM order_line WHERE order_id = $1 ORDER BY position`, [order.id]);
    expect(lines.rows).toEqual(c.lines.map((l) => ({ position: l.position, cart_line_id: l.cartLineId, sku: l.sku, quantity: l.quantity, discount: l.discount, line_total: l.lineTotal })));
    const discounts = await pool.query(`SELECT promotion_id, name, code, amount FROM order_discount WHERE order_id = $1`, [order.id]);
    expect(discounts.rows).toEqual([{ promotion_id: c.discounts[0]!.promotionId, name: 'Winter', code: 'WINTER', amount: 300 }]);
    const history = await pool.query(`SELECT from_status, to_status::text AS to_status, actor, reason, at FROM order_history WHERE order_id = $1`, [order.id]);
    expect(history.rows).toEqual([{ from_status: null, to_status: 'PENDING_PAYMENT', actor: 'person:person-insert', reason: 'checkout', at }]);
  });

  it('makes nothing for an order id that exists already, and says so', async () => {
    const order = newOrder();
    await inTransaction((tx) => insertOrder(tx, order, content()));
    const again = await inTransaction((tx) => insertOrder(tx, { ...order, total: 1 }, content([line(0, 5)])));
    expect(again).toBeNull();
    expect([await count('"order"', order.id), await count('order_line', order.id), await count('order_history', order.id)]).toEqual([1, 2, 1]);
    expect((await pool.query(`SELECT total FROM "order" WHERE id = $1`, [order.id])).rows[0].total).toBe(3200);
  });

  it('draws another number when the one drawn is taken', async () => {
    await inTransaction((tx) => insertOrder(tx, newOrder(), content(), () => 'ORD-20261201-BBBB'));
    const draws = ['ORD-20261201-BBBB', 'ORD-20261201-CCCC'];
    const order = newOrder();
    const inserted = await inTransaction((tx) => insertOrder(tx, order, content(), () => draws.shift()!));
    expect(inserted!.number).toBe('ORD-20261201-CCCC');
    expect([await count('order_line', order.id), await count('order_history', order.id)]).toEqual([2, 1]);
  });

  it('fails, holding nothing, when no number it draws is free', async () => {
    await inTransaction((tx) => insertOrder(tx, newOrder(), content(), () => 'ORD-20261201-DDDD'));
    const order = newOrder();
    await expect(inTransaction((tx) => insertOrder(tx, order, content(), () => 'ORD-20261201-DDDD'))).rejects.toThrow(/no free order number/);
    expect(await count('"order"', order.id)).toBe(0);
  });
});
