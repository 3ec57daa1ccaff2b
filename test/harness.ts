// One call boots an isolated stack for a test file: its own database (cloned from the migrated
// template), its own Redis key prefix, its own signing keys, every subgraph and the gateway on
// free ports; it hands back clients per role and cleans everything up afterwards.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { CONTEXT_SETTINGS } from '../bin/serve.js';
import { startGateway } from '../gateway/server.js';
import { ensureDevKeys, signUserToken, type Role } from '../lib/auth.js';
import { loadConfig, type Config, type ContextDatabaseSetting } from '../lib/config.js';
import { deleteKeysWithPrefix } from '../lib/redis.js';
import { createRuntime, type Runtime, type RunningService } from '../lib/runtime.js';
import { createServer } from 'node:net';
import { SERVICE_TOKEN_HEADER, serviceCredential } from '../lib/service-gate.js';
import { SUBGRAPHS, type SubgraphName } from '../lib/subgraph-names.js';
import { startCart } from '../subgraphs/cart/server.js';
import { startCatalog } from '../subgraphs/catalog/server.js';
import { startOrder } from '../subgraphs/order/server.js';
import { startPromotion } from '../subgraphs/promotion/server.js';
import { createSubscriptionServices, startSubscription } from '../subgraphs/subscription/server.js';
import { startLocalStripe, type LocalStripe } from '../local-stripe/server.js';
import { createDatabaseFrom, dropDatabase, ensureTemplate } from './db-template.js';

type StarterOptions = Pick<TestStackOptions, 'onCatalogQuery' | 'clock'> & { port?: number };
const starters: Record<SubgraphName, (runtime: Runtime, options: StarterOptions) => Promise<RunningService>> = {
  catalog: (runtime, { port, onCatalogQuery }) => startCatalog(runtime, { port, onQuery: onCatalogQuery }),
  cart: startCart,
  order: startOrder,
  subscription: (runtime, { port, clock }) => startSubscription(runtime, { port, services: clock ? createSubscriptionServices(runtime, { now: clock }) : undefined }),
  promotion: startPromotion,
};

export interface GraphQLResponse<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown>; path?: unknown[] }[];
  extensions?: { cost?: { estimated: number; limit: number } } & Record<string, unknown>;
}

/** The code of a response's first GraphQL error (UNAUTHENTICATED, FORBIDDEN, …). */
/**
 * Reads until `done` holds, for what the workers do after a request, in set-up (expect.poll works
 * inside tests only); fails naming `what` and the last value read.
 */
export async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; ; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs / 1000} s`);
  }
}

export const errorCode = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;

export interface GraphQLClient {
  token: string | null;
  request<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** Like request, but fails the test on any GraphQL error. */
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** A GraphQL client of `url` with the token given; `always` adds headers of its own to every request. */
export function graphqlClient(url: string, token: string | null, always?: () => Promise<Record<string, string>>): GraphQLClient {
  const request: GraphQLClient['request'] = async (query, variables, headers) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(await always?.()), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    if (!res.headers.get('content-type')?.includes('json')) throw new Error(`HTTP ${res.status} answered ${res.headers.get('content-type')}: ${(await res.text()).slice(0, 300)}`);
    const body = (await res.json()) as GraphQLResponse<never>;
    return { ...body, status: res.status };
  };
  return {
    token,
    request,
    async query<T>(query: string, variables?: Record<string, unknown>) {
      const res = await request<T>(query, variables);
      if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors ?? res)}`);
      return res.data;
    },
  };
}

/** Operations a subgraph has executed so far (those named `operationName` when given), from its own /metrics. */
export async function subgraphOperations(stack: Pick<TestStack, 'subgraphUrls'>, name: SubgraphName, operationName?: string): Promise<number> {
  const text = await (await fetch(new URL('/metrics', stack.subgraphUrls[name]))).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('graphql_requests_total{') && (operationName === undefined || line.includes(`operation_name="${operationName}"`)))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

export interface TestStack {
  config: Config;
  runtime: Runtime;
  databaseUrl: string;
  /** The databases of options.ownDatabases, by setting. */
  ownDatabaseUrls: Partial<Record<OwnDatabaseSetting, string>>;
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  /** Mints an identity-provider token, as the real IdP would. */
  token(personId: string, roles: Role[], options?: { ttlSeconds?: number; expiresAt?: number; audience?: string; issuer?: string }): Promise<string>;
  serviceToken(name?: string): Promise<string>;
  /** A gateway client; no roles means anonymous. */
  as(personId: string | null, ...roles: Role[]): Promise<GraphQLClient>;
  anonymous: GraphQLClient;
  admin: GraphQLClient;
  /**
   * A client that calls one subgraph directly, bypassing the gateway's limits, as the gateway
   * would: with the gateway's service token beside `token` (subgraphs answer nobody else).
   */
  subgraph(name: SubgraphName, token: string | null): GraphQLClient;
  /** The local Stripe-compatible server the order subgraph pays through (started with the order subgraph); its webhooks go to the gateway. */
  stripe: LocalStripe | null;
  /** Stops one subgraph, as an outage would: its port stops answering. */
  stop(name: SubgraphName): Promise<void>;
  /** Starts one subgraph again on the port it had (an outage ends); one still running is stopped first. */
  restart(name: SubgraphName): Promise<void>;
  close(): Promise<void>;
}

type OwnDatabaseSetting = ContextDatabaseSetting | 'CATALOG_READ_DATABASE_URL';

export interface TestStackOptions {
  /**
   * Settings that get a database of their own, cloned from the template as the stack's is: e.g.
   * CART_DATABASE_URL, the cart context's; CATALOG_READ_DATABASE_URL, standing for the catalog's read
   * replica (nothing replicates to it: a test writes there what it wants read). Dropped on close.
   */
  ownDatabases?: OwnDatabaseSetting[];
  /** Subgraphs to start (default all); the gateway starts unless gateway is false. */
  subgraphs?: SubgraphName[];
  gateway?: boolean;
  /** Start the BullMQ workers (outbox relay, expiry sweeps); off by default for speed. */
  workers?: boolean;
  env?: Record<string, string>;
  /** Whether the local Stripe server delivers its webhooks (default true; false loses them all, as an outage would). */
  stripeWebhooks?: boolean;
  /** Webhook delivery back-off of the local Stripe server (default: quick retries for tests). */
  stripeRetryDelaysMs?: number[];
  /** Sees each SQL statement the catalog subgraph runs (query-count tests). */
  onCatalogQuery?: (sql: string) => void;
  /** The clock the subscription context reads (renewal tests move it instead of sleeping). */
  clock?: () => Date;
  /**
   * Sign with development keys, as a developer's stack does, instead of a configured key:
   * JWT_PUBLIC_KEY and SERVICE_TOKEN_SECRET stay unset, DEV_KEYS_DIR is a fresh directory
   * (removed on close), and token() signs with its key; the dev sign-in route works then.
   */
  devKeys?: boolean;
}

/** Whether a port on loopback is free now. */
export const bindable = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer().listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    probe.once('error', () => resolve(false));
  });

/**
 * A free port below the kernel's ephemeral range (32768 and up on Linux): nothing that asks for
 * any port (another file's service, a client socket's local end) is given it, so that a service a
 * test stops (a subgraph, a Redis) can start again on its port while the whole suite runs.
 */
export async function quietPort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await bindable(port)) return port;
  }
}

export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const template = process.env.TEST_TEMPLATE_DB ?? (await ensureTemplate());
  const dbName = `commerce_test_${randomBytes(6).toString('hex')}`;
  const databaseUrl = await createDatabaseFrom(template, dbName);
  const ownDatabases = (options.ownDatabases ?? []).map((setting) => ({ setting, name: `${dbName}_${setting.replace(/_DATABASE_URL$/, '').toLowerCase()}` }));
  const ownDatabaseUrls = Object.fromEntries(await Promise.all(ownDatabases.map(async ({ setting, name }) => [setting, await createDatabaseFrom(template, name)] as const)));
  const devKeysDir = options.devKeys ? await mkdtemp(path.join(tmpdir(), 'commerce-dev-keys-')) : null;
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const privateKeyPem = devKeysDir ? (await ensureDevKeys(devKeysDir)).privateKeyPem : await exportPKCS8(privateKey);
  const prefix = `test:${dbName}`;
  // Payments go to a local Stripe-compatible server of the file's own; its webhooks to this stack's gateway.
  let gatewayUrl = '';
  const stripe = (options.subgraphs ?? SUBGRAPHS).includes('order')
    ? await startLocalStripe({
        port: 0,
        webhookUrl: () => (gatewayUrl && options.stripeWebhooks !== false ? gatewayUrl.replace(/\/graphql$/, '/webhooks/stripe') : undefined),
        retry: { delaysMs: options.stripeRetryDelaysMs ?? [50, 100, 200, 400, 800], timeoutMs: 10_000 },
      })
    : null;
  const baseEnv: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    // The Redis test/global-setup.ts found or started.
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    // Three files run at once against one server (max_connections 100 by default): five pools each.
    DATABASE_POOL_SIZE: '5',
    REDIS_PREFIX: prefix,
    ...ownDatabaseUrls,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Tests send as a load balancer would, from loopback, with x-forwarded-for from private ranges.
    TRUST_PROXY: 'loopback,uniquelocal',
    ...(devKeysDir ? { DEV_KEYS_DIR: devKeysDir } : { JWT_PUBLIC_KEY: await exportSPKI(publicKey), SERVICE_TOKEN_SECRET: randomBytes(32).toString('hex') }),
    RUN_WORKERS: String(options.workers ?? false),
    // Tests read their own writes at once; the response cache has its own test.
    CATALOG_CACHE_MAX_AGE: '0',
    // And the cart asks the catalog on every read; its copy of the catalog's answers has its own test.
    CART_CATALOG_MAX_AGE_SECONDS: '0',
    ...(stripe ? { STRIPE_API_BASE: stripe.url, STRIPE_WEBHOOK_SECRET: stripe.webhookSecret, STRIPE_PUBLISHABLE_KEY: stripe.publishableKey } : {}),
    ...options.env,
  };
  let config = loadConfig(baseEnv, CONTEXT_SETTINGS);
  const runtime = await createRuntime(config);
  const services: RunningService[] = [];
  const close = async () => {
    for (const s of services.reverse()) await s.close();
    await stripe?.close();
    // Bounded: a Redis a test left down would otherwise hold the clean-up (and the file) for good.
    const keysDeleted = await Promise.race([deleteKeysWithPrefix(runtime.redis, prefix).then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 15_000).unref())]);
    if (!keysDeleted) console.error(`test stack ${prefix}: Redis did not answer; its keys are left behind`);
    runtime.redis.disconnect();
    for (const name of [dbName, ...ownDatabases.map((d) => d.name)]) await dropDatabase(name);
    if (devKeysDir) await rm(devKeysDir, { recursive: true, force: true });
  };
  try {
    const urls = { ...config.subgraphUrls };
    for (const name of options.subgraphs ?? SUBGRAPHS) {
      const service = await starters[name](runtime, { port: await quietPort(), onCatalogQuery: options.onCatalogQuery, clock: options.clock });
      services.push(service);
      urls[name] = `http://127.0.0.1:${service.port}/graphql`;
    }
    config = loadConfig({ ...baseEnv, CATALOG_URL: urls.catalog, CART_URL: urls.cart, ORDER_URL: urls.order, SUBSCRIPTION_URL: urls.subscription, PROMOTION_URL: urls.promotion });
    runtime.config = config;
    if (options.gateway !== false) {
      const gateway = await startGateway(runtime, { port: 0 });
      services.push(gateway);
      gatewayUrl = `http://127.0.0.1:${gateway.port}/graphql`;
    }
    const token: TestStack['token'] = (personId, roles, o = {}) =>
      signUserToken(privateKeyPem, { sub: personId, roles, issuer: o.issuer ?? config.JWT_ISSUER, audience: o.audience ?? config.JWT_AUDIENCE, ttlSeconds: o.ttlSeconds, expiresAt: o.expiresAt });
    const gatewayCredential = serviceCredential(runtime.serviceKeys.serviceSecret, 'gateway');
    const as: TestStack['as'] = async (personId, ...roles) => graphqlClient(gatewayUrl, personId ? await token(personId, roles) : null);
    return {
      config,
      runtime,
      databaseUrl,
      ownDatabaseUrls,
      gatewayUrl,
      subgraphUrls: urls,
      token,
      serviceToken: (name = 'test-service') => runtime.serviceToken(name),
      as,
      anonymous: graphqlClient(gatewayUrl, null),
      stripe,
      admin: await as('admin-1', 'admin'),
      subgraph: (name, t) => graphqlClient(urls[name], t, async () => ({ [SERVICE_TOKEN_HEADER]: await gatewayCredential() })),
      stop: async (name) => {
        const service = services.find((s) => s.name === name);
        if (!service) return;
        services.splice(services.indexOf(service), 1);
        await service.close();
      },
      restart: async (name) => {
        const running = services.find((s) => s.name === name);
        if (running) {
          services.splice(services.indexOf(running), 1);
          await running.close();
        }
        const port = Number(new URL(urls[name]).port);
        services.push(await starters[name](runtime, { port, onCatalogQuery: options.onCatalogQuery, clock: options.clock }));
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
