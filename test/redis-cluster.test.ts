// Every service on a Redis Cluster of three masters (REDIS_CLUSTER=true, REDIS_URL one of its
// nodes), the cluster started here from redis-server processes of this file's own: a shopper checks
// out and pays while a subscriber follows the order over WebSocket, the outbox events reach the
// other contexts' consumers, the BullMQ jobs run, the keys spread over the masters, the WebSocket
// leases of people on different masters are refreshed, and the start-up check reads every master.
// A client for one server, pointed at a node, is sent elsewhere (MOVED): the cluster is real. At
// the end nothing is left: no key in any master, no redis-server, no temporary directory.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionSlots } from '../gateway/subscriptions/connection-slots.js';
import { eventStream } from '../lib/outbox.js';
import { mastersOf } from '../lib/redis.js';
import { checkRedisSettings } from '../lib/redis-settings.js';
import { SUBGRAPHS } from '../lib/subgraph-names.js';
import { onPath } from '../scripts/local-services.js';
import { cartApi, createVariants, rawCartId, unique } from '../subgraphs/cart/cart-fixtures.js';
import { orderApi, payWith, rawOrderId } from '../subgraphs/order/order-fixtures.js';
import { sqlPool, undelivered } from './fault-load.js';
import { bindable, quietPort, startTestStack, until, type TestStack } from './harness.js';
import { subscriber, type Subscriber } from './subscriber.js';

const run = promisify(execFile);
const MASTERS = 3;

let dir: string | undefined;
const nodes: { port: number; server: ChildProcess; exited: Promise<unknown> }[] = [];
let stack: TestStack | undefined;
let sql: pg.Pool | undefined;
const open: Subscriber[] = [];

const cli = async (port: number, ...args: string[]) => (await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args])).stdout.trim();

/**
 * A port for a node whose cluster bus port (the port + 10000, Redis's rule) is free too, both below
 * the kernel's ephemeral range (harness.ts quietPort), and no other node's.
 */
async function nodePort(taken: number[]): Promise<number> {
  for (;;) {
    const port = await quietPort();
    if (port + 10_000 < 32_768 && !taken.includes(port) && (await bindable(port + 10_000))) return port;
  }
}

async function startCluster(): Promise<number[]> {
  const missing = ['redis-server', 'redis-cli'].filter((command) => !onPath([command]));
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(' and ')} not found on the PATH: this test starts a Redis Cluster from them. ` +
        'Install Redis (Debian or Ubuntu: apt-get install redis-server, which brings redis-cli; macOS: brew install redis).',
    );
  }
  dir = await mkdtemp(path.join(tmpdir(), 'commerce-redis-cluster-'));
  const ports: number[] = [];
  for (let i = 0; i < MASTERS; i++) ports.push(await nodePort(ports));
  for (const port of ports) {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', path.join(dir, `nodes-${port}.conf`), '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
    const server = spawn('redis-server', args, { stdio: 'ignore' });
    nodes.push({ port, server, exited: new Promise((resolve) => server.once('exit', resolve)) });
  }
  const answer = (port: number, ...args: string[]) => cli(port, ...args).catch((err: Error) => err.message);
  await Promise.all(ports.map((port) => until(`redis-server on ${port}`, () => answer(port, 'PING'), (reply) => reply === 'PONG', 10_000)));
  await run('redis-cli', ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '0', '--cluster-yes']);
  const state = (info: string) => /cluster_state:(\w+)/.exec(info)?.[1];
  await Promise.all(ports.map((port) => until(`cluster state on ${port}`, async () => state(await answer(port, 'CLUSTER', 'INFO')), (s) => s === 'ok', 20_000)));
  return ports;
}

async function stopCluster(): Promise<void> {
  for (const node of nodes.splice(0)) {
    node.server.kill('SIGKILL');
    await node.exited;
  }
  if (dir) await rm(dir, { recursive: true, force: true });
}

beforeAll(async () => {
  try {
    const [seed] = await startCluster();
    stack = await startTestStack({
      workers: true,
      env: { REDIS_URL: `redis://127.0.0.1:${seed}`, REDIS_CLUSTER: 'true', OUTBOX_RELAY_MS: '200', ORDER_RECONCILE_MS: '3600000' },
    });
    sql = sqlPool(stack.databaseUrl);
  } catch (err) {
    await stopCluster();
    throw err;
  }
}, 90_000);

afterAll(async () => {
  await Promise.all(open.map((s) => s.dispose()));
  await sql?.end();
  await stack?.close();
  await stopCluster();
}, 60_000);

const prefix = () => stack!.config.REDIS_PREFIX;

/** The keys under the stack's prefix that each master holds, by its port. */
async function keysByMaster(pattern = `${prefix()}*`): Promise<Map<number, string[]>> {
  const found = new Map<number, string[]>();
  for (const master of await mastersOf(stack!.runtime.redis)) {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await master.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    found.set(Number(master.options.port), keys);
  }
  return found;
}

const completedRuns = async (service: 'cart' | 'order', queue: string) => {
  const text = await (await fetch(new URL('/metrics', stack!.subgraphUrls[service]))).text();
  const line = text.split('\n').find((l) => l.startsWith(`recurring_job_runs_total{queue="${queue}",outcome="completed"`));
  return Number(line?.slice(line.lastIndexOf(' ') + 1) ?? 0);
};

describe('on a Redis Cluster', () => {
  it('is a real cluster: a client for one server, pointed at a node, is sent to another for most streams (MOVED)', async () => {
    const single = new Redis(nodes[0]!.port, '127.0.0.1', { maxRetriesPerRequest: 0 });
    try {
      const replies = await Promise.all(SUBGRAPHS.map((context) => single.xlen(eventStream(prefix(), context)).then(String, (err: Error) => err.message)));
      expect(replies.filter((reply) => reply.startsWith('MOVED')).length).toBeGreaterThan(0);
    } finally {
      single.disconnect();
    }
    expect((await mastersOf(stack!.runtime.redis)).map((m) => Number(m.options.port)).sort()).toEqual(nodes.map((n) => n.port).sort());
  });

  it('takes an order through checkout and payment, a subscriber sees it PAID, and every event reaches its consumers', async () => {
    const personId = unique('cluster-shopper');
    const { variantIds } = await createVariants(stack!, [{ price: 2500, onHand: 10 }]);
    const customer = await stack!.as(personId, 'customer');
    const { cart } = await cartApi(customer).create(undefined, [{ variantId: variantIds[0]!, quantity: 2 }]);
    const placed = await orderApi(customer).checkout({ cartId: cart!.id });
    expect(placed.userErrors).toEqual([]);
    const order = placed.order!;

    const screen = subscriber(stack!.gatewayUrl, await stack!.token(personId, ['customer']));
    open.push(screen);
    const follower = screen.subscribe('subscription($id: ID!) { orderStatusChanged(orderId: $id) { status previousStatus snapshot order { number } } }', { id: order.id });
    expect((await follower.waitFor(1))[0].orderStatusChanged).toMatchObject({ status: 'PENDING_PAYMENT', snapshot: true });

    expect((await payWith(stack!, placed.paymentClientSecret!)).body.status).toBe('succeeded');
    const [, paid] = await follower.waitFor(2, 20_000);
    expect(paid.orderStatusChanged).toEqual({ status: 'PAID', previousStatus: 'PENDING_PAYMENT', snapshot: false, order: { number: order.number } });

    // The catalog and the cart follow the order's events from its stream, on another master than theirs.
    const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });
    await poll(async () => (await sql!.query('SELECT status FROM catalog.inventory_reservation WHERE owner_id = $1', [rawOrderId(order.id)])).rows[0]?.status).toBe('COMMITTED');
    await poll(async () => (await sql!.query('SELECT status FROM cart.cart WHERE id = $1', [rawCartId(cart!.id)])).rows[0]?.status).toBe('CHECKED_OUT');
    // Every outbox event published and still on its stream, every consumer group caught up.
    await poll(() => undelivered(sql!, stack!.runtime.redis, prefix())).toEqual([]);
    // The periodic outbox relays are BullMQ recurring jobs: they run on the cluster too.
    await poll(() => completedRuns('cart', 'cart-outbox-relay')).toBeGreaterThan(0);
    await poll(() => completedRuns('order', 'order-outbox-relay')).toBeGreaterThan(0);
  });

  it('spreads the streams and the queues over the masters', async () => {
    const byMaster = await keysByMaster();
    const holding = [...byMaster.values()].filter((keys) => keys.length > 0);
    expect(holding).toHaveLength(MASTERS);
    const streams = SUBGRAPHS.map((context) => eventStream(prefix(), context));
    const mastersOfStreams = [...byMaster.values()].filter((keys) => streams.some((stream) => keys.includes(stream)));
    expect(mastersOfStreams.length).toBeGreaterThan(1);
  });

  it('refreshes the WebSocket leases of people whose connections are counted on different masters', async () => {
    const slots = connectionSlots(stack!.runtime.redis, prefix(), 3);
    const people = Array.from({ length: 20 }, (_, i) => ({ personId: unique(`lease-${i}`), connectionId: unique('connection') }));
    for (const { personId, connectionId } of people) expect(await slots.acquire(personId, connectionId)).toBe('taken');
    const setsByMaster = [...(await keysByMaster(`${prefix()}:ws:connections:*`)).values()];
    expect(setsByMaster.filter((keys) => keys.length > 0).length).toBeGreaterThan(1);
    const key = (personId: string) => `${prefix()}:ws:connections:${personId}`;
    const lapses = () => Promise.all(people.map(({ personId, connectionId }) => stack!.runtime.redis.zscore(key(personId), connectionId).then(Number)));
    const before = await lapses();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await slots.refresh(people);
    const after = await lapses();
    after.forEach((lapse, i) => expect(lapse, people[i]!.personId).toBeGreaterThan(before[i]!));
    await Promise.all(people.map(({ personId, connectionId }) => slots.release(personId, connectionId)));
  });

  it("checks every master's settings at start-up, naming each", async () => {
    const lines: { msg: string }[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    // The nodes run without persistence (--save "" --appendonly no): in production each is told.
    await checkRedisSettings(stack!.runtime.redis, { production: true, log });
    const warned = lines.filter((l) => l.msg.includes('persistence is off')).map((l) => l.msg);
    expect(warned.map((msg) => Number(/^Cluster master 127\.0\.0\.1:(\d+): /.exec(msg)?.[1])).sort()).toEqual(nodes.map((n) => n.port).sort());
  });

  it('leaves no key behind in any master once the stack is closed', async () => {
    await Promise.all(open.splice(0).map((s) => s.dispose()));
    const closing = stack!;
    stack = undefined;
    await closing.close();
    expect(await Promise.all(nodes.map((node) => cli(node.port, 'DBSIZE')))).toEqual(nodes.map(() => '0'));
  });
});
