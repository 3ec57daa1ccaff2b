// Admin catalog writes through the gateway: what they store, what they refuse (and that a
// refusal leaves every row as it was), and who may call them.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type GraphQLClient, type TestStack } from '../../test/harness.js';
import {
  PRODUCT_FIELDS,
  catalogAdmin,
  catalogSnapshot,
  catalogSql,
  createCategory,
  createProduct,
  uniqueSlug,
  type CreateProductInput,
  type ProductView,
  type UserErrorView,
} from './catalog-fixtures.js';

let stack: TestStack;
let sql: pg.Pool;
let admin: ReturnType<typeof catalogAdmin>;
let customer: GraphQLClient;

beforeAll(async () => {
  stack = await startTestStack();
  sql = catalogSql(stack);
  admin = catalogAdmin(stack.admin);
  customer = await stack.as('customer-1', 'customer');
});
afterAll(async () => {
  await sql?.end();
  await stack?.close();
});

const codes = (errors: UserErrorView[]) => errors.map((e) => [e.code, e.field?.join('.') ?? null]);

/** A tee with sizes and colours, two variants in stock, two images, in the given categories. */
function teeInput(slug = uniqueSlug('tee'), categoryIds: string[] = []): CreateProductInput {
  const sku = slug.toUpperCase();
  return {
    slug,
    name: 'Organic Cotton Tee',
    description: 'A soft tee',
    brand: 'Acme',
    categoryIds,
    options: [
      { name: 'Size', values: ['S', 'M', 'L'] },
      { name: 'Colour', values: ['Red', 'Blue'] },
    ],
    variants: [
      { sku: `${sku}-M-RED`, price: 2500, compareAtPrice: 3000, weightGrams: 180, onHand: 7, reorderThreshold: 2, options: [{ name: 'Size', value: 'M' }, { name: 'Colour', value: 'Red' }] },
      { sku: `${sku}-L-BLUE`, title: 'Large blue', price: 2700, options: [{ name: 'size', value: 'l' }, { name: 'colour', value: 'blue' }] },
    ],
    images: [
      { url: 'https://cdn.example.com/tee-front.jpg', altText: 'Front' },
      { url: 'https://cdn.example.com/tee-back.jpg' },
    ],
  };
}

/** Runs a write that must be refused, and proves it changed no catalog row and recorded no event. */
async function refusedWithoutChange<T extends { userErrors: UserErrorView[] }>(write: () => Promise<T>): Promise<T> {
  const before = await catalogSnapshot(sql);
  const payload = await write();
  expect(payload.userErrors.length).toBeGreaterThan(0);
  expect(await catalogSnapshot(sql)).toEqual(before);
  return payload;
}

async function outboxEvents(aggregateId: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
  const { rows } = await sql.query('SELECT type, data FROM outbox_event WHERE aggregate_id = $1 ORDER BY occurred_at, id', [aggregateId]);
  return rows;
}

describe('createProduct', () => {
  it('stores options, variants with their option values and stock, images and categories', async () => {
    const apparel = await createCategory(stack.admin, uniqueSlug('apparel'));
    const tees = await createCategory(stack.admin, uniqueSlug('tees'), apparel);
    const input = teeInput(undefined, [tees, apparel]);
    const { product, userErrors } = await admin.createProduct(input);
    expect(userErrors).toEqual([]);
    const sku = input.slug.toUpperCase();
    expect(product).toMatchObject({
      slug: input.slug,
      name: 'Organic Cotton Tee',
      description: 'A soft tee',
      brand: 'Acme',
      active: true,
      archived: false,
      options: [
        { name: 'Size', position: 0, values: ['S', 'M', 'L'] },
        { name: 'Colour', position: 1, values: ['Red', 'Blue'] },
      ],
      variants: [
        {
          sku: `${sku}-M-RED`,
          title: 'M / Red',
          active: true,
          availableForSale: true,
          weightGrams: 180,
          price: { amount: 2500, currencyCode: 'USD', formatted: '$25.00' },
          compareAtPrice: { amount: 3000, currencyCode: 'USD' },
          options: [{ name: 'Size', value: 'M' }, { name: 'Colour', value: 'Red' }],
          inventory: { onHand: 7, reserved: 0, available: 7, reorderThreshold: 2, location: 'default' },
        },
        {
          sku: `${sku}-L-BLUE`,
          title: 'Large blue',
          availableForSale: false,
          compareAtPrice: null,
          weightGrams: null,
          options: [{ name: 'Size', value: 'L' }, { name: 'Colour', value: 'Blue' }],
          inventory: { onHand: 0, reserved: 0, available: 0 },
        },
      ],
      images: [
        { url: 'https://cdn.example.com/tee-front.jpg', altText: 'Front', position: 0 },
        { url: 'https://cdn.example.com/tee-back.jpg', altText: null, position: 1 },
      ],
      priceRange: { min: { amount: 2500 }, max: { amount: 2700 } },
    });
    expect(product!.categories.map((c) => c.id).sort()).toEqual([apparel, tees].sort());

    const events = await outboxEvents(product!.id);
    expect(events).toEqual([
      { type: 'ProductCreated', data: expect.objectContaining({ productId: product!.id, slug: input.slug, skus: [`${sku}-M-RED`, `${sku}-L-BLUE`] }) },
    ]);
  });

  it('creates a bare product, and links a category named twice once', async () => {
    const category = await createCategory(stack.admin, uniqueSlug('bare'));
    const slug = uniqueSlug('bare');
    const { product, userErrors } = await admin.createProduct({ slug, name: 'Bare', categoryIds: [category, category] });
    expect(userErrors).toEqual([]);
    expect(product).toMatchObject({ slug, description: '', brand: null, options: [], variants: [], images: [], priceRange: null, categories: [{ id: category }] });
  });

  it('creates an inactive product that customers cannot see and admins can', async () => {
    const product = await createProduct(stack.admin, { ...teeInput(), active: false });
    expect(product.active).toBe(false);
    expect(product.variants.every((v) => !v.availableForSale)).toBe(true);
    expect((await catalogAdmin(customer).product(product.id))).toBeNull();
    expect((await admin.product(product.id))?.id).toBe(product.id);
  });

  describe('refuses bad input with the right code and changes nothing', () => {
    let existing: ProductView;
    beforeAll(async () => {
      existing = await createProduct(stack.admin, teeInput());
    });

    const cases: [string, (input: CreateProductInput) => CreateProductInput, [string, string | null][]][] = [
      ['a negative price', (i) => ({ ...i, variants: [{ sku: 'NEG-1', price: -100 }] }), [['INVALID_PRICE', 'input.variants.0.price']]],
      ['a negative compare-at price', (i) => ({ ...i, variants: [{ sku: 'NEG-2', price: 100, compareAtPrice: -1 }] }), [['INVALID_PRICE', 'input.variants.0.compareAtPrice']]],
      ['one SKU twice in one input', (i) => ({ ...i, variants: [{ sku: 'TWICE-1', price: 1 }, { sku: 'twice-1', price: 2 }] }), [['SKU_TAKEN', 'input.variants.1.sku']]],
      ['stock below zero', (i) => ({ ...i, variants: [{ sku: 'Q-1', price: 1, onHand: -1 }] }), [['QUANTITY_OUT_OF_RANGE', 'input.variants.0.onHand']]],
      ['stock above the maximum', (i) => ({ ...i, variants: [{ sku: 'Q-2', price: 1, onHand: 10_000_001 }] }), [['QUANTITY_OUT_OF_RANGE', 'input.variants.0.onHand']]],
      ['a name too long', (i) => ({ ...i, name: 'n'.repeat(201) }), [['TOO_LONG', 'input.name']]],
      ['a description too long', (i) => ({ ...i, description: 'd'.repeat(10_001) }), [['TOO_LONG', 'input.description']]],
      ['a SKU too long', (i) => ({ ...i, variants: [{ sku: 'S'.repeat(65), price: 1 }] }), [['TOO_LONG', 'input.variants.0.sku']]],
      ['an image URL that is not http(s)', (i) => ({ ...i, images: [{ url: 'ftp://cdn.example.com/a.jpg' }] }), [['INVALID_URL', 'input.images.0.url']]],
      ['an image URL that is relative', (i) => ({ ...i, images: [{ url: 'https://cdn.example.com/ok.jpg' }, { url: 'tee.jpg' }] }), [['INVALID_URL', 'input.images.1.url']]],
      ['a variant naming a value its option lacks', (i) => ({ ...i, variants: [{ sku: 'U-1', price: 1, options: [{ name: 'Size', value: 'XXL' }] }] }), [['UNKNOWN_OPTION_VALUE', 'input.variants.0.options.0']]],
      ['a variant naming an option the product lacks', (i) => ({ ...i, options: [], variants: [{ sku: 'U-2', price: 1, options: [{ name: 'Fit', value: 'Slim' }] }] }), [['UNKNOWN_OPTION_VALUE', 'input.variants.0.options.0']]],
      ['an unknown currency', (i) => ({ ...i, variants: [{ sku: 'C-1', price: 1, currencyCode: 'ABC' }] }), [['INVALID_CURRENCY', 'input.variants.0.currencyCode']]],
      ['a slug that is not a slug', (i) => ({ ...i, slug: 'Not A Slug' }), [['INVALID_INPUT', 'input.slug']]],
      ['two options of one name', (i) => ({ ...i, variants: [], options: [{ name: 'Size', values: ['S'] }, { name: 'size', values: ['M'] }] }), [['OPTION_TAKEN', 'input.options.1.name']]],
      ['a category that does not exist', (i) => ({ ...i, categoryIds: ['00000000-0000-7000-8000-000000000000'] }), [['UNKNOWN_CATEGORY', 'input.categoryIds.0']]],
      ['a category id that is not an id', (i) => ({ ...i, categoryIds: ['shoes'] }), [['UNKNOWN_CATEGORY', 'input.categoryIds.0']]],
      ['several faults at once', (i) => ({ ...i, name: ' ', variants: [{ sku: 'M-1', price: -1, onHand: -1 }] }), [
        ['INVALID_INPUT', 'input.name'],
        ['INVALID_PRICE', 'input.variants.0.price'],
        ['QUANTITY_OUT_OF_RANGE', 'input.variants.0.onHand'],
      ]],
    ];
    it.each(cases)('%s', async (_label, mutate, expected) => {
      const { product, userErrors } = await refusedWithoutChange(() => admin.createProduct(mutate(teeInput())));
      expect(product).toBeNull();
      expect(codes(userErrors)).toEqual(expected);
    });

    it('a slug another product has', async () => {
      const { product, userErrors } = await refusedWithoutChange(() => admin.createProduct({ ...teeInput(), slug: existing.slug }));
      expect(product).toBeNull();
      expect(codes(userErrors)).toEqual([['SLUG_TAKEN', 'input.slug']]);
    });

    it('a SKU another product has', async () => {
      const input = teeInput();
      const variants = input.variants as { sku: string }[];
      variants[1]!.sku = existing.variants[0]!.sku;
      const { product, userErrors } = await refusedWithoutChange(() => admin.createProduct(input));
      expect(product).toBeNull();
      expect(codes(userErrors)).toEqual([['SKU_TAKEN', 'input.variants.1.sku']]);
    });
  });
});

describe('two admins racing for one slug or SKU', () => {
  it('lets exactly one through and answers the others with SLUG_TAKEN or SKU_TAKEN', async () => {
    const slug = uniqueSlug('race');
    const sameSlug = await Promise.all(Array.from({ length: 4 }, () => admin.createProduct({ slug, name: 'Racer' })));
    expect(sameSlug.filter((p) => p.product)).toHaveLength(1);
    expect(sameSlug.flatMap((p) => codes(p.userErrors))).toEqual(Array(3).fill(['SLUG_TAKEN', 'input.slug']));

    const sku = uniqueSlug('RACE').toUpperCase();
    const sameSku = await Promise.all(Array.from({ length: 4 }, () => admin.createProduct({ slug: uniqueSlug('race'), name: 'Racer', variants: [{ sku, price: 100 }] })));
    expect(sameSku.filter((p) => p.product)).toHaveLength(1);
    expect(sameSku.flatMap((p) => p.userErrors.map((e) => e.code))).toEqual(Array(3).fill('SKU_TAKEN'));

    const category = uniqueSlug('race-category');
    const sameCategory = await Promise.all(Array.from({ length: 4 }, () => admin.createCategory({ slug: category, name: 'Racer' })));
    expect(sameCategory.filter((c) => c.category)).toHaveLength(1);
    expect(sameCategory.flatMap((c) => codes(c.userErrors))).toEqual(Array(3).fill(['SLUG_TAKEN', 'input.slug']));
  });
});

describe('updateProduct', () => {
  it('changes fields, clears the brand, replaces categories and records ProductUpdated', async () => {
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((l) => createCategory(stack.admin, uniqueSlug(`upd-${l}`))));
    const product = await createProduct(stack.admin, teeInput(undefined, [a!, b!]));
    const slug = uniqueSlug('renamed');
    const { product: updated, userErrors } = await admin.updateProduct(product.id, {
      slug,
      name: '  Renamed Tee  ',
      description: 'New words',
      brand: null,
      categoryIds: [c!, b!],
    });
    expect(userErrors).toEqual([]);
    expect(updated).toMatchObject({ id: product.id, slug, name: 'Renamed Tee', description: 'New words', brand: null, active: true });
    expect(updated!.categories.map((x) => x.id).sort()).toEqual([b!, c!].sort());
    expect(updated!.variants).toEqual(product.variants);
    expect(new Date(updated!.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(product.updatedAt).getTime());

    const again = await admin.updateProduct(product.id, { categoryIds: [] });
    expect(again.product!.categories).toEqual([]);
    expect(again.product!.slug).toBe(slug);

    const events = await outboxEvents(product.id);
    expect(events.map((e) => e.type)).toEqual(['ProductCreated', 'ProductUpdated', 'ProductUpdated']);
    expect(events[1]!.data).toMatchObject({ productId: product.id, changed: expect.arrayContaining(['slug', 'name', 'categoryIds']) });
  });

  it('leaves fields that are not given alone', async () => {
    const product = await createProduct(stack.admin, teeInput());
    const { product: updated } = await admin.updateProduct(product.id, { active: false });
    expect(updated).toMatchObject({ slug: product.slug, name: product.name, description: product.description, brand: 'Acme', active: false });
    expect(updated!.categories).toEqual(product.categories);
  });

  it('refuses a slug another product has, an unknown category, and a missing product, changing nothing', async () => {
    const category = await createCategory(stack.admin, uniqueSlug('keep'));
    const product = await createProduct(stack.admin, teeInput(undefined, [category]));
    const other = await createProduct(stack.admin, teeInput());

    const taken = await refusedWithoutChange(() => admin.updateProduct(product.id, { name: 'Changed', slug: other.slug }));
    expect(codes(taken.userErrors)).toEqual([['SLUG_TAKEN', 'input.slug']]);

    const unknown = await refusedWithoutChange(() => admin.updateProduct(product.id, { name: 'Changed', categoryIds: [category, category, '00000000-0000-7000-8000-000000000000'] }));
    expect(codes(unknown.userErrors)).toEqual([['UNKNOWN_CATEGORY', 'input.categoryIds.2']]);

    const tooLong = await refusedWithoutChange(() => admin.updateProduct(product.id, { brand: 'b'.repeat(121) }));
    expect(codes(tooLong.userErrors)).toEqual([['TOO_LONG', 'input.brand']]);

    for (const id of ['00000000-0000-7000-8000-000000000000', 'not-an-id']) {
      const missing = await refusedWithoutChange(() => admin.updateProduct(id, { name: 'Ghost' }));
      expect(codes(missing.userErrors)).toEqual([['NOT_FOUND', 'id']]);
    }
    expect(await admin.product(product.id)).toMatchObject({ name: product.name, slug: product.slug, categories: [{ id: category }] });
  });
});

describe('archiveProduct', () => {
  const listing = `query($filter: ProductFilter) { products(first: 250, filter: $filter) { totalCount edges { node { id } } } }`;
  const ids = async (client: GraphQLClient, filter?: Record<string, unknown>) =>
    (await client.query<{ products: { edges: { node: { id: string } }[] } }>(listing, { filter })).products.edges.map((e) => e.node.id);

  it('takes the product off the storefront, keeps it for admins, and archiving twice is fine', async () => {
    const product = await createProduct(stack.admin, teeInput());
    expect(await ids(customer)).toContain(product.id);

    const { product: archived, userErrors } = await admin.archiveProduct(product.id);
    expect(userErrors).toEqual([]);
    expect(archived).toMatchObject({ id: product.id, archived: true });

    for (const client of [customer, stack.anonymous]) {
      expect(await ids(client)).not.toContain(product.id);
      expect(await ids(client, { search: 'organic tee' })).not.toContain(product.id);
      const bySlug = await client.query(`query($slug: String) { product(slug: $slug) { id } }`, { slug: product.slug });
      expect(bySlug.product).toBeNull();
      const byId = await client.query(`query($id: ID) { product(id: $id) { id } }`, { id: product.id });
      expect(byId.product).toBeNull();
    }
    expect(await ids(stack.admin)).not.toContain(product.id);
    expect(await ids(stack.admin, { active: false })).not.toContain(product.id);
    const forAdmin = await stack.admin.query(`query($slug: String) { product(slug: $slug) { id archived variants { sku } } }`, { slug: product.slug });
    expect(forAdmin.product).toEqual({ id: product.id, archived: true, variants: product.variants.map((v) => ({ sku: v.sku })) });

    const twice = await admin.archiveProduct(product.id);
    expect(twice.userErrors).toEqual([]);
    expect(twice.product).toMatchObject({ id: product.id, archived: true });
    expect((await outboxEvents(product.id)).map((e) => e.type)).toEqual(['ProductCreated', 'ProductUpdated']);
  });

  it('refuses further edits of an archived product', async () => {
    const product = await createProduct(stack.admin, teeInput());
    await admin.archiveProduct(product.id);
    const rename = await refusedWithoutChange(() => admin.updateProduct(product.id, { name: 'Back from the dead' }));
    expect(codes(rename.userErrors)).toEqual([['ARCHIVED', 'id']]);
    const variant = await refusedWithoutChange(() => admin.addVariant(product.id, { sku: uniqueSlug('late'), price: 100 }));
    expect(codes(variant.userErrors)).toEqual([['ARCHIVED', 'id']]);
  });

  it('answers NOT_FOUND for a product that does not exist', async () => {
    const { userErrors } = await refusedWithoutChange(() => admin.archiveProduct('00000000-0000-7000-8000-000000000000'));
    expect(codes(userErrors)).toEqual([['NOT_FOUND', 'id']]);
  });
});

describe('product options', () => {
  it('adds an option; a second option of the same name, in any case, is OPTION_TAKEN', async () => {
    const product = await createProduct(stack.admin, teeInput());
    const { product: updated, userErrors } = await admin.addOption(product.id, { name: 'Fit', values: ['Slim', 'Regular'] });
    expect(userErrors).toEqual([]);
    expect(updated!.options.map((o) => [o.name, o.position, o.values])).toEqual([
      ['Size', 0, ['S', 'M', 'L']],
      ['Colour', 1, ['Red', 'Blue']],
      ['Fit', 2, ['Slim', 'Regular']],
    ]);
    for (const name of ['Fit', 'fit', ' FIT ']) {
      const taken = await refusedWithoutChange(() => admin.addOption(product.id, { name, values: ['Loose'] }));
      expect(codes(taken.userErrors)).toEqual([['OPTION_TAKEN', 'input.name']]);
    }
    const bad = await refusedWithoutChange(() => admin.addOption(product.id, { name: 'Material', values: [] }));
    expect(codes(bad.userErrors)).toEqual([['INVALID_INPUT', 'input.values']]);
  });

  it('renames an option, adds and drops unused values, and refuses to drop a value a variant uses', async () => {
    const product = await createProduct(stack.admin, teeInput());
    const size = product.options.find((o) => o.name === 'Size')!;

    const { product: renamed, userErrors } = await admin.updateOption(size.id, { name: 'Tee size', values: ['M', 'L', 'XL'] });
    expect(userErrors).toEqual([]);
    expect(renamed!.options.find((o) => o.id === size.id)).toMatchObject({ name: 'Tee size', values: ['M', 'L', 'XL'] });
    expect(renamed!.variants[0]!.options).toEqual([{ name: 'Tee size', value: 'M' }, { name: 'Colour', value: 'Red' }]);

    const inUse = await refusedWithoutChange(() => admin.updateOption(size.id, { name: 'Tee size', values: ['L', 'XL'] }));
    expect(codes(inUse.userErrors)).toEqual([['OPTION_VALUE_IN_USE', 'input.values']]);
    expect(inUse.userErrors[0]!.message).toContain('M');

    const colour = product.options.find((o) => o.name === 'Colour')!;
    const clash = await refusedWithoutChange(() => admin.updateOption(colour.id, { name: 'tee SIZE', values: ['Red', 'Blue'] }));
    expect(codes(clash.userErrors)).toEqual([['OPTION_TAKEN', 'input.name']]);

    const missing = await refusedWithoutChange(() => admin.updateOption('00000000-0000-7000-8000-000000000000', { name: 'X', values: ['Y'] }));
    expect(codes(missing.userErrors)).toEqual([['NOT_FOUND', 'id']]);
  });
});

describe('product variants', () => {
  it('adds a variant with option values and stock, and it shows in the price range', async () => {
    const product = await createProduct(stack.admin, teeInput());
    const sku = uniqueSlug('tee-s-blue').toUpperCase();
    // Options as an admin might type them: another case, another order.
    const { variant, userErrors } = await admin.addVariant(product.id, { sku, price: 1999, onHand: 4, options: [{ name: 'colour', value: 'blue' }, { name: 'SIZE', value: 's' }] });
    expect(userErrors).toEqual([]);
    expect(variant).toMatchObject({
      sku,
      title: 'S / Blue',
      price: { amount: 1999, currencyCode: 'USD' },
      options: [{ name: 'Size', value: 'S' }, { name: 'Colour', value: 'Blue' }],
      inventory: { onHand: 4, available: 4 },
      availableForSale: true,
      product: { id: product.id },
    });
    const after = await admin.product(product.id);
    expect(after!.variants.map((v) => v.sku)).toEqual([...product.variants.map((v) => v.sku), sku]);
    expect(after!.priceRange).toEqual({ min: { amount: 1999 }, max: { amount: 2700 } });
  });

  it('refuses an unknown option value, a taken SKU, a bad price and bad stock, changing nothing', async () => {
    const product = await createProduct(stack.admin, teeInput());
    const cases: [Record<string, unknown>, [string, string][]][] = [
      [{ sku: uniqueSlug('v'), price: 100, options: [{ name: 'Size', value: 'XXL' }] }, [['UNKNOWN_OPTION_VALUE', 'input.options.0']]],
      [{ sku: product.variants[0]!.sku, price: 100 }, [['SKU_TAKEN', 'input.sku']]],
      [{ sku: uniqueSlug('v'), price: -1 }, [['INVALID_PRICE', 'input.price']]],
      [{ sku: uniqueSlug('v'), price: 100, onHand: -3 }, [['QUANTITY_OUT_OF_RANGE', 'input.onHand']]],
      [{ sku: 'x'.repeat(65), price: 100 }, [['TOO_LONG', 'input.sku']]],
    ];
    for (const [input, expected] of cases) {
      const { variant, userErrors } = await refusedWithoutChange(() => admin.addVariant(product.id, input));
      expect(variant).toBeNull();
      expect(codes(userErrors)).toEqual(expected);
    }
    const missing = await refusedWithoutChange(() => admin.addVariant('00000000-0000-7000-8000-000000000000', { sku: uniqueSlug('v'), price: 1 }));
    expect(codes(missing.userErrors)).toEqual([['NOT_FOUND', 'id']]);
  });

  it('updates price, SKU, options and activity; inactive variants are hidden from customers', async () => {
    const product = await createProduct(stack.admin, teeInput());
    const [red, blue] = product.variants;
    const sku = uniqueSlug('renamed').toUpperCase();
    const { variant, userErrors } = await admin.updateVariant(red!.id, { sku, price: 1500, compareAtPrice: null, weightGrams: null, options: [{ name: 'Size', value: 'S' }] });
    expect(userErrors).toEqual([]);
    expect(variant).toMatchObject({ sku, price: { amount: 1500 }, compareAtPrice: null, weightGrams: null, options: [{ name: 'Size', value: 'S' }], inventory: { onHand: 7 } });
    expect((await admin.product(product.id))!.priceRange).toEqual({ min: { amount: 1500 }, max: { amount: 2700 } });

    await admin.updateVariant(red!.id, { active: false });
    const seenByCustomer = await catalogAdmin(customer).product(product.id);
    expect(seenByCustomer!.variants.map((v) => v.id)).toEqual([blue!.id]);
    expect(seenByCustomer!.priceRange).toEqual({ min: { amount: 2700 }, max: { amount: 2700 } });
    expect((await admin.product(product.id))!.variants.map((v) => [v.id, v.active])).toEqual([[red!.id, false], [blue!.id, true]]);
  });

  it('refuses a SKU another variant has, an unknown value and a bad price, changing nothing', async () => {
    const product = await createProduct(stack.admin, teeInput());
    const [red, blue] = product.variants;
    const taken = await refusedWithoutChange(() => admin.updateVariant(red!.id, { price: 1, sku: blue!.sku }));
    expect(codes(taken.userErrors)).toEqual([['SKU_TAKEN', 'input.sku']]);
    const unknown = await refusedWithoutChange(() => admin.updateVariant(red!.id, { options: [{ name: 'Colour', value: 'Green' }] }));
    expect(codes(unknown.userErrors)).toEqual([['UNKNOWN_OPTION_VALUE', 'input.options.0']]);
    const price = await refusedWithoutChange(() => admin.updateVariant(red!.id, { price: -1 }));
    expect(codes(price.userErrors)).toEqual([['INVALID_PRICE', 'input.price']]);
    const missing = await refusedWithoutChange(() => admin.updateVariant('00000000-0000-7000-8000-000000000000', { price: 1 }));
    expect(codes(missing.userErrors)).toEqual([['NOT_FOUND', 'id']]);
  });
});

describe('product images', () => {
  it('adds, updates and removes images', async () => {
    const product = await createProduct(stack.admin, teeInput());
    const added = await admin.addImage(product.id, { url: 'https://cdn.example.com/side.jpg', altText: 'Side' });
    expect(added.userErrors).toEqual([]);
    expect(added.product!.images.map((i) => [i.url, i.altText, i.position])).toEqual([
      ['https://cdn.example.com/tee-front.jpg', 'Front', 0],
      ['https://cdn.example.com/tee-back.jpg', null, 1],
      ['https://cdn.example.com/side.jpg', 'Side', 2],
    ]);
    const side = added.product!.images[2]!;

    const moved = await admin.updateImage(side.id, { url: 'https://cdn.example.com/side-2.jpg', position: 0 });
    expect(moved.userErrors).toEqual([]);
    // An image edit that does not mention the alt text keeps it.
    expect(moved.product!.images.find((i) => i.id === side.id)).toEqual({ id: side.id, url: 'https://cdn.example.com/side-2.jpg', altText: 'Side', position: 0 });
    const cleared = await admin.updateImage(side.id, { url: 'https://cdn.example.com/side-2.jpg', altText: null });
    expect(cleared.product!.images.find((i) => i.id === side.id)).toMatchObject({ altText: null, position: 0 });

    const removed = await admin.removeImage(side.id);
    expect(removed.userErrors).toEqual([]);
    expect(removed.product!.images.map((i) => i.url)).toEqual(['https://cdn.example.com/tee-front.jpg', 'https://cdn.example.com/tee-back.jpg']);
    const again = await refusedWithoutChange(() => admin.removeImage(side.id));
    expect(codes(again.userErrors)).toEqual([['NOT_FOUND', 'id']]);
  });

  it('appends a new image after the last one, even after earlier images were removed', async () => {
    const product = await createProduct(stack.admin, teeInput());
    const third = await admin.addImage(product.id, { url: 'https://cdn.example.com/third.jpg' });
    const fourth = await admin.addImage(product.id, { url: 'https://cdn.example.com/fourth.jpg' });
    expect(fourth.product!.images.map((i) => i.position)).toEqual([0, 1, 2, 3]);
    await admin.removeImage(third.product!.images[0]!.id);
    await admin.removeImage(third.product!.images[1]!.id);
    const fifth = await admin.addImage(product.id, { url: 'https://cdn.example.com/fifth.jpg' });
    expect(fifth.product!.images.map((i) => i.url)).toEqual([
      'https://cdn.example.com/third.jpg',
      'https://cdn.example.com/fourth.jpg',
      'https://cdn.example.com/fifth.jpg',
    ]);
  });

  it('shows each write to the mutations after it in one document', async () => {
    const product = await createProduct(stack.admin, teeInput());
    const data = await stack.admin.query(
      `mutation($id: ID!, $variant: ID!) {
        first: addProductImage(productId: $id, input: { url: "https://cdn.example.com/one.jpg" }) { product { images { url } } }
        second: addProductImage(productId: $id, input: { url: "https://cdn.example.com/two.jpg" }) { product { images { url } } }
        stock: setInventory(variantId: $variant, onHand: 3) { variant { inventory { onHand } } }
        more: adjustInventory(variantId: $variant, delta: 2) { variant { inventory { onHand } } }
        category: createCategory(input: { slug: "${uniqueSlug('doc')}", name: "Doc" }) { category { id children { id } } }
      }`,
      { id: product.id, variant: product.variants[0]!.id },
    );
    expect(data.first.product.images).toHaveLength(3);
    expect(data.second.product.images.map((i: { url: string }) => i.url)).toEqual([
      'https://cdn.example.com/tee-front.jpg',
      'https://cdn.example.com/tee-back.jpg',
      'https://cdn.example.com/one.jpg',
      'https://cdn.example.com/two.jpg',
    ]);
    expect(data.stock.variant.inventory.onHand).toBe(3);
    expect(data.more.variant.inventory.onHand).toBe(5);
    const child = await stack.admin.query(
      `mutation($parent: ID!) {
        before: updateCategory(id: $parent, input: { slug: "${uniqueSlug('doc-parent')}", name: "Parent" }) { category { children { id } } }
        child: createCategory(input: { slug: "${uniqueSlug('doc-child')}", name: "Child", parentId: $parent }) { category { id parent { id children { id } } } }
      }`,
      { parent: data.category.category.id },
    );
    expect(child.before.category.children).toEqual([]);
    expect(child.child.category.parent).toEqual({ id: data.category.category.id, children: [{ id: child.child.category.id }] });
  });

  it('refuses bad URLs and long alt texts, changing nothing', async () => {
    const product = await createProduct(stack.admin, teeInput());
    const bad = await refusedWithoutChange(() => admin.addImage(product.id, { url: 'javascript:alert(1)' }));
    expect(codes(bad.userErrors)).toEqual([['INVALID_URL', 'input.url']]);
    const long = await refusedWithoutChange(() => admin.addImage(product.id, { url: 'https://cdn.example.com/a.jpg', altText: 'a'.repeat(301) }));
    expect(codes(long.userErrors)).toEqual([['TOO_LONG', 'input.altText']]);
    const update = await refusedWithoutChange(() => admin.updateImage(product.images[0]!.id, { url: 'cdn.example.com/a.jpg' }));
    expect(codes(update.userErrors)).toEqual([['INVALID_URL', 'input.url']]);
  });
});

describe('categories', () => {
  it('builds a tree, renames and moves a category, and reads it back', async () => {
    const root = await createCategory(stack.admin, uniqueSlug('root'));
    const { category: child, userErrors } = await admin.createCategory({ slug: uniqueSlug('child'), name: 'Child', parentId: root, sortOrder: 2 });
    expect(userErrors).toEqual([]);
    expect(child).toMatchObject({ name: 'Child', sortOrder: 2, parent: { id: root } });
    const sibling = await createCategory(stack.admin, uniqueSlug('sibling'), root);

    const moved = await admin.updateCategory(child!.id, { slug: child!.slug, name: 'Grandchild', parentId: sibling });
    expect(moved.userErrors).toEqual([]);
    expect(moved.category).toMatchObject({ id: child!.id, name: 'Grandchild', parent: { id: sibling } });

    const tree = await stack.anonymous.query<{ categories: { id: string; children: { id: string; children: { id: string; name: string }[] }[] }[] }>(
      `{ categories { id children { id children { id name } } } }`,
    );
    const rootNode = tree.categories.find((c) => c.id === root)!;
    expect(rootNode.children).toEqual([{ id: sibling, children: [{ id: child!.id, name: 'Grandchild' }] }]);
    const bySlug = await stack.anonymous.query(`query($slug: String) { category(slug: $slug) { id parent { id parent { id } } } }`, { slug: child!.slug });
    expect(bySlug.category).toEqual({ id: child!.id, parent: { id: sibling, parent: { id: root } } });
  });

  it('keeps the parent and sort order when an update leaves them out, and makes a root on parentId null', async () => {
    const root = await createCategory(stack.admin, uniqueSlug('keep-root'));
    const { category } = await admin.createCategory({ slug: uniqueSlug('keep-child'), name: 'Child', parentId: root, sortOrder: 7 });
    const renamed = await admin.updateCategory(category!.id, { slug: category!.slug, name: 'Renamed child' });
    expect(renamed.userErrors).toEqual([]);
    expect(renamed.category).toMatchObject({ name: 'Renamed child', sortOrder: 7, parent: { id: root } });
    const rooted = await admin.updateCategory(category!.id, { slug: category!.slug, name: 'Root now', parentId: null, sortOrder: 1 });
    expect(rooted.category).toMatchObject({ name: 'Root now', sortOrder: 1, parent: null });
  });

  it('refuses cycles, unknown parents and taken slugs, changing nothing', async () => {
    const a = await createCategory(stack.admin, uniqueSlug('a'));
    const b = await createCategory(stack.admin, uniqueSlug('b'), a);
    const c = await createCategory(stack.admin, uniqueSlug('c'), b);
    const slugOf = async (id: string) => (await stack.admin.query(`query($id: ID) { category(id: $id) { slug } }`, { id })).category.slug as string;
    const aSlug = await slugOf(a);

    const self = await refusedWithoutChange(() => admin.updateCategory(a, { slug: aSlug, name: 'A', parentId: a }));
    expect(codes(self.userErrors)).toEqual([['CATEGORY_CYCLE', 'input.parentId']]);
    const underGrandchild = await refusedWithoutChange(() => admin.updateCategory(a, { slug: aSlug, name: 'A', parentId: c }));
    expect(codes(underGrandchild.userErrors)).toEqual([['CATEGORY_CYCLE', 'input.parentId']]);

    const unknown = await refusedWithoutChange(() => admin.createCategory({ slug: uniqueSlug('orphan'), name: 'Orphan', parentId: '00000000-0000-7000-8000-000000000000' }));
    expect(codes(unknown.userErrors)).toEqual([['UNKNOWN_CATEGORY', 'input.parentId']]);
    const notAnId = await refusedWithoutChange(() => admin.createCategory({ slug: uniqueSlug('orphan'), name: 'Orphan', parentId: 'shoes' }));
    expect(codes(notAnId.userErrors)).toEqual([['UNKNOWN_CATEGORY', 'input.parentId']]);

    const taken = await refusedWithoutChange(() => admin.createCategory({ slug: aSlug, name: 'Copy' }));
    expect(codes(taken.userErrors)).toEqual([['SLUG_TAKEN', 'input.slug']]);
    const takenOnUpdate = await refusedWithoutChange(() => admin.updateCategory(c, { slug: aSlug, name: 'C', parentId: b }));
    expect(codes(takenOnUpdate.userErrors)).toEqual([['SLUG_TAKEN', 'input.slug']]);

    const bad = await refusedWithoutChange(() => admin.createCategory({ slug: 'Bad Slug', name: 'n'.repeat(121) }));
    expect(codes(bad.userErrors)).toEqual([['INVALID_INPUT', 'input.slug'], ['TOO_LONG', 'input.name']]);
    const missing = await refusedWithoutChange(() => admin.updateCategory('00000000-0000-7000-8000-000000000000', { slug: uniqueSlug('x'), name: 'X' }));
    expect(codes(missing.userErrors)).toEqual([['NOT_FOUND', 'id']]);
  });
});

describe('inventory', () => {
  const SET = `mutation($variantId: ID!, $onHand: Int!, $reorderThreshold: Int, $location: String) {
    setInventory(variantId: $variantId, onHand: $onHand, reorderThreshold: $reorderThreshold, location: $location) {
      variant { id availableForSale } inventory { onHand reserved available reorderThreshold location } userErrors { field code message } } }`;
  const ADJUST = `mutation($variantId: ID!, $delta: Int!, $reason: String) {
    adjustInventory(variantId: $variantId, delta: $delta, reason: $reason) {
      variant { id inventory { onHand } } inventory { onHand reserved available } userErrors { field code message } } }`;

  it('sets and adjusts stock on hand', async () => {
    const product = await createProduct(stack.admin, teeInput());
    const blue = product.variants[1]!;
    const set = (await stack.admin.query(SET, { variantId: blue.id, onHand: 12, reorderThreshold: 3, location: 'east' })).setInventory;
    expect(set).toEqual({
      variant: { id: blue.id, availableForSale: true },
      inventory: { onHand: 12, reserved: 0, available: 12, reorderThreshold: 3, location: 'east' },
      userErrors: [],
    });
    const added = (await stack.admin.query(ADJUST, { variantId: blue.id, delta: 5, reason: 'delivery' })).adjustInventory;
    expect(added).toEqual({ variant: { id: blue.id, inventory: { onHand: 17 } }, inventory: { onHand: 17, reserved: 0, available: 17 }, userErrors: [] });
    const removed = (await stack.admin.query(ADJUST, { variantId: blue.id, delta: -17 })).adjustInventory;
    expect(removed.inventory).toEqual({ onHand: 0, reserved: 0, available: 0 });
  });

  it('refuses stock that would go negative or out of range, changing nothing', async () => {
    const product = await createProduct(stack.admin, teeInput());
    const red = product.variants[0]!;
    const negative = await refusedWithoutChange(async () => (await stack.admin.query(ADJUST, { variantId: red.id, delta: -8 })).adjustInventory);
    expect(negative.inventory).toBeNull();
    expect(negative.userErrors.map((e: UserErrorView) => e.code)).toEqual(['BELOW_RESERVED']);
    const below = await refusedWithoutChange(async () => (await stack.admin.query(SET, { variantId: red.id, onHand: -1 })).setInventory);
    expect(codes(below.userErrors)).toEqual([['QUANTITY_OUT_OF_RANGE', 'onHand']]);
    const missing = await refusedWithoutChange(async () => (await stack.admin.query(SET, { variantId: '00000000-0000-7000-8000-000000000000', onHand: 1 })).setInventory);
    expect(codes(missing.userErrors)).toEqual([['NOT_FOUND', 'variantId']]);
    expect((await admin.product(product.id))!.variants[0]!.inventory.onHand).toBe(7);
  });
});

describe('who may write the catalog', () => {
  let product: ProductView;
  let categoryId: string;
  beforeAll(async () => {
    product = await createProduct(stack.admin, teeInput());
    categoryId = await createCategory(stack.admin, uniqueSlug('guarded'));
  });

  const writes: [string, () => [string, Record<string, unknown>]][] = [
    ['createProduct', () => ['mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } } }', { input: teeInput() }]],
    ['updateProduct', () => ['mutation($id: ID!) { updateProduct(id: $id, input: { name: "Hacked" }) { product { id } } }', { id: product.id }]],
    ['archiveProduct', () => ['mutation($id: ID!) { archiveProduct(id: $id) { product { id } } }', { id: product.id }]],
    ['addProductOption', () => ['mutation($id: ID!) { addProductOption(productId: $id, input: { name: "Fit", values: ["Slim"] }) { product { id } } }', { id: product.id }]],
    ['updateProductOption', () => ['mutation($id: ID!) { updateProductOption(id: $id, input: { name: "X", values: ["S", "M", "L"] }) { product { id } } }', { id: product.options[0]!.id }]],
    ['addProductVariant', () => ['mutation($id: ID!) { addProductVariant(productId: $id, input: { sku: "HACK", price: 1 }) { variant { id } } }', { id: product.id }]],
    ['updateProductVariant', () => ['mutation($id: ID!) { updateProductVariant(id: $id, input: { price: 1 }) { variant { id } } }', { id: product.variants[0]!.id }]],
    ['addProductImage', () => ['mutation($id: ID!) { addProductImage(productId: $id, input: { url: "https://x.example/a.jpg" }) { product { id } } }', { id: product.id }]],
    ['updateProductImage', () => ['mutation($id: ID!) { updateProductImage(id: $id, input: { url: "https://x.example/a.jpg" }) { product { id } } }', { id: product.images[0]!.id }]],
    ['removeProductImage', () => ['mutation($id: ID!) { removeProductImage(id: $id) { product { id } } }', { id: product.images[0]!.id }]],
    ['createCategory', () => ['mutation { createCategory(input: { slug: "hacked", name: "Hacked" }) { category { id } } }', {}]],
    ['updateCategory', () => ['mutation($id: ID!) { updateCategory(id: $id, input: { slug: "hacked", name: "Hacked" }) { category { id } } }', { id: categoryId }]],
    ['setInventory', () => ['mutation($id: ID!) { setInventory(variantId: $id, onHand: 1000) { inventory { onHand } } }', { id: product.variants[0]!.id }]],
    ['adjustInventory', () => ['mutation($id: ID!) { adjustInventory(variantId: $id, delta: 1000) { inventory { onHand } } }', { id: product.variants[0]!.id }]],
  ];

  it.each(writes)('%s: a customer is FORBIDDEN and anonymous is UNAUTHENTICATED', async (field, operation) => {
    const [query, variables] = operation();
    const before = await catalogSnapshot(sql);
    const asCustomer = await customer.request(query, variables);
    expect(asCustomer.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(asCustomer.data?.[field] ?? null).toBeNull();
    const asSupport = await (await stack.as('support-1', 'support')).request(query, variables);
    expect(asSupport.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const asAnonymous = await stack.anonymous.request(query, variables);
    expect(asAnonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(await catalogSnapshot(sql)).toEqual(before);
  });
});

describe('entity resolution on the catalog subgraph', () => {
  it('resolves products, variants and categories by id, and null for unknown ids', async () => {
    const category = await createCategory(stack.admin, uniqueSlug('entity'));
    const product = await createProduct(stack.admin, teeInput(undefined, [category]));
    const catalog = stack.subgraph('catalog', await stack.serviceToken('order'));
    const data = await catalog.query<{ _entities: unknown[] }>(
      `query($representations: [_Any!]!) { _entities(representations: $representations) {
        __typename
        ... on ProductVariant { id sku price { amount currencyCode } product { id slug } }
        ... on Product { id slug variants { id } }
        ... on Category { id slug }
      } }`,
      {
        representations: [
          { __typename: 'ProductVariant', id: product.variants[1]!.id },
          { __typename: 'Product', id: product.id },
          { __typename: 'Category', id: category },
          { __typename: 'ProductVariant', id: '00000000-0000-7000-8000-000000000000' },
          { __typename: 'Product', id: 'not-a-uuid' },
        ],
      },
    );
    expect(data._entities).toEqual([
      { __typename: 'ProductVariant', id: product.variants[1]!.id, sku: product.variants[1]!.sku, price: { amount: 2700, currencyCode: 'USD' }, product: { id: product.id, slug: product.slug } },
      { __typename: 'Product', id: product.id, slug: product.slug, variants: product.variants.map((v) => ({ id: v.id })) },
      { __typename: 'Category', id: category, slug: expect.any(String) },
      null,
      null,
    ]);

    const asCustomer = stack.subgraph('catalog', customer.token);
    const viaCustomer = await asCustomer.query<{ _entities: { id: string }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on ProductVariant { id } } }`,
      { r: [{ __typename: 'ProductVariant', id: product.variants[0]!.id }] },
    );
    expect(viaCustomer._entities).toEqual([{ id: product.variants[0]!.id }]);
  });
});

it('reads product fields consistently through the product query', async () => {
  const product = await createProduct(stack.admin, teeInput());
  const read = await stack.anonymous.query<{ product: ProductView }>(`query($slug: String) { product(slug: $slug) { ${PRODUCT_FIELDS} } }`, { slug: product.slug });
  expect(read.product).toEqual(product);
  const both = await stack.anonymous.request(`query($id: ID, $slug: String) { product(id: $id, slug: $slug) { id } }`, { id: product.id, slug: product.slug });
  expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});
