// The generic event consumer against real Redis and Postgres (the promotion context's processed_event
// table stands in for any context's): at-least-once delivery, one effect per event id, other
// types skipped, failures retried, stale pending entries reclaimed, clean stop.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPromotionServices } from '../subgraphs/promotion/server.js';
import { startTestStack, type TestStack } from '../test/harness.js';
import { idempotentConsumer, processOnce, startEventConsumer, type ConsumerSpec, type RunningConsumer } from './event-consumer.js';
import { createLogger } from './logger.js';
import type { EventEnvelope } from './outbox.js';

let stack: TestStack;
let db: ReturnType<typeof createPromotionServices>['db'];
let stream: string;
let name: string;
const running: RunningConsumer[] = [];
const log = createLogger('silent', 'test');

beforeAll(async () => {
  stack = await startTestStack({ subgraphs: ['promotion'], gateway: false });
  db = createPromotionServices(stack.runtime).db;
  await db.$executeRawUnsafe('CREATE TABLE consumer_effect (event_id uuid NOT NULL, note text)');
});
afterAll(async () => {
  await Promise.all(running.map((c) => c.close()));
  await db?.$disconnect();
  await stack?.close();
});
beforeEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.close()));
  stream = `${stack.config.REDIS_PREFIX}:events:consumer-test-${randomUUID()}`;
  name = `test-consumer-${randomUUID().slice(0, 8)}`;
});

const envelope = (type: string, data: unknown = {}, id: string = randomUUID()): EventEnvelope => ({
  id,
  type,
  version: 1,
  occurredAt: new Date().toISOString(),
  aggregateType: 'Thing',
  aggregateId: 'thing-1',
  traceId: null,
  data,
});

const publish = (event: EventEnvelope | string) =>
  stack.runtime.redis.xadd(stream, '*', 'type', typeof event === 'string' ? 'Junk' : event.type, 'event', typeof event === 'string' ? event : JSON.stringify(event));

/** A consumer whose effect is a row in consumer_effect; `fail` decides whether an attempt throws, `relevant` which events it handles. */
function spec(fail: (event: EventEnvelope) => boolean = () => false, relevant?: (data: unknown) => boolean): ConsumerSpec {
  return idempotentConsumer({
    name,
    stream,
    types: ['ThingHappened'],
    db,
    log,
    relevant,
    data: z.unknown(),
    handle: async (_data, tx, event) => {
      await tx.$executeRawUnsafe('INSERT INTO consumer_effect (event_id, note) VALUES ($1::uuid, $2)', event.id, name);
      if (fail(event)) throw new Error('effect failed');
    },
  });
}

async function start(s: ConsumerSpec, options: { claimIdleMs?: number } = {}) {
  const consumer = await startEventConsumer({ spec: s, redis: stack.runtime.redis, log, blockMs: 200, ...options });
  running.push(consumer);
  return consumer;
}

const effects = async () =>
  (await db.$queryRawUnsafe<{ event_id: string }[]>('SELECT event_id::text FROM consumer_effect WHERE note = $1 ORDER BY event_id', name)).map((r) => r.event_id);
const pending = async () => ((await stack.runtime.redis.xpending(stream, name)) as [number])[0];

/** Eventually: the consumer works in the background. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 50 });

describe('processOnce', () => {
  it('runs the effect once per consumer and event id, however many deliveries race', async () => {
    const id = randomUUID();
    const runs = await Promise.all(
      Array.from({ length: 5 }, () => processOnce(db, name, id, (tx) => tx.$executeRawUnsafe('INSERT INTO consumer_effect VALUES ($1::uuid, $2)', id, name).then(() => undefined))),
    );
    expect(runs.filter(Boolean)).toHaveLength(1);
    expect(await effects()).toEqual([id]);
    expect(await processOnce(db, `${name}-other`, id, async () => undefined)).toBe(true);
  });

  it('records nothing when the effect fails, so a redelivery runs it again', async () => {
    const id = randomUUID();
    await expect(processOnce(db, name, id, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await processOnce(db, name, id, async () => undefined)).toBe(true);
  });
});

describe('startEventConsumer', () => {
  it('applies events published before and after it starts, once each, and acknowledges them', async () => {
    const early = envelope('ThingHappened');
    await publish(early);
    await start(spec());
    const late = envelope('ThingHappened');
    await publish(late);
    await publish(late); // a relay that published twice
    await poll(effects).toEqual([early.id, late.id].sort());
    await poll(pending).toBe(0);
  });

  it('skips other event types and entries that are not envelopes, acknowledging them', async () => {
    await start(spec());
    await publish(envelope('SomethingElse'));
    await publish('{not json');
    await publish(JSON.stringify({ ...envelope('ThingHappened'), id: 'not-a-uuid' }));
    const marker = envelope('ThingHappened');
    await publish(marker);
    await poll(effects).toEqual([marker.id]);
    await poll(pending).toBe(0);
  });

  it('acknowledges a batch of entries, applied or skipped, with one XACK sent with the next read', async () => {
    const wanted = Array.from({ length: 5 }, () => envelope('ThingHappened'));
    for (const event of wanted) {
      await publish(envelope('SomethingElse'));
      await publish(event);
    }
    // The shared connection and the reader the consumer duplicates from it, counting the entries
    // each XACK acknowledges, and the commands each pipeline sends with it.
    const acks: { entries: number; with: string[] }[] = [];
    const counting = <T extends object>(client: T, pipelined?: string[]): T =>
      new Proxy(client, {
        get(target, property) {
          const value = Reflect.get(target, property) as unknown;
          if (typeof value !== 'function') return value;
          const call = (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(target, args);
          if (property === 'xack') return (...args: unknown[]) => (acks.push({ entries: args.length - 2, with: pipelined ?? [] }), counting(call(...args) as object, pipelined));
          if (property === 'duplicate') return (...args: unknown[]) => counting(call(...args) as object);
          if (property === 'pipeline') return () => counting(call() as object, []);
          if (pipelined && property !== 'exec') return (...args: unknown[]) => (pipelined.push(String(property)), counting(call(...args) as object, pipelined));
          return call;
        },
      });
    running.push(await startEventConsumer({ spec: spec(), redis: counting(stack.runtime.redis), log, blockMs: 200 }));
    await poll(effects).toEqual(wanted.map((e) => e.id).sort());
    await poll(pending).toBe(0);
    expect(acks).toEqual([{ entries: 10, with: ['xreadgroup'] }]);
  });

  it('acknowledges an event its handler would do nothing with without recording it', async () => {
    await start(spec(undefined, (data) => (data as { wanted?: boolean }).wanted === true));
    const ignored = envelope('ThingHappened', { wanted: false });
    const wanted = envelope('ThingHappened', { wanted: true });
    await publish(ignored);
    await publish(wanted);
    await poll(effects).toEqual([wanted.id]);
    await poll(pending).toBe(0);
    const recorded = await db.$queryRawUnsafe<{ event_id: string }[]>('SELECT event_id::text FROM processed_event WHERE consumer = $1', name);
    expect(recorded.map((r) => r.event_id)).toEqual([wanted.id]);
  });

  it('leaves a failed event pending and retries it once it has been idle for claimIdleMs', async () => {
    let attempts = 0;
    await start(spec(() => ++attempts < 3), { claimIdleMs: 300 });
    const event = envelope('ThingHappened');
    await publish(event);
    await poll(effects).toEqual([event.id]);
    expect(attempts).toBe(3);
    await poll(pending).toBe(0);
  });

  it('claims what a member that died left pending', async () => {
    await stack.runtime.redis.xgroup('CREATE', stream, name, '0', 'MKSTREAM');
    const event = envelope('ThingHappened');
    await publish(event);
    // A member reads the entry and dies before acknowledging it.
    await stack.runtime.redis.xreadgroup('GROUP', name, 'dead-member', 'COUNT', 10, 'STREAMS', stream, '>');
    expect(await pending()).toBe(1);
    await new Promise((r) => setTimeout(r, 250));
    await start(spec(), { claimIdleMs: 200 });
    await poll(effects).toEqual([event.id]);
    await poll(pending).toBe(0);
  });

  it('stops promptly on close and consumes nothing afterwards', async () => {
    const consumer = await start(spec());
    const started = Date.now();
    await consumer.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await publish(envelope('ThingHappened'));
    await new Promise((r) => setTimeout(r, 400));
    expect(await effects()).toEqual([]);
  });
});
