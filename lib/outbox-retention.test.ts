// Pruning what is kept for events (the catalog's outbox and the cart's receipts stand in for any
// context's): published events older than the retention go, in batches, through the index; newer
// ones and events not yet published stay; the stream is trimmed to the retention; receipts go a
// day after the events they are for could come again.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogOutboxStack } from '../test/catalog-outbox-stack.js';
import { createCartServices } from '../subgraphs/cart/server.js';
import { PRUNE_EVERY_MS, RECEIPTS_OUTLIVE_EVENTS_HOURS, pruneOutbox, pruneReceipts, pruneWhenDue, trimStream } from './outbox-retention.js';

const catalog = catalogOutboxStack();
const HOUR = 3_600_000;
/** A stream of the test's own, under the stack's prefix (removed with it). */
const testStream = () => `${catalog.stack.config.REDIS_PREFIX}:{events:retention-${randomUUID()}}`;

/** Adds `count` events of `aggregateId`, published `hoursAgo` hours ago (null: not yet published). */
async function events(aggregateId: string, count: number, hoursAgo: number | null): Promise<void> {
  await catalog.db.$executeRawUnsafe(
    `INSERT INTO outbox_event (id, type, aggregate_type, aggregate_id, data, occurred_at, published_at)
     SELECT gen_random_uuid(), 'Aged', 'Counter', $1, '{}'::jsonb, now() - interval '400 days',
            CASE WHEN $2::int IS NULL THEN NULL ELSE now() - make_interval(hours => $2::int) - n * interval '1 ms' END
       FROM generate_series(1, $3::int) AS n`,
    aggregateId,
    hoursAgo,
    count,
  );
}
const left = async (aggregateId: string) =>
  (await catalog.db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM outbox_event WHERE aggregate_id = $1`, aggregateId))[0]!.n;

describe('pruning the outbox', () => {
  it('removes the events published before the retention, in batches, and keeps newer and unpublished ones', async () => {
    const run = randomUUID();
    await events(`${run}-old`, 7, 200);
    await events(`${run}-recent`, 4, 100);
    await events(`${run}-waiting`, 3, null);

    // Batches of 3: the loop goes on while a batch comes back full.
    const removed = await pruneOutbox(catalog.db, 168, 3);
    expect(removed).toBeGreaterThanOrEqual(7);
    expect(await left(`${run}-old`)).toBe(0);
    expect(await left(`${run}-recent`)).toBe(4);
    expect(await left(`${run}-waiting`)).toBe(3);

    expect(await pruneOutbox(catalog.db, 168, 3)).toBe(0);
    expect(await pruneOutbox(catalog.db, 50, 3)).toBeGreaterThanOrEqual(4);
    expect(await left(`${run}-recent`)).toBe(0);
    expect(await left(`${run}-waiting`)).toBe(3);
  });

  it('runs at once, then once per interval in a process', async () => {
    const run = randomUUID();
    let clock = Date.now();
    const stream = testStream();
    const redis = catalog.stack.runtime.redis;
    const prune = pruneWhenDue({ db: catalog.db, redis, stream, retentionHours: 24 }, () => clock);
    await events(`${run}-first`, 2, 48);
    await redis.xadd(stream, `${clock - 48 * HOUR}-0`, 'n', '1');
    // The catalog consumes nothing once: it has no receipts to prune.
    const first = await prune();
    expect(first.outbox).toBeGreaterThanOrEqual(2);
    expect(first).toMatchObject({ stream: 1, receipts: 0 });
    await events(`${run}-second`, 2, 48);
    clock += PRUNE_EVERY_MS - 1;
    expect(await prune()).toEqual({ outbox: 0, stream: 0, receipts: 0 });
    expect(await left(`${run}-second`)).toBe(2);
    clock += 1;
    expect((await prune()).outbox).toBeGreaterThanOrEqual(2);
    expect(await left(`${run}-second`)).toBe(0);
  });
});

describe('trimming the stream', () => {
  it("removes the entries added before the retention, by their ids (Redis's clock), and keeps the rest", async () => {
    const stream = testStream();
    const redis = catalog.stack.runtime.redis;
    const now = Date.now();
    for (const hoursAgo of [300, 200, 169, 167, 1]) await redis.xadd(stream, `${now - hoursAgo * HOUR}-0`, 'hoursAgo', String(hoursAgo));
    expect(await trimStream(redis, stream, 168, () => now)).toBe(3);
    const kept = (await redis.xrange(stream, '-', '+')).map(([, fields]) => Number(fields[1]));
    expect(kept).toEqual([167, 1]);
  });
});

describe("pruning consumers' receipts", () => {
  let cart: ReturnType<typeof createCartServices>['db'];
  beforeAll(() => {
    cart = createCartServices(catalog.stack.runtime).db;
  });
  afterAll(async () => {
    await cart?.$disconnect();
  });

  /** Adds `count` receipts of `consumer`, processed `hoursAgo` hours ago. */
  const receipts = (consumer: string, count: number, hoursAgo: number) =>
    cart.$executeRawUnsafe(
      `INSERT INTO processed_event (consumer, event_id, processed_at)
       SELECT $1, gen_random_uuid(), now() - make_interval(hours => $2::int) FROM generate_series(1, $3::int)`,
      consumer,
      hoursAgo,
      count,
    );
  const kept = async (consumer: string) =>
    (await cart.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM processed_event WHERE consumer = $1`, consumer))[0]!.n;

  it('removes receipts a day older than the retention, in batches, and keeps those whose events could still come again', async () => {
    const consumer = `retention-${randomUUID().slice(0, 8)}`;
    await receipts(`${consumer}-old`, 5, 168 + RECEIPTS_OUTLIVE_EVENTS_HOURS + 1);
    await receipts(`${consumer}-kept`, 3, 168 + RECEIPTS_OUTLIVE_EVENTS_HOURS - 1);
    expect(await pruneReceipts(cart, 168, 2)).toBeGreaterThanOrEqual(5);
    expect(await kept(`${consumer}-old`)).toBe(0);
    expect(await kept(`${consumer}-kept`)).toBe(3);
  });

  it('are pruned with the outbox and the stream where the context has them', async () => {
    const consumer = `retention-${randomUUID().slice(0, 8)}`;
    await receipts(consumer, 2, 24 + RECEIPTS_OUTLIVE_EVENTS_HOURS + 1);
    const prune = pruneWhenDue({ db: cart, redis: catalog.stack.runtime.redis, stream: testStream(), retentionHours: 24 });
    expect((await prune()).receipts).toBeGreaterThanOrEqual(2);
    expect(await kept(consumer)).toBe(0);
  });
});
