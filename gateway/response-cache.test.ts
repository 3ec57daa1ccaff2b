import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, subgraphOperations, type GraphQLClient, type TestStack } from '../test/harness.js';

let stack: TestStack;
let customer: GraphQLClient;
beforeAll(async () => {
  stack = await startTestStack({ env: { CATALOG_CACHE_MAX_AGE: '60' } });
  customer = await stack.as('c-1', 'customer');
  await stack.admin.query(
    `mutation { a: createProduct(input: { slug: "live-tee", name: "Live tee", variants: [{ sku: "LIVE-1", price: { amount: 1000, currencyCode: USD } }] }) { userErrors { code } }
                b: createProduct(input: { slug: "hidden-tee", name: "Hidden tee", active: false, variants: [{ sku: "HID-1", price: { amount: 1000, currencyCode: USD } }] }) { userErrors { code } } }`,
  );
});
afterAll(() => stack?.close());

const LISTING = '{ products(first: 10) { totalCount edges { node { slug variants { sku price { formatted } } } } } }';

async function post(token: string | null, query: string) {
  const res = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { res, body: (await res.json()) as { data?: any; errors?: unknown[] } };
}

describe('the gateway response cache', () => {
  it('serves a repeated shopper read from memory, shared between anonymous callers and customers', async () => {
    const first = await post(null, LISTING);
    expect(first.body.errors).toBeUndefined();
    expect(first.res.headers.get('cache-control')).toBe('max-age=60, public');
    const before = await subgraphOperations(stack, 'catalog');
    const again = await post(null, LISTING);
    const asCustomer = await post(customer.token, LISTING);
    expect(await subgraphOperations(stack, 'catalog')).toBe(before);
    expect(again.body).toEqual(first.body);
    expect(asCustomer.body).toEqual(first.body);
    expect(again.res.headers.get('age')).not.toBeNull();
  });

  it('sends a hit as the body the miss sent, byte for byte, written when it was stored', async () => {
    const query = '{ products(first: 5) { totalCount edges { node { slug name variants { sku } } } } }';
    const send = () => fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const miss = await send();
    const missBody = await miss.text();
    const hit = await send();
    const hitBody = await hit.text();
    expect(miss.headers.get('age')).toBeNull();
    expect(hit.headers.get('age')).not.toBeNull();
    expect(hitBody).toBe(missBody);
    // As Apollo Server writes any answer: its JSON and a newline.
    expect(hitBody).toBe(`${JSON.stringify(JSON.parse(hitBody))}\n`);
    expect(JSON.parse(hitBody).data.products.edges.map((e: { node: { slug: string } }) => e.node.slug)).toContain('live-tee');
  });

  it('never serves staff from it nor stores what staff see', async () => {
    const adminQuery = '{ products(first: 10, filter: { active: false }) { edges { node { slug } } } }';
    const before = await subgraphOperations(stack, 'catalog');
    const first = await post(stack.admin.token, adminQuery);
    const second = await post(stack.admin.token, adminQuery);
    expect(first.body.data.products.edges).toEqual([{ node: { slug: 'hidden-tee' } }]);
    expect(second.body).toEqual(first.body);
    expect(await subgraphOperations(stack, 'catalog')).toBe(before + 2);
    expect(first.res.headers.get('cache-control')).toBe('no-store');
    // An admin's read of the public listing does not come from, or go into, the shared cache.
    const adminListing = await post(stack.admin.token, LISTING);
    expect(adminListing.res.headers.get('age')).toBeNull();
  });

  it('never caches an operation that touches personal data', async () => {
    const query = '{ myCart { id } products(first: 1) { totalCount } }';
    await post(customer.token, query);
    const before = await subgraphOperations(stack, 'cart');
    const second = await post(customer.token, query);
    expect(await subgraphOperations(stack, 'cart')).toBe(before + 1);
    expect(second.res.headers.get('cache-control')).toBe('no-store');
  });

  it('never caches mutations', async () => {
    const mutation = 'mutation { setInventory(variantId: "00000000-0000-0000-0000-000000000000", onHand: 1) { userErrors { code } } }';
    const before = await subgraphOperations(stack, 'catalog');
    await post(stack.admin.token, mutation);
    await post(stack.admin.token, mutation);
    expect(await subgraphOperations(stack, 'catalog')).toBe(before + 2);
  });
});
