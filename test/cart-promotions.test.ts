// Catalog, cart and promotion subgraphs together, through the gateway, with no fakes: the cents a
// shopper sees come from the catalog's prices, the promotion engine's discounts and the cart's
// rate tables. Every expected figure below is worked out by hand in the comments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId } from '../lib/global-id.js';
import { cartApi, createPromotion, createVariants, totals } from '../subgraphs/cart/cart-fixtures.js';
import { startTestStack, type TestStack } from './harness.js';

let stack: TestStack;
let alice: ReturnType<typeof cartApi>;
let shirt: { productId: string; variantIds: string[] };
let mug: { productId: string; variantIds: string[] };
let cartId: string;
let limitedId: string;

const promotion = (input: Record<string, unknown>) => createPromotion(stack, input);


beforeAll(async () => {
  stack = await startTestStack();
  shirt = await createVariants(stack, [{ price: 1999 }]);
  mug = await createVariants(stack, [{ price: 2500 }]);
  await promotion({ name: 'Shirts: 3 off each', automatic: true, discountType: 'AMOUNT', amountOff: { amount: 300, currencyCode: 'USD' }, level: 'ITEM', targets: { productIds: [shirt.productId] } });
  await promotion({ name: 'Free shipping over 50', automatic: true, discountType: 'FREE_SHIPPING', minSubtotal: { amount: 5000, currencyCode: 'USD' } });
  await promotion({ name: 'Ten percent', code: 'SAVE10', discountType: 'PERCENTAGE', percentOff: 10 });
  await promotion({ name: 'Last season', code: 'SUMMER', discountType: 'PERCENTAGE', percentOff: 20, validFrom: '2025-06-01T00:00:00Z', validTo: '2025-09-01T00:00:00Z' });
  limitedId = await promotion({ name: 'First one only', code: 'ONCE', discountType: 'PERCENTAGE', percentOff: 5, maxRedemptions: 1 });
  alice = cartApi(await stack.as('alice', 'customer'));
  cartId = (await alice.create()).cart!.id;
  await alice.add(cartId, shirt.variantIds[0]!, 2);
});
afterAll(() => stack?.close());

describe('a cart priced by the real promotion subgraph', () => {
  it('applies automatic promotions without any code', async () => {
    const cart = (await alice.add(cartId, mug.variantIds[0]!, 1)).cart!;
    // subtotal 2 × 1999 + 2500 = 6498; shirts 300 off each unit = 600; free shipping (6498 ≥ 5000)
    // takes off the 599 standard US shipping, which the cart shows before discounts, so the
    // discounts come to 600 + 599 = 1199; tax 7.25% (CA) of 6498 − 600 = 5898 → 427.605 → 428;
    // total 6498 − 1199 + 599 + 428 = 6326.
    expect(totals(cart)).toEqual({ subtotal: 6498, discountTotal: 1199, shipping: 599, tax: 428, total: 6326 });
    expect(cart.discounts.map((d) => [d.name, d.level, d.amount.amount])).toEqual(
      expect.arrayContaining([['Shirts: 3 off each', 'ITEM', 600]]),
    );
    expect(cart.warnings).toEqual([]);
  });

  it('applies a code typed in any case, on top of them', async () => {
    const { cart, userErrors } = await alice.applyCode(cartId, 'save10');
    expect(userErrors).toEqual([]);
    expect(cart!.appliedCodes).toEqual(['SAVE10']);
    // item discounts first: 6498 − 600 = 5898 left; 10% of it is 589.8 → 590. Discounts
    // 600 + 590 + 599 shipping = 1789; tax 7.25% of 6498 − 1190 = 5308 → 384.83 → 385;
    // total 6498 − 1789 + 599 + 385 = 5693.
    expect(totals(cart)).toEqual({ subtotal: 6498, discountTotal: 1789, shipping: 599, tax: 385, total: 5693 });
    expect(cart!.total.formatted).toBe('$56.93');
  });

  it('refuses unknown, expired and used-up codes with the promotion reason, storing nothing', async () => {
    // The one use of ONCE goes to another order's checkout first.
    const service = stack.subgraph('promotion', await stack.serviceToken('order'));
    await service.query(
      `mutation($input: ReservePromotionRedemptionsInput!) { reservePromotionRedemptions(input: $input) { userErrors { code } } }`,
      { input: { orderId: globalId('Order', 'order-elsewhere'), personId: 'carol', redemptions: [{ promotionId: limitedId, amount: 100 }] } },
    );
    const before = await alice.read(cartId);
    for (const [code, reason] of [['NOPE', 'PROMOTION_NOT_FOUND'], ['summer', 'PROMOTION_EXPIRED'], ['ONCE', 'USAGE_LIMIT_REACHED']]) {
      const { cart, userErrors } = await alice.applyCode(cartId, code!);
      expect(userErrors.map((e) => e.code)).toEqual([reason]);
      // The cart as it is: nothing stored.
      expect(cart).toEqual(before);
    }
    expect(before!.appliedCodes).toEqual(['SAVE10']);
  });

  it('prices the cart as before once the code is removed', async () => {
    const { cart } = await alice.removeCode(cartId, 'SAVE10');
    expect(cart!.appliedCodes).toEqual([]);
    expect(totals(cart)).toEqual({ subtotal: 6498, discountTotal: 1199, shipping: 599, tax: 428, total: 6326 });
  });
});
