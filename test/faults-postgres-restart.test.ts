// PostgreSQL restarting under load (issue 12), for this file's database only (the server is
// shared): connections are refused and every open one is cut (ALLOW_CONNECTIONS false and
// pg_terminate_backend, what clients see while a server restarts), for a few seconds, then
// allowed again. Requests fail cleanly meanwhile and succeed after; checkouts cut half-way
// (some are made to wait on a slow Stripe when the cut comes) are finished or compensated by the
// recovery job, so every checkout ends as a whole PENDING_PAYMENT or PAID order or with nothing
// held; every outbox event is still published and consumed. And a transaction cut that way gives
// its pool connection back (it does not today: see that test).
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgAdapter } from '../lib/db.js';
import { SUBGRAPHS } from '../lib/subgraph-names.js';
import { createPromotion, createVariants, unique } from '../subgraphs/cart/cart-fixtures.js';
import { PrismaClient } from '../subgraphs/order/prisma-client/client.js';
import { ADMIN_URL } from './db-template.js';
import { expectSettled, startShoppers, sqlPool } from './fault-load.js';
import { startTestStack, type TestStack } from './harness.js';

let stack: TestStack;
let sql: pg.Pool;
let dbName: string;

const admin = async <T extends pg.QueryResultRow = pg.QueryResultRow>(query: string, values: unknown[] = []) => {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await client.query<T>(query, values);
  } finally {
    await client.end();
  }
};
const allowConnections = (allow: boolean) => admin(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS ${allow}`);
const cutConnections = () => admin('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [dbName]);

beforeAll(async () => {
  stack = await startTestStack({
    workers: true,
    env: {
      OUTBOX_RELAY_MS: '200',
      ORDER_CHECKOUT_LEASE_MS: '1000',
      ORDER_CHECKOUT_RECOVERY_MS: '500',
      // A payment's webhook that came while the database was away is lost (the local Stripe gives up
      // within seconds): reconciliation, soon after, is what repairs its order.
      ORDER_RECONCILE_MS: '1000',
      ORDER_RECONCILE_AFTER_MS: '3000',
      CHECKOUT_ATTEMPTS_PER_MINUTE_PER_PERSON: '10000',
      CHECKOUT_ATTEMPTS_PER_MINUTE_PER_CLIENT: '10000',
      // Small pools, so that these files under load at once stay under the server's max_connections;
      // not too small here, as each transaction the cut catches keeps its connection (the last test).
      DATABASE_POOL_SIZE: '6',
    },
  });
  dbName = new URL(stack.databaseUrl).pathname.slice(1);
  sql = sqlPool(stack.databaseUrl);
}, 60_000);
afterAll(async () => {
  if (dbName) await allowConnections(true);
  await sql?.end();
  // A subgraph whose pool lost a connection to a cut transaction never finishes closing (its
  // pool waits for that connection: the last test). Each is given a while; the rest close anyway.
  for (const name of SUBGRAPHS) await Promise.race([stack?.stop(name), sleep(15_000, undefined, { ref: false })]);
  await stack?.close();
}, 120_000);

describe('PostgreSQL restarting under load', () => {
  it('fails requests cleanly while it is away, then serves them again, and leaves no checkout half-done', async () => {
    const { variantIds } = await createVariants(stack, [{ price: 2500, onHand: 10_000 }, { price: 1200, onHand: 10_000 }]);
    const code = unique('PG').toUpperCase().replaceAll('-', '');
    await createPromotion(stack, { name: 'Restart ten', code, discountType: 'PERCENTAGE', percentOff: 10 });
    const shoppers = startShoppers({ gatewayUrl: stack.gatewayUrl, stripe: stack.stripe!, token: (p) => stack.token(p, ['customer']), variantIds, code });
    let cut: string[] = [];
    try {
      await expect.poll(() => shoppers.paid(), { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(3);

      // Checkouts wait on a slow Stripe with their order created: the cut comes in the middle of their saga.
      stack.stripe!.outage({ kind: 'slow', delayMs: 1500 });
      // (The saga stores no step between the quote and its end: a running checkout with its order is one there.)
      const midSaga = async () =>
        (await sql.query<{ id: string }>(`SELECT c.id::text FROM "order".checkout c JOIN "order"."order" o ON o.id = c.id WHERE c.state = 'RUNNING'`)).rows.map((r) => r.id);
      await expect.poll(midSaga, { timeout: 30_000, interval: 50 }).not.toEqual([]);
      cut = await midSaga();
      await allowConnections(false);
      await cutConnections();
      const down = Date.now();
      stack.stripe!.outage(null);
      await expect.poll(() => shoppers.failed(down).length, { timeout: 30_000, interval: 100 }).toBeGreaterThanOrEqual(3);
      // Held a few seconds in all: the shoppers keep trying, and whatever reconnects is cut again.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await cutConnections();
      await allowConnections(true);
      const back = Date.now();

      await expect.poll(() => shoppers.paid(back), { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(3);
    } finally {
      stack.stripe!.outage(null);
      await allowConnections(true);
      await shoppers.stop();
    }

    // The checkouts cut half-way were compensated (or finished) by the recovery job, holding nothing or a whole order.
    const states = async () => (await sql.query<{ state: string }>(`SELECT state::text FROM "order".checkout WHERE id = ANY($1::uuid[])`, [cut])).rows.map((r) => r.state);
    await expect.poll(async () => (await states()).filter((s) => s !== 'FAILED' && s !== 'COMPLETED'), { timeout: 30_000, interval: 500 }).toEqual([]);
    expect(await states()).toHaveLength(cut.length);
    // Failures were clean answers (the gateway itself never went away), and nothing is half-done.
    await expectSettled(stack, sql, shoppers.calls);
  }, 240_000);
});

describe('a transaction cut by the restart', () => {
  // Prisma (client runtime 6.19) closes a failed interactive transaction by sending ROLLBACK and
  // only then releasing its connection; on a connection the server cut, ROLLBACK throws and the
  // connection is never released: the pool shrinks by one for good, $disconnect() waits forever, and
  // once every connection of a pool went that way each query of its context waits forever.
  it('gives its pool connection back, so that every restart does not shrink the pool', async () => {
    const db = new PrismaClient({ adapter: pgAdapter(stack.databaseUrl, 'order', 2) });
    const sleep30 = 'SELECT pg_sleep(30)';
    try {
      const cut = [1, 2].map(() => db.$transaction((tx) => tx.$queryRawUnsafe(sleep30), { timeout: 60_000 }).catch((err: Error) => err));
      const sleeping = async () => (await admin('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND query = $2', [dbName, sleep30])).rows.length;
      await expect.poll(sleeping, { timeout: 10_000 }).toBe(2);
      await admin('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query = $2', [dbName, sleep30]);
      for (const err of await Promise.all(cut)) expect(String(err)).toMatch(/terminating connection/);
      // Both connections are gone; a pool that got them back opens new ones. One that did not
      // waits forever (no connection timeout, and Prisma's maxWait only applies once one is given).
      const next = db.$transaction((tx) => tx.$queryRawUnsafe('SELECT 1 AS ok'));
      expect(await Promise.race([next, sleep(10_000).then(() => 'no connection in 10 s: the pool still counts both cut connections as in use')])).toEqual([{ ok: 1 }]);
    } finally {
      // Not awaited: it never resolves while a connection stays checked out.
      void db.$disconnect();
    }
  });
});

describe('a connection cut while handed out between queries', () => {
  // pg-pool listens for a connection's errors only while it is idle, and a query in flight takes
  // its own: the server's cut reaching a connection handed out between two queries was an uncaught
  // exception (the one that took the whole process down in a CI run of the test above).
  it('is dropped by the pool on its next use, not thrown out of the process', async () => {
    const adapter = await pgAdapter(stack.databaseUrl, 'order', 2).connect();
    const pool = adapter.underlyingDriver() as pg.Pool;
    const uncaught: unknown[] = [];
    const record = (err: unknown) => uncaught.push(err);
    process.prependListener('uncaughtException', record);
    try {
      const conn = await pool.connect();
      const { rows } = await conn.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const closed = new Promise((resolve) => conn.once('end', resolve));
      await admin('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      await Promise.race([closed, sleep(5000)]); // the cut reached it while no query was in flight
      await expect(conn.query('SELECT 1')).rejects.toThrow();
      conn.release();
      const again = await adapter.queryRaw({ sql: 'SELECT 1 AS ok', args: [], argTypes: [] });
      expect(again.rows).toEqual([[1]]);
      expect(uncaught).toEqual([]);
    } finally {
      process.removeListener('uncaughtException', record);
      await adapter.dispose();
    }
  });
});
