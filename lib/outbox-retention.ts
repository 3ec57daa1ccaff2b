// How long an event may come again, and what is kept for it (OUTBOX_RETENTION_HOURS):
// - the outbox keeps a published event that long, so that the relay can publish again what Redis
//   lost (lib/outbox-claim.ts: the last 15 minutes after Redis came back empty, everything after
//   its last batch after a failover); so the retention is at least an hour;
// - the context's stream keeps it that long too (and no more than its MAXLEN), trimmed once an
//   hour: a consumer group created anew at the start of the stream reads nothing older;
// - a consumer's receipt of it (processed_event, lib/event-consumer.ts) is kept a day longer, so
//   that whatever can still be delivered again finds its receipt and has no second effect.
// Events not yet published are never removed. A consumer stopped for longer than the retention
// misses what its stream dropped meanwhile.
import type { SqlClient } from './db.js';
import { PURGE_BATCH, purgeInBatches } from './purge.js';
import type { RedisClient } from './redis.js';

/** How often a process prunes its contexts' outboxes, streams and receipts. */
export const PRUNE_EVERY_MS = 60 * 60 * 1000;

/** How much longer than the events a receipt is kept: trimming runs hourly, and Redis's clock and the database's may differ. */
export const RECEIPTS_OUTLIVE_EVENTS_HOURS = 24;

/**
 * Removes the events published more than `retentionHours` ago, oldest first, `batch` at a time
 * (lib/purge.ts) through the index on published_at, and answers how many it removed.
 */
export function pruneOutbox(db: SqlClient, retentionHours: number, batch = PURGE_BATCH): Promise<number> {
  return purgeInBatches(
    (limit) =>
      db.$executeRawUnsafe(
        `DELETE FROM outbox_event WHERE id IN (
           SELECT id FROM outbox_event WHERE published_at < now() - make_interval(hours => $1) ORDER BY published_at LIMIT $2)`,
        retentionHours,
        limit,
      ),
    batch,
  );
}

/** Removes the stream's entries added more than `retentionHours` ago (stream ids are Redis's clock in milliseconds); answers how many. */
export function trimStream(redis: RedisClient, stream: string, retentionHours: number, now: () => number = Date.now): Promise<number> {
  return redis.xtrim(stream, 'MINID', String(Math.max(now() - retentionHours * 3_600_000, 0)));
}

/** Removes the consumers' receipts older than the events they are for can be (see the file's head), in batches; answers how many. */
export function pruneReceipts(db: SqlClient, retentionHours: number, batch = PURGE_BATCH): Promise<number> {
  return purgeInBatches(
    (limit) =>
      db.$executeRawUnsafe(
        `DELETE FROM processed_event WHERE (consumer, event_id) IN (
           SELECT consumer, event_id FROM processed_event WHERE processed_at < now() - make_interval(hours => $1) ORDER BY processed_at LIMIT $2)`,
        retentionHours + RECEIPTS_OUTLIVE_EVENTS_HOURS,
        limit,
      ),
    batch,
  );
}

export interface Pruned {
  outbox: number;
  stream: number;
  receipts: number;
}

/**
 * Prunes a context's outbox, stream and receipts (a context that consumes nothing once has no
 * receipts table) when this process has not done so for PRUNE_EVERY_MS (at once the first time),
 * else does nothing and answers zeros. The periodic outbox relay calls it after each run
 * (lib/runtime.ts): a job of its own would cost each context a BullMQ worker and its Redis
 * connection (five for the five contexts), to run once an hour. Several processes each pruning
 * hourly remove nothing twice.
 */
export function pruneWhenDue(
  target: { db: SqlClient; redis: RedisClient; stream: string; retentionHours: number },
  now: () => number = Date.now,
): () => Promise<Pruned> {
  const { db, redis, stream, retentionHours } = target;
  let due = 0;
  let hasReceipts: Promise<boolean> | undefined;
  return async () => {
    if (now() < due) return { outbox: 0, stream: 0, receipts: 0 };
    due = now() + PRUNE_EVERY_MS;
    hasReceipts ??= db
      .$queryRawUnsafe<{ present: boolean }[]>(`SELECT to_regclass('processed_event') IS NOT NULL AS present`)
      .then(([row]) => row?.present === true);
    return {
      outbox: await pruneOutbox(db, retentionHours),
      stream: await trimStream(redis, stream, retentionHours, now),
      receipts: (await hasReceipts) ? await pruneReceipts(db, retentionHours) : 0,
    };
  };
}
