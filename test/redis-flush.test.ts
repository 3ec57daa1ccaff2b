// Redis coming back empty (a restart without persistence, a failover to a replica that lacked the
// latest writes, a flush), under light load, with no restart of the services: the job schedulers
// (the outbox relays among them) are scheduled again, the consumer groups created again and the
// events Redis lost published again, so every event is consumed, those recorded before the loss
// too. Shoppers create carts all along, each with a partner's code; each CartCreated (the cart
// context's outbox) is consumed by the promotion context's promotion-affiliate-carts (its
// processed_event; a cart without a code it acknowledges without recording). Only this file's
// keys are deleted: other test files share the Redis server.
import { Queue } from 'bullmq';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventStream, readStream } from '../lib/outbox.js';
import { bullPrefix } from '../lib/runtime.js';
import { cartApi } from '../subgraphs/cart/cart-fixtures.js';
import { startTestStack, type TestStack } from './harness.js';

let stack: TestStack;
let sql: pg.Pool;
const CONSUMER = 'promotion-affiliate-carts';

beforeAll(async () => {
  stack = await startTestStack({ subgraphs: ['catalog', 'cart', 'promotion'], workers: true, env: { OUTBOX_RELAY_MS: '100' } });
  sql = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
});
afterAll(async () => {
  await sql?.end();
  await stack?.close();
});

/** Ids of the CartCreated events the cart context recorded after `since` (all of them without it). */
const cartsCreated = async (since = new Date(0)) =>
  (await sql.query<{ id: string }>(`SELECT id::text FROM cart.outbox_event WHERE type = 'CartCreated' AND occurred_at > $1 ORDER BY id`, [since])).rows.map((r) => r.id);
const consumed = async () =>
  new Set((await sql.query<{ event_id: string }>('SELECT event_id::text FROM promotion.processed_event WHERE consumer = $1', [CONSUMER])).rows.map((r) => r.event_id));
const unconsumed = async () => {
  const done = await consumed();
  return (await cartsCreated()).filter((id) => !done.has(id));
};

/**
 * What FLUSHALL does, to this file's keys only: they are gone at one instant (one DEL of them all),
 * so that no relay batch lands between the stream and the key saying what it last relayed there.
 */
async function flushOwnKeys(): Promise<void> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await stack.runtime.redis.scan(cursor, 'MATCH', `${stack.config.REDIS_PREFIX}*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...found);
  } while (cursor !== '0');
  await stack.runtime.redis.del(...keys);
}

/** The queues of the job schedulers this stack's workers keep in Redis. */
async function schedulerQueues(): Promise<string[]> {
  const prefix = `${bullPrefix(stack.config)}:`;
  const queues = new Set<string>();
  let cursor = '0';
  do {
    const [next, keys] = await stack.runtime.redis.scan(cursor, 'MATCH', `${prefix}*:repeat`, 'COUNT', 500);
    cursor = next;
    for (const key of keys) queues.add(key.slice(prefix.length, -':repeat'.length));
  } while (cursor !== '0');
  return [...queues].sort();
}

/** Completed runs of a recurring job, from its service's /metrics. */
async function completedRuns(service: 'cart', queue: string): Promise<number> {
  const text = await (await fetch(new URL('/metrics', stack.subgraphUrls[service]))).text();
  const line = text.split('\n').find((l) => l.startsWith(`recurring_job_runs_total{queue="${queue}",outcome="completed"`));
  return Number(line?.slice(line.lastIndexOf(' ') + 1) ?? 0);
}

describe('Redis that comes back empty', () => {
  it('is refilled by the running services: schedulers and consumer groups come back and every event is consumed', { timeout: 180_000 }, async () => {
    let loading = true;
    const failures: unknown[] = [];
    // A shopper has one open cart: each cart is a new shopper's, with a code (no partner has it: nothing is linked, the event is recorded).
    const load = (async () => {
      for (let shopper = 1; loading; shopper++) {
        await cartApi(await stack.as(`shopper-${shopper}`, 'customer'))
          .create('FLUSH-PARTNER')
          .catch((err: unknown) => failures.push(err));
      }
    })();
    try {
      // Running as usual: carts are created and their events consumed.
      await expect.poll(async () => (await consumed()).size, { timeout: 30_000, interval: 100 }).toBeGreaterThanOrEqual(5);
      const queues = await schedulerQueues();
      expect(queues).toEqual(expect.arrayContaining(['cart-outbox-relay', 'catalog-outbox-relay', 'promotion-outbox-relay']));

      await flushOwnKeys();
      const lostAt = new Date();
      const runsAtLoss = await completedRuns('cart', 'cart-outbox-relay');

      // Every job scheduler is back, and the cart's periodic relay runs again.
      await expect.poll(schedulerQueues, { timeout: 30_000, interval: 250 }).toEqual(queues);
      for (const name of queues) {
        const queue = new Queue(name, { connection: stack.runtime.redis, prefix: bullPrefix(stack.config) });
        await expect.poll(() => queue.getJobScheduler(name), { timeout: 30_000, interval: 250 }).toMatchObject({ every: expect.any(Number) });
        await queue.close();
      }
      await expect.poll(() => completedRuns('cart', 'cart-outbox-relay'), { timeout: 30_000, interval: 250 }).toBeGreaterThan(runsAtLoss);

      // Carts keep coming; their events are consumed through the group created again.
      await expect.poll(async () => (await cartsCreated(lostAt)).length, { timeout: 30_000, interval: 100 }).toBeGreaterThanOrEqual(10);
      loading = false;
      await load;
      // Nothing lost: every CartCreated the cart context recorded, before the loss or after, was consumed.
      await expect.poll(unconsumed, { timeout: 30_000, interval: 100 }).toEqual([]);
      expect((await sql.query('SELECT 1 FROM cart.outbox_event WHERE published_at IS NULL')).rowCount).toBe(0);
      // The relay published again what Redis lost: the stream, new since the loss, holds the events recorded before it too.
      const cartStream = eventStream(stack.config.REDIS_PREFIX, 'cart');
      const onStream = new Set((await readStream(stack.runtime.redis, cartStream, 100_000)).map((e) => e.id));
      expect((await cartsCreated()).filter((id) => !onStream.has(id))).toEqual([]);
      // The consumer's group is there again (its name is the consumer's: processed_event applied each event once).
      const groups = (await stack.runtime.redis.xinfo('GROUPS', cartStream)) as unknown[][];
      expect(groups.map((g) => g[g.indexOf('name') + 1])).toEqual([CONSUMER]);
      expect(failures).toEqual([]);
    } finally {
      loading = false;
      await load;
    }
  });
});
