// A variant read with its details answers its options and stock as values, not promises, so that
// GraphQL completes those fields of a listing's hundreds of variants at once; a variant without
// them (a row an admin write answered) reads them, batched.
import { describe, expect, it } from 'vitest';
import { createLoaders } from './loaders.js';
import type { PrismaClient } from './prisma-client/client.js';
import type { VariantView } from './models.js';

const row: VariantView = {
  id: '00000000-0000-4000-8000-000000000001',
  productId: '00000000-0000-4000-8000-000000000002',
  sku: 'TEE-M',
  title: 'M',
  price: 2500,
  compareAtPrice: null,
  currency: 'USD',
  weightGrams: null,
  active: true,
  position: 0,
};

describe('a variant’s options and stock', () => {
  it('are the details it was read with, as values', () => {
    const loaders = createLoaders({} as PrismaClient);
    const inventory = { onHand: 5, reserved: 2, reorderThreshold: 0, location: 'default' };
    const options = [{ name: 'Size', value: 'M' }];
    expect(loaders.inventory({ ...row, inventory, options })).toBe(inventory);
    expect(loaders.selectedOptions({ ...row, inventory, options })).toBe(options);
  });

  it('is none in stock when its details say it has no stock level', () => {
    const loaders = createLoaders({} as PrismaClient);
    expect(loaders.inventory({ ...row, inventory: null, options: [] })).toEqual({ onHand: 0, reserved: 0, reorderThreshold: 0, location: 'default' });
  });

  it('are read when the variant came without them', async () => {
    const loaders = createLoaders({} as PrismaClient);
    const inventory = { onHand: 1, reserved: 0, reorderThreshold: 3, location: 'default' };
    loaders.variantDetails.prime(row.id, { ...row, inventory, options: [] });
    const read = loaders.inventory(row);
    expect(read).toBeInstanceOf(Promise);
    expect(await read).toEqual(inventory);
    expect(await loaders.selectedOptions(row)).toEqual([]);
  });

  it('are read when the variant came with its stock but without its options (a page that did not show them)', async () => {
    const loaders = createLoaders({} as PrismaClient);
    const inventory = { onHand: 4, reserved: 1, reorderThreshold: 0, location: 'default' };
    const options = [{ name: 'Size', value: 'M' }];
    loaders.variantDetails.prime(row.id, { ...row, inventory, options });
    const read = loaders.selectedOptions({ ...row, inventory, options: null });
    expect(read).toBeInstanceOf(Promise);
    expect(await read).toEqual(options);
    expect(loaders.inventory({ ...row, inventory, options: null })).toBe(inventory);
  });
});

describe('a variant’s product', () => {
  const product = {
    id: row.productId,
    slug: 'tee',
    name: 'Tee',
    description: '',
    brand: null,
    active: true,
    minPrice: 2500,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    deletedAt: null,
  };

  it('is a value once the request has its row (a listing page gave it), and the product loader answers it too', async () => {
    const loaders = createLoaders({} as PrismaClient);
    loaders.knowProduct(product);
    expect(loaders.productOf(row.productId)).toBe(product);
    expect(await loaders.product.load(row.productId)).toBe(product);
  });

  it('is read through the product loader when the request does not have it, and at hand after', async () => {
    const read: string[][] = [];
    const db = { $queryRawUnsafe: async (_text: string, ids: string[]) => (read.push(ids), [product]) } as unknown as PrismaClient;
    const loaders = createLoaders(db);
    const coming = loaders.productOf(row.productId);
    expect(coming).toBeInstanceOf(Promise);
    expect(await coming).toEqual(product);
    expect(loaders.productOf(row.productId)).toEqual(product);
    expect(read).toEqual([[row.productId]]);
  });
});
