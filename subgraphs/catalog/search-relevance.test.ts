// Relevance you can measure (issue 13): the NDCG arithmetic checked by hand, then every query of
// search-judgments.json searched as a shopper searches the demo catalog, scored NDCG@10 against
// its judged products, and held to search-baseline.json: the run fails when the mean falls below
// the committed mean, or one query below its own figure, so a change to search that helps some
// queries cannot quietly hurt others. A change that makes search better commits the new figures:
//   UPDATE_SEARCH_BASELINE=1 npx vitest run subgraphs/catalog/search-relevance.test.ts
// SEARCH_RELEVANCE_REPORT=1 prints every query's figure.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../scripts/demo-catalog-write.js';
import { startTestStack, type TestStack } from '../../test/harness.js';
import type { CatalogServices } from './context.js';
import { dcg, meanNdcg, ndcgAt, type Judgments } from './search-relevance.js';
import { createCatalogServices } from './server.js';

const K = 10;
/** Rounding noise stays inside these; a real loss does not. */
const MEAN_TOLERANCE = 0.0005;
const QUERY_TOLERANCE = 0.02;

const JUDGMENTS_FILE = new URL('./search-judgments.json', import.meta.url);
const BASELINE_FILE = new URL('./search-baseline.json', import.meta.url);

interface JudgedQuery {
  query: string;
  kind: string;
  intent: string;
  relevant: Judgments;
}
interface Baseline {
  mean: number;
  queries: Record<string, number>;
  measuredAt: string;
}

const KINDS = ['type', 'material', 'brand', 'sku', 'category', 'multi', 'name-vs-description', 'prefix', 'typo', 'compound', 'synonym'];
const judged: JudgedQuery[] = (JSON.parse(readFileSync(JUDGMENTS_FILE, 'utf8')) as { queries: JudgedQuery[] }).queries;

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

describe('NDCG, worked by hand', () => {
  it('scores a ranking in the ideal order 1, whatever the grades', () => {
    expect(ndcgAt(K, ['a', 'b', 'c'], { a: 3, b: 2, c: 1 })).toBe(1);
    expect(ndcgAt(K, ['a'], { a: 1 })).toBe(1);
    // Products nobody judged after every judged one cost nothing.
    expect(ndcgAt(K, ['a', 'b', 'x', 'y'], { a: 2, b: 2 })).toBe(1);
  });

  it('scores 0 when nothing judged is found, and when nothing is judged', () => {
    expect(ndcgAt(K, [], { a: 3 })).toBe(0);
    expect(ndcgAt(K, ['x', 'y'], { a: 3 })).toBe(0);
    expect(ndcgAt(K, ['a'], {})).toBe(0);
    expect(meanNdcg([])).toBe(0);
  });

  it('discounts gain 2^grade − 1 by log2(rank + 1): a worked example', () => {
    // Grades in rank order 1, 3, 0: DCG = (2¹−1)/log2 2 + (2³−1)/log2 3 + 0 = 1 + 7/1.58496 = 5.41651.
    expect(dcg([1, 3, 0])).toBeCloseTo(5.41651, 5);
    // The ideal order of the judged grades 3, 2, 1: 7/1 + 3/1.58496 + 1/2 = 9.39279.
    expect(dcg([3, 2, 1])).toBeCloseTo(9.39279, 5);
    // b (3) second behind a (1), d (2) not found: 5.41651 / 9.39279 = 0.57667.
    expect(ndcgAt(K, ['a', 'b', 'c'], { a: 1, b: 3, d: 2 })).toBeCloseTo(0.57667, 5);
  });

  it('reads only the first k places, against the best k judged', () => {
    // At k = 1 the 1 found at rank 1 is measured against the 3 that should be there: 1/7.
    expect(ndcgAt(1, ['a', 'b'], { a: 1, b: 3 })).toBeCloseTo(1 / 7, 10);
    // The best judged product at rank 11 counts for nothing at k = 10.
    const ranked = [...Array.from({ length: 10 }, (_, i) => `x${i}`), 'a'];
    expect(ndcgAt(10, ranked, { a: 3 })).toBe(0);
    // A slug named like an Object property is not a judged product.
    expect(ndcgAt(K, ['constructor', 'a'], { a: 3 })).toBeCloseTo(1 / Math.log2(3), 10);
  });

  it('averages queries with equal weight', () => {
    expect(meanNdcg([1, 0, 0.5])).toBe(0.5);
  });
});

describe('search relevance over the demo catalog', () => {
  let stack: TestStack;
  let services: CatalogServices;

  beforeAll(async () => {
    stack = await startTestStack({ subgraphs: ['catalog'] });
    services = createCatalogServices({ config: stack.config });
    // One writer: products get ids in the plan's order every run. Search breaks ties in rank by
    // id, so concurrent writers would shuffle tied products and move the figures between runs.
    // The demo's synonym rules come with it (scripts/demo-catalog-data.ts DEMO_SYNONYMS).
    await seedCatalog(services, { concurrency: 1 });
  }, 180_000);

  afterAll(async () => {
    await services?.db.$disconnect();
    await stack?.close();
  });

  it('judges at least 40 queries, each once, with grades 1 to 3 of products shoppers can find', async () => {
    expect(judged.length).toBeGreaterThanOrEqual(40);
    expect(new Set(judged.map((q) => q.query.toLowerCase())).size).toBe(judged.length);
    const live = new Set((await services.db.product.findMany({ where: { active: true, deletedAt: null }, select: { slug: true } })).map((p) => p.slug));
    for (const { query, kind, intent, relevant } of judged) {
      expect(query.trim(), 'a query').not.toBe('');
      expect(KINDS, `kind of "${query}"`).toContain(kind);
      expect(intent.trim(), `intent of "${query}"`).not.toBe('');
      expect(Object.keys(relevant).length, `products judged for "${query}"`).toBeGreaterThan(0);
      for (const [slug, grade] of Object.entries(relevant)) {
        expect([1, 2, 3], `grade of ${slug} for "${query}"`).toContain(grade);
        expect(live.has(slug), `${slug} (judged for "${query}") is a live product of the demo catalog`).toBe(true);
      }
    }
  });

  it(`holds NDCG@${K} to the committed baseline, on average and query by query`, async () => {
    const SEARCH = `query($q: String!) { products(filter: { search: $q }, sort: RELEVANCE, first: ${K}) { edges { node { slug } } } }`;
    const scores: Record<string, number> = {};
    for (const { query, relevant } of judged) {
      const data = await stack.anonymous.query<{ products: { edges: { node: { slug: string } }[] } }>(SEARCH, { q: query });
      scores[query] = ndcgAt(K, data.products.edges.map((e) => e.node.slug), relevant);
    }
    const mean = meanNdcg(Object.values(scores));

    if (process.env.SEARCH_RELEVANCE_REPORT === '1') {
      const width = Math.max(...judged.map((q) => q.query.length));
      const rows = judged.map((q) => `${q.query.padEnd(width)}  ${q.kind.padEnd(20)} ${scores[q.query]!.toFixed(4)}`);
      console.log([`NDCG@${K} per query`, ...rows, `${'mean'.padEnd(width)}  ${''.padEnd(20)} ${mean.toFixed(4)}`].join('\n'));
    }

    if (process.env.UPDATE_SEARCH_BASELINE === '1') {
      const baseline: Baseline = {
        mean: round4(mean),
        queries: Object.fromEntries(judged.map((q) => [q.query, round4(scores[q.query]!)])),
        measuredAt: new Date().toISOString(),
      };
      writeFileSync(BASELINE_FILE, `${JSON.stringify(baseline, null, 2)}\n`);
      return;
    }

    const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Baseline;
    // Each query once: a query judged but never measured, or measured and no longer judged, is a
    // baseline to write again (UPDATE_SEARCH_BASELINE=1), not one to pass quietly.
    expect(Object.keys(baseline.queries).sort(), 'the baseline measures the judged queries').toEqual(judged.map((q) => q.query).sort());
    const fallen = judged
      .filter((q) => scores[q.query]! < baseline.queries[q.query]! - QUERY_TOLERANCE)
      .map((q) => `"${q.query}" ${baseline.queries[q.query]!.toFixed(4)} → ${scores[q.query]!.toFixed(4)}`);
    expect(fallen, 'queries whose NDCG fell below their baseline').toEqual([]);
    expect(mean, `mean NDCG@${K} (baseline ${baseline.mean})`).toBeGreaterThanOrEqual(baseline.mean - MEAN_TOLERANCE);
  }, 60_000);
});
