// How a checkout ends, through the cart's service-only operations as the order context's saga
// calls them (schema/cart.internal.graphql), against the real catalog, promotion and cart
// subgraphs: completed once however often asked; handed back ACTIVE, or merged into the newer
// ACTIVE cart its owner started meanwhile; priced before the lock, and under it only when the cart
// changed. Expected figures are worked out by hand in the comments.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { globalId, rawIdOf } from '../../lib/global-id.js';
import type { TestStack } from '../../test/harness.js';
import { cartLifetime } from './cart-lifetime.js';
import { CartCheckoutService } from './checkout.service.js';
import { createCartServices } from './server.js';
import { cartCheckoutStack, CALIFORNIA, codes, rawVariant } from './cart-checkout-fixtures.js';
import { checkoutApi, checkoutTotals, createVariants, idleFor, orderId, rawCartId, totals } from './cart-fixtures.js';

const env = cartCheckoutStack();
const { shopperWith, stored, changesOf } = env;
let stack: TestStack;
let sql: pg.Pool;
let service: ReturnType<typeof checkoutApi>;
let shirt: typeof env.shirt;
let mug: typeof env.mug;
beforeAll(() => {
  ({ stack, sql, service, shirt, mug } = env);
});

describe('completeCartCheckout', () => {
  it('checks the cart out for the checkout holding it, once however often it is asked', async () => {
    const { cartId, begin } = await shopperWith([{ variantId: mug.variantIds[0]!, quantity: 1 }]);
    const checkoutId = orderId();
    const begun = (await begin({ checkoutId })).checkout!;

    const done = await service.complete(cartId, checkoutId);
    expect(done.userErrors).toEqual([]);
    expect(done.checkout).toMatchObject({ cartId, status: 'CHECKED_OUT', checkoutId });
    // Asked for, its quote is the cart's estimate now: STANDARD to California, as at the start.
    expect(checkoutTotals(done.checkout)).toEqual(checkoutTotals(begun));
    const again = await service.complete(cartId, checkoutId);
    expect(again).toEqual(done);

    expect((await changesOf(cartId)).map((e) => e.change)).toEqual(['LINE_ADDED', 'CHECKOUT_STARTED', 'CHECKOUT_COMPLETED']);
    expect(codes(await service.complete(cartId, orderId()))).toEqual(['CART_NOT_ACTIVE']);
    expect(codes(await service.reopen(cartId, checkoutId))).toEqual(['ILLEGAL_TRANSITION']);
    expect(codes(await begin({ checkoutId }))).toEqual(['CART_NOT_ACTIVE']);
    expect((await stored(cartId)).status).toBe('CHECKED_OUT');
  });

  it('refuses a cart no checkout holds, as the lifecycle says', async () => {
    const { cartId } = await shopperWith([{ variantId: mug.variantIds[0]!, quantity: 1 }]);
    const refused = await service.complete(cartId, orderId());
    expect(refused.userErrors).toEqual([
      { code: 'ILLEGAL_TRANSITION', field: ['cartId'], message: 'the cart cannot go from ACTIVE to CHECKED_OUT: from ACTIVE it can only go to CHECKING_OUT or EXPIRED' },
    ]);
    expect(codes(await service.complete(globalId('Cart', randomUUID()), orderId()))).toEqual(['CART_NOT_FOUND']);
    expect((await stored(cartId)).status).toBe('ACTIVE');
  });
});

describe('reopenCart', () => {
  it('hands the cart back ACTIVE, with no checkout, once however often it is asked', async () => {
    const { shop, cartId, begin } = await shopperWith([{ variantId: mug.variantIds[0]!, quantity: 1 }]);
    const checkoutId = orderId();
    expect((await begin({ checkoutId })).userErrors).toEqual([]);
    await sql.query(`UPDATE cart SET last_activity_at = now() - interval '29 days' WHERE id = $1`, [rawCartId(cartId)]);

    const reopened = await service.reopen(cartId, checkoutId);
    expect(reopened.userErrors).toEqual([]);
    expect(reopened.checkout).toMatchObject({ cartId, status: 'ACTIVE', checkoutId: null });
    expect(await service.reopen(cartId, checkoutId)).toEqual(reopened);

    const row = await stored(cartId);
    expect(row.checkout_id).toBeNull();
    expect(Date.now() - row.last_activity_at.getTime()).toBeLessThan(60_000);
    expect((await changesOf(cartId)).map((e) => e.change)).toEqual(['LINE_ADDED', 'CHECKOUT_STARTED', 'CHECKOUT_REOPENED']);
    // The shopper has it back, and another checkout may take it.
    expect((await shop.mine())!.id).toBe(cartId);
    expect((await shop.add(cartId, shirt.variantIds[0]!, 1)).userErrors).toEqual([]);
    expect((await begin()).userErrors).toEqual([]);
    // The first checkout's late retry does not take it from the second.
    expect(codes(await service.reopen(cartId, checkoutId))).toEqual(['CART_NOT_ACTIVE']);
  });

  it('merges the cart into the newer ACTIVE cart its owner started meanwhile, which the answer carries', async () => {
    const [a, b, c] = (await createVariants(stack, [{ price: 100 }, { price: 200 }, { price: 300 }])).variantIds as [string, string, string];
    const { shop, personId, cartId, begin } = await shopperWith([{ variantId: a, quantity: 2 }, { variantId: b, quantity: 1 }], ['SAVE10']);
    const checkoutId = orderId();
    expect((await begin({ checkoutId })).userErrors).toEqual([]);
    const newer = (await shop.create('partner-9', [{ variantId: b, quantity: 5 }, { variantId: c, quantity: 1 }])).cart!;

    const merged = await service.reopen(cartId, checkoutId);

    expect(merged.userErrors).toEqual([]);
    expect(merged.checkout).toMatchObject({ cartId: newer.id, personId, status: 'ACTIVE', checkoutId: null, affiliateCode: 'PARTNER-9' });
    // The newer cart keeps its own lines (b × 5) and gains what it lacked (a × 2), first, since it
    // was added first; and the code.
    const cart = (await shop.mine())!;
    expect(cart.id).toBe(newer.id);
    expect(cart.lines[0]).toMatchObject({ variant: { id: a }, quantity: 2 });
    expect(new Map(cart.lines.map((l) => [l.variant.id, l.quantity]))).toEqual(new Map([[a, 2], [b, 5], [c, 1]]));
    expect(cart.appliedCodes).toEqual(['SAVE10']);
    // 2 × 100 + 5 × 200 + 300 = 1500; 10% = 150; shipping 599; 7.25% of 1350 = 97.875 → 98.
    expect(totals(cart)).toEqual({ subtotal: 1500, discountTotal: 150, shipping: 599, tax: 98, total: 2047 });
    expect(checkoutTotals(merged.checkout)).toEqual(totals(cart));

    const old = await stored(cartId);
    expect(old.status).toBe('EXPIRED');
    expect(new Map(old.lines.map((l: { variant: string; quantity: number }) => [l.variant, l.quantity]))).toEqual(new Map([[rawVariant(a), 2], [rawVariant(b), 1]]));
    expect(globalId('Order', old.checkout_id)).toBe(checkoutId);
    expect(old.archived_at).toBeInstanceOf(Date);
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM cart WHERE person_id = $1 AND status = 'ACTIVE'`, [personId]);
    expect(rows[0].n).toBe(1);

    // Asked again, it answers the same cart and changes nothing.
    const eventsBefore = [(await stored(cartId)).events, (await stored(newer.id)).events];
    expect(await service.reopen(cartId, checkoutId)).toEqual(merged);
    expect([(await stored(cartId)).events, (await stored(newer.id)).events]).toEqual(eventsBefore);

    expect((await changesOf(cartId)).at(-1)!.data).toMatchObject({ change: 'MERGED', intoCartId: rawCartId(newer.id), linesAdded: 1, linesLeftOut: 0 });
    expect((await changesOf(newer.id)).slice(-2).map((e) => [e.change, e.data.variantId ?? e.data.code])).toEqual([
      ['LINE_ADDED', rawVariant(a)],
      ['CODE_APPLIED', 'SAVE10'],
    ]);
  });

  it('expires a newer cart idle past its lifetime instead, and hands the cart back ACTIVE', async () => {
    const { shop, cartId, begin } = await shopperWith([{ variantId: mug.variantIds[0]!, quantity: 1 }]);
    const checkoutId = orderId();
    expect((await begin({ checkoutId })).userErrors).toEqual([]);
    const newer = (await shop.create()).cart!.id;
    await idleFor(sql, newer, 31);

    const reopened = await service.reopen(cartId, checkoutId);

    expect(reopened.checkout).toMatchObject({ cartId, status: 'ACTIVE', checkoutId: null });
    expect((await stored(newer)).status).toBe('EXPIRED');
    expect((await changesOf(newer)).map((e) => e.change)).toEqual(['EXPIRED']);
  });

  it('adds only as many lines as the newer cart has room for', async () => {
    const [a, b, c] = (await createVariants(stack, [{ price: 100 }, { price: 200 }, { price: 300 }])).variantIds as [string, string, string];
    const { shop, cartId, begin } = await shopperWith([{ variantId: a, quantity: 1 }, { variantId: b, quantity: 1 }, { variantId: c, quantity: 1 }]);
    const checkoutId = orderId();
    expect((await begin({ checkoutId })).userErrors).toEqual([]);
    const newer = (await shop.create()).cart!.id;
    // 99 lines the catalog need not know: the merge copies lines without asking it.
    await sql.query(
      `INSERT INTO cart_line (id, cart_id, variant_id, quantity, seen_unit_price, updated_at)
       SELECT gen_random_uuid(), $1, gen_random_uuid(), 1, 100, now() FROM generate_series(1, 99)`,
      [rawCartId(newer)],
    );

    const merged = await checkoutApi(stack.subgraph('cart', await stack.serviceToken('order')), 'cartId status').reopen(cartId, checkoutId);

    expect(merged).toEqual({ checkout: { cartId: newer, status: 'ACTIVE' }, userErrors: [] });
    const lines = (await stored(newer)).lines as { variant: string }[];
    expect(lines).toHaveLength(100);
    // The first of the handed-back cart's lines, in the order they were added.
    expect(lines[0]!.variant).toBe((await stored(cartId)).lines[0].variant);
    expect((await changesOf(cartId)).at(-1)!.data).toMatchObject({ change: 'MERGED', linesAdded: 1, linesLeftOut: 2 });
  });

  it('prices the cart before locking it, and again under the lock only when the cart changed in between', async () => {
    const { db, catalog, quoting, carts, settings } = createCartServices(stack.runtime);
    try {
      let asked = 0;
      let meanwhile: (() => Promise<unknown>) | null = null;
      // The real catalog; while it is asked for the first pricing, the shopper may change the cart.
      const watched = { variants: async (ids: readonly string[]) => { asked++; const change = meanwhile; meanwhile = null; await change?.(); return catalog.variants(ids); } };
      const checkouts = new CartCheckoutService(db, watched, quoting, carts, cartLifetime(settings.CART_TTL_DAYS));
      const actor = { kind: 'service', id: 'order' } as const;
      const begin = (cartId: string, personId: string) =>
        checkouts.begin(actor, { cartId: rawCartId(cartId), personId, checkoutId: rawIdOf('Order', orderId(), 'id'), shippingMethod: 'STANDARD', destination: CALIFORNIA });

      const still = await shopperWith([{ variantId: mug.variantIds[0]!, quantity: 1 }]);
      expect((await (await begin(still.cartId, still.personId)).quote()).subtotal).toBe(2500);
      expect(asked).toBe(1);

      asked = 0;
      const changing = await shopperWith([{ variantId: mug.variantIds[0]!, quantity: 1 }]);
      const lineId = (await changing.shop.read(changing.cartId))!.lines[0]!.id;
      meanwhile = async () => expect((await changing.shop.update(changing.cartId, lineId, 3)).userErrors).toEqual([]);
      const quote = await (await begin(changing.cartId, changing.personId)).quote();
      expect(asked).toBe(2);
      expect(quote.lines.map((l) => l.quantity)).toEqual([3]);
      expect(quote.subtotal).toBe(3 * 2500);
    } finally {
      await db.$disconnect();
    }
  });

  it('needs neither the catalog nor the promotions unless the quote is asked for', async () => {
    const { cartId, begin } = await shopperWith([{ variantId: mug.variantIds[0]!, quantity: 1 }]);
    const checkoutId = orderId();
    expect((await begin({ checkoutId })).userErrors).toEqual([]);
    const urls = stack.runtime.config.subgraphUrls;
    const saved = { catalog: urls.catalog, promotion: urls.promotion };
    urls.catalog = 'http://127.0.0.1:1/graphql';
    urls.promotion = 'http://127.0.0.1:1/graphql';
    try {
      const saga = checkoutApi(stack.subgraph('cart', await stack.serviceToken('order')), 'cartId status checkoutId');
      expect(await saga.reopen(cartId, checkoutId)).toEqual({ checkout: { cartId, status: 'ACTIVE', checkoutId: null }, userErrors: [] });
      const priced = await service.request('reopenCart', { c: cartId, k: checkoutId });
      expect(priced.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      Object.assign(urls, saved);
    }
  });
});
