// Admin promotion writes and reads through the gateway: what they store, what they refuse (and
// that a refusal changes nothing), who may call them, and that the service contract is not public.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { globalId } from '../../lib/global-id.js';
import { errorCode } from '../../test/harness.js';
import { codesOf, orderId, promotionAdmin, promotionService, uniqueCode, unknownPromotionId, usePromotionTestStack, EVALUATE } from './promotion-fixtures.js';

const env = usePromotionTestStack();
const product = (raw: string) => globalId('Product', raw);
const variant = (raw: string) => globalId('ProductVariant', raw);
const category = (raw: string) => globalId('Category', raw);
let admin: ReturnType<typeof promotionAdmin>;
beforeAll(() => {
  admin = promotionAdmin(env.stack.admin);
});

describe('createPromotion', () => {
  it('stores every field, the code upper-case', async () => {
    const code = uniqueCode('SUMMER-');
    const payload = await admin.create({
      name: '  Summer shoes  ',
      code: code.toLowerCase(),
      discountType: 'AMOUNT',
      amountOff: { amount: 500, currencyCode: 'USD' },
      level: 'ITEM',
      targets: { productIds: [product('p-1'), product('p-1')], variantIds: [variant('v-1')], categoryIds: [category('c-shoes')] },
      minSubtotal: { amount: 2000, currencyCode: 'USD' },
      validFrom: '2026-06-01T00:00:00Z',
      validTo: '2026-09-01T00:00:00.000Z',
      maxRedemptions: 100,
      maxRedemptionsPerPerson: 2,
      stackable: false,
      priority: 7,
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.promotion).toMatchObject({
      name: 'Summer shoes',
      code,
      automatic: false,
      discountType: 'AMOUNT',
      percentOff: null,
      amountOff: { amount: 500, currencyCode: 'USD', formatted: '$5.00' },
      currencyCode: 'USD',
      level: 'ITEM',
      targets: { productIds: [product('p-1')], variantIds: [variant('v-1')], categoryIds: [category('c-shoes')] },
      minSubtotal: { amount: 2000, currencyCode: 'USD', formatted: '$20.00' },
      validFrom: '2026-06-01T00:00:00.000Z',
      validTo: '2026-09-01T00:00:00.000Z',
      maxRedemptions: 100,
      maxRedemptionsPerPerson: 2,
      stackable: false,
      priority: 7,
      active: true,
      usage: { reserved: 0, confirmed: 0, total: 0 },
    });
  });

  it('creates automatic promotions without a code, and free shipping with neither percentOff nor amountOff', async () => {
    const payload = await admin.create({ name: 'Free shipping weekend', automatic: true, discountType: 'FREE_SHIPPING' });
    expect(payload.promotion).toMatchObject({ code: null, automatic: true, discountType: 'FREE_SHIPPING', percentOff: null, amountOff: null, value: 0, level: 'CART', stackable: true });
  });

  it('still takes the deprecated value, as percentOff or as amountOff in currencyCode', async () => {
    const percent = await admin.create({ name: 'Old client', code: uniqueCode(), discountType: 'PERCENTAGE', value: 12 });
    expect(percent.promotion).toMatchObject({ percentOff: 12, amountOff: null, value: 12 });
    const amount = await admin.create({ name: 'Old client', code: uniqueCode(), discountType: 'AMOUNT', value: 300, currencyCode: 'EUR' });
    expect(amount.promotion).toMatchObject({ percentOff: null, amountOff: { amount: 300, currencyCode: 'EUR' }, value: 300 });
  });

  it('refuses a code another promotion has, whatever its case', async () => {
    const code = uniqueCode('DUP');
    await admin.createOk({ name: 'First', code, discountType: 'PERCENTAGE', percentOff: 10 });
    const payload = await admin.create({ name: 'Second', code: ` ${code.toLowerCase()} `, discountType: 'PERCENTAGE', percentOff: 20 });
    expect(codesOf(payload.userErrors)).toEqual([['CODE_TAKEN', 'input.code']]);
  });

  it('gives racing admins one promotion per code and CODE_TAKEN to the others', async () => {
    const code = uniqueCode('RACE');
    const results = await Promise.all(Array.from({ length: 6 }, () => admin.create({ name: 'Race', code, discountType: 'PERCENTAGE', percentOff: 10 })));
    expect(results.filter((r) => r.promotion)).toHaveLength(1);
    expect(results.filter((r) => r.userErrors[0]?.code === 'CODE_TAKEN')).toHaveLength(5);
  });

  const base = { name: 'Base', discountType: 'PERCENTAGE', percentOff: 10 };
  it.each([
    { name: 'blank name', input: { name: ' ' }, errors: [['INVALID_INPUT', 'input.name']] },
    { name: 'long name', input: { name: 'x'.repeat(121) }, errors: [['TOO_LONG', 'input.name']] },
    { name: 'percent above 100', input: { percentOff: 101 }, errors: [['INVALID_VALUE', 'input.percentOff']] },
    { name: 'percent of 0', input: { percentOff: 0 }, errors: [['INVALID_VALUE', 'input.percentOff']] },
    { name: 'a percentage without percentOff', input: { percentOff: null }, errors: [['INVALID_VALUE', 'input.percentOff']] },
    { name: 'negative amount', input: { discountType: 'AMOUNT', percentOff: null, amountOff: { amount: -5, currencyCode: 'USD' } }, errors: [['INVALID_VALUE', 'input.amountOff.amount']] },
    { name: 'an amount without amountOff', input: { discountType: 'AMOUNT', percentOff: null }, errors: [['INVALID_VALUE', 'input.amountOff'], ['INVALID_CURRENCY', 'input.currencyCode']] },
    { name: 'percentOff on an AMOUNT promotion', input: { discountType: 'AMOUNT', amountOff: { amount: 500, currencyCode: 'USD' } }, errors: [['INVALID_INPUT', 'input.amountOff'], ['INVALID_VALUE', 'input.percentOff']] },
    { name: 'the deprecated value with percentOff', input: { value: 10 }, errors: [['INVALID_INPUT', 'input.value']] },
    { name: 'amountOff and minSubtotal in two currencies', input: { discountType: 'AMOUNT', percentOff: null, amountOff: { amount: 500, currencyCode: 'USD' }, minSubtotal: { amount: 1000, currencyCode: 'EUR' } }, errors: [['INVALID_CURRENCY', 'input.minSubtotal.currencyCode']] },
    { name: 'a min subtotal in another currency than currencyCode', input: { currencyCode: 'EUR', minSubtotal: { amount: 1000, currencyCode: 'USD' } }, errors: [['INVALID_CURRENCY', 'input.minSubtotal.currencyCode']] },
    { name: 'a negative min subtotal', input: { minSubtotal: { amount: -1, currencyCode: 'USD' } }, errors: [['INVALID_VALUE', 'input.minSubtotal.amount']] },
    { name: 'no code and not automatic', input: { code: null }, errors: [['INVALID_CODE', 'input.code']] },
    { name: 'automatic with a code', input: { automatic: true, code: 'AUTO1' }, errors: [['INVALID_CODE', 'input.code']] },
    { name: 'code with spaces', input: { code: 'SAVE 10' }, errors: [['INVALID_CODE', 'input.code']] },
    { name: 'code too short', input: { code: 'AB' }, errors: [['INVALID_CODE', 'input.code']] },
    { name: 'validTo before validFrom', input: { validFrom: '2026-06-01T00:00:00Z', validTo: '2026-05-01T00:00:00Z' }, errors: [['INVALID_DATES', 'input.validTo']] },
    { name: 'targets on a CART promotion', input: { targets: { productIds: [product('p-1')] } }, errors: [['INVALID_TARGETS', 'input.targets']] },
    { name: 'ITEM promotion without targets', input: { level: 'ITEM' }, errors: [['INVALID_TARGETS', 'input.targets']] },
    { name: 'zero max redemptions', input: { maxRedemptions: 0, maxRedemptionsPerPerson: -1 }, errors: [['INVALID_VALUE', 'input.maxRedemptions'], ['INVALID_VALUE', 'input.maxRedemptionsPerPerson']] },
  ])('refuses $name and stores nothing', async ({ input, errors }) => {
    const before = (await env.sql.query('SELECT count(*)::int AS n FROM promotion')).rows[0].n;
    const payload = await admin.create({ ...base, code: uniqueCode(), ...input });
    expect(payload.promotion).toBeNull();
    expect(codesOf(payload.userErrors)).toEqual(errors);
    expect((await env.sql.query('SELECT count(*)::int AS n FROM promotion')).rows[0].n).toBe(before);
  });

  it.each([
    ['a currency that is not a CurrencyCode', { currencyCode: 'XYZ' }],
    ['a date that is not an ISO 8601 instant', { validFrom: 'next tuesday' }],
  ])('refuses %s at the edge, storing nothing', async (_name, input) => {
    const before = (await env.sql.query('SELECT count(*)::int AS n FROM promotion')).rows[0].n;
    const res = await env.stack.admin.request(`mutation($input: CreatePromotionInput!) { createPromotion(input: $input) { promotion { id } } }`, {
      input: { ...base, code: uniqueCode(), ...input },
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect((await env.sql.query('SELECT count(*)::int AS n FROM promotion')).rows[0].n).toBe(before);
  });
});

describe('updatePromotion and deactivatePromotion', () => {
  it('changes only what is given; null clears a nullable field', async () => {
    const id = await admin.createOk({ name: 'Spring', code: uniqueCode(), discountType: 'PERCENTAGE', percentOff: 10, maxRedemptions: 50, minSubtotal: { amount: 100, currencyCode: 'EUR' } });
    const payload = await admin.update(id, { percentOff: 15, maxRedemptions: null, minSubtotal: null, priority: 3 });
    expect(payload.userErrors).toEqual([]);
    expect(payload.promotion).toMatchObject({ name: 'Spring', percentOff: 15, maxRedemptions: null, minSubtotal: null, currencyCode: 'EUR', priority: 3 });
  });

  it('checks the rules on the promotion as it would become', async () => {
    const id = await admin.createOk({ name: 'Shoes', code: uniqueCode(), discountType: 'PERCENTAGE', percentOff: 10, level: 'ITEM', targets: { categoryIds: [category('shoes')] } });
    expect(codesOf((await admin.update(id, { level: 'CART' })).userErrors)).toEqual([['INVALID_TARGETS', 'input.targets']]);
    expect((await admin.update(id, { level: 'CART', targets: null })).promotion).toMatchObject({ level: 'CART', targets: { productIds: [], variantIds: [], categoryIds: [] } });
    // Another type needs its own number: a percent is not an amount.
    expect(codesOf((await admin.update(id, { discountType: 'AMOUNT' })).userErrors)).toEqual([['INVALID_VALUE', 'input.amountOff'], ['INVALID_CURRENCY', 'input.currencyCode']]);
    expect((await admin.update(id, { discountType: 'AMOUNT', amountOff: { amount: 250, currencyCode: 'GBP' }, level: 'CART', targets: null })).promotion).toMatchObject({
      percentOff: null,
      amountOff: { amount: 250, currencyCode: 'GBP' },
      currencyCode: 'GBP',
    });
    expect(codesOf((await admin.update(id, { validFrom: '2030-01-01T00:00:00Z', validTo: '2029-01-01T00:00:00Z' })).userErrors)).toEqual([['INVALID_DATES', 'input.validTo']]);
  });

  it('takes a new code unless another promotion has it', async () => {
    const taken = uniqueCode('TAKEN');
    await admin.createOk({ name: 'Holder', code: taken, discountType: 'PERCENTAGE', percentOff: 10 });
    const id = await admin.createOk({ name: 'Mover', code: uniqueCode(), discountType: 'PERCENTAGE', percentOff: 10 });
    expect(codesOf((await admin.update(id, { code: taken.toLowerCase() })).userErrors)).toEqual([['CODE_TAKEN', 'input.code']]);
    const fresh = uniqueCode('FRESH');
    expect((await admin.update(id, { code: fresh.toLowerCase() })).promotion!.code).toBe(fresh);
  });

  it('refuses a total limit below the uses already held', async () => {
    const id = await admin.createOk({ name: 'Limited', code: uniqueCode(), discountType: 'PERCENTAGE', percentOff: 10, maxRedemptions: 5 });
    const service = promotionService(env.stack.subgraph('promotion', await env.stack.serviceToken('order')));
    await service.reserve(orderId(), 'p1', [{ promotionId: id, amount: 1 }]);
    await service.reserve(orderId(), 'p2', [{ promotionId: id, amount: 1 }]);
    expect(codesOf((await admin.update(id, { maxRedemptions: 1 })).userErrors)).toEqual([['LIMIT_BELOW_USAGE', 'input.maxRedemptions']]);
    expect((await admin.update(id, { maxRedemptions: 2 })).promotion).toMatchObject({ maxRedemptions: 2, usage: { reserved: 2, confirmed: 0, total: 2 } });
  });

  it('deactivates, and reactivates with updatePromotion', async () => {
    const id = await admin.createOk({ name: 'Flash', code: uniqueCode(), discountType: 'PERCENTAGE', percentOff: 10 });
    expect((await admin.deactivate(id)).promotion!.active).toBe(false);
    expect((await admin.update(id, { active: true })).promotion!.active).toBe(true);
  });

  it('answers unknown ids with PROMOTION_NOT_FOUND', async () => {
    for (const id of [unknownPromotionId(), globalId('Promotion', 'not-a-uuid')]) {
      expect(codesOf((await admin.update(id, { value: 5 })).userErrors)).toEqual([['PROMOTION_NOT_FOUND', 'id']]);
      expect(codesOf((await admin.deactivate(id)).userErrors)).toEqual([['PROMOTION_NOT_FOUND', 'id']]);
    }
  });

  it('refuses an id that is not a Promotion id with BAD_USER_INPUT, changing nothing', async () => {
    const id = await admin.createOk({ name: 'Untouched', code: uniqueCode(), discountType: 'PERCENTAGE', percentOff: 10 });
    const UPDATE = 'mutation($id: ID!) { updatePromotion(id: $id, input: { value: 5 }) { promotion { id } userErrors { code } } }';
    const DEACTIVATE = 'mutation($id: ID!) { deactivatePromotion(id: $id) { promotion { id } userErrors { code } } }';
    const cases = [
      { id: 'not-a-uuid', message: 'id is not an id this API issued: ids are opaque strings, used as received.' },
      { id: globalId('Product', randomUUID()), message: 'id must be a Promotion id, not a Product id.' },
    ];
    for (const { id: badId, message } of cases) {
      for (const op of [UPDATE, DEACTIVATE]) {
        const res = await env.stack.admin.request(op, { id: badId });
        expect(res.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
      }
    }
    expect((await env.stack.admin.query(`query($id: ID!) { promotion(id: $id) { value active } }`, { id })).promotion).toEqual({ value: 10, active: true });
  });
});

describe('promotions connection', () => {
  const PAGE = `query($first: Int, $after: String, $last: Int, $before: String) { promotions(first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id name usage { reserved confirmed total } } } } }`;

  it('pages through every promotion, newest first, with usage counts', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await admin.createOk({ name: `Page ${i}`, code: uniqueCode('PAGE'), discountType: 'PERCENTAGE', percentOff: 10 }));
    const service = promotionService(env.stack.subgraph('promotion', await env.stack.serviceToken('order')));
    const paid = orderId();
    await service.reserve(paid, 'p1', [{ promotionId: ids[2]!, amount: 1 }]);
    await service.confirm(paid);
    await service.reserve(orderId(), 'p2', [{ promotionId: ids[2]!, amount: 1 }]);

    const total = (await env.sql.query('SELECT count(*)::int AS n FROM promotion')).rows[0].n;
    const first = (await env.stack.admin.query(PAGE, { first: 2 })).promotions;
    expect(first.totalCount).toBe(total);
    expect(first.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(first.edges[0].node.usage).toEqual({ reserved: 1, confirmed: 1, total: 2 });
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await env.stack.admin.query(PAGE, { first: 7, after })).promotions;
      seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);

    // Backwards from the oldest end, the same promotions in the same order.
    const back: string[] = [];
    let before: string | null = null;
    do {
      const page: any = (await env.stack.admin.query(PAGE, { last: 7, before })).promotions;
      back.unshift(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      before = page.pageInfo.hasPreviousPage ? page.pageInfo.startCursor : null;
    } while (before);
    expect(back).toEqual(seen);
  });

  it('refuses a bad cursor and a bad page size', async () => {
    expect(errorCode(await env.stack.admin.request(PAGE, { first: 2, after: 'garbage' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await env.stack.admin.request(PAGE, { first: 1000 }))).toBe('BAD_USER_INPUT');
  });
});

describe('who may do what', () => {
  const CREATE = `mutation { createPromotion(input: { name: "x", code: "NOPE1", discountType: PERCENTAGE, value: 10 }) { promotion { id } userErrors { code } } }`;
  const LIST = '{ promotions { totalCount } }';

  it('lets support read but not write', async () => {
    expect(errorCode(await env.support.request(LIST))).toBeUndefined();
    const id = await admin.createOk({ name: 'Readable', code: uniqueCode(), discountType: 'PERCENTAGE', percentOff: 10 });
    expect((await env.support.query(`{ promotion(id: "${id}") { name } }`)).promotion).toEqual({ name: 'Readable' });
    expect(errorCode(await env.support.request(CREATE))).toBe('FORBIDDEN');
    expect(errorCode(await env.support.request(`mutation { deactivatePromotion(id: "${id}") { userErrors { code } } }`))).toBe('FORBIDDEN');
  });

  it('refuses customers with FORBIDDEN and anonymous callers with UNAUTHENTICATED', async () => {
    const update = `mutation { updatePromotion(id: "${unknownPromotionId()}", input: { value: 1 }) { userErrors { code } } }`;
    for (const op of [CREATE, LIST, update]) {
      expect(errorCode(await env.customer.request(op))).toBe('FORBIDDEN');
      expect(errorCode(await env.stack.anonymous.request(op))).toBe('UNAUTHENTICATED');
    }
    expect((await env.sql.query(`SELECT count(*)::int AS n FROM promotion WHERE code = 'NOPE1'`)).rows[0].n).toBe(0);
  });

  it('keeps the service contract out of the public supergraph', async () => {
    const input = { currencyCode: 'USD', codes: [], lines: [], shippingAmount: 0 };
    for (const client of [env.stack.admin, env.customer]) {
      expect(errorCode(await client.request(EVALUATE, { input }))).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(errorCode(await client.request('mutation { releasePromotionRedemptions(orderId: "o") { userErrors { code } } }'))).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });
});
