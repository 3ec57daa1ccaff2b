// The checkout saga under failure (SPEC §4): a fault thrown at every step boundary, and a real
// process kill, end either in a complete PENDING_PAYMENT order or with nothing held: the stock,
// the promotion's uses and the cart are all back as they were. A crashed checkout is resumed by a
// retry with the same key, or compensated by the recovery job once its lease has lapsed.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawIdOf } from '../lib/global-id.js';
import { cartApi, createPromotion, createVariants, rawCartId, unique } from '../subgraphs/cart/cart-fixtures.js';
import { CHECKOUT_STEPS } from '../subgraphs/order/checkout/checkout-steps.js';
import { ADDRESS, newKey, sqlIn } from '../subgraphs/order/order-fixtures.js';
import { createOrderServices, type OrderServices } from '../subgraphs/order/server.js';
import type { CheckoutStep } from '../subgraphs/order/prisma-client/client.js';
import { startTestStack, type TestStack } from './harness.js';

const run = promisify(execFile);
let stack: TestStack;
let sql: Record<'order' | 'catalog' | 'cart' | 'promotion', pg.Pool>;
const opened: OrderServices[] = [];

beforeAll(async () => {
  stack = await startTestStack({ env: { ORDER_CHECKOUT_LEASE_MS: '1000' } });
  sql = { order: sqlIn(stack, 'order'), catalog: sqlIn(stack, 'catalog'), cart: sqlIn(stack, 'cart'), promotion: sqlIn(stack, 'promotion') };
}, 60_000);

afterAll(async () => {
  await Promise.all(opened.map((s) => s.db.$disconnect()));
  await Promise.all(Object.values(sql ?? {}).map((p) => p.end()));
  await stack?.close();
});

function services(afterStep?: (step: CheckoutStep) => void) {
  const s = createOrderServices(stack.runtime, { afterStep });
  opened.push(s);
  return s;
}

/** A shopper's cart with two lines and a code, ready for checkout. */
async function readyCart() {
  const { variantIds } = await createVariants(stack, [{ price: 2500, onHand: 5 }, { price: 1000, onHand: 5 }]);
  const code = unique('FAULT').toUpperCase().replaceAll('-', '');
  const promotionId = await createPromotion(stack, { name: 'Fault ten', code, discountType: 'PERCENTAGE', percentOff: 10 });
  const personId = unique('shopper');
  const carts = cartApi(await stack.as(personId, 'customer'));
  const { cart } = await carts.create(undefined, [
    { variantId: variantIds[0]!, quantity: 2 },
    { variantId: variantIds[1]!, quantity: 1 },
  ]);
  await carts.applyCode(cart!.id, code);
  const input = { cartId: rawCartId(cart!.id), shippingAddress: ADDRESS, shippingMethod: 'STANDARD' as const, idempotencyKey: newKey() };
  return { personId, input, variantIds, promotionId, cartId: cart!.id };
}

type Ready = Awaited<ReturnType<typeof readyCart>>;

/** What the checkout holds anywhere: nothing, or exactly one PENDING_PAYMENT order's holds. */
async function holds(ready: Ready) {
  const variants = ready.variantIds.map((id) => rawIdOf('ProductVariant', id, 'v'));
  const stock = await sql.catalog.query('SELECT sum(reserved)::int AS reserved FROM inventory_level WHERE variant_id = ANY($1::uuid[])', [variants]);
  const uses = await sql.promotion.query('SELECT reserved_count, confirmed_count FROM promotion WHERE id = $1', [rawIdOf('Promotion', ready.promotionId, 'p')]);
  const cart = await sql.cart.query('SELECT status FROM cart WHERE id = $1', [rawCartId(ready.cartId)]);
  const orders = await sql.order.query('SELECT status FROM "order" WHERE cart_id = $1 ORDER BY created_at', [rawCartId(ready.cartId)]);
  return {
    reserved: stock.rows[0].reserved as number,
    usesHeld: uses.rows[0].reserved_count as number,
    cart: cart.rows[0].status as string,
    orders: orders.rows.map((r) => r.status as string),
  };
}

const nothingHeld = (orders: string[]) => ({ reserved: 0, usesHeld: 0, cart: 'ACTIVE', orders });
const oneOrderHeld = (orders: string[]) => ({ reserved: 3, usesHeld: 1, cart: 'CHECKING_OUT', orders });

describe('a fault at a step boundary', () => {
  // After the last step the checkout is complete: a fault there leaves the order, as a retry shows.
  const boundaries = CHECKOUT_STEPS.map((s) => s.reaches);

  it.each(boundaries.slice(0, -1))('after %s compensates every step: nothing is held, and the key can be used again', async (boundary) => {
    const ready = await readyCart();
    const faulty = services((step) => {
      if (step === boundary) throw new Error(`injected fault after ${step}`);
    });
    await expect(faulty.checkouts.checkout(ready.personId, ready.input)).rejects.toThrow(/injected fault/);
    const cancelledOrder = boundary === 'ORDER_CREATED' ? ['CANCELLED'] : [];
    expect(await holds(ready)).toEqual(nothingHeld(cancelledOrder));
    const { rows } = await sql.order.query('SELECT state, idempotency_key FROM checkout WHERE cart_id = $1', [rawCartId(ready.cartId)]);
    expect(rows).toEqual([{ state: 'FAILED', idempotency_key: null }]);

    const retried = await services().checkouts.checkout(ready.personId, ready.input);
    expect(retried.userErrors).toEqual([]);
    expect(await holds(ready)).toEqual(oneOrderHeld([...cancelledOrder, 'PENDING_PAYMENT']));
  });

  it('after the last step leaves the complete order, which a retry with the key answers', async () => {
    const ready = await readyCart();
    const faulty = services((step) => {
      if (step === boundaries.at(-1)) throw new Error('injected fault after the last step');
    });
    await expect(faulty.checkouts.checkout(ready.personId, ready.input)).rejects.toThrow(/injected fault/);
    expect(await holds(ready)).toEqual(oneOrderHeld(['PENDING_PAYMENT']));
    const retried = await services().checkouts.checkout(ready.personId, ready.input);
    expect(retried.order).not.toBeNull();
    expect(retried.clientSecret).toMatch(/_secret_/);
  });
});

describe('a process killed in the middle of a checkout', () => {
  const crash = async (ready: Ready, after: CheckoutStep) => {
    const child = path.join(import.meta.dirname, 'checkout-crash-child.ts');
    const env = { ...process.env, ...stack.config.env, CRASH_AFTER: after, CRASH_PERSON: ready.personId, CRASH_INPUT: JSON.stringify(ready.input) };
    const exit = await run(process.execPath, ['--import', 'tsx', child], { env, timeout: 60_000 }).then(
      () => null,
      (err: { signal?: string; stderr?: string }) => err,
    );
    expect(exit?.signal, exit?.stderr).toBe('SIGKILL');
  };

  it('is compensated by the recovery job once its lease has lapsed', async () => {
    const ready = await readyCart();
    await crash(ready, 'INVENTORY_RESERVED');
    expect(await holds(ready)).toEqual({ reserved: 3, usesHeld: 1, cart: 'CHECKING_OUT', orders: [] });
    // Only the quote was stored: the stock and the promotion's use it holds are beyond the stored step.
    const { rows } = await sql.order.query('SELECT step FROM checkout WHERE cart_id = $1', [rawCartId(ready.cartId)]);
    expect(rows).toEqual([{ step: 'CART_LOCKED' }]);
    const recovery = services();
    // Within its lease (and the grace after it) the checkout is left to a retry.
    expect(await recovery.checkouts.recoverAbandoned()).toBe(0);
    await expect.poll(() => recovery.checkouts.recoverAbandoned(0), { timeout: 10_000, interval: 200 }).toBe(1);
    expect(await holds(ready)).toEqual(nothingHeld([]));
  });

  it('is resumed by a retry with the same key', async () => {
    const ready = await readyCart();
    await crash(ready, 'REDEMPTIONS_RESERVED');
    const resumed = await services().checkouts.checkout(ready.personId, ready.input);
    expect(resumed.userErrors).toEqual([]);
    expect(await holds(ready)).toEqual(oneOrderHeld(['PENDING_PAYMENT']));
  });
});
