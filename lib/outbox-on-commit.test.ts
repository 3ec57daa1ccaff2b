// Relaying on commit: with the periodic relay a minute apart, an event reaches its stream as soon
// as its transaction commits (the outbox_event trigger notifies the relay), and an event whose
// transaction rolls back never does; a relay that failed is tried again until it succeeds.
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCatalogServices } from '../subgraphs/catalog/server.js';
import { startTestStack, type TestStack } from '../test/harness.js';
import { eventStream, readStream, recordEvents } from './outbox.js';

let stack: TestStack;
let db: ReturnType<typeof createCatalogServices>['db'];

beforeAll(async () => {
  stack = await startTestStack({ subgraphs: ['catalog'], gateway: false, workers: true, env: { OUTBOX_RELAY_MS: '60000' } });
  db = createCatalogServices(stack.runtime).db;
  // The periodic relay's first run, at start, is behind us; its next is a minute away.
  await delay(500);
});
afterAll(async () => {
  await db?.$disconnect();
  await stack?.close();
});

const published = () => readStream(stack.runtime.redis, eventStream(stack.config.REDIS_PREFIX, 'catalog'), 100_000);

it('publishes an event once its transaction commits, without waiting for the periodic relay', async () => {
  const aggregateId = randomUUID();
  const rolledBack = db.$transaction(async (tx) => {
    await recordEvents(tx, [{ type: 'Probe', aggregateType: 'Probe', aggregateId, data: { rolledBack: true } }]);
    throw new Error('roll back');
  });
  await expect(rolledBack).rejects.toThrow('roll back');
  await db.$transaction((tx) => recordEvents(tx, [{ type: 'Probe', aggregateType: 'Probe', aggregateId, data: { rolledBack: false } }]));
  // The poll gives up well before the periodic relay's next run.
  const probes = async () => (await published()).filter((e) => e.aggregateId === aggregateId).map((e) => e.data);
  await expect.poll(probes, { timeout: 20_000, interval: 20 }).toEqual([{ rolledBack: false }]);
  const ids = (await published()).map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length);
});

it('tries a relay that failed again until it succeeds, without waiting for the periodic relay', async () => {
  const stream = eventStream(stack.config.REDIS_PREFIX, 'catalog');
  const aggregateId = randomUUID();
  const probes = async () => (await published().catch(() => [])).filter((e) => e.aggregateId === aggregateId);
  // The stream's key holding a string makes the relay's XADD fail: its transaction rolls back and
  // the event stays unpublished.
  await stack.runtime.redis.del(stream);
  await stack.runtime.redis.set(stream, 'not a stream');
  await db.$transaction((tx) => recordEvents(tx, [{ type: 'Probe', aggregateType: 'Probe', aggregateId, data: { retried: true } }]));
  await delay(1_500);
  const [row] = await db.$queryRawUnsafe<{ unpublished: number }[]>(
    `SELECT count(*)::int AS unpublished FROM outbox_event WHERE aggregate_id = $1 AND published_at IS NULL`,
    aggregateId,
  );
  expect(row?.unpublished).toBe(1);
  // Redis well again: a retry publishes it, long before the periodic relay's next run a minute away.
  await stack.runtime.redis.del(stream);
  await expect.poll(async () => (await probes()).map((e) => e.data), { timeout: 10_000, interval: 50 }).toEqual([{ retried: true }]);
});
