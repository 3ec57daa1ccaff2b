// Reading subscriptions through the gateway: the subscriber sees their own (one by id, their list,
// through node), support and admin see everyone's, anyone else sees nothing; staff list them all
// with filters and Relay paging. Subscriptions are written straight to the tables here.
import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { globalId } from '../../lib/global-id.js';
import { errorCode, type GraphQLClient } from '../../test/harness.js';
import { ADDRESS, createPlan, insertSubscription, rawSubscriptionId, subscriptionApi, unique, useSubscriptionTestStack, type PlanView } from './subscription-fixtures.js';

const env = useSubscriptionTestStack();
let plan: PlanView;

beforeAll(async () => {
  plan = await createPlan(env.stack, { name: 'Tea monthly', price: { amount: 1250, currencyCode: 'USD' } });
});

describe('a subscription read by id', () => {
  it('shows its subscriber everything: plan, current period with its bill, periods newest first, history', async () => {
    const alice = unique('alice');
    const orderId = uuidv7();
    const anchorAt = new Date('2026-09-15T08:00:00.000Z');
    const id = await insertSubscription(env.sql, {
      personId: alice,
      planId: plan.id,
      quantity: 2,
      anchorAt,
      currentPeriod: 2,
      periods: [
        { index: 0, status: 'PAID', amount: 2500 },
        { index: 1, status: 'SKIPPED', amount: 0 },
        { index: 2, status: 'PAID', amount: 2500, orderId },
      ],
    });
    const read = await subscriptionApi(await env.stack.as(alice, 'customer')).get(id);
    expect(read).toEqual({
      id,
      personId: alice,
      quantity: 2,
      status: 'ACTIVE',
      nextBillingAt: '2026-12-15T08:00:00.000Z',
      trialEndsAt: null,
      cancelAtPeriodEnd: false,
      skipsNextPeriod: false,
      createdAt: expect.any(String),
      cancelledAt: null,
      plan: { id: plan.id, name: 'Tea monthly' },
      shippingMethod: 'STANDARD',
      shippingAddress: ADDRESS,
      currentPeriod: {
        index: 2,
        startsAt: '2026-11-15T08:00:00.000Z',
        endsAt: '2026-12-15T08:00:00.000Z',
        status: 'PAID',
        amount: { amount: 2500, currencyCode: 'USD' },
        order: { id: globalId('Order', orderId) },
      },
      pendingChange: null,
      periods: [
        { index: 2, status: 'PAID', amount: { amount: 2500 }, order: { id: globalId('Order', orderId) } },
        { index: 1, status: 'SKIPPED', amount: { amount: 0 }, order: null },
        { index: 0, status: 'PAID', amount: { amount: 2500 }, order: null },
      ],
      history: [{ kind: 'CREATED', from: null, to: 'ACTIVE', period: 0, actor: `person:${alice}`, reason: null, at: anchorAt.toISOString() }],
    });
  });

  it('shows a current period not billed yet without status, amount or order, and what is asked for the next one', async () => {
    const alice = unique('alice');
    const other = await createPlan(env.stack, { name: 'Tea weekly' });
    const id = await insertSubscription(env.sql, { personId: alice, planId: plan.id });
    await env.sql.query(`UPDATE customer_subscription SET skip_period = current_period + 1, next_plan_id = $2, next_quantity = 3 WHERE id = $1`, [
      rawSubscriptionId(id),
      (await env.sql.query('SELECT id FROM subscription_plan WHERE name = $1', ['Tea weekly'])).rows[0].id,
    ]);
    const read = await subscriptionApi(await env.stack.as(alice, 'customer')).get(id);
    expect(read?.currentPeriod).toMatchObject({ index: 0, status: null, amount: null, order: null });
    expect(read).toMatchObject({ skipsNextPeriod: true, pendingChange: { plan: { id: other.id }, quantity: 3 }, periods: [] });
  });

  it('is null for another customer, an unknown id and its own id of another type; staff read it; anonymous callers must sign in', async () => {
    const alice = unique('alice');
    const id = await insertSubscription(env.sql, { personId: alice, planId: plan.id });
    const mallory = subscriptionApi(await env.stack.as(unique('mallory'), 'customer'));
    expect(await mallory.get(id)).toBeNull();
    expect(await subscriptionApi(await env.stack.as(alice, 'customer')).get(globalId('CustomerSubscription', uuidv7()))).toBeNull();
    for (const staff of [env.support, env.stack.admin]) expect((await subscriptionApi(staff).get(id))?.personId).toBe(alice);
    expect(errorCode(await env.stack.anonymous.request(`query($id: ID!) { customerSubscription(id: $id) { id } }`, { id }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await env.support.request(`query($id: ID!) { customerSubscription(id: $id) { id } }`, { id: plan.id }))).toBe('BAD_USER_INPUT');
  });

  it('resolves through node(id) with the same rule', async () => {
    const alice = unique('alice');
    const id = await insertSubscription(env.sql, { personId: alice, planId: plan.id });
    const node = async (client: GraphQLClient) =>
      (await client.query<{ node: unknown }>(`query($id: ID!) { node(id: $id) { __typename id ... on CustomerSubscription { status plan { name } } } }`, { id })).node;
    const expected = { __typename: 'CustomerSubscription', id, status: 'ACTIVE', plan: { name: 'Tea monthly' } };
    expect(await node(await env.stack.as(alice, 'customer'))).toEqual(expected);
    expect(await node(env.support)).toEqual(expected);
    expect(await node(await env.stack.as(unique('mallory'), 'customer'))).toBeNull();
    expect(await node(env.stack.anonymous)).toBeNull();
  });
});

describe('mySubscriptions', () => {
  it("lists the caller's own, newest first, and nobody else's", async () => {
    const [alice, bob] = [unique('alice'), unique('bob')];
    const first = await insertSubscription(env.sql, { personId: alice, planId: plan.id });
    await insertSubscription(env.sql, { personId: bob, planId: plan.id });
    const second = await insertSubscription(env.sql, { personId: alice, planId: plan.id, status: 'CANCELLED' });
    const third = await insertSubscription(env.sql, { personId: alice, planId: plan.id, status: 'PAUSED' });
    const mine = await subscriptionApi(await env.stack.as(alice, 'customer')).mine();
    expect(mine.map((s) => [s.id, s.status, s.plan.name, s.history.length])).toEqual([
      [third, 'PAUSED', 'Tea monthly', 1],
      [second, 'CANCELLED', 'Tea monthly', 1],
      [first, 'ACTIVE', 'Tea monthly', 1],
    ]);
    expect(await subscriptionApi(await env.stack.as(unique('carol'), 'customer')).mine()).toEqual([]);
    expect(errorCode(await env.stack.anonymous.request('{ mySubscriptions { id } }'))).toBe('UNAUTHENTICATED');
  });
});

describe('the staff listing', () => {
  const LIST = `query($first: Int, $after: String, $last: Int, $before: String, $filter: CustomerSubscriptionFilter) {
    customerSubscriptions(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount edges { cursor node { id personId status } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    } }`;
  type Page = { totalCount: number; edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string } };
  const list = async (variables: Record<string, unknown>, client = env.support) => (await client.query<{ customerSubscriptions: Page }>(LIST, variables)).customerSubscriptions;
  const ids = (page: Page) => page.edges.map((e) => e.node.id);

  it('filters by status, plan, person and next billing, every field given holding', async () => {
    const listed = await createPlan(env.stack, { name: 'Listed plan' });
    const dana = unique('dana');
    const soon = new Date(Date.now() + 86_400_000);
    const later = new Date(Date.now() + 20 * 86_400_000);
    const active = await insertSubscription(env.sql, { personId: dana, planId: listed.id, nextBillingAt: soon });
    const pastDue = await insertSubscription(env.sql, { personId: unique('eve'), planId: listed.id, status: 'PAST_DUE', nextBillingAt: later });
    const paused = await insertSubscription(env.sql, { personId: dana, planId: listed.id, status: 'PAUSED' });
    const elsewhere = await insertSubscription(env.sql, { personId: dana, planId: plan.id, nextBillingAt: soon });

    const filter = (f: Record<string, unknown>) => list({ first: 50, filter: f });
    expect(ids(await filter({ planId: listed.id }))).toEqual([paused, pastDue, active]);
    expect(ids(await filter({ personId: dana }))).toEqual([elsewhere, paused, active]);
    expect(ids(await filter({ planId: listed.id, status: ['ACTIVE', 'PAST_DUE'] }))).toEqual([pastDue, active]);
    expect(ids(await filter({ planId: listed.id, nextBillingBefore: new Date(Date.now() + 2 * 86_400_000).toISOString() }))).toEqual([active]);
    expect(ids(await filter({ personId: dana, planId: listed.id, status: ['PAUSED'] }))).toEqual([paused]);
    expect((await filter({ planId: listed.id })).totalCount).toBe(3);
    expect((await filter({ planId: globalId('SubscriptionPlan', uuidv7()) })).totalCount).toBe(0);
    const all = await list({ first: 250 }, env.stack.admin);
    expect(all.totalCount).toBeGreaterThanOrEqual(4);
    expect(ids(all)).toEqual(expect.arrayContaining([active, pastDue, paused, elsewhere]));
  });

  it('pages newest first, forwards and backwards', async () => {
    const paged = await createPlan(env.stack, { name: 'Paged plan' });
    const made: string[] = [];
    for (let i = 0; i < 5; i += 1) made.push(await insertSubscription(env.sql, { personId: unique('pat'), planId: paged.id }));
    const newest = [...made].reverse();
    const filter = { planId: paged.id };
    const one = await list({ first: 2, filter });
    expect([ids(one), one.totalCount, one.pageInfo.hasNextPage, one.pageInfo.hasPreviousPage]).toEqual([newest.slice(0, 2), 5, true, false]);
    const two = await list({ first: 2, after: one.pageInfo.endCursor, filter });
    expect(ids(two)).toEqual(newest.slice(2, 4));
    const three = await list({ first: 2, after: two.pageInfo.endCursor, filter });
    expect([ids(three), three.pageInfo.hasNextPage]).toEqual([newest.slice(4), false]);
    const back = await list({ last: 2, before: three.pageInfo.startCursor, filter });
    expect([ids(back), back.pageInfo.hasPreviousPage]).toEqual([newest.slice(2, 4), true]);
    expect(errorCode(await env.support.request(LIST, { first: 2, after: 'garbage' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await env.support.request(LIST, { first: 251 }))).toBe('BAD_USER_INPUT');
  });

  it('is for staff only', async () => {
    expect(errorCode(await (await env.stack.as(unique('cora'), 'customer')).request(LIST, { first: 1 }))).toBe('FORBIDDEN');
    expect(errorCode(await env.stack.anonymous.request(LIST, { first: 1 }))).toBe('UNAUTHENTICATED');
  });
});
