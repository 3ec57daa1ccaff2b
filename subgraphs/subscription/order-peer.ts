// What the subscription context asks the order context: each period's order, a retry of its
// charge, its cancellation (schema/order.subscriptions.graphql, service-only). The order context
// owns every order and payment; it answers where the period's payment stands. Ids cross the wire
// as global ids; this context works with raw ones. A refusal comes back as userErrors; an outage
// throws (the renewal job tries again later: every call is safe to repeat).
import { globalId, rawIdFrom } from '../../lib/global-id.js';
import type { UserError } from '../../lib/errors.js';
import type { SubgraphCall } from '../../lib/subgraph-client.js';
import type { AddressView } from './models.js';

const SOURCE = 'the order subgraph';

export type PaymentState = 'SUCCEEDED' | 'FAILED' | 'REQUIRES_ACTION' | 'PROCESSING';

export interface PeriodOrder {
  orderId: string;
  orderStatus: string;
  payment: {
    status: PaymentState;
    failureMessage: string | null;
    clientSecret: string | null;
    customerId: string;
    paymentMethodId: string;
  };
}

export type OrderAnswer = { ok: true; value: PeriodOrder } | { ok: false; userErrors: UserError[] };

export interface PlacePeriodOrder {
  subscriptionId: string;
  period: number;
  personId: string;
  items: { variantId: string; quantity: number }[];
  amount: number;
  currency: string;
  shippingAddress: AddressView;
  shippingMethod: string;
  paymentMethodId: string;
  paymentCustomerId: string | null;
  /** How long the order holds its stock while unpaid. */
  holdSeconds: number;
}

export interface OrderPeer {
  place(input: PlacePeriodOrder): Promise<OrderAnswer>;
  charge(orderId: string, attempt: number, paymentMethodId: string | null): Promise<OrderAnswer>;
  cancel(orderId: string, reason: string): Promise<OrderAnswer>;
}

const ANSWER = `order { id status } payment { status failureMessage paymentClientSecret paymentCustomerId paymentMethodId } userErrors { field message code }`;
const PLACE = `mutation PlaceSubscriptionOrder($input: PlaceSubscriptionOrderInput!) { placeSubscriptionOrder(input: $input) { ${ANSWER} } }`;
const CHARGE = `mutation ChargeSubscriptionOrder($orderId: ID!, $attempt: Int!, $paymentMethodId: String) { chargeSubscriptionOrder(orderId: $orderId, attempt: $attempt, paymentMethodId: $paymentMethodId) { ${ANSWER} } }`;
const CANCEL = `mutation CancelSubscriptionOrder($orderId: ID!, $reason: String!) { cancelSubscriptionOrder(orderId: $orderId, reason: $reason) { ${ANSWER} } }`;

interface Payload {
  order: { id: string; status: string } | null;
  payment: { status: PaymentState; failureMessage: string | null; paymentClientSecret: string | null; paymentCustomerId: string; paymentMethodId: string } | null;
  userErrors: UserError[];
}

function answer(payload: Payload): OrderAnswer {
  if (payload.userErrors.length > 0 || !payload.order || !payload.payment) return { ok: false, userErrors: payload.userErrors };
  const { payment } = payload;
  return {
    ok: true,
    value: {
      orderId: rawIdFrom(SOURCE, 'Order', payload.order.id),
      orderStatus: payload.order.status,
      payment: { status: payment.status, failureMessage: payment.failureMessage, clientSecret: payment.paymentClientSecret, customerId: payment.paymentCustomerId, paymentMethodId: payment.paymentMethodId },
    },
  };
}

/** Asks the order context through `call` (lib/subgraph-client.ts: a service token, the order subgraph's URL read per call). */
export function orderPeer(call: SubgraphCall): OrderPeer {
  const order = (id: string) => globalId('Order', id);
  return {
    async place(input) {
      const variables = {
        input: {
          subscriptionId: globalId('CustomerSubscription', input.subscriptionId),
          period: input.period,
          personId: input.personId,
          items: input.items.map((i) => ({ variantId: globalId('ProductVariant', i.variantId), quantity: i.quantity })),
          amount: input.amount,
          currencyCode: input.currency,
          shippingAddress: input.shippingAddress,
          shippingMethod: input.shippingMethod,
          paymentMethodId: input.paymentMethodId,
          paymentCustomerId: input.paymentCustomerId,
          holdSeconds: input.holdSeconds,
        },
      };
      return answer((await call<{ placeSubscriptionOrder: Payload }>(PLACE, variables)).placeSubscriptionOrder);
    },
    async charge(orderId, attempt, paymentMethodId) {
      return answer((await call<{ chargeSubscriptionOrder: Payload }>(CHARGE, { orderId: order(orderId), attempt, paymentMethodId })).chargeSubscriptionOrder);
    },
    async cancel(orderId, reason) {
      return answer((await call<{ cancelSubscriptionOrder: Payload }>(CANCEL, { orderId: order(orderId), reason })).cancelSubscriptionOrder);
    },
  };
}
