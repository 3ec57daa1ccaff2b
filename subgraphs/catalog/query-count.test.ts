// A listing page costs a fixed number of SQL statements however many products it shows: every
// relation is loaded in one batch per request (DataLoader), never once per product or variant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../test/harness.js';
import { createCategory, createProduct, uniqueSlug, type ProductView } from './catalog-fixtures.js';

let stack: TestStack;
let statements: string[] = [];
let category: string;
const products: ProductView[] = [];

beforeAll(async () => {
  stack = await startTestStack({ subgraphs: ['catalog'], onCatalogQuery: (sql) => statements.push(sql) });
  const parent = await createCategory(stack.admin, uniqueSlug('count-parent'));
  category = await createCategory(stack.admin, uniqueSlug('count'), parent);
  const extra = await createCategory(stack.admin, uniqueSlug('count-extra'));
  for (let i = 0; i < 50; i++) {
    const slug = uniqueSlug(`counted-${i}`);
    products.push(
      await createProduct(stack.admin, {
        slug,
        name: `Counted ${String(i).padStart(2, '0')}`,
        brand: 'Tally',
        categoryIds: [category, extra],
        options: [
          { name: 'Size', values: ['S', 'M', 'L'] },
          { name: 'Colour', values: ['Red', 'Blue'] },
        ],
        variants: ['S', 'M', 'L'].map((size, v) => ({
          sku: `${slug}-${size}`.toUpperCase(),
          price: { amount: 1000 + i * 10 + v, currencyCode: 'USD' },
          compareAtPrice: { amount: 5000, currencyCode: 'USD' },
          onHand: v,
          options: [{ name: 'Size', value: size }, { name: 'Colour', value: v % 2 ? 'Blue' : 'Red' }],
        })),
        images: [{ url: `https://cdn.example.com/${slug}/1.jpg`, altText: 'front' }, { url: `https://cdn.example.com/${slug}/2.jpg` }],
      }),
    );
  }
}, 120_000);
afterAll(() => stack?.close());

const PAGE = `query($first: Int, $filter: ProductFilter) {
  products(first: $first, filter: $filter, sort: NAME_ASC) {
    totalCount
    pageInfo { hasNextPage endCursor }
    facets {
      categories { count category { id slug parent { id } } }
      options { name values { value count } }
      priceRanges { min max count }
    }
    edges { cursor node {
      id slug name description brand active archived createdAt updatedAt
      options { id name position values }
      images { id url altText position }
      categories { id slug name parent { id slug } children { id } }
      priceRange { min { amount currencyCode formatted } max { amount } }
      variants {
        id sku title active availableForSale weightGrams
        price { amount currencyCode formatted } compareAtPrice { amount }
        options { name value }
        quantityAvailable inventory { available }
        product { id slug }
      }
    } }
  } }`;

/** The parts a product_details() statement reads, as written into it. */
const partsRead = (statement: string): string[] => [...(statement.match(/ARRAY\[([^\]]*)\]/)?.[1]?.matchAll(/'(\w+)'/g) ?? [])].map((m) => m[1]!);

/** Runs one request and returns the SQL statements the catalog ran for it. */
async function statementsFor(run: () => Promise<unknown>): Promise<string[]> {
  statements = [];
  await run();
  return statements;
}

describe('SQL statements per request', () => {
  it('a full listing page runs the same small number of statements for 10 and for 50 products', async () => {
    type Data = { products: { totalCount: number; edges: { node: { variants: unknown[]; images: unknown[]; categories: unknown[] } }[] } };
    let ten: Data | undefined;
    let fifty: Data | undefined;
    const forTen = await statementsFor(async () => (ten = await stack.anonymous.query<Data>(PAGE, { first: 10, filter: { categoryId: category } })));
    const forFifty = await statementsFor(async () => (fifty = await stack.anonymous.query<Data>(PAGE, { first: 50, filter: { categoryId: category } })));

    // The pages are what they claim to be: every relation was really read.
    expect(ten!.products.edges).toHaveLength(10);
    expect(fifty!.products.edges).toHaveLength(50);
    expect(fifty!.products.totalCount).toBe(50);
    for (const { node } of fifty!.products.edges) {
      expect(node.variants).toHaveLength(3);
      expect(node.images).toHaveLength(2);
      expect(node.categories).toHaveLength(2);
    }

    expect(forFifty.length, forFifty.join('\n')).toBe(forTen.length);
    // the page with its total, three facets, the category tree, and everything else of the products
    // in one statement: variants with their options and stock, images, options, category links.
    expect(forFifty.length, forFifty.join('\n')).toBeLessThanOrEqual(6);
    expect(forFifty.filter((q) => q.includes('product_details')).map(partsRead)).toEqual([['categories', 'images', 'options', 'variant_options', 'variants']]);
  });

  it('a page reads of its products only the parts it shows', async () => {
    // Issue 14's catalog page: the variants' prices and stock, nothing of their options, images or categories.
    const CATALOG_PAGE = `query($filter: ProductFilter) { products(first: 20, filter: $filter) { totalCount
      edges { node { id name variants { id title price { amount currencyCode } inventory { available } } } } } }`;
    type Data = { products: { totalCount: number; edges: { node: { variants: { inventory: { available: number } }[] } }[] } };
    let page: Data | undefined;
    const ran = await statementsFor(async () => (page = await stack.anonymous.query<Data>(CATALOG_PAGE, { filter: { categoryId: category } })));
    expect(page!.products.edges).toHaveLength(20);
    expect(page!.products.totalCount).toBe(products.length);
    for (const { node } of page!.products.edges) expect(node.variants.map((v) => v.inventory.available)).toEqual([0, 1, 2]);
    // the page with its total, and the products' variants with their stock.
    expect(ran.length, ran.join('\n')).toBe(2);
    // A page that finds nothing still has its total, from the same statement.
    let none: Data | undefined;
    const ranNone = await statementsFor(async () => (none = await stack.anonymous.query<Data>(CATALOG_PAGE, { filter: { categoryId: category, search: 'zzqxv-nothing' } })));
    expect(none!.products).toEqual({ totalCount: 0, edges: [] });
    expect(ranNone.filter((q) => q.includes('count(*)')), ranNone.join('\n')).toHaveLength(1);
    expect(ran.filter((q) => q.includes('product_details')).map(partsRead)).toEqual([['variants']]);

    // The same products' images and their variants' chosen options, asked through a fragment, in one statement.
    const SHOWN = `query($filter: ProductFilter) { products(first: 20, filter: $filter) { edges { node {
      images { url } priceRange { min { amount } } variants { ...Chosen } } } } }
      fragment Chosen on ProductVariant { id options { name value } }`;
    type Shown = { products: { edges: { node: { images: unknown[]; variants: { options: { name: string }[] }[] } }[] } };
    let shown: Shown | undefined;
    const ranShown = await statementsFor(async () => (shown = await stack.anonymous.query<Shown>(SHOWN, { filter: { categoryId: category } })));
    for (const { node } of shown!.products.edges) {
      expect(node.images).toHaveLength(2);
      expect(node.variants.map((v) => v.options.map((o) => o.name))).toEqual([['Size', 'Colour'], ['Size', 'Colour'], ['Size', 'Colour']]);
    }
    expect(ranShown.length, ranShown.join('\n')).toBe(2);
    expect(ranShown.filter((q) => q.includes('product_details')).map(partsRead)).toEqual([['images', 'variant_options', 'variants']]);
  });

  it('entity resolution of many variants at once is batched too', async () => {
    const catalog = stack.subgraph('catalog', await stack.serviceToken('cart'));
    const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ProductVariant {
      id sku price { amount } availableForSale options { name value } inventory { available } product { id name images { url } }
    } } }`;
    const refs = (n: number) => products.slice(0, n).flatMap((p) => p.variants.map((v) => ({ __typename: 'ProductVariant', id: v.id })));
    let resolved: { _entities: ({ id: string } | null)[] } | undefined;
    const forFew = await statementsFor(() => catalog.query(QUERY, { r: refs(2) }));
    const forMany = await statementsFor(async () => (resolved = await catalog.query(QUERY, { r: refs(50) })));
    expect(resolved!._entities).toHaveLength(150);
    expect(resolved!._entities.every((e) => e !== null)).toBe(true);
    expect(forMany.length, forMany.join('\n')).toBe(forFew.length);
    // variants with their options and stock, their products, and the products' images.
    expect(forMany.length, forMany.join('\n')).toBeLessThanOrEqual(3);
  });

  it('a product\'s categories alone, as a cart asks for them, do not read the rest of the product', async () => {
    const catalog = stack.subgraph('catalog', await stack.serviceToken('cart'));
    const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ProductVariant { id product { id categories { id } } } } }`;
    const refs = products.slice(0, 5).flatMap((p) => p.variants.map((v) => ({ __typename: 'ProductVariant', id: v.id })));
    let resolved: { _entities: { product: { categories: { id: string }[] } }[] } | undefined;
    const ran = await statementsFor(async () => (resolved = await catalog.query(QUERY, { r: refs })));
    expect(resolved!._entities).toHaveLength(15);
    for (const entity of resolved!._entities) expect(entity.product.categories).toHaveLength(2);
    expect(ran.filter((q) => q.includes('product_details')), ran.join('\n')).toEqual([]);
    // variants, their products, the category links and the category tree.
    expect(ran.length, ran.join('\n')).toBeLessThanOrEqual(4);
  });
});
