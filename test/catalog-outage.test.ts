// A catalog outage does not take the cart down: through the gateway, a shopper still gets their
// cart, its lines at the prices last seen with the variant null (and an error beside the data),
// out of the totals, and a warning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cartApi, createVariants } from '../subgraphs/cart/cart-fixtures.js';
import { startTestStack, type TestStack } from './harness.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ subgraphs: ['catalog', 'cart', 'promotion'] });
});
afterAll(() => stack?.close());

describe('when the catalog is down', () => {
  it('shows the cart with its lines as unavailable instead of failing the whole cart', async () => {
    const tee = await createVariants(stack, [{ price: 1999 }]);
    const erin = cartApi(await stack.as('erin', 'customer'));
    const cartId = (await erin.create(undefined, [{ variantId: tee.variantIds[0]!, quantity: 2 }])).cart!.id;

    await stack.stop('catalog');
    const client = await stack.as('erin', 'customer');
    const res = await client.request<{ cart: Record<string, any> }>(
      `query($id: ID!) { cart(id: $id) { id lines { quantity unitPrice { amount } variant { id sku } } subtotal { amount } total { amount } warnings { code } } }`,
      { id: cartId },
    );
    expect(res.data!.cart).toEqual({
      id: cartId,
      lines: [{ quantity: 2, unitPrice: { amount: 1999 }, variant: null }],
      subtotal: { amount: 0 },
      total: { amount: 0 },
      warnings: [{ code: 'CATALOG_UNAVAILABLE' }],
    });
    // The outage is reported (as an internal error: its details are the operator's), beside the data.
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);

    // The gateway's readiness names the subgraph that is down, and the others as they are.
    const ready = await fetch(new URL('/readyz', stack.gatewayUrl));
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      status: 'not ready',
      checks: expect.objectContaining({ redis: 'ok', cart: 'ok', promotion: 'ok', catalog: `does not answer at ${new URL(stack.subgraphUrls.catalog).host}` }),
    });
  });
});
