// Creates each context's database when it is missing and applies the context's pending migrations
// there with `prisma migrate deploy` (the same command production runs). A context's database is
// DATABASE_URL's unless its own <CONTEXT>_DATABASE_URL names another (lib/config.ts databaseFor).
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { contextDatabaseSetting, databaseFor, loadConfigOrExit, type DatabaseSettings } from '../lib/config.js';
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

/** Those of the contexts given whose committed migrations are not all recorded as applied in the database. */
export async function pendingContexts(databaseUrl: string, contexts: readonly SubgraphName[] = SUBGRAPHS): Promise<SubgraphName[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const pending: SubgraphName[] = [];
    for (const name of contexts) {
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
      // Both settings, so that prisma.config.ts (which reads them as the services do) finds this database.
      env: { ...process.env, PRISMA_SUBGRAPH: name, DATABASE_URL: databaseUrl, [contextDatabaseSetting(name)]: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`prisma migrate deploy (${name}) failed:\n${output}`))));
  });
}

/** Creates the database when missing and applies the pending migrations of the contexts given in it. */
export async function setUpDatabase(databaseUrl: string, contexts: readonly SubgraphName[] = SUBGRAPHS, log: (line: string) => void = console.log): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (await ensureDatabase(databaseUrl)) log(`Created database ${name}`);
  const pending = await pendingContexts(databaseUrl, contexts);
  if (pending.length === 0) {
    log(`Database ${name} is up to date (${contexts.join(', ')})`);
    return;
  }
  log(`Applying migrations in ${name}: ${pending.join(', ')}…`);
  // One at a time: prisma migrate takes one advisory lock per database, not per schema.
  for (const context of pending) await migrateContext(context, databaseUrl);
  log('Migrations applied');
}

/** Every context's database, each set up once for the contexts it holds. */
export async function setUpDatabases(config: DatabaseSettings, log: (line: string) => void = console.log): Promise<void> {
  const contextsOf = new Map<string, SubgraphName[]>();
  for (const context of SUBGRAPHS) {
    const { url } = databaseFor(config, context);
    contextsOf.set(url, [...(contextsOf.get(url) ?? []), context]);
  }
  for (const [url, contexts] of contextsOf) {
    try {
      await setUpDatabase(url, contexts, log);
    } catch (err) {
      const where = new URL(url);
      where.password = where.password ? '***' : '';
      const settings = [...new Set(contexts.map((c) => databaseFor(config, c).setting))].join(' / ');
      throw new Error(`Database setup failed at ${where}: ${(err as Error).message}\nIs Postgres running, and does ${settings} name the right server?`, { cause: err });
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await setUpDatabases(loadConfigOrExit());
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
