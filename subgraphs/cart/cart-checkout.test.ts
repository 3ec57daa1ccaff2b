// The cart's service-only checkout operations (schema/cart.internal.graphql) as the order
// context's saga calls them, against the real catalog, promotion and cart subgraphs: the quote is
// the cart's own to the cent, every refusal leaves the cart as it was, only a service token gets
// in, one of many racing checkouts locks the cart, and a cart in checkout takes no change. How a
// checkout ends (completed, handed back) is in cart-checkout-end.test.ts. Expected figures are
// worked out by hand in the comments.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { globalId } from '../../lib/global-id.js';
import { subgraphOperations, type TestStack } from '../../test/harness.js';
import { cartCheckoutStack, CALIFORNIA, codes } from './cart-checkout-fixtures.js';
import { cartService, checkoutApi, checkoutTotals, createPromotion, createVariants, idleFor, orderId, rawCartId, totals } from './cart-fixtures.js';

const env = cartCheckoutStack();
const { shopperWith, stored, changesOf } = env;
let stack: TestStack;
let sql: pg.Pool;
let shirt: typeof env.shirt;
let mug: typeof env.mug;
beforeAll(() => {
  ({ stack, sql, shirt, mug } = env);
});

describe('beginCartCheckout', () => {
  it('locks the cart and answers exactly the totals the shopper\'s cart shows, to the cent, with a code applied', async () => {
    const { personId, shop, cartId, begin } = await shopperWith([{ variantId: shirt.variantIds[0]!, quantity: 2 }, { variantId: mug.variantIds[0]!, quantity: 1 }], ['SAVE10']);
    const shown = (await shop.read(cartId))!;
    // subtotal 2 × 1999 + 2500 = 6498; shirts 300 off each unit = 600; 10% of the 5898 left = 590;
    // free shipping (6498 ≥ 5000) takes off the 599 STANDARD US shipping: discounts 1789;
    // tax 7.25% (CA) of 6498 − 1190 = 5308 → 384.83 → 385; total 6498 − 1789 + 599 + 385 = 5693.
    expect(totals(shown)).toEqual({ subtotal: 6498, discountTotal: 1789, shipping: 599, tax: 385, total: 5693 });

    const checkoutId = orderId();
    const { checkout, userErrors } = await begin({ checkoutId, expectedTotal: 5693 });

    expect(userErrors).toEqual([]);
    expect(checkoutTotals(checkout)).toEqual(totals(shown));
    expect(checkout).toMatchObject({ cartId, personId, status: 'CHECKING_OUT', checkoutId, currencyCode: 'USD', affiliateCode: null });
    // The lines as the cart shows them, with what the order's snapshot keeps of each.
    expect(checkout!.lines.map((l) => [l.lineId, l.variantId, l.unitPrice, l.quantity, l.lineTotal, l.discount])).toEqual(
      shown.lines.map((l) => [l.id, l.variant.id, l.unitPrice.amount, l.quantity, l.lineTotal.amount, l.discountTotal.amount]),
    );
    // 590 split over what is left of each line, 3398 and 2500: 339.92 and 250.08 → 340 and 250.
    expect(checkout!.lines.map((l) => [l.sku, l.productId, l.discount])).toEqual([
      [shirt.skus[0], shirt.productId, 600 + 340],
      [mug.skus[0], mug.productId, 250],
    ]);
    expect(checkout!.lines[0]!.productName).toMatch(/^Product cart-product-/);
    expect(checkout!.lines[0]!.variantTitle).toBe(shirt.skus[0]);
    // One entry per promotion, as its redemption records it; together they are the discount total.
    expect(checkout!.discounts.map((d) => [d.name, d.code, d.amount])).toEqual([
      ['Shirts: 3 off each', null, 600],
      ['Ten percent', 'SAVE10', 590],
      ['Free shipping over 50', null, 599],
    ]);
    expect(checkout!.discounts.reduce((sum, d) => sum + d.amount, 0)).toBe(checkout!.discountTotal);

    expect((await shop.read(cartId))!.status).toBe('CHECKING_OUT');
    const row = await stored(cartId);
    expect(globalId('Order', row.checkout_id)).toBe(checkoutId);
    expect((await changesOf(cartId)).filter((e) => e.change === 'CHECKOUT_STARTED').map((e) => e.data)).toEqual([
      { cartId: rawCartId(cartId), personId, change: 'CHECKOUT_STARTED', checkoutId: row.checkout_id, currency: 'USD', total: 5693 },
    ]);
  });

  it('answers the same checkout asking again with the quote priced afresh for its shipping choice, without a second event', async () => {
    const { cartId, begin } = await shopperWith([{ variantId: shirt.variantIds[0]!, quantity: 2 }, { variantId: mug.variantIds[0]!, quantity: 1 }], ['SAVE10']);
    const checkoutId = orderId();
    const first = await begin({ checkoutId });
    const again = await begin({ checkoutId });
    expect(again).toEqual(first);
    // EXPRESS to Washington: shipping 1999 (no free-over for EXPRESS), which free shipping takes
    // off; discounts 600 + 590 + 1999 = 3189; WA taxes shipping: 6.5% of 6498 − 1190 + 1999 − 1999
    // = 5308 → 345.02 → 345; total 6498 − 3189 + 1999 + 345 = 5653.
    const express = await begin({ checkoutId, shippingMethod: 'EXPRESS', destination: { country: 'us', region: 'wa' } });
    expect(express.userErrors).toEqual([]);
    expect(checkoutTotals(express.checkout)).toEqual({ subtotal: 6498, discountTotal: 3189, shipping: 1999, tax: 345, total: 5653 });
    expect(express.checkout!.status).toBe('CHECKING_OUT');
    expect((await changesOf(cartId)).filter((e) => e.change === 'CHECKOUT_STARTED')).toHaveLength(1);
  });

  it('prices a cart that did not change while it was locked once: the catalog is asked once', async () => {
    const { begin } = await shopperWith([{ variantId: shirt.variantIds[0]!, quantity: 1 }, { variantId: mug.variantIds[0]!, quantity: 2 }]);
    const before = await subgraphOperations(stack, 'catalog');
    const { userErrors } = await begin({ checkoutId: orderId() });
    expect(userErrors).toEqual([]);
    // Priced before the lock, then compared with the locked cart (its lines read apart): the same, so not priced again.
    expect((await subgraphOperations(stack, 'catalog')) - before).toBe(1);
  });

  it('refuses another checkout while one holds the cart', async () => {
    const { cartId, begin } = await shopperWith([{ variantId: mug.variantIds[0]!, quantity: 1 }]);
    const holder = orderId();
    expect((await begin({ checkoutId: holder })).userErrors).toEqual([]);
    const other = await begin();
    expect(other.userErrors).toEqual([{ code: 'CART_NOT_ACTIVE', field: ['input', 'cartId'], message: 'another checkout holds this cart' }]);
    expect(other.checkout).toBeNull();
    expect(globalId('Order', (await stored(cartId)).checkout_id)).toBe(holder);
    // And a checkout holds one cart.
    const second = await shopperWith([{ variantId: mug.variantIds[0]!, quantity: 1 }]);
    expect((await second.begin({ checkoutId: holder })).userErrors).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'checkoutId'], message: 'this checkout already holds another cart' },
    ]);
    expect((await stored(second.cartId)).status).toBe('ACTIVE');
  });

  it('lets exactly one of 20 concurrent checkouts lock the cart', async () => {
    const { cartId, begin } = await shopperWith([{ variantId: shirt.variantIds[0]!, quantity: 1 }, { variantId: mug.variantIds[0]!, quantity: 3 }]);
    const checkoutIds = Array.from({ length: 20 }, () => orderId());

    const results = await Promise.all(checkoutIds.map((checkoutId) => begin({ checkoutId })));

    const won = results.filter((r) => r.userErrors.length === 0);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => codes(r).join() === 'CART_NOT_ACTIVE')).toHaveLength(19);
    const winner = checkoutIds[results.indexOf(won[0]!)]!;
    expect(won[0]!.checkout).toMatchObject({ status: 'CHECKING_OUT', checkoutId: winner });
    const row = await stored(cartId);
    expect(row.status).toBe('CHECKING_OUT');
    expect(globalId('Order', row.checkout_id)).toBe(winner);
    expect((await changesOf(cartId)).filter((e) => e.change === 'CHECKOUT_STARTED')).toHaveLength(1);
  });
});

describe('a refused beginCartCheckout', () => {
  /** Begins, expects these refusals, and checks that the cart is exactly as it was. */
  async function refused(cartId: string, run: () => Promise<{ checkout: unknown; userErrors: { code: string; field: string[] | null; message: string }[] }>) {
    const before = await stored(cartId);
    const result = await run();
    expect(result.checkout).toBeNull();
    expect(await stored(cartId)).toEqual(before);
    expect(before.status).not.toBe('CHECKING_OUT');
    return result.userErrors;
  }

  it('is CART_NOT_FOUND for an unknown cart or another person\'s', async () => {
    const { cartId, begin } = await shopperWith([{ variantId: mug.variantIds[0]!, quantity: 1 }]);
    const notFound = [{ code: 'CART_NOT_FOUND', field: ['input', 'cartId'], message: 'no such cart' }];
    expect(await refused(cartId, () => begin({ personId: 'someone-else' }))).toEqual(notFound);
    expect((await begin({ cartId: globalId('Cart', randomUUID()) })).userErrors).toEqual(notFound);
  });

  it('is CART_EMPTY for a cart without lines', async () => {
    const { cartId, begin } = await shopperWith([]);
    expect(await refused(cartId, () => begin())).toEqual([{ code: 'CART_EMPTY', field: ['input', 'cartId'], message: 'the cart has no lines to check out' }]);
  });

  it('is CART_NOT_ACTIVE for a cart past its lifetime, even before the sweep reaches it', async () => {
    const { cartId, begin } = await shopperWith([{ variantId: mug.variantIds[0]!, quantity: 1 }]);
    await idleFor(sql, cartId, 31);
    expect(codes({ userErrors: await refused(cartId, () => begin()) })).toEqual(['CART_NOT_ACTIVE']);
    expect((await stored(cartId)).status).toBe('ACTIVE');
  });

  it('names every line whose variant is gone or no longer for sale', async () => {
    const lamp = await createVariants(stack, [{ price: 4000 }]);
    const { cartId, begin } = await shopperWith([{ variantId: mug.variantIds[0]!, quantity: 1 }, { variantId: lamp.variantIds[0]!, quantity: 1 }]);
    // The lamp is taken off sale, and a line points at a variant the catalog no longer has.
    const off = await stack.admin.query(`mutation($id: ID!) { updateProduct(id: $id, input: { active: false }) { userErrors { code } } }`, { id: lamp.productId });
    expect(off.updateProduct.userErrors).toEqual([]);
    await sql.query(`INSERT INTO cart_line (id, cart_id, variant_id, quantity, seen_unit_price, updated_at) VALUES (gen_random_uuid(), $1, gen_random_uuid(), 1, 100, now())`, [rawCartId(cartId)]);
    const { rows } = await sql.query(`SELECT id FROM cart_line WHERE cart_id = $1 ORDER BY created_at, id`, [rawCartId(cartId)]);
    const lineIds = rows.map((r) => globalId('CartLine', r.id));

    const errors = await refused(cartId, () => begin());

    expect(errors.map((e) => [e.code, e.field])).toEqual([
      ['VARIANT_UNAVAILABLE', ['lines', lineIds[1]]],
      ['VARIANT_NOT_FOUND', ['lines', lineIds[2]]],
    ]);
  });

  it('names every applied code that no longer applies, with the promotions\' reason', async () => {
    const vase = await createVariants(stack, [{ price: 1500 }]);
    await createPromotion(stack, { name: 'Big spender', code: 'BIG5', discountType: 'AMOUNT', amountOff: { amount: 500, currencyCode: 'USD' }, minSubtotal: { amount: 2500, currencyCode: 'USD' } });
    const gone = await createPromotion(stack, { name: 'Gone soon', code: 'GONE', discountType: 'PERCENTAGE', percentOff: 5 });
    const { cartId, shop, begin } = await shopperWith([{ variantId: vase.variantIds[0]!, quantity: 2 }], ['BIG5', 'GONE']);
    // The shopper takes one vase out (1500 < 2500), and the GONE promotion ends.
    const lineId = (await shop.read(cartId))!.lines[0]!.id;
    expect((await shop.update(cartId, lineId, 1)).userErrors).toEqual([]);
    await stack.admin.query(`mutation($id: ID!) { deactivatePromotion(id: $id) { userErrors { code } } }`, { id: gone });

    const errors = await refused(cartId, () => begin());

    expect(errors.map((e) => [e.code, e.field])).toEqual([
      ['MIN_SUBTOTAL_NOT_MET', ['appliedCodes', 'BIG5']],
      ['PROMOTION_NOT_FOUND', ['appliedCodes', 'GONE']],
    ]);
  });

  it('is PRICE_CHANGED when the total is not the one the shopper was shown, and says both', async () => {
    const clock = await createVariants(stack, [{ price: 1000 }]);
    const { cartId, shop, begin } = await shopperWith([{ variantId: clock.variantIds[0]!, quantity: 1 }]);
    // 1000 + 599 shipping + 7.25% of 1000 = 72.5 → 73: 1672.
    expect((await shop.read(cartId))!.total.amount).toBe(1672);
    const raised = await stack.admin.query(`mutation($id: ID!) { updateProductVariant(id: $id, input: { price: { amount: 1200, currencyCode: USD } }) { userErrors { code } } }`, {
      id: clock.variantIds[0],
    });
    expect(raised.updateProductVariant.userErrors).toEqual([]);

    // 1200 + 599 + 87 (7.25% of 1200 = 87) = 1886.
    expect(await refused(cartId, () => begin({ expectedTotal: 1672 }))).toEqual([
      { code: 'PRICE_CHANGED', field: ['input', 'expectedTotal'], message: 'the cart now costs $18.86 (1886), not the $16.72 (1672) expected' },
    ]);
    expect((await begin({ expectedTotal: 1886 })).userErrors).toEqual([]);
  });

  it('is SHIPPING_METHOD_UNAVAILABLE for an unknown method or one that does not ship to the destination', async () => {
    const { cartId, begin } = await shopperWith([{ variantId: mug.variantIds[0]!, quantity: 1 }]);
    expect(await refused(cartId, () => begin({ shippingMethod: 'DRONE' }))).toEqual([
      { code: 'SHIPPING_METHOD_UNAVAILABLE', field: ['input', 'shippingMethod'], message: 'DRONE is not a shipping method; the methods are STANDARD and EXPRESS' },
    ]);
    // USD EXPRESS prices only the US and Canada in this test's tables.
    expect(await refused(cartId, () => begin({ shippingMethod: 'EXPRESS', destination: { country: 'DE' } }))).toEqual([
      { code: 'SHIPPING_METHOD_UNAVAILABLE', field: ['input', 'shippingMethod'], message: 'EXPRESS shipping does not reach DE' },
    ]);
    expect(codes({ userErrors: await refused(cartId, () => begin({ destination: { country: 'USA' } })) })).toEqual(['INVALID_INPUT']);
    expect((await begin({ shippingMethod: 'EXPRESS', destination: { country: 'CA', region: 'ON' } })).userErrors).toEqual([]);
  });

  it('is a GraphQL error, with the cart left ACTIVE, when the promotion service does not answer', async () => {
    const { cartId, begin } = await shopperWith([{ variantId: mug.variantIds[0]!, quantity: 1 }]);
    const urls = stack.runtime.config.subgraphUrls;
    const promotionUrl = urls.promotion;
    urls.promotion = 'http://127.0.0.1:1/graphql';
    try {
      const before = await stored(cartId);
      await expect(begin()).rejects.toThrow(/INTERNAL_SERVER_ERROR/);
      expect(await stored(cartId)).toEqual(before);
    } finally {
      urls.promotion = promotionUrl;
    }
    expect((await begin()).userErrors).toEqual([]);
  });
});

describe('who may call the checkout operations', () => {
  it('refuses every token but a service\'s, and the public API does not have them', async () => {
    const { personId, cartId } = await shopperWith([{ variantId: mug.variantIds[0]!, quantity: 1 }]);
    const before = await stored(cartId);
    const calls = (api: ReturnType<typeof checkoutApi>) => [
      api.request('beginCartCheckout', { input: { cartId, personId, checkoutId: orderId(), shippingMethod: 'STANDARD', destination: CALIFORNIA } }),
      api.request('completeCartCheckout', { c: cartId, k: orderId() }),
      api.request('reopenCart', { c: cartId, k: orderId() }),
    ];
    for (const [who, roles] of [[personId, ['customer']], ['admin-1', ['admin']], ['support-1', ['support']]] as const) {
      const api = checkoutApi(stack.subgraph('cart', await stack.token(who, [...roles])));
      for (const res of await Promise.all(calls(api))) expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    for (const res of await Promise.all(calls(checkoutApi(stack.subgraph('cart', null))))) {
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    }
    for (const res of await Promise.all(calls(checkoutApi(stack.admin)))) {
      expect(res.data).toBeUndefined();
      expect(new Set(res.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    }
    expect(await stored(cartId)).toEqual(before);
  });
});

describe('a cart in checkout', () => {
  it('takes no change from its shopper, who gets a new cart from createCart', async () => {
    const { shop, cartId, begin } = await shopperWith([{ variantId: mug.variantIds[0]!, quantity: 1 }]);
    const lineId = (await shop.read(cartId))!.lines[0]!.id;
    expect((await begin()).userErrors).toEqual([]);

    expect(codes(await shop.add(cartId, shirt.variantIds[0]!, 1))).toEqual(['CART_NOT_ACTIVE']);
    expect(codes(await shop.update(cartId, lineId, 2))).toEqual(['CART_NOT_ACTIVE']);
    expect(codes(await shop.remove(cartId, lineId))).toEqual(['CART_NOT_ACTIVE']);
    expect(codes(await shop.applyCode(cartId, 'SAVE10'))).toEqual(['CART_NOT_ACTIVE']);
    expect(await shop.mine()).toBeNull();
    const fresh = (await shop.create()).cart!;
    expect(fresh.id).not.toBe(cartId);
    expect(fresh.status).toBe('ACTIVE');
    expect((await stored(cartId)).lines).toHaveLength(1);
  });

  it('is never expired by idleness: its checkout decides how it ends', async () => {
    const { cartId, begin } = await shopperWith([{ variantId: mug.variantIds[0]!, quantity: 1 }]);
    const checkoutId = orderId();
    expect((await begin({ checkoutId })).userErrors).toEqual([]);
    await idleFor(sql, cartId, 40);
    const { carts, db } = cartService(stack);
    try {
      await carts.expireIdle();
    } finally {
      await db.$disconnect();
    }
    expect((await stored(cartId)).status).toBe('CHECKING_OUT');
    // Handed back, it is ACTIVE for a whole lifetime again.
    const reopened = await checkoutApi(stack.subgraph('cart', await stack.serviceToken('order')), 'status').reopen(cartId, checkoutId);
    expect(reopened.checkout).toEqual({ status: 'ACTIVE' });
    expect(Date.now() - (await stored(cartId)).last_activity_at.getTime()).toBeLessThan(60_000);
  });
});
