// SIGTERM under load (issue 12): bin/serve.ts (every service in one process, as test/process.test.ts
// runs it) against this file's own database and Redis prefix, with shoppers sending requests all
// along, is sent SIGTERM while checkouts are in flight (Stripe is made slow so that some surely
// are). Requests already accepted finish with their answer (none is cut: a request either gets
// its answer or finds the port closed); the process exits 0, within SHUTDOWN_TIMEOUT_MS; and what
// was written before the signal and not yet delivered (the order context's outbox is held back
// for that) is published and consumed once the process is started again, and payments made
// while it was down reach their orders. And a recurring job waiting on a slow Stripe does not keep
// the process past its deadline (it does today: see that test).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDevKeys, signUserToken, type Role } from '../lib/auth.js';
import { projectRoot } from '../lib/paths.js';
import { bullPrefix } from '../lib/runtime.js';
import { createRedis, deleteKeysWithPrefix, type RedisClient } from '../lib/redis.js';
import { SUBGRAPHS } from '../lib/subgraph-names.js';
import { cartApi } from '../subgraphs/cart/cart-fixtures.js';
import { orderApi } from '../subgraphs/order/order-fixtures.js';
import { startLocalStripe, type LocalStripe } from '../local-stripe/server.js';
import { createDatabaseFrom, dropDatabase, ensureTemplate } from './db-template.js';
import { startShoppers, sqlPool, undelivered, violations } from './fault-load.js';
import { graphqlClient } from './harness.js';

const ROOT = projectRoot();
const dbName = `commerce_test_sigterm_${randomBytes(4).toString('hex')}`;
const prefix = `test:${dbName}`;
// Ports away from the defaults and below Linux's ephemeral range, as test/process.test.ts picks them.
const base = 20_000 + Math.floor(Math.random() * 12_000);
const gatewayPort = base;
const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
let databaseUrl: string;
let keysDir: string;
let privateKeyPem: string;
let stripe: LocalStripe;
let redis: RedisClient;
let sql: pg.Pool;
const children: ChildProcess[] = [];

beforeAll(async () => {
  databaseUrl = await createDatabaseFrom(process.env.TEST_TEMPLATE_DB ?? (await ensureTemplate()), dbName);
  keysDir = await mkdtemp(path.join(tmpdir(), 'commerce-sigterm-keys-'));
  privateKeyPem = (await ensureDevKeys(keysDir)).privateKeyPem;
  stripe = await startLocalStripe({ port: 0, webhookUrl: gatewayUrl.replace(/\/graphql$/, '/webhooks/stripe'), retry: { delaysMs: [50, 100, 200, 400, 800], timeoutMs: 10_000 } });
  redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  sql = sqlPool(databaseUrl);
}, 60_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await sql?.end();
  await stripe?.close();
  if (redis) {
    await deleteKeysWithPrefix(redis, prefix);
    redis.disconnect();
  }
  await dropDatabase(dbName);
  if (keysDir) await rm(keysDir, { recursive: true, force: true });
}, 60_000);

const token = (personId: string, roles: Role[]) => signUserToken(privateKeyPem, { sub: personId, roles, issuer: 'commerce-dev', audience: 'commerce-api' });

/** bin/serve.ts as its own process, once it says it is up; `exited` resolves with its exit code. */
async function serve(settings: Record<string, string> = {}): Promise<{ child: ChildProcess; exited: Promise<number | null>; output: () => string }> {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    // As a developer runs it: under NODE_ENV=test some libraries skip their signal handlers.
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    PORT: String(gatewayPort),
    REDIS_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    DEV_KEYS_DIR: keysDir,
    STRIPE_API_BASE: stripe.url,
    STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
    OUTBOX_RELAY_MS: '200',
    ORDER_RECONCILE_MS: '500',
    ORDER_RECONCILE_AFTER_MS: '2000',
    CHECKOUT_ATTEMPTS_PER_MINUTE_PER_PERSON: '10000',
    CHECKOUT_ATTEMPTS_PER_MINUTE_PER_CLIENT: '10000',
    SHUTDOWN_TIMEOUT_MS: '10000',
    // Small pools, so that the fault files under load at once stay under the server's max_connections.
    DATABASE_POOL_SIZE: '4',
    ...Object.fromEntries(SUBGRAPHS.map((s, i) => [`${s.toUpperCase()}_URL`, `http://127.0.0.1:${base + 1 + i}/graphql`])),
    ...settings,
  };
  // No tsx wrapper process in between: the signal reaches the service process itself.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bin', 'serve.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  for (let i = 0; i < 600 && !output.includes('Commerce supergraph is up'); i++) {
    if (child.exitCode !== null) throw new Error(`bin/serve.ts exited early:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!output.includes('Commerce supergraph is up')) throw new Error(`bin/serve.ts did not come up:\n${output}`);
  return { child, exited, output: () => output };
}

async function createVariants(): Promise<string[]> {
  const admin = graphqlClient(gatewayUrl, await token('admin-1', ['admin']));
  const slug = `sigterm-${randomBytes(4).toString('hex')}`;
  const variants = [0, 1].map((i) => ({ sku: `${slug}-${i}`.toUpperCase(), price: { amount: 1500 + i * 1000, currencyCode: 'USD' }, onHand: 10_000 }));
  const data = await admin.query<{ createProduct: { product: { variants: { id: string }[] } } }>(
    'mutation($input: CreateProductInput!) { createProduct(input: $input) { product { variants { id } } userErrors { code message } } }',
    { input: { slug, name: `Product ${slug}`, active: true, variants } },
  );
  return data.createProduct.product.variants.map((v) => v.id);
}

/** Whether the port refuses connections (its server stopped listening). */
const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
  });

/** Where the order context's relay takes its turn (lib/outbox.ts relayBatch): holding it keeps the order events in the outbox. */
const ORDER_OUTBOX_LOCK = `SELECT pg_advisory_lock(hashtext('order.outbox_event'))`;
const unpublishedOrderEvents = async () => (await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM "order".outbox_event WHERE published_at IS NULL')).rows[0]!.n;

describe('SIGTERM under load', () => {
  it('lets accepted requests finish, exits 0 in time, and loses nothing written before the signal', async () => {
    // Payment reconciliation idle (it has its own test below): the slow Stripe holds the checkouts only.
    const first = await serve({ ORDER_RECONCILE_AFTER_MS: '3600000' });
    const variantIds = await createVariants();
    const shoppers = startShoppers({ gatewayUrl, stripe, token: (p) => token(p, ['customer']), variantIds });
    const holder = new pg.Client({ connectionString: databaseUrl });
    holder.on('error', () => undefined);
    await holder.connect();
    let signalledAt = 0;
    try {
      await expect.poll(() => shoppers.paid(), { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(3);
      await holder.query(ORDER_OUTBOX_LOCK);
      await expect.poll(unpublishedOrderEvents, { timeout: 30_000, interval: 100 }).toBeGreaterThan(0);
      // Checkouts now wait on Stripe: some have been accepted and are waiting when the signal comes.
      // Around the signal no other request starts, so that none races the closing of idle
      // keep-alive connections (a request sent on one as the server closes it is lost unread: a
      // race every HTTP server has, which a load balancer covers by stopping to send first).
      stripe.outage({ kind: 'slow', delayMs: 2500 });
      const waitingCheckout = () => shoppers.inFlight().some((c) => c.step === 'checkout' && Date.now() - c.startedAt > 300);
      await expect.poll(waitingCheckout, { timeout: 30_000, interval: 20 }).toBe(true);
      shoppers.hold();
      const onlyCheckouts = () => shoppers.inFlight().filter((c) => c.step !== 'pay').every((c) => c.step === 'checkout');
      await expect.poll(onlyCheckouts, { timeout: 10_000, interval: 10 }).toBe(true);
      signalledAt = Date.now();
      first.child.kill('SIGTERM');
      await expect.poll(() => refused(gatewayPort), { timeout: 10_000, interval: 20 }).toBe(true);
      shoppers.resume();
      // 0: every service closed before the process's own deadline (SHUTDOWN_TIMEOUT_MS), which ends it with 1.
      expect(await first.exited, first.output()).toBe(0);
    } finally {
      stripe.outage(null);
      await shoppers.stop();
    }

    // Every request sent before the signal was served whole, those in flight at the signal among
    // them; later ones were served or found the port closed, none was cut.
    const before = shoppers.calls.filter((c) => c.step !== 'pay' && c.startedAt < signalledAt);
    expect(before.filter((c) => !c.ok).map((c) => `${c.step}: ${c.network ?? JSON.stringify(c.errors)}`)).toEqual([]);
    expect(before.filter((c) => c.step === 'checkout' && c.endedAt > signalledAt).length).toBeGreaterThan(0);
    const after = shoppers.calls.filter((c) => c.step !== 'pay' && c.startedAt >= signalledAt && c.status === null);
    expect(after.filter((c) => c.network !== 'ECONNREFUSED').map((c) => `${c.step}: ${c.network}`)).toEqual([]);

    // Written before the signal, still in the outbox when the process ended.
    try {
      expect(await unpublishedOrderEvents()).toBeGreaterThan(0);
    } finally {
      await holder.end();
    }

    // Started again: the held events go out and are consumed; payments made while the process was
    // stopping or down lost their webhooks, and reconciliation repairs their orders.
    const second = await serve();
    try {
      await expect.poll(() => undelivered(sql, redis, prefix), { timeout: 60_000, interval: 500 }).toEqual([]);
      await expect.poll(() => violations(sql, stripe), { timeout: 60_000, interval: 500 }).toEqual([]);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited, second.output()).toBe(0);
    }
  }, 240_000);
});

describe('SIGTERM while payment reconciliation waits on a slow Stripe', () => {
  // Closing a recurring job waits for its run to end (lib/jobs.ts: worker.close()), and a
  // reconciliation run goes through every due order with a Stripe call each (up to 100; 20 s
  // timeout, two retries): a slow Stripe keeps the process past SHUTDOWN_TIMEOUT_MS, which then
  // ends it with exit code 1 in the middle of the run.
  it('exits 0 within SHUTDOWN_TIMEOUT_MS', async () => {
    const running = await serve({ ORDER_RECONCILE_AFTER_MS: '0' });
    const reconciliation = new Queue('order-payment-reconciliation', { connection: redis, prefix: bullPrefix({ REDIS_PREFIX: prefix }) });
    try {
      const variantIds = await createVariants();
      const shopper = graphqlClient(gatewayUrl, await token(`unpaid-${randomBytes(3).toString('hex')}`, ['customer']));
      for (const variantId of [...variantIds, ...variantIds]) {
        const { cart } = await cartApi(shopper).create(undefined, [{ variantId, quantity: 1 }]);
        expect((await orderApi(shopper).checkout({ cartId: cart!.id })).userErrors).toEqual([]);
      }
      // Each due order's payment intent is read from Stripe, which now takes 4 s to answer.
      stripe.outage({ kind: 'slow', delayMs: 4000 });
      await expect.poll(() => reconciliation.getActiveCount(), { timeout: 30_000, interval: 50 }).toBeGreaterThan(0);
      running.child.kill('SIGTERM');
      expect(await running.exited, running.output()).toBe(0);
    } finally {
      stripe.outage(null);
      await reconciliation.close();
    }
  }, 120_000);
});
