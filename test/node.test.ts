// Relay's node(id:) and nodes(ids:) through the gateway, over every subgraph that owns a Node
// type: the id alone finds the object, with the same visibility as the object's own query; ids
// are typed, so one of the wrong type is refused with a clear error instead of missing.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId } from '../lib/global-id.js';
import { cartApi, createPromotion, createVariants } from '../subgraphs/cart/cart-fixtures.js';
import { createCategory, uniqueSlug } from '../subgraphs/catalog/catalog-fixtures.js';
import { errorCode, startTestStack, type GraphQLClient, type TestStack } from './harness.js';
import { insertOrderRow } from '../subgraphs/order/order-fixtures.js';

let stack: TestStack;
let alice: GraphQLClient;
const rows = { order: '0190f5a0-0000-7000-8000-0000000000a1', plan: '0190f5a0-0000-7000-8000-0000000000a2' };
const ids: Record<'product' | 'hiddenProduct' | 'variant' | 'category' | 'cart' | 'cartLine' | 'promotion' | 'order' | 'plan', string> = {} as never;

const NODE = `query($id: ID!) { node(id: $id) {
  __typename id
  ... on Product { name }
  ... on ProductVariant { sku product { id } }
  ... on Category { slug }
  ... on Cart { status itemCount }
  ... on Promotion { code }
  ... on Order { number }
  ... on SubscriptionPlan { name }
} }`;

beforeAll(async () => {
  stack = await startTestStack();
  alice = await stack.as('alice', 'customer');
  const mug = await createVariants(stack, [{ price: 1500 }]);
  const hidden = await createVariants(stack, [{ price: 900 }], { active: false });
  Object.assign(ids, { product: mug.productId, variant: mug.variantIds[0], hiddenProduct: hidden.productId });
  ids.category = await createCategory(stack.admin, uniqueSlug('mugs'));
  const cart = (await cartApi(alice).add((await cartApi(alice).create()).cart!.id, mug.variantIds[0]!, 2)).cart!;
  ids.cart = cart.id;
  ids.cartLine = cart.lines[0]!.id;
  ids.promotion = await createPromotion(stack, { name: 'Ten off', code: uniqueSlug('TEN').toUpperCase(), discountType: 'PERCENTAGE', percentOff: 10, currencyCode: 'USD' });
  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  await insertOrderRow(db, { id: rows.order, number: 'ORD-20261130-NODE', personId: 'alice', total: 3000 });
  await db.query(`INSERT INTO subscription.subscription_plan (id, name, price, currency, interval, updated_at) VALUES ($1, 'Tea weekly', 799, 'USD', 'WEEKLY', now())`, [rows.plan]);
  await db.end();
  ids.order = globalId('Order', rows.order);
  ids.plan = globalId('SubscriptionPlan', rows.plan);
});
afterAll(() => stack?.close());

const node = async (client: GraphQLClient, id: string) => (await client.query<{ node: Record<string, unknown> | null }>(NODE, { id })).node;

describe('node(id:)', () => {
  it("finds an object of every subgraph by its id alone, with the fields of its type", async () => {
    expect(await node(stack.anonymous, ids.product)).toMatchObject({ __typename: 'Product', id: ids.product });
    expect(await node(stack.anonymous, ids.variant)).toMatchObject({ __typename: 'ProductVariant', id: ids.variant, product: { id: ids.product } });
    expect(await node(stack.anonymous, ids.category)).toMatchObject({ __typename: 'Category', id: ids.category });
    expect(await node(alice, ids.cart)).toEqual({ __typename: 'Cart', id: ids.cart, status: 'ACTIVE', itemCount: 2 });
    expect(await node(alice, ids.order)).toEqual({ __typename: 'Order', id: ids.order, number: 'ORD-20261130-NODE' });
    expect(await node(stack.anonymous, ids.plan)).toEqual({ __typename: 'SubscriptionPlan', id: ids.plan, name: 'Tea weekly' });
    expect(await node(stack.admin, ids.promotion)).toMatchObject({ __typename: 'Promotion', id: ids.promotion });
  });

  it('answers null where the object\'s own query would: hidden products, other people\'s carts', async () => {
    expect(await node(stack.anonymous, ids.hiddenProduct)).toBeNull();
    expect(await node(stack.admin, ids.hiddenProduct)).toMatchObject({ __typename: 'Product', id: ids.hiddenProduct });
    const bob = await stack.as('bob', 'customer');
    expect(await node(bob, ids.cart)).toBeNull();
    expect(await node(alice, globalId('Cart', '0190f5a0-0000-7000-8000-00000000dead'))).toBeNull();
    expect(await node(stack.anonymous, globalId('Product', '0190f5a0-0000-7000-8000-00000000dead'))).toBeNull();
  });

  it('refuses an id the API did not issue, and the id of a type that is not a Node', async () => {
    for (const [id, message] of [
      ['0190f5a0-0000-7000-8000-000000000001', /id is not an id this API issued/],
      ['not-an-id', /id is not an id this API issued/],
      [ids.cartLine, /id is a CartLine id, and a CartLine is not a Node/],
    ] as const) {
      const res = await alice.request(NODE, { id });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(message);
    }
  });
});

describe('nodes(ids:)', () => {
  it('answers each id in order, null where node would be null', async () => {
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`;
    const { nodes } = await alice.query<{ nodes: ({ __typename: string; id: string } | null)[] }>(query, {
      ids: [ids.cart, ids.hiddenProduct, ids.variant, ids.order],
    });
    expect(nodes).toEqual([
      { __typename: 'Cart', id: ids.cart },
      null,
      { __typename: 'ProductVariant', id: ids.variant },
      { __typename: 'Order', id: ids.order },
    ]);
    expect(errorCode(await alice.request(query, { ids: [] }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await alice.request(query, { ids: Array.from({ length: 101 }, () => ids.cart) }))).toBe('BAD_USER_INPUT');
  });
});

describe('typed ids everywhere', () => {
  it('refuse an id of the wrong type with a clear error instead of missing', async () => {
    const res = await stack.anonymous.request(`query($id: ID) { product(id: $id) { id } }`, { id: ids.category });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toBe('id must be a Product id, not a Category id.');
  });

  it('are answered for references across subgraphs: a cart line points at the catalog variant by the same id', async () => {
    const { cart } = await alice.query<{ cart: { lines: { variant: { id: string; sku: string } }[] } }>(
      `query($id: ID!) { cart(id: $id) { lines { variant { id sku } } } }`,
      { id: ids.cart },
    );
    expect(cart.lines[0]!.variant.id).toBe(ids.variant);
  });
});
