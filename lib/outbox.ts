import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { queryAndCommit, transactDirectly, type SqlClient, type TransactionalSqlClient } from './db.js';
import { isUuid } from './ids.js';
import type { Logger } from './logger.js';
import { slotGroup, type RedisClient } from './redis.js';
import { traceIdIn } from './request-scope.js';
import { SpanKind } from '@opentelemetry/api';
import { ATTR, inSpan, newTrace, startPublication, traceToRecord } from './tracing.js';
import { unattributed } from './versions.js';

/** The envelope every domain event travels in (SPEC §5). */
export interface EventEnvelope<Data = unknown> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  aggregateType: string;
  aggregateId: string;
  traceId: string | null;
  data: Data;
}

export interface NewEvent<Data = unknown> {
  type: string;
  aggregateType: string;
  aggregateId: string;
  data: Data;
  version?: number;
}

/**
 * A UUIDv7 (monotonic within this process, RFC 9562) and the millisecond it carries: events
 * recorded one after another sort in that order even within one millisecond or transaction.
 */
function nextEventStamp(): { id: string; occurredAt: Date } {
  const id = uuidv7();
  return { id, occurredAt: new Date(parseInt(id.replaceAll('-', '').slice(0, 12), 16)) };
}

/**
 * Writes events to this context's outbox inside the caller's transaction, so they exist
 * exactly when the change does. The relay publishes them later, in the order recorded here.
 * Call it after the change has taken its row locks: the stamp then follows the order in which
 * writers to one aggregate got through.
 * The trace_id column holds the request's trace id, or while tracing is on the traceparent of the
 * span recording the events (it fits the column), so that publishing them continues that trace;
 * the envelope carries the trace id either way. `last`: the caller's transaction sends nothing
 * after it, so COMMIT goes in its round trip.
 */
export async function recordEvents(tx: SqlClient, events: NewEvent[], options: { last?: boolean } = {}): Promise<void> {
  if (events.length === 0) return;
  const { text, values } = insertEvents(events);
  // The transaction's last statement: its COMMIT goes with it, and nothing may follow (queryAndCommit).
  if (options.last) await queryAndCommit(tx, text, ...values);
  else await tx.$executeRawUnsafe(text, ...values);
}

/**
 * recordEvents' INSERT as a statement of its own, its parameters numbered from `$<after + 1>`, for a
 * write that records its events in the same statement (`WITH recorded AS (<this>) UPDATE …`: one
 * round trip fewer). The same rules as recordEvents: the caller's transaction, after its locks.
 */
export function insertEvents(events: NewEvent[], after = 0): { text: string; values: unknown[] } {
  const traceId = traceToRecord();
  const values: unknown[] = [];
  const rows = events.map((e, i) => {
    const { id, occurredAt } = nextEventStamp();
    values.push(id, e.type, e.version ?? 1, e.aggregateType, e.aggregateId, traceId, JSON.stringify(e.data), occurredAt.toISOString());
    const p = after + i * 8;
    return `($${p + 1}::uuid, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}::jsonb, $${p + 8}::timestamptz)`;
  });
  return { text: `INSERT INTO outbox_event (id, type, version, aggregate_type, aggregate_id, trace_id, data, occurred_at) VALUES ${rows.join(', ')}`, values };
}

interface OutboxRow {
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
 * The Redis stream a context's events are published to, `<prefix>:{events:<context>}`. Its own
 * keys (last-relayed below, its dead letters: lib/dead-letters.ts) begin with it, so they share its
 * Cluster slot: the relay's script and the dead letters' MULTI use the stream and one of them.
 */
export function eventStream(prefix: string, context: string): string {
  return slotGroup(prefix, `events:${context}`);
}

const STREAM_MAX_LEN = 1_000_000;

/**
 * The key beside a stream holding the last event relayed to it, written with the events: its id
 * and when its batch was marked published (`<id> <time>`; before 2026-12-09 the id alone).
 */
export const lastRelayedKey = (stream: string) => `${stream}:last-relayed`;

/** How far back a relay publishes again when Redis has lost everything: consumers further behind lose older events. */
const LOST_WINDOW = '15 minutes';

/** Streams whose last-relayed key this process has seen in Redis or written: the key missing then means Redis lost it. */
const streamsSeen = new Set<string>();

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
 * condition's `$2` is its first value. It compares published_at with a time the statement is given,
 * not one it reads: the planner then knows how few rows are that recent and walks the index, where
 * a time read by a subquery made it scan the whole outbox on every run. Exported for its test.
 */
export async function lostCondition(redis: RedisClient, stream: string): Promise<{ condition: string; values: string[]; last: string }> {
  const last = (await redis.get(lastRelayedKey(stream))) ?? '';
  const [id = '', publishedAt] = last.split(' ');
  if (isUuid(id)) {
    streamsSeen.add(stream);
    if (publishedAt) return { condition: 'published_at > $2::timestamptz', values: [publishedAt], last };
    // The id alone, as relays before the time was kept wrote it.
    return { condition: 'published_at > (SELECT published_at FROM outbox_event WHERE id = $2::uuid)', values: [id], last };
  }
  if (!streamsSeen.has(stream)) return { condition: 'false', values: [], last };
  return { condition: `published_at > clock_timestamp() - interval '${LOST_WINDOW}'`, values: [], last };
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
async function claimBatch(tx: SqlClient, redis: RedisClient, stream: string, batchSize: number, log?: Logger): Promise<{ rows: OutboxRow[]; last: string }> {
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

/**
 * Publishes one batch and records its last event beside the stream, in one script, only if the
 * key still says what lostCondition read: had Redis lost its data in between (the batch would then
 * write the key anew over an empty Redis and hide the loss), the script refuses, the relay's
 * transaction rolls back, and its next run sees the loss. KEYS: the stream, its last-relayed key.
 * ARGV: the key's value as read ('' for none), the batch's last event (its id and time), the stream's MAXLEN, then per
 * event its field count and fields.
 */
const PUBLISH_BATCH = `
if (redis.call('GET', KEYS[2]) or '') ~= ARGV[1] then return redis.error_reply('RELAY_RACED Redis changed under the relay') end
redis.call('SET', KEYS[2], ARGV[2])
local i = 4
while i <= #ARGV do
  local n = tonumber(ARGV[i])
  local args = {KEYS[1], 'MAXLEN', '~', ARGV[3], '*'}
  for j = 1, n do args[#args + 1] = ARGV[i + j] end
  redis.call('XADD', unpack(args))
  i = i + n + 1
end
return 1`;

/**
 * Publishes up to `batchSize` unpublished events to the stream, oldest first, and marks them.
 * One relay per outbox runs at a time (a transaction-scoped advisory lock; the others return 0
 * at once): relays working side by side would interleave their batches on the stream and
 * publish out of order. If the process dies between XADD and COMMIT the events are published
 * again: delivery is at-least-once and consumers dedupe on the event id.
 * Order is the recorded order among committed events: a transaction that commits late can put
 * its events behind later-stamped events of other aggregates, while one aggregate's events keep
 * their order because they are stamped under its row lock (up to clock skew between processes).
 * Events that Redis lost after they were published are published again first (claimBatch).
 * Returns how many were published.
 */
export async function relayOutbox(
  db: TransactionalSqlClient,
  redis: RedisClient,
  stream: string,
  batchSize = RELAY_BATCH,
  options: {
    /** Told the types of the events published, once they are marked. */
    onPublished?: (types: string[]) => void;
    /** Told of events published again because Redis lost them. */
    log?: Logger;
  } = {},
): Promise<number> {
  const { types } = await relayBatch(db, redis, stream, batchSize, options.log);
  if (types.length > 0) options.onPublished?.(types);
  return types.length;
}

/** One batch of relayOutbox, and whether another relay held the outbox (`busy`: nothing was read). */
async function relayBatch(db: TransactionalSqlClient, redis: RedisClient, stream: string, batchSize: number, log?: Logger): Promise<{ types: string[]; busy: boolean }> {
  // The relay writes only the outbox's own columns, which keep no version history (a run started
  // by a request or a job would otherwise set who writes, one statement, on every transaction).
  // It runs after nearly every write, so straight on pg where the client allows (transactDirectly).
  return unattributed(() => transactDirectly(db, async (tx) => {
    const [lock] = await tx.$queryRawUnsafe<{ relaying: boolean }[]>(
      `SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_event')) AS relaying`,
    );
    if (!lock?.relaying) return { types: [], busy: true };
    const { rows, last } = await claimBatch(tx, redis, stream, batchSize, log);
    if (rows.length === 0) return { types: [], busy: false };
    const newest = rows.at(-1)!;
    const args: (string | number)[] = [last, `${newest.id} ${newest.published_at}`, STREAM_MAX_LEN];
    const publications = rows.map((row) => {
      const envelope: EventEnvelope = {
        id: row.id,
        type: row.type,
        version: row.version,
        occurredAt: row.occurred_at.toISOString(),
        aggregateType: row.aggregate_type,
        aggregateId: row.aggregate_id,
        traceId: row.trace_id && traceIdIn(row.trace_id),
        data: row.data,
      };
      const publication = startPublication({ id: row.id, type: row.type, aggregateId: row.aggregate_id, recordedTrace: row.trace_id }, stream);
      // The trace context travels beside the envelope, as a message header would.
      const fields = ['type', row.type, 'event', JSON.stringify(envelope), ...(publication.traceparent ? ['traceparent', publication.traceparent] : [])];
      args.push(fields.length, ...fields);
      return publication;
    });
    try {
      await redis.eval(PUBLISH_BATCH, 2, stream, lastRelayedKey(stream), ...args);
    } catch (err) {
      publications.forEach((p) => p.end(err));
      throw err;
    }
    publications.forEach((p) => p.end());
    streamsSeen.add(stream);
    return { types: rows.map((r) => r.type), busy: false };
  }));
}

/**
 * Relays as soon as events are committed: each transaction that adds outbox events notifies
 * `outbox_<schema>` on commit (the outbox_event_notify trigger), and this listener then relays
 * until the outbox is empty. Notifications that arrive during a run make one more run; when
 * another relay holds the outbox, it looks again shortly, since that relay may have read before
 * these events committed, and again after RELAY_RETRY_MS when it still holds it. A run that fails
 * (Redis or Postgres away) is tried again every RELAY_RETRY_MS until one succeeds, so events flow
 * again as soon as both are back. The periodic relay job stays the safety net (a notification
 * missed while reconnecting).
 */
export function relayOnCommit(options: {
  databaseUrl: string;
  schema: string;
  db: TransactionalSqlClient;
  redis: RedisClient;
  stream: string;
  log: Logger;
  /** The relay's name (its runs' span, as the periodic job's: `process <name>`) and its service. */
  name: string;
  service: string;
  onPublished?: (types: string[]) => void;
}): { close(): Promise<void> } {
  const { db, redis, stream, log } = options;
  let closed = false;
  let running: Promise<void> | null = null;
  let again = false;
  let retry: NodeJS.Timeout | undefined;
  // While tracing is on, each run is a trace of its own, as a run of the periodic relay is; the
  // publications link to it (startPublication).
  const relay = () =>
    inSpan(
      `process ${options.name}`,
      { kind: SpanKind.CONSUMER, parent: () => newTrace(options.service), attributes: { [ATTR.messagingSystem]: 'postgresql', [ATTR.messagingOperationType]: 'process', [ATTR.messagingDestination]: options.name } },
      async (span) => {
        let published = 0;
        let busy = false;
        for (let busyRetries = 0; !closed; ) {
          again = false;
          const batch = await relayBatch(db, redis, stream, RELAY_BATCH, log);
          ({ busy } = batch);
          published += batch.types.length;
          if (batch.types.length > 0) options.onPublished?.(batch.types);
          if (busy && busyRetries++ < BUSY_RETRIES) await delay(BUSY_RETRY_MS);
          // A batch that was not full emptied the outbox as its snapshot saw it; what commits later
          // notifies again (`again`, or a new run), so one more look would only find nothing.
          else if (batch.types.length < RELAY_BATCH && !again) break;
        }
        span?.setAttribute(ATTR.jobResult, published);
        // Still busy: the other relay may have read before these events committed.
        return busy;
      },
    );
  const nudge = () => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(retry);
    running = relay()
      .catch((err: unknown) => {
        log.warn({ err: err instanceof Error ? err.message : err }, `relaying on commit failed; trying again in ${RELAY_RETRY_MS} ms`);
        return true;
      })
      // Still busy, or failed: look again shortly, whether or not anything notifies.
      .then((lookAgain) => {
        if (lookAgain && !closed) retry = setTimeout(nudge, RELAY_RETRY_MS);
      })
      .finally(() => {
        running = null;
        if (again) nudge();
      });
  };
  const channel = `outbox_${options.schema}`;
  let client: pg.Client | null = null;
  let reconnect: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client({ connectionString: options.databaseUrl });
    next.on('notification', nudge);
    next.on('error', (err) => {
      log.warn({ err: err.message }, 'outbox listener connection failed; reconnecting');
      next.end().catch(() => undefined);
      if (client === next) client = null;
      if (!closed) reconnect = setTimeout(() => void connect(), RECONNECT_MS);
    });
    try {
      await next.connect();
      await next.query(`LISTEN "${channel}"`);
      if (closed) return void (await next.end());
      client = next;
      nudge(); // whatever committed while not listening
    } catch (err) {
      log.warn({ err: err instanceof Error ? err.message : err }, 'outbox listener could not connect; retrying');
      await next.end().catch(() => undefined);
      if (!closed) reconnect = setTimeout(() => void connect(), RECONNECT_MS);
    }
  };
  void connect();
  return {
    async close() {
      closed = true;
      clearTimeout(reconnect);
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
      await running;
    },
  };
}

/** Events one relay transaction publishes at most. */
export const RELAY_BATCH = 200;
const BUSY_RETRIES = 5;
const BUSY_RETRY_MS = 20;
const RECONNECT_MS = 1000;
/** How soon a relay on commit that failed, or found the outbox held, looks again. */
const RELAY_RETRY_MS = 500;

export interface OutboxBacklog {
  unpublished: number;
  oldestAgeSeconds: number;
}

const BACKLOG_COUNT_LIMIT = 100_000;

/**
 * What waits in the outbox of the client's context (its search_path): unpublished events, counted
 * up to BACKLOG_COUNT_LIMIT, and the age of the oldest (0 when none waits). Metrics read it per
 * scrape, so both stay on the (published_at, occurred_at) index: an index-only count and, ordered
 * as the index is (`published_at` first, NULL for all of them), one probe for the oldest.
 */
export async function outboxBacklog(db: SqlClient): Promise<OutboxBacklog> {
  const [row] = await db.$queryRawUnsafe<{ unpublished: number; oldest_age_seconds: number | null }[]>(
    `SELECT (SELECT count(*)::int FROM (SELECT 1 FROM outbox_event WHERE published_at IS NULL LIMIT ${BACKLOG_COUNT_LIMIT}) AS waiting) AS unpublished,
            (SELECT extract(epoch FROM clock_timestamp() - occurred_at)::float8 FROM outbox_event
              WHERE published_at IS NULL ORDER BY published_at, occurred_at LIMIT 1) AS oldest_age_seconds`,
  );
  return { unpublished: row?.unpublished ?? 0, oldestAgeSeconds: Math.max(0, row?.oldest_age_seconds ?? 0) };
}

/** Reads events back from a stream (tests and tools). */
export async function readStream(redis: RedisClient, stream: string, count = 1000): Promise<EventEnvelope[]> {
  const entries = await redis.xrange(stream, '-', '+', 'COUNT', count);
  return entries.map(([, fields]) => JSON.parse(fields[fields.indexOf('event') + 1]!) as EventEnvelope);
}
