// What the subscription tests share: a stack with the catalog (plans name its variants) and this
// subgraph, the plan and subscription operations as a client sends them, and subscriptions written
// straight into the tables (subscribing is not part of the API yet), with SQL access to what the
// API hides (the outbox, the history table).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll } from 'vitest';
import { globalId, rawIdOf } from '../../lib/global-id.js';
import { startTestStack, type GraphQLClient, type GraphQLResponse, type TestStack } from '../../test/harness.js';
import { billingDate } from './billing-calendar.js';
import type { BillingInterval, SubscriptionPeriodStatus, SubscriptionStatus } from './prisma-client/client.js';

export const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`;

export interface SubscriptionTestEnv {
  stack: TestStack;
  sql: pg.Pool;
  support: GraphQLClient;
}

/** A stack for one test file: the catalog, this subgraph and the gateway, with SQL on the subscription schema. */
export function useSubscriptionTestStack(): SubscriptionTestEnv {
  const env = {} as SubscriptionTestEnv;
  beforeAll(async () => {
    env.stack = await startTestStack({ subgraphs: ['catalog', 'subscription'] });
    env.sql = new pg.Pool({ connectionString: env.stack.databaseUrl, max: 4, options: '-c search_path="subscription"' });
    env.support = await env.stack.as('support-1', 'support');
  }, 60_000);
  afterAll(async () => {
    await env.sql?.end();
    await env.stack?.close();
  });
  return env;
}

export interface UserErrorView {
  field: string[] | null;
  message: string;
  code: string;
}

export const PLAN_FIELDS = `id name description price { amount currencyCode formatted } interval intervalCount trialDays active items { variant { id } quantity }`;

export interface PlanView {
  id: string;
  name: string;
  description: string | null;
  price: { amount: number; currencyCode: string; formatted: string };
  interval: string;
  intervalCount: number;
  trialDays: number;
  active: boolean;
  items: { variant: { id: string }; quantity: number }[];
}

export interface PlanPayload {
  plan: PlanView | null;
  userErrors: UserErrorView[];
}

/** Catalog variants (global ids) of one new product, as an admin creates them. */
export async function createVariants(stack: TestStack, count: number, product: { active?: boolean } = {}): Promise<string[]> {
  const slug = unique('plan-product');
  const input = {
    slug,
    name: `Product ${slug}`,
    active: product.active ?? true,
    variants: Array.from({ length: count }, (_, i) => ({ sku: `${slug}-${i}`.toUpperCase(), price: { amount: 1000 + i, currencyCode: 'USD' }, onHand: 50 })),
  };
  const data = await stack.admin.query<{ createProduct: { product: { variants: { id: string; sku: string }[] } | null; userErrors: unknown[] } }>(
    `mutation($input: CreateProductInput!) { createProduct(input: $input) { product { variants { id sku } } userErrors { code message } } }`,
    { input },
  );
  const created = data.createProduct.product;
  if (!created) throw new Error(`createProduct failed: ${JSON.stringify(data.createProduct.userErrors)}`);
  return input.variants.map((v) => created.variants.find((c) => c.sku === v.sku)!.id);
}

export const planInput = (variantIds: string[], overrides: Record<string, unknown> = {}) => ({
  name: unique('Coffee club'),
  description: 'Fresh beans every month',
  price: { amount: 1999, currencyCode: 'USD' },
  interval: 'MONTHLY',
  items: variantIds.map((variantId, i) => ({ variantId, quantity: i + 1 })),
  ...overrides,
});

/** The plan operations, answering the payload or, with `raw`, the whole response. */
export function planApi(client: GraphQLClient) {
  const create = (input: Record<string, unknown>) =>
    client.request<{ createSubscriptionPlan: PlanPayload }>(
      `mutation($input: CreateSubscriptionPlanInput!) { createSubscriptionPlan(input: $input) { plan { ${PLAN_FIELDS} } userErrors { field message code } } }`,
      { input },
    );
  const update = (id: string, input: Record<string, unknown>) =>
    client.request<{ updateSubscriptionPlan: PlanPayload }>(
      `mutation($id: ID!, $input: UpdateSubscriptionPlanInput!) { updateSubscriptionPlan(id: $id, input: $input) { plan { ${PLAN_FIELDS} } userErrors { field message code } } }`,
      { id, input },
    );
  return {
    create,
    update,
    createOk: async (input: Record<string, unknown>) => ok(await create(input)).createSubscriptionPlan,
    updateOk: async (id: string, input: Record<string, unknown>) => ok(await update(id, input)).updateSubscriptionPlan,
    list: (includeInactive?: boolean) =>
      client.request<{ subscriptionPlans: PlanView[] }>(`query($all: Boolean) { subscriptionPlans(includeInactive: $all) { ${PLAN_FIELDS} } }`, { all: includeInactive }),
  };
}

function ok<T>(res: GraphQLResponse<T>): T {
  if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors ?? res)}`);
  return res.data;
}

/** A plan written as an admin would (through the gateway), delivering one new variant; its global id. */
export async function createPlan(stack: TestStack, overrides: Record<string, unknown> = {}): Promise<PlanView> {
  const variants = await createVariants(stack, 1);
  const { plan, userErrors } = await planApi(stack.admin).createOk(planInput(variants, overrides));
  if (!plan) throw new Error(`createSubscriptionPlan failed: ${JSON.stringify(userErrors)}`);
  return plan;
}

export const SUBSCRIPTION_FIELDS = `id personId quantity status nextBillingAt trialEndsAt cancelAtPeriodEnd skipsNextPeriod createdAt cancelledAt
  plan { id name } shippingMethod shippingAddress { name line1 line2 city state postalCode country }
  currentPeriod { index startsAt endsAt status amount { amount currencyCode } order { id } }
  pendingChange { plan { id } quantity }
  periods { index status amount { amount } order { id } }
  history { kind from to period actor reason at }`;

export interface SubscriptionView {
  id: string;
  personId: string;
  quantity: number;
  status: SubscriptionStatus;
  nextBillingAt: string | null;
  trialEndsAt: string | null;
  cancelAtPeriodEnd: boolean;
  skipsNextPeriod: boolean;
  createdAt: string;
  cancelledAt: string | null;
  plan: { id: string; name: string };
  shippingMethod: string;
  shippingAddress: Record<string, string | null>;
  currentPeriod: { index: number; startsAt: string; endsAt: string; status: string | null; amount: { amount: number; currencyCode: string } | null; order: { id: string } | null };
  pendingChange: { plan: { id: string }; quantity: number } | null;
  periods: { index: number; status: string; amount: { amount: number }; order: { id: string } | null }[];
  history: { kind: string; from: string | null; to: string; period: number | null; actor: string; reason: string | null; at: string }[];
}

export interface SubscriptionPayloadView {
  subscription: SubscriptionView | null;
  paymentClientSecret: string | null;
  userErrors: UserErrorView[];
}

/** The subscription operations as a storefront or the admin console sends them. */
export function subscriptionApi(client: GraphQLClient) {
  const mutate = async (field: string, args: string, variables: Record<string, unknown>) => {
    const params = Object.keys(variables).map((k) => `${k}: $${k}`).join(', ');
    const res = await client.request<Record<string, SubscriptionPayloadView>>(
      `mutation(${args}) { ${field}(${params}) { subscription { ${SUBSCRIPTION_FIELDS} } paymentClientSecret userErrors { field message code } } }`,
      variables,
    );
    return ok(res)[field]!;
  };
  return {
    pause: (id: string) => mutate('pauseSubscription', '$id: ID!', { id }),
    resume: (id: string) => mutate('resumeSubscription', '$id: ID!', { id }),
    cancel: (id: string, atPeriodEnd?: boolean) =>
      atPeriodEnd === undefined ? mutate('cancelSubscription', '$id: ID!', { id }) : mutate('cancelSubscription', '$id: ID!, $atPeriodEnd: Boolean', { id, atPeriodEnd }),
    skip: (id: string, skip?: boolean) => (skip === undefined ? mutate('skipNextSubscriptionPeriod', '$id: ID!', { id }) : mutate('skipNextSubscriptionPeriod', '$id: ID!, $skip: Boolean', { id, skip })),
    change: (id: string, input: Record<string, unknown>) => mutate('changeSubscription', '$id: ID!, $input: ChangeSubscriptionInput!', { id, input }),
    get: async (id: string) =>
      ok(await client.request<{ customerSubscription: SubscriptionView | null }>(`query($id: ID!) { customerSubscription(id: $id) { ${SUBSCRIPTION_FIELDS} } }`, { id })).customerSubscription,
    mine: async () => ok(await client.request<{ mySubscriptions: SubscriptionView[] }>(`{ mySubscriptions { ${SUBSCRIPTION_FIELDS} } }`)).mySubscriptions,
  };
}

export const ADDRESS = { name: 'Alice Doe', line1: '1 Market St', line2: null, city: 'San Francisco', state: 'CA', postalCode: '94105', country: 'US' };

export interface SubscriptionRowInput {
  personId: string;
  /** The plan's global id. */
  planId: string;
  status?: SubscriptionStatus;
  quantity?: number;
  interval?: BillingInterval;
  /** Where period 0 started (default 10 days ago). */
  anchorAt?: Date;
  currentPeriod?: number;
  nextBillingAt?: Date | null;
  /** Period rows to write, e.g. [{ index: 0, status: 'PAID', amount: 1999 }]. */
  periods?: { index: number; status: SubscriptionPeriodStatus; amount: number; orderId?: string | null }[];
  /** A CREATED history entry (default true). */
  created?: boolean;
}

/**
 * A subscription written straight to the tables, as subscribing will write one: MONTHLY periods
 * from `anchorAt`, the current one's bounds from the billing calendar, the next billing at its end
 * (none unless ACTIVE or PAST_DUE). Answers its global id.
 */
export async function insertSubscription(sql: pg.Pool, input: SubscriptionRowInput): Promise<string> {
  const id = uuidv7();
  const status = input.status ?? 'ACTIVE';
  const cadence = { interval: input.interval ?? 'MONTHLY', intervalCount: 1 };
  const anchorAt = input.anchorAt ?? new Date(Date.now() - 10 * 86_400_000);
  const current = input.currentPeriod ?? 0;
  const start = billingDate(anchorAt, cadence, current);
  const end = billingDate(anchorAt, cadence, current + 1);
  const billing = status === 'ACTIVE' || status === 'PAST_DUE';
  const nextBillingAt = input.nextBillingAt !== undefined ? input.nextBillingAt : billing ? end : null;
  const planId = rawIdOf('SubscriptionPlan', input.planId, 'planId');
  await sql.query(
    `INSERT INTO customer_subscription (id, person_id, plan_id, quantity, status, shipping_address, shipping_method, payment_customer_id, payment_method_id,
                                        idempotency_key, anchor_at, anchor_period, current_period, current_period_start, current_period_end,
                                        next_billing_at, paused_at, cancelled_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'STANDARD', 'cus_test', 'pm_card_visa', $14, $7, 0, $8, $9, $10, $11, $12, $13, now())`,
    [id, input.personId, planId, input.quantity ?? 1, status, JSON.stringify(ADDRESS), anchorAt, current, start, end, nextBillingAt, status === 'PAUSED' ? new Date() : null, status === 'CANCELLED' ? new Date() : null, `fixture-${id}`],
  );
  for (const p of input.periods ?? []) {
    await sql.query(
      `INSERT INTO subscription_period (subscription_id, index, starts_at, ends_at, status, plan_id, quantity, amount, currency, order_id, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'USD', $9, now())`,
      [id, p.index, billingDate(anchorAt, cadence, p.index), billingDate(anchorAt, cadence, p.index + 1), p.status, planId, input.quantity ?? 1, p.amount, p.orderId ?? null],
    );
  }
  if (input.created ?? true) {
    await sql.query(`INSERT INTO subscription_event (id, subscription_id, kind, from_status, to_status, period, actor, at) VALUES ($1, $2, 'CREATED', NULL, $3, 0, $4, $5)`, [
      uuidv7(),
      id,
      status,
      `person:${input.personId}`,
      anchorAt,
    ]);
  }
  return globalId('CustomerSubscription', id);
}

export const rawSubscriptionId = (id: string) => rawIdOf('CustomerSubscription', id, 'id');

/** The outbox events recorded about one subscription, oldest first. */
export async function outboxOf(sql: pg.Pool, subscriptionId: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
  const { rows } = await sql.query(`SELECT type, data FROM outbox_event WHERE aggregate_id = $1 ORDER BY occurred_at, id`, [rawSubscriptionId(subscriptionId)]);
  return rows as { type: string; data: Record<string, unknown> }[];
}

export const codes = (p: { userErrors: UserErrorView[] }) => p.userErrors.map((e) => e.code);
