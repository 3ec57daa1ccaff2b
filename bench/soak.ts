// The soak scenario (BENCH_SCENARIOS=soak; never part of the default run, it takes long): a
// storefront's mixed load through the gateway for BENCH_SOAK_SECONDS at a fixed concurrency, for
// what only time shows: errors that start after a while, memory that is not given back, events
// that pile up.
//
// Each shopper runs one action after another without pause. Of every 20 actions started, 16 are
// page views (a listing, a search and a product page in turn: those scenarios' requests and
// checks), 3 cart sessions (a new shopper's createCart, then two addCartLine: the add-to-cart
// scenario's mutation) and 1 purchase (checkout.ts's journey: a one-line cart, the checkout
// mutation, the card confirmed on the Stripe server, the webhook, the order read PAID). The bench
// seeds no promotion code, so no session applies one. Measured (soak-measures.ts): requests and
// errors per kind; the memory of the processes serving the stack after the warm-up, every minute
// and at the end, and whether it stayed flat; the event backlog once the load has stopped.
import { randomBytes } from 'node:crypto';
import type { Config } from '../lib/config.js';
import { CHECKOUT, checkoutVariables, confirmCard, post, prepareCarts, type StripeEndpoint } from './checkout.js';
import { round } from './load.js';
import { customerToken } from './requests.js';
import { SCENARIOS, type Fixtures, type Scenario } from './scenarios.js';
import { memoryProbe, readBacklog, stackServices, type Backlog, type MemoryReading } from './soak-measures.js';
import type { Stack } from './stack.js';

export const SOAK_SCENARIO = {
  name: 'soak',
  viewer: 'customer' as const,
  description:
    'soak: mixed load for a long time at a fixed concurrency, of every 20 actions 16 page views (listing, search, product page), 3 cart sessions (createCart and two addCartLine as a new shopper) and 1 purchase (checkout, card confirmed, webhook, PAID); errors per kind, the stack’s memory every minute, the event backlog at the end',
};

export type Kind = 'browse' | 'cart' | 'checkout';
const KINDS: Kind[] = ['browse', 'cart', 'checkout'];
/** Action n's kind: of every 20, the 6th, 12th and 18th a cart session, the 20th a purchase, the rest page views. */
const kindOf = (n: number): Kind => (n % 20 === 19 ? 'checkout' : n % 20 % 6 === 5 ? 'cart' : 'browse');
const MIX = '16 page views, 3 cart sessions and 1 purchase of every 20 actions';

/** The warm-up before the first memory reading: BENCH_WARMUP, but at least this (caches, JIT, pools). */
const MIN_WARMUP_SECONDS = 30;
/** After the load, the event backlog has this long to drain. */
const DRAIN_SECONDS = 30;
/** Memory is flat when the end's reading is at most this much above the start's (RSS and heap alike). */
const FLAT_TOLERANCE = 0.1;
/** As checkout.ts: how often a buyer reads its order after the confirm, and how long PAID may take. */
const POLL_MS = 25;
const PAID_TIMEOUT_MS = 30_000;
/** Tokens last an hour; the page views' is signed again before. */
const TOKEN_REFRESH_MS = 30 * 60_000;

const CREATE_CART = 'mutation SoakCart { createCart { cart { id } userErrors { code message } } }';
const ORDER_STATUS = 'query OrderStatus($id: ID!) { order(id: $id) { status } }';

export interface SoakSettings {
  seconds: number;
  connections: number;
  warmupSeconds: number;
}

interface Tally {
  actions: number;
  /** HTTP requests sent (a purchase's confirm on the Stripe server among them); a failed one ends its action. */
  requests: number;
  failed: number;
  /** What went wrong, by step and kind (`checkout: userError OUT_OF_STOCK`), and how often. */
  errors: Record<string, number>;
}

export interface SoakReading extends MemoryReading {
  atSeconds: number;
  /** Outbox rows, consumer lag and pending entries added up at that moment (load still running). */
  backlog: number;
  requests: number;
  failed: number;
}

export interface SoakResult {
  scenario: 'soak';
  connections: number;
  mix: string;
  warmupSeconds: number;
  durationSeconds: number;
  kinds: Record<Kind, Tally & { errorRate: number }>;
  overall: { requests: number; failed: number; errorRate: number; requestsPerSecond: number };
  firstFailures: string[];
  memory: {
    of: string;
    processes: string[][];
    forcedGc: boolean;
    /** After the warm-up (0 s), every minute, and at the end of the load. */
    readings: SoakReading[];
    rssGrowthPercent: number;
    heapGrowthPercent: number;
    flat: boolean;
    rule: string;
  };
  backlog: { atEnd: Backlog; drainedAfterSeconds: number | null; zero: boolean; deadLetteredDuringSoak: number };
}

class ActionFailed extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

const transport = (err: unknown) => {
  const e = err as Error & { cause?: { code?: string } };
  return e.name === 'TimeoutError' ? 'timeout' : e.name === 'SyntaxError' ? 'not JSON' : `socket ${e.cause?.code ?? e.name}`;
};

/** One GraphQL request, counted; what is wrong with its answer fails the action. */
async function ask(tally: Tally, step: string, url: string, headers: Record<string, string>, query: string, variables: Record<string, unknown>) {
  tally.requests++;
  let answer: Awaited<ReturnType<typeof post>>;
  try {
    answer = await post(url, headers, query, variables);
  } catch (err) {
    throw new ActionFailed(`${step}: ${transport(err)}`, `${step}: ${(err as Error).message}`);
  }
  if (answer.status !== 200) throw new ActionFailed(`${step}: HTTP ${answer.status}`, `${step}: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
  const errors = (answer.body.errors ?? []) as { message?: string; extensions?: { code?: string } }[];
  if (errors.length) throw new ActionFailed(`${step}: GraphQL ${errors[0]!.extensions?.code ?? 'error'}`, `${step}: ${JSON.stringify(errors).slice(0, 300)}`);
  if (!answer.body.data) throw new ActionFailed(`${step}: no data`, `${step}: no data`);
  return answer.body.data;
}

const userErrorsOf = (step: string, payload: { userErrors?: { code: string; message: string }[] } | undefined) => {
  if (payload?.userErrors?.length) throw new ActionFailed(`${step}: userError ${payload.userErrors.map((e) => e.code).join(',')}`, `${step}: ${JSON.stringify(payload.userErrors)}`);
};

const byName = (name: string): Scenario => SCENARIOS.find((s) => s.name === name)!;

/** The three kinds of action, each sending its requests through the gateway and counting them in the tally given. */
function actions(url: string, config: Config, stripe: StripeEndpoint, fixtures: Fixtures) {
  const tag = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const pages = ['listing', 'search', 'product'].map((name) => ({ scenario: byName(name), variables: byName(name).variables(fixtures) }));
  const addToCart = byName('add-to-cart');
  let viewer: { headers: Record<string, string>; at: number } | null = null;
  const customer = async (sub?: string) => {
    const token = await customerToken(config, sub);
    if (!token) throw new Error('soak needs customer tokens, which a real identity provider configuration cannot mint here');
    return { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  };
  const variant = (n: number) => fixtures.variantIds[(n * 7) % fixtures.variantIds.length]!;
  return {
    async browse(tally: Tally, n: number) {
      if (!viewer || Date.now() - viewer.at > TOKEN_REFRESH_MS) viewer = { headers: await customer(), at: Date.now() };
      const { scenario, variables } = pages[n % 3]!;
      const headers = scenario.viewer === 'customer' ? viewer.headers : { 'content-type': 'application/json' };
      const data = await ask(tally, scenario.name, url, headers, scenario.query, variables[Math.floor(n / 3) % variables.length]!);
      const problem = scenario.problem(data);
      if (problem) throw new ActionFailed(`${scenario.name}: wrong answer`, `${scenario.name}: ${problem}`);
    },
    async cart(tally: Tally, n: number) {
      const headers = await customer(`bench-soak-cart-${tag}-${n}`);
      const created = (await ask(tally, 'createCart', url, headers, CREATE_CART, {})).createCart;
      userErrorsOf('createCart', created);
      for (const line of [0, 1]) {
        const data = await ask(tally, 'addCartLine', url, headers, addToCart.query, { cartId: created.cart.id, variantId: variant(2 * n + line) });
        userErrorsOf('addCartLine', data.addCartLine);
        const problem = addToCart.problem(data);
        if (problem) throw new ActionFailed('addCartLine: wrong answer', `addCartLine: ${problem}`);
      }
    },
    async checkout(tally: Tally, n: number) {
      tally.requests++;
      const purchase = await prepareCarts(url, config, [variant(n)], 1).then(
        ([p]) => p!,
        (err: unknown) => {
          throw new ActionFailed(`cart to buy: ${(err as Error).message.startsWith('checkout:') ? 'refused' : transport(err)}`, `cart to buy: ${(err as Error).message}`);
        },
      );
      const result = (await ask(tally, 'checkout', url, purchase.headers, CHECKOUT, checkoutVariables(purchase))).checkout;
      userErrorsOf('checkout', result);
      if (!result?.paymentClientSecret) throw new ActionFailed('checkout: no client secret', `checkout: ${JSON.stringify(result)}`);
      tally.requests++;
      const confirm = await confirmCard(stripe, result.paymentClientSecret).catch((err: unknown) => {
        throw new ActionFailed(`confirm: ${transport(err)}`, `confirm: ${(err as Error).message}`);
      });
      if (confirm.status !== 200 || confirm.body.status !== 'succeeded') {
        throw new ActionFailed(`confirm: HTTP ${confirm.status} ${confirm.body.status ?? ''}`.trim(), `confirm: ${JSON.stringify(confirm.body)}`);
      }
      const confirmedAt = Date.now();
      while (Date.now() - confirmedAt < PAID_TIMEOUT_MS) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const status = (await ask(tally, 'order read', url, purchase.headers, ORDER_STATUS, { id: result.order.id })).order?.status;
        if (status === 'PAID') return;
        if (status !== 'PENDING_PAYMENT') throw new ActionFailed(`order read: ${status ?? 'no order'}`, `order read: the order became ${status}, not PAID`);
      }
      throw new ActionFailed('order read: not PAID in time', `order read: not PAID ${PAID_TIMEOUT_MS / 1000} s after the confirm`);
    },
  };
}

let stopping = false;

/** Ends the soak early: the shoppers finish their action under way, and what was measured is reported. */
export function stopSoak(): void {
  stopping = true;
}

/** Sleeps until `at` (Date.now()), or until the soak is stopped. */
async function until(at: number): Promise<void> {
  while (!stopping && Date.now() < at) await new Promise((resolve) => setTimeout(resolve, Math.min(250, at - Date.now())));
}

const newTallies = (): Record<Kind, Tally> => ({
  browse: { actions: 0, requests: 0, failed: 0, errors: {} },
  cart: { actions: 0, requests: 0, failed: 0, errors: {} },
  checkout: { actions: 0, requests: 0, failed: 0, errors: {} },
});
const sum = (tallies: Record<Kind, Tally>, key: 'requests' | 'failed') => KINDS.reduce((total, k) => total + tallies[k][key], 0);
const rate = (failed: number, requests: number) => (requests > 0 ? round((100 * failed) / requests, 3) : 0);
const growth = (from: number, to: number) => round((100 * (to - from)) / from, 1);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/**
 * The whole scenario: one action of each kind checked before any load, the warm-up, the first
 * memory reading, the load with a reading (and a progress line) every minute and one at the end,
 * then the wait for the event backlog to drain.
 */
export async function soakScenario(
  url: string,
  gatewayBase: string,
  config: Config,
  stack: Stack,
  stripe: StripeEndpoint & { inThisProcess: boolean },
  fixtures: Fixtures,
  settings: SoakSettings,
): Promise<SoakResult> {
  const services = stackServices(config, gatewayBase);
  const memory = await memoryProbe(stack, services, stripe.inThisProcess);
  const act = actions(url, config, stripe, fixtures);
  for (const kind of KINDS) {
    try {
      await act[kind](newTallies()[kind], 0);
    } catch (err) {
      throw new Error(`Scenario soak is broken before any load (${kind}): ${(err as Error).message}`);
    }
  }
  const warmupSeconds = Math.max(settings.warmupSeconds, MIN_WARMUP_SECONDS);
  let tallies = newTallies();
  const firstFailures: string[] = [];
  let started = 0;
  /** Cleared once the end's reading is taken. */
  let loading = true;
  const shoppers = Array.from({ length: settings.connections }, async () => {
    while (!stopping && loading) {
      const n = started++;
      const tally = tallies[kindOf(n)];
      tally.actions++;
      try {
        await act[kindOf(n)](tally, n);
      } catch (err) {
        const failure = err instanceof ActionFailed ? err : new ActionFailed(`unexpected: ${(err as Error).message.slice(0, 80)}`, (err as Error).message);
        tally.failed++;
        tally.errors[failure.kind] = (tally.errors[failure.kind] ?? 0) + 1;
        if (firstFailures.length < 5) firstFailures.push(failure.message);
      }
    }
  });

  console.log(`soak: warming up for ${warmupSeconds} s with ${settings.connections} shoppers`);
  await until(Date.now() + warmupSeconds * 1000);
  const readings: SoakReading[] = [];
  let backlog = await readBacklog(services, null);
  const deadLetteredBefore = backlog.deadLettered;
  const take = async (atSeconds: number) => {
    const [mem, now] = await Promise.all([memory.read(), readBacklog(services, backlog)]);
    backlog = now;
    readings.push({ atSeconds, ...mem, backlog: now.total, requests: sum(tallies, 'requests'), failed: sum(tallies, 'failed') });
    return readings.at(-1)!;
  };
  tallies = newTallies();
  const start = Date.now();
  const first = await take(0);
  console.log(`soak: ${settings.connections} shoppers for ${settings.seconds} s (${MIX}); memory of ${memory.of}`);
  console.log(`soak: start: RSS ${mib(first.rssBytes)}, heap used ${mib(first.heapUsedBytes)}${memory.forcedGc ? ' (after a full GC)' : ''}, event backlog ${first.backlog}`);
  for (let minute = 1; !stopping; minute++) {
    const at = Math.min(minute * 60, settings.seconds);
    await until(start + at * 1000);
    if (stopping) break;
    const r = await take(Math.round((Date.now() - start) / 1000));
    const done = KINDS.map((k) => `${k} ${tallies[k].actions}`).join(', ');
    console.log(
      `soak: ${r.atSeconds} s of ${settings.seconds}: ${r.requests} requests (${done} actions), ${r.failed} failed; RSS ${mib(r.rssBytes)}, heap ${mib(r.heapUsedBytes)}, event backlog ${r.backlog}`,
    );
    if (at >= settings.seconds) break;
  }
  // The shoppers stop only now, so that the end's reading, like the start's, is taken under load.
  const durationSeconds = (Date.now() - start) / 1000;
  loading = false;
  await Promise.all(shoppers);

  // The backlog after the load: what is still unpublished or unconsumed once it has had time to drain.
  const drainStart = Date.now();
  let drainedAfterSeconds: number | null = null;
  console.log(`soak: load stopped; waiting up to ${DRAIN_SECONDS} s for the event backlog to drain`);
  for (;;) {
    backlog = await readBacklog(services, backlog);
    if (backlog.complete && backlog.total === 0) {
      drainedAfterSeconds = round((Date.now() - drainStart) / 1000);
      break;
    }
    if (stopping || Date.now() - drainStart > DRAIN_SECONDS * 1000) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }

  const startReading = readings[0]!;
  const end = readings.at(-1)!;
  const rssGrowthPercent = growth(startReading.rssBytes, end.rssBytes);
  const heapGrowthPercent = growth(startReading.heapUsedBytes, end.heapUsedBytes);
  const requests = sum(tallies, 'requests');
  const failed = sum(tallies, 'failed');
  return {
    scenario: 'soak',
    connections: settings.connections,
    mix: MIX,
    warmupSeconds,
    durationSeconds: round(durationSeconds),
    kinds: Object.fromEntries(KINDS.map((k) => [k, { ...tallies[k], errorRate: rate(tallies[k].failed, tallies[k].requests) }])) as SoakResult['kinds'],
    overall: { requests, failed, errorRate: rate(failed, requests), requestsPerSecond: round(requests / Math.max(0.001, durationSeconds)) },
    firstFailures,
    memory: {
      of: memory.of,
      processes: memory.processes,
      forcedGc: memory.forcedGc,
      readings,
      rssGrowthPercent,
      heapGrowthPercent,
      flat: readings.length > 1 && rssGrowthPercent <= 100 * FLAT_TOLERANCE && heapGrowthPercent <= 100 * FLAT_TOLERANCE,
      rule: `flat: the end's RSS and heap used each at most ${100 * FLAT_TOLERANCE} % above the start's (after the warm-up; ${memory.forcedGc ? 'each read after a full GC' : 'each the lowest of five reads over a second, no GC'})`,
    },
    backlog: { atEnd: backlog, drainedAfterSeconds, zero: drainedAfterSeconds !== null, deadLetteredDuringSoak: backlog.deadLettered - deadLetteredBefore },
  };
}

/** The soak's lines: requests and errors per kind, memory at each reading and the verdict, the backlog at the end. */
export function printSoak(result: SoakResult | null): void {
  if (!result) return;
  const r = result;
  console.log(`soak: ${r.connections} shoppers for ${r.durationSeconds} s after ${r.warmupSeconds} s of warm-up (${r.mix})`);
  for (const kind of KINDS) {
    const k = r.kinds[kind];
    const errors = Object.entries(k.errors).map(([what, count]) => `${what} ×${count}`).join('; ');
    console.log(`  ${kind.padEnd(8)} ${String(k.actions).padStart(7)} actions ${String(k.requests).padStart(8)} requests ${String(k.failed).padStart(5)} failed (${k.errorRate} %)${errors ? `: ${errors}` : ''}`);
  }
  console.log(`  overall  ${String(r.overall.requests).padStart(24)} requests ${String(r.overall.failed).padStart(5)} failed (${r.overall.errorRate} %), ${r.overall.requestsPerSecond} requests/s`);
  for (const failure of r.firstFailures) console.warn(`  a failure: ${failure}`);
  console.log(`  memory of ${r.memory.of}:`);
  const each = (m: SoakReading, key: 'rssBytes' | 'heapUsedBytes') => (m.perProcess.length > 1 ? ` (${m.perProcess.map((p) => mib(p[key])).join(' + ')})` : '');
  for (const m of r.memory.readings) {
    console.log(`    ${String(m.atSeconds).padStart(5)} s: RSS ${mib(m.rssBytes)}${each(m, 'rssBytes')}, heap used ${mib(m.heapUsedBytes)}${each(m, 'heapUsedBytes')}, event backlog ${m.backlog}`);
  }
  const signed = (n: number) => `${n >= 0 ? '+' : ''}${n} %`;
  console.log(`  memory ${r.memory.flat ? 'flat' : 'NOT flat'}: RSS ${signed(r.memory.rssGrowthPercent)}, heap ${signed(r.memory.heapGrowthPercent)} (${r.memory.rule})`);
  if (!r.memory.forcedGc) {
    console.log('  (no collection can be forced in another process: its heap counts garbage not yet collected, so this verdict is only indicative; the stack in the bench\'s process gives the one that counts)');
  }
  const b = r.backlog;
  const behind = b.atEnd.consumers.filter((c) => c.lag !== 0 || c.pending !== 0).map((c) => `${c.consumer} lag ${c.lag ?? 'unknown'}, pending ${c.pending}`);
  const unpublished = Object.entries(b.atEnd.outbox).filter(([, n]) => n > 0).map(([context, n]) => `${context} outbox ${n}`);
  console.log(
    `  event backlog at the end: ${b.zero ? `zero (drained ${b.drainedAfterSeconds} s after the load)` : `NOT zero after ${DRAIN_SECONDS} s: ${[...unpublished, ...behind].join('; ') || 'not every figure could be read'}`}; ${b.deadLetteredDuringSoak} event(s) dead-lettered during the soak\n`,
  );
}
