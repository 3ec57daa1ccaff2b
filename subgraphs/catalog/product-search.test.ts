// The storefront listing through the gateway, over one small catalog of its own: full-text search,
// filters, sorts, facets and totalCount, as customers, anonymous shoppers and staff see them.
import { beforeAll, describe, expect, it } from 'vitest';
import { globalId } from '../../lib/global-id.js';
import {
  UNKNOWN_UUID,
  badIdError,
  catalogAdmin,
  createCategory,
  createProduct,
  uniqueSlug,
  unknownId,
  usd,
  useCatalogTestStack,
  type CreateProductInput,
  type ProductView,
} from './catalog-fixtures.js';
import { LIST, productInput, productListing, sorted, type Sort } from './product-search-fixtures.js';

const env = useCatalogTestStack();
const { names } = productListing(env);

describe('search, filters, sorts and facets', () => {
  let clothing: string, tops: string, tees: string, bottoms: string, footwear: string;
  const made: Record<string, ProductView> = {};

  beforeAll(async () => {
    clothing = await createCategory(env.stack.admin, uniqueSlug('clothing'));
    tops = await createCategory(env.stack.admin, uniqueSlug('tops'), clothing);
    tees = await createCategory(env.stack.admin, uniqueSlug('tees'), tops);
    bottoms = await createCategory(env.stack.admin, uniqueSlug('bottoms'), clothing);
    footwear = await createCategory(env.stack.admin, uniqueSlug('footwear'));
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
    for (const input of inputs) made[input.name] = await createProduct(env.stack.admin, input);
    await catalogAdmin(env.stack.admin).archiveProduct(made['Archived Jacket']!.id);
  });

  const LIVE = ['Linen Shirt', 'Summer Dress', 'Graphic Tee', 'Trail Runners', 'Chino Trousers', 'Basic Tee'];

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
      expect(await names({ search: 'jacket' }, undefined, env.stack.admin)).toEqual([]);
    });

    it('finds as the shopper types: the last word by its beginning, whole words first', async () => {
      const whole = await createProduct(env.stack.admin, productInput('Zorblax Print', [footwear], [{ price: 100 }]));
      const prefix = await createProduct(env.stack.admin, productInput('Zorblaxian Poplin Blouse', [footwear], [{ price: 100 }]));
      try {
        expect(await names({ search: 'zorbl' })).toEqual(expect.arrayContaining(['Zorblax Print', 'Zorblaxian Poplin Blouse']));
        // Typed in full, the word matches itself first and still what begins with it.
        expect(await names({ search: 'zorblax' }, 'RELEVANCE')).toEqual(['Zorblax Print', 'Zorblaxian Poplin Blouse']);
        expect(await names({ search: 'zorblaxian popl' }, 'RELEVANCE')).toEqual(['Zorblaxian Poplin Blouse']);
        expect(await names({ search: 'zorblax popl' })).toEqual([]);
        // A space after the word: it is complete, only whole words match.
        expect(await names({ search: 'zorblax ' })).toEqual(['Zorblax Print']);
        expect(await names({ search: 'popl ' })).toEqual([]);
      } finally {
        await catalogAdmin(env.stack.admin).archiveProduct(whole.id);
        await catalogAdmin(env.stack.admin).archiveProduct(prefix.id);
      }
    });

    it('finds a product by its new name after a rename, and not by the old one', async () => {
      const product = await createProduct(env.stack.admin, productInput('Velvet Scarf', [footwear], [{ price: 100 }]));
      try {
        await catalogAdmin(env.stack.admin).updateProduct(product.id, { name: 'Woollen Scarf' });
        expect(await names({ search: 'velvet' })).toEqual([]);
        expect(await names({ search: 'woollen' })).toEqual(['Woollen Scarf']);
      } finally {
        await catalogAdmin(env.stack.admin).archiveProduct(product.id);
      }
    });
  });

  describe('filters', () => {
    it('a category includes its descendants, three levels down', async () => {
      expect(sorted(await names({ categoryId: clothing }))).toEqual(['Basic Tee', 'Chino Trousers', 'Graphic Tee', 'Linen Shirt', 'Summer Dress']);
      expect(sorted(await names({ categoryId: tops }))).toEqual(['Basic Tee', 'Graphic Tee', 'Linen Shirt']);
      expect(sorted(await names({ categoryId: tees }))).toEqual(['Basic Tee', 'Graphic Tee']);
      expect(await names({ categoryId: footwear })).toEqual(['Trail Runners']);
      expect(await names({ categoryId: unknownId('Category') })).toEqual([]);
    });

    it('Category.products lists the same products', async () => {
      const data = await env.customer.query(`query($id: ID) { category(id: $id) { products(first: 50) { totalCount edges { node { name } } } } }`, { id: tops });
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

    it('a price range in a currency matches variants priced in that currency only', async () => {
      expect(sorted(await names({ minPrice: usd(1000), maxPrice: usd(3000) }))).toEqual(['Graphic Tee', 'Linen Shirt']);
      expect(sorted(await names({ minPrice: usd(5200) }))).toEqual(['Summer Dress', 'Trail Runners']);
      expect(await names({ maxPrice: usd(1000) })).toEqual([]);
      // Every product here is priced in USD: the same amounts in euros match nothing.
      expect(await names({ minPrice: { amount: 1000, currencyCode: 'EUR' }, maxPrice: { amount: 3000, currencyCode: 'EUR' } })).toEqual([]);
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
      for (const client of [env.customer, env.stack.anonymous]) {
        const res = await client.request(LIST, { filter: { active: false } });
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
        expect(res.data ?? null).toBeNull();
      }
      expect(await names({ active: false }, undefined, env.stack.admin)).toEqual(['Hidden Hoodie']);
      expect(await names({ active: false }, undefined, await env.stack.as('support-1', 'support'))).toEqual(['Hidden Hoodie']);
      expect(sorted(await names({ categoryId: tops }, undefined, env.stack.admin))).toEqual(['Basic Tee', 'Graphic Tee', 'Linen Shirt']);
      expect(sorted(await names({ active: true, categoryId: tops }))).toEqual(['Basic Tee', 'Graphic Tee', 'Linen Shirt']);
    });

    it('refuses a reversed price range, a category id that is not an id and an overlong search', async () => {
      for (const [filter, message] of [
        [{ priceMin: 500, priceMax: 100 }, 'the lowest price must not exceed the highest'],
        [{ minPrice: { amount: 500, currencyCode: 'USD' }, maxPrice: { amount: 100, currencyCode: 'USD' } }, 'the lowest price must not exceed the highest'],
        [{ minPrice: { amount: 100, currencyCode: 'USD' }, maxPrice: { amount: 500, currencyCode: 'EUR' } }, 'minPrice and maxPrice must be in one currency'],
        [{ minPrice: { amount: 100, currencyCode: 'USD' }, priceMax: 500 }, 'give minPrice and maxPrice, or the deprecated priceMin and priceMax, not both'],
      ] as const) {
        const refused = await env.customer.request(LIST, { filter });
        expect(refused.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['BAD_USER_INPUT', message]]);
      }
      // Ids the API did not issue (a raw UUID among them) and a product's id are refused at the edge.
      for (const categoryId of ['shoes', UNKNOWN_UUID, made['Linen Shirt']!.id]) {
        const notACategoryId = await env.customer.request(LIST, { filter: { categoryId } });
        expect(notACategoryId.errors).toEqual([badIdError('Category', categoryId, 'filter.categoryId')]);
      }
      // A category id around something that is not a UUID is refused by the listing itself.
      const notAUuid = await env.customer.request(LIST, { filter: { categoryId: globalId('Category', 'shoes') } });
      expect(notAUuid.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      const longSearch = await env.customer.request(LIST, { filter: { search: 'shirt '.repeat(40) } });
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
      const product = await createProduct(env.stack.admin, productInput('Price Mover', [footwear], [{ price: 100_000 }]));
      try {
        expect(await names({ categoryId: footwear }, 'PRICE_ASC')).toEqual(['Trail Runners', 'Price Mover']);
        await catalogAdmin(env.stack.admin).updateVariant(product.variants[0]!.id, { price: usd(10) });
        expect(await names({ categoryId: footwear }, 'PRICE_ASC')).toEqual(['Price Mover', 'Trail Runners']);
      } finally {
        await catalogAdmin(env.stack.admin).archiveProduct(product.id);
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
    const facetsFor = async (filter: Record<string, unknown>) => (await env.customer.query<{ products: Facets }>(FACETS, { filter })).products;
    const byCategory = (f: Facets) => Object.fromEntries(f.facets.categories.map((c) => [c.category.id, c.count]));

    it('counts categories with their descendants, option values and price buckets for the current filter', async () => {
      const result = await facetsFor({ categoryId: clothing });
      expect(result.totalCount).toBe(5);
      // The category facet leaves the filter's category out (disjunctive, below): Footwear is there to choose instead.
      expect(byCategory(result)).toEqual({ [clothing]: 5, [tops]: 3, [tees]: 2, [bottoms]: 1, [footwear]: 1 });
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

    const optionCounts = (f: Facets) => Object.fromEntries(f.facets.options.map((o) => [o.name, Object.fromEntries(o.values.map((v) => [v.value, v.count]))]));

    it('are disjunctive: an option counts as if it were not filtered, the rest holding on the same variant', async () => {
      const size = (...values: string[]) => ({ name: 'Size', values });
      const unfiltered = await facetsFor({ categoryId: clothing });
      const medium = await facetsFor({ categoryId: clothing, options: [size('M')] });
      expect(medium.totalCount).toBe(4);
      // Size still lists every size as before M was chosen, so a shopper can add L.
      expect(optionCounts(medium).Size).toEqual(optionCounts(unfiltered).Size);
      // Colour counts the products with an M variant in that colour (Blue 3 and Red 3 over any variant).
      expect(optionCounts(medium).Colour).toEqual({ Blue: 2, Red: 2 });
      const mediumRed = await facetsFor({ categoryId: clothing, options: [size('M'), { name: 'colour', values: ['red'] }] });
      expect(mediumRed.totalCount).toBe(2);
      expect(optionCounts(mediumRed)).toEqual({ Colour: { Blue: 2, Red: 2 }, Size: { M: 2, L: 1, S: 1 } });
      // Each count is the total the listing has with that value in place of the facet's own condition.
      for (const [value, count] of Object.entries(optionCounts(mediumRed).Size!)) {
        expect((await facetsFor({ categoryId: clothing, options: [size(value), { name: 'Colour', values: ['Red'] }] })).totalCount).toBe(count);
      }
      // Values of one option are alternatives, options together must all hold.
      expect((await facetsFor({ categoryId: clothing, options: [size('M', 'L')] })).totalCount).toBe(4);
      expect((await facetsFor({ categoryId: clothing, options: [size('S', 'L'), { name: 'Colour', values: ['Red'] }] })).totalCount).toBe(2);
    });

    it('are disjunctive for categories and prices too', async () => {
      const inTees = await facetsFor({ search: 'acme', categoryId: tees });
      expect(inTees.totalCount).toBe(1);
      expect(byCategory(inTees)).toEqual(byCategory(await facetsFor({ search: 'acme' })));
      const cheap = await facetsFor({ categoryId: clothing, maxPrice: { amount: 2500, currencyCode: 'USD' } });
      expect(cheap.totalCount).toBe(1);
      // The bounds are left out of the price facet; its currency stays.
      expect(cheap.facets.priceRanges).toEqual((await facetsFor({ categoryId: clothing, minPrice: { amount: 0, currencyCode: 'USD' } })).facets.priceRanges);
      expect(cheap.facets.priceRanges.map((b) => b.count)).toEqual([1, 2, 1, 0, 0, 0]);
    });

    it('group option names and values that differ only in case', async () => {
      const home = await createCategory(env.stack.admin, uniqueSlug('case'));
      const sized = (name: string, option: string, values: string[]) =>
        createProduct(env.stack.admin, {
          slug: uniqueSlug('case'),
          name,
          categoryIds: [home],
          options: [{ name: option, values }],
          variants: values.map((value) => ({ sku: uniqueSlug('SKU').toUpperCase(), price: usd(100), options: [{ name: option, value }] })),
        });
      await sized('Upper', 'Size', ['M', 'L']);
      await sized('Lower', 'size', ['m']);
      const result = await facetsFor({ categoryId: home });
      expect(result.facets.options).toHaveLength(1);
      expect(result.facets.options[0]!.name.toLowerCase()).toBe('size');
      expect(result.facets.options[0]!.values.map((v) => [v.value.toLowerCase(), v.count])).toEqual([['m', 2], ['l', 1]]);
      expect(await names({ categoryId: home, options: [{ name: 'SIZE', values: ['M'] }] }, 'NAME_ASC')).toEqual(['Lower', 'Upper']);
    });

    it('price a product sold in two currencies by the currency the filter names', async () => {
      const scarves = await createCategory(env.stack.admin, uniqueSlug('scarves'));
      await createProduct(env.stack.admin, {
        slug: uniqueSlug('scarf'),
        name: 'Dual Scarf',
        categoryIds: [scarves],
        variants: [
          { sku: uniqueSlug('SCARF-USD').toUpperCase(), price: { amount: 3000, currencyCode: 'USD' } },
          { sku: uniqueSlug('SCARF-EUR').toUpperCase(), price: { amount: 1200, currencyCode: 'EUR' } },
        ],
      });
      const counts = async (filter: Record<string, unknown>) => (await facetsFor({ categoryId: scarves, ...filter })).facets.priceRanges.map((b) => b.count);
      expect(await counts({})).toEqual([1, 1, 0, 0, 0, 0]);
      expect(await counts({ minPrice: { amount: 0, currencyCode: 'EUR' } })).toEqual([1, 0, 0, 0, 0, 0]);
      expect(await counts({ minPrice: { amount: 0, currencyCode: 'USD' } })).toEqual([0, 1, 0, 0, 0, 0]);
      // 20.00 at most: the euro variant is, the dollar one is not; the deprecated bound ignores currencies.
      expect(await names({ categoryId: scarves, maxPrice: { amount: 2000, currencyCode: 'EUR' } })).toEqual(['Dual Scarf']);
      expect(await names({ categoryId: scarves, maxPrice: { amount: 2000, currencyCode: 'USD' } })).toEqual([]);
      expect(await names({ categoryId: scarves, priceMax: 2000 })).toEqual(['Dual Scarf']);
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
