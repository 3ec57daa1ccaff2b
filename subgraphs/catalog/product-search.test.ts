// The storefront listing through the gateway: full-text search, filters, sorts, facets,
// totalCount, and keyset pagination that stays correct while products are being added.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type GraphQLClient, type TestStack } from '../../test/harness.js';
import { catalogAdmin, createCategory, createProduct, uniqueSlug, type CreateProductInput, type ProductView } from './catalog-fixtures.js';

let stack: TestStack;
let customer: GraphQLClient;

beforeAll(async () => {
  stack = await startTestStack();
  customer = await stack.as('shopper-1', 'customer');
});
afterAll(() => stack?.close());

type Sort = 'RELEVANCE' | 'PRICE_ASC' | 'PRICE_DESC' | 'NEWEST' | 'NAME_ASC' | 'NAME_DESC';

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { id: string; name: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const LIST = `query($first: Int, $after: String, $filter: ProductFilter, $sort: ProductSort) {
  products(first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount
    edges { cursor node { id name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  } }`;

async function page(client: GraphQLClient, variables: { first?: number; after?: string | null; filter?: Record<string, unknown>; sort?: Sort }): Promise<Page> {
  return (await client.query<{ products: Page }>(LIST, variables)).products;
}

/** Names of every product matching the filter, in the listing's order (one page of up to 250). */
async function names(filter: Record<string, unknown>, sort?: Sort, client: GraphQLClient = customer): Promise<string[]> {
  return (await page(client, { first: 250, filter, sort })).edges.map((e) => e.node.name);
}

/** Walks every page of `size` and returns the names in the order seen; `between` runs after each page. */
async function walk(filter: Record<string, unknown>, sort: Sort, size: number, between?: (pageNumber: number) => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let n = 1; ; n++) {
    const p = await page(customer, { first: size, after, filter, sort });
    expect(p.edges.length).toBeLessThanOrEqual(size);
    expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
    seen.push(...p.edges.map((e) => e.node.name));
    if (!p.pageInfo.hasNextPage) return seen;
    expect(p.edges).toHaveLength(size);
    expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)!.cursor);
    after = p.pageInfo.endCursor;
    await between?.(n);
    if (n > 100) throw new Error('pagination does not end');
  }
}

type VariantSpec = { price: number; onHand?: number; active?: boolean; size?: string; colour?: string };

/**
 * A product with Size and Colour options (when its variants use them) in the given categories.
 * SKUs are searchable, so they carry no word of the name: a search must find what the test means.
 */
function productInput(name: string, categoryIds: string[], variants: VariantSpec[], extra: Partial<CreateProductInput> = {}): CreateProductInput {
  const slug = uniqueSlug(name.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
  const sizes = [...new Set(variants.flatMap((v) => (v.size ? [v.size] : [])))];
  const colours = [...new Set(variants.flatMap((v) => (v.colour ? [v.colour] : [])))];
  return {
    slug,
    name,
    categoryIds,
    options: [...(sizes.length ? [{ name: 'Size', values: sizes }] : []), ...(colours.length ? [{ name: 'Colour', values: colours }] : [])],
    variants: variants.map((v, i) => ({
      sku: `${uniqueSlug('sku')}-${i}`.toUpperCase(),
      price: v.price,
      onHand: v.onHand ?? 0,
      active: v.active ?? true,
      options: [...(v.size ? [{ name: 'Size', value: v.size }] : []), ...(v.colour ? [{ name: 'Colour', value: v.colour }] : [])],
    })),
    ...extra,
  };
}

describe('search, filters, sorts and facets', () => {
  let clothing: string, tops: string, tees: string, bottoms: string, footwear: string;
  const made: Record<string, ProductView> = {};

  beforeAll(async () => {
    clothing = await createCategory(stack.admin, uniqueSlug('clothing'));
    tops = await createCategory(stack.admin, uniqueSlug('tops'), clothing);
    tees = await createCategory(stack.admin, uniqueSlug('tees'), tops);
    bottoms = await createCategory(stack.admin, uniqueSlug('bottoms'), clothing);
    footwear = await createCategory(stack.admin, uniqueSlug('footwear'));
    const inputs: CreateProductInput[] = [
      productInput('Linen Shirt', [tops], [
        { price: 3000, onHand: 5, size: 'M', colour: 'Red' },
        { price: 3200, onHand: 0, size: 'L', colour: 'Blue' },
      ], { brand: 'Acme', description: 'A breezy shirt for warm days' }),
      productInput('Summer Dress', [clothing], [
        { price: 5000, onHand: 2, size: 'M', colour: 'Blue' },
        { price: 5500, onHand: 0, size: 'L', colour: 'Red' },
      ], { brand: 'Sunny', description: 'A light dress woven from linen' }),
      productInput('Graphic Tee', [tees], [
        { price: 1500, onHand: 10, size: 'S', colour: 'Red' },
        { price: 1500, onHand: 0, size: 'M', colour: 'Red' },
      ], { brand: 'Acme' }),
      productInput('Trail Runners', [footwear], [{ price: 12000, onHand: 0 }], { brand: 'Fleetfoot', description: 'Grippy soles' }),
      productInput('Chino Trousers', [bottoms], [
        { price: 4500, onHand: 3, size: 'M', colour: 'Blue' },
        { price: 900, onHand: 9, size: 'L', colour: 'Red', active: false },
      ], { brand: 'Acme' }),
      productInput('Hidden Hoodie', [tops], [{ price: 2000, onHand: 4 }], { active: false }),
      productInput('Archived Jacket', [clothing], [{ price: 8000, onHand: 4, size: 'M', colour: 'Red' }]),
      productInput('Basic Tee', [tees], []),
    ];
    // Runners get a SKU a shopper would type; Postgres must not stem it away.
    (inputs[3]!.variants as { sku: string }[])[0]!.sku = 'RUNNERS-7';
    for (const input of inputs) made[input.name] = await createProduct(stack.admin, input);
    await catalogAdmin(stack.admin).archiveProduct(made['Archived Jacket']!.id);
  });

  const LIVE = ['Linen Shirt', 'Summer Dress', 'Graphic Tee', 'Trail Runners', 'Chino Trousers', 'Basic Tee'];
  const sorted = (list: string[]) => [...list].sort();

  describe('full-text search', () => {
    it('ranks a product whose name matches above one that matches only in its description', async () => {
      expect(await names({ search: 'linen' }, 'RELEVANCE')).toEqual(['Linen Shirt', 'Summer Dress']);
      expect(await names({ search: 'linen' })).toEqual(['Linen Shirt', 'Summer Dress']);
    });

    it('finds a product by SKU, in any case', async () => {
      expect(await names({ search: 'RUNNERS-7' })).toEqual(['Trail Runners']);
      expect(await names({ search: 'runners-7' })).toEqual(['Trail Runners']);
      const sku = made['Graphic Tee']!.variants[0]!.sku;
      expect(await names({ search: sku })).toEqual(['Graphic Tee']);
    });

    it('finds products by brand', async () => {
      expect(sorted(await names({ search: 'acme' }))).toEqual(['Chino Trousers', 'Graphic Tee', 'Linen Shirt']);
      expect(await names({ search: 'Fleetfoot' })).toEqual(['Trail Runners']);
    });

    it('matches word forms and every word', async () => {
      expect(await names({ search: 'shirts' })).toEqual(['Linen Shirt']);
      expect(await names({ search: 'linen dress' })).toEqual(['Summer Dress']);
      expect(await names({ search: 'velvet' })).toEqual([]);
    });

    it('never finds inactive or archived products for customers', async () => {
      expect(await names({ search: 'hoodie' })).toEqual([]);
      expect(await names({ search: 'jacket' })).toEqual([]);
      expect(await names({ search: 'jacket' }, undefined, stack.admin)).toEqual([]);
    });

    it('finds a product by its new name after a rename, and not by the old one', async () => {
      const product = await createProduct(stack.admin, productInput('Velvet Scarf', [footwear], [{ price: 100 }]));
      try {
        await catalogAdmin(stack.admin).updateProduct(product.id, { name: 'Woollen Scarf' });
        expect(await names({ search: 'velvet' })).toEqual([]);
        expect(await names({ search: 'woollen' })).toEqual(['Woollen Scarf']);
      } finally {
        await catalogAdmin(stack.admin).archiveProduct(product.id);
      }
    });
  });

  describe('filters', () => {
    it('a category includes its descendants, three levels down', async () => {
      expect(sorted(await names({ categoryId: clothing }))).toEqual(['Basic Tee', 'Chino Trousers', 'Graphic Tee', 'Linen Shirt', 'Summer Dress']);
      expect(sorted(await names({ categoryId: tops }))).toEqual(['Basic Tee', 'Graphic Tee', 'Linen Shirt']);
      expect(sorted(await names({ categoryId: tees }))).toEqual(['Basic Tee', 'Graphic Tee']);
      expect(await names({ categoryId: footwear })).toEqual(['Trail Runners']);
      expect(await names({ categoryId: '00000000-0000-7000-8000-000000000000' })).toEqual([]);
    });

    it('Category.products lists the same products', async () => {
      const data = await customer.query(`query($id: ID) { category(id: $id) { products(first: 50) { totalCount edges { node { name } } } } }`, { id: tops });
      expect(data.category.products.totalCount).toBe(3);
      expect(sorted(data.category.products.edges.map((e: { node: { name: string } }) => e.node.name))).toEqual(['Basic Tee', 'Graphic Tee', 'Linen Shirt']);
    });

    it('a price range matches a product when one active variant is in it (bounds inclusive)', async () => {
      expect(sorted(await names({ priceMin: 1000, priceMax: 3000 }))).toEqual(['Graphic Tee', 'Linen Shirt']);
      expect(sorted(await names({ priceMin: 3100, priceMax: 3200 }))).toEqual(['Linen Shirt']);
      // Chino Trousers' 900 variant is inactive.
      expect(await names({ priceMax: 1000 })).toEqual([]);
      expect(sorted(await names({ priceMin: 5200 }))).toEqual(['Summer Dress', 'Trail Runners']);
    });

    it('option values must all hold on one and the same active variant', async () => {
      expect(sorted(await names({ options: [{ name: 'Size', values: ['M'] }, { name: 'Colour', values: ['Red'] }] }))).toEqual(['Graphic Tee', 'Linen Shirt']);
      // Summer Dress has an L and a Red, but not on one variant; Chino Trousers' L/Red is inactive.
      expect(await names({ options: [{ name: 'Size', values: ['L'] }, { name: 'Colour', values: ['Blue'] }] })).toEqual(['Linen Shirt']);
      expect(await names({ options: [{ name: 'Size', values: ['L'] }, { name: 'Colour', values: ['Red'] }] })).toEqual(['Summer Dress']);
      expect(await names({ options: [{ name: 'size', values: ['s', 'XL'] }] })).toEqual(['Graphic Tee']);
      expect(await names({ options: [{ name: ' Size ', values: ['S'] }] })).toEqual(['Graphic Tee']);
      expect(sorted(await names({ options: [{ name: 'Colour', values: ['Blue'] }] }))).toEqual(['Chino Trousers', 'Linen Shirt', 'Summer Dress']);
    });

    it('in stock means an active variant with stock available, combined with the other variant conditions', async () => {
      expect(sorted(await names({ inStock: true }))).toEqual(['Chino Trousers', 'Graphic Tee', 'Linen Shirt', 'Summer Dress']);
      expect(await names({ inStock: true, options: [{ name: 'Size', values: ['L'] }] })).toEqual([]);
      expect(await names({ inStock: true, priceMin: 1000, priceMax: 2000 })).toEqual(['Graphic Tee']);
      expect(sorted(await names({ inStock: true, categoryId: tops }))).toEqual(['Graphic Tee', 'Linen Shirt']);
    });

    it('combines search, category and price', async () => {
      expect(await names({ search: 'acme', categoryId: tops, priceMax: 2000 })).toEqual(['Graphic Tee']);
    });

    it('only staff may ask for inactive products', async () => {
      for (const client of [customer, stack.anonymous]) {
        const res = await client.request(LIST, { filter: { active: false } });
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
        expect(res.data ?? null).toBeNull();
      }
      expect(await names({ active: false }, undefined, stack.admin)).toEqual(['Hidden Hoodie']);
      expect(await names({ active: false }, undefined, await stack.as('support-1', 'support'))).toEqual(['Hidden Hoodie']);
      expect(sorted(await names({ categoryId: tops }, undefined, stack.admin))).toEqual(['Basic Tee', 'Graphic Tee', 'Linen Shirt']);
      expect(sorted(await names({ active: true, categoryId: tops }))).toEqual(['Basic Tee', 'Graphic Tee', 'Linen Shirt']);
    });

    it('refuses a reversed price range, a category id that is not an id and an overlong search', async () => {
      const reversed = await customer.request(LIST, { filter: { priceMin: 500, priceMax: 100 } });
      expect(reversed.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      const notAnId = await customer.request(LIST, { filter: { categoryId: 'shoes' } });
      expect(notAnId.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      const longSearch = await customer.request(LIST, { filter: { search: 'shirt '.repeat(40) } });
      expect(longSearch.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('sorts', () => {
    const everything = { categoryId: undefined };
    it.each<[Sort, string[]]>([
      ['PRICE_ASC', ['Graphic Tee', 'Linen Shirt', 'Chino Trousers', 'Summer Dress', 'Trail Runners', 'Basic Tee']],
      ['PRICE_DESC', ['Trail Runners', 'Summer Dress', 'Chino Trousers', 'Linen Shirt', 'Graphic Tee', 'Basic Tee']],
      ['NAME_ASC', ['Basic Tee', 'Chino Trousers', 'Graphic Tee', 'Linen Shirt', 'Summer Dress', 'Trail Runners']],
      ['NAME_DESC', ['Trail Runners', 'Summer Dress', 'Linen Shirt', 'Graphic Tee', 'Chino Trousers', 'Basic Tee']],
      ['NEWEST', ['Basic Tee', 'Chino Trousers', 'Trail Runners', 'Graphic Tee', 'Summer Dress', 'Linen Shirt']],
      // Without a search there is nothing to rank by: RELEVANCE lists the newest first.
      ['RELEVANCE', ['Basic Tee', 'Chino Trousers', 'Trail Runners', 'Graphic Tee', 'Summer Dress', 'Linen Shirt']],
    ])('%s', async (sort, expected) => {
      const listed = (await names(everything, sort)).filter((n) => LIVE.includes(n));
      expect(listed).toEqual(expected);
    });

    it('a price change moves the product in the price sorts', async () => {
      const product = await createProduct(stack.admin, productInput('Price Mover', [footwear], [{ price: 100_000 }]));
      try {
        expect(await names({ categoryId: footwear }, 'PRICE_ASC')).toEqual(['Trail Runners', 'Price Mover']);
        await catalogAdmin(stack.admin).updateVariant(product.variants[0]!.id, { price: 10 });
        expect(await names({ categoryId: footwear }, 'PRICE_ASC')).toEqual(['Price Mover', 'Trail Runners']);
      } finally {
        await catalogAdmin(stack.admin).archiveProduct(product.id);
      }
    });
  });

  describe('facets and totalCount', () => {
    const FACETS = `query($filter: ProductFilter) { products(first: 1, filter: $filter) {
      totalCount
      facets {
        categories { category { id } count }
        options { name values { value count } }
        priceRanges { min max count }
      } } }`;

    type Facets = {
      totalCount: number;
      facets: {
        categories: { category: { id: string }; count: number }[];
        options: { name: string; values: { value: string; count: number }[] }[];
        priceRanges: { min: number; max: number | null; count: number }[];
      };
    };
    const facetsFor = async (filter: Record<string, unknown>) => (await customer.query<{ products: Facets }>(FACETS, { filter })).products;
    const byCategory = (f: Facets) => Object.fromEntries(f.facets.categories.map((c) => [c.category.id, c.count]));

    it('counts categories with their descendants, option values and price buckets for the current filter', async () => {
      const result = await facetsFor({ categoryId: clothing });
      expect(result.totalCount).toBe(5);
      expect(byCategory(result)).toEqual({ [clothing]: 5, [tops]: 3, [tees]: 2, [bottoms]: 1 });
      expect(result.facets.options).toEqual([
        { name: 'Colour', values: [{ value: 'Blue', count: 3 }, { value: 'Red', count: 3 }] },
        { name: 'Size', values: [{ value: 'M', count: 4 }, { value: 'L', count: 2 }, { value: 'S', count: 1 }] },
      ]);
      expect(result.facets.priceRanges).toEqual([
        { min: 0, max: 2500, count: 1 },
        { min: 2500, max: 5000, count: 2 },
        { min: 5000, max: 10000, count: 1 },
        { min: 10000, max: 20000, count: 0 },
        { min: 20000, max: 50000, count: 0 },
        { min: 50000, max: null, count: 0 },
      ]);
    });

    it('group option names and values that differ only in case', async () => {
      const home = await createCategory(stack.admin, uniqueSlug('case'));
      const sized = (name: string, option: string, values: string[]) =>
        createProduct(stack.admin, {
          slug: uniqueSlug('case'),
          name,
          categoryIds: [home],
          options: [{ name: option, values }],
          variants: values.map((value) => ({ sku: uniqueSlug('SKU').toUpperCase(), price: 100, options: [{ name: option, value }] })),
        });
      await sized('Upper', 'Size', ['M', 'L']);
      await sized('Lower', 'size', ['m']);
      const result = await facetsFor({ categoryId: home });
      expect(result.facets.options).toHaveLength(1);
      expect(result.facets.options[0]!.name.toLowerCase()).toBe('size');
      expect(result.facets.options[0]!.values.map((v) => [v.value.toLowerCase(), v.count])).toEqual([['m', 2], ['l', 1]]);
      expect(await names({ categoryId: home, options: [{ name: 'SIZE', values: ['M'] }] }, 'NAME_ASC')).toEqual(['Lower', 'Upper']);
    });

    it('follow a search', async () => {
      const result = await facetsFor({ search: 'acme' });
      expect(result.totalCount).toBe(3);
      expect(byCategory(result)).toEqual({ [clothing]: 3, [tops]: 2, [tees]: 1, [bottoms]: 1 });
      expect(result.facets.priceRanges.map((b) => b.count)).toEqual([1, 2, 0, 0, 0, 0]);
    });

    it('are empty when nothing matches', async () => {
      const result = await facetsFor({ search: 'velvet' });
      expect(result).toEqual({
        totalCount: 0,
        facets: { categories: [], options: [], priceRanges: expect.arrayContaining([expect.objectContaining({ count: 0 })]) },
      });
    });
  });
});

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
    category = await createCategory(stack.admin, uniqueSlug('pager'));
    for (const [name, price, description] of SPECS) {
      products.push(await createProduct(stack.admin, productInput(name, [category], price === null ? [] : [{ price }], { description })));
    }
  });

  const priceOf = (p: ProductView) => p.priceRange?.min.amount ?? null;
  const byId = (a: ProductView, b: ProductView) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  /** The order each sort promises, computed independently of the database (ties by id). */
  const expectedOrder: Record<Exclude<Sort, 'RELEVANCE'>, (a: ProductView, b: ProductView) => number> = {
    PRICE_ASC: (a, b) => (priceOf(a) ?? Infinity) - (priceOf(b) ?? Infinity) || byId(a, b),
    PRICE_DESC: (a, b) => (priceOf(b) ?? -1) - (priceOf(a) ?? -1) || byId(b, a),
    NEWEST: (a, b) => b.createdAt.localeCompare(a.createdAt) || byId(b, a),
    NAME_ASC: (a, b) => (a.name < b.name ? -1 : 1),
    NAME_DESC: (a, b) => (a.name < b.name ? 1 : -1),
  };

  it.each(Object.keys(expectedOrder) as Exclude<Sort, 'RELEVANCE'>[])('walks every page of two in %s order, each product once', async (sort) => {
    const expected = [...products].sort(expectedOrder[sort]).map((p) => p.name);
    expect(await names({ categoryId: category }, sort)).toEqual(expected);
    expect(await walk({ categoryId: category }, sort, 2)).toEqual(expected);
  });

  it('walks every page of two in RELEVANCE order, each product once, best match first', async () => {
    const filter = { categoryId: category, search: 'pager' };
    const onePage = await names(filter, 'RELEVANCE');
    expect(sorted(onePage)).toEqual(sorted(SPECS.map(([name]) => name)));
    expect(onePage[0]).toBe('Pager Bravo');
    expect(onePage.slice(-2).sort()).toEqual(['Pager Charlie', 'Pager Hotel']);
    expect(await walk(filter, 'RELEVANCE', 2)).toEqual(onePage);
  });

  it('reports totalCount and pageInfo on every page', async () => {
    const first = await page(customer, { first: 4, filter: { categoryId: category }, sort: 'NAME_ASC' });
    expect(first.totalCount).toBe(SPECS.length);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0]!.cursor, endCursor: first.edges[3]!.cursor });
    const last = await page(customer, { first: 5, after: first.pageInfo.endCursor, filter: { categoryId: category }, sort: 'NAME_ASC' });
    expect(last.totalCount).toBe(SPECS.length);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const none = await page(customer, { first: 0, filter: { categoryId: category } });
    expect(none).toMatchObject({ totalCount: SPECS.length, edges: [], pageInfo: { hasNextPage: true, startCursor: null, endCursor: null } });
  });

  const sorted = (list: string[]) => [...list].sort();

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
      const home = await createCategory(stack.admin, uniqueSlug(`insert-${sort.toLowerCase().replace('_', '-')}`));
      const create = ([name, price, description]: [string, number, string]) =>
        createProduct(stack.admin, productInput(name, [home], [{ price }], { description }));
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
    const codeOf = async (variables: Record<string, unknown>) => (await customer.request(LIST, variables)).errors?.map((e) => e.extensions?.code);

    it('first above 250 or below 0', async () => {
      expect(await codeOf({ first: 251 })).toEqual(['BAD_USER_INPUT']);
      expect(await codeOf({ first: -1 })).toEqual(['BAD_USER_INPUT']);
      expect(await codeOf({ first: 250 })).toBeUndefined();
    });

    it('an after that is not a cursor, or is a cursor of another sort', async () => {
      const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const someId = products[0]!.id;
      const nameCursor = (await page(customer, { first: 1, filter: { categoryId: category }, sort: 'NAME_ASC' })).pageInfo.endCursor!;
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
      for (const [after, sort] of cases) {
        const filter = sort === 'RELEVANCE' ? { search: 'pager' } : {};
        expect([after, sort, await codeOf({ first: 2, after, sort, filter })]).toEqual([after, sort, ['BAD_USER_INPUT']]);
      }
    });
  });
});
