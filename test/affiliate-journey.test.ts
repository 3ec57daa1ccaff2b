// A referred shopper end to end, with the real workers: the click is recorded, the cart is created
// with the partner's code, the cart's outbox relay publishes CartCreated, and the promotion
// context's consumer links the click to that cart, which the partner report then counts. Then the
// shopper buys: the order context's OrderPaid credits the partner with its commission.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cartApi, createVariants } from '../subgraphs/cart/cart-fixtures.js';
import { orderApi, payWith } from '../subgraphs/order/order-fixtures.js';
import { startTestStack, type GraphQLClient, type TestStack } from './harness.js';

let stack: TestStack;
let alice: GraphQLClient;
let partnerId: string;

beforeAll(async () => {
  stack = await startTestStack({ workers: true, env: { OUTBOX_RELAY_MS: '100' } });
  alice = await stack.as('alice', 'customer');
  const data = await stack.admin.query<{ createAffiliatePartner: { partner: { id: string } } }>(
    `mutation { createAffiliatePartner(input: { code: "trailblog", name: "Trail Blog", commissionRate: 800 }) { partner { id } userErrors { code } } }`,
  );
  partnerId = data.createAffiliatePartner.partner.id;
});
afterAll(() => stack?.close());

const REPORT = `query($id: ID!, $from: DateTime!, $to: DateTime!) { affiliateReport(partnerId: $id, from: $from, to: $to) { clicks carts orders revenue { amount } commission { amount } } }`;

describe('a referred shopper', () => {
  it('has the click linked to the cart they create with the partner code', async () => {
    const click = await alice.query<{ recordAffiliateClick: { userErrors: unknown[] } }>(
      `mutation { recordAffiliateClick(input: { code: "TrailBlog", url: "https://shop.example/landing", referrer: "https://trail.example/post" }) { userErrors { code message } } }`,
    );
    expect(click.recordAffiliateClick.userErrors).toEqual([]);
    const cart = await alice.query<{ createCart: { cart: { id: string; affiliateCode: string } } }>(
      `mutation { createCart(input: { affiliateCode: "trailblog" }) { cart { id affiliateCode } userErrors { code } } }`,
    );
    expect(cart.createCart.cart.affiliateCode).toBe('TRAILBLOG');

    const range = { id: partnerId, from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() };
    await expect
      .poll(async () => (await stack.admin.query<{ affiliateReport: unknown }>(REPORT, range)).affiliateReport, { timeout: 20_000, interval: 200 })
      .toEqual({ clicks: 1, carts: 1, orders: 0, revenue: [], commission: [] });
  });

  it('credits the partner when the order the cart became is paid', async () => {
    const { variantIds } = await createVariants(stack, [{ price: 5000, onHand: 5 }]);
    const cart = (await cartApi(alice).mine())!;
    expect((await cartApi(alice).add(cart.id, variantIds[0]!, 2)).userErrors).toEqual([]);
    const { order, paymentClientSecret, userErrors } = await orderApi(alice).checkout({ cartId: cart.id });
    expect(userErrors).toEqual([]);
    await payWith(stack, paymentClientSecret!);
    const range = { id: partnerId, from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() };
    // Commission: 8 % of subtotal − discounts (10,000 → 800).
    await expect
      .poll(async () => (await stack.admin.query<{ affiliateReport: unknown }>(REPORT, range)).affiliateReport, { timeout: 20_000, interval: 200 })
      .toEqual({ clicks: 1, carts: 1, orders: 1, revenue: [{ amount: 10_000 }], commission: [{ amount: 800 }] });
    expect((await orderApi(alice).order(order!.id))?.status).toBe('PAID');
  });
});
