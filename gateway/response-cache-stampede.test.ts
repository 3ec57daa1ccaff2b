// The response cache under load (issue 14): the same miss asked many times at once is answered
// once, and an expired answer is served stale while one request refreshes it, so that popular pages
// never expire into a queue of misses. Real gateway and catalog; the catalog's max-age is 1 s.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, subgraphOperations, type TestStack } from '../test/harness.js';

let stack: TestStack;
let productId: string;
beforeAll(async () => {
  stack = await startTestStack({ env: { CATALOG_CACHE_MAX_AGE: '1', RESPONSE_CACHE_STALE_SECONDS: '30' } });
  const created = await stack.admin.query<{ createProduct: { product: { id: string } } }>(
    `mutation { createProduct(input: { slug: "stampede-tee", name: "Stampede tee", variants: [{ sku: "STAMP-1", price: { amount: 1000, currencyCode: USD } }] }) { product { id } } }`,
  );
  productId = created.createProduct.product.id;
});
afterAll(() => stack?.close());

const PAGE = 'query Page($slug: String!) { product(slug: $slug) { name variants { sku } } }';

async function page(slug = 'stampede-tee') {
  const res = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: PAGE, variables: { slug } }),
  });
  return { cacheControl: res.headers.get('cache-control'), age: res.headers.get('age'), body: (await res.json()) as { data?: { product: { name: string } | null }; errors?: unknown } };
}

describe('the response cache under load', () => {
  it('answers the same miss asked twenty times at once with one read', async () => {
    const before = await subgraphOperations(stack, 'catalog');
    const answers = await Promise.all(Array.from({ length: 20 }, () => page()));
    expect(await subgraphOperations(stack, 'catalog')).toBe(before + 1);
    expect(answers.map((a) => a.body.data)).toEqual(Array(20).fill({ product: { name: 'Stampede tee', variants: [{ sku: 'STAMP-1' }] } }));
  });

  it('serves an expired answer while one request refreshes it, then the refreshed one', async () => {
    await page(); // cached (or still fresh from the test above)
    await stack.admin.query(`mutation { updateProduct(id: "${productId}", input: { name: "Renamed tee" }) { userErrors { code } } }`);
    await sleep(1100); // past the catalog's max-age of 1 s

    const before = await subgraphOperations(stack, 'catalog');
    const stale = await Promise.all(Array.from({ length: 10 }, () => page()));
    for (const answer of stale) {
      expect(answer.body.data?.product?.name).toBe('Stampede tee');
      expect(answer.cacheControl).toBe('no-store'); // nobody downstream keeps a stale answer
      expect(Number(answer.age)).toBeGreaterThanOrEqual(1);
    }
    // One refresh in the background, whatever the number of requests that found the answer stale.
    await expect.poll(() => subgraphOperations(stack, 'catalog')).toBe(before + 1);
    await sleep(200);
    expect(await subgraphOperations(stack, 'catalog')).toBe(before + 1);

    const refreshed = await page();
    expect(refreshed.body.data?.product?.name).toBe('Renamed tee');
    expect(refreshed.cacheControl).toBe('max-age=1, public');
    expect(await subgraphOperations(stack, 'catalog')).toBe(before + 1);
  });
});
