// The outbox against real Postgres and Redis (the catalog's outbox table stands in for any
// context's): events exist exactly when their transaction commits, and relays publish each one
// once, in the order they were recorded, however many relays run.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { catalogOutboxStack } from '../test/catalog-outbox-stack.js';
import { eventStream, readStream, recordEvents, relayOutbox, type NewEvent } from './outbox.js';
import { runInScope } from './request-scope.js';

let stream: string;

const catalog = catalogOutboxStack();
beforeEach(async () => {
  // Each test publishes to its own stream, after the previous test's leftovers are marked published.
  await catalog.db.$executeRawUnsafe('UPDATE outbox_event SET published_at = now() WHERE published_at IS NULL');
  stream = eventStream(catalog.stack.config.REDIS_PREFIX, `outbox-test-${randomUUID()}`);
});

const numbered = (from: number, count: number): NewEvent[] =>
  Array.from({ length: count }, (_, i) => ({ type: 'Numbered', aggregateType: 'Counter', aggregateId: 'c1', data: { n: from + i } }));

const record = (events: NewEvent[]) => catalog.db.$transaction((tx) => recordEvents(tx, events));

async function drain(batchSize?: number): Promise<number> {
  let total = 0;
  for (let batch = -1; batch !== 0; total += batch) batch = await relayOutbox(catalog.db, catalog.stack.runtime.redis, stream, batchSize);
  return total;
}

const published = async () => (await readStream(catalog.stack.runtime.redis, stream, 100_000)).map((e) => (e.data as { n: number }).n);

describe('recordEvents', () => {
  it('writes nothing when the transaction that records the events rolls back', async () => {
    await expect(
      catalog.db.$transaction(async (tx) => {
        await recordEvents(tx, numbered(0, 3));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');

    expect(await drain()).toBe(0);
    expect(await published()).toEqual([]);
  });

  it('publishes the SPEC envelope, with the trace id of the request that made the change', async () => {
    const traceId = 'a'.repeat(32);
    await runInScope({ requestId: 'r1', traceId }, () =>
      record([{ type: 'ThingHappened', aggregateType: 'Thing', aggregateId: 'thing-1', data: { colour: 'red' }, version: 2 }]),
    );
    await record([{ type: 'ThingHappened', aggregateType: 'Thing', aggregateId: 'thing-2', data: {} }]);

    expect(await drain()).toBe(2);
    const [first, second] = await readStream(catalog.stack.runtime.redis, stream);
    expect(first).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      type: 'ThingHappened',
      version: 2,
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      aggregateType: 'Thing',
      aggregateId: 'thing-1',
      traceId,
      data: { colour: 'red' },
    });
    expect(Math.abs(Date.parse(first!.occurredAt) - Date.now())).toBeLessThan(60_000);
    expect(second).toMatchObject({ version: 1, aggregateId: 'thing-2', traceId: null });
    const entries = await catalog.stack.runtime.redis.xrange(stream, '-', '+');
    expect(entries[0]![1]).toEqual(['type', 'ThingHappened', 'event', expect.any(String)]);
  });
});

describe('relayOutbox', () => {
  it('publishes events in the order they were recorded, within and across transactions', async () => {
    await record(numbered(0, 20));
    for (let n = 20; n < 60; n++) await record(numbered(n, 1));
    await record(numbered(60, 20));

    expect(await drain(7)).toBe(80);
    expect(await published()).toEqual(Array.from({ length: 80 }, (_, i) => i));
  });

  it('publishes each event once, in order, when relays run side by side with a writer', async () => {
    // A backlog gives side-by-side relays something to split between them from the start.
    for (let n = 0; n < 100; n += 10) await record(numbered(n, 10));
    let writing = true;
    const writer = (async () => {
      for (let n = 100; n < 400; n += 10) await record(numbered(n, 10));
      writing = false;
    })();
    const relay = async () => {
      let total = 0;
      while (writing) total += await relayOutbox(catalog.db, catalog.stack.runtime.redis, stream, 25);
      return total;
    };

    const [, ...counts] = await Promise.all([writer, relay(), relay(), relay()]);
    const rest = await Promise.all([drain(25), drain(25)]);

    expect([...counts, ...rest].reduce((a, b) => a + b, 0)).toBe(400);
    expect(await published()).toEqual(Array.from({ length: 400 }, (_, i) => i));
  });

  it('lets a second relay publish nothing while the first is still publishing its batch', async () => {
    await record(numbered(0, 50));
    let letThrough!: () => void;
    const gate = new Promise<void>((resolve) => (letThrough = resolve));
    let sent!: () => void;
    const inFlight = new Promise<void>((resolve) => (sent = resolve));
    const redis = catalog.stack.runtime.redis;
    // The first relay's XADDs reach Redis only when the gate opens: it is slow, not failed.
    const slowRedis = {
      get: (key: string) => redis.get(key),
      eval: async (...args: Parameters<typeof redis.eval>) => (sent(), await gate, redis.eval(...args)),
    } as unknown as typeof redis;

    const slow = relayOutbox(catalog.db, slowRedis, stream, 20);
    await inFlight;
    const meanwhile = await relayOutbox(catalog.db, redis, stream, 20);
    letThrough();

    expect(meanwhile).toBe(0);
    expect(await slow).toBe(20);
    expect(await drain(20)).toBe(30);
    expect(await published()).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('keeps events that Redis refused, and publishes them on a later run', async () => {
    await record(numbered(0, 3));
    await catalog.stack.runtime.redis.set(stream, 'not a stream');

    await expect(relayOutbox(catalog.db, catalog.stack.runtime.redis, stream)).rejects.toThrow(/WRONGTYPE/);
    await catalog.stack.runtime.redis.del(stream);

    expect(await drain()).toBe(3);
    expect(await published()).toEqual([0, 1, 2]);
  });
});
