// Creates the database when it is missing and applies every context's pending migrations
// with `prisma migrate deploy` (the same command production runs).
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { projectRoot } from '../lib/paths.js';
import { SUBGRAPHS, type SubgraphName } from '../lib/subgraph-names.js';

const ROOT = projectRoot();

export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    return true;
  } catch (err) {
    // Another process created it between our check and our CREATE.
    if ((err as { code?: string }).code === '42P04') return false;
    throw err;
  } finally {
    await admin.end();
  }
}

/** Contexts whose committed migrations are not all recorded as applied. */
export async function pendingContexts(databaseUrl: string): Promise<SubgraphName[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const pending: SubgraphName[] = [];
    for (const name of SUBGRAPHS) {
      const dir = path.join(ROOT, 'prisma', name, 'migrations');
      const committed = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
      const applied = await client
        .query<{ migration_name: string }>(`SELECT migration_name FROM "${name}"._prisma_migrations WHERE finished_at IS NOT NULL`)
        .then((r) => new Set(r.rows.map((row) => row.migration_name)))
        .catch(() => new Set<string>());
      if (committed.some((m) => !applied.has(m))) pending.push(name);
    }
    return pending;
  } finally {
    await client.end();
  }
}

export function migrateContext(name: SubgraphName, databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], {
      cwd: ROOT,
      env: { ...process.env, PRISMA_SUBGRAPH: name, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`prisma migrate deploy (${name}) failed:\n${output}`))));
  });
}

export async function setUpDatabase(databaseUrl: string, log: (line: string) => void = console.log): Promise<void> {
  if (await ensureDatabase(databaseUrl)) log(`Created database ${new URL(databaseUrl).pathname.slice(1)}`);
  const pending = await pendingContexts(databaseUrl);
  if (pending.length === 0) {
    log('Database schema is up to date');
    return;
  }
  log(`Applying migrations: ${pending.join(', ')}…`);
  // One at a time: prisma migrate takes one advisory lock per database, not per schema.
  for (const name of pending) await migrateContext(name, databaseUrl);
  log('Migrations applied');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { loadConfigOrExit } = await import('../lib/config.js');
  const url = loadConfigOrExit().DATABASE_URL;
  try {
    await setUpDatabase(url);
  } catch (err) {
    const where = new URL(url);
    where.password = where.password ? '***' : '';
    console.error(`Database setup failed at ${where}: ${(err as Error).message}\nIs Postgres running, and does DATABASE_URL name the right server?`);
    process.exit(1);
  }
}
