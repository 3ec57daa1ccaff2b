// What subscribers and staff change through the gateway: pause, resume, cancel (now or at the
// period's end), skip the next period, change plan or quantity. Each legal change writes the
// subscription, one history entry and one outbox event together; each illegal one is refused with
// a stable code and changes nothing; racing changes queue on the row, so exactly one of a kind wins.
import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { globalId, rawIdOf } from '../../lib/global-id.js';
import { errorCode } from '../../test/harness.js';
import {
  codes,
  createPlan,
  insertSubscription,
  outboxOf,
  rawSubscriptionId,
  subscriptionApi,
  unique,
  useSubscriptionTestStack,
  type PlanView,
  type SubscriptionRowInput,
} from './subscription-fixtures.js';

const env = useSubscriptionTestStack();
let plan: PlanView;

beforeAll(async () => {
  plan = await createPlan(env.stack, { name: 'Beans monthly', price: { amount: 1500, currencyCode: 'USD' } });
});

/** A subscriber with a subscription (ACTIVE in its period 3 unless told otherwise) and their client. */
async function subscriber(row: Partial<SubscriptionRowInput> = {}) {
  const personId = unique('sub');
  const id = await insertSubscription(env.sql, { personId, planId: plan.id, currentPeriod: 3, anchorAt: new Date(Date.now() - 100 * 86_400_000), ...row });
  return { personId, id, api: subscriptionApi(await env.stack.as(personId, 'customer')) };
}

const column = async (id: string, name: string) => (await env.sql.query(`SELECT ${name} AS value FROM customer_subscription WHERE id = $1`, [rawSubscriptionId(id)])).rows[0].value;
const historyCount = async (id: string) => (await env.sql.query('SELECT count(*)::int AS n FROM subscription_event WHERE subscription_id = $1', [rawSubscriptionId(id)])).rows[0].n as number;
const planRaw = (id: string) => rawIdOf('SubscriptionPlan', id, 'planId');
const recent = (at: string | null) => at !== null && Math.abs(Date.parse(at) - Date.now()) < 60_000;

describe('pausing and resuming', () => {
  it('pauses an ACTIVE subscription: nothing billed until resumed, one history entry, one event', async () => {
    const { personId, id, api } = await subscriber();
    await env.sql.query('UPDATE customer_subscription SET skip_period = 4 WHERE id = $1', [rawSubscriptionId(id)]);
    const { subscription, userErrors } = await api.pause(id);
    expect(userErrors).toEqual([]);
    expect(subscription).toMatchObject({ status: 'PAUSED', nextBillingAt: null, skipsNextPeriod: false });
    expect(subscription!.history.at(-1)).toEqual({ kind: 'PAUSED', from: 'ACTIVE', to: 'PAUSED', period: 3, actor: `person:${personId}`, reason: null, at: expect.any(String) });
    expect(recent(await column(id, 'paused_at').then((d: Date) => d.toISOString()))).toBe(true);
    expect(await outboxOf(env.sql, id)).toEqual([
      {
        type: 'SubscriptionPaused',
        data: { subscriptionId: rawSubscriptionId(id), personId, planId: planRaw(plan.id), status: 'PAUSED', period: 3, at: subscription!.history.at(-1)!.at },
      },
    ]);
  });

  it('lets support pause a PAST_DUE one, as support', async () => {
    const { id } = await subscriber({ status: 'PAST_DUE' });
    const { subscription } = await subscriptionApi(env.support).pause(id);
    expect(subscription?.status).toBe('PAUSED');
    expect(subscription?.history.at(-1)).toMatchObject({ from: 'PAST_DUE', to: 'PAUSED', actor: 'person:support-1' });
  });

  it('resumes a PAUSED one from now: re-anchored after the current period, billed at once, failures forgotten', async () => {
    const { id, api } = await subscriber({ status: 'PAUSED' });
    await env.sql.query('UPDATE customer_subscription SET failed_attempts = 2 WHERE id = $1', [rawSubscriptionId(id)]);
    const { subscription, userErrors } = await api.resume(id);
    expect(userErrors).toEqual([]);
    expect(subscription).toMatchObject({ status: 'ACTIVE', currentPeriod: { index: 3 } });
    expect(recent(subscription!.nextBillingAt)).toBe(true);
    expect(subscription!.history.at(-1)).toMatchObject({ kind: 'RESUMED', from: 'PAUSED', to: 'ACTIVE', period: 4 });
    const { rows } = await env.sql.query('SELECT anchor_at, anchor_period, next_billing_at, failed_attempts, paused_at FROM customer_subscription WHERE id = $1', [rawSubscriptionId(id)]);
    expect(rows[0]).toMatchObject({ anchor_period: 4, failed_attempts: 0, paused_at: null });
    expect(rows[0].anchor_at.toISOString()).toBe(subscription!.nextBillingAt);
    expect((await outboxOf(env.sql, id)).map((e) => [e.type, e.data.status, e.data.period])).toEqual([['SubscriptionResumed', 'ACTIVE', 4]]);
  });

  it('refuses what the status does not allow with ILLEGAL_TRANSITION, answering the subscription as it is', async () => {
    const cases: [SubscriptionRowInput['status'], 'pause' | 'resume'][] = [
      ['PAUSED', 'pause'],
      ['PENDING', 'pause'],
      ['CANCELLED', 'pause'],
      ['ACTIVE', 'resume'],
      ['PAST_DUE', 'resume'],
      ['CANCELLED', 'resume'],
    ];
    for (const [status, action] of cases) {
      const { id, api } = await subscriber({ status });
      const refused = await api[action](id);
      expect([status, action, codes(refused), refused.userErrors[0]!.field]).toEqual([status, action, ['ILLEGAL_TRANSITION'], ['id']]);
      expect(refused.subscription).toMatchObject({ id, status });
      expect(await historyCount(id)).toBe(1);
      expect(await outboxOf(env.sql, id)).toEqual([]);
    }
  });
});

describe('cancelling', () => {
  it('cancels now by default: nothing more billed, and cancelling again is refused', async () => {
    const { id, api } = await subscriber();
    await env.sql.query('UPDATE customer_subscription SET skip_period = 4, next_quantity = 2 WHERE id = $1', [rawSubscriptionId(id)]);
    const { subscription } = await api.cancel(id);
    expect(subscription).toMatchObject({ status: 'CANCELLED', nextBillingAt: null, cancelAtPeriodEnd: false, skipsNextPeriod: false, pendingChange: null });
    expect(recent(subscription!.cancelledAt)).toBe(true);
    expect(subscription!.history.at(-1)).toMatchObject({ kind: 'CANCELLATION', from: 'ACTIVE', to: 'CANCELLED', period: 3 });
    expect((await outboxOf(env.sql, id)).map((e) => [e.type, e.data.status])).toEqual([['SubscriptionCancelled', 'CANCELLED']]);
    const again = await api.cancel(id, false);
    expect(codes(again)).toEqual(['ILLEGAL_TRANSITION']);
    expect(again.subscription?.status).toBe('CANCELLED');
  });

  it('at the period end keeps it ACTIVE and billing nothing more; asked again, nothing changes', async () => {
    const { id, api } = await subscriber();
    const storedNextBilling: Date = await column(id, 'next_billing_at');
    const { subscription } = await api.cancel(id, true);
    expect(subscription).toMatchObject({ status: 'ACTIVE', cancelAtPeriodEnd: true, nextBillingAt: null, cancelledAt: null });
    expect(subscription!.history.at(-1)).toMatchObject({ kind: 'CANCELLATION_SCHEDULED', from: 'ACTIVE', to: 'ACTIVE', period: 3 });
    // The renewal job finds it due then, and ends it instead of renewing.
    expect(await column(id, 'next_billing_at')).toEqual(storedNextBilling);
    const events = await outboxOf(env.sql, id);
    expect(events.map((e) => [e.type, e.data.status, e.data.endsAt])).toEqual([['SubscriptionCancellationScheduled', 'ACTIVE', subscription!.currentPeriod.endsAt]]);
    expect((await api.cancel(id, true)).userErrors).toEqual([]);
    expect(await historyCount(id)).toBe(2);
    // Nothing comes after this period to skip or change; cancelling now still works.
    expect(codes(await api.skip(id))).toEqual(['ILLEGAL_TRANSITION']);
    expect(codes(await api.change(id, { quantity: 2 }))).toEqual(['ILLEGAL_TRANSITION']);
    expect((await api.cancel(id)).subscription).toMatchObject({ status: 'CANCELLED', cancelAtPeriodEnd: false });
  });

  it('cancels a PAUSED or PENDING one now even when asked for the period end', async () => {
    for (const status of ['PAUSED', 'PENDING'] as const) {
      const { id, api } = await subscriber({ status });
      const { subscription } = await api.cancel(id, true);
      expect(subscription).toMatchObject({ status: 'CANCELLED', cancelAtPeriodEnd: false });
      expect(subscription!.history.at(-1)).toMatchObject({ kind: 'CANCELLATION', from: status, to: 'CANCELLED' });
    }
  });
});

describe('skipping the next period', () => {
  it('skips period current + 1 of an ACTIVE subscription, and takes it back without a history entry', async () => {
    const { id, api } = await subscriber();
    const { subscription } = await api.skip(id);
    expect(subscription?.skipsNextPeriod).toBe(true);
    expect(await column(id, 'skip_period')).toBe(4);
    expect(subscription!.history.at(-1)).toMatchObject({ kind: 'SKIPPED', from: 'ACTIVE', to: 'ACTIVE', period: 4 });
    expect((await api.skip(id, true)).subscription?.skipsNextPeriod).toBe(true);
    expect((await api.skip(id, false)).subscription?.skipsNextPeriod).toBe(false);
    expect((await api.skip(id, false)).userErrors).toEqual([]);
    expect(await column(id, 'skip_period')).toBeNull();
    expect(await historyCount(id)).toBe(2);
    expect((await outboxOf(env.sql, id)).map((e) => [e.type, e.data.period])).toEqual([['SubscriptionPeriodSkipped', 4]]);
  });

  it('is for ACTIVE subscriptions only', async () => {
    for (const status of ['PENDING', 'PAST_DUE', 'PAUSED', 'CANCELLED'] as const) {
      const { id, api } = await subscriber({ status });
      expect([status, codes(await api.skip(id))]).toEqual([status, ['ILLEGAL_TRANSITION']]);
    }
  });
});

describe('changing plan or quantity', () => {
  it('asks for another plan and quantity from the next period, and can take it back', async () => {
    const { id, api } = await subscriber();
    const other = await createPlan(env.stack, { name: 'Beans weekly', price: { amount: 900, currencyCode: 'USD' }, interval: 'WEEKLY' });
    const { subscription, userErrors } = await api.change(id, { planId: other.id, quantity: 3 });
    expect(userErrors).toEqual([]);
    expect(subscription).toMatchObject({ plan: { id: plan.id }, quantity: 1, pendingChange: { plan: { id: other.id }, quantity: 3 } });
    expect(subscription!.history.at(-1)).toMatchObject({ kind: 'CHANGED', from: 'ACTIVE', to: 'ACTIVE', period: 4, reason: 'from period 4: Beans weekly, quantity 3' });
    // Only the quantity: the plan asked for stays.
    expect((await api.change(id, { quantity: 2 })).subscription?.pendingChange).toEqual({ plan: { id: other.id }, quantity: 2 });
    // Asking for what is pending changes nothing; asking for what it has now takes the change back.
    expect((await api.change(id, { quantity: 2 })).userErrors).toEqual([]);
    const back = await api.change(id, { planId: plan.id, quantity: 1 });
    expect(back.subscription?.pendingChange).toBeNull();
    expect(back.subscription!.history.map((h) => h.kind)).toEqual(['CREATED', 'CHANGED', 'CHANGED', 'CHANGED']);
    expect((await outboxOf(env.sql, id)).map((e) => [e.type, e.data.nextPlanId, e.data.nextQuantity])).toEqual([
      ['SubscriptionChanged', planRaw(other.id), 3],
      ['SubscriptionChanged', planRaw(other.id), 2],
      ['SubscriptionChanged', null, null],
    ]);
  });

  it('works while paused or past due, not once cancelled', async () => {
    for (const status of ['PAUSED', 'PAST_DUE', 'PENDING'] as const) {
      const { id, api } = await subscriber({ status });
      expect((await api.change(id, { quantity: 5 })).subscription).toMatchObject({ status, pendingChange: { quantity: 5 } });
    }
    const { id, api } = await subscriber({ status: 'CANCELLED' });
    expect(codes(await api.change(id, { quantity: 5 }))).toEqual(['ILLEGAL_TRANSITION']);
  });

  it('refuses plans it cannot move to and quantities out of range, changing nothing', async () => {
    const { id, api } = await subscriber();
    const inactive = await createPlan(env.stack, { active: false });
    const euros = await createPlan(env.stack, { price: { amount: 1500, currencyCode: 'EUR' } });
    const refusals: [Record<string, unknown>, string, string[]][] = [
      [{ planId: globalId('SubscriptionPlan', uuidv7()) }, 'PLAN_NOT_FOUND', ['input', 'planId']],
      [{ planId: inactive.id }, 'PLAN_INACTIVE', ['input', 'planId']],
      [{ planId: euros.id }, 'CURRENCY_MISMATCH', ['input', 'planId']],
      [{ quantity: 0 }, 'INVALID_INPUT', ['input', 'quantity']],
      [{ quantity: 101 }, 'INVALID_INPUT', ['input', 'quantity']],
      [{}, 'INVALID_INPUT', ['input']],
    ];
    for (const [input, code, field] of refusals) {
      const refused = await api.change(id, input);
      expect([input, refused.userErrors.map((e) => [e.code, e.field])]).toEqual([input, [[code, field]]]);
      expect(refused.subscription?.pendingChange).toBeNull();
    }
    expect(await historyCount(id)).toBe(1);
    // A plan no longer offered is still the subscription's own: asking to stay on it is no change.
    await env.sql.query('UPDATE subscription_plan SET active = false WHERE id = $1', [planRaw(plan.id)]);
    try {
      expect((await api.change(id, { planId: plan.id, quantity: 1 })).userErrors).toEqual([]);
    } finally {
      await env.sql.query('UPDATE subscription_plan SET active = true WHERE id = $1', [planRaw(plan.id)]);
    }
  });
});

describe('who may change a subscription', () => {
  it('lets its subscriber, support and admin; anyone else finds no such subscription', async () => {
    const { id } = await subscriber();
    const mallory = subscriptionApi(await env.stack.as(unique('mallory'), 'customer'));
    for (const attempt of [mallory.pause(id), mallory.cancel(id), mallory.skip(id), mallory.change(id, { quantity: 2 })]) {
      const refused = await attempt;
      expect(refused.userErrors.map((e) => [e.code, e.field])).toEqual([['SUBSCRIPTION_NOT_FOUND', ['id']]]);
      expect(refused.subscription).toBeNull();
    }
    expect(codes(await subscriptionApi(env.stack.admin).pause(globalId('CustomerSubscription', uuidv7())))).toEqual(['SUBSCRIPTION_NOT_FOUND']);
    const anonymous = await env.stack.anonymous.request(`mutation($id: ID!) { pauseSubscription(id: $id) { userErrors { code } } }`, { id });
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    expect(await historyCount(id)).toBe(1);

    expect((await subscriptionApi(env.support).skip(id)).subscription?.history.at(-1)).toMatchObject({ kind: 'SKIPPED', actor: 'person:support-1' });
    expect((await subscriptionApi(env.stack.admin).cancel(id)).subscription?.history.at(-1)).toMatchObject({ kind: 'CANCELLATION', actor: 'person:admin-1' });
  });
});

describe('racing changes', () => {
  it('lets exactly one of ten pauses through, with one history entry and one event', async () => {
    const { id, api } = await subscriber();
    const answers = await Promise.all(Array.from({ length: 10 }, () => api.pause(id)));
    expect(answers.filter((a) => a.userErrors.length === 0)).toHaveLength(1);
    expect(answers.filter((a) => codes(a).includes('ILLEGAL_TRANSITION'))).toHaveLength(9);
    const { rows } = await env.sql.query(`SELECT kind FROM subscription_event WHERE subscription_id = $1 AND kind = 'PAUSED'`, [rawSubscriptionId(id)]);
    expect(rows).toHaveLength(1);
    expect((await outboxOf(env.sql, id)).map((e) => e.type)).toEqual(['SubscriptionPaused']);
  });

  it('queues pauses and cancellations on one subscription: one cancellation wins, and history holds exactly the moves that succeeded', async () => {
    const { id, api } = await subscriber();
    const requests = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? api.pause(id) : api.cancel(id)));
    const answers = await Promise.all(requests);
    const won = answers.map((a, i) => (a.userErrors.length === 0 ? (i % 2 === 0 ? 'PAUSED' : 'CANCELLATION') : null)).filter((k) => k !== null);
    expect(won.filter((k) => k === 'CANCELLATION')).toHaveLength(1);
    expect(won.filter((k) => k === 'PAUSED').length).toBeLessThanOrEqual(1);
    const history = (await subscriptionApi(env.support).get(id))!.history;
    expect(history.slice(1).map((h) => h.kind).sort()).toEqual([...won].sort());
    // Whatever the order, each move started where the previous one left it.
    for (let i = 1; i < history.length; i += 1) expect(history[i]!.from).toBe(history[i - 1]!.to);
    expect(history.at(-1)).toMatchObject({ kind: 'CANCELLATION', to: 'CANCELLED' });
    expect((await outboxOf(env.sql, id)).length).toBe(won.length);
  });
});

describe('the history', () => {
  it('is append-only: the database refuses to change or delete an entry', async () => {
    const { id, api } = await subscriber();
    await api.pause(id);
    await expect(env.sql.query(`UPDATE subscription_event SET reason = 'rewritten' WHERE subscription_id = $1`, [rawSubscriptionId(id)])).rejects.toThrow(/append-only/);
    await expect(env.sql.query(`DELETE FROM subscription_event WHERE subscription_id = $1`, [rawSubscriptionId(id)])).rejects.toThrow(/append-only/);
    expect(await historyCount(id)).toBe(2);
  });
});
