import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../lib/config.js';
import { startTestStack, subgraphOperations, type TestStack } from '../test/harness.js';
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

  it('refuses a too-costly query before any subgraph runs it', async () => {
    const fields = 'id slug name description brand active archived createdAt updatedAt';
    const variant = `variants { id sku title price { amount currencyCode formatted } compareAtPrice { amount } inventory { onHand reserved available } options { name value } }`;
    const product = `${fields} ${variant} images { id url altText } categories { id name parent { id name parent { id name } } children { id name } }`;
    const query = `{ products(first: 250) { edges { node { ${product} } } facets { categories { count category { ${fields.split(' ').slice(0, 3).join(' ')} children { id products { edges { node { ${product} } } } } } } } } }`;
    await refused(query, /cost/i);
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: limitsOf(stack).QUERY_MAX_ALIASES + 1 }, (_, i) => `a${i}: categories { id }`).join(' ');
    await refused(`{ ${aliases} }`, /alias/i);
  });

  it('refuses too many tokens', async () => {
    const fields = Array.from({ length: limitsOf(stack).QUERY_MAX_TOKENS }, () => 'id').join(' ');
    await refused(`{ categories { ${fields} } }`, /token/i);
  });

  it('blocks cross-site requests (CSRF prevention)', async () => {
    const res = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ categories { id } }' }) });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/i);
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

  it('echoes the caller request id', async () => {
    const res = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-abc-123' },
      body: JSON.stringify({ query: '{ categories { id } }' }),
    });
    expect(res.headers.get('x-request-id')).toBe('req-abc-123');
  });
});
