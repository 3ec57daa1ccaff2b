// A person's erasure (GDPR art. 17, SPEC §3) across every context, with the workers running: after
// erasePersonalData, no row of any table of any context names the person, the financial records
// (orders, their lines and totals, uses of codes, commissions) are all still there under the
// pseudonym, what still ran is cancelled, and asking again changes nothing more.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawIdOf } from '../lib/global-id.js';
import { cartApi, createPromotion, createVariants, unique } from '../subgraphs/cart/cart-fixtures.js';
import { orderApi, payWith, sqlIn } from '../subgraphs/order/order-fixtures.js';
import { uniqueCode } from '../subgraphs/promotion/promotion-fixtures.js';
import { createPlan, insertSubscription } from '../subgraphs/subscription/subscription-fixtures.js';
import { errorCode, startTestStack, until, type GraphQLClient, type TestStack } from './harness.js';

const CONTEXTS = ['catalog', 'cart', 'order', 'subscription', 'promotion'] as const;
const ERASE = `mutation($input: ErasePersonalDataInput!) {
  erasePersonalData(input: $input) { erasure { pseudonym requestedBy requestedAt reason runs lastRunBy lastRunAt } userErrors { field code message } }
}`;
const ERASURE = `query($p: ID!) { personalDataErasure(personId: $p) { pseudonym requestedBy reason runs } }`;

let stack: TestStack;
let db: pg.Pool;
let person: string;
let shopper: GraphQLClient;
let paidOrderId: string;
let subscriptionId: string;

/** The tables of every context, and the rows of each whose text holds `needle`. */
async function rowsNaming(needle: string): Promise<Record<string, number>> {
  const { rows: tables } = await db.query<{ s: string; t: string }>(
    `SELECT table_schema AS s, table_name AS t FROM information_schema.tables WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' ORDER BY 1, 2`,
    [CONTEXTS],
  );
  const sql = tables.map(({ s, t }) => `SELECT '${s}.${t}' AS t, count(*)::int AS n FROM "${s}"."${t}" x WHERE strpos(x::text, $1) > 0`).join(' UNION ALL ');
  const { rows } = await db.query<{ t: string; n: number }>(sql, [needle]);
  return Object.fromEntries(rows.filter((r) => r.n > 0).map((r) => [r.t, r.n]));
}

beforeAll(async () => {
  stack = await startTestStack({ workers: true, env: { OUTBOX_RELAY_MS: '50' } });
  db = sqlIn(stack, 'order');
  person = unique('gdpr-person');
  shopper = await stack.as(person, 'customer');
  const { variantIds } = await createVariants(stack, [{ price: 2500, onHand: 20 }]);
  // A click on a partner's link, a cart with its code and a promotion code, paid: an attribution, a use of a code.
  const partnerCode = uniqueCode('GDPR');
  await stack.admin.query(`mutation($input: CreateAffiliatePartnerInput!) { createAffiliatePartner(input: $input) { partner { id } } }`, {
    input: { code: partnerCode, name: 'Privacy blog', commissionRate: 1000 },
  });
  await shopper.query(`mutation($input: RecordAffiliateClickInput!) { recordAffiliateClick(input: $input) { click { id } } }`, { input: { code: partnerCode, url: 'https://shop.example/' } });
  const code = uniqueCode('SAVE');
  await createPromotion(stack, { name: 'Ten off', code, discountType: 'PERCENTAGE', percentOff: 10 });
  const carts = cartApi(shopper);
  const paidCart = (await carts.create(partnerCode, [{ variantId: variantIds[0]!, quantity: 2 }])).cart!;
  expect((await carts.applyCode(paidCart.id, code)).userErrors).toEqual([]);
  const paid = await orderApi(shopper).checkout({ cartId: paidCart.id });
  paidOrderId = paid.order!.id;
  await payWith(stack, paid.paymentClientSecret!);
  await until('the attribution', async () => (await db.query(`SELECT count(*)::int AS n FROM promotion.affiliate_attribution WHERE person_id = $1`, [person])).rows[0].n, (n) => n === 1, 30_000);
  // An order the shopper cancelled themselves: their id in its history.
  const cancelledCart = (await carts.create(undefined, [{ variantId: variantIds[0]!, quantity: 1 }])).cart!;
  const cancelled = await orderApi(shopper).checkout({ cartId: cancelledCart.id });
  expect((await orderApi(shopper).cancel(cancelled.order!.id)).userErrors).toEqual([]);
  // A cart still open (the cancelled order's, handed back), and a subscription still billing.
  await until('the cart handed back', async () => (await db.query(`SELECT count(*)::int AS n FROM cart.cart WHERE person_id = $1 AND status = 'ACTIVE'`, [person])).rows[0].n, (n) => n === 1, 30_000);
  const plan = await createPlan(stack);
  const subscriptions = sqlIn(stack, 'subscription');
  subscriptionId = await insertSubscription(subscriptions, { personId: person, planId: plan.id });
  await subscriptions.end();
}, 180_000);

afterAll(async () => {
  await db?.end();
  await stack?.close();
});

describe('erasing a person', () => {
  it('is for admins only; support may see that it was done; bad input writes nothing', async () => {
    for (const role of ['customer', 'support'] as const) {
      const res = await (await stack.as(unique(role), role)).request(ERASE, { input: { personId: person, reason: 'try' } });
      expect(errorCode(res)).toBe('FORBIDDEN');
    }
    expect(errorCode(await shopper.request(ERASURE, { p: person }))).toBe('FORBIDDEN');
    const blank = await stack.admin.query<{ erasePersonalData: { erasure: null; userErrors: { code: string; field: string[] }[] } }>(ERASE, { input: { personId: ' ', reason: '' } });
    expect(blank.erasePersonalData.userErrors.map((e) => [e.code, e.field.join('.')])).toEqual([
      ['INVALID_INPUT', 'input.personId'],
      ['INVALID_INPUT', 'input.reason'],
    ]);
    expect((await db.query('SELECT count(*)::int AS n FROM personal_data_erasure')).rows[0].n).toBe(0);
    expect((await stack.admin.query<{ personalDataErasure: null }>(ERASURE, { p: person })).personalDataErasure).toBeNull();
  });

  it('leaves no row naming the person in any context, and keeps every financial record under the pseudonym', async () => {
    const named = await rowsNaming(person);
    expect(Object.keys(named).length).toBeGreaterThanOrEqual(8);
    const ordersBefore = (await db.query(`SELECT id, status, total, subtotal, discount_total FROM "order" WHERE person_id = $1 ORDER BY id`, [person])).rows;
    const data = await stack.admin.query<{ erasePersonalData: { erasure: Record<string, unknown> } }>(ERASE, { input: { personId: person, reason: 'Request #4711 by email' } });
    const erasure = data.erasePersonalData.erasure;
    expect(erasure).toMatchObject({ pseudonym: expect.stringMatching(/^erased:[\da-f-]{36}$/), requestedBy: 'admin-1', reason: 'Request #4711 by email', runs: 1, lastRunBy: 'admin-1' });
    const pseudonym = erasure.pseudonym as string;
    await expect.poll(() => rowsNaming(person), { timeout: 60_000, interval: 200 }).toEqual({});
    // The erasure itself is on record, without the person id.
    expect(await rowsNaming(pseudonym)).toMatchObject({ 'order.personal_data_erasure': 1 });

    const ordersAfter = (await db.query(`SELECT id, status, total, subtotal, discount_total FROM "order" WHERE person_id = $1 ORDER BY id`, [pseudonym])).rows;
    expect(ordersAfter).toEqual(ordersBefore);
    expect(ordersAfter.map((o) => o.status).sort()).toEqual(['CANCELLED', 'PAID']);
    const order = await stack.admin.query<{ order: { personId: string; shippingAddress: Record<string, unknown>; lines: { quantity: number }[]; history: { actor: string }[] } }>(
      `query($id: ID!) { order(id: $id) { personId shippingAddress { name line1 city state postalCode country } lines { quantity } history { actor } } }`,
      { id: paidOrderId },
    );
    expect(order.order.personId).toBe(pseudonym);
    expect(order.order.shippingAddress).toEqual({ name: null, line1: '(erased)', city: '(erased)', state: 'CA', postalCode: '(erased)', country: 'US' });
    expect(order.order.lines).toEqual([{ quantity: 2 }]);
    const cancelledHistory = (await db.query(`SELECT h.actor FROM order_history h JOIN "order" o ON o.id = h.order_id WHERE o.person_id = $1 AND h.to_status = 'CANCELLED'`, [pseudonym])).rows;
    expect(cancelledHistory).toEqual([{ actor: `person:${pseudonym}` }]);
    // Uses of codes and commissions stay, counted for the pseudonym; the open cart is gone; the subscription was ended by the admin.
    expect((await db.query(`SELECT uses FROM promotion.promotion_person_usage WHERE person_id = $1`, [pseudonym])).rows).toEqual([{ uses: 1 }]);
    expect((await db.query(`SELECT count(*)::int AS n FROM promotion.affiliate_attribution WHERE person_id = $1`, [pseudonym])).rows[0].n).toBe(1);
    expect((await db.query(`SELECT status FROM cart.cart WHERE person_id = $1 ORDER BY created_at`, [pseudonym])).rows.map((r) => r.status)).not.toContain('ACTIVE');
    const subscription = (await db.query(`SELECT status FROM subscription.customer_subscription WHERE id = $1`, [rawIdOf('CustomerSubscription', subscriptionId, 'id')])).rows[0];
    expect(subscription).toEqual({ status: 'CANCELLED' });
    const ended = (await db.query(`SELECT actor FROM subscription.subscription_event WHERE subscription_id = $1 AND to_status = 'CANCELLED'`, [rawIdOf('CustomerSubscription', subscriptionId, 'id')])).rows;
    expect(ended).toEqual([{ actor: 'person:admin-1' }]);
  }, 120_000);

  it('answers the same erasure when asked again, and changes nothing more', async () => {
    const snapshot = async () => {
      const { rows } = await db.query<{ t: string; h: string }>(
        `SELECT 'order' AS t, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM "order" x
         UNION ALL SELECT 'cart', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM cart.cart x
         UNION ALL SELECT 'usage', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM promotion.promotion_person_usage x
         UNION ALL SELECT 'subscription', md5(string_agg(x::text, '|' ORDER BY x::text)) FROM subscription.customer_subscription x`,
      );
      return rows;
    };
    const before = await snapshot();
    const first = (await stack.admin.query<{ personalDataErasure: { pseudonym: string; runs: number } }>(ERASURE, { p: person })).personalDataErasure;
    const again = await stack.admin.query<{ erasePersonalData: { erasure: { pseudonym: string; runs: number; requestedBy: string } } }>(ERASE, { input: { personId: person, reason: 'Asked again' } });
    expect(again.erasePersonalData.erasure).toMatchObject({ pseudonym: first.pseudonym, runs: 2, requestedBy: 'admin-1' });
    // Every context took the second request too (its own consumer recorded it) …
    const { rows: events } = await db.query(`SELECT id FROM outbox_event WHERE type = 'PersonalDataErasureRequested' ORDER BY occurred_at`);
    expect(events).toHaveLength(2);
    const consumers = ['order', 'cart', 'subscription', 'promotion'];
    await expect
      .poll(async () => (await Promise.all(consumers.map(async (c) => (await db.query(`SELECT 1 FROM "${c}".processed_event WHERE event_id = $1`, [events[1]!.id])).rowCount))).every((n) => n === 1), { timeout: 30_000 })
      .toBe(true);
    // … and nothing changed.
    expect(await snapshot()).toEqual(before);
    expect((await stack.admin.query<{ personalDataErasure: { runs: number } }>(ERASURE, { p: person })).personalDataErasure.runs).toBe(2);
  }, 120_000);
});
