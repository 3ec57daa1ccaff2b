// Version history of every mutable entity (SPEC §3 "Audit": who, when, what changed), readable by
// staff.
//
// The database keeps it: each context's entity_versions migration puts the record_version trigger
// on every table whose rows change, so no write path (Prisma, raw SQL, a cascade, a script) can
// forget it, and a version commits or rolls back with its change. Each version holds the columns
// that changed, from and to; when (the start of the transaction that made it); the actor and request id the writer
// set for its transaction; and the root id the API shows it under (a cart line under its cart).
//
// Who: every write a request, job or consumer makes carries its actor (attributeWrites below,
// from the request scope: lib/request-scope.ts). Writes made outside any of them (a migration, the
// seed script, a test's fixtures) are recorded as `unattributed`.
import type { PrismaPg } from '@prisma/adapter-pg';
import { requireRole } from './auth.js';
import type { SqlClient } from './db.js';
import { badUserInput } from './errors.js';
import { decodeCursor, encodeCursor, pageWindow, toConnection, type Connection, type PageArgs } from './pagination.js';
import type { Erasure } from './personal-data.js';
import { currentScope, runInScope } from './request-scope.js';
import type { RequestContext } from './resolver-context.js';
import type { SubgraphName } from './subgraph-names.js';

/**
 * The tables without versions, and why: each is itself a record of what happened (written once,
 * or only ever appended to), or bookkeeping whose every change another table's versions show.
 * Every other table has them (test/entity-versions.test.ts checks both ways).
 */
export const UNVERSIONED_TABLES: Record<SubgraphName, Record<string, string>> = {
  catalog: {
    outbox_event: 'the events themselves: written once, then only marked published',
    search_word: "the search vocabulary, derived from the products' text (whose versions show it)",
  },
  cart: {
    outbox_event: 'the events themselves: written once, then only marked published',
    processed_event: 'a delivery receipt, written once',
    catalog_variant: "a copy of the catalog's answers, whose own versions are the catalog's",
    catalog_projection: 'a counter of dropped copies, for the copies alone',
  },
  order: {
    outbox_event: 'the events themselves: written once, then only marked published',
    processed_event: 'a delivery receipt, written once',
    order_history: "the order's status history: append-only",
    provider_event: "a payment provider's event id, written once to ignore redeliveries",
    personal_data_erasure: 'the audit record of erasures itself (who asked, when, how often)',
  },
  promotion: {
    outbox_event: 'the events themselves: written once, then only marked published',
    processed_event: 'a delivery receipt, written once',
    affiliate_click: 'a visit, written once (and linked to its cart)',
    promotion_person_usage: "a per-person counter of promotion_redemption rows, whose versions show each use",
  },
  subscription: {
    outbox_event: 'the events themselves: written once, then only marked published',
    processed_event: 'a delivery receipt, written once',
    subscription_event: "the subscription's history: append-only",
  },
};

// ---------------------------------------------------------------------------------------------
// Who: the actor of each write

/** The driver adapter Prisma runs on (lib/db.ts), its queries and transactions. */
type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;
type SqlQuery = Parameters<Adapter['queryRaw']>[0];
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;

/** Statements that write rows: what the trigger records, and so what needs an actor first. */
const WRITE = /^\s*(?:INSERT|UPDATE|DELETE|MERGE)\b|^\s*WITH\b[\s\S]*\b(?:INSERT|UPDATE|DELETE)\b/i;

const TEXT = { scalarType: 'string', arity: 'scalar' } as const;

const statement = (sql: string, ...args: string[]): SqlQuery => ({ sql, args, argTypes: args.map(() => TEXT) });

/**
 * Runs `fn` with no actor to record: for writes to tables without a version history (the outbox's
 * own bookkeeping), which then go without the settings statement a recorded write needs first.
 */
export function unattributed<T>(fn: () => T): T {
  const scope = currentScope();
  return scope?.actor ? runInScope({ ...scope, actor: undefined }, fn) : fn();
}

/** Who writes, as the scope says: its actor and request id; none outside a request, job or consumer. */
export function writer(): { actor: string; requestId: string } | null {
  const scope = currentScope();
  return scope?.actor ? { actor: scope.actor, requestId: scope.requestId } : null;
}

/** The statement that tells the trigger who writes (writer), as settings local to the transaction. */
export const WRITER_SETTINGS = `SELECT set_config('commerce.actor', $1, true), set_config('commerce.request_id', $2, true)`;

function attribution(): SqlQuery | null {
  const who = writer();
  return who ? statement(WRITER_SETTINGS, who.actor, who.requestId) : null;
}

/**
 * Makes each write carry its scope's actor to the version trigger, as settings local to its
 * transaction (so that nothing carries over to the next user of a pooled connection): in a
 * transaction, they are set once before its first write; a write outside one becomes a
 * transaction of its own (BEGIN, the settings, the write, COMMIT on one connection). Reads, and
 * writes with no actor to record, go as they came.
 */
export function attributeWrites(adapter: Adapter): Adapter {
  const start = adapter.startTransaction.bind(adapter);
  const alone = async <R>(settings: SqlQuery, write: (tx: Transaction) => Promise<R>): Promise<R> => {
    const tx = await start();
    try {
      await tx.queryRaw(settings);
      const result = await write(tx);
      await tx.executeRaw(statement('COMMIT'));
      await tx.commit();
      return result;
    } catch (err) {
      await tx.executeRaw(statement('ROLLBACK')).catch(() => undefined);
      await tx.rollback();
      throw err;
    }
  };
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  const settingsFor = (query: SqlQuery) => (WRITE.test(query.sql) ? attribution() : null);
  adapter.queryRaw = async (query) => {
    const settings = settingsFor(query);
    return settings ? alone(settings, (tx) => tx.queryRaw(query)) : queryRaw(query);
  };
  adapter.executeRaw = async (query) => {
    const settings = settingsFor(query);
    return settings ? alone(settings, (tx) => tx.executeRaw(query)) : executeRaw(query);
  };
  adapter.startTransaction = async (isolationLevel) => {
    const tx = await start(isolationLevel);
    const txQueryRaw = tx.queryRaw.bind(tx);
    const txExecuteRaw = tx.executeRaw.bind(tx);
    let settled = false;
    const settle = async (query: SqlQuery) => {
      if (settled || !WRITE.test(query.sql)) return;
      settled = true;
      const settings = attribution();
      if (settings) await txQueryRaw(settings);
    };
    tx.queryRaw = async (query) => {
      await settle(query);
      return txQueryRaw(query);
    };
    tx.executeRaw = async (query) => {
      await settle(query);
      return txExecuteRaw(query);
    };
    return tx;
  };
  return adapter;
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface FieldChange {
  field: string;
  /** JSON text of the value before (null: the column was null, or the row was new). */
  from: string | null;
  to: string | null;
}

export interface EntityVersion {
  id: string;
  entity: string;
  entityId: string;
  operation: 'INSERT' | 'UPDATE' | 'DELETE';
  at: Date;
  actor: string;
  requestId: string | null;
  changes: FieldChange[];
}

interface VersionRow {
  id: bigint | string;
  entity: string;
  entity_id: string;
  operation: EntityVersion['operation'];
  at: Date;
  actor: string;
  request_id: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
}

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

function toVersion(row: VersionRow): EntityVersion {
  return {
    id: String(row.id),
    entity: row.entity,
    entityId: row.entity_id,
    operation: row.operation,
    at: row.at,
    actor: row.actor,
    requestId: row.request_id,
    changes: Object.entries(row.changes)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([field, change]) => ({ field, from: json(change.from), to: json(change.to) })),
  };
}

/** Which versions an entity shows: those under its id (and its parts' ids) as root, and its own rows elsewhere. */
export interface VersionsFilter {
  roots: string[];
  /** Ids of the entity's own rows filed under another root (a variant's rows are under its product). */
  rows?: string[];
}

/**
 * A page of versions, newest first (the version id orders them as they were committed, per row).
 * The cursor is the version id.
 */
export async function versionsOf(db: SqlClient, filter: VersionsFilter, args: PageArgs): Promise<Connection<EntityVersion>> {
  const window = pageWindow(args);
  let cursor: string | null = null;
  if (window.cursor) {
    const [id] = decodeCursor(window.cursor, window.direction === 'forward' ? 'after' : 'before');
    if (typeof id !== 'string' || !/^\d{1,19}$/.test(id)) throw badUserInput('not a valid cursor', window.direction === 'forward' ? 'after' : 'before');
    cursor = id;
  }
  const forward = window.direction === 'forward';
  const rows = await db.$queryRawUnsafe<VersionRow[]>(
    `SELECT id, entity, entity_id, operation::text AS operation, at, actor, request_id, changes FROM entity_version
      WHERE (root_id = ANY($1::text[]) OR entity_id = ANY($2::text[]))
        AND ($3::bigint IS NULL OR id ${forward ? '<' : '>'} $3::bigint)
      ORDER BY id ${forward ? 'DESC' : 'ASC'} LIMIT $4`,
    filter.roots,
    filter.rows ?? [],
    cursor,
    window.size + 1,
  );
  return toConnection(rows.map(toVersion), window, (version) => encodeCursor([version.id]));
}

/** An entity's `versions` field: the staff's (support and admin); anyone else gets null and FORBIDDEN. */
export function staffVersions(ctx: RequestContext & { db: SqlClient }, filter: VersionsFilter, args: PageArgs): Promise<Connection<EntityVersion>> {
  requireRole(ctx.viewer, 'admin', 'support');
  return versionsOf(ctx.db, filter, args);
}

// ---------------------------------------------------------------------------------------------
// Erasure and retention

/**
 * An erasure's part in the versions: the person stops being named as the actor of what they did.
 * (The values an erasure replaces in its rows are erased from those rows' earlier versions by the
 * trigger itself, under commerce.erasure: lib/personal-data.ts.)
 */
export async function eraseVersionActor(tx: SqlClient, erasure: Erasure): Promise<void> {
  await tx.$executeRawUnsafe(`UPDATE entity_version SET actor = $2 WHERE actor = $1`, `person:${erasure.personId}`, `person:${erasure.pseudonym}`);
}

/** Lets this transaction's deletions take the deleted rows' versions with them (a retention purge). */
export async function allowVersionPurge(tx: SqlClient): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT set_config('commerce.retention', 'on', true)`);
}
