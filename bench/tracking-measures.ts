// What the tracking scenario reads besides its subscribers' messages: when each payment's webhook
// reached the gateway (a recording proxy in front of its /webhooks/stripe), the gateways' process
// figures from their /metrics, and when each PAID event was published to the order context's
// event stream (the time in its Redis entry id), which splits a delivery's latency in two.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseGlobalId } from '../lib/global-id.js';
import { createRedis } from '../lib/redis.js';

export interface WebhookRecorder {
  /** Where Stripe is to send its webhooks. */
  url: string;
  /** PaymentIntent id → Date.now() when its payment_intent.succeeded first arrived. */
  arrivals: Map<string, number>;
  close(): Promise<void>;
}

/**
 * A recording proxy for Stripe's webhooks: notes when each payment_intent.succeeded first
 * arrives, then forwards the raw body and its signature to the gateway's /webhooks/stripe and
 * relays the answer, so that Stripe retries exactly as it would without it.
 */
export async function recordWebhooks(gatewayBase: string): Promise<WebhookRecorder> {
  const arrivals = new Map<string, number>();
  const target = `${gatewayBase}/webhooks/stripe`;
  const server = http.createServer((req, res) => {
    const arrived = Date.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      try {
        const event = JSON.parse(body.toString('utf8')) as { type?: string; data?: { object?: { id?: string } } };
        const intent = event.data?.object?.id;
        if (event.type === 'payment_intent.succeeded' && intent && !arrivals.has(intent)) arrivals.set(intent, arrived);
      } catch {
        // Not JSON: the gateway answers it as it would.
      }
      try {
        const signature = req.headers['stripe-signature'];
        const upstream = await fetch(target, {
          method: 'POST',
          headers: { 'content-type': req.headers['content-type'] ?? 'application/json', ...(typeof signature === 'string' ? { 'stripe-signature': signature } : {}) },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
        res.end(Buffer.from(await upstream.arrayBuffer()));
      } catch (err) {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: `the gateway did not answer: ${(err as Error).message}` }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/webhooks/stripe`, arrivals, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The first sample of each of `names` in a /metrics text (`name value` or `name{labels} value`). */
function samples(text: string, names: string[]): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of text.split('\n')) {
    const name = line.slice(0, line.search(/[ {]/));
    if (names.includes(name) && !found.has(name)) found.set(name, Number(line.slice(line.lastIndexOf(' ') + 1)));
  }
  return found;
}

export async function gatewayMetric(base: string, name: string): Promise<number | null> {
  const res = await fetch(`${base}/metrics`, { signal: AbortSignal.timeout(10_000) });
  return samples(await res.text(), [name]).get(name) ?? null;
}

/** What the gateways' processes say of themselves, added up over them (the event loop's delay: the worst). */
export interface ProcessFigures {
  rssBytes: number | null;
  heapUsedBytes: number | null;
  cpuSeconds: number | null;
  /** Since the previous read of the same /metrics (prom-client resets the histogram on each). */
  loopDelayP99Seconds: number | null;
  loopDelayMaxSeconds: number | null;
}

const FIGURES = {
  rssBytes: 'process_resident_memory_bytes',
  heapUsedBytes: 'nodejs_heap_size_used_bytes',
  cpuSeconds: 'process_cpu_seconds_total',
  loopDelayP99Seconds: 'nodejs_eventloop_lag_p99_seconds',
  loopDelayMaxSeconds: 'nodejs_eventloop_lag_max_seconds',
} as const;

export async function processFigures(bases: string[]): Promise<ProcessFigures> {
  const read = await Promise.all(
    bases.map(async (base) => samples(await (await fetch(`${base}/metrics`, { signal: AbortSignal.timeout(10_000) })).text(), Object.values(FIGURES))),
  );
  const combine = (name: string, how: 'sum' | 'max') => {
    const values = read.map((m) => m.get(name));
    if (values.some((v) => v === undefined || Number.isNaN(v))) return null;
    return how === 'sum' ? values.reduce<number>((a, v) => a + v!, 0) : Math.max(...(values as number[]));
  };
  return {
    rssBytes: combine(FIGURES.rssBytes, 'sum'),
    heapUsedBytes: combine(FIGURES.heapUsedBytes, 'sum'),
    cpuSeconds: combine(FIGURES.cpuSeconds, 'sum'),
    loopDelayP99Seconds: combine(FIGURES.loopDelayP99Seconds, 'max'),
    loopDelayMaxSeconds: combine(FIGURES.loopDelayMaxSeconds, 'max'),
  };
}

/**
 * A full garbage collection of this process, for memory read on a stack running in it: without
 * one, the heap read before and after holds whatever garbage the last collection left.
 */
export function collectGarbageHere(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => gc();
}

/**
 * When each of `orderIds` (global ids) went PAID on the order context's event stream: the time
 * of its OrderStatusChanged entry, which Redis stamps on XADD (the outbox relay's publish).
 */
export async function paidOnStream(redisUrl: string, stream: string, since: number, orderIds: string[]): Promise<Map<string, number>> {
  const byRawId = new Map(orderIds.map((id) => [parseGlobalId(id)?.rawId, id]));
  const published = new Map<string, number>();
  const redis = createRedis(redisUrl);
  try {
    let start = `${since}-0`;
    for (;;) {
      const entries = await redis.xrange(stream, start, '+', 'COUNT', 1000);
      for (const [id, fields] of entries) {
        if (fields[fields.indexOf('type') + 1] !== 'OrderStatusChanged') continue;
        const data = (JSON.parse(fields[fields.indexOf('event') + 1] ?? '{}') as { data?: { orderId?: string; to?: string } }).data;
        const orderId = byRawId.get(data?.orderId);
        if (orderId && data?.to === 'PAID' && !published.has(orderId)) published.set(orderId, Number(id.split('-')[0]));
      }
      if (entries.length < 1000) break;
      start = `(${entries.at(-1)![0]}`;
    }
  } finally {
    redis.disconnect();
  }
  return published;
}
