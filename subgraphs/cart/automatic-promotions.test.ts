// A cart without codes asks the promotion subgraph only when an automatic promotion could apply,
// as the promotion context publishes it (lib/automatic-promotions.ts): not at all in a shop with
// none, and at once again when an admin creates one (the summary is written before the admin's
// answer), or when the summary is missing. A summary counted earlier never replaces a later one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { automaticPromotionsKey, readAutomaticPromotions } from '../../lib/automatic-promotions.js';
import { startTestStack, type TestStack } from '../../test/harness.js';
import { cartApi, createPromotion, createVariants, unique } from './cart-fixtures.js';

let stack: TestStack;
let variantId: string | undefined;

beforeAll(async () => {
  stack = await startTestStack({ subgraphs: ['catalog', 'cart', 'promotion'] });
  [variantId] = (await createVariants(stack, [{ price: 2000 }])).variantIds;
}, 120_000);
afterAll(() => stack?.close());

const key = () => automaticPromotionsKey(stack.config.REDIS_PREFIX);
const summary = () => readAutomaticPromotions(stack.runtime.redis, stack.config.REDIS_PREFIX);

/** A shopper's cart with one line, and a read of its discount and warnings. */
async function shopperCart() {
  const client = await stack.as(unique('shopper'), 'customer');
  const { cart } = await cartApi(client).create(undefined, [{ variantId: variantId!, quantity: 1 }]);
  return async () => {
    const res = await client.query<{ cart: { discountTotal: { amount: number }; warnings: { code: string }[] } }>(
      'query($id: ID!) { cart(id: $id) { discountTotal { amount } warnings { code } } }',
      { id: cart!.id },
    );
    return res.cart;
  };
}

describe('a cart without codes and the automatic promotions', () => {
  it('is priced without asking the promotions while none exists, and with them as soon as one does', async () => {
    expect(await summary()).toBe(0);
    const read = await shopperCart();
    // The promotion subgraph is down, yet nothing could apply: priced, with no warning.
    await stack.stop('promotion');
    try {
      expect(await read()).toEqual({ discountTotal: { amount: 0 }, warnings: [] });
    } finally {
      await stack.restart('promotion');
    }

    const promotionId = await createPromotion(stack, { name: unique('Ten off everything'), automatic: true, discountType: 'PERCENTAGE', percentOff: 10 });
    // Written before createPromotion answered: the very next read applies it.
    expect(await summary()).toBe(1);
    expect(await read()).toEqual({ discountTotal: { amount: 200 }, warnings: [] });

    const deactivated = await stack.admin.query<{ deactivatePromotion: { promotion: { active: boolean } } }>(
      'mutation($id: ID!) { deactivatePromotion(id: $id) { promotion { active } } }',
      { id: promotionId },
    );
    expect(deactivated.deactivatePromotion.promotion.active).toBe(false);
    expect(await summary()).toBe(0);
    expect(await read()).toEqual({ discountTotal: { amount: 0 }, warnings: [] });
  }, 120_000);

  it('asks the promotions when the summary is missing, and keeps a summary counted later', async () => {
    const read = await shopperCart();
    await stack.runtime.redis.del(key());
    await stack.stop('promotion');
    try {
      // Unknown: the cart asks, and the promotions being down says so.
      expect(await read()).toEqual({ discountTotal: { amount: 0 }, warnings: [{ code: 'PROMOTIONS_UNAVAILABLE' }] });
    } finally {
      await stack.restart('promotion');
    }
    // Started again, the promotion context published it.
    expect(await summary()).toBe(0);

    // A summary stamped later than any count now (a slow writer's would be earlier) is not replaced.
    const later = `${(Date.now() + 3_600_000) * 1000}:7`;
    await stack.runtime.redis.set(key(), later);
    await createPromotion(stack, { name: unique('Free shipping'), automatic: true, discountType: 'FREE_SHIPPING' });
    expect(await stack.runtime.redis.get(key())).toBe(later);
  }, 120_000);
});
