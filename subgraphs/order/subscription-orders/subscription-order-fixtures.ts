// What the subscription order tests share: the three service-only operations as the
// subscription context calls them (directly on the order subgraph, with its service token), the
// local Stripe server's secret-key API, and SQL reads of what the API hides.
import { v7 as uuidv7 } from 'uuid';
import type pg from 'pg';
import { globalId, rawIdOf } from '../../../lib/global-id.js';
import type { GraphQLResponse, TestStack } from '../../../test/harness.js';
import { ADDRESS, type UserErrorView } from '../order-fixtures.js';

export const PERIOD_ORDER_FIELDS = `id number personId status paymentIntentId reservedUntil subscriptionPeriod subscription { id }
  lines { sku quantity unitPrice { amount } discountTotal { amount } lineTotal { amount } }
  subtotal { amount } discountTotal { amount } shippingTotal { amount } taxTotal { amount } total { amount }
  payments { providerPaymentId status amount { amount } captured { amount } refunded { amount } failureMessage }
  history { from to actor reason }`;

export interface PeriodOrderView {
  id: string;
  number: string;
  personId: string;
  status: string;
  paymentIntentId: string | null;
  reservedUntil: string;
  subscriptionPeriod: number | null;
  subscription: { id: string } | null;
  lines: { sku: string; quantity: number; unitPrice: { amount: number }; discountTotal: { amount: number }; lineTotal: { amount: number } }[];
  subtotal: { amount: number };
  discountTotal: { amount: number };
  shippingTotal: { amount: number };
  taxTotal: { amount: number };
  total: { amount: number };
  payments: { providerPaymentId: string; status: string; amount: { amount: number }; captured: { amount: number }; refunded: { amount: number }; failureMessage: string | null }[];
  history: { from: string | null; to: string; actor: string; reason: string | null }[];
}

export interface PeriodPaymentView {
  status: string;
  failureMessage: string | null;
  paymentClientSecret: string | null;
  paymentCustomerId: string;
  paymentMethodId: string;
}

export interface PeriodPayload {
  order: PeriodOrderView | null;
  payment: PeriodPaymentView | null;
  userErrors: UserErrorView[];
}

const PAYLOAD = `order { ${PERIOD_ORDER_FIELDS} } payment { status failureMessage paymentClientSecret paymentCustomerId paymentMethodId } userErrors { field message code }`;

export const newSubscriptionId = () => globalId('CustomerSubscription', uuidv7());

/** The order subgraph as the subscription service calls it; `token` replaces its service token (e.g. a customer's). */
export function subscriptionOrderApi(stack: TestStack, token?: () => Promise<string>) {
  const call = async (query: string, variables: Record<string, unknown>): Promise<GraphQLResponse<Record<string, PeriodPayload>>> =>
    stack.subgraph('order', await (token ?? (() => stack.serviceToken('subscription')))()).request(query, variables);
  const payload = (res: GraphQLResponse<Record<string, PeriodPayload>>, name: string): PeriodPayload => {
    if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors ?? res)}`);
    return res.data[name]!;
  };
  const requests = {
    place: (input: Record<string, unknown>) =>
      call(`mutation($input: PlaceSubscriptionOrderInput!) { placeSubscriptionOrder(input: $input) { ${PAYLOAD} } }`, { input }),
    charge: (orderId: string, attempt: number, paymentMethodId?: string) =>
      call(`mutation($id: ID!, $attempt: Int!, $pm: String) { chargeSubscriptionOrder(orderId: $id, attempt: $attempt, paymentMethodId: $pm) { ${PAYLOAD} } }`, {
        id: orderId,
        attempt,
        pm: paymentMethodId,
      }),
    cancel: (orderId: string, reason: string) =>
      call(`mutation($id: ID!, $reason: String!) { cancelSubscriptionOrder(orderId: $id, reason: $reason) { ${PAYLOAD} } }`, { id: orderId, reason }),
  };
  return {
    requests,
    place: async (input: Record<string, unknown>) => payload(await requests.place(input), 'placeSubscriptionOrder'),
    charge: async (orderId: string, attempt: number, paymentMethodId?: string) => payload(await requests.charge(orderId, attempt, paymentMethodId), 'chargeSubscriptionOrder'),
    cancel: async (orderId: string, reason: string) => payload(await requests.cancel(orderId, reason), 'cancelSubscriptionOrder'),
  };
}

/** A period's input: the subscription's, with its items, amount and card. */
export function periodInput(subscriptionId: string, period: number, items: { variantId: string; quantity: number }[], amount: number, extra: Record<string, unknown> = {}) {
  return {
    subscriptionId,
    period,
    personId: 'subscriber-1',
    items,
    amount,
    currencyCode: 'USD',
    shippingAddress: ADDRESS,
    shippingMethod: 'STANDARD',
    paymentMethodId: 'pm_card_visa',
    holdSeconds: 6 * 86_400,
    ...extra,
  };
}

/** The local Stripe server's API with a secret key, for what the subscription tests check or set up there. */
export function stripeApi(stack: TestStack) {
  const request = async (method: 'GET' | 'POST', path: string, body?: Record<string, string>) => {
    const res = await fetch(`${stack.stripe!.url}${path}`, {
      method,
      headers: { authorization: 'Bearer sk_test_local', 'content-type': 'application/x-www-form-urlencoded' },
      body: body ? new URLSearchParams(body).toString() : undefined,
    });
    return (await res.json()) as Record<string, any>;
  };
  return {
    createCustomer: async () => (await request('POST', '/v1/customers', {})).id as string,
    /** Saves a test card on the customer, as a card-update page would; answers the new payment method's id. */
    attach: async (card: string, customer: string) => (await request('POST', `/v1/payment_methods/${card}/attach`, { customer })).id as string,
    savedCards: async (customer: string) => ((await request('GET', `/v1/payment_methods?customer=${customer}&type=card`)).data as { id: string }[]).map((m) => m.id),
    intent: (id: string) => request('GET', `/v1/payment_intents/${id}`),
    /** The PaymentIntents made for an order (by metadata.order_id). */
    intentsOf: (orderId: string) =>
      stack.stripe!.events().filter((e) => e.type === 'payment_intent.created' && (e.data.object as { metadata?: { order_id?: string } }).metadata?.order_id === rawIdOf('Order', orderId, 'orderId')),
  };
}

/** Counts of what the order context recorded about an order, by event type. */
export async function orderEvents(sql: pg.Pool, orderId: string, type: string): Promise<Record<string, unknown>[]> {
  const { rows } = await sql.query('SELECT data FROM outbox_event WHERE aggregate_id = $1 AND type = $2 ORDER BY occurred_at, id', [rawIdOf('Order', orderId, 'orderId'), type]);
  return rows.map((r) => r.data as Record<string, unknown>);
}
