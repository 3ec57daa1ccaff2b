// Live order tracking through the gateway (graphql-ws on /graphql): who may follow what, the
// limits, events only after commit, fan-out to several gateways, nothing left behind by closed
// sockets, and a reconnecting subscriber that never misses the final status.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../gateway/server.js';
import { eventStream, readStream } from '../lib/outbox.js';
import type { RunningService } from '../lib/runtime.js';
import { cartApi, createVariants, unique } from '../subgraphs/cart/cart-fixtures.js';
import { orderApi, payWith, rawOrderId, sqlIn } from '../subgraphs/order/order-fixtures.js';
import { startTestStack, type TestStack } from './harness.js';
import { subscriber, type Subscriber } from './subscriber.js';
import WebSocket from 'ws';

let stack: TestStack;
let sql: pg.Pool;
const open: Subscriber[] = [];

beforeAll(async () => {
  stack = await startTestStack({ workers: true, env: { OUTBOX_RELAY_MS: '5000', ORDER_RECONCILE_MS: '3600000', WS_MAX_CONNECTIONS_PER_PERSON: '3', WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: '2' } });
  sql = sqlIn(stack, 'order');
}, 60_000);

afterAll(async () => {
  await Promise.all(open.map((s) => s.dispose()));
  await sql?.end();
  await stack?.close();
});

const connect = (token: string | null, url = stack.gatewayUrl) => {
  const s = subscriber(url, token);
  open.push(s);
  return s;
};

const FOLLOW = `subscription($id: ID!) {
  orderStatusChanged(orderId: $id) {
    status previousStatus snapshot occurredAt
    order { number state: status lines { quantity variant { product { name } } } }
  }
}`;

/** A customer with an order waiting for its payment. */
async function placedOrder() {
  const personId = unique('tracker');
  const token = await stack.token(personId, ['customer']);
  const { variantIds } = await createVariants(stack, [{ price: 2500, onHand: 10 }]);
  const customer = await stack.as(personId, 'customer');
  const { cart } = await cartApi(customer).create(undefined, [{ variantId: variantIds[0]!, quantity: 2 }]);
  const placed = await orderApi(customer).checkout({ cartId: cart!.id });
  return { personId, token, order: placed.order!, clientSecret: placed.paymentClientSecret! };
}

const metric = async (url: string, name: string) => {
  const text = await (await fetch(new URL('/metrics', url))).text();
  return Number(text.split('\n').find((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`))?.split(' ').at(-1));
};

describe('following an order', () => {
  it('starts with its status, then streams each change with the fields asked for, from several subgraphs', async () => {
    const { token, order, clientSecret } = await placedOrder();
    const follower = connect(token).subscribe(FOLLOW, { id: order.id });
    const [snapshot] = await follower.waitFor(1);
    expect(snapshot.orderStatusChanged).toMatchObject({ status: 'PENDING_PAYMENT', previousStatus: null, snapshot: true, order: { number: order.number, state: 'PENDING_PAYMENT' } });
    await payWith(stack, clientSecret);
    const [, paid] = await follower.waitFor(2);
    expect(paid.orderStatusChanged).toMatchObject({ status: 'PAID', previousStatus: 'PENDING_PAYMENT', snapshot: false, order: { state: 'PAID' } });
    expect(paid.orderStatusChanged.order.lines).toEqual([{ quantity: 2, variant: { product: { name: expect.stringMatching(/^Product cart-product-/) } } }]);
    expect(Date.parse(paid.orderStatusChanged.occurredAt)).toBeGreaterThan(Date.parse(snapshot.orderStatusChanged.occurredAt));
  });

  it('is for its owner, support and admin; another customer learns nothing', async () => {
    const { order } = await placedOrder();
    const stranger = connect(await stack.token(unique('stranger'), ['customer'])).subscribe(FOLLOW, { id: order.id });
    await stranger.waitFor(1);
    expect(stranger.messages).toEqual([]);
    expect(stranger.errors?.[0]).toMatchObject({ message: 'No order you may follow has this id', extensions: { code: 'NOT_FOUND' } });
    for (const role of ['support', 'admin'] as const) {
      const staff = connect(await stack.token(unique(role), [role])).subscribe(FOLLOW, { id: order.id });
      expect((await staff.waitFor(1))[0].orderStatusChanged.status).toBe('PENDING_PAYMENT');
      staff.unsubscribe();
    }
    const wrongId = connect(await stack.token(unique('typo'), ['customer'])).subscribe(FOLLOW, { id: 'not-an-id' });
    await wrongId.waitFor(1);
    expect(wrongId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('myOrderUpdates streams every order of the caller and nobody else\'s', async () => {
    const mine = await placedOrder();
    const theirs = await placedOrder();
    const updates = connect(mine.token).subscribe('subscription { myOrderUpdates { status order { number } } }');
    // The subscription is registered once its connection answers; a snapshot-less stream has nothing to wait for, so give it a beat.
    await expect.poll(() => metric(stack.gatewayUrl, 'graphql_subscriptions'), { timeout: 5000 }).toBeGreaterThan(0);
    await payWith(stack, theirs.clientSecret);
    await payWith(stack, mine.clientSecret);
    const [paid] = await updates.waitFor(1);
    expect(paid.myOrderUpdates).toEqual({ status: 'PAID', order: { number: mine.order.number } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(updates.messages).toHaveLength(1);
  });
});

describe('connections', () => {
  it('need a valid token and close when it expires', async () => {
    expect(await connect(null).closed).toMatchObject({ code: 4401, reason: expect.stringMatching(/^Sign in first/) });
    expect(await connect('not.a.token').closed).toMatchObject({ code: 4401, reason: 'Token is malformed' });
    const expired = await stack.token('late', ['customer'], { expiresAt: Math.floor(Date.now() / 1000) - 10 });
    expect(await connect(expired).closed).toMatchObject({ code: 4401, reason: 'Token expired' });
    const shortLived = connect(await stack.token('brief', ['customer'], { ttlSeconds: 2 }));
    const started = Date.now();
    expect(await shortLived.closed).toEqual({ code: 4401, reason: 'Token expired' });
    expect(Date.now() - started).toBeGreaterThan(1000);
  });

  it('apply the HTTP limits to subscription documents, refuse other operations and cap subscriptions and connections', async () => {
    const { personId, token, order } = await placedOrder();
    const conn = connect(token);
    const aliases = Array.from({ length: 25 }, (_, i) => `a${i}: status`).join(' ');
    const tooMany = conn.subscribe(`subscription($id: ID!) { orderStatusChanged(orderId: $id) { ${aliases} } }`, { id: order.id });
    await tooMany.waitFor(1);
    expect(tooMany.errors?.[0]?.message).toMatch(/aliases/i);
    const costly = conn.subscribe(
      'subscription($id: ID!, $n: Int) { orderStatusChanged(orderId: $id) { order { lines { variant { product { categories { products(first: $n) { edges { node { variants { id } } } } } } } } } } }',
      { id: order.id, n: 250 },
    );
    await costly.waitFor(1);
    expect(costly.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    const query = conn.subscribe('query { __typename }');
    await query.waitFor(1);
    expect(query.errors?.[0]?.message).toMatch(/Only subscriptions go over WebSocket/);
    const first = conn.subscribe(FOLLOW, { id: order.id });
    const second = conn.subscribe(FOLLOW, { id: order.id });
    await Promise.all([first.waitFor(1), second.waitFor(1)]);
    const third = conn.subscribe(FOLLOW, { id: order.id });
    await third.waitFor(1);
    expect(third.errors?.[0]).toMatchObject({ message: 'Too many subscriptions on this connection: at most 2', extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } });
    // This person holds one connection; the cap is 3 over every gateway.
    const more = [connect(await stack.token(personId, ['customer'])), connect(await stack.token(personId, ['customer']))];
    await Promise.all(more.map((s) => s.subscribe(FOLLOW, { id: order.id }).waitFor(1)));
    const refused = connect(await stack.token(personId, ['customer']));
    expect(await refused.closed).toEqual({ code: 4403, reason: 'Too many open connections: at most 3 per person' });
    await Promise.all([conn, ...more].map((s) => s.dispose()));
    const again = connect(await stack.token(personId, ['customer']));
    expect((await again.subscribe(FOLLOW, { id: order.id }).waitFor(1))[0].orderStatusChanged.snapshot).toBe(true);
    await again.dispose();
  });
});

describe('connections that go at once', () => {
  it('hold no slot: a client that closes while its token is being checked does not lock its person out', async () => {
    const personId = unique('flaky');
    const token = await stack.token(personId, ['customer']);
    const url = stack.gatewayUrl.replace(/^http/, 'ws');
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const socket = new WebSocket(url, 'graphql-transport-ws');
        await new Promise((resolve) => socket.once('open', resolve));
        socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
        socket.terminate();
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await stack.runtime.redis.zcard(`${stack.config.REDIS_PREFIX}:ws:connections:${personId}`)).toBe(0);
    // A real connection of that person is let in, counted, and let go.
    const slots = () => stack.runtime.redis.zcard(`${stack.config.REDIS_PREFIX}:ws:connections:${personId}`);
    const after = connect(token);
    await expect.poll(slots).toBe(1);
    await after.dispose();
    await expect.poll(slots).toBe(0);
  });
});

describe('events', () => {
  it('reach subscribers only once committed', async () => {
    const { token, order } = await placedOrder();
    const follower = connect(token).subscribe('subscription($id: ID!) { orderStatusChanged(orderId: $id) { status snapshot } }', { id: order.id });
    await follower.waitFor(1);
    const client = await sql.connect();
    try {
      await client.query('BEGIN');
      const data = { orderId: rawOrderId(order.id), personId: order.personId, orderNumber: order.number, from: 'PENDING_PAYMENT', to: 'CANCELLED', at: new Date().toISOString() };
      await client.query(`INSERT INTO outbox_event (id, type, version, aggregate_type, aggregate_id, data, occurred_at) VALUES ($1, 'OrderStatusChanged', 1, 'Order', $2, $3, now())`, [randomUUID(), data.orderId, JSON.stringify(data)]);
      // Another transaction commits an event: the relay runs and publishes that one, not this one.
      const probe = randomUUID();
      await sql.query(`INSERT INTO outbox_event (id, type, version, aggregate_type, aggregate_id, data, occurred_at) VALUES ($1::uuid, 'TrackingProbe', 1, 'Probe', $1::text, '{}', now())`, [probe]);
      await expect.poll(async () => (await readStream(stack.runtime.redis, eventStream(stack.config.REDIS_PREFIX, 'order'), 100_000)).some((e) => e.id === probe), { timeout: 10_000 }).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(follower.messages).toHaveLength(1);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const [, committed] = await follower.waitFor(2);
    expect(committed).toEqual({ orderStatusChanged: { status: 'CANCELLED', snapshot: false } });
  });

  it('reach a subscriber on each of two gateways, and closed sockets leave no listener or Redis connection behind', async () => {
    await Promise.all(open.splice(0).map((s) => s.dispose()));
    const readers = async () => ((await stack.runtime.redis.client('LIST')) as string).split('\n').filter((line) => line.includes(`name=${stack.config.REDIS_PREFIX}:gateway-order-events`)).length;
    await expect.poll(readers).toBe(0);
    const second: RunningService = await startGateway(stack.runtime, { port: 0 });
    const secondUrl = `http://127.0.0.1:${second.port}/graphql`;
    try {
      const { token, order, clientSecret } = await placedOrder();
      const onFirst = connect(token);
      const onSecond = connect(token, secondUrl);
      const followers = [onFirst.subscribe(FOLLOW, { id: order.id }), onSecond.subscribe(FOLLOW, { id: order.id })];
      await Promise.all(followers.map((f) => f.waitFor(1)));
      expect(await readers()).toBe(2);
      expect(await metric(secondUrl, 'graphql_subscriptions')).toBe(1);
      await payWith(stack, clientSecret);
      for (const follower of followers) expect((await follower.waitFor(2))[1].orderStatusChanged.status).toBe('PAID');
      await Promise.all([onFirst.dispose(), onSecond.dispose()]);
      await expect.poll(() => metric(secondUrl, 'graphql_subscriptions')).toBe(0);
      await expect.poll(() => metric(secondUrl, 'graphql_ws_connections')).toBe(0);
      await expect.poll(() => metric(stack.gatewayUrl, 'graphql_subscriptions')).toBe(0);
      await expect.poll(readers).toBe(0);
      const slots = await stack.runtime.redis.keys(`${stack.config.REDIS_PREFIX}:ws:connections:*`);
      expect(slots).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('after a gap, a reconnecting subscriber starts from the current status and so never misses the last one', async () => {
    const { token, order, clientSecret } = await placedOrder();
    const before = connect(token);
    await before.subscribe(FOLLOW, { id: order.id }).waitFor(1);
    await before.dispose();
    await payWith(stack, clientSecret);
    await expect.poll(async () => (await sql.query(`SELECT status FROM "order" WHERE id = $1`, [rawOrderId(order.id)])).rows[0]?.status, { timeout: 10_000 }).toBe('PAID');
    const after = connect(token).subscribe(FOLLOW, { id: order.id });
    const [snapshot] = await after.waitFor(1);
    expect(snapshot.orderStatusChanged).toMatchObject({ status: 'PAID', snapshot: true, previousStatus: null });
  });
});
