import { PrismaPg } from '@prisma/adapter-pg';

/**
 * The driver adapter for one bounded context: its own pool, confined to its own Postgres schema
 * (search_path for raw SQL, `schema` for the queries Prisma builds).
 */
export function pgAdapter(databaseUrl: string, schema: string, poolSize: number): PrismaPg {
  return new PrismaPg(
    { connectionString: databaseUrl, max: poolSize, options: `-c search_path="${schema}"` },
    { schema },
  );
}

/** The part of every context's Prisma client that generic code (outbox, readiness) uses. */
export interface SqlClient {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export interface TransactionalSqlClient extends SqlClient {
  $transaction<R>(fn: (tx: SqlClient) => Promise<R>): Promise<R>;
}

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
