// Every metric the services expose is defined here, so that ops/grafana/commerce.json and
// ops/prometheus/alerts.yml have one place to read names from (test/ops-metrics.test.ts holds them to it).
import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ConsumerBacklog } from './consumer-backlog.js';
import type { Logger } from './logger.js';
import type { OutboxBacklog } from './outbox.js';
import { withTimeout } from './time.js';

/** One registry per service, so each /metrics shows only its own service. */
export function createRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5];

/**
 * `ok` without errors; `rejected` when every error is one the client caused (a bad token, input
 * or document, a missing persisted query: the codes maskErrors lets through); `error` when any is
 * a bug or an outage, which maskErrors answers as INTERNAL_SERVER_ERROR.
 */
export type Outcome = 'ok' | 'rejected' | 'error';

export function outcomeOf(errors: readonly { extensions?: { code?: unknown } }[] | undefined): Outcome {
  if (!errors?.length) return 'ok';
  const serverSide = errors.some((e) => typeof e.extensions?.code !== 'string' || e.extensions.code === 'INTERNAL_SERVER_ERROR');
  return serverSide ? 'error' : 'rejected';
}

/** Per-operation request counts and latency histograms. */
export function graphqlMetricsPlugin(registry: Registry): ApolloServerPlugin {
  const labelNames = ['operation_name', 'operation_type', 'outcome'] as const;
  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL operations handled, by operation and outcome (ok, rejected: caused by the client, error: a bug or an outage)',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL operation latency, from request to response',
    labelNames,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  return {
    async requestDidStart() {
      const endTimer = duration.startTimer();
      return {
        async willSendResponse({ operationName, operation, errors, response }) {
          // The errors as the client sees them, after maskErrors; the raw ones when there are none.
          const formatted = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const labels = {
            operation_name: operationName ?? 'anonymous',
            operation_type: operation?.operation ?? 'unknown',
            outcome: outcomeOf(formatted?.length ? formatted : errors),
          };
          requests.inc(labels);
          endTimer(labels);
        },
      };
    },
  };
}

/** Starts timing one fetch from the gateway to a subgraph; the result ends it with its outcome. */
export type TimeSubgraphFetch = (subgraph: string, operationName: string) => (outcome: Outcome) => void;

/** The gateway's fetches from its subgraphs, per subgraph and client operation. */
export function subgraphFetchMetrics(registry: Registry): TimeSubgraphFetch {
  const labelNames = ['subgraph', 'operation_name', 'outcome'] as const;
  const requests = new Counter({
    name: 'gateway_subgraph_requests_total',
    help: 'Fetches from the gateway to a subgraph, by subgraph, client operation and outcome (error: the subgraph failed or did not answer)',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'gateway_subgraph_request_duration_seconds',
    help: 'Latency of the gateway’s fetches from a subgraph',
    labelNames,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  return (subgraph, operationName) => {
    const endTimer = duration.startTimer({ subgraph, operation_name: operationName });
    return (outcome) => {
      requests.inc({ subgraph, operation_name: operationName, outcome });
      endTimer({ outcome });
    };
  };
}

export interface Reading {
  labels?: Record<string, string>;
  value: number;
}

const READ_TIMEOUT_MS = 2000;

/** Per registry: the counter of failed reads, and every group's read (so the counter waits for this scrape's reads). */
const scrapeReads = new WeakMap<Registry, { failures: Counter<'source'>; reads: (() => Promise<unknown>)[] }>();

function readsOf(registry: Registry) {
  let entry = scrapeReads.get(registry);
  if (!entry) {
    const reads: (() => Promise<unknown>)[] = [];
    const failures = new Counter({
      name: 'metrics_collection_failures_total',
      help: 'Scrapes that left a group of gauges out because reading them from Postgres or Redis failed or was too slow',
      labelNames: ['source'],
      registers: [registry],
      async collect() {
        await Promise.all(reads.map((read) => read()));
      },
    });
    entry = { failures, reads };
    scrapeReads.set(registry, entry);
  }
  return entry;
}

/**
 * Gauges whose values are read from Postgres or Redis when Prometheus scrapes (each with at least
 * one label: a gauge without labels cannot be left out, prom-client shows it as 0). One read serves
 * every gauge of the group, and a new read starts only once the last one has settled, so a slow
 * dependency never piles up queries. When the read fails or takes longer than READ_TIMEOUT_MS
 * the group's series are left out of that scrape (Prometheus marks them stale) and
 * metrics_collection_failures_total{source} counts it: /metrics answers with a dependency down.
 */
function gaugesReadAtScrape<K extends string>(
  registry: Registry,
  log: Logger,
  source: string,
  gauges: Record<K, { help: string; labelNames: readonly string[] }>,
  read: () => Promise<Record<K, Reading[]>>,
): void {
  const { failures, reads } = readsOf(registry);
  failures.inc({ source }, 0);
  let inflight: Promise<Record<K, Reading[]>> | undefined;
  let scrape: Promise<Record<K, Reading[]> | null> | undefined;
  const readOnce = () => {
    scrape ??= (async () => {
      inflight ??= read().finally(() => (inflight = undefined));
      try {
        return await withTimeout(inflight, READ_TIMEOUT_MS);
      } catch (err) {
        failures.inc({ source });
        log.warn({ err: (err as Error).message, source }, 'metrics not read; left out of this scrape');
        return null;
      } finally {
        // Every metric of a scrape has asked by now (the registry asks them all at once); the next scrape reads again.
        scrape = undefined;
      }
    })();
    return scrape;
  };
  reads.push(readOnce);
  for (const [name, { help, labelNames }] of Object.entries(gauges) as [K, { help: string; labelNames: readonly string[] }][]) {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        const readings = await readOnce();
        for (const { labels = {}, value } of readings?.[name] ?? []) this.set(labels, value);
      },
    });
  }
}

/** A context's outbox: how much and how long events wait for the relay. */
export function outboxMetrics(registry: Registry, log: Logger, context: string, read: () => Promise<OutboxBacklog>): void {
  const labelNames = ['context'] as const;
  gaugesReadAtScrape(
    registry,
    log,
    'outbox',
    {
      outbox_unpublished_events: { help: 'Events in the context’s outbox not yet published to its stream (counted up to 100000)', labelNames },
      outbox_oldest_unpublished_age_seconds: { help: 'Age of the oldest unpublished event in the context’s outbox; 0 when none waits', labelNames },
    },
    async () => {
      const backlog = await read();
      return {
        outbox_unpublished_events: [{ labels: { context }, value: backlog.unpublished }],
        outbox_oldest_unpublished_age_seconds: [{ labels: { context }, value: backlog.oldestAgeSeconds }],
      };
    },
  );
}

/** Events the relay published, by type (a context's OrderCreated are its checkouts). */
export function outboxPublishedCounter(registry: Registry): Counter<'type'> {
  return new Counter({
    name: 'outbox_events_published_total',
    help: 'Events the outbox relay published to this context’s stream, by event type',
    labelNames: ['type'],
    registers: [registry],
  });
}

/** The consumer groups of this service's event consumers: how far behind their streams they are. */
export function eventConsumerMetrics(registry: Registry, log: Logger, read: () => Promise<ConsumerBacklog[]>): void {
  const labelNames = ['consumer', 'stream'] as const;
  gaugesReadAtScrape(
    registry,
    log,
    'event_consumers',
    {
      event_consumer_pending_entries: { help: 'Entries delivered to the consumer group and not yet acknowledged (in hand, or failed and waiting to be retried)', labelNames },
      event_consumer_lag_entries: { help: 'Entries of the stream not yet delivered to the consumer group (left out when Redis cannot tell)', labelNames },
      event_consumer_oldest_unprocessed_age_seconds: { help: 'Age of the oldest stream entry the consumer group has not acknowledged; 0 when caught up', labelNames },
    },
    async () => {
      const groups = await read();
      const labels = (g: ConsumerBacklog) => ({ consumer: g.consumer, stream: g.stream });
      return {
        event_consumer_pending_entries: groups.map((g) => ({ labels: labels(g), value: g.pending })),
        event_consumer_lag_entries: groups.filter((g) => g.lag !== null).map((g) => ({ labels: labels(g), value: g.lag! })),
        event_consumer_oldest_unprocessed_age_seconds: groups.map((g) => ({ labels: labels(g), value: g.oldestUnprocessedAgeSeconds })),
      };
    },
  );
}

/** Events consumers gave up on after EVENT_MAX_ATTEMPTS and moved to their stream's dead letters (lib/dead-letters.ts). */
export function eventDeadLettersCounter(registry: Registry): Counter<'consumer' | 'type'> {
  return new Counter({
    name: 'event_dead_letters_total',
    help: 'Events a consumer group dead-lettered after failing them EVENT_MAX_ATTEMPTS times, by consumer and event type',
    labelNames: ['consumer', 'type'],
    registers: [registry],
  });
}

export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/** Jobs per BullMQ queue and state (the name BullMQ's own exporter uses). */
export function queueMetrics(registry: Registry, log: Logger, read: () => Promise<{ queue: string; counts: Record<string, number> }[]>): void {
  gaugesReadAtScrape(
    registry,
    log,
    'queues',
    { bullmq_job_count: { help: 'Jobs in a BullMQ queue by state (failed keeps the last 500)', labelNames: ['queue', 'state'] } },
    async () => ({
      bullmq_job_count: (await read()).flatMap(({ queue, counts }) => QUEUE_STATES.map((state) => ({ labels: { queue, state }, value: counts[state] ?? 0 }))),
    }),
  );
}

/** Records one run of a recurring job: its outcome and, when known, how long it took. */
export type ObserveJobRun = (outcome: 'completed' | 'failed', seconds: number | undefined) => void;

/** Runs of the recurring jobs; call the result with a queue's name to observe that queue's runs. */
export function recurringJobMetrics(registry: Registry): (queue: string) => ObserveJobRun {
  const runs = new Counter({
    name: 'recurring_job_runs_total',
    help: 'Runs of a recurring job, by queue and outcome',
    labelNames: ['queue', 'outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'recurring_job_duration_seconds',
    help: 'How long a recurring job’s run took',
    labelNames: ['queue'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [registry],
  });
  return (queue) => {
    runs.inc({ queue, outcome: 'completed' }, 0);
    runs.inc({ queue, outcome: 'failed' }, 0);
    return (outcome, seconds) => {
      runs.inc({ queue, outcome });
      if (seconds !== undefined) duration.observe({ queue }, seconds);
    };
  };
}

// Business counters. A context builds them before its service has a registry; startSubgraph
// registers them (its `metrics` option, a JobSpec's `metrics`), so they are created unregistered.

/** Reservations the catalog's expiry sweep ended because their hold ran out. */
export function reservationExpiriesCounter(): Counter {
  return new Counter({
    name: 'catalog_reservations_expired_total',
    help: 'Stock reservations expired by the sweep (unpaid past their hold)',
    registers: [],
  });
}

/** Orders payment reconciliation changed: each is a webhook that did not arrive (or an unpaid order whose hold ran out). */
export function reconciliationRepairsCounter(): Counter<'outcome'> {
  const counter = new Counter({
    name: 'order_payment_reconciliation_repairs_total',
    help: 'Orders payment reconciliation changed, by outcome (paid, refunded, cancelled: a lost webhook; expired: an unpaid order whose hold ended)',
    labelNames: ['outcome'],
    registers: [],
  });
  for (const outcome of ['paid', 'cancelled', 'expired', 'refunded']) counter.inc({ outcome }, 0);
  return counter;
}

/** Variants a cart read found in its copy of the catalog's answers (hit) or asked the catalog for (miss): subgraphs/cart/catalog-projection.ts. */
export function catalogCopiesCounter(): Counter<'result'> {
  const counter = new Counter({
    name: 'cart_catalog_copies_total',
    help: "Variants the cart read from its copy of the catalog's answers (hit) or asked the catalog for (miss)",
    labelNames: ['result'],
    registers: [],
  });
  for (const result of ['hit', 'miss']) counter.inc({ result }, 0);
  return counter;
}
