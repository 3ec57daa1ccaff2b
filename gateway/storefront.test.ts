// The storefront's routes on a bare Express app: the page and its settings, the graphql-ws bundle,
// and the dev sign-in, which mints customer tokens the stack accepts and is refused (404) wherever
// a real identity-provider key is configured or NODE_ENV is production.
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { exportSPKI, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator, resolveAuthSettings } from '../lib/auth.js';
import { loadConfig, type Config } from '../lib/config.js';
import { createLogger } from '../lib/logger.js';
import { mountStorefront } from './storefront.js';

let keysDir: string;
const servers: Server[] = [];

beforeAll(async () => {
  keysDir = await mkdtemp(path.join(tmpdir(), 'storefront-test-keys-'));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await rm(keysDir, { recursive: true, force: true });
});

const devConfig = (env: Record<string, string> = {}) => loadConfig({ NODE_ENV: 'development', DEV_KEYS_DIR: keysDir, LOG_LEVEL: 'silent', ...env });

/** The storefront mounted alone on a free port; answers its base URL. */
async function serve(config: Config): Promise<string> {
  const app = express();
  mountStorefront(app, { config, log: createLogger('silent', 'gateway') });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const signIn = (base: string, body: unknown, contentType = 'application/json') =>
  fetch(`${base}/dev/sign-in`, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('dev sign-in', () => {
  it('mints a customer token for the person asked for, which the stack verifies', async () => {
    const config = devConfig();
    const base = await serve(config);
    const res = await signIn(base, { personId: 'alice-1' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; personId: string; expiresAt: string };
    expect(body.personId).toBe('alice-1');
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(60 * 60 * 1000);
    const viewer = await createAuthenticator(await resolveAuthSettings(config))(`Bearer ${body.token}`);
    expect(viewer?.personId).toBe('alice-1');
    expect([...(viewer?.roles ?? [])]).toEqual(['customer']);
  });

  it('makes up a person id when none is given, and refuses a malformed one or a body that is not JSON', async () => {
    const base = await serve(devConfig());
    const made = (await (await signIn(base, {})).json()) as { personId: string; token: string };
    expect(made.personId).toMatch(/^shopper-[0-9a-f]{8}$/);
    expect(made.token).toEqual(expect.any(String));

    const bad = await signIn(base, { personId: 'has spaces and <tags>' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: expect.stringMatching(/personId/) });
    const notJson = await signIn(base, '{"personId":', 'application/json');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: expect.stringMatching(/JSON/) });
  });

  it('is refused with a 404 when a real key is configured', async () => {
    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    const base = await serve(devConfig({ JWT_PUBLIC_KEY: await exportSPKI(publicKey) }));
    const res = await signIn(base, { personId: 'mallory' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/real identity-provider key/) });
    expect(((await (await fetch(`${base}/storefront/config.json`)).json()) as { devSignIn: boolean }).devSignIn).toBe(false);
  });

  it('is refused with a 404 in production', async () => {
    const base = await serve({ ...devConfig(), NODE_ENV: 'production' });
    const res = await signIn(base, {});
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/production/) });
  });
});

describe('the page and its settings', () => {
  it('tells the page the API paths and the local Stripe server to pay on', async () => {
    const base = await serve(devConfig({ STRIPE_API_BASE: 'http://127.0.0.1:12999' }));
    const res = await fetch(`${base}/storefront/config.json`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      graphqlPath: '/graphql',
      websocketPath: '/graphql',
      devSignIn: true,
      stripe: { publishableKey: 'pk_test_local', apiBase: 'http://127.0.0.1:12999' },
    });
  });

  it('leaves the API base out for real Stripe, so that the page uses Stripe.js', async () => {
    const base = await serve(devConfig({ STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_abc', STRIPE_PUBLISHABLE_KEY: 'pk_test_abc' }));
    expect(((await (await fetch(`${base}/storefront/config.json`)).json()) as { stripe: unknown }).stripe).toEqual({ publishableKey: 'pk_test_abc' });
  });

  it('serves the page at / and the graphql-ws browser bundle', async () => {
    const base = await serve(devConfig());
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toMatch(/<script type="module" src="\/app\.js">/);
    const bundle = await fetch(`${base}/vendor/graphql-ws.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect(await bundle.text()).toMatch(/graphqlWs/);
  });
});
