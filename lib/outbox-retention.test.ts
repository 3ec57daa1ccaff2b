// Pruning the outbox (the catalog's stands in for any context's): published events older than the
// retention go, in batches, through the index; newer ones and events not yet published stay.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { catalogOutboxStack } from '../test/catalog-outbox-stack.js';
import { PRUNE_EVERY_MS, pruneOutbox, pruneWhenDue } from './outbox-retention.js';

const catalog = catalogOutboxStack();

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
    let clock = 1_000_000;
    const prune = pruneWhenDue(catalog.db, 24, () => clock);
    await events(`${run}-first`, 2, 48);
    expect(await prune()).toBeGreaterThanOrEqual(2);
    await events(`${run}-second`, 2, 48);
    clock += PRUNE_EVERY_MS - 1;
    expect(await prune()).toBe(0);
    expect(await left(`${run}-second`)).toBe(2);
    clock += 1;
    expect(await prune()).toBeGreaterThanOrEqual(2);
    expect(await left(`${run}-second`)).toBe(0);
  });
});
