// Admin option, variant and stock writes through the gateway: options and variants added and
// changed, option values kept in step with the variants that use them, inactive variants hidden
// from customers, stock set and adjusted, and bad input refused without changing a row.
import { describe, expect, it } from 'vitest';
import { badIdError, codes, createProduct, teeInput, uniqueSlug, unknownId, usd, useCatalogTestStack, type UserErrorView } from './catalog-fixtures.js';

const env = useCatalogTestStack();
const { refusedWithoutChange, rejectedWithoutChange } = env;

describe('product options', () => {
  it('adds an option; a second option of the same name, in any case, is OPTION_TAKEN', async () => {
    const product = await createProduct(env.stack.admin, teeInput());
    const { product: updated, userErrors } = await env.admin.addOption(product.id, { name: 'Fit', values: ['Slim', 'Regular'] });
    expect(userErrors).toEqual([]);
    expect(updated!.options.map((o) => [o.name, o.position, o.values])).toEqual([
      ['Size', 0, ['S', 'M', 'L']],
      ['Colour', 1, ['Red', 'Blue']],
      ['Fit', 2, ['Slim', 'Regular']],
    ]);
    for (const name of ['Fit', 'fit', ' FIT ']) {
      const taken = await refusedWithoutChange(() => env.admin.addOption(product.id, { name, values: ['Loose'] }));
      expect(codes(taken.userErrors)).toEqual([['OPTION_TAKEN', 'input.name']]);
    }
    const bad = await refusedWithoutChange(() => env.admin.addOption(product.id, { name: 'Material', values: [] }));
    expect(codes(bad.userErrors)).toEqual([['INVALID_INPUT', 'input.values']]);
  });

  it('renames an option, adds and drops unused values, and refuses to drop a value a variant uses', async () => {
    const product = await createProduct(env.stack.admin, teeInput());
    const size = product.options.find((o) => o.name === 'Size')!;

    const { product: renamed, userErrors } = await env.admin.updateOption(size.id, { name: 'Tee size', values: ['M', 'L', 'XL'] });
    expect(userErrors).toEqual([]);
    expect(renamed!.options.find((o) => o.id === size.id)).toMatchObject({ name: 'Tee size', values: ['M', 'L', 'XL'] });
    expect(renamed!.variants[0]!.options).toEqual([{ name: 'Tee size', value: 'M' }, { name: 'Colour', value: 'Red' }]);

    const inUse = await refusedWithoutChange(() => env.admin.updateOption(size.id, { name: 'Tee size', values: ['L', 'XL'] }));
    expect(codes(inUse.userErrors)).toEqual([['OPTION_VALUE_IN_USE', 'input.values']]);
    expect(inUse.userErrors[0]!.message).toContain('M');

    const colour = product.options.find((o) => o.name === 'Colour')!;
    const clash = await refusedWithoutChange(() => env.admin.updateOption(colour.id, { name: 'tee SIZE', values: ['Red', 'Blue'] }));
    expect(codes(clash.userErrors)).toEqual([['OPTION_TAKEN', 'input.name']]);

    const missing = await refusedWithoutChange(() => env.admin.updateOption(unknownId('ProductOption'), { name: 'X', values: ['Y'] }));
    expect(codes(missing.userErrors)).toEqual([['OPTION_NOT_FOUND', 'id']]);
    // The product's id is not its option's.
    const productId = await rejectedWithoutChange(() => env.adminRequests.updateOption(product.id, { name: 'X', values: ['Y'] }));
    expect(productId.errors).toEqual([badIdError('ProductOption', product.id, 'id')]);
  });
});

describe('product variants', () => {
  it('adds a variant with option values and stock, and it shows in the price range', async () => {
    const product = await createProduct(env.stack.admin, teeInput());
    const sku = uniqueSlug('tee-s-blue').toUpperCase();
    // Options as an admin might type them: another case, another order.
    const { variant, userErrors } = await env.admin.addVariant(product.id, { sku, price: usd(1999), onHand: 4, options: [{ name: 'colour', value: 'blue' }, { name: 'SIZE', value: 's' }] });
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
    const after = await env.admin.product(product.id);
    expect(after!.variants.map((v) => v.sku)).toEqual([...product.variants.map((v) => v.sku), sku]);
    expect(after!.priceRange).toEqual({ min: { amount: 1999 }, max: { amount: 2700 } });
  });

  it('refuses an unknown option value, a taken SKU, a bad price and bad stock, changing nothing', async () => {
    const product = await createProduct(env.stack.admin, teeInput());
    const cases: [Record<string, unknown>, [string, string][]][] = [
      [{ sku: uniqueSlug('v'), price: usd(100), options: [{ name: 'Size', value: 'XXL' }] }, [['OPTION_VALUE_NOT_FOUND', 'input.options.0']]],
      [{ sku: product.variants[0]!.sku, price: usd(100) }, [['SKU_TAKEN', 'input.sku']]],
      [{ sku: uniqueSlug('v'), price: usd(-1) }, [['INVALID_PRICE', 'input.price.amount']]],
      [{ sku: uniqueSlug('v'), price: usd(100), onHand: -3 }, [['QUANTITY_OUT_OF_RANGE', 'input.onHand']]],
      [{ sku: 'x'.repeat(65), price: usd(100) }, [['TOO_LONG', 'input.sku']]],
    ];
    for (const [input, expected] of cases) {
      const { variant, userErrors } = await refusedWithoutChange(() => env.admin.addVariant(product.id, input));
      expect(variant).toBeNull();
      expect(codes(userErrors)).toEqual(expected);
    }
    const missing = await refusedWithoutChange(() => env.admin.addVariant(unknownId('Product'), { sku: uniqueSlug('v'), price: usd(1) }));
    expect(codes(missing.userErrors)).toEqual([['PRODUCT_NOT_FOUND', 'productId']]);
  });

  it('updates price, SKU, options and activity; inactive variants are hidden from customers', async () => {
    const product = await createProduct(env.stack.admin, teeInput());
    const [red, blue] = product.variants;
    const sku = uniqueSlug('renamed').toUpperCase();
    const { variant, userErrors } = await env.admin.updateVariant(red!.id, { sku, price: usd(1500), compareAtPrice: null, weightGrams: null, options: [{ name: 'Size', value: 'S' }] });
    expect(userErrors).toEqual([]);
    expect(variant).toMatchObject({ sku, price: { amount: 1500 }, compareAtPrice: null, weightGrams: null, options: [{ name: 'Size', value: 'S' }], inventory: { onHand: 7 } });
    expect((await env.admin.product(product.id))!.priceRange).toEqual({ min: { amount: 1500 }, max: { amount: 2700 } });

    await env.admin.updateVariant(red!.id, { active: false });
    const { product: seenByCustomer } = await env.customer.query<{ product: { variants: { id: string }[]; priceRange: unknown } }>(
      `query($id: ID!) { product(id: $id) { variants { id } priceRange { min { amount } max { amount } } } }`,
      { id: product.id },
    );
    expect(seenByCustomer.variants.map((v) => v.id)).toEqual([blue!.id]);
    expect(seenByCustomer.priceRange).toEqual({ min: { amount: 2700 }, max: { amount: 2700 } });
    expect((await env.admin.product(product.id))!.variants.map((v) => [v.id, v.active])).toEqual([[red!.id, false], [blue!.id, true]]);
  });

  it('refuses a SKU another variant has, an unknown value and a bad price, changing nothing', async () => {
    const product = await createProduct(env.stack.admin, teeInput());
    const [red, blue] = product.variants;
    const taken = await refusedWithoutChange(() => env.admin.updateVariant(red!.id, { price: usd(1), sku: blue!.sku }));
    expect(codes(taken.userErrors)).toEqual([['SKU_TAKEN', 'input.sku']]);
    const unknown = await refusedWithoutChange(() => env.admin.updateVariant(red!.id, { options: [{ name: 'Colour', value: 'Green' }] }));
    expect(codes(unknown.userErrors)).toEqual([['OPTION_VALUE_NOT_FOUND', 'input.options.0']]);
    const price = await refusedWithoutChange(() => env.admin.updateVariant(red!.id, { price: usd(-1) }));
    expect(codes(price.userErrors)).toEqual([['INVALID_PRICE', 'input.price.amount']]);
    const missing = await refusedWithoutChange(() => env.admin.updateVariant(unknownId('ProductVariant'), { price: usd(1) }));
    expect(codes(missing.userErrors)).toEqual([['VARIANT_NOT_FOUND', 'id']]);
  });

  it("keeps a variant's prices in its one currency", async () => {
    const product = await createProduct(env.stack.admin, teeInput());
    const eur = (amount: number) => ({ amount, currencyCode: 'EUR' });
    const mixed = await refusedWithoutChange(() => env.admin.addVariant(product.id, { sku: uniqueSlug('mix'), price: usd(100), compareAtPrice: eur(200) }));
    expect(codes(mixed.userErrors)).toEqual([['INVALID_CURRENCY', 'input.compareAtPrice.currencyCode']]);
    // A variant's currency is fixed once it exists: carts hold its lines in it.
    const red = product.variants[0]!;
    const moved = await refusedWithoutChange(() => env.admin.updateVariant(red.id, { price: eur(2500), compareAtPrice: eur(3000) }));
    expect(codes(moved.userErrors)).toEqual([
      ['INVALID_CURRENCY', 'input.price.currencyCode'],
      ['INVALID_CURRENCY', 'input.compareAtPrice.currencyCode'],
    ]);
    const euro = await env.admin.addVariant(product.id, { sku: uniqueSlug('eur'), price: eur(2300), compareAtPrice: eur(2900) });
    expect(euro.userErrors).toEqual([]);
    expect(euro.variant).toMatchObject({ price: { amount: 2300, currencyCode: 'EUR' }, compareAtPrice: { amount: 2900, currencyCode: 'EUR' } });
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
    const product = await createProduct(env.stack.admin, teeInput());
    const blue = product.variants[1]!;
    const set = (await env.stack.admin.query(SET, { variantId: blue.id, onHand: 12, reorderThreshold: 3, location: 'east' })).setInventory;
    expect(set).toEqual({
      variant: { id: blue.id, availableForSale: true },
      inventory: { onHand: 12, reserved: 0, available: 12, reorderThreshold: 3, location: 'east' },
      userErrors: [],
    });
    const added = (await env.stack.admin.query(ADJUST, { variantId: blue.id, delta: 5, reason: 'delivery' })).adjustInventory;
    expect(added).toEqual({ variant: { id: blue.id, inventory: { onHand: 17 } }, inventory: { onHand: 17, reserved: 0, available: 17 }, userErrors: [] });
    const removed = (await env.stack.admin.query(ADJUST, { variantId: blue.id, delta: -17 })).adjustInventory;
    expect(removed.inventory).toEqual({ onHand: 0, reserved: 0, available: 0 });
  });

  it('refuses stock that would go negative or out of range, changing nothing', async () => {
    const product = await createProduct(env.stack.admin, teeInput());
    const red = product.variants[0]!;
    const negative = await refusedWithoutChange(async () => (await env.stack.admin.query(ADJUST, { variantId: red.id, delta: -8 })).adjustInventory);
    expect(negative.inventory).toBeNull();
    expect(negative.userErrors.map((e: UserErrorView) => e.code)).toEqual(['BELOW_RESERVED']);
    const below = await refusedWithoutChange(async () => (await env.stack.admin.query(SET, { variantId: red.id, onHand: -1 })).setInventory);
    expect(codes(below.userErrors)).toEqual([['QUANTITY_OUT_OF_RANGE', 'onHand']]);
    const missing = await refusedWithoutChange(async () => (await env.stack.admin.query(SET, { variantId: unknownId('ProductVariant'), onHand: 1 })).setInventory);
    expect(codes(missing.userErrors)).toEqual([['VARIANT_NOT_FOUND', 'variantId']]);
    // The product's id is not its variant's.
    const productId = await rejectedWithoutChange(() => env.stack.admin.request(ADJUST, { variantId: product.id, delta: 1 }));
    expect(productId.errors).toEqual([badIdError('ProductVariant', product.id, 'variantId')]);
    expect((await env.admin.product(product.id))!.variants[0]!.inventory.onHand).toBe(7);
  });
});
