// The checkout scenario: shoppers buying one after another, each purchase from a cart of its own
// prepared before the clock starts. A purchase is the checkout mutation through the gateway, the
// card confirmed on the Stripe server as Stripe.js does it (publishable key and client secret),
// Stripe's webhook, and the order reading PAID through the gateway.
//
// Measured once every shopper is busy: completed purchases per second (an order counts when its
// shopper's poll reads it PAID within the window); the checkout mutation's latency; and
// confirm→PAID, from the moment the confirm is sent to the order's paidAt, which the order service
// stamps in the transaction that makes it PAID (one clock: everything runs on this machine), so
// the poll interval does not enter it. After its confirm, each shopper reads
// `order(id) { status paidAt }` every POLL_MS until PAID.
import { randomBytes } from 'node:crypto';
import { request } from 'undici';
import type { Config } from '../lib/config.js';
import { auditCheckouts, startAudit, type CheckoutAudit } from './checkout-audit.js';
import { percentile, round, type RunResult } from './load.js';
import { customerToken } from './requests.js';

export const CHECKOUT_SCENARIO = {
  name: 'checkout',
  viewer: 'customer' as const,
  description:
    'checkout: each shopper buys from its own prepared one-line cart, one purchase after another: the checkout mutation, the card (pm_card_visa) confirmed on the local Stripe server with the publishable key and client secret, the webhook, and the order read PAID',
};

/** SPEC §7: checkout writes p99 < 500 ms. */
const CHECKOUT_P99_LIMIT_MS = 500;
/** How often a shopper reads its order after confirming. */
const POLL_MS = 25;
/** A purchase whose order is not PAID this long after its confirm has failed. */
const PAID_TIMEOUT_MS = 30_000;

const ADDRESS = { name: 'Bench Shopper', line1: '1 Market St', city: 'San Francisco', state: 'CA', postalCode: '94105', country: 'US' };

const CREATE_CART = `mutation PrepareCart($lines: [CartLineInput!]) {
  createCart(input: { lines: $lines }) { cart { id total { amount } } userErrors { code message } }
}`;

export const CHECKOUT = `mutation Checkout($input: CheckoutInput!) {
  checkout(input: $input) {
    order { id number status total { amount currencyCode formatted } }
    paymentClientSecret
    userErrors { field code message }
  }
}`;

const ORDER_STATUS = `query OrderStatus($id: ID!) { order(id: $id) { status paidAt } }`;

/** A shopper's prepared purchase: who buys, the cart, and the total they were shown. */
export interface Purchase {
  headers: Record<string, string>;
  cartId: string;
  total: number;
  idempotencyKey: string;
}

export interface StripeEndpoint {
  url: string;
  publishableKey: string;
}

export interface CheckoutResult extends RunResult {
  /** Confirm sent → the order's paidAt. */
  confirmToPaidMs: RunResult['latencyMs'];
  /** Confirm sent → a shopper's poll read PAID (confirmToPaid plus up to one poll interval and the read). */
  confirmToPaidSeenMs: RunResult['latencyMs'];
  pollMs: number;
  /** Order reads per purchase, on average, until it read PAID: the load the polling added. */
  pollsPerPurchase: number;
  /** Whether the prepared carts ran out before the run's time was up (its rate is over the shorter time). */
  ranOutOfCarts: boolean;
}

type Failure = 'socket' | 'timeouts' | 'non2xx' | 'graphql';

// The shoppers' requests go through undici's request(), not fetch(): the load generator shares the
// machine with what it measures, and fetch's WHATWG Request, Response and streams cost it about
// as much CPU again per request.
export async function post(url: string, headers: Record<string, string>, query: string, variables: Record<string, unknown>) {
  const res = await request(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }), headersTimeout: PAID_TIMEOUT_MS, bodyTimeout: PAID_TIMEOUT_MS });
  return { status: res.statusCode, body: (await res.body.json()) as { data?: Record<string, any> | null; errors?: unknown[] } };
}

class PurchaseFailed extends Error {
  constructor(
    readonly kind: Failure,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One cart with one line for each of `count` new shoppers (a person each, as createCart answers a
 * person's one ACTIVE cart), the lines spread over the variants so that no row is hot.
 */
export async function prepareCarts(url: string, config: Config, variantIds: string[], count: number): Promise<Purchase[]> {
  if (variantIds.length === 0) throw new Error('checkout: no variant in stock to buy (an empty catalog?)');
  const tag = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const purchases: Purchase[] = new Array(count);
  let next = 0;
  const prepareOne = async (i: number) => {
    const token = await customerToken(config, `bench-buyer-${tag}-${i}`);
    if (!token) throw new Error('checkout needs customer tokens, which a real identity provider configuration cannot mint here');
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const variantId = variantIds[(i * 7) % variantIds.length]!;
    const { body } = await post(url, headers, CREATE_CART, { lines: [{ variantId, quantity: 1 }] });
    const cart = body.data?.createCart?.cart;
    if (!cart || body.data?.createCart?.userErrors?.length) throw new Error(`checkout: could not prepare a cart: ${JSON.stringify(body.errors ?? body.data)}`);
    purchases[i] = { headers, cartId: cart.id, total: cart.total.amount, idempotencyKey: `bench-${tag}-${i}` };
  };
  // A few at a time: preparing is not what is measured, but should not take long either.
  await Promise.all(
    Array.from({ length: Math.min(8, count) }, async () => {
      while (next < count) await prepareOne(next++);
    }),
  );
  return purchases;
}

/** A purchase that went through: its checkout's latency, and from sending the confirm to the order's paidAt and to a poll reading PAID (ms). */
interface Completed {
  /** Reads of the order until it read PAID. */
  polls: number;
  checkoutMs: number;
  confirmToPaidMs: number;
  confirmToPaidSeenMs: number;
  paidSeenAt: number;
}

/** The checkout mutation's variables for a prepared purchase. */
export const checkoutVariables = (p: Purchase) => ({
  input: { cartId: p.cartId, idempotencyKey: p.idempotencyKey, expectedTotal: p.total, shippingMethod: 'STANDARD', shippingAddress: ADDRESS },
});

/** The PaymentIntent a client secret belongs to (`pi_…_secret_…`). */
export const paymentIntentOf = (clientSecret: string) => clientSecret.slice(0, clientSecret.indexOf('_secret_'));

/** Confirms the card on the Stripe server as Stripe.js does (publishable key and client secret); answers the HTTP status and the intent's status. */
export async function confirmCard(stripe: StripeEndpoint, clientSecret: string): Promise<{ status: number; body: { status?: string; error?: unknown } }> {
  const confirm = await request(`${stripe.url}/v1/payment_intents/${paymentIntentOf(clientSecret)}/confirm`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stripe.publishableKey}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ payment_method: 'pm_card_visa', client_secret: clientSecret }).toString(),
    headersTimeout: PAID_TIMEOUT_MS,
    bodyTimeout: PAID_TIMEOUT_MS,
  });
  return { status: confirm.statusCode, body: (await confirm.body.json()) as { status?: string; error?: unknown } };
}

async function purchase(url: string, stripe: StripeEndpoint, p: Purchase, onCheckout: (ms: number) => void): Promise<Completed> {
  const started = performance.now();
  const answer = await post(url, p.headers, CHECKOUT, checkoutVariables(p));
  const checkoutMs = performance.now() - started;
  onCheckout(checkoutMs);
  if (answer.status !== 200) throw new PurchaseFailed('non2xx', `checkout: HTTP ${answer.status}`);
  const result = answer.body.data?.checkout;
  if (answer.body.errors?.length || !result) throw new PurchaseFailed('graphql', `checkout: ${JSON.stringify(answer.body.errors)}`);
  if (result.userErrors.length || !result.paymentClientSecret) throw new PurchaseFailed('graphql', `checkout refused: ${JSON.stringify(result.userErrors)}`);

  const confirmedAt = Date.now();
  const confirm = await confirmCard(stripe, result.paymentClientSecret);
  if (confirm.status !== 200 || confirm.body.status !== 'succeeded') throw new PurchaseFailed('non2xx', `confirm: HTTP ${confirm.status} ${JSON.stringify(confirm.body.error ?? confirm.body.status)}`);

  for (let polls = 1; Date.now() - confirmedAt < PAID_TIMEOUT_MS; polls++) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const read = await post(url, p.headers, ORDER_STATUS, { id: result.order.id });
    const order = read.body.data?.order;
    if (read.status !== 200 || read.body.errors?.length || !order) throw new PurchaseFailed('graphql', `order(id): HTTP ${read.status} ${JSON.stringify(read.body.errors ?? read.body.data)}`);
    if (order.status === 'PAID') {
      const paidSeenAt = Date.now();
      return { polls, checkoutMs, confirmToPaidMs: Date.parse(order.paidAt) - confirmedAt, confirmToPaidSeenMs: paidSeenAt - confirmedAt, paidSeenAt };
    }
    if (order.status !== 'PENDING_PAYMENT') throw new PurchaseFailed('graphql', `the order became ${order.status}, not PAID`);
  }
  throw new PurchaseFailed('timeouts', `the order was not PAID ${PAID_TIMEOUT_MS / 1000} s after the card was confirmed; do the Stripe server's webhooks reach the gateway's /webhooks/stripe?`);
}

let stopping = false;

/** Stops starting purchases; those under way finish. */
export function stopCheckouts(): void {
  stopping = true;
}

/**
 * Fails loudly when one purchase does not go through before any load: the usual cause is a Stripe
 * server whose webhooks do not reach this gateway.
 */
async function sanityCheckout(url: string, stripe: StripeEndpoint, p: Purchase): Promise<void> {
  try {
    await purchase(url, stripe, p, () => {});
  } catch (err) {
    throw new Error(`Scenario checkout is broken before any load: ${(err as Error).message}`);
  }
}

/**
 * `shoppers` concurrent shoppers buying from `purchases`, one purchase after another. Each
 * shopper's first purchase is a ramp, not measured: the window of `durationSeconds` opens when the
 * last shopper has finished its first, so that every shopper is busy throughout it (a purchase
 * can take seconds under load, and a window that opened with the first request would count the
 * time before the first one came back). Purchases that complete within the window make the rate;
 * those started within it make the latencies. Ends early when the carts run out.
 */
async function runCheckouts(url: string, stripe: StripeEndpoint, purchases: Purchase[], shoppers: number, durationSeconds: number) {
  const checkoutMs: number[] = [];
  const completed: (Completed & { startedAt: number })[] = [];
  const errors: Record<Failure, number> = { socket: 0, timeouts: 0, non2xx: 0, graphql: 0 };
  const firstFailures: string[] = [];
  let windowStart = Infinity;
  let windowEnd = Infinity;
  let ramping = shoppers;
  let next = 0;
  await Promise.all(
    Array.from({ length: shoppers }, async () => {
      let first = true;
      while (!stopping && Date.now() < windowEnd && next < purchases.length) {
        const startedAt = Date.now();
        const measured = startedAt >= windowStart;
        try {
          const done = await purchase(url, stripe, purchases[next++]!, (ms) => {
            if (measured) checkoutMs.push(ms);
          });
          completed.push({ ...done, startedAt });
        } catch (err) {
          const kind = err instanceof PurchaseFailed ? err.kind : 'socket';
          errors[kind]++;
          if (firstFailures.length < 3) firstFailures.push((err as Error).message);
        }
        if (first && --ramping === 0) {
          windowStart = Date.now();
          windowEnd = windowStart + durationSeconds * 1000;
        }
        first = false;
      }
    }),
  );
  const end = Math.min(windowEnd, Date.now());
  const ranOutOfCarts = next >= purchases.length && end < windowEnd && !stopping;
  const seconds = Number.isFinite(windowStart) ? Math.max(0.001, (end - windowStart) / 1000) : 0;
  const inWindow = completed.filter((c) => c.startedAt >= windowStart);
  return {
    checkoutMs,
    completed: inWindow,
    errors,
    firstFailures,
    ranOutOfCarts,
    used: next,
    seconds,
    paidInTime: completed.filter((c) => c.paidSeenAt >= windowStart && c.paidSeenAt <= end).length,
  };
}

type CheckoutRun = Awaited<ReturnType<typeof runCheckouts>>;

export const latency = (values: number[]): RunResult['latencyMs'] => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: round(sorted.at(-1) ?? 0) };
};

function summariseCheckouts(run: CheckoutRun, shoppers: number): CheckoutResult {
  return {
    scenario: CHECKOUT_SCENARIO.name,
    viewer: CHECKOUT_SCENARIO.viewer,
    connections: shoppers,
    cacheControl: null,
    durationSeconds: round(run.seconds),
    requests: run.paidInTime,
    // A window under a second (every purchase refused at once, the carts gone) gives no rate: one
    // purchase paid within a millisecond of it opening is not a thousand a second.
    requestsPerSecond: run.seconds >= 1 ? round(run.paidInTime / run.seconds) : 0,
    latencyMs: latency(run.checkoutMs),
    confirmToPaidMs: latency(run.completed.map((c) => c.confirmToPaidMs)),
    confirmToPaidSeenMs: latency(run.completed.map((c) => c.confirmToPaidSeenMs)),
    pollMs: POLL_MS,
    pollsPerPurchase: round(run.completed.reduce((sum, c) => sum + c.polls, 0) / Math.max(1, run.completed.length)),
    ranOutOfCarts: run.ranOutOfCarts,
    errors: run.errors,
  };
}

/** Waits until the last purchases' carts read CHECKED_OUT: what follows a payment (stock, promotions, carts) has caught up. */
export async function waitForFollowers(url: string, purchases: Purchase[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (const p of purchases) {
    while (Date.now() < deadline) {
      const { body } = await post(url, p.headers, 'query CartStatus($id: ID!) { cart(id: $id) { status } }', { id: p.cartId });
      if (body.data?.cart?.status !== 'CHECKING_OUT') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** The checkout rows: rate, the mutation's latency, confirm→PAID, and whether SPEC §7 holds. */
export function printCheckouts(results: CheckoutResult[]): void {
  if (results.length === 0) return;
  const ms = (l: RunResult['latencyMs']) => `${l.p50.toFixed(1)} / ${l.p95.toFixed(1)} / ${l.p99.toFixed(1)}`;
  console.log('checkout (ms as p50 / p95 / p99; confirm→PAID is the confirm sent to the order\'s paidAt)');
  for (const r of results) {
    const failed = r.errors.socket + r.errors.timeouts + r.errors.non2xx + r.errors.graphql;
    console.log(
      `  ${String(r.connections).padStart(3)} shoppers: ${r.requestsPerSecond.toFixed(1)} checkouts/s${r.ranOutOfCarts ? ` (carts ran out after ${r.durationSeconds} s)` : ''}, ` +
        `checkout ${ms(r.latencyMs)}, confirm→PAID ${ms(r.confirmToPaidMs)} (read PAID by a ${r.pollMs} ms poll: ${ms(r.confirmToPaidSeenMs)}, ${r.pollsPerPurchase} reads each), ${failed} failed`,
    );
  }
  const verdicts = results.map((r) => `${r.latencyMs.p99 < CHECKOUT_P99_LIMIT_MS ? 'holds' : 'does not hold'} at ${r.connections} shoppers (p99 ${r.latencyMs.p99.toFixed(1)} ms)`);
  console.log(`SPEC §7, checkout p99 < ${CHECKOUT_P99_LIMIT_MS} ms: ${verdicts.join('; ')}\n`);
}

/** Carts enough for a run's ramp (about two per shopper) and `seconds` at `rate` purchases/s, with room to spare. */
const cartsFor = (rate: number, seconds: number, shoppers: number) => Math.ceil(Math.max(rate, 10) * seconds * 2) + 3 * shoppers;
/** The purchases each shopper made last in a run. */
const lastOf = (purchases: Purchase[], run: CheckoutRun, shoppers: number) => purchases.slice(Math.max(0, run.used - shoppers), run.used);

/**
 * The whole scenario: one purchase checked before any load, a warm-up at the highest concurrency
 * (which also measures how many carts a run needs), then one run per concurrency, each on carts
 * prepared before its clock starts, and a wait after each for what follows a payment to catch up;
 * at the end, the audit of every order the scenario made (checkout-audit.ts).
 */
export async function checkoutScenario(
  url: string,
  config: Config,
  stripe: StripeEndpoint,
  variantIds: string[],
  settings: { durationSeconds: number; warmupSeconds: number; connections: number[] },
): Promise<{ runs: CheckoutResult[]; audit: CheckoutAudit }> {
  const audit = await startAudit(config);
  await sanityCheckout(url, stripe, (await prepareCarts(url, config, variantIds, 1))[0]!);
  // A guess until the warm-up measures it; a run that runs out of carts says so.
  let rate = 30;
  if (settings.warmupSeconds > 0 && !stopping) {
    const shoppers = Math.max(...settings.connections);
    const carts = await prepareCarts(url, config, variantIds, cartsFor(rate, settings.warmupSeconds, shoppers));
    console.log(`checkout: warming up for ${settings.warmupSeconds} s`);
    const run = await runCheckouts(url, stripe, carts, shoppers, settings.warmupSeconds);
    if (run.seconds > 0) rate = Math.max(2, run.paidInTime / run.seconds);
    await waitForFollowers(url, lastOf(carts, run, shoppers));
  }
  const results: CheckoutResult[] = [];
  for (const shoppers of settings.connections) {
    if (stopping) break;
    const carts = await prepareCarts(url, config, variantIds, cartsFor(rate, settings.durationSeconds, shoppers));
    console.log(`checkout: ${shoppers} shoppers for ${settings.durationSeconds} s (${carts.length} carts prepared)`);
    const run = await runCheckouts(url, stripe, carts, shoppers, settings.durationSeconds);
    for (const failure of run.firstFailures) console.warn(`checkout: a purchase failed: ${failure}`);
    results.push(summariseCheckouts(run, shoppers));
    if (run.seconds > 0) rate = Math.max(rate, run.paidInTime / run.seconds);
    await waitForFollowers(url, lastOf(carts, run, shoppers));
  }
  return { runs: results, audit: await auditCheckouts(config, audit) };
}
