import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { SqlClient, TransactionalSqlClient } from './db.js';
import { currentScope } from './request-context.js';

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
 * Writes events to this context's outbox inside the caller's transaction, so they exist
 * exactly when the change does. The relay publishes them later.
 */
export async function recordEvents(tx: SqlClient, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  const traceId = currentScope()?.traceId ?? null;
  const values: unknown[] = [];
  const rows = events.map((e, i) => {
    values.push(randomUUID(), e.type, e.version ?? 1, e.aggregateType, e.aggregateId, traceId, JSON.stringify(e.data));
    const p = i * 7;
    return `($${p + 1}::uuid, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}::jsonb)`;
  });
  await tx.$executeRawUnsafe(
    `INSERT INTO outbox_event (id, type, version, aggregate_type, aggregate_id, trace_id, data) VALUES ${rows.join(', ')}`,
    ...values,
  );
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
}

/** The Redis stream a context's events are published to. */
export function eventStream(prefix: string, context: string): string {
  return `${prefix}:events:${context}`;
}

const STREAM_MAX_LEN = 1_000_000;

/**
 * Publishes up to `batchSize` unpublished events to the stream, oldest first, and marks them.
 * Rows are locked with SKIP LOCKED, so several relays never publish the same row at once.
 * If the process dies between XADD and COMMIT the events are published again: delivery is
 * at-least-once and consumers dedupe on the event id. Returns how many were published.
 */
export async function relayOutbox(db: TransactionalSqlClient, redis: Redis, stream: string, batchSize = 200): Promise<number> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<OutboxRow[]>(
      `SELECT id, type, version, aggregate_type, aggregate_id, trace_id, data, occurred_at
         FROM outbox_event WHERE published_at IS NULL
        ORDER BY occurred_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      batchSize,
    );
    if (rows.length === 0) return 0;
    const pipeline = redis.multi();
    for (const row of rows) {
      const envelope: EventEnvelope = {
        id: row.id,
        type: row.type,
        version: row.version,
        occurredAt: row.occurred_at.toISOString(),
        aggregateType: row.aggregate_type,
        aggregateId: row.aggregate_id,
        traceId: row.trace_id,
        data: row.data,
      };
      pipeline.xadd(stream, 'MAXLEN', '~', STREAM_MAX_LEN, '*', 'type', row.type, 'event', JSON.stringify(envelope));
    }
    const results = await pipeline.exec();
    const failed = results?.find(([err]) => err);
    if (!results || failed) throw failed?.[0] ?? new Error('Redis transaction was discarded');
    await tx.$executeRawUnsafe(
      `UPDATE outbox_event SET published_at = now() WHERE id = ANY($1::uuid[])`,
      rows.map((r) => r.id),
    );
    return rows.length;
  });
}

/** Reads events back from a stream (tests and tools). */
export async function readStream(redis: Redis, stream: string, count = 1000): Promise<EventEnvelope[]> {
  const entries = await redis.xrange(stream, '-', '+', 'COUNT', count);
  return entries.map(([, fields]) => JSON.parse(fields[fields.indexOf('event') + 1]!) as EventEnvelope);
}
