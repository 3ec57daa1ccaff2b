// The storefront (gateway/storefront/) in headless Chromium against the whole stack: a shopper
// signs in, searches, narrows by a facet, picks a variant, fills a cart, applies a code, checks
// out and pays with a test card on the local Stripe server; the order page turns PAID when the
// webhook lands and SHIPPED when staff ship it, without reloading. A declined card and a refused
// code are told in the shopper's words. Screenshots of each step go to .artifacts/storefront/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cartApi, createPromotion, unique } from '../subgraphs/cart/cart-fixtures.js';
import { createCategory, createProduct } from '../subgraphs/catalog/catalog-fixtures.js';
import { productInput } from '../subgraphs/catalog/product-search-fixtures.js';
import { ADDRESS, orderApi } from '../subgraphs/order/order-fixtures.js';
import { launchBrowser, screenshot } from './browser.js';
import { graphqlClient, startTestStack, type TestStack } from './harness.js';

let stack: TestStack;
let browser: Browser;
let baseUrl: string;
let code: string;
const products: Record<'linen' | 'oxford' | 'mug', string> = { linen: '', oxford: '', mug: '' };

beforeAll(async () => {
  stack = await startTestStack({ workers: true, devKeys: true, env: { OUTBOX_RELAY_MS: '50', ORDER_RECONCILE_MS: '3600000' } });
  baseUrl = stack.gatewayUrl.replace(/\/graphql$/, '');
  browser = await launchBrowser();
  const apparel = await createCategory(stack.admin, unique('apparel'));
  const linen = productInput('Linen shirt', [apparel], [
    { price: 4500, onHand: 5, size: 'S', colour: 'Sand' },
    { price: 4500, onHand: 5, size: 'M', colour: 'Sand' },
    { price: 4800, onHand: 0, size: 'S', colour: 'Navy' },
    { price: 4800, onHand: 5, size: 'M', colour: 'Navy' },
  ]);
  products.linen = (await createProduct(stack.admin, linen)).id;
  products.oxford = (await createProduct(stack.admin, productInput('Oxford shirt', [apparel], [{ price: 5500, onHand: 5, size: 'M', colour: 'White' }]))).id;
  products.mug = (await createProduct(stack.admin, productInput('Stoneware mug', [], [{ price: 1800, onHand: 20 }]))).id;
  code = unique('TEN').toUpperCase().replaceAll('-', '');
  await createPromotion(stack, { name: 'Ten off', code, discountType: 'PERCENTAGE', percentOff: 10 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });
const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent())?.trim();

/** A new shopper: a fresh browser profile on the storefront, signed in with the dev button. */
async function signedInShopper(): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Sign in (dev)' }).click();
  await page.getByTestId('signed-in-as').waitFor();
  return page;
}

/** Opens a product by its id and adds the variant the pickers choose. */
async function addToCart(page: Page, productId: string, options: Record<string, string> = {}, quantity = 1) {
  await page.goto(`${baseUrl}/#/product/${encodeURIComponent(productId)}`);
  for (const [name, value] of Object.entries(options)) await page.getByLabel(name, { exact: true }).selectOption(value);
  await page.getByLabel('Quantity').fill(String(quantity));
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('status').filter({ hasText: 'to your cart' }).waitFor();
}

/** Checks the cart out to ADDRESS by standard shipping; answers the order's id, from the order page's URL. */
async function checkOut(page: Page, screenshotName?: string) {
  await page.getByTestId('cart-link').click();
  await page.getByRole('link', { name: 'Check out' }).click();
  await page.getByLabel('Full name').fill(ADDRESS.name);
  await page.getByLabel('Address', { exact: true }).fill(ADDRESS.line1);
  await page.getByLabel('City').fill(ADDRESS.city);
  await page.getByLabel('State or region').fill(ADDRESS.state);
  await page.getByLabel('Postal code').fill(ADDRESS.postalCode);
  await page.getByLabel('Country').selectOption(ADDRESS.country);
  await page.getByLabel('Standard').check();
  if (screenshotName) await screenshot(page, screenshotName);
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await page.getByRole('heading', { name: /^Order ORD-/ }).waitFor();
  return decodeURIComponent(new URL(page.url()).hash.replace('#/order/', ''));
}

const orderStatus = (page: Page) => page.getByTestId('order-status').getAttribute('data-status');

describe('the storefront in a browser', () => {
  it('takes a shopper from search to a paid order that follows its status live to SHIPPED', async () => {
    const page = await signedInShopper();
    await screenshot(page, '01-signed-in');

    // Search, then narrow by a facet value.
    await page.getByLabel('Search products').fill('shirt');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('heading', { name: '2 products' }).waitFor();
    expect(await page.getByRole('article').getByRole('heading').allTextContents()).toEqual(expect.arrayContaining(['Linen shirt', 'Oxford shirt']));
    await screenshot(page, '02-search');
    const navy = page.getByRole('group', { name: 'Colour' }).getByRole('button', { name: 'Navy (1)' });
    await navy.click();
    await page.getByRole('heading', { name: '1 product' }).waitFor();
    expect(await page.getByRole('article').getByRole('heading').allTextContents()).toEqual(['Linen shirt']);
    expect(await navy.getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, '03-facet');

    // The product: the options choose the variant, its price and whether it can be bought.
    await page.getByRole('link', { name: 'Linen shirt' }).click();
    await page.getByRole('heading', { name: 'Linen shirt' }).waitFor();
    await page.getByLabel('Size', { exact: true }).selectOption('S');
    await page.getByLabel('Colour', { exact: true }).selectOption('Navy');
    expect(await text(page, 'variant-price')).toBe('$48.00');
    expect(await text(page, 'availability')).toBe('Out of stock');
    expect(await page.getByRole('button', { name: 'Add to cart' }).isDisabled()).toBe(true);
    await page.getByLabel('Size', { exact: true }).selectOption('M');
    expect(await text(page, 'availability')).toBe('In stock (5 available)');
    await page.getByLabel('Quantity').fill('2');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('status').filter({ hasText: 'Added M / Navy to your cart' }).waitFor();
    expect(await text(page, 'cart-count')).toBe('2');
    await screenshot(page, '04-product');
    await addToCart(page, products.mug);
    expect(await text(page, 'cart-count')).toBe('3');

    // The cart shows the API's priced cart; the code takes 10 % off and the totals follow.
    await page.getByTestId('cart-link').click();
    await page.getByRole('heading', { name: 'Your cart' }).waitFor();
    await page.getByTestId('cart-total').waitFor();
    expect(await page.getByRole('row').count()).toBe(3);
    expect(await text(page, 'cart-subtotal')).toBe('$114.00');
    const totalBefore = await text(page, 'cart-total');
    await screenshot(page, '05-cart');
    await page.getByLabel('Promotion code').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByTestId('cart-discounts').waitFor();
    expect(await text(page, 'cart-discounts')).toBe('−$11.40');
    const token = await page.evaluate(() => JSON.parse((globalThis as any).localStorage.getItem('storefront.session')).token as string);
    const shopper = graphqlClient(stack.gatewayUrl, token);
    const cart = (await cartApi(shopper).mine())!;
    expect(cart.appliedCodes).toEqual([code]);
    expect(await text(page, 'cart-total')).toBe(cart.total.formatted);
    expect(cart.total.formatted).not.toBe(totalBefore);
    await screenshot(page, '06-code-applied');

    // Checkout, then pay on the order page; PAID arrives over the WebSocket, not a reload.
    const orderReads: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().endsWith('/graphql') && /query OrderPage/.test(req.postData() ?? '')) orderReads.push(req.url());
    });
    const framesReceived: string[] = [];
    page.on('websocket', (ws) => ws.on('framereceived', (frame) => framesReceived.push(String(frame.payload))));
    const orderId = await checkOut(page, '07-checkout');
    expect(await orderStatus(page)).toBe('PENDING_PAYMENT');
    const placed = (await orderApi(shopper).order(orderId))!;
    expect(await text(page, 'order-total')).toBe(placed.total.formatted);
    expect(await text(page, 'order-discounts')).toBe('−$11.40');
    await screenshot(page, '08-order-placed');
    await page.evaluate(() => Object.assign(globalThis, { sameDocument: true }));

    await page.getByLabel('Test card').selectOption('pm_card_visa');
    await page.getByRole('button', { name: `Pay ${placed.total.formatted}` }).click();
    await poll(() => orderStatus(page)).toBe('PAID');
    expect(await text(page, 'order-status')).toBe('Paid');
    expect(await text(page, 'live-status')).toMatch(/^Live/);
    await screenshot(page, '09-order-paid');

    // Staff move it through production and ship it; the page follows each step.
    const staff = async (mutation: string, variables: Record<string, unknown>) => {
      const data = await stack.admin.query<Record<string, { order: { status: string } | null; userErrors: unknown[] }>>(mutation, variables);
      expect(Object.values(data)[0]!.userErrors).toEqual([]);
    };
    const PRODUCTION = 'mutation($id: ID!, $status: OrderProductionStatus!) { updateOrderProduction(orderId: $id, status: $status) { order { status } userErrors { code } } }';
    await staff(PRODUCTION, { id: orderId, status: 'AWAITING_PRODUCTION' });
    await poll(() => orderStatus(page)).toBe('AWAITING_PRODUCTION');
    await staff(PRODUCTION, { id: orderId, status: 'READY_TO_SHIP' });
    await staff('mutation($id: ID!, $input: OrderShippingInput!) { updateOrderShipping(orderId: $id, input: $input) { order { status } userErrors { code } } }', {
      id: orderId,
      input: { provider: 'UPS', method: 'Ground', trackingNumber: '1Z999AA10123456784', status: 'SHIPPED' },
    });
    await poll(() => orderStatus(page)).toBe('SHIPPED');
    expect(await text(page, 'order-status')).toBe('Shipped');
    expect(await text(page, 'parcel')).toBe('UPS Ground, tracking number 1Z999AA10123456784');
    expect(await page.getByRole('list', { name: 'History' }).getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^Placed: Awaiting payment/),
      expect.stringMatching(/^Awaiting payment → Paid/),
      expect.stringMatching(/^Paid → Being prepared/),
      expect.stringMatching(/^Being prepared → Ready to ship/),
      expect.stringMatching(/^Ready to ship → Shipped/),
    ]);
    await screenshot(page, '10-order-shipped');

    // Live: the same document throughout, the order read over HTTP once (when the page opened), and every later status over the socket.
    expect(await page.evaluate(() => (globalThis as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(orderReads).toHaveLength(1);
    for (const status of ['PAID', 'AWAITING_PRODUCTION', 'READY_TO_SHIP', 'SHIPPED']) {
      expect(framesReceived.some((f) => f.includes(`"status":"${status}"`))).toBe(true);
    }
    await page.context().close();
  }, 120_000);

  it('tells the shopper in plain words that the card was declined', async () => {
    const page = await signedInShopper();
    await addToCart(page, products.mug, {}, 2);
    await checkOut(page);
    await page.getByLabel('Test card').selectOption('pm_card_chargeDeclined');
    await page.getByRole('button', { name: /^Pay / }).click();
    const result = page.getByTestId('payment-result');
    await result.waitFor();
    expect(await result.getAttribute('role')).toBe('alert');
    expect(await result.textContent()).toMatch(/^Your card was declined\. Please use another card\.This order will be cancelled/);
    expect(await result.textContent()).not.toMatch(/card_declined|generic_decline/);
    // The payment webhook cancels the order; the page says so by itself, the decline still explained.
    await poll(() => orderStatus(page)).toBe('CANCELLED');
    expect(await result.isVisible()).toBe(true);
    await screenshot(page, '11-card-declined');
    await page.context().close();
  }, 60_000);

  it('changes a quantity, takes a code off and empties the cart', async () => {
    const page = await signedInShopper();
    await addToCart(page, products.mug);
    await page.getByTestId('cart-link').click();
    const quantity = page.getByLabel('Quantity of Stoneware mug');
    await quantity.fill('3');
    await quantity.press('Tab');
    await poll(() => text(page, 'cart-subtotal')).toBe('$54.00');
    expect(await text(page, 'cart-count')).toBe('3');

    await page.getByLabel('Promotion code').fill(code);
    await page.getByRole('button', { name: 'Apply' }).click();
    await poll(() => text(page, 'cart-discounts')).toBe('−$5.40');
    await page.getByRole('button', { name: `Remove code ${code}` }).click();
    await page.getByTestId('cart-discounts').waitFor({ state: 'detached' });
    expect(await page.getByRole('list', { name: 'Applied codes' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Remove Stoneware mug' }).click();
    await page.getByText('Your cart is empty.').waitFor();
    expect(await text(page, 'cart-count')).toBe('0');
    await screenshot(page, '12-cart-emptied');
    await page.context().close();
  }, 60_000);

  it('keeps what a shopper adds while signing in still reads their cart', async () => {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(baseUrl);
    // The cart read that follows sign-in answers a second late, as on a busy server.
    let held: Promise<void> | undefined;
    await page.route('**/graphql', (route) => {
      if (held || !route.request().postData()?.includes('query MyCart')) return route.continue();
      held = new Promise((resolve) => setTimeout(resolve, 1_000)).then(() => route.continue());
      return held;
    });
    await page.getByRole('button', { name: 'Sign in (dev)' }).click();
    await page.getByTestId('signed-in-as').waitFor();
    await addToCart(page, products.mug);
    await held;
    // Once that late answer is in, the page still says the mug was added and counts it.
    await page.waitForTimeout(300);
    expect(await page.getByRole('status').filter({ hasText: 'to your cart' }).isVisible()).toBe(true);
    expect(await text(page, 'cart-count')).toBe('1');
    await page.context().close();
  }, 60_000);

  it('shows refusals in the shopper’s words, not the API’s codes', async () => {
    const page = await signedInShopper();
    await addToCart(page, products.mug);
    await page.getByTestId('cart-link').click();
    await page.getByLabel('Promotion code').fill('NOSUCHCODE');
    await page.getByRole('button', { name: 'Apply' }).click();
    const error = page.getByTestId('cart-error');
    await error.waitFor();
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.textContent()).toBe('We don’t recognise that promotion code. Please check the spelling.');
    await screenshot(page, '13-unknown-code');

    await page.getByLabel('Quantity of Stoneware mug').fill('1000');
    await page.getByLabel('Quantity of Stoneware mug').press('Tab');
    await poll(async () => page.getByTestId('cart-error').textContent()).toBe('Please choose a quantity from 1 to 999.');
    expect(await text(page, 'cart-count')).toBe('1');
    await screenshot(page, '14-quantity-refused');
    await page.context().close();
  }, 60_000);
});
