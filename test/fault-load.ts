// What the fault tests (test/faults-*.test.ts) share: light real load through the gateway (a few
// shoppers, each in a loop: create a cart, add a line, maybe apply a code, check out, pay at
// Stripe as a browser would), every answer recorded; what makes a failed answer clean; and the
// checks that once a fault is over nothing is half-done: every cart holds nothing or one whole
// order, stock, promotion uses and Stripe agree with the orders, no checkout is left running,
// every outbox event is published and every consumer group has caught up.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { expect } from 'vitest';
import { eventStream, readStream } from '../lib/outbox.js';
import type { RedisClient } from '../lib/redis.js';
import type { TestStack } from './harness.js';
import { ADDRESS, intentOf } from '../subgraphs/order/order-fixtures.js';

export const CONTEXTS = ['catalog', 'cart', 'order', 'subscription', 'promotion'] as const;

/** Where the shoppers shop. */
export interface Storefront {
  gatewayUrl: string;
  stripe: { url: string; publishableKey: string };
  /** A customer token for a new person. */
  token(personId: string): Promise<string>;
  variantIds: string[];
  /** Applied to every cart when given. */
  code?: string;
}

export type Step = 'createCart' | 'addLine' | 'applyCode' | 'checkout' | 'pay';

/** One request of the load and how it ended. */
export interface Call {
  step: Step;
  startedAt: number;
  endedAt: number;
  /** HTTP status, when an answer came. */
  status: number | null;
  ok: boolean;
  /** The GraphQL errors or userErrors answered, or the network error (its code) when no answer came. */
  errors: { message: string; code?: string; extensions?: Record<string, unknown> }[];
  network: string | null;
}

export interface Journey {
  startedAt: number;
  cartId: string | null;
  orderId: string | null;
  paid: boolean;
}

const CART = 'mutation { createCart(input: null) { cart { id } userErrors { code message } } }';
const ADD = 'mutation($c: ID!, $v: ID!) { addCartLine(cartId: $c, variantId: $v, quantity: 1) { cart { id } userErrors { code message } } }';
const APPLY = 'mutation($c: ID!, $code: String!) { applyPromotionCode(cartId: $c, code: $code) { cart { id } userErrors { code message } } }';
const CHECKOUT = `mutation($input: CheckoutInput!) { checkout(input: $input) { order { id status } paymentClientSecret userErrors { code message } } }`;

const networkCode = (err: unknown) => {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message;
};

/** Runs a few shoppers in a loop until stop(); every request is recorded in `calls`. */
export function startShoppers(shop: Storefront, options: { count?: number } = {}) {
  const calls: Call[] = [];
  const journeys: Journey[] = [];
  let running = true;
  // While held, no request starts (those under way go on).
  let held: { until: Promise<void>; release: () => void } | null = null;
  const unheld = async () => {
    while (held) await held.until;
  };
  const resume = () => {
    const wasHeld = held;
    held = null;
    wasHeld?.release();
  };

  const graphql = async (step: Step, token: string, query: string, variables: Record<string, unknown>, field: string) => {
    await unheld();
    const call: Call = { step, startedAt: Date.now(), endedAt: 0, status: null, ok: false, errors: [], network: null };
    calls.push(call);
    try {
      const res = await fetch(shop.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      call.status = res.status;
      const text = await res.text();
      let body: { data?: Record<string, any> | null; errors?: Call['errors'] };
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        call.errors = [{ message: `an answer that is not JSON: ${text.slice(0, 200)}` }];
        return null;
      }
      const payload = body.data?.[field];
      call.errors = body.errors?.length ? body.errors.map((e) => ({ message: e.message, code: e.extensions?.code as string | undefined, extensions: e.extensions })) : (payload?.userErrors ?? []);
      call.ok = !body.errors?.length && !!payload && payload.userErrors.length === 0;
      return call.ok ? payload : null;
    } catch (err) {
      call.network = networkCode(err);
      return null;
    } finally {
      call.endedAt = Date.now();
    }
  };

  const pay = async (secret: string) => {
    await unheld();
    const call: Call = { step: 'pay', startedAt: Date.now(), endedAt: 0, status: null, ok: false, errors: [], network: null };
    calls.push(call);
    try {
      const res = await fetch(`${shop.stripe.url}/v1/payment_intents/${intentOf(secret)}/confirm`, {
        method: 'POST',
        headers: { authorization: `Bearer ${shop.stripe.publishableKey}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ payment_method: 'pm_card_visa', client_secret: secret }).toString(),
      });
      call.status = res.status;
      const body = (await res.json()) as { status?: string; error?: { message: string; code?: string } };
      call.ok = body.status === 'succeeded';
      if (body.error) call.errors = [{ message: body.error.message, code: body.error.code }];
    } catch (err) {
      call.network = networkCode(err);
    } finally {
      call.endedAt = Date.now();
    }
    return call.ok;
  };

  const journey = async (shopper: number, n: number) => {
    const token = await shop.token(`shopper-${shopper}-${randomBytes(4).toString('hex')}`);
    const trip: Journey = { startedAt: Date.now(), cartId: null, orderId: null, paid: false };
    journeys.push(trip);
    trip.cartId = (await graphql('createCart', token, CART, {}, 'createCart'))?.cart.id ?? null;
    if (!trip.cartId) return;
    const variantId = shop.variantIds[(shopper + n) % shop.variantIds.length];
    if (!(await graphql('addLine', token, ADD, { c: trip.cartId, v: variantId }, 'addCartLine'))) return;
    if (shop.code && !(await graphql('applyCode', token, APPLY, { c: trip.cartId, code: shop.code }, 'applyPromotionCode'))) return;
    const input = { cartId: trip.cartId, idempotencyKey: `load-${randomBytes(6).toString('hex')}`, shippingMethod: 'STANDARD', shippingAddress: ADDRESS };
    const checkout = await graphql('checkout', token, CHECKOUT, { input }, 'checkout');
    if (!checkout) return;
    trip.orderId = checkout.order.id;
    if (checkout.paymentClientSecret) trip.paid = await pay(checkout.paymentClientSecret);
  };

  const loops = Array.from({ length: options.count ?? 3 }, async (_, shopper) => {
    for (let n = 0; running; n++) {
      await journey(shopper, n);
      // A failing dependency answers fast; a short breath keeps the load light then.
      if (journeys.at(-1)?.paid !== true) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  return {
    calls,
    journeys,
    /** Journeys started after `since` (ms) that ended paid at Stripe. */
    paid: (since = 0) => journeys.filter((j) => j.paid && j.startedAt >= since).length,
    /** Requests of a step that succeeded, started after `since` (ms). */
    succeeded: (step: Step, since = 0) => calls.filter((c) => c.step === step && c.ok && c.startedAt >= since).length,
    failed: (since = 0) => calls.filter((c) => c.endedAt > 0 && !c.ok && c.startedAt >= since),
    /** Requests under way. */
    inFlight: () => calls.filter((c) => c.endedAt === 0),
    /** No request starts until resume(); those under way go on. */
    hold() {
      if (held) return;
      let release!: () => void;
      const until = new Promise<void>((resolve) => (release = resolve));
      held = { until, release };
    },
    resume,
    async stop() {
      running = false;
      resume();
      await Promise.all(loops);
    },
  };
}

/**
 * Why a failed answer of the gateway is not clean, or null when it is: an answer came (JSON), every
 * error has a message and a code, and nothing of the server's insides shows (no stack trace, no
 * exception, no SQL or driver text).
 */
export function uncleanness(call: Call): string | null {
  if (call.ok) return null;
  if (call.status === null) return `no answer: ${call.network}`;
  for (const error of call.errors) {
    const text = JSON.stringify(error);
    if (!error.message || !error.code) return `an error without a message or code: ${text}`;
    if (/stacktrace|exception|\n\s+at |node_modules|prisma|ECONN|SELECT |INSERT |UPDATE /i.test(text)) return `an error showing internals: ${text}`;
  }
  return null;
}

/** A pool on the test database; queries name their schemas. A connection the database drops is replaced, not thrown. */
export function sqlPool(databaseUrl: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  pool.on('error', () => undefined);
  return pool;
}

/**
 * What is half-done or inconsistent right now, as sentences (none once everything has settled):
 * each cart holds nothing or one whole order; each order's stock reservation, promotion redemption
 * and Stripe payment intent match its status; stock and promotion counters equal what is held; no
 * checkout is still running.
 */
export async function violations(sql: pg.Pool, stripe: { url: string }): Promise<string[]> {
  const found: string[] = [];
  const carts = await sql.query<{ id: string; status: string; live: string[] }>(
    `SELECT c.id, c.status::text, coalesce(array_agg(o.status::text ORDER BY o.created_at) FILTER (WHERE o.status <> 'CANCELLED'), '{}') AS live
       FROM cart.cart c LEFT JOIN "order"."order" o ON o.cart_id = c.id GROUP BY c.id, c.status`,
  );
  for (const cart of carts.rows) {
    const expected = cart.status === 'CHECKING_OUT' ? ['PENDING_PAYMENT'] : cart.status === 'CHECKED_OUT' ? ['PAID'] : [];
    const live = cart.live.map((s) => (['PAID', 'IN_PRODUCTION', 'SHIPPED', 'DELIVERED'].includes(s) ? 'PAID' : s));
    if (JSON.stringify(live) !== JSON.stringify(expected)) found.push(`cart ${cart.id} is ${cart.status} with live orders ${JSON.stringify(cart.live)}`);
  }
  const orders = await sql.query<{ id: string; status: string; stock: string | null; redemptions: string[]; intent: string | null; checkout: string }>(
    `SELECT k.id, coalesce(o.status::text, 'NONE') AS status, k.state::text AS checkout, r.status::text AS stock, o.payment_intent_id AS intent,
            coalesce((SELECT array_agg(DISTINCT p.status::text) FROM promotion.promotion_redemption p WHERE p.order_id = k.id::text), '{}') AS redemptions
       FROM "order".checkout k LEFT JOIN "order"."order" o ON o.id = k.id LEFT JOIN catalog.inventory_reservation r ON r.owner_id = k.id::text`,
  );
  const held: Record<string, { stock: string[]; redemption: string[]; intent: string[] }> = {
    PENDING_PAYMENT: { stock: ['ACTIVE'], redemption: ['RESERVED'], intent: ['requires_payment_method'] },
    PAID: { stock: ['COMMITTED'], redemption: ['CONFIRMED'], intent: ['succeeded'] },
    CANCELLED: { stock: ['RELEASED', 'EXPIRED', 'NONE'], redemption: ['RELEASED'], intent: ['canceled'] },
    NONE: { stock: ['RELEASED', 'EXPIRED', 'NONE'], redemption: ['RELEASED'], intent: [] },
  };
  for (const order of orders.rows) {
    if (order.checkout === 'RUNNING' || order.checkout === 'COMPENSATING') {
      found.push(`checkout ${order.id} is still ${order.checkout}`);
      continue;
    }
    const rule = held[order.status];
    if (!rule) continue;
    if (!rule.stock.includes(order.stock ?? 'NONE')) found.push(`order ${order.id} is ${order.status} with its stock ${order.stock ?? 'not reserved'}`);
    for (const r of order.redemptions) if (!rule.redemption.includes(r)) found.push(`order ${order.id} is ${order.status} with a redemption ${r}`);
    if (order.intent) {
      const intent = await intentStatus(stripe, order.intent);
      if (!rule.intent.includes(intent)) found.push(`order ${order.id} is ${order.status} with its payment intent ${intent}`);
    }
  }
  const stock = await sql.query<{ variant_id: string; reserved: number; held: number }>(
    `SELECT l.variant_id, l.reserved, coalesce((SELECT sum(rl.quantity) FROM catalog.inventory_reservation_line rl
              JOIN catalog.inventory_reservation r ON r.id = rl.reservation_id WHERE rl.variant_id = l.variant_id AND r.status = 'ACTIVE'), 0)::int AS held
       FROM catalog.inventory_level l`,
  );
  for (const s of stock.rows) if (s.reserved !== s.held) found.push(`variant ${s.variant_id} counts ${s.reserved} reserved, its active reservations hold ${s.held}`);
  const uses = await sql.query<{ id: string; reserved_count: number; confirmed_count: number; reserved: number; confirmed: number }>(
    `SELECT p.id, p.reserved_count, p.confirmed_count,
            (SELECT count(*) FROM promotion.promotion_redemption r WHERE r.promotion_id = p.id AND r.status = 'RESERVED')::int AS reserved,
            (SELECT count(*) FROM promotion.promotion_redemption r WHERE r.promotion_id = p.id AND r.status = 'CONFIRMED')::int AS confirmed
       FROM promotion.promotion p`,
  );
  for (const u of uses.rows) {
    if (u.reserved_count !== u.reserved || u.confirmed_count !== u.confirmed) found.push(`promotion ${u.id} counts ${u.reserved_count}/${u.confirmed_count} uses, its redemptions are ${u.reserved}/${u.confirmed}`);
  }
  return found;
}

async function intentStatus(stripe: { url: string }, id: string): Promise<string> {
  const res = await fetch(`${stripe.url}/v1/payment_intents/${id}`, { headers: { authorization: 'Bearer sk_test_fault_checks' } }).catch(() => null);
  if (!res?.ok) return `unreadable (${res?.status ?? 'no answer'})`;
  return ((await res.json()) as { status: string }).status;
}

/**
 * What was written and not yet delivered, as sentences: outbox events not published, or missing
 * from their stream (a publication Redis lost), and consumer groups with entries pending or not
 * yet delivered.
 */
export async function undelivered(sql: pg.Pool, redis: RedisClient, prefix: string): Promise<string[]> {
  const found: string[] = [];
  for (const context of CONTEXTS) {
    const rows = await sql.query<{ id: string; published: boolean }>(`SELECT id::text, published_at IS NOT NULL AS published FROM "${context}".outbox_event`);
    const stream = eventStream(prefix, context);
    const published = new Set((await readStream(redis, stream, 1_000_000)).map((e) => e.id));
    const unpublished = rows.rows.filter((r) => !r.published).length;
    const lost = rows.rows.filter((r) => r.published && !published.has(r.id)).length;
    if (unpublished > 0) found.push(`${context}: ${unpublished} outbox events not published`);
    if (lost > 0) found.push(`${context}: ${lost} published outbox events missing from ${stream}`);
    const groups = (await redis.xinfo('GROUPS', stream).catch(() => [])) as unknown[][];
    for (const fields of groups) {
      const info = Object.fromEntries(Array.from({ length: fields.length / 2 }, (_, i) => [String(fields[2 * i]), fields[2 * i + 1]]));
      if (Number(info.pending) > 0 || Number(info.lag ?? 0) > 0) found.push(`${stream} group ${String(info.name)}: ${String(info.pending)} pending, ${String(info.lag)} not delivered`);
    }
  }
  return found;
}

/**
 * After a fault: the shoppers' failures were clean answers and, once the workers have caught up
 * (an effect that failed is delivered again after the consumers' claim time, 30 s), every order is
 * whole and every event delivered.
 */
export async function expectSettled(stack: Pick<TestStack, 'stripe' | 'runtime' | 'config'>, sql: pg.Pool, calls: readonly Call[]): Promise<void> {
  expect(calls.filter((c) => c.step !== 'pay').map(uncleanness).filter(Boolean)).toEqual([]);
  await expect.poll(() => violations(sql, stack.stripe!), { timeout: 75_000, interval: 500 }).toEqual([]);
  await expect.poll(() => undelivered(sql, stack.runtime.redis, stack.config.REDIS_PREFIX), { timeout: 45_000, interval: 500 }).toEqual([]);
}
