// Redis restarting under load (issue 12), with persistence as production runs it (append-only
// file): a redis-server of this file's own (the shared one serves other files) is shut down
// (SHUTDOWN writes the append-only file) while shoppers check out and pay, and started again on
// the same port and directory a few seconds later. Requests meanwhile fail cleanly or wait for it;
// every outbox event is published (none lost) and consumed; the BullMQ job schedulers run again;
// and a subscriber following an order over graphql-ws gets its final status (its socket stays
// open: the gateway's stream reader reconnects and reads on from the last entry it saw, which the
// append-only file kept). And while Redis stays down, a request that needs it is answered, not held
// until Redis is back, and a new WebSocket connection is told to try again later (close 1013).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPromotion, createVariants, cartApi, unique } from '../subgraphs/cart/cart-fixtures.js';
import { orderApi, payWith } from '../subgraphs/order/order-fixtures.js';
import { expectSettled, startShoppers, sqlPool } from './fault-load.js';
import { SUBGRAPHS, type SubgraphName } from '../lib/subgraph-names.js';
import { quietPort, startTestStack, type TestStack } from './harness.js';
import { subscriber, type Subscriber } from './subscriber.js';

let stack: TestStack;
let sql: pg.Pool;
let dir: string;
let port: number;
let redis: ChildProcess | null = null;
const open: Subscriber[] = [];

/** A client that gives up at once, for poking the server itself. */
const poke = async <T>(command: string): Promise<T | Error> => {
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.call(command)) as T;
  } catch (err) {
    return err as Error;
  } finally {
    client.disconnect();
  }
};

async function startRedis(): Promise<void> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--appendonly', 'yes', '--dir', dir, '--save', '', '--daemonize', 'no'], { stdio: 'ignore' });
  redis = child;
  child.once('exit', () => {
    if (redis === child) redis = null;
  });
  for (let waited = 0; (await poke('PING')) !== 'PONG'; waited += 100) {
    if (waited > 10_000 || !redis) throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function shutdownRedis(): Promise<void> {
  const child = redis;
  const exited = new Promise((resolve) => child?.once('exit', resolve));
  await poke('SHUTDOWN');
  await exited;
}

/** Completed runs of a recurring job, from its service's /metrics. */
async function completedRuns(service: 'order' | 'cart', queue: string): Promise<number> {
  const text = await (await fetch(new URL('/metrics', stack.subgraphUrls[service]))).text();
  const line = text.split('\n').find((l) => l.startsWith(`recurring_job_runs_total{queue="${queue}",outcome="completed"`));
  return Number(line?.slice(line.lastIndexOf(' ') + 1) ?? 0);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'commerce-redis-restart-'));
  port = await quietPort();
  await startRedis();
  stack = await startTestStack({
    workers: true,
    env: {
      REDIS_URL: `redis://127.0.0.1:${port}`,
      OUTBOX_RELAY_MS: '200',
      ORDER_CHECKOUT_RECOVERY_MS: '500',
      ORDER_RECONCILE_MS: '1000',
      ORDER_RECONCILE_AFTER_MS: '3000',
      CHECKOUT_ATTEMPTS_PER_MINUTE_PER_PERSON: '10000',
      CHECKOUT_ATTEMPTS_PER_MINUTE_PER_CLIENT: '10000',
      // Small pools, so that the fault files under load at once stay under the server's max_connections.
      DATABASE_POOL_SIZE: '4',
    },
  });
  sql = sqlPool(stack.databaseUrl);
}, 60_000);

afterAll(async () => {
  await Promise.all(open.map((s) => s.dispose()));
  await sql?.end();
  // The stack's close talks to Redis (its workers, its keys): it must be up, whatever a test left.
  if (stack && !redis) await startRedis();
  // One service at a time, each on its own clock, so that one that does not finish closing is
  // named (the full suite found the catalog's import worker so: its close is bounded now) instead
  // of holding the file until the hook times out.
  const within = (ms: number, work: Promise<unknown>) => Promise.race([work.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), ms).unref())]);
  for (const name of ['gateway', ...SUBGRAPHS] as const) {
    if (stack && !(await within(20_000, stack.stop(name as SubgraphName)))) console.error(`faults-redis-restart: ${name} did not finish closing within 20 s`);
  }
  if (stack && !(await within(20_000, stack.close()))) console.error('faults-redis-restart: the stack did not finish closing within 20 s');
  redis?.kill('SIGKILL');
  if (dir) await rm(dir, { recursive: true, force: true });
}, 120_000);

describe('Redis restarting under load', () => {
  it('loses no event, resumes jobs and consumers, and a subscriber still gets the final status', async () => {
    const { variantIds } = await createVariants(stack, [{ price: 2500, onHand: 10_000 }, { price: 1200, onHand: 10_000 }]);
    const code = unique('REDIS').toUpperCase().replaceAll('-', '');
    await createPromotion(stack, { name: 'Redis ten', code, discountType: 'PERCENTAGE', percentOff: 10 });

    // A tracking screen follows an order that waits for its payment.
    const tracker = unique('tracker');
    const customer = await stack.as(tracker, 'customer');
    const { cart } = await cartApi(customer).create(undefined, [{ variantId: variantIds[0]!, quantity: 1 }]);
    const placed = await orderApi(customer).checkout({ cartId: cart!.id });
    const screen = subscriber(stack.gatewayUrl, await stack.token(tracker, ['customer']));
    open.push(screen);
    const follower = screen.subscribe('subscription($id: ID!) { orderStatusChanged(orderId: $id) { status snapshot } }', { id: placed.order!.id });
    expect((await follower.waitFor(1))[0]).toEqual({ orderStatusChanged: { status: 'PENDING_PAYMENT', snapshot: true } });

    const shoppers = startShoppers({ gatewayUrl: stack.gatewayUrl, stripe: stack.stripe!, token: (p) => stack.token(p, ['customer']), variantIds, code });
    let down = 0;
    let back = 0;
    try {
      await expect.poll(() => shoppers.paid(), { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(3);
      const runsBefore = await completedRuns('order', 'order-payment-reconciliation');

      await shutdownRedis();
      down = Date.now();
      // Paid while Redis is away: the order becomes PAID in Postgres; its event waits in the outbox.
      expect((await payWith(stack, placed.paymentClientSecret!)).body.status).toBe('succeeded');
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await startRedis();
      back = Date.now();

      await expect.poll(() => shoppers.paid(back), { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(3);
      // The job schedulers survived in the append-only file and their workers run them again.
      await expect.poll(() => completedRuns('order', 'order-payment-reconciliation'), { timeout: 30_000, interval: 250 }).toBeGreaterThan(runsBefore + 1);
    } finally {
      if (!redis) await startRedis();
      await shoppers.stop();
    }

    // The screen was not cut off: the change reaches it once the event is relayed and read.
    const [, paid] = await follower.waitFor(2, 30_000);
    expect(paid).toEqual({ orderStatusChanged: { status: 'PAID', snapshot: false } });

    // Requests that met the outage either waited for Redis and succeeded (those counted in Redis:
    // applying a code, checking out), or failed cleanly.
    const met = shoppers.calls.filter((c) => c.step !== 'pay' && c.endedAt >= down && c.startedAt <= back);
    expect(met.length).toBeGreaterThan(0);
    await expectSettled(stack, sql, shoppers.calls);
  }, 240_000);
});

describe('a request that needs Redis while Redis stays down', () => {
  // The shared connection queues commands while Redis is away and never gives up on them
  // (maxRetriesPerRequest: null, as BullMQ needs); what a request asks of Redis (rate limits,
  // persisted queries) must not wait on it (lib/rate-limit.ts counts in memory meanwhile).
  it('is answered with a clean error while Redis is down, not held until it is back', async () => {
    const { variantIds } = await createVariants(stack, [{ price: 1800, onHand: 10 }]);
    const shopper = await stack.as(unique('patient'), 'customer');
    const { cart } = await cartApi(shopper).create(undefined, [{ variantId: variantIds[0]!, quantity: 1 }]);
    await shutdownRedis();
    try {
      const checkout = orderApi(shopper).checkout({ cartId: cart!.id }).then(
        (payload) => ({ answered: 'data', userErrors: payload.userErrors.map((e) => e.code) }),
        (err: Error) => ({ answered: 'error', clean: !/stacktrace|ECONN|\n\s+at /.test(err.message) }),
      );
      const outcome = await Promise.race([checkout, new Promise((resolve) => setTimeout(() => resolve('still waiting after 15 s'), 15_000))]);
      expect(outcome).toMatchObject({ answered: expect.any(String) });
      expect(outcome).not.toMatchObject({ clean: false });
      // A tracking screen connecting now is told to come back later (graphql-ws clients retry that), not held.
      const late = subscriber(stack.gatewayUrl, await stack.token(unique('late-screen'), ['customer']));
      const closed = await Promise.race([late.closed, new Promise((resolve) => setTimeout(() => resolve('still open after 5 s'), 5000))]);
      expect(closed).toEqual({ code: 1013, reason: expect.stringContaining('try again shortly') });
      // An admin's promotion write is not held on the summary carts read from Redis (subgraphs/promotion/automatic-summary.ts).
      const created = createPromotion(stack, { name: unique('While Redis is down'), automatic: true, discountType: 'FREE_SHIPPING' }).then(() => 'created');
      expect(await Promise.race([created, new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5000))])).toBe('created');
    } finally {
      await startRedis();
    }
  }, 60_000);
});
