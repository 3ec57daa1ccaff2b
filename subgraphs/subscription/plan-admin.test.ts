// Plans through the gateway: admins create and change them (every fault named with its field and
// a stable code, the catalog asked about every variant), everyone reads the active ones with their
// items resolved by the catalog, and only staff see the inactive ones.
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { globalId } from '../../lib/global-id.js';
import { errorCode } from '../../test/harness.js';
import { codes, createPlan, createVariants, planApi, planInput, useSubscriptionTestStack } from './subscription-fixtures.js';

const env = useSubscriptionTestStack();
const admin = () => planApi(env.stack.admin);
const planCount = async () => (await env.sql.query('SELECT count(*)::int AS n FROM subscription_plan')).rows[0].n as number;

describe('creating a plan', () => {
  it('stores it with its items, which the catalog resolves', async () => {
    const variants = await createVariants(env.stack, 2);
    const { plan, userErrors } = await admin().createOk(planInput(variants, { name: '  Coffee club  ', interval: 'WEEKLY', intervalCount: 2, trialDays: 14 }));
    expect(userErrors).toEqual([]);
    expect(plan).toEqual({
      id: expect.any(String),
      name: 'Coffee club',
      description: 'Fresh beans every month',
      price: { amount: 1999, currencyCode: 'USD', formatted: '$19.99' },
      interval: 'WEEKLY',
      intervalCount: 2,
      trialDays: 14,
      active: true,
      items: [
        { variant: { id: variants[0] }, quantity: 1 },
        { variant: { id: variants[1] }, quantity: 2 },
      ],
    });
    const read = await env.stack.anonymous.query<{ node: { items: { variant: { sku: string; price: { amount: number } } }[] } }>(
      `query($id: ID!) { node(id: $id) { ... on SubscriptionPlan { items { variant { sku price { amount } } } } } }`,
      { id: plan!.id },
    );
    expect(read.node.items.map((i) => i.variant.price.amount)).toEqual([1000, 1001]);
  });

  it('takes the defaults: one interval per period, no trial, active', async () => {
    const variants = await createVariants(env.stack, 1);
    const { plan } = await admin().createOk({ name: 'Plain', price: { amount: 500, currencyCode: 'USD' }, interval: 'YEARLY', items: [{ variantId: variants[0], quantity: 3 }] });
    expect(plan).toMatchObject({ name: 'Plain', description: null, intervalCount: 1, trialDays: 0, active: true, items: [{ quantity: 3 }] });
  });

  it('names every bad field at once with INVALID_INPUT and writes nothing', async () => {
    const [a, b] = await createVariants(env.stack, 2);
    const before = await planCount();
    const { plan, userErrors } = await admin().createOk({
      name: '   ',
      description: 'x'.repeat(2001),
      price: { amount: 49, currencyCode: 'USD' },
      interval: 'MONTHLY',
      intervalCount: 53,
      trialDays: -1,
      items: [
        { variantId: a, quantity: 0 },
        { variantId: a, quantity: 1001 },
        { variantId: b, quantity: 1 },
      ],
    });
    expect(plan).toBeNull();
    expect(userErrors.map((e) => [e.code, e.field])).toEqual([
      ['INVALID_INPUT', ['input', 'name']],
      ['INVALID_INPUT', ['input', 'description']],
      ['INVALID_INPUT', ['input', 'price', 'amount']],
      ['INVALID_INPUT', ['input', 'intervalCount']],
      ['INVALID_INPUT', ['input', 'trialDays']],
      ['INVALID_INPUT', ['input', 'items', '0', 'quantity']],
      ['INVALID_INPUT', ['input', 'items', '1', 'variantId']],
      ['INVALID_INPUT', ['input', 'items', '1', 'quantity']],
    ]);
    expect(userErrors[2]!.message).toContain('$0.50');
    expect(await planCount()).toBe(before);
  });

  it('checks the limits at their edges', async () => {
    const variants = await createVariants(env.stack, 21);
    const items = (n: number) => variants.slice(0, n).map((variantId) => ({ variantId, quantity: 1000 }));
    const edges = await admin().createOk(
      planInput([], { name: 'n'.repeat(120), description: 'd'.repeat(2000), price: { amount: 50, currencyCode: 'USD' }, intervalCount: 52, trialDays: 365, items: items(20) }),
    );
    expect(edges.userErrors).toEqual([]);
    expect(edges.plan?.items).toHaveLength(20);
    expect(codes(await admin().createOk(planInput([], { name: 'n'.repeat(121), items: items(1) })))).toEqual(['INVALID_INPUT']);
    expect((await admin().createOk(planInput([], { items: items(21) }))).userErrors.map((e) => e.field)).toEqual([['input', 'items']]);
    expect((await admin().createOk(planInput([], { items: [] }))).userErrors.map((e) => e.field)).toEqual([['input', 'items']]);
    // The smallest charge is the currency's: 50 yen, 30 pence, one minor unit where Stripe names none.
    expect(codes(await admin().createOk(planInput(variants.slice(0, 1), { price: { amount: 49, currencyCode: 'JPY' } })))).toEqual(['INVALID_INPUT']);
    expect((await admin().createOk(planInput(variants.slice(0, 1), { price: { amount: 50, currencyCode: 'JPY' } }))).plan?.price).toMatchObject({ formatted: '¥50' });
    expect((await admin().createOk(planInput(variants.slice(0, 1), { price: { amount: 30, currencyCode: 'GBP' } }))).userErrors).toEqual([]);
    expect((await admin().createOk(planInput(variants.slice(0, 1), { price: { amount: 1, currencyCode: 'KWD' } }))).userErrors).toEqual([]);
    expect(codes(await admin().createOk(planInput(variants.slice(0, 1), { price: { amount: 100_000_000, currencyCode: 'USD' } })))).toEqual(['INVALID_INPUT']);
  });

  it('refuses a variant the catalog does not know or does not sell, naming the item', async () => {
    const [live] = await createVariants(env.stack, 1);
    const [hidden] = await createVariants(env.stack, 1, { active: false });
    const unknown = globalId('ProductVariant', uuidv7());
    const before = await planCount();
    const { plan, userErrors } = await admin().createOk(planInput([live!, unknown, hidden!]));
    expect(plan).toBeNull();
    expect(userErrors).toEqual([
      { code: 'VARIANT_UNAVAILABLE', field: ['input', 'items', '1', 'variantId'], message: expect.stringContaining('no such variant') },
      { code: 'VARIANT_UNAVAILABLE', field: ['input', 'items', '2', 'variantId'], message: expect.stringContaining('not for sale') },
    ]);
    expect(await planCount()).toBe(before);
  });

  it('refuses an id of another type before anything runs', async () => {
    const res = await admin().create(planInput([globalId('Product', uuidv7())]));
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });
});

describe('changing a plan', () => {
  it('changes the fields given and keeps the rest; new items replace the list', async () => {
    const plan = await createPlan(env.stack, { trialDays: 7 });
    const [v1, v2] = await createVariants(env.stack, 2);
    const { plan: changed, userErrors } = await admin().updateOk(plan.id, {
      name: 'Renamed',
      description: null,
      price: { amount: 2499, currencyCode: 'USD' },
      items: [
        { variantId: v2, quantity: 4 },
        { variantId: v1, quantity: 1 },
      ],
    });
    expect(userErrors).toEqual([]);
    expect(changed).toEqual({
      ...plan,
      name: 'Renamed',
      description: null,
      price: { amount: 2499, currencyCode: 'USD', formatted: '$24.99' },
      items: [
        { variant: { id: v2 }, quantity: 4 },
        { variant: { id: v1 }, quantity: 1 },
      ],
    });
    const { plan: again } = await admin().updateOk(plan.id, { trialDays: 0, active: false });
    expect(again).toMatchObject({ name: 'Renamed', trialDays: 0, active: false, items: changed!.items });
  });

  it('keeps its currency, checks what changes as creating does, and knows its plans', async () => {
    const plan = await createPlan(env.stack);
    const euros = await admin().updateOk(plan.id, { price: { amount: 1999, currencyCode: 'EUR' } });
    expect(euros.userErrors.map((e) => [e.code, e.field])).toEqual([['CURRENCY_MISMATCH', ['input', 'price', 'currencyCode']]]);
    const bad = await admin().updateOk(plan.id, { name: '', trialDays: 400, items: [{ variantId: globalId('ProductVariant', uuidv7()), quantity: 1 }] });
    expect(bad.userErrors.map((e) => [e.code, e.field])).toEqual([
      ['INVALID_INPUT', ['input', 'name']],
      ['INVALID_INPUT', ['input', 'trialDays']],
      ['VARIANT_UNAVAILABLE', ['input', 'items', '0', 'variantId']],
    ]);
    expect((await env.stack.anonymous.query<{ node: unknown }>(`query($id: ID!) { node(id: $id) { ... on SubscriptionPlan { name trialDays } } }`, { id: plan.id })).node).toEqual({
      name: plan.name,
      trialDays: 0,
    });
    const unknown = await admin().updateOk(globalId('SubscriptionPlan', uuidv7()), { name: 'Ghost' });
    expect(unknown.userErrors.map((e) => [e.code, e.field])).toEqual([['PLAN_NOT_FOUND', ['id']]]);
  });
});

describe('who may manage plans', () => {
  it('lets admins only: customers and support are FORBIDDEN, anonymous callers UNAUTHENTICATED, and nothing is written', async () => {
    const plan = await createPlan(env.stack);
    const variants = await createVariants(env.stack, 1);
    const before = await planCount();
    const customer = await env.stack.as('cora', 'customer');
    for (const client of [customer, env.support]) {
      expect(errorCode(await planApi(client).create(planInput(variants)))).toBe('FORBIDDEN');
      expect(errorCode(await planApi(client).update(plan.id, { name: 'Hacked' }))).toBe('FORBIDDEN');
    }
    expect(errorCode(await planApi(env.stack.anonymous).create(planInput(variants)))).toBe('UNAUTHENTICATED');
    expect(errorCode(await planApi(env.stack.anonymous).update(plan.id, { name: 'Hacked' }))).toBe('UNAUTHENTICATED');
    expect(await planCount()).toBe(before);
    expect((await env.sql.query('SELECT name FROM subscription_plan WHERE name = $1', ['Hacked'])).rows).toEqual([]);
  });
});

describe('reading plans', () => {
  it('shows everyone the active plans, cheapest first, and staff the inactive ones when they ask', async () => {
    const cheap = await createPlan(env.stack, { price: { amount: 60, currencyCode: 'USD' } });
    const dear = await createPlan(env.stack, { price: { amount: 99_000, currencyCode: 'USD' } });
    const retired = await createPlan(env.stack, { price: { amount: 70, currencyCode: 'USD' }, active: false });
    const listed = (res: { data?: { subscriptionPlans: { id: string }[] } }) => res.data!.subscriptionPlans.map((p) => p.id).filter((id) => [cheap.id, dear.id, retired.id].includes(id));

    const customer = await env.stack.as('cora', 'customer');
    for (const client of [env.stack.anonymous, customer, env.stack.admin]) expect(listed(await planApi(client).list())).toEqual([cheap.id, dear.id]);
    for (const client of [env.stack.admin, env.support]) expect(listed(await planApi(client).list(true))).toEqual([cheap.id, retired.id, dear.id]);
    const all = (await planApi(env.stack.admin).list(true)).data!.subscriptionPlans.map((p) => p.price.amount);
    expect(all).toEqual([...all].sort((x, y) => x - y));
    // As with the catalog's inactive products, asking for what only staff may see is refused, not quietly narrowed.
    for (const client of [env.stack.anonymous, customer]) expect(errorCode(await planApi(client).list(true))).toBe('FORBIDDEN');
    // A plan no longer offered still reads by id: subscriptions on it keep billing.
    expect((await env.stack.anonymous.query<{ node: unknown }>(`query($id: ID!) { node(id: $id) { ... on SubscriptionPlan { active } } }`, { id: retired.id })).node).toEqual({
      active: false,
    });
  });
});
