// A shopper buys, through the gateway with real HTTP clients and every service real: browse,
// cart, code, checkout, pay on the local Stripe server as Stripe.js would, and the webhook makes
// the order PAID; the catalog commits the stock, the promotion confirms the use, the cart is
// checked out and the affiliate is credited. A declined card cancels it and releases everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { cartApi, createPromotion, createVariants, rawCartId, totals, unique } from '../subgraphs/cart/cart-fixtures.js';
import { ORDER_NUMBER } from '../subgraphs/order/checkout/order-number.js';
import { ADDRESS, intentOf, newKey, orderApi, payWith, rawOrderId, sqlIn } from '../subgraphs/order/order-fixtures.js';
import { rawIdOf } from '../lib/global-id.js';
import { startTestStack, type TestStack } from './harness.js';

let stack: TestStack;
let sql: Record<'order' | 'catalog' | 'cart' | 'promotion', pg.Pool>;

beforeAll(async () => {
  stack = await startTestStack({ workers: true, env: { OUTBOX_RELAY_MS: '50', ORDER_RECONCILE_MS: '3600000' } });
  sql = { order: sqlIn(stack, 'order'), catalog: sqlIn(stack, 'catalog'), cart: sqlIn(stack, 'cart'), promotion: sqlIn(stack, 'promotion') };
}, 60_000);

afterAll(async () => {
  await Promise.all(Object.values(sql ?? {}).map((p) => p.end()));
  await stack?.close();
});

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 50 });

async function stockOf(variantId: string) {
  const { rows } = await sql.catalog.query('SELECT on_hand, reserved FROM inventory_level WHERE variant_id = $1', [rawIdOf('ProductVariant', variantId, 'v')]);
  return { onHand: rows[0].on_hand as number, reserved: rows[0].reserved as number };
}
const reservationOf = async (orderId: string) =>
  (await sql.catalog.query('SELECT status FROM inventory_reservation WHERE owner_id = $1', [rawOrderId(orderId)])).rows[0]?.status ?? null;
const redemptionsOf = async (orderId: string) =>
  (await sql.promotion.query('SELECT status FROM promotion_redemption WHERE order_id = $1', [rawOrderId(orderId)])).rows.map((r) => r.status);
const cartStatus = async (cartId: string) => (await sql.cart.query('SELECT status FROM cart WHERE id = $1', [rawCartId(cartId)])).rows[0]?.status;

/** A shopper with a cart of two lines and a 10 % code applied. */
async function shopperWithCart(onHand = 5) {
  const { variantIds } = await createVariants(stack, [{ price: 2500, onHand }, { price: 1000, onHand }]);
  const code = unique('SAVE').toUpperCase().replaceAll('-', '');
  const promotionId = await createPromotion(stack, { name: 'Ten off', code, discountType: 'PERCENTAGE', percentOff: 10 });
  const shopper = await stack.as(unique('shopper'), 'customer');
  const carts = cartApi(shopper);
  const { cart } = await carts.create(undefined, [
    { variantId: variantIds[0]!, quantity: 2 },
    { variantId: variantIds[1]!, quantity: 1 },
  ]);
  const applied = await carts.applyCode(cart!.id, code);
  expect(applied.userErrors).toEqual([]);
  return { shopper, carts, orders: orderApi(shopper), cart: applied.cart!, variantIds, code, promotionId };
}

describe('checkout and payment', () => {
  it('turns the cart into an order at the cart’s own totals, holds stock and the code, and becomes PAID when the card is charged', async () => {
    const { carts, orders, cart, variantIds } = await shopperWithCart();
    const result = await orders.checkout({ cartId: cart.id, expectedTotal: cart.total.amount });
    expect(result.userErrors).toEqual([]);
    const order = result.order!;
    expect(order).toMatchObject({ status: 'PENDING_PAYMENT', currencyCode: 'USD', shippingMethod: 'STANDARD', shippingAddress: { ...ADDRESS, line2: null } });
    expect(order.number).toMatch(ORDER_NUMBER);
    expect({ subtotal: order.subtotal.amount, discountTotal: order.discountTotal.amount, shipping: order.shippingTotal.amount, tax: order.taxTotal.amount, total: order.total.amount }).toEqual(totals(cart));
    expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPrice.amount, l.lineTotal.amount, l.discountTotal.amount])).toEqual(
      cart.lines.map((l) => [l.variant.sku, l.quantity, l.unitPrice.amount, l.lineTotal.amount, l.discountTotal.amount]),
    );
    expect(order.discounts).toHaveLength(1);
    expect(order.history.map((h) => [h.from, h.to])).toEqual([[null, 'PENDING_PAYMENT']]);
    expect(result.paymentClientSecret).toMatch(/^pi_.+_secret_/);
    expect(order.paymentIntentId).toBe(intentOf(result.paymentClientSecret!));
    // The answer (the order as the checkout made it, not read again) is the order as stored.
    expect(await orders.order(order.id)).toEqual(order);

    // Held: the stock, the code's use and the cart.
    expect(await stockOf(variantIds[0]!)).toEqual({ onHand: 5, reserved: 2 });
    expect(await reservationOf(order.id)).toBe('ACTIVE');
    expect(await redemptionsOf(order.id)).toEqual(['RESERVED']);
    expect(await cartStatus(cart.id)).toBe('CHECKING_OUT');
    expect((await carts.add(cart.id, variantIds[1]!, 1)).userErrors.map((e) => e.code)).toEqual(['CART_NOT_ACTIVE']);

    const paid = await payWith(stack, result.paymentClientSecret!, 'pm_card_visa');
    expect(paid.body.status).toBe('succeeded');
    await poll(async () => (await orders.order(order.id))?.status).toBe('PAID');
    const after = (await orders.order(order.id))!;
    expect(after.history.map((h) => [h.from, h.to, h.actor])).toEqual([
      [null, 'PENDING_PAYMENT', expect.stringMatching(/^person:/)],
      ['PENDING_PAYMENT', 'PAID', 'system:payment-webhook'],
    ]);
    expect(after.payments).toEqual([expect.objectContaining({ status: 'SUCCEEDED', captured: { amount: order.total.amount } })]);

    // The lines point at the catalog's variants through federation.
    const federated = await stack.admin.query<{ order: { lines: { sku: string; variant: { sku: string; product: { name: string } } }[] } }>(
      `query($id: ID!) { order(id: $id) { lines { sku variant { sku product { name } } } } }`,
      { id: order.id },
    );
    expect(federated.order.lines.map((l) => [l.sku, l.variant.sku, l.variant.product.name])).toEqual(order.lines.map((l) => [l.sku, l.sku, l.productName]));

    // Everything follows the order: stock leaves, the use is confirmed, the cart is done.
    await poll(() => reservationOf(order.id)).toBe('COMMITTED');
    expect(await stockOf(variantIds[0]!)).toEqual({ onHand: 3, reserved: 0 });
    await poll(() => redemptionsOf(order.id)).toEqual(['CONFIRMED']);
    await poll(() => cartStatus(cart.id)).toBe('CHECKED_OUT');
  });

  it('cancels the order when the card is declined and releases the stock, the code and the cart', async () => {
    const { carts, orders, cart, variantIds } = await shopperWithCart();
    const { order, paymentClientSecret } = await orders.checkout({ cartId: cart.id });
    const declined = await payWith(stack, paymentClientSecret!, 'pm_card_chargeDeclined');
    expect(declined.status).toBe(402);
    expect(declined.body.error).toMatchObject({ type: 'card_error', code: 'card_declined' });

    await poll(async () => (await orders.order(order!.id))?.status).toBe('CANCELLED');
    const cancelled = (await orders.order(order!.id))!;
    expect(cancelled.history.at(-1)).toMatchObject({ from: 'PENDING_PAYMENT', to: 'CANCELLED', actor: 'system:payment-webhook', reason: expect.stringMatching(/declined/) });
    expect(cancelled.payments[0]).toMatchObject({ status: 'FAILED', failureMessage: expect.stringMatching(/declined/) });
    await poll(() => reservationOf(order!.id)).toBe('RELEASED');
    expect(await stockOf(variantIds[0]!)).toEqual({ onHand: 5, reserved: 0 });
    await poll(() => redemptionsOf(order!.id)).toEqual(['RELEASED']);
    await poll(() => cartStatus(cart.id)).toBe('ACTIVE');
    expect((await carts.read(cart.id))?.lines).toHaveLength(2);
  });

  it('answers the same order for the same key, also when 20 requests race, and refuses the key for another cart', async () => {
    const { shopper, orders, cart } = await shopperWithCart();
    const key = newKey();
    const results = await Promise.all(Array.from({ length: 20 }, () => orders.checkout({ cartId: cart.id, idempotencyKey: key })));
    const ids = new Set(results.map((r) => r.order?.id));
    expect(results.flatMap((r) => r.userErrors)).toEqual([]);
    expect(ids.size).toBe(1);
    expect(new Set(results.map((r) => r.paymentClientSecret)).size).toBe(1);
    const orderId = [...ids][0]!;
    const { rows } = await sql.order.query('SELECT count(*)::int AS n FROM payment WHERE order_id = $1', [rawOrderId(orderId)]);
    expect(rows[0].n).toBe(1);
    expect(stack.stripe!.events().filter((e) => e.type === 'payment_intent.created' && (e.data.object as { metadata?: { order_id?: string } }).metadata?.order_id === rawOrderId(orderId))).toHaveLength(1);

    const again = await orders.checkout({ cartId: cart.id, idempotencyKey: key });
    expect(again.order?.id).toBe(orderId);

    const other = (await cartApi(shopper).create()).cart;
    const reused = await orders.checkout({ cartId: other!.id, idempotencyKey: key });
    expect(reused.userErrors).toEqual([expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] })]);
  });

  it('refuses a checkout that cannot be made, with the fields at fault, and holds nothing', async () => {
    const { orders, cart, variantIds, promotionId } = await shopperWithCart(2);
    const bad = await orders.checkout({ cartId: cart.id, shippingAddress: { ...ADDRESS, line1: ' ', postalCode: '9410#' } });
    expect(bad.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([
      ['INVALID_ADDRESS', 'input.shippingAddress.line1'],
      ['INVALID_ADDRESS', 'input.shippingAddress.postalCode'],
    ]);
    const moved = await orders.checkout({ cartId: cart.id, expectedTotal: cart.total.amount + 1 });
    expect(moved.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([['PRICE_CHANGED', 'input.expectedTotal']]);
    expect(await cartStatus(cart.id)).toBe('ACTIVE');

    // Two of the first variant are in the cart and only two are in stock: someone buys one first.
    await sql.catalog.query('UPDATE inventory_level SET on_hand = 1 WHERE variant_id = $1', [rawIdOf('ProductVariant', variantIds[0]!, 'v')]);
    const short = await orders.checkout({ cartId: cart.id });
    const shortLine = cart.lines.find((l) => l.variant.id === variantIds[0])!;
    expect(short.order).toBeNull();
    expect(short.userErrors).toEqual([expect.objectContaining({ code: 'OUT_OF_STOCK', field: ['input', 'cartId', 'lines', shortLine.id], message: expect.stringMatching(/not enough stock/) })]);
    expect(await cartStatus(cart.id)).toBe('ACTIVE');
    expect(await stockOf(variantIds[1]!)).toEqual({ onHand: 2, reserved: 0 });
    const { rows } = await sql.promotion.query('SELECT reserved_count FROM promotion WHERE id = $1', [rawIdOf('Promotion', promotionId, 'p')]);
    expect(rows[0].reserved_count).toBe(0);
  });

  it('takes a country code in any case, answers it in capitals, and refuses one that is not a country at the gateway', async () => {
    const { shopper, orders, cart } = await shopperWithCart();
    const CHECKOUT = `mutation($input: CheckoutInput!) { checkout(input: $input) { order { id } userErrors { code } } }`;
    const bad = await shopper.request(CHECKOUT, { input: { cartId: cart.id, shippingAddress: { ...ADDRESS, country: 'USA' }, shippingMethod: 'STANDARD', idempotencyKey: newKey() } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const placed = await orders.checkout({ cartId: cart.id, shippingAddress: { ...ADDRESS, country: 'us', state: 'ca' } });
    expect(placed.order?.shippingAddress).toMatchObject({ country: 'US', state: 'CA' });
  });

  it('refuses an empty cart and a cart that is not the caller’s', async () => {
    const shopper = await stack.as(unique('shopper'), 'customer');
    const { cart } = await cartApi(shopper).create();
    expect((await orderApi(shopper).checkout({ cartId: cart!.id })).userErrors.map((e) => e.code)).toEqual(['CART_EMPTY']);
    const stranger = await stack.as(unique('stranger'), 'customer');
    expect((await orderApi(stranger).checkout({ cartId: cart!.id })).userErrors.map((e) => e.code)).toEqual(['CART_NOT_FOUND']);
  });

  it('makes an order its discounts pay for entirely PAID at once, without a payment', async () => {
    const { variantIds } = await createVariants(stack, [{ price: 3000, onHand: 5 }]);
    const all = unique('ALL').toUpperCase().replaceAll('-', '');
    const ship = unique('SHIP').toUpperCase().replaceAll('-', '');
    await createPromotion(stack, { name: 'On the house', code: all, discountType: 'PERCENTAGE', percentOff: 100 });
    await createPromotion(stack, { name: 'Free shipping', code: ship, discountType: 'FREE_SHIPPING' });
    const shopper = await stack.as(unique('lucky'), 'customer');
    const carts = cartApi(shopper);
    const { cart } = await carts.create(undefined, [{ variantId: variantIds[0]!, quantity: 1 }]);
    await carts.applyCode(cart!.id, all);
    const applied = await carts.applyCode(cart!.id, ship);
    expect(applied.cart?.total.amount).toBe(0);
    const { order, paymentClientSecret, userErrors } = await orderApi(shopper).checkout({ cartId: cart!.id });
    expect(userErrors).toEqual([]);
    expect(paymentClientSecret).toBeNull();
    expect(order).toMatchObject({ status: 'PAID', total: { amount: 0 }, paymentIntentId: null, payments: [] });
    await poll(() => reservationOf(order!.id)).toBe('COMMITTED');
  });
});
