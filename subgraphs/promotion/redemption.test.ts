// The service contract against real Postgres: evaluatePromotions as the cart calls it, and
// redemptions as the checkout holds, confirms and releases them. Limits hold under racing
// checkouts; every operation is idempotent by order id; only service tokens get in.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId } from '../../lib/global-id.js';
import { startTestStack, type GraphQLClient, type TestStack } from '../../test/harness.js';
import {
  cartLine,
  cartLineId,
  countersOf,
  orderId,
  promotionAdmin,
  promotionService,
  promotionSql,
  rawPromotionId,
  uniqueCode,
  unknownPromotionId,
} from './promotion-fixtures.js';

let stack: TestStack;
let sql: pg.Pool;
let admin: ReturnType<typeof promotionAdmin>;
let service: ReturnType<typeof promotionService>;

beforeAll(async () => {
  stack = await startTestStack({ subgraphs: ['promotion'], gateway: false });
  sql = promotionSql(stack);
  admin = promotionAdmin(stack.subgraph('promotion', await stack.token('admin-1', ['admin'])));
  service = promotionService(stack.subgraph('promotion', await stack.serviceToken('order')));
});
afterAll(async () => {
  await sql?.end();
  await stack?.close();
});

const codes = (payload: { userErrors: { code: string }[] }) => payload.userErrors.map((e) => e.code);
const percentOff = (more: Record<string, unknown> = {}) => ({ name: 'Ten off', code: uniqueCode(), discountType: 'PERCENTAGE', percentOff: 10, ...more });

describe('reservations under contention', () => {
  it('lets exactly 10 of 100 racing checkouts redeem a code limited to 10', async () => {
    const promotionId = await admin.createOk(percentOff({ maxRedemptions: 10 }));
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => service.reserve(orderId(), `person-${i}`, [{ promotionId, amount: 100 }])));

    expect(results.filter((r) => r.redemptions)).toHaveLength(10);
    expect(results.filter((r) => codes(r).join() === 'USAGE_LIMIT_REACHED')).toHaveLength(90);
    expect(await countersOf(sql, promotionId)).toEqual({ reserved: 10, confirmed: 0 });
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM promotion_redemption WHERE promotion_id = $1 AND status = 'RESERVED'`, [rawPromotionId(promotionId)]);
    expect(rows[0].n).toBe(10);
  });

  it('lets one person redeem a once-per-person code once, however many checkouts race', async () => {
    const promotionId = await admin.createOk(percentOff({ maxRedemptionsPerPerson: 1 }));
    const results = await Promise.all(Array.from({ length: 20 }, () => service.reserve(orderId(), 'greedy', [{ promotionId, amount: 100 }])));

    expect(results.filter((r) => r.redemptions)).toHaveLength(1);
    expect(results.filter((r) => codes(r).join() === 'USAGE_LIMIT_REACHED')).toHaveLength(19);
    expect(await countersOf(sql, promotionId)).toEqual({ reserved: 1, confirmed: 0 });
    const { rows } = await sql.query(`SELECT uses FROM promotion_person_usage WHERE promotion_id = $1 AND person_id = 'greedy'`, [rawPromotionId(promotionId)]);
    expect(rows).toEqual([{ uses: 1 }]);
    expect((await service.reserve(orderId(), 'someone-else', [{ promotionId, amount: 100 }])).redemptions).toHaveLength(1);
  });

  it('answers racing retries of one order with one reservation and one use', async () => {
    const promotionId = await admin.createOk(percentOff({ maxRedemptions: 5 }));
    const order = orderId();
    const results = await Promise.all(Array.from({ length: 10 }, () => service.reserve(order, 'alice', [{ promotionId, amount: 250 }])));
    for (const r of results) expect(r).toEqual({ redemptions: [{ promotionId, orderId: order, status: 'RESERVED', amount: 250 }], userErrors: [] });
    expect(await countersOf(sql, promotionId)).toEqual({ reserved: 1, confirmed: 0 });
  });

  it('is backed by the database: counters can never pass the limit', async () => {
    const promotionId = await admin.createOk(percentOff({ maxRedemptions: 2 }));
    const id = rawPromotionId(promotionId);
    await expect(sql.query('UPDATE promotion SET reserved_count = 3 WHERE id = $1', [id])).rejects.toMatchObject({ code: '23514', constraint: 'promotion_counts_check' });
    await expect(sql.query('UPDATE promotion SET reserved_count = -1 WHERE id = $1', [id])).rejects.toMatchObject({ code: '23514' });
  });
});

describe('reserve, confirm, release', () => {
  it('holds all promotions or none', async () => {
    const open = await admin.createOk(percentOff());
    const usedUp = await admin.createOk(percentOff({ maxRedemptions: 1 }));
    expect((await service.reserve(orderId(), 'bob', [{ promotionId: usedUp, amount: 1 }])).redemptions).toHaveLength(1);

    const refused = await service.reserve(orderId(), 'carol', [
      { promotionId: open, amount: 100 },
      { promotionId: usedUp, amount: 50 },
    ]);
    expect(refused.redemptions).toBeNull();
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'USAGE_LIMIT_REACHED', field: ['input', 'redemptions', '1', 'promotionId'] })]);
    expect(await countersOf(sql, open)).toEqual({ reserved: 0, confirmed: 0 });
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM promotion_person_usage WHERE person_id = 'carol'`);
    expect(rows[0].n).toBe(0);
  });

  it('confirms once, however often asked', async () => {
    const promotionId = await admin.createOk(percentOff({ maxRedemptions: 3, maxRedemptionsPerPerson: 2 }));
    const order = orderId();
    await service.reserve(order, 'dave', [{ promotionId, amount: 300 }]);
    const first = await service.confirm(order);
    const second = await service.confirm(order);
    expect(first).toEqual({ redemptions: [{ promotionId, orderId: order, status: 'CONFIRMED', amount: 300 }], userErrors: [] });
    expect(second).toEqual(first);
    expect(await countersOf(sql, promotionId)).toEqual({ reserved: 0, confirmed: 1 });
    expect(await service.reserve(order, 'dave', [{ promotionId, amount: 999 }])).toEqual(first);
  });

  it('release returns the use, once, and a released order cannot be confirmed', async () => {
    const promotionId = await admin.createOk(percentOff({ maxRedemptions: 1, maxRedemptionsPerPerson: 1 }));
    const order = orderId();
    await service.reserve(order, 'erin', [{ promotionId, amount: 100 }]);
    expect(codes(await service.reserve(orderId(), 'erin', [{ promotionId, amount: 100 }]))).toEqual(['USAGE_LIMIT_REACHED']);

    const released = await service.release(order);
    expect(released.redemptions?.map((r) => r.status)).toEqual(['RELEASED']);
    expect(await service.release(order)).toEqual(released);
    expect(await countersOf(sql, promotionId)).toEqual({ reserved: 0, confirmed: 0 });
    expect(codes(await service.confirm(order))).toEqual(['ILLEGAL_TRANSITION']);

    // The use is back, for everyone and for erin herself.
    expect((await service.reserve(orderId(), 'erin', [{ promotionId, amount: 100 }])).redemptions).toHaveLength(1);
  });

  it('releasing a paid order gives the use back too', async () => {
    const promotionId = await admin.createOk(percentOff({ maxRedemptions: 1 }));
    const order = orderId();
    await service.reserve(order, 'frank', [{ promotionId, amount: 100 }]);
    await service.confirm(order);
    expect(await countersOf(sql, promotionId)).toEqual({ reserved: 0, confirmed: 1 });
    await service.release(order);
    expect(await countersOf(sql, promotionId)).toEqual({ reserved: 0, confirmed: 0 });
  });

  it('answers an order without promotions with an empty list', async () => {
    const order = orderId();
    expect(await service.reserve(order, 'gina', [])).toEqual({ redemptions: [], userErrors: [] });
    expect(await service.confirm(order)).toEqual({ redemptions: [], userErrors: [] });
    expect(await service.release(order)).toEqual({ redemptions: [], userErrors: [] });
  });

  it.each([
    { name: 'unknown promotion', setup: async () => unknownPromotionId(), code: 'PROMOTION_NOT_FOUND' },
    { name: 'Promotion id whose raw id is not a UUID', setup: async () => globalId('Promotion', 'nope'), code: 'PROMOTION_NOT_FOUND' },
    {
      name: 'deactivated promotion',
      setup: async () => {
        const id = await admin.createOk(percentOff());
        await admin.deactivate(id);
        return id;
      },
      code: 'PROMOTION_NOT_FOUND',
    },
    { name: 'ended promotion', setup: () => admin.createOk(percentOff({ validFrom: '2020-01-01T00:00:00Z', validTo: '2020-02-01T00:00:00Z' })), code: 'PROMOTION_EXPIRED' },
    { name: 'future promotion', setup: () => admin.createOk(percentOff({ validFrom: '2099-01-01T00:00:00Z' })), code: 'PROMOTION_NOT_YET_VALID' },
  ])('refuses a $name with $code', async ({ setup, code }) => {
    const promotionId = await setup();
    const payload = await service.reserve(orderId(), 'hank', [{ promotionId, amount: 100 }]);
    expect(codes(payload)).toEqual([code]);
  });

  it('refuses a malformed or wrong-type id with BAD_USER_INPUT before holding anything', async () => {
    const promotionId = await admin.createOk(percentOff());
    const refusals = [
      {
        res: await service.tryReserve(orderId(), 'ivan', [
          { promotionId, amount: 100 },
          { promotionId: 'nope', amount: 100 },
        ]),
        message: 'input.redemptions[1].promotionId is not an id this API issued: ids are opaque strings, used as received.',
      },
      {
        res: await service.tryReserve(orderId(), 'ivan', [{ promotionId: globalId('Product', rawPromotionId(promotionId)), amount: 100 }]),
        message: 'input.redemptions[0].promotionId must be a Promotion id, not a Product id.',
      },
      {
        // A raw order id is not an Order id.
        res: await service.tryReserve('0190f5a0-0000-7000-8000-0000000000ff', 'ivan', [{ promotionId, amount: 100 }]),
        message: 'input.orderId is not an id this API issued: ids are opaque strings, used as received.',
      },
    ];
    for (const { res, message } of refusals) {
      expect(res.data?.reservePromotionRedemptions ?? null).toBeNull();
      expect(res.errors).toEqual([expect.objectContaining({ message, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    }
    expect(await countersOf(sql, promotionId)).toEqual({ reserved: 0, confirmed: 0 });
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM promotion_person_usage WHERE person_id = 'ivan'`);
    expect(rows[0].n).toBe(0);
  });

  it('refuses bad input', async () => {
    const promotionId = await admin.createOk(percentOff());
    const payload = await service.reserve(orderId(), '', [
      { promotionId, amount: -1 },
      { promotionId, amount: 5 },
    ]);
    expect(payload.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['INVALID_INPUT', 'input.personId'],
      ['INVALID_VALUE', 'input.redemptions.0.amount'],
      ['INVALID_INPUT', 'input.redemptions.1.promotionId'],
    ]);
  });
});

describe('evaluatePromotions', () => {
  it('prices automatic promotions and codes into the cart, as the cart calls it', async () => {
    const currency = 'JPY'; // a currency no other test's automatic promotions use
    const auto = await admin.createOk({ name: 'Yen sale', automatic: true, discountType: 'AMOUNT', amountOff: { amount: 100, currencyCode: currency } });
    const code = uniqueCode('SHIP');
    const ship = await admin.createOk({ name: 'Free shipping', code, discountType: 'FREE_SHIPPING' });
    const res = await service.evaluate({
      personId: 'ivy',
      currencyCode: currency,
      codes: [code.toLowerCase(), 'NO-SUCH-CODE'],
      lines: [cartLine('l1', 300), cartLine('l2', 100)],
      shippingAmount: 500,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.evaluatePromotions).toEqual({
      discounts: [
        { promotionId: auto, name: 'Yen sale', code: null, level: 'CART', discountType: 'AMOUNT', amount: 100, allocations: [{ lineId: cartLineId('l1'), amount: 75 }, { lineId: cartLineId('l2'), amount: 25 }] },
        { promotionId: ship, name: 'Free shipping', code, level: 'CART', discountType: 'FREE_SHIPPING', amount: 500, allocations: [] },
      ],
      codeResults: [
        { code, applied: true, error: null, message: null },
        { code: 'NO-SUCH-CODE', applied: false, error: 'PROMOTION_NOT_FOUND', message: expect.any(String) },
      ],
      shippingDiscount: 500,
      discountTotal: 600,
    });
  });

  it('counts the shopper’s own uses against the per-person limit', async () => {
    const code = uniqueCode('ONCE');
    const promotionId = await admin.createOk(percentOff({ code, maxRedemptionsPerPerson: 1 }));
    const input = (personId: string | null) => ({ personId, currencyCode: 'USD', codes: [code], lines: [cartLine('l1', 1000)], shippingAmount: 0 });
    expect((await service.evaluate(input('jack'))).data!.evaluatePromotions.codeResults[0].applied).toBe(true);
    await service.reserve(orderId(), 'jack', [{ promotionId, amount: 100 }]);
    expect((await service.evaluate(input('jack'))).data!.evaluatePromotions.codeResults[0]).toMatchObject({ applied: false, error: 'USAGE_LIMIT_REACHED' });
    expect((await service.evaluate(input('kate'))).data!.evaluatePromotions.codeResults[0].applied).toBe(true);
    expect((await service.evaluate(input(null))).data!.evaluatePromotions.codeResults[0].applied).toBe(true);
  });

  it('says why a code does not apply', async () => {
    const expired = uniqueCode('OLD');
    const small = uniqueCode('MIN');
    await admin.createOk(percentOff({ code: expired, validFrom: '2020-01-01T00:00:00Z', validTo: '2020-02-01T00:00:00Z' }));
    await admin.createOk(percentOff({ code: small, minSubtotal: { amount: 5000, currencyCode: 'USD' } }));
    const res = await service.evaluate({ currencyCode: 'USD', codes: [expired, small], lines: [cartLine('l1', 1000)], shippingAmount: 0 });
    expect(res.data!.evaluatePromotions.codeResults.map((r: { error: string }) => r.error)).toEqual(['PROMOTION_EXPIRED', 'MIN_SUBTOTAL_NOT_MET']);
  });

  it('refuses malformed input as a GraphQL error', async () => {
    const res = await service.evaluate({ currencyCode: 'USD', codes: [], lines: [cartLine('l1', 1000, 0)], shippingAmount: 0 });
    // The quantity, not the (well-formed) ids, is what is refused.
    expect(res.errors?.[0]).toMatchObject({ message: 'quantity out of range', extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('only services call the service operations', () => {
  const callers = async (): Promise<[string, GraphQLClient][]> => [
    ['customer', stack.subgraph('promotion', await stack.token('c-1', ['customer']))],
    ['admin', stack.subgraph('promotion', await stack.token('a-1', ['admin']))],
    ['support', stack.subgraph('promotion', await stack.token('s-1', ['support']))],
  ];

  it('refuses every other role with FORBIDDEN and anonymous callers with UNAUTHENTICATED', async () => {
    for (const [, client] of await callers()) {
      const s = promotionService(client);
      expect((await s.evaluate({ currencyCode: 'USD', codes: [], lines: [], shippingAmount: 0 })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      await expect(s.reserve(orderId(), 'x', [])).rejects.toThrow(/FORBIDDEN/);
      await expect(s.confirm(orderId())).rejects.toThrow(/FORBIDDEN/);
      await expect(s.release(orderId())).rejects.toThrow(/FORBIDDEN/);
    }
    const anonymous = promotionService(stack.subgraph('promotion', null));
    expect((await anonymous.evaluate({ currencyCode: 'USD', codes: [], lines: [], shippingAmount: 0 })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
