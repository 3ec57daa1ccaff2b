// The migrated template database that every test file clones (CREATE DATABASE … TEMPLATE is
// fast); it is rebuilt whenever a migration changes.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { SUBGRAPHS } from '../lib/subgraph-names.js';

/** The server's maintenance database: as configured, or the one test/global-setup.ts found or started. */
export const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const ROOT = path.resolve(import.meta.dirname, '..');

export function migrationFiles(subgraph: string): string[] {
  const dir = path.join(ROOT, 'prisma', subgraph, 'migrations');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join(dir, d.name, 'migration.sql'))
    .sort();
}

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

function templateName(): string {
  const hash = createHash('sha256');
  for (const s of SUBGRAPHS) for (const f of migrationFiles(s)) hash.update(f).update(readFileSync(f));
  return `commerce_test_tpl_${hash.digest('hex').slice(0, 12)}`;
}

/** Applies each context's migrations in its own schema, as `prisma migrate deploy` does. */
export async function applyMigrations(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const subgraph of SUBGRAPHS) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${subgraph}"`);
      await client.query(`SET search_path TO "${subgraph}"`);
      for (const file of migrationFiles(subgraph)) await client.query(readFileSync(file, 'utf8'));
    }
  } finally {
    await client.end();
  }
}

export async function ensureTemplate(): Promise<string> {
  const name = templateName();
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`SELECT pg_advisory_lock(hashtext('commerce_test_template'))`);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      // Templates of other migration sets go, unless a run (another checkout) is using one now.
      const stale = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'commerce_test_tpl_%'`);
      for (const row of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}"`).catch(() => undefined);
      await admin.query(`CREATE DATABASE "${name}_building"`);
      await applyMigrations(databaseUrl(`${name}_building`));
      await admin.query(`ALTER DATABASE "${name}_building" RENAME TO "${name}"`);
    }
    await admin.query(`SELECT pg_advisory_unlock(hashtext('commerce_test_template'))`);
    return name;
  } finally {
    await admin.end();
  }
}

export async function createDatabaseFrom(template: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`).catch(async (err: { code?: string }) => {
      // Another checkout's run replaced the template meanwhile (3D000: it no longer exists).
      if (err.code !== '3D000') throw err;
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${await ensureTemplate()}"`);
    });
  } finally {
    await admin.end();
  }
  return databaseUrl(name);
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
