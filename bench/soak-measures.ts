// What the soak scenario reads of the stack besides its own requests: the memory of the processes
// serving it (their /metrics; in-process after a full garbage collection), the event backlog
// (outbox rows not yet published, consumer groups' lag and pending entries, events dead-lettered:
// the subgraphs' /metrics, lib/metrics.ts), and a local Stripe server in a process of its own, so
// that the payments it keeps in memory are not counted as the stack's.
import { fork } from 'node:child_process';
import path from 'node:path';
import type { Config } from '../lib/config.js';
import { answers } from '../lib/reachable.js';
import { SUBGRAPHS } from '../lib/subgraph-names.js';
import { localStripe, type LocalService } from '../scripts/local-services.js';
import { stripeConnection, type PaymentSettings } from '../subgraphs/order/payments/config.js';
import type { Stack } from './stack.js';
import { collectGarbageHere, processFigures } from './tracking-measures.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface StackService {
  name: string;
  /** Its origin, where /metrics answers. */
  base: string;
}

/** The gateway and the five subgraphs, where this bench's configuration says they listen. */
export function stackServices(config: Config, gatewayBase: string): StackService[] {
  return [{ name: 'gateway', base: gatewayBase }, ...SUBGRAPHS.map((name) => ({ name, base: new URL(config.subgraphUrls[name]).origin }))];
}

async function metricsText(service: StackService): Promise<string> {
  const res = await fetch(`${service.base}/metrics`, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`${service.name}'s /metrics answered HTTP ${res.status}`);
  return res.text();
}

interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** Every sample of `name` in a /metrics text, with its labels. */
function series(text: string, name: string): Sample[] {
  const found: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith(name) || (line[name.length] !== '{' && line[name.length] !== ' ')) continue;
    const labels: Record<string, string> = {};
    if (line[name.length] === '{') {
      for (const [, key, value] of line.slice(name.length + 1, line.lastIndexOf('}')).matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[key!] = value!;
    }
    found.push({ labels, value: Number(line.slice(line.lastIndexOf(' ') + 1)) });
  }
  return found;
}

export interface MemoryReading {
  /** Added up over the processes measured. */
  rssBytes: number;
  heapUsedBytes: number;
  /** Each process's, in the order of MemoryProbe.processes. */
  perProcess: { rssBytes: number; heapUsedBytes: number }[];
}

export interface MemoryProbe {
  /** Whose memory it is, in words. */
  of: string;
  /** The services each measured process serves. */
  processes: string[][];
  /** In-process only: a full collection before each reading. */
  forcedGc: boolean;
  read(): Promise<MemoryReading>;
}

/** Without a forced collection (another process), the lowest of this many reads, READ_GAP_MS apart. */
const READS_WITHOUT_GC = 5;
const READ_GAP_MS = 200;
/** Rounds of fingerprints read to tell the processes apart. */
const FINGERPRINT_ROUNDS = 3;

/**
 * The processes behind the services, told apart by their /metrics, read at once before any load:
 * prom-client gives no process id (and counts CPU per registry, not per process), so services
 * whose process started in the same second and whose V8 heap spaces have the same sizes
 * (`nodejs_heap_space_size_total_bytes`, the same for every registry of a process) in any of a
 * few rounds share one.
 */
async function processesOf(services: StackService[]): Promise<StackService[][]> {
  const owner = services.map((_, i) => i);
  const root = (i: number): number => (owner[i] === i ? i : root(owner[i]!));
  for (let round = 0; round < FINGERPRINT_ROUNDS; round++) {
    const prints = await Promise.all(
      services.map(async (service) => {
        let text: string;
        try {
          text = await metricsText(service);
        } catch (err) {
          throw new Error(`soak: ${service.name}'s /metrics at ${service.base} does not answer (${(err as Error).message}); the soak reads memory and the event backlog there`);
        }
        const spaces = series(text, 'nodejs_heap_space_size_total_bytes').map((s) => `${s.labels.space}=${s.value}`);
        return [series(text, 'process_start_time_seconds')[0]?.value, ...spaces.sort()].join(' ');
      }),
    );
    prints.forEach((print, i) => {
      const first = prints.indexOf(print);
      if (first < i) owner[root(i)] = root(first);
    });
  }
  const groups = new Map<number, StackService[]>();
  services.forEach((service, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), service]));
  return [...groups.values()];
}

/**
 * How the soak reads the stack's memory. In-process, the one process runs every service and the
 * bench too: one /metrics, after a full collection. Against a running stack, one /metrics per
 * process, each the lowest of a few reads (no collection can be forced there).
 */
export async function memoryProbe(stack: Stack, services: StackService[], stripeHere: boolean): Promise<MemoryProbe> {
  const figures = async (base: string) => {
    const { rssBytes, heapUsedBytes } = await processFigures([base]);
    if (rssBytes === null || heapUsedBytes === null) throw new Error(`soak: ${base}/metrics has no process_resident_memory_bytes or nodejs_heap_size_used_bytes`);
    return { rssBytes, heapUsedBytes };
  };
  const total = (perProcess: MemoryReading['perProcess']): MemoryReading => ({
    rssBytes: perProcess.reduce((sum, p) => sum + p.rssBytes, 0),
    heapUsedBytes: perProcess.reduce((sum, p) => sum + p.heapUsedBytes, 0),
    perProcess,
  });
  if (stack.mode === 'in-process') {
    const collect = collectGarbageHere();
    return {
      of: `the bench's one process: every service of the stack, their workers and relays, and the bench's own shoppers${stripeHere ? ', and the local Stripe server with every payment it keeps (started here for checkout, tracking or renewals)' : ''}`,
      processes: [services.map((s) => s.name)],
      forcedGc: true,
      async read() {
        collect();
        return total([await figures(services[0]!.base)]);
      },
    };
  }
  const processes = await processesOf(services);
  return {
    of: `the stack's ${processes.length} process(es), each by its /metrics: ${processes.map((p) => p.map((s) => s.name).join(', ')).join(' | ')}`,
    processes: processes.map((p) => p.map((s) => s.name)),
    forcedGc: false,
    async read() {
      const perProcess = await Promise.all(
        processes.map(async ([first]) => {
          let lowest = await figures(first!.base);
          for (let i = 1; i < READS_WITHOUT_GC; i++) {
            await sleep(READ_GAP_MS);
            const next = await figures(first!.base);
            lowest = { rssBytes: Math.min(lowest.rssBytes, next.rssBytes), heapUsedBytes: Math.min(lowest.heapUsedBytes, next.heapUsedBytes) };
          }
          return lowest;
        }),
      );
      return total(perProcess);
    },
  };
}

export interface Backlog {
  /** Outbox rows not yet published, per context. */
  outbox: Record<string, number>;
  /** Per consumer group: stream entries not yet delivered to it (lag; null when Redis cannot tell) and delivered but not acknowledged (pending). */
  consumers: { consumer: string; stream: string; lag: number | null; pending: number }[];
  /** Events consumers gave up on (event_dead_letters_total) since their processes started. */
  deadLettered: number;
  /** Outbox rows, lag and pending added up. */
  total: number;
  /** Whether every figure was read: a context's outbox or a group's lag missing, or a read the service reports failed, leaves the total uncertain. */
  complete: boolean;
  /** metrics_collection_failures_total per service and source, to tell the next reading's failures. */
  failures: Record<string, number>;
}

/**
 * The event backlog as the services' /metrics show it (read from Postgres and Redis as they are
 * scraped). `previous` is the reading before, whose failure counts tell whether this one's reads
 * of Postgres and Redis all succeeded.
 */
export async function readBacklog(services: StackService[], previous: Backlog | null): Promise<Backlog> {
  const texts = await Promise.all(services.map(async (service) => ({ service, text: await metricsText(service) })));
  const backlog: Backlog = { outbox: {}, consumers: [], deadLettered: 0, total: 0, complete: true, failures: {} };
  for (const { service, text } of texts) {
    const outbox = series(text, 'outbox_unpublished_events');
    for (const { labels, value } of outbox) backlog.outbox[labels.context ?? service.name] = value;
    if (service.name !== 'gateway' && outbox.length === 0) backlog.complete = false;
    const lag = series(text, 'event_consumer_lag_entries');
    for (const { labels, value } of series(text, 'event_consumer_pending_entries')) {
      const consumer = labels.consumer ?? '?';
      const stream = labels.stream ?? '?';
      const behind = lag.find((l) => l.labels.consumer === consumer && l.labels.stream === stream)?.value ?? null;
      if (behind === null) backlog.complete = false;
      backlog.consumers.push({ consumer, stream, lag: behind, pending: value });
    }
    backlog.deadLettered += series(text, 'event_dead_letters_total').reduce((sum, s) => sum + s.value, 0);
    for (const { labels, value } of series(text, 'metrics_collection_failures_total')) {
      const key = `${service.name}/${labels.source}`;
      backlog.failures[key] = value;
      if (previous && value > (previous.failures[key] ?? 0)) backlog.complete = false;
    }
  }
  backlog.total =
    Object.values(backlog.outbox).reduce((sum, n) => sum + n, 0) + backlog.consumers.reduce((sum, c) => sum + (c.lag ?? 0) + c.pending, 0);
  return backlog;
}

/**
 * The Stripe server the soak pays on. One that answers at STRIPE_API_BASE is used as it is (as
 * the other scenarios do); otherwise the local one starts in a child process (`local-stripe/main.ts`,
 * its webhooks to the gateway), since in this process the payments it keeps would count as the
 * stack's memory.
 */
export async function stripeApart(settings: PaymentSettings, gatewayPort: number): Promise<LocalService> {
  const connection = stripeConnection(settings);
  if (connection.apiBase === null) throw new Error('soak pays on the local Stripe-compatible server only');
  const base = new URL(connection.apiBase);
  const host = base.hostname.replace(/^\[|\]$/g, '');
  const port = Number(base.port) || (base.protocol === 'https:' ? 443 : 80);
  if (await answers(host, port)) return localStripe({ settings, gatewayPort });
  const webhookUrl = `http://127.0.0.1:${gatewayPort}/webhooks/stripe`;
  const child = fork(path.resolve(import.meta.dirname, '..', 'local-stripe', 'main.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, STRIPE_LOCAL_PORT: String(port), STRIPE_LOCAL_HOST: host, STRIPE_WEBHOOK_URL: webhookUrl, STRIPE_WEBHOOK_SECRET: connection.webhookSecret, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  let gone = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => ((gone = true), resolve())));
  const deadline = Date.now() + 30_000;
  while (!(await answers(host, port))) {
    if (gone || Date.now() > deadline) {
      child.kill();
      throw new Error(`soak: the local Stripe server did not start on ${host}:${port} (STRIPE_API_BASE)`);
    }
    await sleep(100);
  }
  console.log(`Stripe: the local Stripe-compatible server runs in a process of its own on ${host}:${port}, its events sent to ${webhookUrl}.`);
  return {
    url: base.origin,
    started: true,
    async stop() {
      if (!gone) child.kill('SIGTERM');
      await exited;
    },
  };
}
