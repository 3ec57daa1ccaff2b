import type { Express } from 'express';
import type { KeyObject } from 'node:crypto';
import type { Metric } from 'prom-client';
import { createAuthenticator, resolveAuthSettings, type Authenticate, type ServiceKeys } from './auth.js';
import { databaseUrlFor, readSettings, type Config } from './config.js';
import { queryLimitSettings } from './query-limits.js';
import type { RequestContext } from './resolver-context.js';
import type { TransactionalSqlClient } from './db.js';
import { consumerBacklog } from './consumer-backlog.js';
import { startEventConsumer, type ConsumerSpec, type RunningConsumer } from './event-consumer.js';
import { createHttpService } from './http-service.js';
import type { RecurringJob } from './jobs.js';
import { createLogger, type Logger } from './logger.js';
import { QUEUE_STATES, createRegistry, eventConsumerMetrics, eventDeadLettersCounter, outboxMetrics, outboxPublishedCounter, queueMetrics, recurringJobMetrics } from './metrics.js';
import { createRedis, slotGroup, type RedisClient } from './redis.js';
import { checkRedisSettings } from './redis-settings.js';
import { RELAY_BATCH, eventStream, outboxBacklog, relayOnCommit, relayOutbox } from './outbox.js';
import { pruneWhenDue } from './outbox-retention.js';
import { serviceCredential } from './service-gate.js';
import { mountSubgraph } from './subgraph-server.js';
import { subgraphTypeDefs } from './subgraph-schema.js';
import type { SubgraphName } from './subgraph-names.js';

/** What every service of a process shares: configuration, token verification, one Redis. */
export interface Runtime {
  config: Config;
  authenticate: Authenticate;
  /** One connection to Redis, or to a Redis Cluster (REDIS_CLUSTER). */
  redis: RedisClient;
  /** Signs a short-lived service token (role `service`, subject = the calling service) for another subgraph's internal operations. */
  serviceToken(service: string): Promise<string>;
  serviceKeys: ServiceKeys;
}

/** The runtime of one process: token verification and service tokens from the configured keys, one Redis. */
export async function createRuntime(config: Config): Promise<Runtime> {
  const auth = await resolveAuthSettings(config);
  const redis = createRedis(config.REDIS_URL, { cluster: config.REDIS_CLUSTER });
  // A lost connection is retried; each failure is one log line, not an unhandled-error stack.
  const log = createLogger(config.LOG_LEVEL, 'redis');
  redis.on('error', (err: Error) => log.warn({ err: err.message }, 'Redis connection failed; retrying'));
  // Refuses a production start on an evicting Redis; warns of the rest (lib/redis-settings.ts).
  await checkRedisSettings(redis, { production: config.NODE_ENV === 'production', log }).catch((err: unknown) => {
    redis.disconnect();
    throw err;
  });
  return {
    config,
    authenticate: createAuthenticator(auth),
    redis,
    serviceToken: serviceTokens(auth.serviceSecret),
    serviceKeys: { serviceSecret: auth.serviceSecret, clientAddressKey: auth.clientAddressKey },
  };
}

/** Each service's credential (lib/service-gate.ts serviceCredential): signed once per half of its life, not per call. */
function serviceTokens(secret: KeyObject): (service: string) => Promise<string> {
  const credentials = new Map<string, () => Promise<string>>();
  return (service) => {
    let credential = credentials.get(service);
    if (!credential) credentials.set(service, (credential = serviceCredential(secret, service)));
    return credential();
  };
}

export interface RunningService {
  name: string;
  port: number;
  log: Logger;
  close(): Promise<void>;
}

/** BullMQ's key prefix: one Cluster hash tag for every queue, as BullMQ requires on Redis Cluster (its Lua spans a queue's keys). */
export const bullPrefix = (config: Pick<Config, 'REDIS_PREFIX'>) => slotGroup(config.REDIS_PREFIX, 'bull');

/** A recurring job description a subgraph hands to startSubgraph. */
export interface JobSpec {
  queueName: string;
  everyMs: number;
  run: () => Promise<unknown>;
  /** Metrics the job keeps (e.g. the reservations it expired), created unregistered; shown on its service's /metrics. */
  metrics?: Metric[];
}

export interface SubgraphDb extends TransactionalSqlClient {
  $disconnect(): Promise<void>;
}

/**
 * Starts one subgraph: its HTTP service with /graphql, health and metrics; its workers (the
 * outbox relay, the context's own jobs and its consumers of other contexts' events, unless
 * RUN_WORKERS is false); and a close() that stops taking requests, drains, stops workers and
 * consumers and closes its pool.
 */
export async function startSubgraph<C extends RequestContext>(options: {
  name: SubgraphName;
  runtime: Runtime;
  resolvers: unknown;
  db: SubgraphDb;
  context: (base: RequestContext) => C;
  jobs?: JobSpec[];
  consumers?: ConsumerSpec[];
  port?: number;
  publicCache?: { maxAge: number; personal: (context: C) => boolean };
  /** Routes of the subgraph's own besides /graphql (e.g. the order context's payment webhooks). */
  routes?: (app: Express) => void;
  /** Metrics of the subgraph's own (e.g. the order context's reconciliation repairs), created unregistered; shown on its /metrics. */
  metrics?: Metric[];
  /** What /readyz checks besides the context's database and Redis (e.g. the catalog's read replica). */
  readiness?: Record<string, () => Promise<unknown>>;
}): Promise<RunningService> {
  const { name, runtime, db } = options;
  const { config, redis } = runtime;
  const log = createLogger(config.LOG_LEVEL, name);
  const registry = createRegistry(name);
  for (const metric of [...(options.metrics ?? []), ...(options.jobs ?? []).flatMap((job) => job.metrics ?? [])]) registry.registerMetric(metric);
  const http = createHttpService({
    service: name,
    log,
    registry,
    readiness: {
      postgres: () => db.$queryRawUnsafe('SELECT 1'),
      redis: () => redis.ping(),
      ...options.readiness,
    },
  });
  options.routes?.(http.app);
  const apollo = await mountSubgraph(http, {
    typeDefs: subgraphTypeDefs(name),
    resolvers: options.resolvers,
    log,
    registry,
    authenticate: runtime.authenticate,
    keys: runtime.serviceKeys,
    limits: readSettings(queryLimitSettings, config),
    production: config.NODE_ENV === 'production',
    context: options.context,
    publicCache: options.publicCache,
  });
  const jobs: RecurringJob[] = [];
  const consumers: RunningConsumer[] = [];
  const relays: { close(): Promise<void> }[] = [];
  // Read when Prometheus scrapes, by whichever process serves this context: lag shows even when no worker runs.
  outboxMetrics(registry, log, name, () => outboxBacklog(db));
  eventConsumerMetrics(registry, log, async () => {
    if (redis.status !== 'ready') throw new Error(`Redis is ${redis.status}`);
    const groups = await Promise.all((options.consumers ?? []).map((spec) => consumerBacklog(redis, spec.stream, spec.name)));
    return groups.filter((g) => g !== null);
  });
  if (config.RUN_WORKERS) {
    const publishedEvents = outboxPublishedCounter(registry);
    const deadLetters = eventDeadLettersCounter(registry);
    const observeRuns = recurringJobMetrics(registry);
    queueMetrics(registry, log, async () => {
      if (redis.status !== 'ready') throw new Error(`Redis is ${redis.status}`);
      return Promise.all(jobs.map(async ({ queue }) => ({ queue: queue.name, counts: await queue.getJobCounts(...QUEUE_STATES) })));
    });
    const stream = eventStream(config.REDIS_PREFIX, name);
    const count = (types: string[]) => types.forEach((type) => publishedEvents.inc({ type }));
    relays.push(relayOnCommit({ databaseUrl: databaseUrlFor(config, name), schema: name, db, redis, stream, log, name: `${name}-outbox-relay`, service: name, onPublished: count }));
    const prune = pruneWhenDue({ db, redis, stream, retentionHours: config.OUTBOX_RETENTION_HOURS });
    const specs: JobSpec[] = [
      {
        queueName: `${name}-outbox-relay`,
        everyMs: config.OUTBOX_RELAY_MS,
        run: async () => {
          let published = 0;
          // Until a batch comes back short of full: the outbox was then empty as its snapshot saw it.
          for (let batch = RELAY_BATCH; batch === RELAY_BATCH; published += batch) batch = await relayOutbox(db, redis, stream, RELAY_BATCH, { onPublished: count, log });
          const pruned = await prune();
          if (pruned.outbox + pruned.stream + pruned.receipts > 0) {
            log.info({ pruned, retentionHours: config.OUTBOX_RETENTION_HOURS }, 'removed events past their retention from the outbox and the stream, and receipts past theirs');
          }
          return published;
        },
      },
      ...(options.jobs ?? []),
    ];
    // BullMQ only where jobs run: a gateway's process never loads it (about 4 MiB of heap).
    const { startRecurringJob } = await import('./jobs.js');
    for (const spec of specs) {
      jobs.push(
        await startRecurringJob({
          connection: redis,
          prefix: bullPrefix(config),
          log,
          service: name,
          onRun: observeRuns(spec.queueName),
          // The HTTP server drains for up to half the deadline first (close() below); runs get a quarter.
          closeGraceMs: config.SHUTDOWN_TIMEOUT_MS / 4,
          ...spec,
        }),
      );
    }
    for (const spec of options.consumers ?? []) consumers.push(await startEventConsumer({ spec, redis, log, service: name, maxAttempts: config.EVENT_MAX_ATTEMPTS, deadLetters }));
  }
  const port = await http.listen(options.port ?? Number(new URL(config.subgraphUrls[name]).port), config.SUBGRAPH_LISTEN_HOST);
  log.info({ port, workers: jobs.length, consumers: consumers.length }, `${name} subgraph listening`);
  return {
    name,
    port,
    log,
    async close() {
      await http.close(config.SHUTDOWN_TIMEOUT_MS / 2);
      await apollo.stop();
      await Promise.all([...jobs, ...consumers, ...relays].map((j) => j.close()));
      await db.$disconnect();
    },
  };
}
