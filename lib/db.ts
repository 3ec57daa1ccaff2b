import { createHash } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { databaseUrlFor, type Config, type DatabaseSettings } from './config.js';
import type { SubgraphName } from './subgraph-names.js';
import { inSpan } from './tracing.js';
import { withLiterals } from './sql-literals.js';
import { attributeWrites, writer, WRITER_SETTINGS } from './versions.js';

/**
 * The driver adapter for one bounded context: its own pool, confined to its own Postgres schema
 * (search_path for raw SQL, `schema` for the queries Prisma builds), named after it in
 * pg_stat_activity and the server's log (application_name). Its writes carry their actor to the
 * version history (lib/versions.ts).
 */
export function pgAdapter(databaseUrl: string, schema: string, poolSize: number): PrismaPg {
  const factory = new PrismaPg(
    { connectionString: databaseUrl, max: poolSize, options: `-c search_path="${schema}"`, application_name: schema },
    { schema },
  );
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const pool = adapter.underlyingDriver() as pg.Pool;
    keepingCutConnectionsQuiet(pool);
    pools.set(factory, pool);
    return releasingDeadTransactions(attributeWrites(adapter));
  };
  return factory;
}

/** Each adapter's pool, once Prisma has connected it. */
const pools = new WeakMap<PrismaPg, pg.Pool>();
/** The clients whose hot reads go straight to their adapter's pool (readingDirectly), and who counts their statements. */
const directReads = new WeakMap<object, { adapter: PrismaPg; onQuery?: (sql: string) => void }>();

/**
 * A statement sent straight to pg: while tracing is on, a CLIENT span `pg:query` with the
 * statement's text, as Prisma's own are `prisma:client:db_query`, so a trace shows its SQL either way.
 * One with parameters is a prepared statement (preparedName).
 */
function sent<R extends pg.QueryResultRow>(client: pg.Pool | pg.PoolClient, text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
  const query = values.length > 0 ? { name: preparedName(text), text, values } : { text, values };
  return inSpan('pg:query', { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'postgresql', 'db.query.text': text } }, () => client.query<R>(query));
}

/**
 * The name a statement with parameters is prepared under: each connection parses and plans it the
 * first time and then only binds and runs it (a cart change's statements took about a third less of
 * Postgres's time so). The name is the text's hash; only the first MAX_PREPARED texts this process
 * sends get one, the rest go unnamed as before, so what a connection holds stays bounded.
 */
function preparedName(text: string): string | undefined {
  let name = preparedNames.get(text);
  if (name === undefined && preparedNames.size < MAX_PREPARED) {
    name = `direct_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;
    preparedNames.set(text, name);
  }
  return name;
}
const preparedNames = new Map<string, string>();
const MAX_PREPARED = 200;

/** A read statement with `$n` placeholders, as `Prisma.sql` builds it (its `text` and `values`). */
export interface ReadStatement {
  text: string;
  values: unknown[];
}

/** `db`, whose reads readRows sends straight to the pool of `adapter`, the adapter `db` runs on; `onQuery` sees each, as Prisma's query event would. */
export function readingDirectly<D extends object>(db: D, adapter: PrismaPg, onQuery?: (sql: string) => void): D {
  directReads.set(db, { adapter, onQuery });
  return db;
}

/** The pool a client made readingDirectly sends its statements to, and who counts them; null before Prisma has connected, or for any other client. */
function directPoolOf(db: object): { pool: pg.Pool; onQuery?: (sql: string) => void } | null {
  const direct = directReads.get(db);
  const pool = direct && pools.get(direct.adapter);
  return pool ? { pool, onQuery: direct.onQuery } : null;
}

/**
 * The rows of one read-only statement. For a client made readingDirectly, it goes straight to
 * pg on the client's own pool, past Prisma's query compiler and result mapping, which cost about a
 * quarter of the catalog's CPU on a listing; otherwise (or before Prisma has connected) through
 * Prisma. Both give the same values for what these reads select (numbers, text, timestamptz as
 * Date, JSON parsed), except int8 and numeric, which pg gives as text: cast counts to int.
 */
export async function readRows<T>(db: SqlClient, statement: ReadStatement): Promise<T[]> {
  const direct = directPoolOf(db);
  if (!direct) return db.$queryRawUnsafe<T[]>(statement.text, ...statement.values);
  direct.onQuery?.(statement.text);
  return (await sent(direct.pool, statement.text, statement.values)).rows as T[];
}

/**
 * One write statement on its own, straight on pg like readRows (through Prisma otherwise), for a
 * table that keeps no version history: outside a transaction nothing tells the history who
 * writes. Answers how many rows it changed.
 */
export async function executeDirectly(db: SqlClient, statement: ReadStatement): Promise<number> {
  const direct = directPoolOf(db);
  if (!direct) return db.$executeRawUnsafe(statement.text, ...statement.values);
  direct.onQuery?.(statement.text);
  return (await sent(direct.pool, statement.text, statement.values)).rowCount ?? 0;
}

/**
 * Runs `fn` in one transaction straight on pg for a client made readingDirectly, past Prisma's
 * interactive transaction (its query compiler runs for every raw statement, each a round trip
 * through its engine); any other client, or one Prisma has not connected yet, through
 * `$transaction`. For transactions of raw statements on a hot path (the outbox relay after nearly
 * every write, a cart's changes). As Prisma's: the writer the scope names is told to the version
 * trigger (in the same round trip as BEGIN), `maxWait` bounds the wait for a connection and
 * `timeout` the transaction (each statement and each idle gap within it, and no statement starts
 * after it), defaults as Prisma's. BEGIN goes with the first statement, its parameters written in
 * as literals (withLiterals: not when one is binary data), and nothing is sent for work that sends
 * nothing. A first statement's text must hold `$n` only as parameters.
 */
export async function transactDirectly<R>(db: TransactionalSqlClient, fn: (tx: SqlTransaction) => Promise<R>, options: TransactionOptions = {}): Promise<R> {
  const direct = directPoolOf(db);
  if (!direct) return db.$transaction(fn, options);
  const { maxWait = 2_000, timeout = 5_000 } = options;
  const client = await connectWithin(direct.pool, maxWait);
  const deadline = Date.now() + timeout;
  const opening = `BEGIN; ${transactionSettings(timeout)}`;
  let begun = false;
  let committed = false;
  const ready = (text: string) => {
    if (committed) throw new Error('the transaction has committed: its last statement was sent');
    if (Date.now() > deadline) throw new Error(`the transaction took longer than its ${timeout} ms`);
    direct.onQuery?.(text);
  };
  const run = async (text: string, values: unknown[]): Promise<pg.QueryResult> => {
    ready(text);
    if (begun) return sent(client, text, values);
    const inline = withLiterals(text, values);
    begun = true;
    if (inline === null) {
      await sent(client, opening, []);
      return sent(client, text, values);
    }
    // The first statement goes in BEGIN's round trip, its parameters written in as literals (pg's
    // simple protocol takes several statements and answers each; this one's is the last).
    const results = (await sent(client, `${opening}; ${inline}`, [])) as unknown as pg.QueryResult[];
    return results.at(-1)!;
  };
  // The last statement with COMMIT in its round trip, its parameters written in (queryAndCommit).
  const last = async (text: string, values: unknown[]): Promise<pg.QueryResult> => {
    const inline = withLiterals(text, values);
    if (inline === null) return run(text, values);
    ready(text);
    const message = `${begun ? '' : `${opening}; `}${inline}; COMMIT`;
    // Begun before it is sent, as run's first statement is: a failure rolls it back.
    begun = true;
    const results = (await sent(client, message, [])) as unknown as pg.QueryResult[];
    committed = true;
    return results.at(-2)!;
  };
  const tx: SqlTransaction & DirectTransaction = {
    [LAST]: last,
    $queryRawUnsafe: async <T>(text: string, ...values: unknown[]) => (await run(text, values)).rows as T,
    $executeRawUnsafe: async (text: string, ...values: unknown[]) => (await run(text, values)).rowCount ?? 0,
    $queryRaw: async <T>(strings: TemplateStringsArray, ...values: unknown[]) => (await run(templateText(strings, values), values)).rows as T,
    $executeRaw: async (strings: TemplateStringsArray, ...values: unknown[]) => (await run(templateText(strings, values), values)).rowCount ?? 0,
  };
  try {
    const result = await fn(tx);
    if (begun && !committed) await sent(client, 'COMMIT', []);
    client.release();
    return result;
  } catch (err) {
    // A connection that cannot roll back (the server cut it) is dropped, not handed back.
    const rolledBack = !begun || (await sent(client, 'ROLLBACK', []).then(() => true, () => false));
    client.release(rolledBack ? undefined : (err as Error));
    throw err;
  }
}

const LAST = Symbol('last statement');
interface DirectTransaction {
  [LAST](text: string, values: unknown[]): Promise<pg.QueryResult>;
}

/**
 * Runs a transaction's last statement and answers its rows. In a transactDirectly transaction
 * COMMIT goes in the statement's round trip, its parameters written in as literals (withLiterals;
 * one with binary data, or a comment, keeps them and COMMIT follows as usual): nothing may be sent
 * after it, and the work must not fail after it, since what it wrote has committed. An error in the
 * statement or at COMMIT rolls the whole transaction back. In any other transaction, an ordinary
 * statement.
 */
export async function queryAndCommit<T>(tx: SqlClient, text: string, ...values: unknown[]): Promise<T> {
  if (LAST in tx) return (await (tx as SqlClient & DirectTransaction)[LAST](text, values)).rows as T;
  return tx.$queryRawUnsafe<T>(text, ...values);
}

/**
 * The settings a direct transaction opens with: its time limits, and the writer the scope names for
 * the version history. One statement: each statement of a message costs Postgres its parse, plan
 * and run (two `SET LOCAL`s and a SELECT took about 75 µs more than this one SELECT).
 */
function transactionSettings(timeout: number): string {
  const limit = pg.escapeLiteral(String(Math.round(timeout)));
  const limits = `set_config('statement_timeout', ${limit}, true), set_config('idle_in_transaction_session_timeout', ${limit}, true)`;
  const who = writer();
  if (!who) return `SELECT ${limits}`;
  return `${WRITER_SETTINGS.replace('$1', pg.escapeLiteral(who.actor)).replace('$2', pg.escapeLiteral(who.requestId))}, ${limits}`;
}

/**
 * One write statement in a transaction of its own, in one round trip where transactDirectly takes
 * three: the transaction's settings and the statement go in one simple-protocol message, which
 * Postgres runs as one transaction (an error rolls all of it back), the statement's `$n`
 * parameters written in as literals with pg's own escaping. Its text must hold `$n` only as
 * parameters. For the lone writes on a hot path (a checkout's progress); answers how many rows
 * the statement changed. A client not made readingDirectly, or a statement with binary data
 * for a parameter, runs through transactDirectly.
 */
export async function writeAlone(db: TransactionalSqlClient, statement: ReadStatement, options: TransactionOptions = {}): Promise<number> {
  return (await alone(db, statement, options, async (tx) => ({ rowCount: await tx.$executeRawUnsafe(statement.text, ...statement.values) }))).rowCount ?? 0;
}

/** writeAlone for a statement that answers rows (`RETURNING`): the rows. */
export async function queryAlone<T>(db: TransactionalSqlClient, statement: ReadStatement, options: TransactionOptions = {}): Promise<T[]> {
  return (await alone(db, statement, options, async (tx) => ({ rows: await tx.$queryRawUnsafe<T[]>(statement.text, ...statement.values) }))).rows as T[];
}

/** A statement's outcome, as writeAlone and queryAlone read it. */
type AloneResult = { rowCount?: number | null; rows?: unknown[] };

/** What writeAlone and queryAlone send: one message, or `fallback` in a transaction of its own. */
async function alone(db: TransactionalSqlClient, statement: ReadStatement, options: TransactionOptions, fallback: (tx: SqlTransaction) => Promise<AloneResult>): Promise<AloneResult> {
  const direct = directPoolOf(db);
  const text = withLiterals(statement.text, statement.values);
  if (!direct || text === null) return transactDirectly(db, fallback, options);
  const { maxWait = 2_000, timeout = 5_000 } = options;
  direct.onQuery?.(statement.text);
  const client = await connectWithin(direct.pool, maxWait);
  try {
    const results = (await sent(client, `${transactionSettings(timeout)}; ${text}`, [])) as unknown as pg.QueryResult[];
    client.release();
    return results.at(-1)!;
  } catch (err) {
    // The server rolled the message's transaction back; a connection it cut is dropped.
    client.release(err as Error);
    throw err;
  }
}

/**
 * `db` as a transactional client whose transactions run through transactDirectly, for generic code
 * that takes a `$transaction` (an event consumer's processOnce) around work of raw statements.
 */
export function directTransactions(db: TransactionalSqlClient): { $transaction<R>(fn: (tx: SqlTransaction) => Promise<R>): Promise<R> } {
  return { $transaction: (fn) => transactDirectly(db, fn) };
}

/** Prisma's interactive transaction options, which transactDirectly honours too. */
export interface TransactionOptions {
  /** How long to wait for a connection, ms. */
  maxWait?: number;
  /** How long the transaction may take, ms. */
  timeout?: number;
}

/** A pool connection, or an error once `maxWait` ms have passed without one (the connection, when it comes, goes back). */
async function connectWithin(pool: pg.Pool, maxWait: number): Promise<pg.PoolClient> {
  const connecting = pool.connect();
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      connecting.then((client) => client.release(), () => undefined);
      reject(new Error(`no database connection within ${maxWait} ms`));
    }, maxWait);
  });
  try {
    return await Promise.race([connecting, waited]);
  } finally {
    clearTimeout(timer);
  }
}

/** A tagged template's statement with `$n` placeholders, as Prisma's $queryRaw makes it from plain values. */
function templateText(strings: TemplateStringsArray, values: unknown[]): string {
  if (values.some((v) => typeof v === 'object' && v !== null && 'strings' in v && 'values' in v)) {
    throw new Error('transactDirectly takes plain values in its templates, not nested Prisma.sql fragments');
  }
  return strings.reduce((text, part, i) => `${text}$${i}${part}`);
}

/**
 * pg-pool listens for errors on a connection only while it sits idle, and the query in flight
 * takes its own; a connection handed out and between two queries (a transaction just being opened,
 * a query's answer and the server's cut read in one chunk) has no listener, so the server cutting it
 * there (a restart, pg_terminate_backend) was an uncaught exception that took the process down.
 * Every connection keeps a listener for life: the cut is seen by the next query on it, which fails
 * and hands the connection back to be dropped.
 */
function keepingCutConnectionsQuiet(pool: pg.Pool): void {
  pool.on('connect', (client) => client.on('error', () => undefined));
}

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;

/**
 * Prisma ends a failed interactive transaction by sending ROLLBACK and only then hands the
 * connection back; when the server has cut the connection (a restart, a failover), ROLLBACK throws
 * and the connection is never handed back, so each transaction in flight during a restart shrinks
 * the pool for good (and $disconnect then waits forever). Here a ROLLBACK that fails counts as done:
 * the server has rolled the transaction back with the connection, and the pool drops a connection
 * that can no longer be queried when it comes back.
 */
function releasingDeadTransactions(adapter: Adapter): Adapter {
  const start = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const tx = await start(isolationLevel);
    const execute = tx.executeRaw.bind(tx);
    tx.executeRaw = async (query) => {
      try {
        return await execute(query);
      } catch (err) {
        if (query.sql === 'ROLLBACK') return 0;
        throw err;
      }
    };
    return tx;
  };
  return adapter;
}

/** The adapter a context's Prisma client runs on: the context's database (databaseFor), its own pool. */
export function contextAdapter(config: DatabaseSettings & Pick<Config, 'DATABASE_POOL_SIZE'>, context: SubgraphName): PrismaPg {
  return pgAdapter(databaseUrlFor(config, context), context, config.DATABASE_POOL_SIZE);
}

/** The part of every context's Prisma client that generic code (outbox, readiness) uses. */
export interface SqlClient {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/** A transaction's client: raw statements with `$n` placeholders, or tagged templates as Prisma's $queryRaw takes them. */
export interface SqlTransaction extends SqlClient {
  $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): Promise<T>;
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number>;
}

export interface TransactionalSqlClient extends SqlClient {
  $transaction<R>(fn: (tx: SqlTransaction) => Promise<R>, options?: TransactionOptions): Promise<R>;
}

/**
 * Transaction options for writes that queue on one hot row's lock (a flash sale's variant, a
 * popular promotion, a shopper hammering one cart). Each waiter holds a pool connection; Prisma's
 * defaults (2 s to get a connection, 5 s in all) would turn that queue into internal errors
 * instead of letting it drain.
 */
export const QUEUED_WRITE = { maxWait: 10_000, timeout: 20_000 } as const;

/** Postgres unique-violation on a given constraint (or any, when none is given). */
export function isUniqueViolation(err: unknown, target?: string): boolean {
  const e = err as { code?: string; meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string } } } } };
  if (e?.code !== 'P2002') return false;
  if (!target) return true;
  // Through the pg driver adapter Prisma names only the violated index (e.g. product_variant_sku_key).
  const constraint = e.meta?.driverAdapterError?.cause?.constraint;
  const fields = e.meta?.target ?? constraint?.fields ?? constraint?.index;
  return Array.isArray(fields) ? fields.includes(target) : String(fields ?? '').includes(target);
}
