// The committed migrations must produce exactly the schema the Prisma files describe. Prisma's
// own drift check cannot run offline with the driver adapter (introspection fails on `char`
// columns), so this compares Postgres catalogs: one database migrated with the real
// `prisma migrate deploy`, one built from `prisma migrate diff --from-empty` of the datamodel.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../lib/subgraph-names.js';
import { migrateContext } from '../scripts/db.js';
import { ADMIN_URL, databaseUrl, dropDatabase } from '../test/db-template.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);
const suffix = randomBytes(4).toString('hex');
const migratedDb = `commerce_mig_${suffix}`;
const modelDb = `commerce_model_${suffix}`;

/** CHECK constraints Prisma cannot express; the migrations add them by hand. */
const HAND_WRITTEN_CHECKS = {
  catalog: ['inventory_level_reserved_check', 'inventory_reservation_line_quantity_check', 'product_variant_price_check'],
  promotion: [
    'affiliate_attribution_amounts_check',
    'affiliate_attribution_order_check',
    'affiliate_partner_code_check',
    'affiliate_partner_commission_rate_check',
    'promotion_code_check',
    'promotion_counts_check',
    'promotion_limits_check',
    'promotion_person_usage_uses_check',
    'promotion_redemption_amount_check',
    'promotion_value_check',
  ],
  cart: ['cart_line_quantity_check'],
  order: ['order_amounts_check', 'order_line_amounts_check', 'order_subscription_check', 'payment_amounts_check', 'payment_attempt_check', 'refund_amount_check'],
  subscription: ['customer_subscription_quantity_check', 'subscription_period_amount_check', 'subscription_plan_item_quantity_check'],
} as Record<string, string[]>;

/** Partial unique indexes Prisma cannot express; the migrations add them by hand. */
const HAND_WRITTEN_INDEXES = {
  cart: ['cart_one_active_per_person'],
} as Record<string, string[]>;

/** Extensions a context's migrations install in its schema, which its datamodel's indexes name (gin_trgm_ops). */
const EXTENSIONS = {
  catalog: ['unaccent', 'pg_trgm'],
} as Record<string, string[]>;

async function describeSchema(url: string, schema: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql, [schema])).rows;
    return {
      columns: await q(`SELECT table_name, column_name, data_type, udt_name, character_maximum_length, numeric_precision,
                               datetime_precision, is_nullable, column_default
                          FROM information_schema.columns WHERE table_schema = $1 AND table_name <> '_prisma_migrations'
                         ORDER BY table_name, column_name`),
      indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes
                         WHERE schemaname = $1 AND tablename <> '_prisma_migrations' ORDER BY indexname`),
      constraints: await q(`SELECT c.conrelid::regclass::text AS table_name, c.conname, c.contype, pg_get_constraintdef(c.oid) AS def
                              FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                             WHERE n.nspname = $1 AND c.contype <> 'c' AND c.conrelid::regclass::text NOT LIKE '%_prisma_migrations'
                             ORDER BY c.conname`),
      checks: (await q(`SELECT c.conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                         WHERE n.nspname = $1 AND c.contype = 'c' ORDER BY c.conname`)).map((r) => r.conname),
      enums: await q(`SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
                        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
                       WHERE n.nspname = $1 GROUP BY t.typname ORDER BY t.typname`),
    };
  } finally {
    await client.end();
  }
}

async function applyDatamodel(url: string, subgraph: string): Promise<void> {
  const { stdout } = await run(
    path.join(ROOT, 'node_modules', '.bin', 'prisma'),
    ['migrate', 'diff', '--from-empty', '--to-schema-datamodel', `prisma/${subgraph}/schema.prisma`, '--script'],
    { cwd: ROOT, env: { ...process.env, PRISMA_SUBGRAPH: subgraph, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: '1' } },
  );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${subgraph}"`);
    await client.query(`SET search_path TO "${subgraph}"`);
    for (const extension of EXTENSIONS[subgraph] ?? []) await client.query(`CREATE EXTENSION IF NOT EXISTS "${extension}" WITH SCHEMA "${subgraph}"`);
    await client.query(stdout);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${migratedDb}"`);
  await admin.query(`CREATE DATABASE "${modelDb}"`);
  await admin.end();
  const migrate = async () => {
    // One at a time: prisma migrate takes one advisory lock per database.
    for (const s of SUBGRAPHS) await migrateContext(s, databaseUrl(migratedDb));
  };
  await Promise.all([migrate(), ...SUBGRAPHS.map((s) => applyDatamodel(databaseUrl(modelDb), s))]);
}, 300_000);

afterAll(async () => {
  await dropDatabase(migratedDb);
  await dropDatabase(modelDb);
});

describe('committed migrations', () => {
  it.each(SUBGRAPHS)('%s: migrations yield exactly the Prisma datamodel', async (subgraph) => {
    const migrated = await describeSchema(databaseUrl(migratedDb), subgraph);
    const modelled = await describeSchema(databaseUrl(modelDb), subgraph);
    expect(migrated.columns.length).toBeGreaterThan(0);
    expect(migrated.columns).toEqual(modelled.columns);
    const handWritten = HAND_WRITTEN_INDEXES[subgraph] ?? [];
    expect(migrated.indexes.filter((i) => handWritten.includes(i.indexname)).map((i) => i.indexname)).toEqual(handWritten);
    expect(migrated.indexes.filter((i) => !handWritten.includes(i.indexname))).toEqual(modelled.indexes);
    expect(migrated.constraints).toEqual(modelled.constraints);
    expect(migrated.enums).toEqual(modelled.enums);
    expect(modelled.checks).toEqual([]);
    expect(migrated.checks).toEqual(HAND_WRITTEN_CHECKS[subgraph] ?? []);
  });

  it('records every migration as applied in each context', async () => {
    const client = new pg.Client({ connectionString: databaseUrl(migratedDb) });
    await client.connect();
    try {
      for (const s of SUBGRAPHS) {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM "${s}"._prisma_migrations WHERE finished_at IS NOT NULL`);
        expect(rows[0].n).toBeGreaterThan(0);
      }
    } finally {
      await client.end();
    }
  });
});
