// The load driver: one autocannon run over a scenario's requests, measured from every response,
// and the wait for the gateway to drain what a run left behind before the next one starts.
import autocannon from 'autocannon';
import type { LoadRequest } from './requests.js';
import type { Viewer } from './scenarios.js';

export interface RunResult {
  scenario: string;
  viewer: Viewer;
  connections: number;
  /** The gateway's Cache-Control for the scenario: "max-age=…, public" when its response cache serves repeats. */
  cacheControl: string | null;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  errors: { socket: number; timeouts: number; non2xx: number; graphql: number };
}

/** The p-th percentile of ascending `sorted`, rounded to 0.1. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return round(sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

let current: autocannon.Instance | null = null;

/** Stops the run under way, if any; it ends early and its figures come back as they stand. */
export function stopLoad(): void {
  current?.stop();
}

export type LoadRun = Awaited<ReturnType<typeof load>>;

/**
 * One autocannon run. Latencies are taken from every response (not autocannon's 2xx-only
 * histogram, which has no p95); GraphQL errors, which come back as 200s, are counted from bodies.
 */
export async function load(gatewayBase: string, requests: LoadRequest[], connections: number, duration: number) {
  let next = 0;
  let graphqlErrors = 0;
  const latencies: number[] = [];
  const instance = autocannon({
    url: gatewayBase,
    connections,
    duration,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        setupRequest: (request) => {
          const { headers, body } = requests[next++ % requests.length]!;
          return { ...request, headers, body };
        },
        onResponse: (status, body) => {
          // A key, never text inside a value: quotes in values are escaped in JSON.
          if (status === 200 && body.includes('"errors":')) graphqlErrors++;
        },
      },
    ],
  });
  instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  current = instance;
  const result = await instance;
  current = null;
  await waitUntilIdle(gatewayBase);
  latencies.sort((a, b) => a - b);
  return { result, latencies, graphqlErrors };
}

/**
 * Operations the gateway has answered so far, from its /metrics; null when it publishes none.
 * Throws when the gateway is too busy to answer within a few seconds.
 */
async function answeredOperations(gatewayBase: string): Promise<number | null> {
  const res = await fetch(`${gatewayBase}/metrics`, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) return null;
  const counts = (await res.text()).split('\n').filter((l) => l.startsWith('graphql_requests_total{'));
  return counts.length ? counts.reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0) : null;
}

/**
 * When a run ends, autocannon drops its sockets but the gateway still works through what they
 * sent; left alone, that backlog would be billed to the next run (and cut off by a shutdown).
 * Waits until the count of answered operations stops moving.
 */
async function waitUntilIdle(gatewayBase: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let before: number | undefined;
  while (Date.now() < deadline) {
    let now: number | null | undefined;
    try {
      now = await answeredOperations(gatewayBase);
    } catch (err) {
      // Too busy to answer means not idle; not listening at all means nothing left to wait for.
      if ((err as Error).name !== 'TimeoutError') return;
      now = undefined;
    }
    if (now === null) return;
    if (now !== undefined && now === before) return;
    before = now;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** A run's row in the report; rates use the duration autocannon measured, which an interrupt cuts short. */
export function summarise(
  { result, latencies, graphqlErrors }: LoadRun,
  run: Pick<RunResult, 'scenario' | 'viewer' | 'connections' | 'cacheControl'>,
): RunResult {
  return {
    scenario: run.scenario,
    viewer: run.viewer,
    connections: run.connections,
    cacheControl: run.cacheControl,
    durationSeconds: result.duration,
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / result.duration),
    latencyMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: round(latencies.at(-1) ?? 0),
    },
    errors: { socket: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, graphql: graphqlErrors },
  };
}
