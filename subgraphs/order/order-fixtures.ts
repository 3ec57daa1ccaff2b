// What the order tests share: the checkout and order operations as a storefront sends them, a
// card payment confirmed against the local Stripe server as Stripe.js would, and SQL access to
// the order, catalog, promotion and cart tables for what the API hides.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { rawIdOf } from '../../lib/global-id.js';
import type { GraphQLClient, TestStack } from '../../test/harness.js';

export const ORDER_FIELDS = `id number personId status currencyCode paymentIntentId reservedUntil paidAt createdAt
  lines { id sku productName variantTitle quantity unitPrice { amount } discountTotal { amount } lineTotal { amount } variant { id } }
  discounts { promotionId name code amount { amount } }
  subtotal { amount } discountTotal { amount } shippingTotal { amount } taxTotal { amount } total { amount formatted }
  shippingAddress { name line1 line2 city state postalCode country } shippingMethod
  payments { providerPaymentId status amount { amount } captured { amount } refunded { amount } failureMessage }
  history { from to actor reason at }`;

export interface OrderView {
  id: string;
  number: string;
  personId: string;
  status: string;
  currencyCode: string;
  paymentIntentId: string | null;
  reservedUntil: string;
  paidAt: string | null;
  lines: { id: string; sku: string; productName: string; variantTitle: string; quantity: number; unitPrice: { amount: number }; discountTotal: { amount: number }; lineTotal: { amount: number }; variant: { id: string } | null }[];
  discounts: { promotionId: string; name: string; code: string | null; amount: { amount: number } }[];
  subtotal: { amount: number };
  discountTotal: { amount: number };
  shippingTotal: { amount: number };
  taxTotal: { amount: number };
  total: { amount: number; formatted: string };
  shippingAddress: Record<string, string | null>;
  shippingMethod: string;
  payments: { providerPaymentId: string; status: string; amount: { amount: number }; captured: { amount: number }; refunded: { amount: number }; failureMessage: string | null }[];
  history: { from: string | null; to: string; actor: string; reason: string | null; at: string }[];
}

export interface UserErrorView {
  field: string[] | null;
  message: string;
  code: string;
}

export interface CheckoutView {
  order: OrderView | null;
  paymentClientSecret: string | null;
  userErrors: UserErrorView[];
}

export const newKey = () => `key-${randomBytes(6).toString('hex')}`;

export const ADDRESS = { name: 'Alice Doe', line1: '1 Market St', city: 'San Francisco', state: 'CA', postalCode: '94105', country: 'US' };

export function orderApi(client: GraphQLClient) {
  return {
    /** `headers`: e.g. the x-forwarded-for a load balancer would set, to check out from a client address of the test's choosing. */
    async checkout(input: { cartId: string; idempotencyKey?: string; shippingAddress?: Record<string, unknown>; shippingMethod?: string; expectedTotal?: number }, headers?: Record<string, string>) {
      const res = await client.request<{ checkout: CheckoutView }>(
        `mutation($input: CheckoutInput!) { checkout(input: $input) { order { ${ORDER_FIELDS} } paymentClientSecret userErrors { field message code } } }`,
        { input: { shippingAddress: ADDRESS, shippingMethod: 'STANDARD', idempotencyKey: newKey(), ...input } },
        headers,
      );
      if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors ?? res)}`);
      return res.data.checkout;
    },
    order: async (id: string) => (await client.query<{ order: OrderView | null }>(`query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`, { id })).order,
    cancel: async (orderId: string, reason?: string) =>
      (
        await client.query<{ cancelOrder: { order: OrderView | null; userErrors: UserErrorView[] } }>(
          `mutation($id: ID!, $reason: String) { cancelOrder(orderId: $id, reason: $reason) { order { ${ORDER_FIELDS} } userErrors { field message code } } }`,
          { id: orderId, reason },
        )
      ).cancelOrder,
  };
}

/** The PaymentIntent id inside a client secret (`pi_…_secret_…`). */
export const intentOf = (clientSecret: string) => clientSecret.slice(0, clientSecret.indexOf('_secret_'));

/** Confirms a payment as Stripe.js does in a browser: the publishable key and the client secret. */
export async function payWith(stack: TestStack, clientSecret: string, paymentMethod = 'pm_card_visa'): Promise<{ status: number; body: Record<string, any> }> {
  const { url, publishableKey } = stack.stripe!;
  const res = await fetch(`${url}/v1/payment_intents/${intentOf(clientSecret)}/confirm`, {
    method: 'POST',
    headers: { authorization: `Bearer ${publishableKey}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ payment_method: paymentMethod, client_secret: clientSecret }).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** A pool on the test database with the given context's schema first on the search path. */
export const sqlIn = (stack: TestStack, schema: 'order' | 'catalog' | 'cart' | 'promotion' | 'subscription') =>
  new pg.Pool({ connectionString: stack.databaseUrl, max: 4, options: `-c search_path="${schema}"` });

export const rawOrderId = (id: string) => rawIdOf('Order', id, 'orderId');

/** An order row written straight to the table, for tests about reading orders rather than making them. */
export async function insertOrderRow(db: { query: (sql: string, values: unknown[]) => Promise<unknown> }, row: { id: string; number: string; personId: string; total: number }) {
  await db.query(
    `INSERT INTO "order"."order" (id, number, person_id, currency, subtotal, discount_total, shipping_total, tax_total, total, cart_id,
                                  shipping_address, shipping_method, idempotency_key, reserved_until, updated_at)
     VALUES ($1, $2, $3, 'USD', $4, 0, 0, 0, $4, gen_random_uuid(), $5, 'STANDARD', $6, now() + interval '15 minutes', now())`,
    [row.id, row.number, row.personId, row.total, JSON.stringify(ADDRESS), `fixture-${row.id}`],
  );
}
