// A local HTTP server that answers like Stripe's test-mode API for the endpoints we call, so that
// tests and an offline `npm start` run the same code (the official SDK) as against real Stripe.
// See README.md in this folder for what it implements and what it does not.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import Stripe from 'stripe';
import { ApiError, fail } from './errors.js';
import { asList, decodeForm, type FormObject } from './form.js';
import { IdempotencyKeys, type Answer } from './idempotency.js';
import { LOCAL_STRIPE_PORT, LOCAL_STRIPE_PUBLISHABLE_KEY, LOCAL_STRIPE_WEBHOOK_SECRET } from './keys.js';
import { newId } from './objects.js';
import { canonical } from './params.js';
import type { KeyKind } from './payment-intents.js';
import { matchRoute } from './routes.js';
import { Store, type StripeEvent } from './store.js';
import { DEFAULT_RETRY_DELAYS_MS, WebhookDelivery } from './webhooks.js';

export type { StripeEvent };

export interface LocalStripeOptions {
  /** 0 picks a free port; default 12111. */
  port?: number;
  host?: string;
  /** Where events are POSTed; a function is asked at every delivery. None: events are only kept. */
  webhookUrl?: string | (() => string | undefined);
  /** Signs the webhooks; default the fixed development secret (keys.ts). */
  webhookSecret?: string;
  /**
   * The event types sent to the endpoint, as a Stripe webhook endpoint's `enabled_events`; the
   * others are kept (events()) with no delivery pending. Default: every type.
   */
  webhookEvents?: readonly string[];
  /** Delays between delivery attempts (attempts = delays + 1) and the time one attempt may take. */
  retry?: { delaysMs: number[]; timeoutMs?: number };
  log?: Logger;
}

export interface LocalStripe {
  url: string;
  port: number;
  webhookSecret: string;
  publishableKey: string;
  close(): Promise<void>;
  /** Waits until every queued webhook delivery has been answered or given up. */
  drainWebhooks(): Promise<void>;
  events(): StripeEvent[];
  /**
   * Plays an outage, keeping everything stored (as Stripe's own outages do), until called with
   * null: `down` resets every API connection as its request arrives and sends no webhooks (events
   * arising meanwhile are kept, not delivered, and deliveries under way are given up: lost, as
   * reconciliation must cope with); `slow` answers every API request `delayMs` late, the request
   * having taken effect at once (a client that gives up first never learns its outcome).
   */
  outage(fault: Outage | null): void;
}

export type Outage = { kind: 'down' } | { kind: 'slow'; delayMs: number };

const NO_KEY =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.";
const MAX_BODY_BYTES = 1 << 20;

/** `sk_live_abcdefgh` → `sk_live_****efgh`, as Stripe names a key it refuses. */
function masked(key: string): string {
  const cut = Math.min(key.lastIndexOf('_') + 1, Math.max(0, key.length - 4));
  return `${key.slice(0, cut)}${'*'.repeat(Math.max(0, key.length - cut - 4))}${key.slice(-4)}`;
}

/** The API key a request carries: Bearer or Basic auth, or (Stripe.js) a `key` parameter. */
function apiKeyOf(req: http.IncomingMessage, params: FormObject): string | null {
  const header = req.headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) return bearer[1] as string;
  const basic = /^Basic\s+(\S+)$/i.exec(header);
  if (basic) return Buffer.from(basic[1] as string, 'base64').toString('utf8').split(':')[0] || null;
  return typeof params.key === 'string' && params.key !== '' ? params.key : null;
}

function keyKind(key: string | null): KeyKind {
  if (key === null) throw fail.unauthenticated(NO_KEY);
  if (/^(sk|rk)_test_\w+$/.test(key)) return 'secret';
  if (/^pk_test_\w+$/.test(key)) return 'publishable';
  throw fail.unauthenticated(`Invalid API Key provided: ${masked(key)}`);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const errorAnswer = (error: ApiError, requestId: string): Answer & { keep: boolean } => ({
  status: error.status,
  body: JSON.stringify({ error: error.body }, null, 2),
  requestId,
  keep: error.saved,
});

export async function startLocalStripe(options: LocalStripeOptions = {}): Promise<LocalStripe> {
  const log = options.log ?? pino({ level: 'silent' });
  const webhookSecret = options.webhookSecret ?? LOCAL_STRIPE_WEBHOOK_SECRET;
  const webhookUrl = options.webhookUrl;
  let outage: Outage | null = null;
  const delivery = new WebhookDelivery({
    url: () => (outage?.kind === 'down' ? undefined : typeof webhookUrl === 'function' ? webhookUrl() : webhookUrl),
    secret: webhookSecret,
    delaysMs: options.retry?.delaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    timeoutMs: options.retry?.timeoutMs ?? 10_000,
    log,
  });
  const enabled = options.webhookEvents ? new Set(options.webhookEvents) : null;
  const store = new Store({ apiVersion: Stripe.API_VERSION, publish: (event, key) => (!enabled || enabled.has(event.type) ? delivery.enqueue(event, key) : 0) });
  const idempotency = new IdempotencyKeys();

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const requestId = newId('req', 14);
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://local');
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'Request-Id': requestId,
      'Stripe-Version': String(req.headers['stripe-version'] ?? Stripe.API_VERSION),
      'Cache-Control': 'no-cache, no-store',
      // A storefront page may confirm with the publishable key from the browser, as Stripe.js does.
      'Access-Control-Allow-Origin': '*',
    };
    if (method === 'OPTIONS') {
      res.writeHead(204, {
        ...headers,
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key, Stripe-Version, Stripe-Account',
        'Access-Control-Max-Age': '300',
      });
      res.end();
      return;
    }
    const body = method === 'POST' ? await readBody(req) : '';
    const params = decodeForm(method === 'POST' ? body : url.search.slice(1));
    const idempotencyKey = method === 'POST' ? ((req.headers['idempotency-key'] as string | undefined) ?? null) : null;

    let answer: Answer & { replayed?: boolean };
    try {
      const match = matchRoute(method, url.pathname);
      if (match === null || 'methodNotAllowed' in match) throw fail.unrecognizedUrl(method, url.pathname);
      const apiKey = apiKeyOf(req, params);
      const kind = keyKind(apiKey);
      if (kind === 'publishable' && !match.route.publishable) {
        throw fail.unauthenticated(
          'This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.',
          'secret_key_required',
        );
      }
      if (idempotencyKey !== null && idempotencyKey.length > 255) {
        throw fail.invalidParam('Idempotency-Key', `Idempotency-Key must be no longer than 255 characters; yours is ${idempotencyKey.length}.`);
      }
      // Stripe.js sends its key and version as parameters; they are not the endpoint's.
      delete params.key;
      delete params._stripe_version;
      const execute = (): Answer & { keep: boolean } => {
        try {
          const result = match.route.handle({ store, params, id: match.id, request: { id: requestId, idempotencyKey }, key: kind });
          const expand = (asList(params.expand) ?? []).filter((p): p is string => typeof p === 'string');
          return { status: 200, body: JSON.stringify(store.expanded(result, expand), null, 2), requestId, keep: true };
        } catch (err) {
          if (err instanceof ApiError) return errorAnswer(err, requestId);
          log.error({ err, requestId }, 'local stripe: unexpected error');
          return { status: 500, body: JSON.stringify({ error: { type: 'api_error', message: 'An unknown error occurred' } }, null, 2), requestId, keep: false };
        }
      };
      answer = idempotencyKey
        ? await idempotency.run({ apiKey: apiKey as string, key: idempotencyKey, endpoint: `${method} ${url.pathname}`, parameters: canonical(params) }, execute)
        : execute();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      answer = errorAnswer(err, requestId);
    }
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    if (answer.replayed) {
      headers['Idempotent-Replayed'] = 'true';
      headers['Original-Request'] = answer.requestId;
    }
    log.debug({ method, path: url.pathname, status: answer.status, requestId, replayed: answer.replayed ?? false }, 'local stripe request');
    const slow = outage?.kind === 'slow' ? outage.delayMs : 0;
    if (slow > 0) await new Promise((resolve) => setTimeout(resolve, slow));
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  }

  const server = http.createServer((req, res) => {
    if (outage?.kind === 'down') return void req.socket.destroy();
    handle(req, res).catch((err: unknown) => {
      log.error({ err }, 'local stripe: request failed');
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { type: 'api_error', message: 'An unknown error occurred' } }));
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? LOCAL_STRIPE_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    webhookSecret,
    publishableKey: LOCAL_STRIPE_PUBLISHABLE_KEY,
    async close() {
      await delivery.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    drainWebhooks: () => delivery.drain(),
    events: () => [...store.events],
    outage(fault) {
      outage = fault;
    },
  };
}
