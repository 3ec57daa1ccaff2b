import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { queryAndCommit, transactDirectly, type SqlClient, type TransactionalSqlClient } from './db.js';
import type { Logger } from './logger.js';
import { claimBatch, lastRelayedKey, sawStream } from './outbox-claim.js';
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
    // Generic plans for this transaction's statements: planned once per connection, not on every
    // run (lostCondition says why the claim's plan stays cheap without the parameters' values).
    const [lock] = await tx.$queryRawUnsafe<{ relaying: boolean }[]>(
      `SELECT set_config('plan_cache_mode', 'force_generic_plan', true), pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_event')) AS relaying`,
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
    sawStream(stream);
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
