// Outbox and consumer lag as a subgraph's /metrics shows them, against real Postgres and Redis
// (the catalog stands in for any context): an event the relay has not published is lag of its own
// context only; entries a consumer group has not acknowledged are its lag; and a scrape whose
// dependency fails or hangs still answers, without those gauges.
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { beforeEach, describe, expect, it } from 'vitest';
import { catalogOutboxStack } from '../test/catalog-outbox-stack.js';
import { consumerBacklog } from './consumer-backlog.js';
import { createLogger } from './logger.js';
import { eventConsumerMetrics, outboxMetrics, outcomeOf } from './metrics.js';
import { eventStream, recordEvents, relayOutbox } from './outbox.js';

const log = createLogger('silent', 'test');

const catalog = catalogOutboxStack({ subgraphs: ['cart'] });

/** The value of one series of a service's /metrics, or undefined when it is not exposed. */
async function sample(service: 'catalog' | 'cart', name: string, labels: Record<string, string>): Promise<number | undefined> {
  const text = await (await fetch(new URL('/metrics', catalog.stack.subgraphUrls[service]))).text();
  return valueIn(text, name, { ...labels, service });
}

function valueIn(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((pair) => l.slice(name.length, l.lastIndexOf('}') + 1).includes(pair)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('outbox lag', () => {
  const catalogStream = () => eventStream(catalog.stack.config.REDIS_PREFIX, 'catalog');
  beforeEach(async () => {
    await catalog.db.$executeRawUnsafe('UPDATE outbox_event SET published_at = now() WHERE published_at IS NULL');
  });

  it('counts an unpublished event and its age in its own context, and nothing once it is published', async () => {
    await catalog.db.$transaction((tx) =>
      recordEvents(tx, [
        { type: 'ThingHappened', aggregateType: 'Thing', aggregateId: 'thing-1', data: {} },
        { type: 'ThingHappened', aggregateType: 'Thing', aggregateId: 'thing-2', data: {} },
      ]),
    );
    // As if the relay had been down for a minute and a half.
    await catalog.db.$executeRawUnsafe(`UPDATE outbox_event SET occurred_at = occurred_at - interval '90 seconds' WHERE published_at IS NULL AND aggregate_id = 'thing-1'`);

    expect(await sample('catalog', 'outbox_unpublished_events', { context: 'catalog' })).toBe(2);
    const age = await sample('catalog', 'outbox_oldest_unpublished_age_seconds', { context: 'catalog' });
    expect(age).toBeGreaterThanOrEqual(90);
    expect(age).toBeLessThan(120);
    // The cart's outbox is another schema's table: nothing waits there.
    expect(await sample('cart', 'outbox_unpublished_events', { context: 'cart' })).toBe(0);
    expect(await sample('cart', 'outbox_oldest_unpublished_age_seconds', { context: 'cart' })).toBe(0);

    const types: string[] = [];
    expect(await relayOutbox(catalog.db, catalog.stack.runtime.redis, catalogStream(), 200, { onPublished: (published) => types.push(...published) })).toBe(2);
    expect(types).toEqual(['ThingHappened', 'ThingHappened']);
    expect(await sample('catalog', 'outbox_unpublished_events', { context: 'catalog' })).toBe(0);
    expect(await sample('catalog', 'outbox_oldest_unpublished_age_seconds', { context: 'catalog' })).toBe(0);
  });
});

describe('consumer lag', () => {
  let stream: string;
  let group: string;
  beforeEach(() => {
    stream = `${catalog.stack.config.REDIS_PREFIX}:events:lag-test-${randomUUID()}`;
    group = `lag-test-${randomUUID().slice(0, 8)}`;
  });

  /** Adds an entry stamped `agoMs` ago (stream ids carry the time they were added). */
  const addEntry = (agoMs: number, seq = 0) => catalog.stack.runtime.redis.xadd(stream, `${Date.now() - agoMs}-${seq}`, 'type', 'Thing', 'event', '{}');

  it('counts entries not yet delivered, delivered but not acknowledged, and the age of the oldest of them', async () => {
    const { redis } = catalog.stack.runtime;
    expect(await consumerBacklog(redis, stream, group)).toBeNull();
    await redis.xgroup('CREATE', stream, group, '0', 'MKSTREAM');
    expect(await consumerBacklog(redis, stream, group)).toEqual({ consumer: group, stream, pending: 0, lag: 0, oldestUnprocessedAgeSeconds: 0 });

    const [first] = [await addEntry(60_000), await addEntry(30_000), await addEntry(10_000)];
    const waiting = await consumerBacklog(redis, stream, group);
    expect(waiting).toMatchObject({ pending: 0, lag: 3 });
    expect(waiting!.oldestUnprocessedAgeSeconds).toBeGreaterThanOrEqual(59);

    // One delivered and not acknowledged, as when its handler keeps failing: it is the oldest.
    await redis.xreadgroup('GROUP', group, 'member-1', 'COUNT', 1, 'STREAMS', stream, '>');
    const failing = await consumerBacklog(redis, stream, group);
    expect(failing).toMatchObject({ pending: 1, lag: 2 });
    expect(failing!.oldestUnprocessedAgeSeconds).toBeGreaterThanOrEqual(59);

    // Acknowledged: the oldest unprocessed is the first undelivered one.
    await redis.xack(stream, group, first!);
    const behind = await consumerBacklog(redis, stream, group);
    expect(behind).toMatchObject({ pending: 0, lag: 2 });
    expect(behind!.oldestUnprocessedAgeSeconds).toBeGreaterThanOrEqual(29);
    expect(behind!.oldestUnprocessedAgeSeconds).toBeLessThan(59);

    const rest = (await redis.xreadgroup('GROUP', group, 'member-1', 'COUNT', 10, 'STREAMS', stream, '>')) as [string, [string, string[]][]][];
    await redis.xack(stream, group, ...rest[0]![1].map(([id]) => id));
    expect(await consumerBacklog(redis, stream, group)).toEqual({ consumer: group, stream, pending: 0, lag: 0, oldestUnprocessedAgeSeconds: 0 });
  });

  it('shows a consumer group the service declares at its /metrics, once the group exists', async () => {
    // The catalog consumes the order context's stream as catalog-order-stock; without workers
    // nothing consumes it, so what is added stays undelivered.
    const orderStream = eventStream(catalog.stack.config.REDIS_PREFIX, 'order');
    const labels = { consumer: 'catalog-order-stock', stream: orderStream };
    expect(await sample('catalog', 'event_consumer_lag_entries', labels)).toBeUndefined();
    await catalog.stack.runtime.redis.xgroup('CREATE', orderStream, 'catalog-order-stock', '$', 'MKSTREAM');
    stream = orderStream;
    await addEntry(120_000);
    await addEntry(0);

    expect(await sample('catalog', 'event_consumer_lag_entries', labels)).toBe(2);
    expect(await sample('catalog', 'event_consumer_pending_entries', labels)).toBe(0);
    expect(await sample('catalog', 'event_consumer_oldest_unprocessed_age_seconds', labels)).toBeGreaterThanOrEqual(119);
  });
});

describe('a scrape whose dependency fails', () => {
  it('answers without the gauges it could not read, and counts the failure', async () => {
    const registry = new Registry();
    outboxMetrics(registry, log, 'catalog', () => Promise.reject(new Error('connection refused')));

    const text = await registry.metrics();
    expect(text).toContain('# TYPE outbox_unpublished_events gauge');
    expect(valueIn(text, 'outbox_unpublished_events', {})).toBeUndefined();
    expect(valueIn(text, 'outbox_oldest_unpublished_age_seconds', {})).toBeUndefined();
    expect(valueIn(text, 'metrics_collection_failures_total', { source: 'outbox' })).toBe(1);
  });

  it('gives up on a read that hangs, and starts no second read while it does', async () => {
    const registry = new Registry();
    let reads = 0;
    eventConsumerMetrics(registry, log, () => {
      reads++;
      return new Promise(() => {});
    });

    const started = Date.now();
    await registry.metrics();
    const text = await registry.metrics();
    expect(Date.now() - started).toBeLessThan(6000);
    expect(reads).toBe(1);
    expect(valueIn(text, 'event_consumer_pending_entries', {})).toBeUndefined();
    expect(valueIn(text, 'metrics_collection_failures_total', { source: 'event_consumers' })).toBe(2);
  });
});

describe('outcomeOf', () => {
  it.each([
    [undefined, 'ok'],
    [[], 'ok'],
    [[{ extensions: { code: 'FORBIDDEN' } }, { extensions: { code: 'BAD_USER_INPUT' } }], 'rejected'],
    [[{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }], 'rejected'],
    [[{ extensions: { code: 'FORBIDDEN' } }, { extensions: { code: 'INTERNAL_SERVER_ERROR' } }], 'error'],
    [[{}], 'error'],
  ] as const)('%j is %s', (errors, outcome) => {
    expect(outcomeOf(errors)).toBe(outcome);
  });
});
