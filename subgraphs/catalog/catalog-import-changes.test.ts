import { describe, expect, it } from 'vitest';
import { changesFor, type CatalogState, type StoredVariant } from './catalog-import-changes.js';
import { planImport, type PlannedProduct } from './catalog-import-rows.js';

const HEADER = 'product_slug,product_name,description,brand,product_active,categories,image_urls,option1_name,option1_value,sku,variant_title,price,compare_at_price,currency,weight_grams,variant_active,on_hand,reorder_threshold,location';
const FILE_ROWS = [
  'tee,Tee,Soft,Acme,true,apparel/tees,https://cdn.example.com/tee.jpg,Size,M,TEE-M,,25.00,,USD,180,true,7,2,default',
  'tee,,,,,,,Size,L,TEE-L,Large,27.00,30.00,USD,,true,0,5,default',
];
const plan = (...rows: string[]): PlannedProduct[] => {
  const p = planImport([HEADER, ...rows].join('\n'));
  expect(p.errors).toEqual([]);
  return p.products;
};

/** Ids in order of asking: id-1, id-2, … */
const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};

const variant = (over: Partial<StoredVariant>): StoredVariant => ({
  id: 'v-m', productId: 'p-tee', sku: 'TEE-M', title: 'M', price: 2500, compareAtPrice: null, currency: 'USD', weightGrams: 180, active: true,
  optionValueIds: ['val-m'], onHand: 7, reserved: 0, reorderThreshold: 2, location: 'default', ...over,
});

/** The catalog exactly as FILE_ROWS describe it. */
function storedTee(): CatalogState {
  return {
    products: new Map([['tee', { id: 'p-tee', slug: 'tee', name: 'Tee', description: 'Soft', brand: 'Acme', active: true, archived: false }]]),
    options: new Map([['p-tee', [{ id: 'o-size', name: 'Size', position: 0, values: [{ id: 'val-m', value: 'M', position: 0 }, { id: 'val-l', value: 'L', position: 1 }] }]]]),
    variants: new Map([
      ['TEE-M', variant({})],
      ['TEE-L', variant({ id: 'v-l', sku: 'TEE-L', title: 'Large', price: 2700, compareAtPrice: 3000, weightGrams: null, optionValueIds: ['val-l'], onHand: 0, reorderThreshold: 5 })],
    ]),
    variantCounts: new Map([['p-tee', 2]]),
    categories: new Map([['p-tee', ['tees']]]),
    images: new Map([['p-tee', [{ url: 'https://cdn.example.com/tee.jpg', altText: 'Front' }]]]),
  };
}

const empty = (): CatalogState => ({ products: new Map(), options: new Map(), variants: new Map(), variantCounts: new Map(), categories: new Map(), images: new Map() });
const triples = (errors: { line: number; column: string | null; code: string }[]) => errors.map((e) => [e.line, e.column, e.code]);

describe('changesFor', () => {
  it('creates a new product with its options, variants, stock, categories and images, and one ProductCreated', () => {
    const set = changesFor(plan(...FILE_ROWS), empty(), ids());
    expect(set.errors).toEqual([]);
    expect(set.products).toEqual([{ id: 'id-1', slug: 'tee', name: 'Tee', description: 'Soft', brand: 'Acme', active: true }]);
    expect(set.options).toEqual([{ id: 'id-2', productId: 'id-1', name: 'Size', position: 0 }]);
    expect(set.optionValues).toEqual([
      { id: 'id-3', optionId: 'id-2', value: 'M', position: 0 },
      { id: 'id-4', optionId: 'id-2', value: 'L', position: 1 },
    ]);
    expect(set.variants).toEqual([
      { id: 'id-5', productId: 'id-1', sku: 'TEE-M', title: 'M', price: 2500, compareAtPrice: null, currency: 'USD', weightGrams: 180, active: true, position: 0 },
      { id: 'id-6', productId: 'id-1', sku: 'TEE-L', title: 'Large', price: 2700, compareAtPrice: 3000, currency: 'USD', weightGrams: null, active: true, position: 1 },
    ]);
    expect(set.links).toEqual([{ variantId: 'id-5', optionValueId: 'id-3' }, { variantId: 'id-6', optionValueId: 'id-4' }]);
    expect(set.stock).toEqual([
      { variantId: 'id-5', onHand: 7, reorderThreshold: 2, location: 'default' },
      { variantId: 'id-6', onHand: 0, reorderThreshold: 5, location: 'default' },
    ]);
    expect(set.categoryLinks).toEqual([{ productId: 'id-1', categorySlug: 'tees' }]);
    expect(set.imageRows).toEqual([{ id: 'id-7', productId: 'id-1', url: 'https://cdn.example.com/tee.jpg', altText: null, position: 0 }]);
    expect(set.derived).toEqual(['id-1']);
    expect(set.events).toEqual([
      { type: 'ProductCreated', aggregateType: 'Product', aggregateId: 'id-1', data: { productId: 'id-1', slug: 'tee', name: 'Tee', active: true, skus: ['TEE-M', 'TEE-L'] } },
    ]);
    expect(set.counts).toEqual({ productsCreated: 1, productsUpdated: 0, productsUnchanged: 0, variantsCreated: 2, variantsUpdated: 0, variantsUnchanged: 0 });
  });

  it('changes nothing and records nothing when the catalog already is as the file says', () => {
    const set = changesFor(plan(...FILE_ROWS), storedTee(), ids());
    expect(set).toMatchObject({
      products: [], options: [], optionValues: [], variants: [], relinkedVariants: [], links: [], stock: [],
      recategorised: [], reimaged: [], derived: [], events: [], errors: [],
    });
    expect(set.counts).toEqual({ productsCreated: 0, productsUpdated: 0, productsUnchanged: 1, variantsCreated: 0, variantsUpdated: 0, variantsUnchanged: 2 });
  });

  it('writes only what differs, and says what changed as updateProduct does', () => {
    const set = changesFor(
      plan(
        'tee,Tee shirt,Soft,Acme,true,apparel/tees|sale,https://cdn.example.com/tee.jpg|https://cdn.example.com/back.jpg,size,m,TEE-M,,26.00,,USD,180,true,7,2,default',
        'tee,,,,,,,Size,XL,TEE-XL,,29.00,,USD,,,3,,',
      ),
      storedTee(),
      ids(),
    );
    expect(set.errors).toEqual([]);
    expect(set.products).toEqual([{ id: 'p-tee', slug: 'tee', name: 'Tee shirt', description: 'Soft', brand: 'Acme', active: true }]);
    expect(set.optionValues).toEqual([{ id: 'id-1', optionId: 'o-size', value: 'XL', position: 2 }]);
    // "m" is the stored "M": the title is spelled as stored, and the variant keeps its place.
    expect(set.variants).toEqual([
      { id: 'v-m', productId: 'p-tee', sku: 'TEE-M', title: 'M', price: 2600, compareAtPrice: null, currency: 'USD', weightGrams: 180, active: true, position: 0 },
      { id: 'id-2', productId: 'p-tee', sku: 'TEE-XL', title: 'XL', price: 2900, compareAtPrice: null, currency: 'USD', weightGrams: null, active: true, position: 2 },
    ]);
    expect(set.relinkedVariants).toEqual([]);
    expect(set.links).toEqual([{ variantId: 'id-2', optionValueId: 'id-1' }]);
    expect(set.categoryLinks).toEqual([{ productId: 'p-tee', categorySlug: 'tees' }, { productId: 'p-tee', categorySlug: 'sale' }]);
    // The image already there keeps its alt text.
    expect(set.imageRows.map((i) => [i.url, i.altText, i.position])).toEqual([
      ['https://cdn.example.com/tee.jpg', 'Front', 0],
      ['https://cdn.example.com/back.jpg', null, 1],
    ]);
    expect(set.events).toEqual([
      { type: 'ProductUpdated', aggregateType: 'Product', aggregateId: 'p-tee', data: { productId: 'p-tee', changed: ['name', 'categoryIds', 'options', 'variants', 'images'] } },
    ]);
    expect(set.counts).toMatchObject({ productsUpdated: 1, variantsCreated: 1, variantsUpdated: 1 });
  });

  it('sets stock as setInventory does: ProductUpdated (inventory) and InventoryLow, the product counted unchanged', () => {
    const state = storedTee();
    state.variants.set('TEE-M', variant({ onHand: 7, reserved: 1 }));
    const set = changesFor(plan('tee,Tee,Soft,Acme,true,apparel/tees,https://cdn.example.com/tee.jpg,Size,M,TEE-M,,25.00,,USD,180,true,3,,'), state, ids());
    expect(set.stock).toEqual([{ variantId: 'v-m', onHand: 3, reorderThreshold: 2, location: 'default' }]);
    expect(set.variants).toEqual([]);
    expect(set.events).toEqual([
      { type: 'InventoryLow', aggregateType: 'ProductVariant', aggregateId: 'v-m', data: { variantId: 'v-m', available: 2, reorderThreshold: 2, location: 'default' } },
      { type: 'ProductUpdated', aggregateType: 'Product', aggregateId: 'p-tee', data: { productId: 'p-tee', changed: ['inventory'] } },
    ]);
    expect(set.counts).toMatchObject({ productsUnchanged: 1, variantsUpdated: 1 });
  });

  it('leaves stock, title and everything else the file has no column for as they are', () => {
    const products = planImport('product_slug,sku,price,currency\ntee,TEE-M,25.00,USD\n').products;
    expect(changesFor(products, storedTee(), ids())).toMatchObject({ variants: [], stock: [], events: [], counts: { variantsUnchanged: 1 } });
  });

  it('refuses rows the stored catalog rules out, each at its line and column, and plans the rest', () => {
    const state = storedTee();
    state.variants.set('MUG-1', variant({ id: 'v-mug', productId: 'p-mug', sku: 'MUG-1' }));
    state.variants.set('TEE-M', variant({ reserved: 4 }));
    const set = changesFor(
      plan(
        'tee,Tee,Soft,Acme,true,apparel/tees,https://cdn.example.com/tee.jpg,Size,M,TEE-M,,25.00,,USD,180,true,3,2,default',
        'tee,,,,,,,Size,L,TEE-L,Large,27.00,30.00,EUR,,true,0,5,default',
        'tee,,,,,,,Size,S,MUG-1,,5.00,,USD,,,,,',
        'tee,,,,,,,Size,S,TEE-S,,5.00,,USD,,,,,',
      ),
      state,
      ids(),
    );
    expect(triples(set.errors)).toEqual([
      [2, 'on_hand', 'BELOW_RESERVED'],
      [3, 'currency', 'INVALID_CURRENCY'],
      [4, 'sku', 'SKU_TAKEN'],
    ]);
    expect([...set.rejected.lines]).toEqual([2, 3, 4]);
    expect(set.variants.map((v) => v.sku)).toEqual(['TEE-S']);
  });

  it('refuses a whole product that is archived, or new without a name or prices', () => {
    const state = storedTee();
    state.products.set('tee', { ...state.products.get('tee')!, archived: true });
    const products = planImport(
      ['product_slug,sku,price,currency', 'tee,TEE-M,1.00,USD', 'tee,TEE-L,1.00,USD', 'new-one,NEW-1,1.00,USD'].join('\n'),
    ).products;
    const newVariant = planImport('product_slug,product_name,sku\nfresh,Fresh,FRESH-1\n').products;
    const set = changesFor([...products, ...newVariant], state, ids());
    expect(triples(set.errors)).toEqual([
      [2, 'product_slug', 'PRODUCT_ARCHIVED'],
      [3, 'product_slug', 'INVALID_INPUT'],
      [4, 'product_name', 'INVALID_INPUT'],
      [2, 'price', 'INVALID_PRICE'],
      [2, 'currency', 'INVALID_CURRENCY'],
    ]);
    expect([...set.rejected.products]).toEqual(['tee', 'new-one', 'fresh']);
    expect(set.products).toEqual([]);
    expect(set.events).toEqual([]);
  });

  it('refuses a product the file would take past its limits of options and variants', () => {
    const state = storedTee();
    state.variantCounts.set('p-tee', 250);
    const set = changesFor(plan('tee,Tee,Soft,Acme,true,apparel/tees,https://cdn.example.com/tee.jpg,Size,M,TEE-NEW,,25.00,,USD,,,,,'), state, ids());
    expect(triples(set.errors)).toEqual([[2, 'sku', 'INVALID_INPUT']]);
    expect(set.errors[0]!.message).toBe('the product would have 251 variants, at most 250');
  });
});
