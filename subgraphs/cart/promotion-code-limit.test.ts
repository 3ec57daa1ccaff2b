// applyPromotionCode's limit on code guessing through the gateway (PROMOTION_CODE_FAILURES_PER_MINUTE_*,
// set low here): only codes that fail to apply count, per person and per client address; over the
// limit every code, a good one too, is RATE_LIMITED with the seconds to wait, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../test/harness.js';
import { cartApi, createPromotion, createVariants, unique } from './cart-fixtures.js';

const PER_PERSON = 3;
const PER_CLIENT = 5;
const RATE_LIMITED = { code: 'RATE_LIMITED', field: null, message: expect.stringMatching(/^Too many promotion codes that did not apply\. Try again in ([1-9]|[1-5]\d|60) seconds?\.$/) };

let stack: TestStack;
let variantId: string;
let code: string;

beforeAll(async () => {
  stack = await startTestStack({
    subgraphs: ['catalog', 'cart', 'promotion'],
    env: { PROMOTION_CODE_FAILURES_PER_MINUTE_PER_PERSON: String(PER_PERSON), PROMOTION_CODE_FAILURES_PER_MINUTE_PER_CLIENT: String(PER_CLIENT) },
  });
  variantId = (await createVariants(stack, [{ price: 2000 }])).variantIds[0]!;
  code = unique('SAVE').toUpperCase().replaceAll('-', '');
  await createPromotion(stack, { name: 'Ten off', code, discountType: 'PERCENTAGE', percentOff: 10 });
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

let lastOctet = 0;
/** A client address of its own, as the load balancer in front of the gateway records it. */
const fromNewClient = () => ({ 'x-forwarded-for': `203.0.113.${++lastOctet}` });

async function shopper() {
  const carts = cartApi(await stack.as(unique('guesser'), 'customer'));
  const { cart } = await carts.create(undefined, [{ variantId, quantity: 1 }]);
  return { carts, cartId: cart!.id };
}

const codesOf = (payload: { userErrors: { code: string }[] }) => payload.userErrors.map((e) => e.code);

describe('promotion code guessing', () => {
  it('never counts a code that applies, refuses a person past their failures with RATE_LIMITED, storing nothing; another person is unaffected', async () => {
    const alice = await shopper();
    const client = fromNewClient();
    // A shopper applying and removing a good code more often than the limit is never blocked.
    for (let i = 0; i <= PER_PERSON; i++) {
      expect(codesOf(await alice.carts.applyCode(alice.cartId, code.toLowerCase(), client))).toEqual([]);
      expect((await alice.carts.removeCode(alice.cartId, code)).cart!.appliedCodes).toEqual([]);
    }
    for (let i = 0; i < PER_PERSON; i++) expect(codesOf(await alice.carts.applyCode(alice.cartId, `GUESS${i}`, client))).toEqual(['PROMOTION_NOT_FOUND']);
    // Past the limit even the good code is refused, from any address, and the cart stays as it was.
    const limited = await alice.carts.applyCode(alice.cartId, code, fromNewClient());
    expect(limited.userErrors).toEqual([RATE_LIMITED]);
    expect(limited.cart!.appliedCodes).toEqual([]);
    expect((await alice.carts.read(alice.cartId))!.appliedCodes).toEqual([]);

    const bob = await shopper();
    expect(codesOf(await bob.carts.applyCode(bob.cartId, 'GUESS0', client))).toEqual(['PROMOTION_NOT_FOUND']);
    expect((await bob.carts.applyCode(bob.cartId, code, client)).cart!.appliedCodes).toEqual([code]);
  });

  it('limits a client address across persons, and those persons from another address are unaffected', async () => {
    const client = fromNewClient();
    for (let i = 0; i < PER_CLIENT; i++) {
      const guesser = await shopper();
      expect(codesOf(await guesser.carts.applyCode(guesser.cartId, `GUESS${i}`, client))).toEqual(['PROMOTION_NOT_FOUND']);
    }
    const carol = await shopper();
    const limited = await carol.carts.applyCode(carol.cartId, code, client);
    expect(limited.userErrors).toEqual([RATE_LIMITED]);
    expect(limited.cart!.appliedCodes).toEqual([]);
    expect((await carol.carts.applyCode(carol.cartId, code, fromNewClient())).cart!.appliedCodes).toEqual([code]);
  });
});
