// The storefront the gateway serves at / (SPEC §6): plain HTML, CSS and ES modules in
// gateway/storefront/ that use only the public API, the graphql-ws browser client for live order
// status, the page's settings at /storefront/config.json, and a development sign-in that mints
// customer tokens with the development key (as `npm run token` does), refused when a real
// identity-provider key is configured or in production.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { ensureDevKeys, hasRealKey, signUserToken } from '../lib/auth.js';
import { readSettings, type Config } from '../lib/config.js';
import type { Logger } from '../lib/logger.js';
import { paymentSettings, stripeConnection } from '../subgraphs/order/payments/config.js';

const STOREFRONT_DIR = fileURLToPath(new URL('./storefront/', import.meta.url));
// The package does not export its browser bundle, so it is found next to its package.json.
const GRAPHQL_WS_BUNDLE = path.join(path.dirname(createRequire(import.meta.url).resolve('graphql-ws/package.json')), 'umd', 'graphql-ws.min.js');
const DEV_TOKEN_TTL_SECONDS = 8 * 60 * 60;
/** What a dev sign-in accepts as a person id: the token's `sub`, at most 100 characters. */
const PERSON_ID = /^[\w.@:-]{1,100}$/;

/** What the page reads at /storefront/config.json. */
export interface StorefrontConfig {
  graphqlPath: string;
  websocketPath: string;
  /** Whether POST /dev/sign-in mints tokens here. */
  devSignIn: boolean;
  /** apiBase only when payments go to the local Stripe server; without it the page uses Stripe.js. */
  stripe: { publishableKey: string | null; apiBase?: string };
}

/** Why dev sign-in is off, or null when it is on. */
function devSignInRefusal(config: Config): string | null {
  if (config.NODE_ENV === 'production') return 'Dev sign-in is off in production.';
  if (hasRealKey(config)) return 'Dev sign-in is off: a real identity-provider key is configured (JWT_PUBLIC_KEY or JWT_JWKS_URL).';
  return null;
}

export function storefrontConfig(config: Config): StorefrontConfig {
  const { publishableKey, apiBase } = stripeConnection(readSettings(paymentSettings, config));
  return {
    graphqlPath: '/graphql',
    websocketPath: '/graphql',
    devSignIn: devSignInRefusal(config) === null,
    stripe: { publishableKey, ...(apiBase ? { apiBase } : {}) },
  };
}

/** POST /dev/sign-in `{ personId? }` → `{ token, personId, expiresAt }`: a customer token signed with the development key. */
function devSignIn(config: Config, log: Logger): RequestHandler {
  let keys: ReturnType<typeof ensureDevKeys> | undefined;
  return async (req, res) => {
    const asked: unknown = (req.body as { personId?: unknown } | undefined)?.personId;
    if (asked !== undefined && asked !== null && asked !== '' && (typeof asked !== 'string' || !PERSON_ID.test(asked))) {
      res.status(400).json({ error: 'personId must be 1 to 100 letters, digits or . @ : - _' });
      return;
    }
    const personId = typeof asked === 'string' && asked !== '' ? asked : `shopper-${randomBytes(4).toString('hex')}`;
    const expiresAt = Math.floor(Date.now() / 1000) + DEV_TOKEN_TTL_SECONDS;
    keys ??= ensureDevKeys(config.DEV_KEYS_DIR);
    const token = await signUserToken((await keys).privateKeyPem, { sub: personId, roles: ['customer'], issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, expiresAt });
    log.debug({ personId }, 'dev sign-in');
    res.setHeader('cache-control', 'no-store');
    res.json({ token, personId, expiresAt: new Date(expiresAt * 1000).toISOString() });
  };
}

const badJson: ErrorRequestHandler = (_err, _req, res, _next) => {
  res.status(400).json({ error: 'The body must be JSON: { "personId"?: string }' });
};

export function mountStorefront(app: Express, options: { config: Config; log: Logger }): void {
  const { config, log } = options;
  const settings = storefrontConfig(config);
  app.get('/storefront/config.json', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json(settings);
  });
  app.get('/vendor/graphql-ws.js', (_req, res) => {
    res.sendFile(GRAPHQL_WS_BUNDLE, { maxAge: '1h' });
  });
  const refusal = devSignInRefusal(config);
  if (refusal) {
    app.post('/dev/sign-in', (_req, res) => {
      res.status(404).json({ error: refusal });
    });
  } else {
    app.post('/dev/sign-in', express.json({ limit: '1kb' }), badJson, devSignIn(config, log));
  }
  app.use(express.static(STOREFRONT_DIR, { index: 'index.html' }));
}
