// Queries answered straight from one subgraph (gateway/direct-answers.ts), against the real
// gateway, catalog and cart: the first request of an operation goes through Apollo Gateway (which
// plans it), the next ones directly when the plan allows; either way the client gets the same
// bytes. The response cache is off so that every request reaches the executor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, subgraphOperations, type TestStack } from '../test/harness.js';

let stack: TestStack;
let customerToken: string;
beforeAll(async () => {
  stack = await startTestStack({ env: { CATALOG_CACHE_MAX_AGE: '0' }, subgraphs: ['catalog', 'cart', 'promotion'] });
  customerToken = await stack.token('direct-1', ['customer']);
  for (const [slug, stock] of [['direct-tee', 5], ['direct-mug', 0]] as const) {
    await stack.admin.query(
      `mutation { createProduct(input: { slug: "${slug}", name: "${slug}", variants: [{ sku: "${slug.toUpperCase()}-1", price: { amount: 1250, currencyCode: USD }, onHand: ${stock} },
                                                                                  { sku: "${slug.toUpperCase()}-2", price: { amount: 990, currencyCode: USD } }] }) { userErrors { code } } }`,
    );
  }
});
afterAll(() => stack?.close());

async function send(query: string, variables: Record<string, unknown> | string = {}, token: string | null = null, headers: Record<string, string> = {}) {
  const res = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    // Variables as JSON text when given as a string (JSON.stringify cannot write a key named __proto__).
    body: typeof variables === 'string' ? `{"query":${JSON.stringify(query)},"variables":${variables}}` : JSON.stringify({ query, variables }),
  });
  return { status: res.status, cacheControl: res.headers.get('cache-control'), body: await res.text() };
}

async function directCount(): Promise<number> {
  const text = await (await fetch(new URL('/metrics', stack.gatewayUrl))).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('gateway_direct_answers_total{'))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

/** Asks three times; answers the bodies' sameness and how many of the last two were answered directly. */
async function threeTimes(query: string, variables?: Record<string, unknown> | string, token?: string | null) {
  const first = await send(query, variables, token);
  const before = await directCount();
  const again = [await send(query, variables, token), await send(query, variables, token)];
  const direct = (await directCount()) - before;
  for (const answer of again) expect(answer).toEqual(first);
  return { first, direct };
}

const PAGE = `query CatalogPage($first: Int!) { products(first: $first) { totalCount
  edges { node { id title: name variants { id title sku price { amount currencyCode formatted } stock: inventory { available } } } } } }`;

describe('queries answered straight from one subgraph', () => {
  it('answers a catalog page directly after its first time, byte for byte what the gateway answered', async () => {
    const { first, direct } = await threeTimes(PAGE, { first: 20 });
    expect(direct).toBe(2);
    expect(first.status).toBe(200);
    const page = JSON.parse(first.body).data.products;
    expect(page.totalCount).toBe(2);
    expect(page.edges.map((e: { node: { title: string } }) => e.node.title).sort()).toEqual(['direct-mug', 'direct-tee']);
    expect(first.cacheControl).toBe('no-store');
  });

  it('answers aliases, variables and @include alike, directly', async () => {
    const query = `query Aliased($slug: String!, $withVariants: Boolean!) { one: product(slug: $slug) { name skus: variants @include(if: $withVariants) { sku } } }`;
    for (const withVariants of [true, false]) {
      const { first, direct } = await threeTimes(query, { slug: 'direct-tee', withVariants });
      expect(direct).toBe(2);
      expect(JSON.parse(first.body).data.one).toEqual(withVariants ? { name: 'direct-tee', skus: [{ sku: 'DIRECT-TEE-1' }, { sku: 'DIRECT-TEE-2' }] } : { name: 'direct-tee' });
    }
  });

  it('sends every variable the subgraph needs, one named __proto__ too', async () => {
    const { first, direct } = await threeTimes(`query P($__proto__: ProductFilter) { products(first: 5, filter: $__proto__) { totalCount } }`, '{"__proto__":{"search":"direct-tee"}}');
    expect(direct).toBe(2);
    expect(JSON.parse(first.body).data.products.totalCount).toBe(1);
  });

  it('leaves to the gateway a request that asks for its query plan', async () => {
    const query = `query Planned { products(first: 2) { totalCount } }`;
    const before = await directCount();
    for (let i = 0; i < 3; i++) {
      const answer = JSON.parse((await send(query, {}, null, { 'apollo-query-plan-experimental': '1' })).body);
      expect(answer.extensions.__queryPlanExperimental).toContain('Fetch(service: "catalog")');
    }
    expect(await directCount()).toBe(before);
  });

  it('leaves to the gateway what it must shape: fragments, abstract types, more than one subgraph', async () => {
    const withFragment = await threeTimes(`query Fragmented { products(first: 5) { edges { node { ...P } } } } fragment P on Product { slug }`);
    expect(withFragment.direct).toBe(0);
    const productId = JSON.parse((await send('{ product(slug: "direct-tee") { id } }')).body).data.product.id;
    const abstract = await threeTimes(`query Node($id: ID!) { node(id: $id) { ... on Product { slug } } }`, { id: productId });
    expect(abstract.direct).toBe(0);
    expect(JSON.parse(abstract.first.body).data.node).toEqual({ slug: 'direct-tee' });
    const twoSubgraphs = await threeTimes(`query Both { myCart { id } products(first: 1) { totalCount } }`, {}, customerToken);
    expect(twoSubgraphs.direct).toBe(0);
  });

  it('lets the gateway answer an answer with errors, as it always has', async () => {
    const query = `query Bad($first: Int!) { products(first: $first) { totalCount } }`;
    const asked = await subgraphOperations(stack, 'catalog');
    const { first, direct } = await threeTimes(query, { first: -1 });
    expect(direct).toBe(0);
    // Once per request: the gateway shapes what the direct fetch got, without asking again.
    expect(await subgraphOperations(stack, 'catalog')).toBe(asked + 3);
    // As the gateway shapes a subgraph's error: with the subgraph's name, and no data.
    expect(JSON.parse(first.body)).toMatchObject({ data: null, errors: [{ path: ['products'], extensions: { code: 'BAD_USER_INPUT', serviceName: 'catalog' } }] });
  });

  it('refuses variables the API schema refuses before asking any subgraph, as the gateway does', async () => {
    const query = `query Typed($first: Int!) { products(first: $first) { totalCount } }`;
    expect(JSON.parse((await send(query, { first: 1 })).body).data.products.totalCount).toBe(2); // planned, learnt
    const before = [await directCount(), await subgraphOperations(stack, 'catalog')];
    const refused = await send(query, { first: 'one' });
    expect(JSON.parse(refused.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect([await directCount(), await subgraphOperations(stack, 'catalog')]).toEqual(before);
  });

  it('lets the gateway report a subgraph that does not answer, as it always has', async () => {
    const query = `query Outage { products(first: 1) { totalCount } }`;
    expect(JSON.parse((await send(query)).body).data.products.totalCount).toBe(2); // planned, learnt
    const before = await directCount();
    await stack.stop('catalog');
    try {
      const answer = JSON.parse((await send(query)).body);
      // What the gateway answers for the same outage on an operation it has never planned.
      const unplanned = JSON.parse((await send(query.replace('Outage', 'OutageUnplanned'))).body);
      expect(answer.errors).toHaveLength(1);
      expect(answer).toEqual(unplanned);
    } finally {
      await stack.restart('catalog');
    }
    expect(await directCount()).toBe(before);
    expect(JSON.parse((await send(query)).body).data.products.totalCount).toBe(2);
  });

  it('never answers a mutation directly', async () => {
    const before = await directCount();
    const variantId = JSON.parse((await send('{ product(slug: "direct-tee") { variants { id } } }')).body).data.product.variants[0].id;
    const cartId = JSON.parse((await send('mutation { createCart { cart { id } } }', {}, customerToken)).body).data.createCart.cart.id;
    const mutation = `mutation Add($cartId: ID!, $variantId: ID!) { addCartLine(cartId: $cartId, variantId: $variantId, quantity: 1) { cart { itemCount } userErrors { code } } }`;
    for (let i = 1; i <= 3; i++) {
      const answer = JSON.parse((await send(mutation, { cartId, variantId }, customerToken)).body);
      expect(answer.data.addCartLine).toEqual({ cart: { itemCount: i }, userErrors: [] });
    }
    expect(await directCount()).toBe(before);
  });
});
