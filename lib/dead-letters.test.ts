// Poison events against real Redis and Postgres (the promotion context's processed_event table stands
// in for any context's): an event whose handler keeps failing is dead-lettered after maxAttempts
// while the others are applied, counted and logged; replayed once the handler is fixed, it is
// applied once.
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { z } from 'zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPromotionServices } from '../subgraphs/promotion/server.js';
import { startTestStack, type TestStack } from '../test/harness.js';
import { deadLetterStream, listDeadLetters, replayDeadLetters } from './dead-letters.js';
import { idempotentConsumer, startEventConsumer, type RunningConsumer } from './event-consumer.js';
import { createLogger } from './logger.js';
import { eventDeadLettersCounter } from './metrics.js';
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
  stream = `${stack.config.REDIS_PREFIX}:events:dead-letter-test-${randomUUID()}`;
  name = `test-consumer-${randomUUID().slice(0, 8)}`;
});

const envelope = (): EventEnvelope => ({
  id: randomUUID(),
  type: 'ThingHappened',
  version: 1,
  occurredAt: new Date().toISOString(),
  aggregateType: 'Thing',
  aggregateId: 'thing-1',
  traceId: null,
  data: {},
});

const publish = (event: EventEnvelope) => stack.runtime.redis.xadd(stream, '*', 'type', event.type, 'event', JSON.stringify(event));

/** Starts a consumer whose effect is a row in consumer_effect; `fails` decides whether an attempt throws. */
async function start(fails: (event: EventEnvelope) => boolean, deadLetters = eventDeadLettersCounter(new Registry())) {
  const attempts = new Map<string, number>();
  const spec = idempotentConsumer({
    name,
    stream,
    types: ['ThingHappened'],
    db,
    log,
    data: z.unknown(),
    handle: async (_data, tx, event) => {
      attempts.set(event.id, (attempts.get(event.id) ?? 0) + 1);
      await tx.$executeRawUnsafe('INSERT INTO consumer_effect (event_id, note) VALUES ($1::uuid, $2)', event.id, name);
      if (fails(event)) throw new Error(`cannot apply ${event.id}`);
    },
  });
  running.push(await startEventConsumer({ spec, redis: stack.runtime.redis, log, blockMs: 200, claimIdleMs: 150, maxAttempts: 3, deadLetters }));
  return attempts;
}

const effects = async () =>
  (await db.$queryRawUnsafe<{ event_id: string }[]>('SELECT event_id::text FROM consumer_effect WHERE note = $1 ORDER BY event_id', name)).map((r) => r.event_id);
const pending = async () => ((await stack.runtime.redis.xpending(stream, name)) as [number])[0];
const deadLetters = () => listDeadLetters(stack.runtime.redis, [stream]);
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 50 });

describe('a poison event', () => {
  it('is dead-lettered after maxAttempts, counted and acknowledged, while the others are applied; replayed once fixed, it is applied once', async () => {
    const registry = new Registry();
    const poison = envelope();
    const others = [envelope(), envelope(), envelope()];
    let broken = true;
    const attempts = await start((event) => broken && event.id === poison.id, eventDeadLettersCounter(registry));
    for (const event of [others[0]!, poison, others[1]!, others[2]!]) await publish(event);

    await poll(deadLetters).toEqual([expect.objectContaining({ eventId: poison.id, type: 'ThingHappened', consumer: name, stream, attempts: 3, error: `cannot apply ${poison.id}` })]);
    expect(attempts.get(poison.id)).toBe(3);
    await poll(effects).toEqual(others.map((e) => e.id).sort());
    await poll(pending).toBe(0);
    expect(await registry.getSingleMetricAsString('event_dead_letters_total')).toContain(`event_dead_letters_total{consumer="${name}",type="ThingHappened"} 1`);

    broken = false;
    expect((await replayDeadLetters(stack.runtime.redis, [stream], poison.id)).map((d) => d.eventId)).toEqual([poison.id]);
    expect(await deadLetters()).toEqual([]);
    await poll(effects).toEqual([...others, poison].map((e) => e.id).sort());
    expect(attempts.get(poison.id)).toBe(4);
    await poll(pending).toBe(0);
    expect(await replayDeadLetters(stack.runtime.redis, [stream], poison.id)).toEqual([]);
  });

  it('is dead-lettered without another try when claimed after more deliveries than allowed (the processes handling it died)', async () => {
    const event = envelope();
    await stack.runtime.redis.xgroup('CREATE', stream, name, '0', 'MKSTREAM');
    const entryId = await publish(event);
    // Members that read it and died, three times over.
    await stack.runtime.redis.xreadgroup('GROUP', name, 'dead-member', 'COUNT', 1, 'STREAMS', stream, '>');
    await stack.runtime.redis.xclaim(stream, name, 'dead-member', 0, entryId!, 'RETRYCOUNT', 3);
    const attempts = await start(() => false);
    await poll(deadLetters).toEqual([expect.objectContaining({ eventId: event.id, attempts: 3, error: expect.stringContaining('without being acknowledged') })]);
    expect(attempts.get(event.id)).toBeUndefined();
    expect(await effects()).toEqual([]);
    await poll(pending).toBe(0);
  });

  it('dead-lettered by two consumer groups, is replayed onto its stream once for both', async () => {
    const event = envelope();
    const first = name;
    await start((e) => e.id === event.id);
    name = `test-consumer-${randomUUID().slice(0, 8)}`;
    await start((e) => e.id === event.id);
    await publish(event);
    await poll(async () => (await deadLetters()).map((d) => d.consumer).sort()).toEqual([first, name].sort());

    // Stopped, so that they do not dead-letter it again while this looks.
    await Promise.all(running.splice(0).map((c) => c.close()));
    const length = await stack.runtime.redis.xlen(stream);
    expect(await replayDeadLetters(stack.runtime.redis, [stream], 'all')).toHaveLength(2);
    expect(await stack.runtime.redis.xlen(stream)).toBe(length + 1);
    expect(await stack.runtime.redis.xlen(deadLetterStream(stream))).toBe(0);
  });
});
