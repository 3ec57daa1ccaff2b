import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../lib/config.js';
import { startTestStack, subgraphOperations, type TestStack } from '../test/harness.js';
import { SCENARIOS } from '../bench/scenarios.js';
import { gatewaySettings } from './config.js';

let stack: TestStack;
let production: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  production = await startTestStack({ env: { NODE_ENV: 'production' }, subgraphs: ['catalog'] });
});
afterAll(async () => {
  await stack?.close();
  await production?.close();
});

const catalogOperations = (s: TestStack) => subgraphOperations(s, 'catalog');
const limitsOf = (s: TestStack) => readSettings(gatewaySettings, s.config);

const nested = (depth: number): string => (depth === 0 ? 'id' : `id children { ${nested(depth - 1)} }`);

async function refused(query: string, pattern: RegExp): Promise<void> {
  const before = await catalogOperations(stack);
  const res = await stack.anonymous.request(query);
  expect(res.data ?? null).toBeNull();
  expect(res.errors?.map((e) => e.message).join('\n')).toMatch(pattern);
  // Refused at the gateway: the subgraph never saw the operation.
  expect(await catalogOperations(stack)).toBe(before);
}

describe('query limits at the gateway', () => {
  it('answers a reasonable nested query', async () => {
    const res = await stack.anonymous.request(`{ categories { ${nested(4)} } }`);
    expect(res.errors).toBeUndefined();
  });

  it('refuses a too-deep query before any subgraph runs it', async () => {
    await refused(`{ categories { ${nested(limitsOf(stack).QUERY_MAX_DEPTH + 2)} } }`, /depth/i);
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: limitsOf(stack).QUERY_MAX_ALIASES + 1 }, (_, i) => `a${i}: categories { id }`).join(' ');
    await refused(`{ ${aliases} }`, /alias/i);
  });

  it('refuses too many tokens', async () => {
    const fields = Array.from({ length: limitsOf(stack).QUERY_MAX_TOKENS }, () => 'id').join(' ');
    await refused(`{ categories { ${fields} } }`, /token/i);
  });

  it('answers a body too large or not JSON with a GraphQL-shaped 4xx, never an HTML page or a 5xx', async () => {
    const post = (body: string) => fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const large = await post(JSON.stringify({ query: '{ categories { id } }', variables: { x: 'x'.repeat(1_100_000) } }));
    expect(large.status).toBe(413);
    expect(await large.json()).toEqual({ errors: [{ message: expect.stringMatching(/too large/i), extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    const broken = await post('{"query": "{ categories { id } }"');
    expect(broken.status).toBe(400);
    expect(broken.headers.get('content-type')).toMatch(/json/);
    expect(((await broken.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('blocks cross-site requests (CSRF prevention)', async () => {
    const res = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ categories { id } }' }) });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/i);
  });
});

describe('the cost of an operation', () => {
  const CARDS = `edges { node { id slug name priceRange { min { amount formatted } } images { url altText } variants { id price { amount formatted } inventory { available } } } }`;
  const NESTED = (first: string) =>
    `{ products(first: ${first}) { edges { node { categories { products(first: ${first}) { edges { node { categories { products(first: ${first}) { edges { node { id } } } } } } } } } } } }`;
  /** Apollo Client adds __typename to every selection set. */
  const withTypenames = (query: string) => query.replace(/\{/g, '{ __typename ');
  const costOf = async (query: string, variables?: Record<string, unknown>) => {
    const res = await stack.anonymous.request(query, variables);
    expect(res.errors).toBeUndefined();
    return res.extensions?.cost;
  };

  it('counts a list by its first, literal or variable, and by the argument default when the variable is absent', async () => {
    const literal = await costOf(`{ products(first: 12) { ${CARDS} } }`);
    expect(literal).toEqual({ estimated: expect.any(Number), limit: 50_000 });
    expect(await costOf(`query($first: Int) { products(first: $first) { ${CARDS} } }`, { first: 12 })).toEqual(literal);
    // products(first: Int = 20): an absent variable leaves the default.
    const defaulted = await costOf(`query($first: Int) { products(first: $first) { ${CARDS} } }`);
    expect(defaulted!.estimated).toBeGreaterThan(literal!.estimated);
    expect(await costOf(`{ products { ${CARDS} } }`)).toEqual(defaulted);
  });

  it('charges nothing for __typename, as Apollo Client sends it everywhere', async () => {
    const plain = await costOf(`query($first: Int) { products(first: $first) { totalCount ${CARDS} } }`, { first: 24 });
    expect(await costOf(withTypenames(`query($first: Int) { products(first: $first) { totalCount ${CARDS} } }`), { first: 24 })).toEqual(plain);
    expect(plain!.estimated).toBeLessThan(plain!.limit / 10);
  });

  it('refuses 250 × 250 × 250 rows with QUERY_TOO_COSTLY, its cost and the limit, before any subgraph runs it, however first is given', async () => {
    for (const [query, variables] of [
      [NESTED('250'), undefined],
      [`query($n: Int) ${NESTED('$n')}`, { n: 250 }],
    ] as const) {
      const before = await catalogOperations(stack);
      const res = await stack.anonymous.request(query, variables);
      expect(res.status).toBe(400);
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', cost: 785_003_001, limit: 50_000 });
      expect(res.errors?.[0]?.message).toMatch(/costs 785003001, more than the limit of 50000/);
      expect(await catalogOperations(stack)).toBe(before);
    }
  });

  it('costs one document afresh for each set of variables it comes with', async () => {
    const query = `query($n: Int) ${NESTED('$n')}`;
    const small = await stack.anonymous.request(query, { n: 2 });
    expect(small.status).toBe(200);
    expect(small.extensions?.cost?.estimated).toBeLessThan(1000);
    expect((await stack.anonymous.request(query, { n: 250 })).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect((await stack.anonymous.request(query, { n: 2 })).extensions?.cost).toEqual(small.extensions?.cost);
  });

  it('lets every storefront query of the benchmark through with room to spare', async () => {
    for (const scenario of SCENARIOS) {
      const res = await stack.anonymous.request(scenario.query, { ...scenario.variables({ slugs: ['none'], variantIds: [] })[0], cartId: 'none', variantId: 'none' });
      const cost = res.extensions?.cost;
      // Anonymous callers are refused the cart, but only after the cost was worked out.
      expect(res.errors?.find((e) => e.extensions?.code === 'QUERY_TOO_COSTLY')).toBeUndefined();
      if (cost) expect(cost.estimated, scenario.name).toBeLessThan(5_000);
    }
  });
});

describe('in production', () => {
  it('refuses introspection', async () => {
    const res = await production.anonymous.request('{ __schema { types { name } } }');
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.message).toMatch(/introspection/i);
  });

  it('does not suggest field names', async () => {
    const res = await production.anonymous.request('{ categorie { id } }');
    expect(res.errors?.[0]?.message).not.toMatch(/did you mean/i);
    const dev = await stack.anonymous.request('{ categorie { id } }');
    expect(dev.errors?.[0]?.message).toMatch(/did you mean/i);
  });
});

describe('operational endpoints', () => {
  it('serve health, readiness and metrics with per-operation histograms', async () => {
    await stack.anonymous.query('query ListCategories { categories { id } }');
    const base = new URL(stack.gatewayUrl);
    expect((await fetch(new URL('/healthz', base))).status).toBe(200);
    const ready = await fetch(new URL('/readyz', base));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { redis: 'ok', catalog: 'ok', promotion: 'ok' } });
    const metrics = await (await fetch(new URL('/metrics', base))).text();
    expect(metrics).toMatch(/graphql_request_duration_seconds_bucket\{.*operation_name="ListCategories"/);
    expect(metrics).toMatch(/graphql_requests_total\{operation_name="ListCategories",operation_type="query",outcome="ok"/);
    for (const url of Object.values(stack.subgraphUrls)) {
      expect((await fetch(new URL('/readyz', url))).status).toBe(200);
    }
  });

  it('serves the possible-types map for clients that cannot introspect, in production too', async () => {
    for (const s of [stack, production]) {
      const res = await fetch(new URL('/possible-types.json', s.gatewayUrl), { headers: { origin: 'https://shop.example' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBeTruthy();
      expect(await res.json()).toMatchObject({ UserError: expect.arrayContaining(['CartUserError', 'CatalogUserError']) });
    }
  });

  it('echoes the caller request id', async () => {
    const res = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-abc-123' },
      body: JSON.stringify({ query: '{ categories { id } }' }),
    });
    expect(res.headers.get('x-request-id')).toBe('req-abc-123');
  });
});
