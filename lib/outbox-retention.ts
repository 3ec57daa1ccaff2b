// Published events leave a context's outbox after OUTBOX_RETENTION_HOURS: the outbox is where an
// event waits to be relayed, and the streams and the consumers' receipts are where it lives on.
// Kept a while, published events let the relay publish again what Redis lost (lib/outbox-claim.ts:
// the last 15 minutes after Redis came back empty, everything after its last batch after a
// failover), so the retention is at least an hour. Events not yet published are never removed.
import type { SqlClient } from './db.js';
import { PURGE_BATCH, purgeInBatches } from './purge.js';

/** How often a process prunes its contexts' outboxes. */
export const PRUNE_EVERY_MS = 60 * 60 * 1000;

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

/**
 * Prunes the outbox when this process has not pruned it for PRUNE_EVERY_MS (at once the first
 * time), else does nothing and answers 0. The periodic outbox relay calls it after each run
 * (lib/runtime.ts): a job of its own would cost each context a BullMQ worker and its Redis
 * connection (five for the five contexts), to run once an hour. Several processes each pruning
 * hourly remove nothing twice.
 */
export function pruneWhenDue(db: SqlClient, retentionHours: number, now: () => number = Date.now): () => Promise<number> {
  let due = 0;
  return async () => {
    if (now() < due) return 0;
    due = now() + PRUNE_EVERY_MS;
    return pruneOutbox(db, retentionHours);
  };
}
