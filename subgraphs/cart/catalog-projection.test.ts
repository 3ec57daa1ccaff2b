// The cart's copy of the catalog's answers (catalog-projection.ts): carts are priced from it
// without asking the catalog, the catalog's events drop what changed (price, stock set, stock
// reserved), a copy past its age is asked again, checkout asks the catalog itself, and a copy the
// catalog gave before a change is never kept after the change's drop, under real concurrency.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawIdOf } from '../../lib/global-id.js';
import { createLogger, type Logger } from '../../lib/logger.js';
import { startTestStack, subgraphOperations, until, type TestStack } from '../../test/harness.js';
import type { CatalogClient, CatalogVariant } from './catalog.js';
import { dropCopies, projectedCatalog } from './catalog-projection.js';
import { cartApi, cartSql, checkoutApi, createVariants, orderId, unique } from './cart-fixtures.js';
import { createCartServices } from './server.js';

let stack: TestStack;
let sql: pg.Pool;

beforeAll(async () => {
  // Workers on: the catalog's relay publishes its events and the cart's consumer drops copies.
  stack = await startTestStack({ subgraphs: ['catalog', 'cart', 'promotion'], workers: true, env: { CART_CATALOG_MAX_AGE_SECONDS: '3600' } });
  sql = cartSql(stack);
});
afterAll(async () => {
  await sql?.end();
  await stack?.close();
});

const rawVariant = (variantId: string) => rawIdOf('ProductVariant', variantId, 'variantId');

async function copyOf(variantId: string): Promise<CatalogVariant | null> {
  const { rows } = await sql.query<{ data: CatalogVariant }>('SELECT data FROM catalog_variant WHERE variant_id = $1', [rawVariant(variantId)]);
  return rows[0]?.data ?? null;
}

/** The cart's questions the catalog has answered so far (its CartVariants operations). */
const cartQuestions = () => subgraphOperations(stack, 'catalog', 'CartVariants');

/** The cart's count of variants read from its copy (hit) or asked of the catalog (miss), from its /metrics. */
async function copyReads(): Promise<{ hit: number; miss: number }> {
  const text = await (await fetch(new URL('/metrics', stack.subgraphUrls.cart))).text();
  const count = (result: string) => Number(text.match(new RegExp(`^cart_catalog_copies_total\\{result="${result}"[^}]*\\} (\\d+)$`, 'm'))?.[1]);
  return { hit: count('hit'), miss: count('miss') };
}

async function shopperWith(variantId: string, quantity: number) {
  const personId = unique('shopper');
  const shop = cartApi(await stack.as(personId, 'customer'));
  const created = await shop.create(undefined, [{ variantId, quantity }]);
  expect(created.userErrors).toEqual([]);
  return { personId, shop, cartId: created.cart!.id };
}

describe('carts priced from the copy', () => {
  it('asks the catalog for a variant once; later adds and reads of it ask nothing', async () => {
    const { variantIds } = await createVariants(stack, [{ price: 1500 }]);
    const variantId = variantIds[0]!;
    const { shop, cartId } = await shopperWith(variantId, 1);
    expect(await copyOf(variantId)).toMatchObject({ id: rawVariant(variantId), price: { amount: 1500, currencyCode: 'USD' }, available: 100, forSale: true });

    const before = await cartQuestions();
    const readsBefore = await copyReads();
    expect((await shop.add(cartId, variantId, 2)).cart).toMatchObject({ itemCount: 3, subtotal: { amount: 4500 } });
    const other = await shopperWith(variantId, 1);
    expect((await other.shop.read(other.cartId))!.lines[0]).toMatchObject({ unitPrice: { amount: 1500 } });
    expect(await cartQuestions()).toBe(before);
    const readsAfter = await copyReads();
    expect(readsAfter.miss).toBe(readsBefore.miss);
    expect(readsAfter.hit).toBeGreaterThanOrEqual(readsBefore.hit + 3);
  });

  it('a price change reaches carts through ProductUpdated, long before the copy would age', async () => {
    const { variantIds } = await createVariants(stack, [{ price: 2000 }]);
    const variantId = variantIds[0]!;
    const { shop, cartId } = await shopperWith(variantId, 1);

    const res = await stack.admin.query<{ updateProductVariant: { userErrors: unknown[] } }>(
      `mutation($id: ID!) { updateProductVariant(id: $id, input: { price: { amount: 2600, currencyCode: USD } }) { userErrors { code } } }`,
      { id: variantId },
    );
    expect(res.updateProductVariant.userErrors).toEqual([]);
    const cart = await until('the cart shows the new price', () => shop.read(cartId), (c) => c?.lines[0]?.unitPrice.amount === 2600);
    expect(cart!.warnings).toEqual([expect.objectContaining({ code: 'PRICE_CHANGED', previousUnitPrice: { amount: 2000 } })]);
    expect(await copyOf(variantId)).toMatchObject({ price: { amount: 2600 } });
  });

  it('stock set by staff reaches carts (ProductUpdated, changed inventory)', async () => {
    const { variantIds } = await createVariants(stack, [{ price: 900, onHand: 10 }]);
    const variantId = variantIds[0]!;
    const { shop, cartId } = await shopperWith(variantId, 3);

    const res = await stack.admin.query<{ setInventory: { userErrors: unknown[] } }>(
      `mutation($v: ID!) { setInventory(variantId: $v, onHand: 0) { userErrors { code } } }`,
      { v: variantId },
    );
    expect(res.setInventory.userErrors).toEqual([]);
    const cart = await until('the cart sees the stock gone', () => shop.read(cartId), (c) => c?.warnings.some((w) => w.code === 'OUT_OF_STOCK') ?? false);
    expect(cart!.warnings).toEqual([expect.objectContaining({ code: 'OUT_OF_STOCK', available: 0 })]);
  });

  it('stock reserved for another order drops the copy, and carts see what is left', async () => {
    const { variantIds } = await createVariants(stack, [{ price: 700, onHand: 5 }]);
    const variantId = variantIds[0]!;
    const { shop, cartId } = await shopperWith(variantId, 3);
    expect(await copyOf(variantId)).toMatchObject({ available: 5 });

    const catalog = stack.subgraph('catalog', await stack.serviceToken('order'));
    const reserved = await catalog.query<{ reserveInventory: { userErrors: unknown[] } }>(
      `mutation($input: ReserveInventoryInput!) { reserveInventory(input: $input) { userErrors { code } } }`,
      { input: { ownerId: orderId(), lines: [{ variantId, quantity: 4 }] } },
    );
    expect(reserved.reserveInventory.userErrors).toEqual([]);
    await until('the copy is dropped', () => copyOf(variantId), (copy) => copy === null);
    expect((await shop.read(cartId))!.warnings).toEqual([expect.objectContaining({ code: 'INSUFFICIENT_STOCK', available: 1 })]);
    expect(await copyOf(variantId)).toMatchObject({ available: 1 });
  });

  it('a copy past CART_CATALOG_MAX_AGE_SECONDS is asked again', async () => {
    const { variantIds } = await createVariants(stack, [{ price: 1100 }]);
    const variantId = variantIds[0]!;
    const { shop, cartId } = await shopperWith(variantId, 1);
    // The catalog's answer, as the copy would hold it had it been taken before a change with no event.
    await sql.query(`UPDATE catalog_variant SET data = jsonb_set(data, '{price,amount}', '1'), fetched_at = now() - interval '3000 seconds' WHERE variant_id = $1`, [rawVariant(variantId)]);
    expect((await shop.read(cartId))!.lines[0]!.unitPrice.amount).toBe(1);

    await sql.query(`UPDATE catalog_variant SET fetched_at = now() - interval '3601 seconds' WHERE variant_id = $1`, [rawVariant(variantId)]);
    const before = await cartQuestions();
    expect((await shop.read(cartId))!.lines[0]!.unitPrice.amount).toBe(1100);
    expect(await cartQuestions()).toBe(before + 1);
  });

  it('checkout prices from the catalog itself, whatever the copy says', async () => {
    const { variantIds } = await createVariants(stack, [{ price: 4200 }]);
    const variantId = variantIds[0]!;
    const { personId, cartId } = await shopperWith(variantId, 1);
    await sql.query(`UPDATE catalog_variant SET data = jsonb_set(data, '{price,amount}', '1') WHERE variant_id = $1`, [rawVariant(variantId)]);

    const checkout = checkoutApi(stack.subgraph('cart', await stack.serviceToken('order')));
    const begun = await checkout.begin({ cartId, personId, checkoutId: orderId(), shippingMethod: 'STANDARD', destination: { country: 'US', region: 'CA' } });
    expect(begun.userErrors).toEqual([]);
    expect(begun.checkout).toMatchObject({ subtotal: 4200, lines: [expect.objectContaining({ unitPrice: 4200 })] });
  });
});

describe('a copy the catalog gave before a drop is never kept after it', () => {
  const variant = (id: string, productId: string, version: number): CatalogVariant => ({
    id,
    sku: 'RACE',
    title: 'Race',
    price: { amount: version, currencyCode: 'USD' },
    forSale: true,
    available: 10,
    productId,
    productName: 'Race',
    categoryIds: [],
  });

  it('readers copying while the catalog changes and drops: the copy left is always the last answer', async () => {
    const { db } = createCartServices(stack.runtime);
    try {
      const variantId = randomUUID();
      const productId = randomUUID();
      let version = 1;
      let asked = 0;
      // The catalog as seen over a network: it answers as of when it was asked, and the answer arrives later.
      const live: CatalogClient = {
        async variants(ids) {
          asked++;
          const seen = version;
          await sleep(Math.random() * 4);
          return ids.map((id) => variant(id, productId, seen));
        },
      };
      const projected = projectedCatalog(db, live, { maxAgeSeconds: 3600, log: createLogger('silent', 'cart') });
      for (let round = 0; round < 15; round++) {
        const readers = Array.from({ length: 6 }, async () => {
          for (let i = 0; i < 6; i++) await projected.variants([variantId]);
        });
        const changes = (async () => {
          for (let i = 0; i < 4; i++) {
            await sleep(Math.random() * 3);
            version++;
            await dropCopies(db, { productIds: [productId] });
          }
        })();
        await Promise.all([...readers, changes]);
        const [copy] = await projected.variants([variantId]);
        expect(copy!.price.amount).toBe(version);
        // Nothing drops now: that read kept (or found) the last answer, and the next is answered by the copy.
        const askedBefore = asked;
        const [again] = await projected.variants([variantId]);
        expect(again!.price.amount).toBe(version);
        expect(asked).toBe(askedBefore);
      }
    } finally {
      await db.$disconnect();
    }
  });

  it('readers storing the same variants at once, each asking in its own order, all store (no deadlock)', async () => {
    const { db } = createCartServices(stack.runtime);
    try {
      const productId = randomUUID();
      const ids = Array.from({ length: 8 }, () => randomUUID());
      const live: CatalogClient = { variants: async (asked) => asked.map((id) => variant(id, productId, 1)) };
      const failures: unknown[] = [];
      const log = { warn: (details: unknown) => failures.push(details) } as unknown as Logger;
      const projected = projectedCatalog(db, live, { maxAgeSeconds: 3600, log });
      for (let round = 0; round < 10; round++) {
        await dropCopies(db, { productIds: [productId] });
        await Promise.all(Array.from({ length: 8 }, () => projected.variants([...ids].sort(() => Math.random() - 0.5))));
      }
      expect(failures).toEqual([]);
      const { rows } = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM catalog_variant WHERE product_id = $1', [productId]);
      expect(rows[0]!.n).toBe(ids.length);
    } finally {
      await db.$disconnect();
    }
  });
});
