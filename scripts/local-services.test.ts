// The bare-machine start-up path against free ports with nothing on them: an embedded PostgreSQL
// and a redis-server are started with their data in a temporary folder, found again by a second
// start, left alone when a URL is configured, and a missing Redis is one clear paragraph. The
// local Stripe server starts where none answers and sends the gateway events the order context
// accepts; a port held by something else is one clear line.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { answers } from '../lib/reachable.js';
import { startLocalStripe } from '../local-stripe/server.js';
import { paymentSettings } from '../subgraphs/order/payments/config.js';
import { paymentProviderFrom } from '../subgraphs/order/payments/stripe-provider.js';
import { MissingService, localPostgres, localRedis, localStripe, onPath } from './local-services.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'commerce-local-'));
// As root, PostgreSQL runs as the postgres user, who must be able to reach its data folder.
chmodSync(dataDir, 0o755);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('PostgreSQL on a bare machine', () => {
  it('starts an embedded one where none answers, and finds its data again on the next start', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const lines: string[] = [];
    const first = await localPostgres({ env: {}, port, database: 'postgres', dataDir: path.join(dataDir, 'postgres'), say: (l) => lines.push(l) });
    try {
      expect(first.started).toBe(true);
      expect(lines).toEqual([expect.stringMatching(new RegExp(`^PostgreSQL: none answered on 127\\.0\\.0\\.1:${port} and DATABASE_URL is not set, so an embedded one runs there, its data in .*postgres \\(new\\)\\.$`))]);
      const client = new pg.Client({ connectionString: first.url });
      await client.connect();
      await client.query('CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
      await client.end();
    } finally {
      await first.stop();
    }
    expect(await answers('127.0.0.1', port)).toBe(false);

    const second = await localPostgres({ env: {}, port, database: 'postgres', dataDir: path.join(dataDir, 'postgres'), say: (l) => lines.push(l) });
    try {
      expect(lines[1]).toMatch(/\(kept from the last run\)\.$/);
      // Another start meanwhile (npm test beside npm start) finds it, with its password.
      expect(await localPostgres({ env: {}, port, database: 'postgres', dataDir: path.join(dataDir, 'postgres') })).toMatchObject({ url: second.url, started: false });
      const client = new pg.Client({ connectionString: second.url });
      await client.connect();
      expect((await client.query('SELECT n FROM kept')).rows).toEqual([{ n: 42 }]);
      await client.end();
    } finally {
      await second.stop();
    }
  });

  it('never replaces a configured DATABASE_URL, and uses a server that answers', async () => {
    const configured = await localPostgres({ env: { DATABASE_URL: 'postgresql://db.example:5432/shop' }, port: await freePort(), say: () => expect.fail('nothing to say') });
    expect(configured).toMatchObject({ url: 'postgresql://db.example:5432/shop', started: false });
    const listener = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => listener.once('listening', resolve));
    const { port } = listener.address() as net.AddressInfo;
    try {
      expect(await localPostgres({ env: {}, port, say: () => expect.fail('nothing to say') })).toMatchObject({ url: `postgresql://postgres@127.0.0.1:${port}/commerce`, started: false });
    } finally {
      listener.close();
    }
  });
});

describe('Redis on a bare machine', () => {
  it.runIf(onPath(['redis-server', 'valkey-server']))('starts the redis-server on the PATH where none answers, and stops it', { timeout: 30_000 }, async () => {
    const port = await freePort();
    const lines: string[] = [];
    const redis = await localRedis({ env: { PATH: process.env.PATH }, port, dataDir: path.join(dataDir, 'redis'), say: (l) => lines.push(l) });
    try {
      expect(lines).toEqual([expect.stringMatching(new RegExp(`^Redis: none answered on 127\\.0\\.0\\.1:${port} and REDIS_URL is not set, so (redis|valkey)-server runs there, its data in .*redis\\.$`))]);
      const client = new Redis(redis.url);
      expect(await client.ping()).toBe('PONG');
      client.disconnect();
    } finally {
      await redis.stop();
    }
    expect(await answers('127.0.0.1', port)).toBe(false);
  });

  it('says what to install when no Redis answers and none is on the PATH', async () => {
    const port = await freePort();
    const error = await localRedis({ env: { PATH: '/nonexistent' }, port, dataDir: path.join(dataDir, 'none') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingService);
    expect((error as Error).message).toBe(
      `Redis is needed, and none answered on 127.0.0.1:${port} (REDIS_URL is not set). Install one and run this again:\n` +
        '  Debian or Ubuntu:  sudo apt install redis-server\n' +
        '  macOS:             brew install redis\n' +
        'or start one with `docker compose up -d redis`, or set REDIS_URL to a Redis you have.',
    );
  });

  it('never replaces a configured REDIS_URL', async () => {
    expect(await localRedis({ env: { REDIS_URL: 'redis://cache.example:6380' }, port: await freePort() })).toMatchObject({ url: 'redis://cache.example:6380', started: false });
  });
});

describe('Stripe on a bare machine', () => {
  const settingsFor = (env: Record<string, string>) => paymentSettings.parse(env);

  it('starts the local server where none answers, its events signed as the order context verifies them and sent to the gateway', async () => {
    const port = await freePort();
    const received: { body: string; signature: string | undefined; path: string | undefined }[] = [];
    const gateway = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: req.headers['stripe-signature'] as string | undefined, path: req.url });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const gatewayPort = (gateway.address() as net.AddressInfo).port;
    const lines: string[] = [];
    const settings = settingsFor({ STRIPE_API_BASE: `http://127.0.0.1:${port}` });
    const stripe = await localStripe({ settings, gatewayPort, say: (l) => lines.push(l) });
    try {
      expect(stripe).toMatchObject({ url: `http://127.0.0.1:${port}`, started: true });
      expect(lines).toEqual([
        `Stripe: STRIPE_SECRET_KEY is not set, so payments go to the local Stripe-compatible server that runs on 127.0.0.1:${port} ` +
          `(publishable key pk_test_local, test cards such as pm_card_visa), its events signed and sent to http://127.0.0.1:${gatewayPort}/webhooks/stripe.`,
      ]);
      const provider = paymentProviderFrom(settings, { maxNetworkRetries: 0 });
      const intent = await provider.createPaymentIntent({ orderId: 'order-1', amount: 1_000, currency: 'USD', idempotencyKey: 'order-1' });
      await provider.confirmPaymentIntent(intent.id, { paymentMethodId: 'pm_card_visa', idempotencyKey: 'order-1-confirm' });
      await expect.poll(() => received.length).toBeGreaterThan(0);
      expect(received[0]!.path).toBe('/webhooks/stripe');
      // Only what the order context subscribes to is sent: not payment_intent.created, nor charge.succeeded.
      expect(received.map((r) => provider.parseWebhook(r.body, r.signature))).toEqual([
        expect.objectContaining({ type: 'payment_intent.succeeded', paymentIntentId: intent.id }),
      ]);
    } finally {
      await stripe.stop();
      gateway.close();
    }
    expect(await answers('127.0.0.1', port)).toBe(false);
  });

  it('uses a Stripe-compatible server that already answers', async () => {
    const running = await startLocalStripe({ port: 0 });
    try {
      const lines: string[] = [];
      const stripe = await localStripe({ settings: settingsFor({ STRIPE_API_BASE: running.url }), gatewayPort: 4000, say: (l) => lines.push(l) });
      expect(stripe).toMatchObject({ url: running.url, started: false });
      expect(lines).toEqual([
        `Stripe: STRIPE_SECRET_KEY is not set and a Stripe-compatible server already answers on 127.0.0.1:${running.port} (STRIPE_API_BASE), so payments go there; its webhooks must reach http://127.0.0.1:4000/webhooks/stripe.`,
      ]);
    } finally {
      await running.close();
    }
  });

  it('says which port is taken when something else listens there', async () => {
    const listener = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('not stripe'));
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const { port } = listener.address() as net.AddressInfo;
    try {
      const error = await localStripe({ settings: settingsFor({ STRIPE_API_BASE: `http://127.0.0.1:${port}` }), gatewayPort: 4000, say: () => expect.fail('nothing to say') }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MissingService);
      expect((error as Error).message).toBe(
        `Stripe: STRIPE_SECRET_KEY is not set and 127.0.0.1:${port} (STRIPE_API_BASE) is taken by something that is not a Stripe-compatible server; stop it, or set STRIPE_API_BASE to a free port (e.g. http://127.0.0.1:${port + 1}).`,
      );
    } finally {
      listener.close();
    }
  });

  it('starts nothing with STRIPE_SECRET_KEY', async () => {
    const lines: string[] = [];
    const settings = settingsFor({ STRIPE_SECRET_KEY: 'sk_test_abc123', STRIPE_WEBHOOK_SECRET: 'whsec_abc', STRIPE_API_BASE: `http://127.0.0.1:${await freePort()}` });
    expect(await localStripe({ settings, gatewayPort: 4000, say: (l) => lines.push(l) })).toMatchObject({ url: 'https://api.stripe.com', started: false });
    expect(lines).toEqual(['Stripe: STRIPE_SECRET_KEY is set, so payments go to real Stripe (test mode) and nothing local starts; its webhooks must reach /webhooks/stripe on the gateway.']);
  });
});
