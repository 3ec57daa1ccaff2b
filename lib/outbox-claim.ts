// What a relay run takes from a context's outbox (lib/outbox.ts relays it): the events Redis lost
// since it was given them, marked unpublished again, and the next batch, in one statement.
import type { SqlClient } from './db.js';
import { isUuid } from './ids.js';
import type { Logger } from './logger.js';
import type { RedisClient } from './redis.js';

export interface OutboxRow {
  id: string;
  type: string;
  version: number;
  aggregate_type: string;
  aggregate_id: string;
  trace_id: string | null;
  data: unknown;
  occurred_at: Date;
  /** When its batch was marked published, as Postgres writes it (milliseconds). */
  published_at: string;
}

/**
 * The key beside a stream holding the last event relayed to it, written with the events: its id
 * and when its batch was marked published (`<id> <time>`; relays before commit 6e4025c wrote the id alone).
 */
export const lastRelayedKey = (stream: string) => `${stream}:last-relayed`;

/** How far back a relay publishes again when Redis has lost everything: consumers further behind lose older events. */
const LOST_WINDOW = '15 minutes';

/** Streams whose last-relayed key this process has seen in Redis or written: the key missing then means Redis lost it. */
const streamsSeen = new Set<string>();

/** Notes that a batch was published to `stream` (its last-relayed key written). */
export const sawStream = (stream: string) => void streamsSeen.add(stream);

/**
 * Which published events Redis has lost, as a condition on outbox_event rows for the relay's
 * transaction to mark unpublished again, so that the run publishes them again. Each batch writes
 * the id of its last event beside the stream in the same script as the events, so Redis always
 * holds the last batch it kept. Rows marked published after that batch's (published_at is the clock
 * when a batch was marked, so batches are in lock order) are what a failover to a replica lacking
 * the latest writes lost. When the key is missing altogether although this process has seen it,
 * Redis came back empty (a restart without persistence, a flush): what was published in the last
 * LOST_WINDOW is published again. Consumers skip what they had applied already (by event id). A
 * key missing that this process has never seen tells nothing (a new stream, a process just
 * started), so a loss that no running relay had seen the key before is not repaired. The
 * condition's `$2` is its first value.
 *
 * The relay plans its statements once per connection (a generic plan, relayBatch), since planning
 * this one cost more than running it on every run. A generic plan cannot know how few rows are
 * more recent than `$2`, so the condition first asks whether any is: the newest published_at is
 * one step down the index, and when it is not past `$2` (nothing lost, every run but a repair's)
 * the update reads no row. A repair may read the whole outbox, once. Exported for its test.
 */
export async function lostCondition(redis: RedisClient, stream: string): Promise<{ condition: string; values: string[]; last: string }> {
  const last = (await redis.get(lastRelayedKey(stream))) ?? '';
  const [id = '', publishedAt] = last.split(' ');
  if (isUuid(id)) {
    streamsSeen.add(stream);
    if (publishedAt) return { condition: '(SELECT max(published_at) FROM outbox_event) > $2::timestamptz AND published_at > $2::timestamptz', values: [publishedAt], last };
    // The id alone, as relays before the time was kept wrote it.
    return { condition: 'published_at > (SELECT published_at FROM outbox_event WHERE id = $2::uuid)', values: [id], last };
  }
  if (!streamsSeen.has(stream)) return { condition: 'false', values: [], last };
  // now() rather than clock_timestamp(): the planner reads a stable value, so it walks the index here too.
  return { condition: `published_at > now() - interval '${LOST_WINDOW}'`, values: [], last };
}

const BATCH_COLUMNS = 'id, type, version, aggregate_type, aggregate_id, trace_id, data, occurred_at, published_at';

/**
 * The next batch, oldest first, while `condition` holds, marked published in the statement that
 * reads it: the mark commits only once Redis has them (the publishing script runs before COMMIT; if
 * it fails, the transaction rolls the mark back). The statement's start, not the transaction's, stamps them: batches are then
 * stamped in the order they held the lock, each row of a batch alike (unlike clock_timestamp(), read
 * per row), so the last-relayed event's stamp is its batch's (lostCondition).
 */
const nextBatch = (condition = 'true') => `UPDATE outbox_event SET published_at = statement_timestamp()
  WHERE ${condition} AND id IN (SELECT id FROM outbox_event WHERE published_at IS NULL ORDER BY occurred_at, id LIMIT $1)
  RETURNING ${BATCH_COLUMNS}`;

/** The statement of claimBatch: `$1` the batch size, `$2` the lost condition's value. Exported for its test. */
export const claimStatement = (condition: string) => `WITH lost AS (UPDATE outbox_event SET published_at = NULL WHERE ${condition} RETURNING id),
     batch AS (${nextBatch('NOT EXISTS (SELECT 1 FROM lost)')})
     SELECT (SELECT count(*)::int FROM lost) AS lost, (SELECT coalesce(json_agg(batch ORDER BY occurred_at, id), '[]'::json) FROM batch) AS rows`;

/**
 * Marks unpublished what Redis lost and takes the next batch, in one statement (one round trip on
 * every run): when something was lost (the statement's snapshot does not see those rows unmarked),
 * no batch is taken and the next statement, which sees them, takes it.
 */
export async function claimBatch(tx: SqlClient, redis: RedisClient, stream: string, batchSize: number, log?: Logger): Promise<{ rows: OutboxRow[]; last: string }> {
  const { condition, values, last } = await lostCondition(redis, stream);
  const [claimed] = await tx.$queryRawUnsafe<{ lost: number; rows: (Omit<OutboxRow, 'occurred_at'> & { occurred_at: string })[] }[]>(
    claimStatement(condition),
    batchSize,
    ...values,
  );
  if (claimed!.lost === 0) return { rows: claimed!.rows.map((row) => ({ ...row, occurred_at: new Date(row.occurred_at) })), last };
  log?.warn({ stream, events: claimed!.lost }, 'Redis lost events already published to it; publishing them again');
  const rows = await tx.$queryRawUnsafe<(Omit<OutboxRow, 'published_at'> & { published_at: Date })[]>(
    `WITH batch AS (${nextBatch()}) SELECT * FROM batch ORDER BY occurred_at, id`,
    batchSize,
  );
  return { rows: rows.map((row) => ({ ...row, published_at: row.published_at.toISOString() })), last };
}
