// The affiliate consumers with the workers running: CartCreated (from the cart context's stream)
// links a click to the cart, OrderPaid (from the order context's stream) credits the partner once,
// however often it is delivered; and the retention jobs purge old clicks and old uses of codes.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventStream, type EventEnvelope } from '../../../lib/outbox.js';
import { consumerBacklog } from '../../../lib/consumer-backlog.js';
import { bullPrefix } from '../../../lib/runtime.js';
import { startTestStack, type GraphQLClient, type TestStack } from '../../../test/harness.js';
import { affiliateAdmin, rawClickId, rawPartnerId, recordClick } from './affiliate-fixtures.js';
import { promotionSql, uniqueCode } from '../promotion-fixtures.js';
import { createPromotionServices } from '../server.js';
import { rawIdOf } from '../../../lib/global-id.js';
import { createPromotion } from '../../cart/cart-fixtures.js';
import { retentionJob } from '../retention.js';

let stack: TestStack;
let sql: pg.Pool;
let admin: ReturnType<typeof affiliateAdmin>;
let shopper: GraphQLClient;
let services: ReturnType<typeof createPromotionServices>;

beforeAll(async () => {
  stack = await startTestStack({ subgraphs: ['promotion'], workers: true });
  sql = promotionSql(stack);
  admin = affiliateAdmin(stack.admin);
  shopper = await stack.as('shopper-1', 'customer');
  services = createPromotionServices(stack.runtime);
});
afterAll(async () => {
  await services?.db.$disconnect();
  await sql?.end();
  await stack?.close();
});

function envelope(type: string, aggregateId: string, data: unknown, id = randomUUID()): EventEnvelope {
  return { id, type, version: 1, occurredAt: new Date().toISOString(), aggregateType: type.startsWith('Cart') ? 'Cart' : 'Order', aggregateId, traceId: null, data };
}

async function publish(context: 'cart' | 'order', event: EventEnvelope): Promise<void> {
  await stack.runtime.redis.xadd(eventStream(stack.config.REDIS_PREFIX, context), '*', 'type', event.type, 'event', JSON.stringify(event));
}

const CONSUMERS = { CartCreated: 'promotion-affiliate-carts', OrderPaid: 'promotion-affiliate-orders' } as const;

/** Waits until the promotion context has processed the event (its processed_event row exists). */
async function processed(event: EventEnvelope): Promise<void> {
  const consumer = CONSUMERS[event.type as keyof typeof CONSUMERS];
  await expect
    .poll(async () => (await sql.query('SELECT 1 FROM processed_event WHERE consumer = $1 AND event_id = $2', [consumer, event.id])).rowCount, {
      message: `${event.type} ${event.id} was not processed`,
      timeout: 10_000,
      interval: 50,
    })
    .toBe(1);
}

/** Waits until the consumer has taken and acknowledged everything on the context's stream (events it records nothing for among them). */
async function caughtUp(context: 'cart' | 'order', consumer: string): Promise<void> {
  const stream = eventStream(stack.config.REDIS_PREFIX, context);
  await expect
    .poll(async () => await consumerBacklog(stack.runtime.redis, stream, consumer), { message: `${consumer} did not catch up`, timeout: 10_000, interval: 50 })
    .toMatchObject({ pending: 0, lag: 0 });
}

/** Publishes CartCreated and waits until the consumer is done with it: processed, or (without a code: nothing to link) acknowledged unrecorded. */
async function cartCreated(data: { cartId: string; personId: string | null; affiliateCode: string | null }): Promise<void> {
  const event = envelope('CartCreated', data.cartId, data);
  await publish('cart', event);
  if (data.affiliateCode) await processed(event);
  else await caughtUp('cart', CONSUMERS.CartCreated);
}

/** The raw id of the click linked to the cart (the events and rows carry raw ids), or null. */
const clickOfCart = async (cartId: string) => (await sql.query('SELECT id FROM affiliate_click WHERE cart_id = $1', [cartId])).rows[0]?.id ?? null;
const attributionsOf = async (orderId: string) =>
  (await sql.query('SELECT partner_id, direction, click_id, cart_id, currency, revenue, commission_rate, commission, occurred_at FROM affiliate_attribution WHERE order_id = $1', [orderId])).rows;

async function partner(commissionRate = 1000) {
  return admin.createOk({ code: uniqueCode('EVT'), name: 'Partner', commissionRate });
}

const orderPaid = (more: Record<string, unknown>) => ({
  orderId: randomUUID(),
  orderNumber: 'ORD-20261125-7F3K',
  personId: 'shopper-1',
  cartId: null,
  currencyCode: 'USD',
  total: 12_345,
  subtotal: 10_999,
  discountTotal: 1000,
  affiliateCode: null,
  paidAt: '2026-11-25T10:00:00.000Z',
  ...more,
});

describe('CartCreated links a click to the cart', () => {
  it("links the shopper's own latest unlinked click of the partner, even with a newer anonymous click", async () => {
    const p = await partner();
    const own = (await recordClick(shopper, { code: p.code, url: 'https://shop.example/own' })).click!;
    await recordClick(stack.anonymous, { code: p.code, url: 'https://shop.example/anon' });
    const cartId = `cart-${randomUUID()}`;
    await cartCreated({ cartId, personId: 'shopper-1', affiliateCode: p.code.toLowerCase() });
    expect(await clickOfCart(cartId)).toBe(rawClickId(own.id));
  });

  it('links the latest anonymous click when the shopper has none (a visitor who signed in after clicking)', async () => {
    const p = await partner();
    await recordClick(stack.anonymous, { code: p.code, url: 'https://shop.example/older' });
    const latest = (await recordClick(stack.anonymous, { code: p.code, url: 'https://shop.example/newer' })).click!;
    const cartId = `cart-${randomUUID()}`;
    await cartCreated({ cartId, personId: 'someone-else', affiliateCode: p.code });
    expect(await clickOfCart(cartId)).toBe(rawClickId(latest.id));
    // The next cart takes the next click; a click serves one cart only.
    const second = `cart-${randomUUID()}`;
    await cartCreated({ cartId: second, personId: null, affiliateCode: p.code });
    expect(await clickOfCart(second)).not.toBeNull();
    expect(await clickOfCart(second)).not.toBe(rawClickId(latest.id));
  });

  it("links nothing without a code, with an unknown code, or when the partner's clicks are older than 30 days", async () => {
    const p = await partner();
    const click = (await recordClick(stack.anonymous, { code: p.code, url: 'https://shop.example/' })).click!;
    await sql.query(`UPDATE affiliate_click SET created_at = now() - interval '31 days' WHERE id = $1`, [rawClickId(click.id)]);
    for (const affiliateCode of [null, 'NO-SUCH-PARTNER', p.code]) {
      const cartId = `cart-${randomUUID()}`;
      await cartCreated({ cartId, personId: 'shopper-1', affiliateCode });
      expect(await clickOfCart(cartId)).toBeNull();
    }
  });
});

describe('OrderPaid credits the partner', () => {
  it("credits the partner of the cart's click once, however often the event is delivered", async () => {
    const p = await partner(250);
    await recordClick(shopper, { code: p.code, url: 'https://shop.example/' });
    const cartId = `cart-${randomUUID()}`;
    await cartCreated({ cartId, personId: 'shopper-1', affiliateCode: p.code });
    const clickId = await clickOfCart(cartId);

    const data = orderPaid({ cartId, subtotal: 10_999, discountTotal: 1000 });
    const event = envelope('OrderPaid', data.orderId, data);
    await publish('order', event);
    await publish('order', event);
    // Another event for the same order (say a second webhook) changes nothing either.
    const duplicate = envelope('OrderPaid', data.orderId, { ...data, subtotal: 50_000 });
    await publish('order', duplicate);
    await processed(event);
    await processed(duplicate);

    expect(await attributionsOf(data.orderId)).toEqual([
      {
        partner_id: rawPartnerId(p.id),
        direction: 'INBOUND',
        click_id: clickId,
        cart_id: cartId,
        currency: 'USD',
        revenue: 9999, // subtotal − discounts
        commission_rate: 250,
        commission: 250, // 249.975, half up
        occurred_at: new Date('2026-11-25T10:00:00.000Z'),
      },
    ]);
    const pending = (await stack.runtime.redis.xpending(eventStream(stack.config.REDIS_PREFIX, 'order'), CONSUMERS.OrderPaid)) as [number];
    expect(pending[0]).toBe(0);
  });

  it("credits the partner whose code the order carries when its cart was not linked, at the partner's current rate", async () => {
    const p = await partner(1000);
    await admin.update(p.id, { commissionRate: 1500 });
    const data = orderPaid({ affiliateCode: p.code.toLowerCase(), subtotal: 2000, discountTotal: 0 });
    const event = envelope('OrderPaid', data.orderId, data);
    await publish('order', event);
    await processed(event);
    expect(await attributionsOf(data.orderId)).toEqual([expect.objectContaining({ partner_id: rawPartnerId(p.id), click_id: null, revenue: 2000, commission_rate: 1500, commission: 300 })]);
  });

  it('credits nobody for an order without a partner, with an inactive partner, or with data of an unexpected shape', async () => {
    const inactive = await partner();
    await admin.deactivate(inactive.id);
    const events = [
      envelope('OrderPaid', 'o-1', orderPaid({ cartId: `cart-${randomUUID()}` })),
      envelope('OrderPaid', 'o-2', orderPaid({ affiliateCode: inactive.code })),
      envelope('OrderPaid', 'o-3', { orderId: 'o-3', total: 'lots' }),
    ];
    for (const event of events) await publish('order', event);
    // Without a code or a click nothing could be credited: acknowledged without a transaction, so unrecorded.
    await caughtUp('order', CONSUMERS.OrderPaid);
    for (const event of events.slice(1)) await processed(event);
    const unrecorded = await sql.query('SELECT 1 FROM processed_event WHERE event_id = $1', [events[0]!.id]);
    expect(unrecorded.rowCount).toBe(0);
    const orderIds = events.map((e) => (e.data as { orderId: string }).orderId);
    expect((await sql.query('SELECT count(*)::int AS n FROM affiliate_attribution WHERE order_id = ANY($1)', [orderIds])).rows[0].n).toBe(0);
  });
});

describe('retention', () => {
  /** The queue's job scheduler is registered with the stack's workers: the worker runs it daily. */
  const scheduled = async (queueName: string) => (await stack.runtime.redis.keys(`${bullPrefix(stack.config)}:${queueName}:*`)).length > 0;

  it('purges clicks older than two years, daily', async () => {
    const p = await partner();
    const insert = (age: string) =>
      sql.query(`INSERT INTO affiliate_click (id, partner_id, url, created_at) VALUES (gen_random_uuid(), $1, 'https://x', now() - $2::interval) RETURNING id`, [rawPartnerId(p.id), age]);
    const old = (await insert('731 days')).rows[0].id;
    const kept = (await insert('729 days')).rows[0].id;
    const job = retentionJob('promotion-affiliate-click-purge', () => services.clicks.purgeExpired());
    expect(job.everyMs).toBe(24 * 3600 * 1000);
    expect(await job.run()).toBeGreaterThanOrEqual(1);
    const left = (await sql.query('SELECT id FROM affiliate_click WHERE id = ANY($1)', [[old, kept]])).rows.map((r) => r.id);
    expect(left).toEqual([kept]);
    expect(await scheduled(job.queueName)).toBe(true);
  });

  it('purges settled uses of codes older than two years, keeping held ones and every count', async () => {
    const promotion = rawIdOf('Promotion', await createPromotion(stack, { name: 'Old code', code: uniqueCode('OLD'), discountType: 'PERCENTAGE', percentOff: 5 }), 'p');
    await sql.query(`UPDATE promotion SET confirmed_count = 2, reserved_count = 1 WHERE id = $1`, [promotion]);
    await sql.query(`INSERT INTO promotion_person_usage (promotion_id, person_id, uses) VALUES ($1, 'p-old', 3)`, [promotion]);
    const insert = (status: string, age: string) =>
      sql.query(
        `INSERT INTO promotion_redemption (id, promotion_id, order_id, person_id, status, amount, created_at, updated_at)
         VALUES (gen_random_uuid(), $1, gen_random_uuid()::text, 'p-old', $2::redemption_status, 100, now() - $3::interval, now() - $3::interval) RETURNING id`,
        [promotion, status, age],
      );
    const confirmedOld = (await insert('CONFIRMED', '731 days')).rows[0].id;
    const releasedOld = (await insert('RELEASED', '800 days')).rows[0].id;
    const heldOld = (await insert('RESERVED', '731 days')).rows[0].id;
    const confirmedRecent = (await insert('CONFIRMED', '729 days')).rows[0].id;
    // A purged use takes its versions with it, and leaves no version of its deletion.
    const versions = async (id: string) => (await sql.query(`SELECT operation FROM entity_version WHERE entity = 'promotion_redemption' AND entity_id = $1`, [id])).rows.map((r) => r.operation);
    expect(await versions(confirmedOld)).toEqual(['INSERT']);
    const job = retentionJob('promotion-redemption-purge', () => services.redemptions.purgeExpired());
    expect(await job.run()).toBe(2);
    expect(await versions(confirmedOld)).toEqual([]);
    expect(await versions(releasedOld)).toEqual([]);
    expect(await versions(confirmedRecent)).toEqual(['INSERT']);
    const left = (await sql.query('SELECT id FROM promotion_redemption WHERE promotion_id = $1 ORDER BY id', [promotion])).rows.map((r) => r.id);
    expect(left.sort()).toEqual([heldOld, confirmedRecent].sort());
    expect(left).not.toContain(confirmedOld);
    expect(left).not.toContain(releasedOld);
    // The limits still count every use: the promotion's counters and the person's usage are untouched.
    expect((await sql.query('SELECT confirmed_count, reserved_count FROM promotion WHERE id = $1', [promotion])).rows[0]).toEqual({ confirmed_count: 2, reserved_count: 1 });
    expect((await sql.query(`SELECT uses FROM promotion_person_usage WHERE promotion_id = $1`, [promotion])).rows[0].uses).toBe(3);
    expect(await scheduled(job.queueName)).toBe(true);
  });
});
