// Admin product writes through the gateway: createProduct, updateProduct and archiveProduct store
// what they are given and refuse bad input (a refusal leaves every row as it was), two admins
// racing for one slug or SKU get one winner, and a product reads back as it was written.
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../../test/harness.js';
import {
  PRODUCT_FIELDS,
  UNKNOWN_UUID,
  badIdError,
  catalogAdmin,
  catalogSnapshot,
  codes,
  createCategory,
  createProduct,
  rawId,
  teeInput,
  uniqueSlug,
  unknownId,
  usd,
  useCatalogTestStack,
  type CreateProductInput,
  type ProductView,
} from './catalog-fixtures.js';

const env = useCatalogTestStack();
const { refusedWithoutChange, rejectedWithoutChange, outboxEvents } = env;

describe('createProduct', () => {
  it('stores options, variants with their option values and stock, images and categories', async () => {
    const apparel = await createCategory(env.stack.admin, uniqueSlug('apparel'));
    const tees = await createCategory(env.stack.admin, uniqueSlug('tees'), apparel);
    const input = teeInput(undefined, [tees, apparel]);
    const { product, userErrors } = await env.admin.createProduct(input);
    expect(userErrors).toEqual([]);
    const sku = input.slug.toUpperCase();
    expect(product).toMatchObject({
      slug: input.slug,
      name: 'Organic Cotton Tee',
      description: 'A soft tee',
      brand: 'Acme',
      status: 'ACTIVE',
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
      { type: 'ProductCreated', data: expect.objectContaining({ productId: rawId('Product', product!.id), slug: input.slug, skus: [`${sku}-M-RED`, `${sku}-L-BLUE`] }) },
    ]);
  });

  it('creates a bare product, and links a category named twice once', async () => {
    const category = await createCategory(env.stack.admin, uniqueSlug('bare'));
    const slug = uniqueSlug('bare');
    const { product, userErrors } = await env.admin.createProduct({ slug, name: 'Bare', categoryIds: [category, category] });
    expect(userErrors).toEqual([]);
    expect(product).toMatchObject({ slug, description: '', brand: null, options: [], variants: [], images: [], priceRange: null, categories: [{ id: category }] });
  });

  it('creates an inactive product that customers cannot see and admins can', async () => {
    const product = await createProduct(env.stack.admin, { ...teeInput(), active: false });
    expect([product.status, product.active]).toEqual(['INACTIVE', false]);
    expect(product.variants.every((v) => !v.availableForSale)).toBe(true);
    expect((await catalogAdmin(env.customer).product(product.id))).toBeNull();
    expect((await env.admin.product(product.id))?.id).toBe(product.id);
  });

  describe('refuses bad input with the right code and changes nothing', () => {
    let existing: ProductView;
    beforeAll(async () => {
      existing = await createProduct(env.stack.admin, teeInput());
    });

    const cases: [string, (input: CreateProductInput) => CreateProductInput, [string, string | null][]][] = [
      ['a negative price', (i) => ({ ...i, variants: [{ sku: 'NEG-1', price: usd(-100) }] }), [['INVALID_PRICE', 'input.variants.0.price.amount']]],
      ['a negative compare-at price', (i) => ({ ...i, variants: [{ sku: 'NEG-2', price: usd(100), compareAtPrice: usd(-1) }] }), [['INVALID_PRICE', 'input.variants.0.compareAtPrice.amount']]],
      ['one SKU twice in one input', (i) => ({ ...i, variants: [{ sku: 'TWICE-1', price: usd(1) }, { sku: 'twice-1', price: usd(2) }] }), [['SKU_TAKEN', 'input.variants.1.sku']]],
      ['stock below zero', (i) => ({ ...i, variants: [{ sku: 'Q-1', price: usd(1), onHand: -1 }] }), [['QUANTITY_OUT_OF_RANGE', 'input.variants.0.onHand']]],
      ['stock above the maximum', (i) => ({ ...i, variants: [{ sku: 'Q-2', price: usd(1), onHand: 10_000_001 }] }), [['QUANTITY_OUT_OF_RANGE', 'input.variants.0.onHand']]],
      ['a name too long', (i) => ({ ...i, name: 'n'.repeat(201) }), [['TOO_LONG', 'input.name']]],
      ['a description too long', (i) => ({ ...i, description: 'd'.repeat(10_001) }), [['TOO_LONG', 'input.description']]],
      ['a SKU too long', (i) => ({ ...i, variants: [{ sku: 'S'.repeat(65), price: usd(1) }] }), [['TOO_LONG', 'input.variants.0.sku']]],
      ['an image URL that is not http(s)', (i) => ({ ...i, images: [{ url: 'ftp://cdn.example.com/a.jpg' }] }), [['INVALID_URL', 'input.images.0.url']]],
      ['a variant naming a value its option lacks', (i) => ({ ...i, variants: [{ sku: 'U-1', price: usd(1), options: [{ name: 'Size', value: 'XXL' }] }] }), [['OPTION_VALUE_NOT_FOUND', 'input.variants.0.options.0']]],
      ['a variant naming an option the product lacks', (i) => ({ ...i, options: [], variants: [{ sku: 'U-2', price: usd(1), options: [{ name: 'Fit', value: 'Slim' }] }] }), [['OPTION_VALUE_NOT_FOUND', 'input.variants.0.options.0']]],
      ['a slug that is not a slug', (i) => ({ ...i, slug: 'Not A Slug' }), [['INVALID_INPUT', 'input.slug']]],
      ['two options of one name', (i) => ({ ...i, variants: [], options: [{ name: 'Size', values: ['S'] }, { name: 'size', values: ['M'] }] }), [['OPTION_TAKEN', 'input.options.1.name']]],
      ['a category that does not exist', (i) => ({ ...i, categoryIds: [unknownId('Category')] }), [['CATEGORY_NOT_FOUND', 'input.categoryIds.0']]],
      ['several faults at once', (i) => ({ ...i, name: ' ', variants: [{ sku: 'M-1', price: usd(-1), onHand: -1 }] }), [
        ['INVALID_INPUT', 'input.name'],
        ['INVALID_PRICE', 'input.variants.0.price.amount'],
        ['QUANTITY_OUT_OF_RANGE', 'input.variants.0.onHand'],
      ]],
    ];
    it.each(cases)('%s', async (_label, mutate, expected) => {
      const { product, userErrors } = await refusedWithoutChange(() => env.admin.createProduct(mutate(teeInput())));
      expect(product).toBeNull();
      expect(codes(userErrors)).toEqual(expected);
    });

    it('refuses a currency that is not a CurrencyCode before the catalog sees it', async () => {
      const before = await catalogSnapshot(env.sql);
      const res = await env.stack.admin.request(`mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } } }`, {
        input: { ...teeInput(), variants: [{ sku: 'C-1', price: { amount: 1, currencyCode: 'ABC' } }] },
      });
      expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/CurrencyCode/) });
      expect(await catalogSnapshot(env.sql)).toEqual(before);
    });

    it('refuses a relative image URL before the catalog sees it: it is not a URL', async () => {
      const res = await rejectedWithoutChange(() => env.adminRequests.createProduct({ ...teeInput(), images: [{ url: 'https://cdn.example.com/ok.jpg' }, { url: 'tee.jpg' }] }));
      expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/input\.images\[1\]\.url.*Invalid URL/) });
    });

    it('a category id the API did not issue, or of another type, before the catalog sees it', async () => {
      const notAnId = await rejectedWithoutChange(() => env.adminRequests.createProduct({ ...teeInput(), categoryIds: ['shoes'] }));
      expect(notAnId.errors).toEqual([badIdError('Category', 'shoes', 'input.categoryIds[0]')]);
      const category = await createCategory(env.stack.admin, uniqueSlug('kind'));
      const productId = await rejectedWithoutChange(() => env.adminRequests.createProduct({ ...teeInput(), categoryIds: [category, existing.id] }));
      expect(productId.errors).toEqual([badIdError('Category', existing.id, 'input.categoryIds[1]')]);
    });

    it('a slug another product has', async () => {
      const { product, userErrors } = await refusedWithoutChange(() => env.admin.createProduct({ ...teeInput(), slug: existing.slug }));
      expect(product).toBeNull();
      expect(codes(userErrors)).toEqual([['SLUG_TAKEN', 'input.slug']]);
    });

    it('a SKU another product has', async () => {
      const input = teeInput();
      const variants = input.variants as { sku: string }[];
      variants[1]!.sku = existing.variants[0]!.sku;
      const { product, userErrors } = await refusedWithoutChange(() => env.admin.createProduct(input));
      expect(product).toBeNull();
      expect(codes(userErrors)).toEqual([['SKU_TAKEN', 'input.variants.1.sku']]);
    });
  });
});

describe('two admins racing for one slug or SKU', () => {
  it('lets exactly one through and answers the others with SLUG_TAKEN or SKU_TAKEN', async () => {
    const slug = uniqueSlug('race');
    const sameSlug = await Promise.all(Array.from({ length: 4 }, () => env.admin.createProduct({ slug, name: 'Racer' })));
    expect(sameSlug.filter((p) => p.product)).toHaveLength(1);
    expect(sameSlug.flatMap((p) => codes(p.userErrors))).toEqual(Array(3).fill(['SLUG_TAKEN', 'input.slug']));

    const sku = uniqueSlug('RACE').toUpperCase();
    const sameSku = await Promise.all(Array.from({ length: 4 }, () => env.admin.createProduct({ slug: uniqueSlug('race'), name: 'Racer', variants: [{ sku, price: usd(100) }] })));
    expect(sameSku.filter((p) => p.product)).toHaveLength(1);
    expect(sameSku.flatMap((p) => p.userErrors.map((e) => e.code))).toEqual(Array(3).fill('SKU_TAKEN'));

    const category = uniqueSlug('race-category');
    const sameCategory = await Promise.all(Array.from({ length: 4 }, () => env.admin.createCategory({ slug: category, name: 'Racer' })));
    expect(sameCategory.filter((c) => c.category)).toHaveLength(1);
    expect(sameCategory.flatMap((c) => codes(c.userErrors))).toEqual(Array(3).fill(['SLUG_TAKEN', 'input.slug']));
  });
});

describe('updateProduct', () => {
  it('changes fields, clears the brand, replaces categories and records ProductUpdated', async () => {
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((l) => createCategory(env.stack.admin, uniqueSlug(`upd-${l}`))));
    const product = await createProduct(env.stack.admin, teeInput(undefined, [a!, b!]));
    const slug = uniqueSlug('renamed');
    const { product: updated, userErrors } = await env.admin.updateProduct(product.id, {
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

    const again = await env.admin.updateProduct(product.id, { categoryIds: [] });
    expect(again.product!.categories).toEqual([]);
    expect(again.product!.slug).toBe(slug);

    const events = await outboxEvents(product.id);
    expect(events.map((e) => e.type)).toEqual(['ProductCreated', 'ProductUpdated', 'ProductUpdated']);
    expect(events[1]!.data).toMatchObject({ productId: rawId('Product', product.id), changed: expect.arrayContaining(['slug', 'name', 'categoryIds']) });
  });

  it('leaves fields that are not given alone', async () => {
    const product = await createProduct(env.stack.admin, teeInput());
    const { product: updated } = await env.admin.updateProduct(product.id, { active: false });
    expect(updated).toMatchObject({ slug: product.slug, name: product.name, description: product.description, brand: 'Acme', active: false });
    expect(updated!.categories).toEqual(product.categories);
  });

  it('refuses a slug another product has, an unknown category, and a missing product, changing nothing', async () => {
    const category = await createCategory(env.stack.admin, uniqueSlug('keep'));
    const product = await createProduct(env.stack.admin, teeInput(undefined, [category]));
    const other = await createProduct(env.stack.admin, teeInput());

    const taken = await refusedWithoutChange(() => env.admin.updateProduct(product.id, { name: 'Changed', slug: other.slug }));
    expect(codes(taken.userErrors)).toEqual([['SLUG_TAKEN', 'input.slug']]);

    const unknown = await refusedWithoutChange(() => env.admin.updateProduct(product.id, { name: 'Changed', categoryIds: [category, category, unknownId('Category')] }));
    expect(codes(unknown.userErrors)).toEqual([['CATEGORY_NOT_FOUND', 'input.categoryIds.2']]);

    const tooLong = await refusedWithoutChange(() => env.admin.updateProduct(product.id, { brand: 'b'.repeat(121) }));
    expect(codes(tooLong.userErrors)).toEqual([['TOO_LONG', 'input.brand']]);

    const missing = await refusedWithoutChange(() => env.admin.updateProduct(unknownId('Product'), { name: 'Ghost' }));
    expect(codes(missing.userErrors)).toEqual([['PRODUCT_NOT_FOUND', 'id']]);
    // An id the API did not issue (a raw UUID among them), or one of another type, names no product.
    for (const id of ['not-an-id', rawId('Product', product.id), category]) {
      const refused = await rejectedWithoutChange(() => env.adminRequests.updateProduct(id, { name: 'Ghost' }));
      expect(refused.errors).toEqual([badIdError('Product', id, 'id')]);
    }
    expect(await env.admin.product(product.id)).toMatchObject({ name: product.name, slug: product.slug, categories: [{ id: category }] });
  });
});

describe('archiveProduct', () => {
  const listing = `query($filter: ProductFilter) { products(first: 250, filter: $filter) { totalCount edges { node { id } } } }`;
  const ids = async (client: GraphQLClient, filter?: Record<string, unknown>) =>
    (await client.query<{ products: { edges: { node: { id: string } }[] } }>(listing, { filter })).products.edges.map((e) => e.node.id);

  it('takes the product off the storefront, keeps it for admins, and archiving twice is fine', async () => {
    const product = await createProduct(env.stack.admin, teeInput());
    expect(await ids(env.customer)).toContain(product.id);

    const { product: archived, userErrors } = await env.admin.archiveProduct(product.id);
    expect(userErrors).toEqual([]);
    expect(archived).toMatchObject({ id: product.id, status: 'ARCHIVED', archived: true });

    for (const client of [env.customer, env.stack.anonymous]) {
      expect(await ids(client)).not.toContain(product.id);
      expect(await ids(client, { search: 'organic tee' })).not.toContain(product.id);
      const bySlug = await client.query(`query($slug: String) { product(slug: $slug) { id } }`, { slug: product.slug });
      expect(bySlug.product).toBeNull();
      const byId = await client.query(`query($id: ID) { product(id: $id) { id } }`, { id: product.id });
      expect(byId.product).toBeNull();
    }
    expect(await ids(env.stack.admin)).not.toContain(product.id);
    expect(await ids(env.stack.admin, { active: false })).not.toContain(product.id);
    const forAdmin = await env.stack.admin.query(`query($slug: String) { product(slug: $slug) { id archived variants { sku } } }`, { slug: product.slug });
    expect(forAdmin.product).toEqual({ id: product.id, archived: true, variants: product.variants.map((v) => ({ sku: v.sku })) });

    const twice = await env.admin.archiveProduct(product.id);
    expect(twice.userErrors).toEqual([]);
    expect(twice.product).toMatchObject({ id: product.id, archived: true });
    expect((await outboxEvents(product.id)).map((e) => e.type)).toEqual(['ProductCreated', 'ProductUpdated']);
  });

  it('refuses further edits of an archived product', async () => {
    const product = await createProduct(env.stack.admin, teeInput());
    await env.admin.archiveProduct(product.id);
    const rename = await refusedWithoutChange(() => env.admin.updateProduct(product.id, { name: 'Back from the dead' }));
    expect(codes(rename.userErrors)).toEqual([['PRODUCT_ARCHIVED', 'id']]);
    const variant = await refusedWithoutChange(() => env.admin.addVariant(product.id, { sku: uniqueSlug('late'), price: usd(100) }));
    expect(codes(variant.userErrors)).toEqual([['PRODUCT_ARCHIVED', 'productId']]);
  });

  it('answers PRODUCT_NOT_FOUND for a product that does not exist', async () => {
    const { userErrors } = await refusedWithoutChange(() => env.admin.archiveProduct(unknownId('Product')));
    expect(codes(userErrors)).toEqual([['PRODUCT_NOT_FOUND', 'id']]);
    const rawUuid = await rejectedWithoutChange(() => env.adminRequests.archiveProduct(UNKNOWN_UUID));
    expect(rawUuid.errors).toEqual([badIdError('Product', UNKNOWN_UUID, 'id')]);
  });
});

it('reads product fields consistently through the product query', async () => {
  const product = await createProduct(env.stack.admin, teeInput());
  const read = await env.stack.admin.query<{ product: ProductView }>(`query($slug: String) { product(slug: $slug) { ${PRODUCT_FIELDS} } }`, { slug: product.slug });
  expect(read.product).toEqual(product);
  const both = await env.stack.anonymous.request(`query($id: ID, $slug: String) { product(id: $id, slug: $slug) { id } }`, { id: product.id, slug: product.slug });
  expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});
