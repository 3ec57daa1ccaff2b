// A shopper's cart end to end through the gateway, with the real catalog and promotion
// subgraphs: browse, fill, change, price to the cent, apply codes; other customers see and change
// nothing; staff read; expired carts take no changes.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../test/harness.js';
import { globalId } from '../../lib/global-id.js';
import { cartApi, cartService, cartSql, createPromotion, createVariants, idleFor, rawCartId, totals, type CartView } from './cart-fixtures.js';

let stack: TestStack;
let sql: pg.Pool;
let alice: ReturnType<typeof cartApi>;
let bob: ReturnType<typeof cartApi>;
let save10: string;
let shirt: { productId: string; variantIds: string[]; skus: string[] };
let mug: { productId: string; variantIds: string[]; skus: string[] };

beforeAll(async () => {
  stack = await startTestStack();
  save10 = await createPromotion(stack, { name: '10% off', code: 'SAVE10', discountType: 'PERCENTAGE', percentOff: 10 });
  await createPromotion(stack, { name: 'Big spender', code: 'BIG50', discountType: 'AMOUNT', amountOff: { amount: 5000, currencyCode: 'USD' }, minSubtotal: { amount: 100_000, currencyCode: 'USD' } });
  await createPromotion(stack, { name: 'Free shipping', code: 'SHIPFREE', discountType: 'FREE_SHIPPING' });
  await createPromotion(stack, { name: 'Last season', code: 'SUMMER', discountType: 'PERCENTAGE', percentOff: 20, validFrom: '2025-06-01T00:00:00Z', validTo: '2025-09-01T00:00:00Z' });
  sql = cartSql(stack);
  alice = cartApi(await stack.as('alice', 'customer'));
  bob = cartApi(await stack.as('bob', 'customer'));
  shirt = await createVariants(stack, [{ price: 1999, onHand: 5 }, { price: 500, onHand: 0 }]);
  mug = await createVariants(stack, [{ price: 2500 }]);
});
afterAll(async () => {
  await sql?.end();
  await stack?.close();
});

const codes = (p: { userErrors: { code: string }[] }) => p.userErrors.map((e) => e.code);

async function eventsFor(cartId: string): Promise<{ type: string; data: any }[]> {
  const { rows } = await sql.query(`SELECT type, data FROM outbox_event WHERE aggregate_id = $1 ORDER BY occurred_at, id`, [rawCartId(cartId)]);
  return rows;
}

describe('a shopper fills a cart', () => {
  let cartId: string;

  it('creates one ACTIVE cart per person: asking again returns it', async () => {
    const created = await alice.create('partner-7');
    expect(created.userErrors).toEqual([]);
    cartId = created.cart!.id;
    expect(created.cart).toMatchObject({ status: 'ACTIVE', currencyCode: 'USD', itemCount: 0, lines: [], appliedCodes: [], affiliateCode: 'PARTNER-7', warnings: [] });
    expect(totals(created.cart)).toEqual({ subtotal: 0, discountTotal: 0, shipping: 0, tax: 0, total: 0 });
    expect(Date.parse(created.cart!.expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect((await alice.create()).cart!.id).toBe(cartId);
    expect((await alice.mine())!.id).toBe(cartId);
  });

  it('adds lines, and adding a variant again increments its line', async () => {
    await alice.add(cartId, shirt.variantIds[0]!, 1);
    const again = await alice.add(cartId, shirt.variantIds[0]!, 1);
    const withMug = await alice.add(cartId, mug.variantIds[0]!, 1);
    expect(again.userErrors).toEqual([]);
    const cart = withMug.cart!;
    expect(cart.lines.map((l) => [l.variant.sku, l.quantity, l.unitPrice.amount, l.lineTotal.amount])).toEqual([
      [shirt.skus[0], 2, 1999, 3998],
      [mug.skus[0], 1, 2500, 2500],
    ]);
    expect(cart.itemCount).toBe(3);
    // 6498 + 599 standard shipping to US/CA + 7.25% of 6498 (471.105 -> 471)
    expect(totals(cart)).toEqual({ subtotal: 6498, discountTotal: 0, shipping: 599, tax: 471, total: 7568 });
    expect(cart.total.formatted).toBe('$75.68');
  });

  it('updates and removes lines, with totals exact to the cent', async () => {
    const cart = (await alice.read(cartId))!;
    const [shirtLine, mugLine] = cart.lines;
    const updated = await alice.update(cartId, mugLine!.id, 3);
    // 3998 + 7500 = 11498: free standard shipping from 75.00; tax 833.605 -> 834
    expect(totals(updated.cart)).toEqual({ subtotal: 11498, discountTotal: 0, shipping: 0, tax: 834, total: 12332 });
    const removed = await alice.remove(cartId, shirtLine!.id);
    expect(removed.cart!.lines.map((l) => l.quantity)).toEqual([3]);
    expect(totals(removed.cart)).toEqual({ subtotal: 7500, discountTotal: 0, shipping: 0, tax: 544, total: 8044 });
    expect(codes(await alice.remove(cartId, shirtLine!.id))).toEqual(['LINE_NOT_FOUND']);
    expect(codes(await alice.update(cartId, shirtLine!.id, 2))).toEqual(['LINE_NOT_FOUND']);
  });

  it('refuses bad input with userErrors and changes nothing', async () => {
    const eur = await createVariants(stack, [{ price: 1000, currencyCode: 'EUR' }]);
    const hidden = await createVariants(stack, [{ price: 1000 }], { active: false });
    const mugLine = (await alice.read(cartId))!.lines[0]!;
    expect(codes(await alice.add(cartId, mug.variantIds[0]!, 0))).toEqual(['QUANTITY_OUT_OF_RANGE']);
    expect(codes(await alice.add(cartId, mug.variantIds[0]!, 1000))).toEqual(['QUANTITY_OUT_OF_RANGE']);
    expect(codes(await alice.add(cartId, mug.variantIds[0]!, 997))).toEqual(['QUANTITY_OUT_OF_RANGE']); // 3 + 997 > 999
    expect(codes(await alice.update(cartId, mugLine.id, 1000))).toEqual(['QUANTITY_OUT_OF_RANGE']);
    expect(codes(await alice.add(cartId, globalId('ProductVariant', '0190f5a0-0000-7000-8000-00000000dead'), 1))).toEqual(['VARIANT_NOT_FOUND']);
    // An id the API did not issue, or one of another type, is a bad request, not a missing variant.
    await expect(alice.add(cartId, 'not-an-id', 1)).rejects.toThrow(/variantId is not an id this API issued.*BAD_USER_INPUT/);
    await expect(alice.add(mug.variantIds[0]!, cartId, 1)).rejects.toThrow(/cartId must be a Cart id, not a ProductVariant id/);
    expect(codes(await alice.add(cartId, hidden.variantIds[0]!, 1))).toEqual(['VARIANT_UNAVAILABLE']);
    expect(codes(await alice.add(cartId, eur.variantIds[0]!, 1))).toEqual(['CURRENCY_MISMATCH']);
    expect(codes(await alice.add(globalId('Cart', '0190f5a0-0000-7000-8000-00000000beef'), mug.variantIds[0]!, 1))).toEqual(['CART_NOT_FOUND']);
    const cart = (await alice.read(cartId))!;
    expect(cart.lines.map((l) => l.quantity)).toEqual([3]);
    expect(cart.currencyCode).toBe('USD');
  });

  it('answers a refused change with the cart as it now is, so that a client cache stays right', async () => {
    const before = (await alice.read(cartId))!;
    const tooMany = await alice.add(cartId, mug.variantIds[0]!, 1000);
    expect(codes(tooMany)).toEqual(['QUANTITY_OUT_OF_RANGE']);
    expect(tooMany.cart).toEqual(before);
    const unknownCode = await alice.applyCode(cartId, 'NOPE');
    expect(codes(unknownCode)).toEqual(['PROMOTION_NOT_FOUND']);
    expect(unknownCode.cart).toEqual(before);
  });

  it('warns about stock and price changes', async () => {
    const outOfStock = (await alice.add(cartId, shirt.variantIds[1]!, 1)).cart!;
    const short = (await alice.add(cartId, shirt.variantIds[0]!, 6)).cart!; // 5 on hand
    const line = (variantId: string, cart: CartView) => cart.lines.find((l) => l.variant.id === variantId)!.id;
    expect(outOfStock.warnings).toContainEqual(expect.objectContaining({ code: 'OUT_OF_STOCK', available: 0, lineId: line(shirt.variantIds[1]!, outOfStock) }));
    expect(short.warnings).toContainEqual(expect.objectContaining({ code: 'INSUFFICIENT_STOCK', available: 5, lineId: line(shirt.variantIds[0]!, short) }));

    const changed = await stack.admin.query(`mutation($id: ID!) { updateProductVariant(id: $id, input: { price: { amount: 2700, currencyCode: USD } }) { userErrors { code } } }`, { id: mug.variantIds[0] });
    expect(changed.updateProductVariant.userErrors).toEqual([]);
    const cart = (await alice.read(cartId))!;
    const mugLine = cart.lines.find((l) => l.variant.id === mug.variantIds[0])!;
    expect(mugLine.unitPrice.amount).toBe(2700);
    expect(mugLine.lineTotal.amount).toBe(8100);
    expect(cart.warnings).toContainEqual({ code: 'PRICE_CHANGED', lineId: mugLine.id, available: null, previousUnitPrice: { amount: 2500 }, promotionCode: null });
    // Adding more of it means the shopper has now seen the new price.
    const seen = (await alice.add(cartId, mug.variantIds[0]!, 1)).cart!;
    expect(seen.warnings.filter((w) => w.code === 'PRICE_CHANGED')).toEqual([]);
    for (const l of seen.lines.filter((l) => l.variant.id !== mug.variantIds[0])) await alice.remove(cartId, l.id);
  });

  it('applies and removes promotion codes, case-insensitively and once', async () => {
    // The cart: 4 mugs at 27.00 = 10800.
    const applied = await alice.applyCode(cartId, ' save10 ');
    expect(applied.userErrors).toEqual([]);
    expect(applied.cart!.appliedCodes).toEqual(['SAVE10']);
    expect(applied.cart!.discounts).toEqual([{ promotionId: save10, name: '10% off', code: 'SAVE10', level: 'CART', amount: { amount: 1080 }, lineId: null }]);
    // (10800 - 1080) × 7.25% = 704.7 -> 705; shipping free from 75.00 of merchandise
    expect(totals(applied.cart)).toEqual({ subtotal: 10800, discountTotal: 1080, shipping: 0, tax: 705, total: 10425 });
    expect((await alice.applyCode(cartId, 'Save10')).cart!.appliedCodes).toEqual(['SAVE10']);

    const refused = [await alice.applyCode(cartId, 'NOPE'), await alice.applyCode(cartId, 'big50'), await alice.applyCode(cartId, 'summer')];
    expect(refused.map(codes)).toEqual([['PROMOTION_NOT_FOUND'], ['MIN_SUBTOTAL_NOT_MET'], ['PROMOTION_EXPIRED']]);
    expect(codes(await alice.applyCode(cartId, '   '))).toEqual(['INVALID_INPUT']);
    expect((await alice.read(cartId))!.appliedCodes).toEqual(['SAVE10']);

    const removed = await alice.removeCode(cartId, 'save10');
    expect(removed.cart!.appliedCodes).toEqual([]);
    expect(totals(removed.cart)).toEqual({ subtotal: 10800, discountTotal: 0, shipping: 0, tax: 783, total: 11583 });
  });

  it('shows a free-shipping code as a discount on the shipping', async () => {
    const mugLine = (await alice.read(cartId))!.lines[0]!;
    await alice.update(cartId, mugLine.id, 1); // 2700: pays 5.99 shipping
    const cart = (await alice.applyCode(cartId, 'SHIPFREE')).cart!;
    // tax 2700 × 7.25% = 195.75 -> 196 (shipping is not taxed in California)
    expect(totals(cart)).toEqual({ subtotal: 2700, discountTotal: 599, shipping: 599, tax: 196, total: 2896 });
    expect(cart.discounts.map((d) => [d.code, d.level, d.amount.amount, d.lineId])).toEqual([['SHIPFREE', 'CART', 599, null]]);
  });

  it('still shows the cart when the promotion service is down, without discounts and with a warning', async () => {
    // The cart finds the promotion subgraph at its configured URL on every call: point it where nothing listens.
    const urls = stack.runtime.config.subgraphUrls;
    const promotionUrl = urls.promotion;
    urls.promotion = 'http://127.0.0.1:1/graphql';
    try {
      const cart = (await alice.read(cartId))!;
      expect(cart.warnings.map((w) => w.code)).toContain('PROMOTIONS_UNAVAILABLE');
      expect(totals(cart)).toEqual({ subtotal: 2700, discountTotal: 0, shipping: 599, tax: 196, total: 3495 });
      const res = await (await stack.as('alice', 'customer')).request(`mutation($c: ID!) { applyPromotionCode(cartId: $c, code: "SAVE10") { userErrors { code } } }`, { c: cartId });
      expect(res.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      urls.promotion = promotionUrl;
    }
    expect((await alice.read(cartId))!.appliedCodes).toEqual(['SHIPFREE']);
  });

  it('records CartCreated, CartUpdated and PromotionApplied in the outbox', async () => {
    const events = await eventsFor(cartId);
    // Events carry row ids: they stay inside the services.
    expect(events[0]).toEqual({ type: 'CartCreated', data: { cartId: rawCartId(cartId), personId: 'alice', affiliateCode: 'PARTNER-7' } });
    expect(events.filter((e) => e.type === 'PromotionApplied').map((e) => e.data.code)).toEqual(['SAVE10', 'SHIPFREE']);
    const changes = events.filter((e) => e.type === 'CartUpdated').map((e) => e.data.change);
    expect(new Set(changes)).toEqual(new Set(['LINE_ADDED', 'LINE_UPDATED', 'LINE_REMOVED', 'CODE_APPLIED', 'CODE_REMOVED']));
    // Refused changes leave no events: 2 codes applied, 1 removed.
    expect(changes.filter((c) => c === 'CODE_APPLIED')).toHaveLength(2);
    expect(changes.filter((c) => c === 'CODE_REMOVED')).toHaveLength(1);
  });

  it('is hidden from another customer, who cannot change it either', async () => {
    expect(await bob.read(cartId)).toBeNull();
    expect(await bob.mine()).toBeNull();
    const lineId = (await alice.read(cartId))!.lines[0]!.id;
    const refused = await bob.add(cartId, mug.variantIds[0]!, 1);
    expect(codes(refused)).toEqual(['CART_NOT_FOUND']);
    // A refusal shows a cart only to who may read it.
    expect(refused.cart).toBeNull();
    expect(codes(await bob.update(cartId, lineId, 5))).toEqual(['CART_NOT_FOUND']);
    expect(codes(await bob.remove(cartId, lineId))).toEqual(['CART_NOT_FOUND']);
    expect(codes(await bob.applyCode(cartId, 'SAVE10'))).toEqual(['CART_NOT_FOUND']);
    expect(codes(await bob.removeCode(cartId, 'SHIPFREE'))).toEqual(['CART_NOT_FOUND']);
    const bobs = await bob.create();
    expect(bobs.cart!.id).not.toBe(cartId);
    expect((await alice.read(cartId))!.lines.map((l) => l.quantity)).toEqual([1]);
  });

  it('is read by support and admin, who do not change it', async () => {
    const support = cartApi(await stack.as('s-1', 'support'));
    const admin = cartApi(stack.admin);
    for (const staff of [support, admin]) {
      const cart = await staff.read(cartId);
      expect(cart!.id).toBe(cartId);
      expect(totals(cart)).toEqual({ subtotal: 2700, discountTotal: 599, shipping: 599, tax: 196, total: 2896 });
      expect(codes(await staff.add(cartId, mug.variantIds[0]!, 1))).toEqual(['CART_NOT_FOUND']);
    }
  });

  it('refuses anonymous callers', async () => {
    const res = await stack.anonymous.request(`{ cart(id: "${cartId}") { id } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const write = await stack.anonymous.request(`mutation { createCart { cart { id } } }`);
    expect(write.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('once expired, takes no changes; createCart then starts a new cart', async () => {
    const lineId = (await alice.read(cartId))!.lines[0]!.id;
    await idleFor(sql, cartId, 31);
    // Past its expiry, before any sweep: already closed to changes.
    expect(codes(await alice.add(cartId, mug.variantIds[0]!, 1))).toEqual(['CART_NOT_ACTIVE']);

    const { carts, db } = cartService(stack);
    try {
      expect(await carts.expireIdle()).toBeGreaterThanOrEqual(1);
    } finally {
      await db.$disconnect();
    }
    const expired = (await alice.read(cartId))!;
    expect(expired.status).toBe('EXPIRED');
    expect(await alice.mine()).toBeNull();
    expect(codes(await alice.add(cartId, mug.variantIds[0]!, 1))).toEqual(['CART_NOT_ACTIVE']);
    expect(codes(await alice.update(cartId, lineId, 2))).toEqual(['CART_NOT_ACTIVE']);
    expect(codes(await alice.remove(cartId, lineId))).toEqual(['CART_NOT_ACTIVE']);
    expect(codes(await alice.applyCode(cartId, 'SAVE10'))).toEqual(['CART_NOT_ACTIVE']);
    const { rows } = await sql.query(`SELECT archived_at FROM cart WHERE id = $1`, [rawCartId(cartId)]);
    expect(rows[0].archived_at).toBeInstanceOf(Date);

    const fresh = await alice.create();
    expect(fresh.cart).toMatchObject({ status: 'ACTIVE', lines: [], affiliateCode: null });
    expect(fresh.cart!.id).not.toBe(cartId);
  });

  it('expires an idle ACTIVE cart when its owner asks for a cart before the sweep does', async () => {
    const carol = cartApi(await stack.as('carol', 'customer'));
    const first = (await carol.create()).cart!.id;
    await idleFor(sql, first, 40);
    expect(await carol.mine()).toBeNull();
    const second = (await carol.create()).cart!.id;
    expect(second).not.toBe(first);
    expect((await carol.read(first))!.status).toBe('EXPIRED');
  });
});
