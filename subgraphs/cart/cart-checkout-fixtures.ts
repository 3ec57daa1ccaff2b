// What the tests of the cart's checkout operations share (cart-checkout.test.ts: starting and
// refusing a checkout; cart-checkout-end.test.ts: completing and handing back): the real catalog,
// promotion and cart subgraphs with rate tables of the tests' own, a shirt and a mug, an automatic
// item discount on shirts, free shipping over 50 and a 10 % code, and the helpers that read what
// the API does not show. Registers the file's beforeAll and afterAll.
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, expect } from 'vitest';
import { rawIdOf } from '../../lib/global-id.js';
import { startTestStack, type TestStack } from '../../test/harness.js';
import { cartApi, cartSql, checkoutApi, createPromotion, createVariants, orderId, rawCartId, unique, type BeginCheckout } from './cart-fixtures.js';
import defaults from './rates.json' with { type: 'json' };

// The shipped tables, except that USD EXPRESS ships only to the countries it prices (US, CA).
const rates = { ...defaults, shipping: { ...defaults.shipping, USD: { ...defaults.shipping.USD, EXPRESS: { countries: defaults.shipping.USD.EXPRESS.countries } } } };

export const CALIFORNIA = { country: 'US', region: 'CA' };

export const codes = (p: { userErrors: { code: string }[] }) => p.userErrors.map((e) => e.code);

/** The row id of a variant the API answered, as cart rows and events hold it. */
export const rawVariant = (variantId: string) => rawIdOf('ProductVariant', variantId, 'variantId');

type Product = { productId: string; variantIds: string[]; skus: string[] };

export interface CheckoutEnv {
  readonly stack: TestStack;
  readonly sql: pg.Pool;
  /** The checkout operations as the order context calls them (a service token). */
  readonly service: ReturnType<typeof checkoutApi>;
  readonly shirt: Product;
  readonly mug: Product;
  /** A new shopper with an ACTIVE cart holding these lines, added one after the other (and codes applied). */
  shopperWith(
    lines: { variantId: string; quantity: number }[],
    codesToApply?: string[],
  ): Promise<{ personId: string; shop: ReturnType<typeof cartApi>; cartId: string; begin: (input?: Partial<BeginCheckout>) => ReturnType<ReturnType<typeof checkoutApi>['begin']> }>;
  /** What the API does not show of a cart: its row, its lines and how many events it has. */
  stored(cartId: string): Promise<any>;
  /** The cart's CartUpdated events, oldest first. */
  changesOf(cartId: string): Promise<{ change: string; data: any }[]>;
}

export function cartCheckoutStack(): CheckoutEnv {
  const ratesFile = path.join(tmpdir(), `cart-checkout-rates-${randomBytes(4).toString('hex')}.json`);
  const s: { stack?: TestStack; sql?: pg.Pool; service?: ReturnType<typeof checkoutApi>; shirt?: Product; mug?: Product } = {};

  beforeAll(async () => {
    writeFileSync(ratesFile, JSON.stringify(rates));
    s.stack = await startTestStack({ subgraphs: ['catalog', 'cart', 'promotion'], env: { CART_RATES_FILE: ratesFile } });
    s.sql = cartSql(s.stack);
    s.service = checkoutApi(s.stack.subgraph('cart', await s.stack.serviceToken('order')));
    s.shirt = await createVariants(s.stack, [{ price: 1999 }]);
    s.mug = await createVariants(s.stack, [{ price: 2500 }]);
    await createPromotion(s.stack, { name: 'Shirts: 3 off each', automatic: true, discountType: 'AMOUNT', amountOff: { amount: 300, currencyCode: 'USD' }, level: 'ITEM', targets: { productIds: [s.shirt.productId] } });
    await createPromotion(s.stack, { name: 'Free shipping over 50', automatic: true, discountType: 'FREE_SHIPPING', minSubtotal: { amount: 5000, currencyCode: 'USD' } });
    await createPromotion(s.stack, { name: 'Ten percent', code: 'SAVE10', discountType: 'PERCENTAGE', percentOff: 10 });
  });
  afterAll(async () => {
    await s.sql?.end();
    await s.stack?.close();
    rmSync(ratesFile, { force: true });
  });

  return {
    get stack() {
      return s.stack!;
    },
    get sql() {
      return s.sql!;
    },
    get service() {
      return s.service!;
    },
    get shirt() {
      return s.shirt!;
    },
    get mug() {
      return s.mug!;
    },
    async shopperWith(lines, codesToApply = []) {
      const personId = unique('shopper');
      const shop = cartApi(await s.stack!.as(personId, 'customer'));
      const cartId = (await shop.create()).cart!.id;
      for (const line of lines) expect((await shop.add(cartId, line.variantId, line.quantity)).userErrors).toEqual([]);
      for (const code of codesToApply) expect((await shop.applyCode(cartId, code)).userErrors).toEqual([]);
      const begin = (input: Partial<BeginCheckout> = {}) =>
        s.service!.begin({ cartId, personId, checkoutId: orderId(), shippingMethod: 'STANDARD', destination: CALIFORNIA, ...input });
      return { personId, shop, cartId, begin };
    },
    async stored(cartId) {
      const id = rawCartId(cartId);
      const { rows } = await s.sql!.query(
        `SELECT status, checkout_id, applied_codes, last_activity_at, updated_at, archived_at,
                (SELECT count(*)::int FROM outbox_event WHERE aggregate_id = $1::text) AS events,
                (SELECT json_agg(json_build_object('variant', variant_id, 'quantity', quantity) ORDER BY created_at, id) FROM cart_line WHERE cart_id = $1::uuid) AS lines
           FROM cart WHERE id = $1::uuid`,
        [id],
      );
      return rows[0];
    },
    async changesOf(cartId) {
      const { rows } = await s.sql!.query(`SELECT data FROM outbox_event WHERE aggregate_id = $1 AND type = 'CartUpdated' ORDER BY occurred_at, id`, [rawCartId(cartId)]);
      return rows.map((r) => ({ change: r.data.change, data: r.data }));
    },
  };
}
