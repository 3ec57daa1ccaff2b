// The renewals scenario: a backlog of subscriptions all due at once, billed by two renewal workers
// side by side (each claims its own rows), until none is left. A subscription's renewal is its
// period's order placed through the order context (stock reserved, lines snapshotted), the saved
// card charged off-session on the Stripe server, and the payment applied.
//
// One subscription is made through the API (subscribe: its first order and charge save the card);
// the rest of the backlog is written straight to the subscription tables as copies of it (the same
// saved card), due now. Measured: renewals per second and the time until the backlog is empty, and
// that every due subscription got exactly one order and one charge.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ensureDevKeys, hasRealKey, signUserToken, type Role } from '../lib/auth.js';
import { databaseUrlFor, type Config } from '../lib/config.js';
import { rawIdOf } from '../lib/global-id.js';
import type { Runtime } from '../lib/runtime.js';
import { createSubscriptionServices } from '../subgraphs/subscription/server.js';

export const RENEWALS_SCENARIO = {
  name: 'renewals',
  viewer: 'customer' as const,
  description:
    'renewals: a backlog of monthly subscriptions due at once, each renewal its period order placed through the order context and the saved card charged off-session; two workers until the backlog is empty',
};

export interface RenewalsResult {
  scenario: 'renewals';
  subscriptions: number;
  workers: number;
  seconds: number;
  renewalsPerSecond: number;
  /** Renewals each worker took: both take a share. */
  perWorker: number[];
  orders: number;
  charges: number;
  /** Subscriptions whose period was not paid when the workers stopped (should be 0). */
  unpaid: number;
}

const ADDRESS = { name: 'Bench Subscriber', line1: '1 Market St', city: 'San Francisco', state: 'CA', postalCode: '94105', country: 'US' };

async function token(config: Config, sub: string, roles: Role[]): Promise<string> {
  if (hasRealKey(config)) throw new Error('renewals needs tokens it can mint, which a real identity provider configuration rules out');
  const keys = await ensureDevKeys(config.DEV_KEYS_DIR);
  return signUserToken(keys.privateKeyPem, { sub, roles, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, ttlSeconds: 3600 });
}

async function call<T>(url: string, bearer: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors?.length) throw new Error(`renewals: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

/** A plan of two variants with stock for the whole backlog, and one subscription to it made through the API. */
async function firstSubscription(url: string, config: Config, count: number) {
  const tag = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const admin = await token(config, `bench-admin-${tag}`, ['admin']);
  const product = await call<{ createProduct: { product: { variants: { id: string }[] } | null; userErrors: unknown[] } }>(
    url,
    admin,
    `mutation($input: CreateProductInput!) { createProduct(input: $input) { product { variants { id } } userErrors { code message } } }`,
    {
      input: {
        slug: `bench-box-${tag}`,
        name: `Bench box ${tag}`,
        active: true,
        variants: [0, 1].map((i) => ({ sku: `BENCH-BOX-${tag}-${i}`.toUpperCase(), price: { amount: 1200 + i * 300, currencyCode: 'USD' }, onHand: count * 3 + 100 })),
      },
    },
  );
  const variants = product.createProduct.product?.variants ?? [];
  if (variants.length !== 2) throw new Error(`renewals: could not create the plan's product: ${JSON.stringify(product.createProduct.userErrors)}`);
  const plan = await call<{ createSubscriptionPlan: { plan: { id: string } | null; userErrors: unknown[] } }>(
    url,
    admin,
    `mutation($input: CreateSubscriptionPlanInput!) { createSubscriptionPlan(input: $input) { plan { id } userErrors { field code message } } }`,
    { input: { name: `Bench box ${tag}`, price: { amount: 2500, currencyCode: 'USD' }, interval: 'MONTHLY', items: [{ variantId: variants[0]!.id, quantity: 1 }, { variantId: variants[1]!.id, quantity: 2 }] } },
  );
  if (!plan.createSubscriptionPlan.plan) throw new Error(`renewals: could not create the plan: ${JSON.stringify(plan.createSubscriptionPlan.userErrors)}`);
  const subscriber = await token(config, `bench-subscriber-${tag}`, ['customer']);
  const subscribed = await call<{ subscribe: { subscription: { id: string; status: string } | null; userErrors: unknown[] } }>(
    url,
    subscriber,
    `mutation($input: SubscribeInput!) { subscribe(input: $input) { subscription { id status } userErrors { code message } } }`,
    { input: { planId: plan.createSubscriptionPlan.plan.id, paymentMethodId: 'pm_card_visa', idempotencyKey: `bench-${tag}`, shippingAddress: ADDRESS } },
  );
  const subscription = subscribed.subscribe.subscription;
  if (subscription?.status !== 'ACTIVE') throw new Error(`renewals: the first subscription is not ACTIVE: ${JSON.stringify(subscribed.subscribe)}`);
  return { subscriptionId: rawIdOf('CustomerSubscription', subscription.id, 'id'), planId: rawIdOf('SubscriptionPlan', plan.createSubscriptionPlan.plan.id, 'planId') };
}

/**
 * Copies the first subscription `count - 1` times (another person each, the same saved card) and
 * makes all of them due now: their period 0 paid and ended a minute ago, anchored a month back.
 */
async function backlog(db: pg.Pool, subscriptionId: string, count: number): Promise<void> {
  await db.query(
    `UPDATE customer_subscription
        SET anchor_at = now() - interval '1 month' - interval '1 minute', current_period_start = now() - interval '1 month' - interval '1 minute',
            current_period_end = now() - interval '1 minute', next_billing_at = now() - interval '1 minute'
      WHERE id = $1`,
    [subscriptionId],
  );
  await db.query(`UPDATE subscription_period SET starts_at = now() - interval '1 month' - interval '1 minute', ends_at = now() - interval '1 minute' WHERE subscription_id = $1`, [subscriptionId]);
  await db.query(
    `INSERT INTO customer_subscription (id, person_id, plan_id, quantity, status, shipping_address, shipping_method, payment_method_id, payment_customer_id,
                                        idempotency_key, anchor_at, anchor_period, current_period, current_period_start, current_period_end, next_billing_at, updated_at)
     SELECT gen_random_uuid(), person_id || '-' || g, plan_id, quantity, status, shipping_address, shipping_method, payment_method_id, payment_customer_id,
            'bench-copy-' || g, anchor_at, anchor_period, current_period, current_period_start, current_period_end, next_billing_at, now()
       FROM customer_subscription, generate_series(1, $2::int) AS g WHERE id = $1`,
    [subscriptionId, count - 1],
  );
  await db.query(
    `INSERT INTO subscription_period (subscription_id, index, starts_at, ends_at, status, plan_id, quantity, amount, currency, updated_at)
     SELECT s.id, 0, s.current_period_start, s.current_period_end, 'PAID', s.plan_id, s.quantity, 2500 * s.quantity, 'USD', now()
       FROM customer_subscription s WHERE s.plan_id = (SELECT plan_id FROM customer_subscription WHERE id = $1) AND s.id <> $1`,
    [subscriptionId],
  );
}

export async function renewalsScenario(graphqlUrl: string, config: Config, runtime: Pick<Runtime, 'config' | 'serviceToken'>, count: number): Promise<RenewalsResult> {
  const subscriptions = new pg.Pool({ connectionString: databaseUrlFor(config, 'subscription'), max: 2, options: '-c search_path="subscription"' });
  const orders = new pg.Pool({ connectionString: databaseUrlFor(config, 'order'), max: 2, options: '-c search_path="order"' });
  const workers = [createSubscriptionServices(runtime), createSubscriptionServices(runtime)];
  try {
    console.log(`renewals: preparing ${count} subscriptions due at once`);
    const { subscriptionId, planId } = await firstSubscription(graphqlUrl, config, count);
    await backlog(subscriptions, subscriptionId, count);
    console.log(`renewals: ${workers.length} workers renewing ${count} subscriptions`);
    const started = performance.now();
    const progress = setInterval(async () => {
      const { rows } = await subscriptions.query(`SELECT count(*)::int AS paid FROM subscription_period WHERE plan_id = $1 AND index = 1 AND status = 'PAID'`, [planId]);
      console.log(`renewals: ${rows[0].paid}/${count} paid after ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }, 10_000);
    const perWorker = await Promise.all(workers.map((w) => w.renewals.runDue())).finally(() => clearInterval(progress));
    const seconds = (performance.now() - started) / 1000;
    const { rows: periods } = await subscriptions.query(
      `SELECT count(*) FILTER (WHERE p.status = 'PAID')::int AS paid FROM customer_subscription s LEFT JOIN subscription_period p ON p.subscription_id = s.id AND p.index = 1 WHERE s.plan_id = $1`,
      [planId],
    );
    const { rows: billed } = await orders.query(
      `SELECT count(DISTINCT o.id)::int AS orders, count(p.id) FILTER (WHERE p.status = 'SUCCEEDED')::int AS charges
         FROM "order" o LEFT JOIN payment p ON p.order_id = o.id
        WHERE o.subscription_period = 1 AND o.subscription_id IN (SELECT unnest($1::uuid[]))`,
      [(await subscriptions.query(`SELECT array_agg(id) AS ids FROM customer_subscription WHERE plan_id = $1`, [planId])).rows[0].ids],
    );
    return {
      scenario: 'renewals',
      subscriptions: count,
      workers: workers.length,
      seconds: Math.round(seconds * 10) / 10,
      renewalsPerSecond: Math.round((count / seconds) * 10) / 10,
      perWorker,
      orders: billed[0].orders,
      charges: billed[0].charges,
      unpaid: count - periods[0].paid,
    };
  } finally {
    await Promise.all(workers.map((w) => w.db.$disconnect()));
    await subscriptions.end();
    await orders.end();
  }
}

export function printRenewals(results: RenewalsResult[]): void {
  for (const r of results) {
    console.log(
      `renewals: ${r.subscriptions} due, ${r.workers} workers: ${r.renewalsPerSecond} renewals/s, backlog empty after ${r.seconds} s ` +
        `(workers took ${r.perWorker.join(' and ')}); ${r.orders} orders, ${r.charges} charges, ${r.unpaid} unpaid`,
    );
  }
}
