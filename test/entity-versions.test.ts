// The version history through the API (SPEC §3 "Audit": every mutable entity, who, when, what,
// readable by staff), with every service running: each table of each context keeps versions or
// says why not; an admin's change, a shopper's cart, the checkout service's lock and the payment
// webhook's move are each named, with the request that made them; only support and admin read them.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../lib/subgraph-names.js';
import { UNVERSIONED_TABLES } from '../lib/versions.js';
import { cartApi, createVariants, unique } from '../subgraphs/cart/cart-fixtures.js';
import { orderApi, payWith, sqlIn } from '../subgraphs/order/order-fixtures.js';
import { errorCode, startTestStack, until, type GraphQLClient, type TestStack } from './harness.js';

const VERSIONS = `versions(first: 50) { edges { node { entity entityId operation at actor requestId changes { field from to } } } pageInfo { hasNextPage } }`;

interface Version {
  entity: string;
  entityId: string;
  operation: string;
  at: string;
  actor: string;
  requestId: string | null;
  changes: { field: string; from: string | null; to: string | null }[];
}
type Versions = { edges: { node: Version }[] } | null;

let stack: TestStack;
let sql: pg.Pool;
let support: GraphQLClient;

beforeAll(async () => {
  stack = await startTestStack({ workers: true, env: { OUTBOX_RELAY_MS: '50' } });
  sql = sqlIn(stack, 'order');
  support = await stack.as(unique('support'), 'support');
}, 120_000);
afterAll(async () => {
  await sql?.end();
  await stack?.close();
});

const nodes = (versions: Versions) => versions!.edges.map((e) => e.node);
const change = (v: Version, field: string) => v.changes.find((c) => c.field === field);

it('keeps versions of every table of every context, except those that say why not', async () => {
  const { rows } = await sql.query<{ context: string; table: string; versioned: boolean }>(
    `SELECT n.nspname AS context, c.relname AS table,
            EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid WHERE t.tgrelid = c.oid AND p.proname = 'record_version') AS versioned
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname = ANY($1) AND c.relname NOT IN ('_prisma_migrations', 'entity_version')`,
    [SUBGRAPHS],
  );
  for (const context of SUBGRAPHS) {
    const unversioned = rows.filter((r) => r.context === context && !r.versioned).map((r) => r.table);
    expect(unversioned.sort(), context).toEqual(Object.keys(UNVERSIONED_TABLES[context]).sort());
    expect(rows.filter((r) => r.context === context && r.versioned).length, context).toBeGreaterThan(1);
  }
});

describe("an admin's change to the catalog", () => {
  let productId: string;
  let variantId: string;

  beforeAll(async () => {
    const created = await createVariants(stack, [{ price: 2500, onHand: 10 }]);
    productId = created.productId;
    variantId = created.variantIds[0]!;
    const updated = await stack.admin.request(
      `mutation($id: ID!, $input: UpdateProductVariantInput!) { updateProductVariant(id: $id, input: $input) { userErrors { code } } }`,
      { id: variantId, input: { price: { amount: 2700, currencyCode: 'USD' }, title: 'Large' } },
      { 'x-request-id': 'audit-price-change' },
    );
    expect(updated.data?.updateProductVariant.userErrors).toEqual([]);
  });

  it('shows who changed what and when, newest first, with the request that did it', async () => {
    const data = await support.query<{ product: { versions: Versions } }>(`query($id: ID!) { product(id: $id) { ${VERSIONS} } }`, { id: productId });
    const versions = nodes(data.product.versions);
    // The price change is the newest: the variant's, and the product's lowest price that follows from it.
    const latest = versions.filter((v) => v.requestId === 'audit-price-change');
    expect(versions.slice(0, latest.length)).toEqual(latest);
    expect(latest.map((v) => [v.entity, v.operation, v.actor])).toEqual(
      expect.arrayContaining([
        ['product_variant', 'UPDATE', 'person:admin-1'],
        ['product', 'UPDATE', 'person:admin-1'],
      ]),
    );
    const variant = latest.find((v) => v.entity === 'product_variant')!;
    expect(variant.changes).toEqual([
      { field: 'price', from: '2500', to: '2700' },
      { field: 'title', from: expect.any(String), to: '"Large"' },
    ]);
    expect(change(latest.find((v) => v.entity === 'product')!, 'min_price')).toEqual({ field: 'min_price', from: '2500', to: '2700' });
    expect(Date.now() - Date.parse(variant.at)).toBeLessThan(60_000);
    // The product's creation is there too, with its variant, by the same admin.
    expect(versions.filter((v) => v.operation === 'INSERT').map((v) => v.entity)).toEqual(expect.arrayContaining(['product', 'product_variant']));
    expect(new Set(versions.map((v) => v.actor))).toEqual(new Set(['person:admin-1']));
  });

  it("shows a variant's stock with the variant", async () => {
    const data = await support.query<{ node: { versions: Versions } }>(`query($id: ID!) { node(id: $id) { ... on ProductVariant { ${VERSIONS} } } }`, { id: variantId });
    const versions = nodes(data.node.versions);
    expect(versions.map((v) => `${v.entity} ${v.operation}`)).toEqual(expect.arrayContaining(['product_variant UPDATE', 'product_variant INSERT', 'inventory_level INSERT']));
    expect(change(versions.find((v) => v.entity === 'inventory_level')!, 'on_hand')).toEqual({ field: 'on_hand', from: null, to: '10' });
  });

  it('is for staff only: a customer gets FORBIDDEN, an anonymous caller UNAUTHENTICATED', async () => {
    const query = `query($id: ID!) { product(id: $id) { name ${VERSIONS} } }`;
    const customer = await (await stack.as(unique('shopper'), 'customer')).request<{ product: { name: string; versions: Versions } }>(query, { id: productId });
    expect(errorCode(customer)).toBe('FORBIDDEN');
    expect(customer.data?.product).toMatchObject({ name: expect.any(String), versions: null });
    expect(errorCode(await stack.anonymous.request(query, { id: productId }))).toBe('UNAUTHENTICATED');
  });
});

describe('a purchase', () => {
  let shopperId: string;
  let cartId: string;
  let orderId: string;

  beforeAll(async () => {
    shopperId = unique('audited-shopper');
    const shopper = await stack.as(shopperId, 'customer');
    const { variantIds } = await createVariants(stack, [{ price: 1500, onHand: 10 }]);
    const cart = (await cartApi(shopper).create(undefined, [{ variantId: variantIds[0]!, quantity: 2 }])).cart!;
    cartId = cart.id;
    expect((await cartApi(shopper).add(cartId, variantIds[0]!, 1)).cart!.itemCount).toBe(3);
    const checkout = await orderApi(shopper).checkout({ cartId });
    orderId = checkout.order!.id;
    expect((await payWith(stack, checkout.paymentClientSecret!)).status).toBe(200);
    await until('the order paid', async () => (await orderApi(shopper).order(orderId))?.status, (status) => status === 'PAID', 30_000);
  }, 60_000);

  it("names the shopper for their cart, and the order service for locking it at checkout", async () => {
    const data = await support.query<{ cart: { versions: Versions } }>(`query($id: ID!) { cart(id: $id) { ${VERSIONS} } }`, { id: cartId });
    const versions = nodes(data.cart.versions).reverse();
    expect(versions.slice(0, 2).map((v) => [v.entity, v.operation, v.actor])).toEqual([
      ['cart', 'INSERT', `person:${shopperId}`],
      ['cart_line', 'INSERT', `person:${shopperId}`],
    ]);
    const locked = versions.find((v) => change(v, 'status')?.to === '"CHECKING_OUT"');
    expect(locked).toMatchObject({ entity: 'cart', operation: 'UPDATE', actor: 'service:order' });
    expect(change(locked!, 'status')!.from).toBe('"ACTIVE"');
    // The added unit is the line's change; the cart's clock moving with it records nothing.
    const added = versions.find((v) => v.entity === 'cart_line' && v.operation === 'UPDATE');
    expect(added).toMatchObject({ actor: `person:${shopperId}` });
    expect(change(added!, 'quantity')).toMatchObject({ from: '2', to: '3' });
    expect(versions.filter((v) => change(v, 'last_activity_at'))).toEqual([]);
  });

  it('names the shopper for the order, and the payment webhook for PAID', async () => {
    const data = await support.query<{ order: { versions: Versions } }>(`query($id: ID!) { order(id: $id) { ${VERSIONS} } }`, { id: orderId });
    const versions = nodes(data.order.versions);
    expect(versions.find((v) => v.entity === 'order' && v.operation === 'INSERT')).toMatchObject({ actor: `person:${shopperId}`, requestId: expect.any(String) });
    expect(versions.filter((v) => v.entity === 'order_line' && v.operation === 'INSERT')).toHaveLength(1);
    const paid = versions.find((v) => v.entity === 'order' && change(v, 'status')?.to === '"PAID"');
    expect(paid).toMatchObject({ operation: 'UPDATE', actor: 'system:payment-webhook' });
    // The checkout saga's steps are on record too, without its lease bookkeeping.
    expect(versions.some((v) => v.entity === 'checkout' && change(v, 'step'))).toBe(true);
    expect(versions.flatMap((v) => v.changes.map((c) => c.field))).not.toContain('lease_owner');
    // No version of this purchase is unattributed.
    expect(versions.filter((v) => v.actor === 'unattributed')).toEqual([]);
  });
});
