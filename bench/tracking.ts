// The tracking scenario: live order tracking under load. Subscribers (each a graphql-ws connection
// with one orderStatusChanged subscription, opened by bench/tracking-subscribers.ts in a process
// of its own) follow orders left PENDING_PAYMENT; the cards are then confirmed at a steady rate,
// and each subscriber's PAID message is timed from the moment Stripe's webhook reached the
// gateway (a recording proxy in front of its /webhooks/stripe, bench/tracking-measures.ts) to the
// moment it arrived. When the Stripe server was not started here its webhooks bypass the proxy,
// and the clock starts when the confirm is sent instead (`measuredFrom`). Each latency is split
// where the order service stamped the change and where the outbox relay published it. Also
// measured: the gateway's memory before the subscribers connect and once they all follow, per
// subscriber, and its CPU and event-loop delay while the payments go through; then all of it again
// with the subscribers split over two gateways.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startGateway } from '../gateway/server.js';
import type { Config } from '../lib/config.js';
import { eventStream } from '../lib/outbox.js';
import { CHECKOUT, checkoutVariables, confirmCard, latency, paymentIntentOf, post, prepareCarts, waitForFollowers, type Purchase, type StripeEndpoint } from './checkout.js';
import { round, type RunResult } from './load.js';
import type { Stack } from './stack.js';
import { collectGarbageHere, gatewayMetric, paidOnStream, processFigures, type ProcessFigures } from './tracking-measures.js';
import type { FromSubscribers, Received, SubscriberSpec, ToSubscribers } from './tracking-subscribers.js';

export const TRACKING_SCENARIO = {
  name: 'tracking',
  viewer: 'customer' as const,
  description:
    'tracking: subscribers (one graphql-ws connection and one orderStatusChanged subscription each, several per order, opened by its owner) follow orders waiting for payment; the cards are confirmed at a steady rate; latency from the payment webhook reaching the gateway to each subscriber receiving PAID, and the gateway memory per subscriber; on one gateway, then two',
};

/** The issue's target: p99 webhook → subscriber under 100 ms. */
const P99_TARGET_MS = 100;
/** Every PAID message due has this long after the last confirm to arrive; the rest are missed. */
const DELIVERY_TIMEOUT_MS = 30_000;
/** The subscribers' process has this long to open every subscription. */
const SUBSCRIBE_TIMEOUT_MS = 180_000;
/** Time for the gateway's memory to settle before it is read. */
const SETTLE_MS = 2000;

type Latency = RunResult['latencyMs'];

export interface TrackingResult {
  scenario: 'tracking';
  gateways: 1 | 2;
  subscribers: number;
  orders: number;
  /** Where each latency starts: the webhook reaching the gateway, or (Stripe not started by the bench) the confirm being sent. */
  measuredFrom: 'webhook' | 'confirm';
  /** From measuredFrom to a subscriber receiving PAID, over every PAID message received. */
  latencyMs: Latency;
  /**
   * The same in three: to the change's occurredAt (the order service handling the payment), to its
   * OrderStatusChanged entry on the event stream (commit and outbox relay), to its receipt (the
   * gateway reading the stream, reading the order for each subscriber, sending it).
   */
  segmentsMs: { toStatusChange: Latency; statusChangeToStream: Latency; streamToReceived: Latency };
  /** PAID messages received, one due per subscriber. */
  delivered: number;
  expected: number;
  /** Subscriptions that did not start (no snapshot) or ended before the end of the run. */
  subscribeFailures: number;
  lostSubscriptions: number;
  confirmFailures: number;
  /** The rate the confirms were actually sent at. */
  confirmsPerSecond: number;
  subscribeSeconds: number;
  /**
   * Growth of the resident memory (and of the V8 heap in use) from before the subscribers
   * connected to once all of them followed, per subscriber; in-process, each read after a full
   * garbage collection.
   */
  memoryPerSubscriberBytes: number | null;
  heapPerSubscriberBytes: number | null;
  /** Whose memory, CPU and event loop these are: the gateway processes', or (stack in-process) the one process running every service. */
  memoryOf: 'gateways' | 'whole stack';
  /** CPU seconds used per second from the first confirm to the last message, and the event loop's delay then. */
  cpuPerSecond: number | null;
  eventLoopDelayMs: { p99: number; max: number } | null;
}

export interface TrackingSettings {
  subscribers: number;
  orders: number;
  confirmsPerSecond: number;
  /** The most connections a person may hold (WS_MAX_CONNECTIONS_PER_PERSON): subscribers per order stay within it. */
  connectionsPerPerson: number;
  warmupSeconds: number;
}

/** Where the gateways are and how to read their memory. */
export interface TrackingTarget {
  /** Each gateway's base URL (http://host:port). */
  gateways: string[];
  /** The gateways whose /metrics memory to add up (one when they share a process). */
  memoryFrom: string[];
  memoryOf: TrackingResult['memoryOf'];
  /** A full garbage collection before memory is read, when the stack runs in this process. */
  collectGarbage?: () => void;
  /** Stops what was started for this target. */
  close?(): Promise<void>;
}

/**
 * One gateway, then two: in-process, a second gateway started here on the same services (and so
 * in the same process: their memory is read once); against a running stack, the one at
 * `secondGateway` when given (its memory added to the first's), else none, with a note.
 */
export function gatewayTargets(stack: Stack, gatewayBase: string, secondGateway: string | null): (() => Promise<TrackingTarget | null>)[] {
  const runtime = stack.runtime;
  const memoryOf = runtime ? 'whole stack' : 'gateways';
  const collectGarbage = runtime ? collectGarbageHere() : undefined;
  return [
    async () => ({ gateways: [gatewayBase], memoryFrom: [gatewayBase], memoryOf, collectGarbage }),
    async () => {
      if (runtime) {
        const second = await startGateway(runtime, { port: 0 });
        const gateways = [gatewayBase, `http://127.0.0.1:${second.port}`];
        return { gateways, memoryFrom: [gatewayBase], memoryOf, collectGarbage, close: () => second.close() };
      }
      if (secondGateway) return { gateways: [gatewayBase, secondGateway], memoryFrom: [gatewayBase, secondGateway], memoryOf };
      console.log('tracking: the stack runs elsewhere and BENCH_SECOND_GATEWAY is not set, so the run with two gateways is skipped.');
      return null;
    },
  ];
}

let stopping = false;

/** Stops confirming and waiting; the run under way ends early. */
export function stopTracking(): void {
  stopping = true;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface PlacedOrder {
  purchase: Purchase;
  token: string;
  orderId: string;
  clientSecret: string;
}

/** `count` orders, each by a shopper of its own, placed through the gateway and left PENDING_PAYMENT. */
async function placeOrders(url: string, config: Config, variantIds: string[], count: number): Promise<PlacedOrder[]> {
  const purchases = await prepareCarts(url, config, variantIds, count);
  const orders: PlacedOrder[] = new Array(count);
  let next = 0;
  const placeOne = async (i: number) => {
    const p = purchases[i]!;
    const { status, body } = await post(url, p.headers, CHECKOUT, checkoutVariables(p));
    const placed = body.data?.checkout;
    if (status !== 200 || body.errors?.length || !placed?.paymentClientSecret || placed.userErrors.length || placed.order.status !== 'PENDING_PAYMENT') {
      throw new Error(`tracking: could not place an order: HTTP ${status} ${JSON.stringify(body.errors ?? placed?.userErrors ?? body.data)}`);
    }
    orders[i] = { purchase: p, token: p.headers.authorization!.replace(/^Bearer /, ''), orderId: placed.order.id, clientSecret: placed.paymentClientSecret };
  };
  await Promise.all(
    Array.from({ length: Math.min(8, count) }, async () => {
      while (next < count) await placeOne(next++);
    }),
  );
  return orders;
}

/** The subscribers' process, with what it has said so far. */
function subscribersProcess() {
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'tracking-subscribers.ts'), [], { execArgv: ['--import', 'tsx'] });
  const received: Received[] = [];
  const waiting = new Map<FromSubscribers['type'], (message: FromSubscribers) => void>();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.on('message', (message: FromSubscribers) => {
    if (message.type === 'received') received.push(...message.messages);
    waiting.get(message.type)?.(message);
  });
  const next = <T extends FromSubscribers['type']>(type: T, timeoutMs: number) =>
    new Promise<Extract<FromSubscribers, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`tracking: the subscribers' process did not answer '${type}' within ${timeoutMs / 1000} s`)), timeoutMs);
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`tracking: the subscribers' process exited (code ${child.exitCode}) before '${type}'`));
      });
      waiting.set(type, (message) => {
        clearTimeout(timer);
        resolve(message as Extract<FromSubscribers, { type: T }>);
      });
    });
  const tell = (message: ToSubscribers) => child.send(message);
  return {
    received,
    async subscribe(subscribers: SubscriberSpec[]) {
      const ready = next('ready', SUBSCRIBE_TIMEOUT_MS);
      tell({ type: 'subscribe', subscribers });
      return ready;
    },
    async close() {
      if (child.exitCode !== null || !child.connected) return { lost: 0, failures: [] };
      const closed = next('closed', 30_000);
      tell({ type: 'close' });
      const answer = await closed.catch(() => ({ lost: 0, failures: ['the subscribers did not close in time'] }));
      await Promise.race([exited, sleep(5000).then(() => child.kill('SIGKILL'))]);
      return answer;
    },
  };
}

/** Waits until no gateway holds a WebSocket connection, so that the next baseline starts clean. */
async function waitForDisconnects(gateways: string[]): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (const base of gateways) {
    while (Date.now() < deadline && ((await gatewayMetric(base, 'graphql_ws_connections').catch(() => 0)) ?? 0) > 0) await sleep(200);
  }
}

/** The figures once the process has had SETTLE_MS to give back what it freed (in-process: with a full collection either side). */
async function settledFigures(target: TrackingTarget): Promise<ProcessFigures> {
  target.collectGarbage?.();
  await sleep(SETTLE_MS);
  target.collectGarbage?.();
  return processFigures(target.memoryFrom);
}

/** Confirms every order's card, `perSecond` of them a second on schedule whatever the answers take; answers when each was sent and how many failed. */
async function confirmAll(stripe: StripeEndpoint, orders: PlacedOrder[], perSecond: number) {
  const sentAt = new Map<string, number>();
  let failures = 0;
  const start = Date.now();
  const confirms: Promise<void>[] = [];
  for (let i = 0; i < orders.length && !stopping; i++) {
    const wait = start + (i * 1000) / perSecond - Date.now();
    if (wait > 0) await sleep(wait);
    sentAt.set(orders[i]!.orderId, Date.now());
    const confirm = confirmCard(stripe, orders[i]!.clientSecret);
    confirms.push(confirm.then((answer) => void (answer.status === 200 && answer.body.status === 'succeeded' ? 0 : failures++), () => void failures++));
  }
  const seconds = (Date.now() - start) / 1000;
  await Promise.all(confirms);
  return { sentAt, failures, rate: seconds > 0 ? round(sentAt.size / seconds) : 0 };
}

/**
 * One run: orders placed, subscribers spread over them (within the per-person cap) and over the
 * gateways (an order's followers on each), memory read before and after they connect, then the
 * cards confirmed at the set rate and every PAID message timed.
 */
async function trackingRun(
  url: string,
  config: Config,
  stripe: StripeEndpoint,
  variantIds: string[],
  run: { subscribers: number; orders: number; confirmsPerSecond: number; target: TrackingTarget; webhookArrivals: Map<string, number> | null },
): Promise<TrackingResult> {
  const { subscribers, orders: count, target } = run;
  const orders = await placeOrders(url, config, variantIds, count);
  // Subscriber j follows order j mod K; the first half go to the first gateway, the second half to the second.
  const specs: SubscriberSpec[] = Array.from({ length: subscribers }, (_, j) => {
    const order = orders[j % count]!;
    return { url: `${target.gateways[Math.floor((j * target.gateways.length) / subscribers)]}/graphql`, token: order.token, orderId: order.orderId };
  });
  const before = await settledFigures(target);
  const child = subscribersProcess();
  let closed: { lost: number; failures: string[] } = { lost: 0, failures: [] };
  let subscribed = 0;
  let subscribeSeconds = 0;
  let following = before;
  let confirmed: Awaited<ReturnType<typeof confirmAll>> = { sentAt: new Map(), failures: 0, rate: 0 };
  let window = { start: 0, end: 0, before, after: before };
  try {
    const started = Date.now();
    const ready = await child.subscribe(specs);
    subscribeSeconds = (Date.now() - started) / 1000;
    subscribed = ready.subscribed;
    if (ready.failed > 0) console.warn(`tracking: ${ready.failed} of ${subscribers} subscriptions did not start: ${ready.failures.join('; ')}`);
    following = await settledFigures(target);

    window = { ...window, start: Date.now(), before: await processFigures(target.memoryFrom) };
    confirmed = await confirmAll(stripe, orders, run.confirmsPerSecond);
    const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
    const paidCount = () => new Set(child.received.filter((m) => m[1] === 'PAID').map((m) => m[0])).size;
    while (!stopping && Date.now() < deadline && paidCount() < subscribed) await sleep(20);
    window = { ...window, end: Date.now(), after: await processFigures(target.memoryFrom) };
  } finally {
    closed = await child.close();
    await waitForDisconnects(target.gateways);
  }
  if (closed.lost > 0) console.warn(`tracking: ${closed.lost} subscriptions ended during the run: ${closed.failures.join('; ')}`);

  // The first PAID per subscriber; anything else after the snapshot is unexpected here.
  const paid = new Map<number, Received>();
  for (const message of child.received) if (message[1] === 'PAID' && !paid.has(message[0])) paid.set(message[0], message);
  const others = child.received.length - paid.size;
  if (others > 0) console.warn(`tracking: ${others} messages other than one PAID per subscriber`);
  const intentOf = new Map(orders.map((o) => [o.orderId, paymentIntentOf(o.clientSecret)]));
  const startOf = (orderId: string) => (run.webhookArrivals ? run.webhookArrivals.get(intentOf.get(orderId)!) : confirmed.sentAt.get(orderId));
  const published = await paidOnStream(config.REDIS_URL, eventStream(config.REDIS_PREFIX, 'order'), window.start - 1000, orders.map((o) => o.orderId));
  const samples: { total: number; changed: number; published: number }[] = [];
  for (const [index, , occurredAt, received] of paid.values()) {
    const orderId = specs[index]!.orderId;
    const t0 = startOf(orderId);
    if (t0 === undefined) continue;
    samples.push({ total: received - t0, changed: Date.parse(occurredAt) - t0, published: (published.get(orderId) ?? NaN) - t0 });
  }
  if (samples.length < paid.size) console.warn(`tracking: ${paid.size - samples.length} PAID messages for orders whose webhook the proxy did not see; left out of the latencies`);
  // What follows a payment (stock, promotions, carts) catches up before the next run.
  await waitForFollowers(url, orders.slice(-10).map((o) => o.purchase));

  const perSubscriber = (a: number | null, b: number | null) => (a === null || b === null || subscribed === 0 ? null : Math.round((b - a) / subscribed));
  const seconds = (window.end - window.start) / 1000;
  const { before: atStart, after: atEnd } = window;
  const withStream = samples.filter((s) => !Number.isNaN(s.published));
  return {
    scenario: 'tracking',
    gateways: target.gateways.length as 1 | 2,
    subscribers,
    orders: count,
    measuredFrom: run.webhookArrivals ? 'webhook' : 'confirm',
    latencyMs: latency(samples.map((s) => s.total)),
    segmentsMs: {
      toStatusChange: latency(samples.map((s) => s.changed)),
      statusChangeToStream: latency(withStream.map((s) => s.published - s.changed)),
      streamToReceived: latency(withStream.map((s) => s.total - s.published)),
    },
    delivered: paid.size,
    expected: subscribers,
    subscribeFailures: subscribers - subscribed,
    lostSubscriptions: closed.lost,
    confirmFailures: confirmed.failures,
    confirmsPerSecond: confirmed.rate,
    subscribeSeconds: round(subscribeSeconds),
    memoryPerSubscriberBytes: perSubscriber(before.rssBytes, following.rssBytes),
    heapPerSubscriberBytes: perSubscriber(before.heapUsedBytes, following.heapUsedBytes),
    memoryOf: target.memoryOf,
    cpuPerSecond: atStart.cpuSeconds === null || atEnd.cpuSeconds === null || seconds <= 0 ? null : round((atEnd.cpuSeconds - atStart.cpuSeconds) / seconds, 2),
    eventLoopDelayMs:
      atEnd.loopDelayP99Seconds === null || atEnd.loopDelayMaxSeconds === null ? null : { p99: round(atEnd.loopDelayP99Seconds * 1000), max: round(atEnd.loopDelayMaxSeconds * 1000) },
  };
}

/**
 * The whole scenario: a short unmeasured run first (when there is a warm-up), then the measured
 * run on each target (one gateway, then two when there are), each on orders of its own.
 */
export async function trackingScenario(
  url: string,
  config: Config,
  stripe: StripeEndpoint,
  variantIds: string[],
  settings: TrackingSettings,
  targets: (() => Promise<TrackingTarget | null>)[],
  /** When each payment's webhook reached the gateway (recordWebhooks); null when the webhooks bypass the bench. */
  webhookArrivals: Map<string, number> | null,
): Promise<TrackingResult[]> {
  const { subscribers, confirmsPerSecond } = settings;
  // Within the per-person cap (each order's followers are its owner's connections), and no order without one.
  const orders = Math.min(subscribers, Math.max(settings.orders, Math.ceil(subscribers / settings.connectionsPerPerson)));
  if (orders !== settings.orders) console.log(`tracking: ${orders} orders rather than ${settings.orders}, so that each has 1 to ${settings.connectionsPerPerson} followers`);
  const results: TrackingResult[] = [];
  for (const [i, targetFor] of targets.entries()) {
    if (stopping) break;
    const target = await targetFor();
    if (!target) continue;
    try {
      if (i === 0 && settings.warmupSeconds > 0) {
        // Unmeasured: the webhook, relay and delivery paths run once before the clock matters.
        const warmOrders = Math.max(1, Math.min(orders, Math.round(confirmsPerSecond * settings.warmupSeconds)));
        console.log(`tracking: warming up with ${warmOrders} orders`);
        await trackingRun(url, config, stripe, variantIds, { target, webhookArrivals, subscribers: Math.min(subscribers, warmOrders * 2), orders: warmOrders, confirmsPerSecond });
      }
      if (stopping) break;
      const gateways = `${target.gateways.length} gateway${target.gateways.length > 1 ? 's' : ''}`;
      console.log(`tracking: ${subscribers} subscribers on ${orders} orders, ${gateways}, ${confirmsPerSecond} confirms/s`);
      results.push(await trackingRun(url, config, stripe, variantIds, { target, webhookArrivals, subscribers, orders, confirmsPerSecond }));
    } finally {
      await target.close?.();
    }
  }
  return results;
}

/** The tracking rows: latency, delivery and memory per subscriber, and whether the target holds. */
export function printTracking(results: TrackingResult[]): void {
  if (results.length === 0) return;
  const ms = (l: Latency) => `${l.p50.toFixed(1)} / ${l.p95.toFixed(1)} / ${l.p99.toFixed(1)} / ${l.max.toFixed(1)}`;
  const kib = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1024).toFixed(1)} KiB`);
  console.log('tracking (ms as p50 / p95 / p99 / max, to each subscriber receiving PAID)');
  for (const r of results) {
    const from = r.measuredFrom === 'webhook' ? 'from the webhook reaching the gateway' : 'from the confirm sent (the webhooks bypass the bench)';
    console.log(
      `  ${r.gateways} gateway${r.gateways > 1 ? 's' : ' '}, ${r.subscribers} subscribers on ${r.orders} orders (${r.confirmsPerSecond} confirms/s): ${ms(r.latencyMs)} ${from}; ` +
        `delivered ${r.delivered}/${r.expected}${r.subscribeFailures ? `, ${r.subscribeFailures} could not subscribe` : ''}${r.confirmFailures ? `, ${r.confirmFailures} confirms failed` : ''}`,
    );
    const { toStatusChange, statusChangeToStream, streamToReceived } = r.segmentsMs;
    console.log(`      to the status change ${ms(toStatusChange)}; then to the event stream ${ms(statusChangeToStream)}; then to the subscriber ${ms(streamToReceived)}`);
    const whose = r.memoryOf === 'whole stack' ? 'the one process running the whole stack' : 'the gateway processes';
    const loop = r.eventLoopDelayMs ? `event loop delay p99 ${r.eventLoopDelayMs.p99} ms, max ${r.eventLoopDelayMs.max} ms` : 'no event loop figures';
    console.log(
      `      ${whose}: ${kib(r.memoryPerSubscriberBytes)} resident and ${kib(r.heapPerSubscriberBytes)} heap per subscriber (${r.subscribeSeconds} s to subscribe all); ` +
        `while paying, ${r.cpuPerSecond ?? 'n/a'} CPU s/s, ${loop}`,
    );
  }
  const verdicts = results.map((r) => `${r.latencyMs.p99 < P99_TARGET_MS ? 'holds' : 'does not hold'} with ${r.gateways} gateway${r.gateways > 1 ? 's' : ''} (p99 ${r.latencyMs.p99.toFixed(1)} ms)`);
  console.log(`Target, p99 < ${P99_TARGET_MS} ms: ${verdicts.join('; ')}\n`);
}
