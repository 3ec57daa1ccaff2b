// What the cart tests share: products created as an admin would, the cart's GraphQL operations
// as a client sends them, its service-only checkout operations as the order context calls them, and
// direct access to the cart tables and service for what the API hides.
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { globalId, rawIdOf } from '../../lib/global-id.js';
import type { GraphQLClient, GraphQLResponse, TestStack } from '../../test/harness.js';
import type { CartService } from './cart.service.js';
import type { BeginCheckoutInput } from './checkout.service.js';
import type { PrismaClient } from './prisma-client/client.js';
import { createCartServices } from './server.js';

export const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`;

export const CART_FIELDS = `id status currencyCode itemCount appliedCodes affiliateCode expiresAt
  lines { id quantity variant { id sku } unitPrice { amount currencyCode } lineTotal { amount } discountTotal { amount } }
  discounts { promotionId name code level amount { amount } lineId }
  subtotal { amount formatted } discountTotal { amount } shippingEstimate { amount } taxEstimate { amount } total { amount formatted }
  warnings { code lineId available previousUnitPrice { amount } promotionCode }`;

export interface CartView {
  id: string;
  status: string;
  currencyCode: string;
  itemCount: number;
  appliedCodes: string[];
  affiliateCode: string | null;
  expiresAt: string;
  lines: { id: string; quantity: number; variant: { id: string; sku: string }; unitPrice: { amount: number; currencyCode: string }; lineTotal: { amount: number }; discountTotal: { amount: number } }[];
  discounts: { promotionId: string; name: string; code: string | null; level: string; amount: { amount: number }; lineId: string | null }[];
  subtotal: { amount: number; formatted: string };
  discountTotal: { amount: number };
  shippingEstimate: { amount: number };
  taxEstimate: { amount: number };
  total: { amount: number; formatted: string };
  warnings: { code: string; lineId: string | null; available: number | null; previousUnitPrice: { amount: number } | null; promotionCode: string | null }[];
}

/** A cart's totals in minor units, as the tests compare them. */
export const totals = (cart: CartView | null) => ({
  subtotal: cart?.subtotal.amount,
  discountTotal: cart?.discountTotal.amount,
  shipping: cart?.shippingEstimate.amount,
  tax: cart?.taxEstimate.amount,
  total: cart?.total.amount,
});

export interface CartPayload {
  cart: CartView | null;
  userErrors: { field: string[] | null; message: string; code: string }[];
}

/** Creates one product (as an admin, through the gateway) with a variant per entry; returns the variant ids in order. */
export async function createVariants(
  stack: TestStack,
  variants: { price: number; onHand?: number; currencyCode?: string }[],
  product: { active?: boolean } = {},
): Promise<{ productId: string; variantIds: string[]; skus: string[] }> {
  const slug = unique('cart-product');
  const input = {
    slug,
    name: `Product ${slug}`,
    active: product.active ?? true,
    variants: variants.map((v, i) => ({ sku: `${slug}-${i}`.toUpperCase(), price: { amount: v.price, currencyCode: v.currencyCode ?? 'USD' }, onHand: v.onHand ?? 100 })),
  };
  const data = await stack.admin.query<{ createProduct: { product: { id: string; variants: { id: string; sku: string }[] } | null; userErrors: unknown[] } }>(
    `mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id variants { id sku } } userErrors { code message } } }`,
    { input },
  );
  const created = data.createProduct.product;
  if (!created) throw new Error(`createProduct failed: ${JSON.stringify(data.createProduct.userErrors)}`);
  const skus = input.variants.map((v) => v.sku);
  return { productId: created.id, variantIds: skus.map((sku) => created.variants.find((c) => c.sku === sku)!.id), skus };
}

/** Creates a promotion as an admin would (through the gateway) and returns its id. */
export async function createPromotion(stack: TestStack, input: Record<string, unknown>): Promise<string> {
  const data = await stack.admin.query<{ createPromotion: { promotion: { id: string } | null; userErrors: unknown[] } }>(
    `mutation($input: CreatePromotionInput!) { createPromotion(input: $input) { promotion { id } userErrors { field code message } } }`,
    { input },
  );
  if (!data.createPromotion.promotion) throw new Error(`createPromotion failed: ${JSON.stringify(data.createPromotion.userErrors)}`);
  return data.createPromotion.promotion.id;
}

/** The cart operations as a storefront sends them; each answers the payload. */
export function cartApi(client: GraphQLClient) {
  const call = async (field: string, query: string, variables: Record<string, unknown> = {}, headers?: Record<string, string>): Promise<CartPayload> => {
    const res = await client.request<Record<string, CartPayload>>(query, variables, headers);
    if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors ?? res)}`);
    return res.data[field]!;
  };
  const payload = `{ cart { ${CART_FIELDS} } userErrors { field message code } }`;
  return {
    create: (affiliateCode?: string, lines?: { variantId: string; quantity: number }[]) =>
      call('createCart', `mutation($input: CreateCartInput) { createCart(input: $input) ${payload} }`, { input: affiliateCode || lines ? { affiliateCode, lines } : null }),
    addMany: (cartId: string, lines: { variantId: string; quantity: number }[]) =>
      call('addCartLines', `mutation($c: ID!, $l: [CartLineInput!]!) { addCartLines(cartId: $c, lines: $l) ${payload} }`, { c: cartId, l: lines }),
    updateMany: (cartId: string, lines: { lineId: string; quantity: number }[]) =>
      call('updateCartLines', `mutation($c: ID!, $l: [CartLineUpdateInput!]!) { updateCartLines(cartId: $c, lines: $l) ${payload} }`, { c: cartId, l: lines }),
    removeMany: (cartId: string, lineIds: string[]) =>
      call('removeCartLines', `mutation($c: ID!, $l: [ID!]!) { removeCartLines(cartId: $c, lineIds: $l) ${payload} }`, { c: cartId, l: lineIds }),
    add: (cartId: string, variantId: string, quantity: number) =>
      call('addCartLine', `mutation($c: ID!, $v: ID!, $q: Int!) { addCartLine(cartId: $c, variantId: $v, quantity: $q) ${payload} }`, { c: cartId, v: variantId, q: quantity }),
    update: (cartId: string, lineId: string, quantity: number) =>
      call('updateCartLine', `mutation($c: ID!, $l: ID!, $q: Int!) { updateCartLine(cartId: $c, lineId: $l, quantity: $q) ${payload} }`, { c: cartId, l: lineId, q: quantity }),
    remove: (cartId: string, lineId: string) =>
      call('removeCartLine', `mutation($c: ID!, $l: ID!) { removeCartLine(cartId: $c, lineId: $l) ${payload} }`, { c: cartId, l: lineId }),
    /** `headers`: e.g. the x-forwarded-for a load balancer would set, to apply from a client address of the test's choosing. */
    applyCode: (cartId: string, code: string, headers?: Record<string, string>) =>
      call('applyPromotionCode', `mutation($c: ID!, $code: String!) { applyPromotionCode(cartId: $c, code: $code) ${payload} }`, { c: cartId, code }, headers),
    removeCode: (cartId: string, code: string) =>
      call('removePromotionCode', `mutation($c: ID!, $code: String!) { removePromotionCode(cartId: $c, code: $code) ${payload} }`, { c: cartId, code }),
    read: async (cartId: string) => (await client.query<{ cart: CartView | null }>(`query($id: ID!) { cart(id: $id) { ${CART_FIELDS} } }`, { id: cartId })).cart,
    mine: async () => (await client.query<{ myCart: CartView | null }>(`{ myCart { ${CART_FIELDS} } }`)).myCart,
  };
}

/** A new checkout's id as the cart's checkout operations take it: the order the saga is for. */
export const orderId = (): string => globalId('Order', randomUUID());

export const CHECKOUT_FIELDS = `cartId personId status checkoutId currencyCode affiliateCode
  lines { lineId variantId productId sku productName variantTitle unitPrice quantity discount lineTotal }
  discounts { promotionId name code amount }
  subtotal discountTotal shipping tax total`;

export interface CheckoutView {
  cartId: string;
  personId: string;
  status: string;
  checkoutId: string | null;
  currencyCode: string;
  affiliateCode: string | null;
  lines: { lineId: string; variantId: string; productId: string; sku: string; productName: string; variantTitle: string; unitPrice: number; quantity: number; discount: number; lineTotal: number }[];
  discounts: { promotionId: string; name: string; code: string | null; amount: number }[];
  subtotal: number;
  discountTotal: number;
  shipping: number;
  tax: number;
  total: number;
}

export interface CheckoutPayload {
  checkout: CheckoutView | null;
  userErrors: { field: string[] | null; message: string; code: string }[];
}

/** beginCartCheckout's input as the test sends it (ids global on the wire). */
export type BeginCheckout = BeginCheckoutInput;

/** A checkout's quote in the shape `totals` gives a cart's. */
export const checkoutTotals = (checkout: CheckoutView | null) => ({
  subtotal: checkout?.subtotal,
  discountTotal: checkout?.discountTotal,
  shipping: checkout?.shipping,
  tax: checkout?.tax,
  total: checkout?.total,
});

/**
 * The service-only checkout operations (cart.internal.graphql) as the order context's saga calls
 * them, on the cart subgraph with the client's token; `fields` is what each asks of the checkout.
 */
export function checkoutApi(client: GraphQLClient, fields = CHECKOUT_FIELDS) {
  const selection = `{ checkout { ${fields} } userErrors { field message code } }`;
  const queries = {
    beginCartCheckout: `mutation($input: BeginCartCheckoutInput!) { beginCartCheckout(input: $input) ${selection} }`,
    completeCartCheckout: `mutation($c: ID!, $k: ID!) { completeCartCheckout(cartId: $c, checkoutId: $k) ${selection} }`,
    reopenCart: `mutation($c: ID!, $k: ID!) { reopenCart(cartId: $c, checkoutId: $k) ${selection} }`,
  };
  const call = async (field: keyof typeof queries, variables: Record<string, unknown>): Promise<CheckoutPayload> => {
    const res = await client.request<Record<string, CheckoutPayload>>(queries[field], variables);
    if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors ?? res)}`);
    return res.data[field]!;
  };
  return {
    begin: (input: BeginCheckout) => call('beginCartCheckout', { input }),
    complete: (cartId: string, checkoutId: string) => call('completeCartCheckout', { c: cartId, k: checkoutId }),
    reopen: (cartId: string, checkoutId: string) => call('reopenCart', { c: cartId, k: checkoutId }),
    /** The whole response, for calls the API refuses with a GraphQL error. */
    request: (field: keyof typeof queries, variables: Record<string, unknown>): Promise<GraphQLResponse<Record<string, CheckoutPayload | null>>> =>
      client.request(queries[field], variables),
  };
}

/** A connection to the test database in the cart schema, for checks the API does not expose. */
export function cartSql(stack: TestStack): pg.Pool {
  return new pg.Pool({ connectionString: stack.databaseUrl, max: 4, options: '-c search_path=cart' });
}

/** Another process's CartService on the test database (e.g. a second expiry sweeper). */
export function cartService(stack: TestStack): { carts: CartService; db: PrismaClient } {
  const { carts, db } = createCartServices(stack.runtime);
  return { carts, db };
}

/** The row id behind a cart id the API answered, for checks in SQL. */
export const rawCartId = (cartId: string): string => rawIdOf('Cart', cartId, 'cartId');

/** Moves a cart's last activity back, as if it had been idle that many days. */
export async function idleFor(sql: pg.Pool, cartId: string, days: number): Promise<void> {
  await sql.query(`UPDATE cart SET last_activity_at = now() - make_interval(days => $2) WHERE id = $1`, [rawCartId(cartId), days]);
}
