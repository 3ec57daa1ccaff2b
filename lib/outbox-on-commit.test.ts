// Relaying on commit: with the periodic relay a minute apart, an event reaches its stream as soon
// as its transaction commits (the outbox_event trigger notifies the relay), and an event whose
// transaction rolls back never does.
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
