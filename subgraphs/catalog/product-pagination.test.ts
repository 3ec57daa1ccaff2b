// Keyset pagination of the storefront listing through the gateway: every page walked in every sort
// holds each product once, stays correct while products are being added between page reads, and
// bad paging arguments are refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { createCategory, createProduct, rawId, uniqueSlug, useCatalogTestStack, type ProductView } from './catalog-fixtures.js';
import { LIST, page, productInput, productListing, sorted, type Sort } from './product-search-fixtures.js';

const env = useCatalogTestStack();
const { names, walk, walkBack } = productListing(env);

describe('pagination', () => {
  /** Products with distinct names, tied prices and one without variants, created in shuffled name order. */
  const SPECS: [string, number | null, string][] = [
    ['Pager Echo', 300, 'pager pager pager'],
    ['Pager Alpha', 500, 'pager'],
    ['Pager India', 100, 'pager pager'],
    ['Pager Charlie', 300, ''],
    ['Pager Golf', null, 'pager'],
    ['Pager Bravo', 900, 'pager pager pager pager'],
    ['Pager Foxtrot', 300, 'pager'],
    ['Pager Hotel', 100, ''],
    ['Pager Delta', 700, 'pager pager'],
  ];
  let category: string;
  const products: ProductView[] = [];

  beforeAll(async () => {
    category = await createCategory(env.stack.admin, uniqueSlug('pager'));
    for (const [name, price, description] of SPECS) {
      products.push(await createProduct(env.stack.admin, productInput(name, [category], price === null ? [] : [{ price }], { description })));
    }
  });

  const priceOf = (p: ProductView) => p.priceRange?.min.amount ?? null;
  /** Ties are broken by the raw id (the row's UUID) inside the API's id, whose order the API's id does not keep. */
  const byId = (a: ProductView, b: ProductView) => {
    const [x, y] = [rawId('Product', a.id), rawId('Product', b.id)];
    return x < y ? -1 : x > y ? 1 : 0;
  };
  /** The order each sort promises, computed independently of the database (ties by id). */
  const expectedOrder: Record<Exclude<Sort, 'RELEVANCE'>, (a: ProductView, b: ProductView) => number> = {
    PRICE_ASC: (a, b) => (priceOf(a) ?? Infinity) - (priceOf(b) ?? Infinity) || byId(a, b),
    PRICE_DESC: (a, b) => (priceOf(b) ?? -1) - (priceOf(a) ?? -1) || byId(b, a),
    NEWEST: (a, b) => b.createdAt.localeCompare(a.createdAt) || byId(b, a),
    NAME_ASC: (a, b) => (a.name < b.name ? -1 : 1),
    NAME_DESC: (a, b) => (a.name < b.name ? 1 : -1),
  };

  it.each(Object.keys(expectedOrder) as Exclude<Sort, 'RELEVANCE'>[])('walks every page of two in %s order, each product once, forwards and backwards', async (sort) => {
    const expected = [...products].sort(expectedOrder[sort]).map((p) => p.name);
    expect(await names({ categoryId: category }, sort)).toEqual(expected);
    expect(await walk({ categoryId: category }, sort, 2)).toEqual(expected);
    expect(await walkBack({ categoryId: category }, sort, 2)).toEqual(expected);
  });

  it('walks every page of two in RELEVANCE order, each product once, best match first', async () => {
    const filter = { categoryId: category, search: 'pager' };
    const onePage = await names(filter, 'RELEVANCE');
    expect(sorted(onePage)).toEqual(sorted(SPECS.map(([name]) => name)));
    expect(onePage[0]).toBe('Pager Bravo');
    expect(onePage.slice(-2).sort()).toEqual(['Pager Charlie', 'Pager Hotel']);
    expect(await walk(filter, 'RELEVANCE', 2)).toEqual(onePage);
    expect(await walkBack(filter, 'RELEVANCE', 2)).toEqual(onePage);
  });

  it('reports totalCount and pageInfo on every page', async () => {
    const first = await page(env.customer, { first: 4, filter: { categoryId: category }, sort: 'NAME_ASC' });
    expect(first.totalCount).toBe(SPECS.length);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0]!.cursor, endCursor: first.edges[3]!.cursor });
    const last = await page(env.customer, { first: 5, after: first.pageInfo.endCursor, filter: { categoryId: category }, sort: 'NAME_ASC' });
    expect(last.totalCount).toBe(SPECS.length);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const none = await page(env.customer, { first: 0, filter: { categoryId: category } });
    expect(none).toMatchObject({ totalCount: SPECS.length, edges: [], pageInfo: { hasNextPage: true, startCursor: null, endCursor: null } });
  });

  describe('when products are added between page reads', () => {
    /**
     * Six products in a fresh category; after the second page of two, one product that sorts
     * before the cursor and one that sorts after it are added. The walk must return the six
     * exactly once, in order, plus the later one where it belongs, and never the earlier one.
     */
    const scenarios: [Sort, (i: number) => [string, number, string], [string, number, string], [string, number, string]][] = [
      ['NAME_ASC', (i) => [`Item ${'BCDEFG'[i]}`, 100, ''], ['Item A', 100, ''], ['Item Z', 100, '']],
      ['NAME_DESC', (i) => [`Item ${'BCDEFG'[i]}`, 100, ''], ['Item Z', 100, ''], ['Item A', 100, '']],
      ['PRICE_ASC', (i) => [`Item ${i}`, 200 + i * 100, ''], ['Item cheap', 100, ''], ['Item dear', 5000, '']],
      ['PRICE_DESC', (i) => [`Item ${i}`, 200 + i * 100, ''], ['Item dear', 5000, ''], ['Item cheap', 100, '']],
      ['NEWEST', (i) => [`Item ${i}`, 100, ''], ['Item new 1', 100, ''], ['Item new 2', 100, '']],
      ['RELEVANCE', (i) => [`Item ${i}`, 100, Array(1 + (i % 3)).fill('widget').join(' ')], ['Widget Widget Item', 100, 'widget'], ['Item plain', 100, 'sold with a widget']],
    ];

    it.each(scenarios)('%s', async (sort, existingSpec, beforeSpec, afterSpec) => {
      const home = await createCategory(env.stack.admin, uniqueSlug(`insert-${sort.toLowerCase().replace('_', '-')}`));
      const create = ([name, price, description]: [string, number, string]) =>
        createProduct(env.stack.admin, productInput(name, [home], [{ price }], { description }));
      for (let i = 0; i < 6; i++) await create(existingSpec(i));
      const filter = sort === 'RELEVANCE' ? { categoryId: home, search: 'widget' } : { categoryId: home };
      const existing = await names(filter, sort);
      expect(existing).toHaveLength(6);

      const seen = await walk(filter, sort, 2, async (pageNumber) => {
        if (pageNumber !== 2) return;
        await create(beforeSpec);
        await create(afterSpec);
      });

      const now = await names(filter, sort);
      expect(now).toHaveLength(8);
      expect(new Set(seen).size).toBe(seen.length);
      const later = sort === 'NEWEST' ? [] : [afterSpec[0]];
      // What was read before the inserts, then everything that now follows the cursor.
      expect(seen).toEqual([...existing.slice(0, 4), ...now.slice(now.indexOf(existing[3]!) + 1)]);
      expect(seen).toEqual(now.filter((name) => existing.includes(name) || later.includes(name)));
      expect(seen).not.toContain(beforeSpec[0]);
      if (sort !== 'NEWEST') expect(seen).toContain(afterSpec[0]);
    });
  });

  describe('refuses bad paging arguments', () => {
    const codeOf = async (variables: Record<string, unknown>) => (await env.customer.request(LIST, variables)).errors?.map((e) => e.extensions?.code);

    it('first or last above 250 or below 0, and both ways at once', async () => {
      expect(await codeOf({ first: 251 })).toEqual(['BAD_USER_INPUT']);
      expect(await codeOf({ first: -1 })).toEqual(['BAD_USER_INPUT']);
      expect(await codeOf({ last: 251 })).toEqual(['BAD_USER_INPUT']);
      expect(await codeOf({ first: 2, last: 2 })).toEqual(['BAD_USER_INPUT']);
      expect(await codeOf({ first: 250 })).toBeUndefined();
      expect(await codeOf({ last: 250 })).toBeUndefined();
    });

    it('an after or before that is not a cursor, or is a cursor of another sort', async () => {
      const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      // Cursors carry the raw id of a row (a UUID), not the API's id.
      const someId = rawId('Product', products[0]!.id);
      const nameCursor = (await page(env.customer, { first: 1, filter: { categoryId: category }, sort: 'NAME_ASC' })).pageInfo.endCursor!;
      const cases: [string, Sort][] = [
        ['garbage!', 'NEWEST'],
        [b64({ id: someId }), 'NEWEST'],
        [b64([1]), 'NEWEST'],
        [b64(['2024-01-01T00:00:00.000Z', 'not-a-uuid']), 'NEWEST'],
        [b64(['not a date', someId]), 'NEWEST'],
        [b64([{ price: 1 }, someId]), 'PRICE_ASC'],
        [b64(['cheap', someId]), 'PRICE_ASC'],
        [b64([12, someId]), 'NAME_ASC'],
        [b64(['high', someId]), 'RELEVANCE'],
        [nameCursor, 'PRICE_ASC'],
        [nameCursor, 'NEWEST'],
      ];
      for (const [cursor, sort] of cases) {
        const filter = sort === 'RELEVANCE' ? { search: 'pager' } : {};
        expect([cursor, sort, await codeOf({ first: 2, after: cursor, sort, filter })]).toEqual([cursor, sort, ['BAD_USER_INPUT']]);
        expect([cursor, sort, await codeOf({ last: 2, before: cursor, sort, filter })]).toEqual([cursor, sort, ['BAD_USER_INPUT']]);
      }
    });
  });
});
