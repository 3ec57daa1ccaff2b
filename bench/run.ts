// npx tsx bench/run.ts (npm run bench): storefront catalog reads through the gateway, under load.
//
// Uses the stack answering on PORT when there is one; otherwise starts every service in this
// process (seeding the catalog first when it is small) and stops them at the end. Prints a table
// and writes bench/results.json with the machine it ran on.
//
//   BENCH_DURATION     seconds per measured run (default 10)
//   BENCH_CONNECTIONS  concurrent connections, one run each (default 10,50)
//   BENCH_WARMUP       seconds of unmeasured load per scenario first (default 3)
//   BENCH_SCENARIOS    which scenarios (default all), e.g. listing,search
//   BENCH_OUTPUT       where to write the results (default bench/results.json)
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServices } from '../bin/serve.js';
import { ensureDevKeys, hasRealKey, signUserToken } from '../lib/auth.js';
import { loadConfigOrExit, type Config } from '../lib/config.js';
import { assertCatalogReady, seedCatalog } from '../scripts/seed.js';
import { createCatalogServices } from '../subgraphs/catalog/server.js';

const ROOT = path.resolve(import.meta.dirname, '..');
/** Below this the catalog is too small for listing, search and facets to cost what they will. */
const MIN_PRODUCTS = 200;
/** Distinct request variables checked for a correct answer before each scenario's load. */
const SANITY_SAMPLES = 20;

type Viewer = 'anonymous' | 'customer';

interface Fixtures {
  /** Slugs of live products, as the storefront links to them. */
  slugs: string[];
  /** Variants a shopper can put in a cart (for sale, in stock). */
  variantIds: string[];
}

interface GraphQLAnswer {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * One storefront request shape. Requests cycle through `variables`, so that a scenario reads
 * many rows rather than one hot, cached one; `problem` says what is wrong with an answer that has
 * no GraphQL errors but would still render an empty or broken page.
 */
interface Scenario {
  name: string;
  description: string;
  viewer: Viewer;
  query: string;
  variables(fixtures: Fixtures): Record<string, unknown>[];
  problem(data: Record<string, any>): string | null;
  /**
   * Shoppers of their own (each a customer token and an ACTIVE cart): requests rotate through
   * them and carry the shopper's `cartId`, as many storefront sessions would.
   */
  shoppers?: number;
}

const MONEY = 'amount currencyCode formatted';

const SEARCH_TERMS = [
  'shirt', 'linen', 'merino wool', 'leather boots', 'sneaker', 'cashmere', 'denim', 'backpack',
  'organic cotton tee', 'jacket', 'suede', 'dress', 'socks', 'canvas tote', 'chelsea boot', 'hoodie',
  'wallet', 'beanie', 'loafer', 'knit',
];

const SCENARIOS: Scenario[] = [
  {
    name: 'listing',
    description: 'listing page: the 24 newest products with variants, stock, images, categories, price range and total',
    viewer: 'anonymous',
    query: `query ListingPage($first: Int!) {
      products(first: $first, sort: NEWEST) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node {
          id slug name brand
          priceRange { min { ${MONEY} } max { ${MONEY} } }
          images { url altText }
          categories { id slug name }
          variants { id sku title availableForSale price { ${MONEY} } compareAtPrice { ${MONEY} } inventory { available } }
        } }
      }
    }`,
    variables: () => [{ first: 24 }],
    problem: (data) => (data.products?.edges?.length === 24 ? null : `expected 24 products, got ${data.products?.edges?.length}`),
  },
  {
    name: 'search',
    description: 'full-text search, 24 results by relevance with category, option and price facets',
    viewer: 'customer',
    query: `query SearchPage($search: String!) {
      products(first: 24, filter: { search: $search }, sort: RELEVANCE) {
        totalCount
        facets {
          categories { category { id slug name } count }
          options { name values { value count } }
          priceRanges { min max count }
        }
        edges { node { id slug name brand priceRange { min { ${MONEY} } max { ${MONEY} } } images { url altText } } }
      }
    }`,
    variables: () => SEARCH_TERMS.map((search) => ({ search })),
    problem: (data) => (data.products?.edges?.length > 0 ? null : 'the search found nothing'),
  },
  {
    name: 'product',
    description: 'product page by slug, rotating through every live product',
    viewer: 'customer',
    query: `query ProductPage($slug: String!) {
      product(slug: $slug) {
        id slug name description brand
        options { name values }
        variants { id sku title availableForSale options { name value } price { ${MONEY} } compareAtPrice { ${MONEY} } inventory { available } }
        images { url altText position }
        categories { id slug name parent { id slug name } }
        priceRange { min { ${MONEY} } max { ${MONEY} } }
      }
    }`,
    variables: (fixtures) => fixtures.slugs.map((slug) => ({ slug })),
    problem: (data) => (data.product?.variants?.length > 0 ? null : 'no product, or one without variants'),
  },
  {
    name: 'add-to-cart',
    description: 'add to cart: 200 shoppers each adding one unit of rotating variants to their own cart, answered with the priced cart',
    viewer: 'customer',
    shoppers: 200,
    query: `mutation AddToCart($cartId: ID!, $variantId: ID!) {
      addCartLine(cartId: $cartId, variantId: $variantId, quantity: 1) {
        cart { id itemCount lines { id quantity unitPrice { ${MONEY} } lineTotal { ${MONEY} } } subtotal { ${MONEY} } total { ${MONEY} } }
        userErrors { code message }
      }
    }`,
    // Forty variants per shopper keeps each cart under its 100-line limit however long the run.
    variables: (fixtures) => fixtures.variantIds.slice(0, 40).map((variantId) => ({ variantId })),
    problem: (data) => {
      const errors = data.addCartLine?.userErrors ?? [];
      return errors.length ? `userErrors ${JSON.stringify(errors)}` : data.addCartLine?.cart ? null : 'no cart';
    },
  },
];

interface Settings {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number[];
  scenarios: Scenario[];
  output: string;
}

function invalid(message: string): never {
  console.error(message);
  process.exit(2);
}

/** The BENCH_* variables; a bad one ends the process with a message, as bad configuration does. */
function readSettings(env: NodeJS.ProcessEnv): Settings {
  const seconds = (name: string, fallback: number, min: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isFinite(value) || value < min) invalid(`${name} must be at least ${min} seconds (got ${env[name]})`);
    return value;
  };
  const connections = (env.BENCH_CONNECTIONS ?? '10,50').split(',').map((c) => Number(c.trim()));
  if (connections.length === 0 || connections.some((c) => !Number.isInteger(c) || c < 1)) {
    invalid(`BENCH_CONNECTIONS must be whole numbers separated by commas (got ${env.BENCH_CONNECTIONS})`);
  }
  const names = env.BENCH_SCENARIOS ? env.BENCH_SCENARIOS.split(',').map((s) => s.trim()) : SCENARIOS.map((s) => s.name);
  const unknown = names.filter((n) => !SCENARIOS.some((s) => s.name === n));
  if (unknown.length > 0) invalid(`BENCH_SCENARIOS: unknown ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  return {
    durationSeconds: seconds('BENCH_DURATION', 10, 1),
    warmupSeconds: seconds('BENCH_WARMUP', 3, 0),
    connections,
    scenarios: SCENARIOS.filter((s) => names.includes(s.name)),
    output: path.resolve(env.BENCH_OUTPUT ?? path.join(ROOT, 'bench', 'results.json')),
  };
}

// ---------------------------------------------------------------------------------------------
// The stack under test.

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

async function seedIfSmall(config: Config): Promise<void> {
  await assertCatalogReady(config.DATABASE_URL);
  const services = createCatalogServices({ config });
  try {
    const products = await services.db.product.count({ where: { deletedAt: null } });
    if (products >= MIN_PRODUCTS) return;
    console.log(`The catalog has ${products} products; seeding the demo catalog first.`);
    const summary = await seedCatalog(services);
    console.log(`Seeded ${summary.products.created} products in ${(summary.durationMs / 1000).toFixed(1)} s.`);
  } finally {
    await services.db.$disconnect();
  }
}

interface Stack {
  mode: 'external' | 'in-process';
  close(): Promise<void>;
}

async function ensureStack(config: Config, gatewayBase: string): Promise<Stack> {
  if (await answers(`${gatewayBase}/healthz`)) {
    console.log(`Using the stack already answering on ${gatewayBase}.`);
    return { mode: 'external', close: async () => {} };
  }
  console.log(`Nothing answers on ${gatewayBase}; starting the stack in this process.`);
  await seedIfSmall(config);
  const started = await startServices(config);
  return { mode: 'in-process', close: started.close };
}

async function graphql(
  url: string,
  headers: Record<string, string>,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ status: number; body: GraphQLAnswer }> {
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as GraphQLAnswer };
}

async function loadFixtures(url: string, headers: Record<string, string>): Promise<Fixtures & { liveProducts: number }> {
  const slugs: string[] = [];
  const variantIds: string[] = [];
  let after: string | null = null;
  let liveProducts = 0;
  do {
    const { body } = await graphql(
      url,
      headers,
      `query Slugs($after: String) { products(first: 100, after: $after, sort: NAME_ASC) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { slug variants { id availableForSale inventory { available } } } } } }`,
      { after },
    );
    if (body.errors?.length || !body.data) throw new Error(`could not list the catalog's slugs: ${JSON.stringify(body.errors)}`);
    const page = body.data.products;
    liveProducts = page.totalCount;
    for (const { node } of page.edges as { node: { slug: string; variants: { id: string; availableForSale: boolean; inventory: { available: number } }[] } }[]) {
      slugs.push(node.slug);
      // Plenty in stock, so that long runs never see a stock warning change the work done.
      variantIds.push(...node.variants.filter((v) => v.availableForSale && v.inventory.available >= 50).map((v) => v.id));
    }
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return { slugs, variantIds, liveProducts };
}

/** A dev-key customer token, as the identity provider would issue; none when a real IdP is configured. */
async function customerToken(config: Config, sub = 'bench-customer'): Promise<string | null> {
  if (hasRealKey(config)) return null;
  const keys = await ensureDevKeys(config.DEV_KEYS_DIR);
  return signUserToken(keys.privateKeyPem, {
    sub,
    roles: ['customer'],
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    ttlSeconds: 3600,
  });
}

// ---------------------------------------------------------------------------------------------
// Load.

interface RunResult {
  scenario: string;
  viewer: Viewer;
  connections: number;
  /** The gateway's Cache-Control for the scenario: "max-age=…, public" when its response cache serves repeats. */
  cacheControl: string | null;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  errors: { socket: number; timeouts: number; non2xx: number; graphql: number };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return round(sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

let current: autocannon.Instance | null = null;
let interrupted = false;

/**
 * One autocannon run. Latencies are taken from every response (not autocannon's 2xx-only
 * histogram, which has no p95); GraphQL errors, which come back as 200s, are counted from bodies.
 */
interface LoadRequest {
  headers: Record<string, string>;
  body: string;
}

async function load(gatewayBase: string, requests: LoadRequest[], connections: number, duration: number) {
  let next = 0;
  let graphqlErrors = 0;
  const latencies: number[] = [];
  const instance = autocannon({
    url: gatewayBase,
    connections,
    duration,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        setupRequest: (request) => {
          const { headers, body } = requests[next++ % requests.length]!;
          return { ...request, headers, body };
        },
        onResponse: (status, body) => {
          // A key, never text inside a value: quotes in values are escaped in JSON.
          if (status === 200 && body.includes('"errors":')) graphqlErrors++;
        },
      },
    ],
  });
  instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  current = instance;
  const result = await instance;
  current = null;
  await waitUntilIdle(gatewayBase);
  latencies.sort((a, b) => a - b);
  return { result, latencies, graphqlErrors };
}

/**
 * Operations the gateway has answered so far, from its /metrics; null when it publishes none.
 * Throws when the gateway is too busy to answer within a few seconds.
 */
async function answeredOperations(gatewayBase: string): Promise<number | null> {
  const res = await fetch(`${gatewayBase}/metrics`, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) return null;
  const counts = (await res.text()).split('\n').filter((l) => l.startsWith('graphql_requests_total{'));
  return counts.length ? counts.reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0) : null;
}

/**
 * When a run ends, autocannon drops its sockets but the gateway still works through what they
 * sent; left alone, that backlog would be billed to the next run (and cut off by a shutdown).
 * Waits until the count of answered operations stops moving.
 */
async function waitUntilIdle(gatewayBase: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let before: number | undefined;
  while (Date.now() < deadline) {
    let now: number | null | undefined;
    try {
      now = await answeredOperations(gatewayBase);
    } catch (err) {
      // Too busy to answer means not idle; not listening at all means nothing left to wait for.
      if ((err as Error).name !== 'TimeoutError') return;
      now = undefined;
    }
    if (now === null) return;
    if (now !== undefined && now === before) return;
    before = now;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/**
 * Fails loudly when a scenario's requests do not work; returns the Cache-Control the gateway
 * answered with, so the results say whether its response cache served the scenario.
 */
async function sanityCheck(url: string, requests: LoadRequest[], scenario: Scenario): Promise<string | null> {
  const step = Math.max(1, Math.floor(requests.length / SANITY_SAMPLES));
  let cacheControl: string | null = null;
  for (let i = 0; i < requests.length; i += step) {
    const res = await fetch(url, { method: 'POST', headers: requests[i]!.headers, body: requests[i]!.body });
    const body = (await res.json()) as GraphQLAnswer;
    cacheControl ??= res.headers.get('cache-control');
    const problem =
      res.status !== 200 ? `HTTP ${res.status}` : body.errors?.length ? `GraphQL errors ${JSON.stringify(body.errors)}` : body.data ? scenario.problem(body.data) : 'no data';
    if (problem) throw new Error(`Scenario ${scenario.name} is broken before any load (request ${requests[i]!.body}): ${problem}`);
  }
  return cacheControl;
}

/** Each shopper signs in (a dev token) and opens a cart; request i is shopper i's, round the ring. */
async function shopperRequests(url: string, config: Config, scenario: Scenario, variables: Record<string, unknown>[]): Promise<LoadRequest[]> {
  const shoppers: LoadRequest['headers'][] = [];
  const carts: string[] = [];
  for (let i = 0; i < scenario.shoppers!; i++) {
    const token = await customerToken(config, `bench-shopper-${i}`);
    if (!token) throw new Error(`Scenario ${scenario.name} needs customer tokens, which a real identity provider configuration cannot mint here`);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const { body } = await graphql(url, headers, 'mutation { createCart { cart { id } userErrors { code message } } }', {});
    const cartId = body.data?.createCart?.cart?.id;
    if (!cartId) throw new Error(`could not open a cart for shopper ${i}: ${JSON.stringify(body.errors ?? body.data)}`);
    shoppers.push(headers);
    carts.push(cartId);
  }
  const count = Math.max(shoppers.length, variables.length) * 4;
  return Array.from({ length: count }, (_, i) => ({
    headers: shoppers[i % shoppers.length]!,
    body: JSON.stringify({ query: scenario.query, variables: { ...variables[Math.floor(i / shoppers.length) % variables.length], cartId: carts[i % carts.length] } }),
  }));
}

function printTable(results: RunResult[]): void {
  const header = ['scenario', 'viewer', 'cache', 'conns', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'non-2xx'];
  const rows = results.map((r) => [
    r.scenario,
    r.viewer,
    r.cacheControl?.includes('public') ? r.cacheControl.replace(', public', '') : 'off',
    String(r.connections),
    r.requestsPerSecond.toFixed(0),
    r.latencyMs.p50.toFixed(1),
    r.latencyMs.p95.toFixed(1),
    r.latencyMs.p99.toFixed(1),
    String(r.errors.socket + r.errors.timeouts + r.errors.graphql),
    String(r.errors.non2xx),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
}

function gitCommit(): { commit: string | null; dirty: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return { commit, dirty };
  } catch {
    return { commit: null, dirty: false };
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpus: cpus.length,
    totalMemoryGiB: round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    // The box may be shared; a busy one explains figures that do not repeat.
    loadAverageAtStart: os.loadavg().map((l) => round(l, 2)),
  };
}

async function main(): Promise<void> {
  const config = loadConfigOrExit({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const settings = readSettings(process.env);
  const host = machine();
  const gatewayBase = `http://127.0.0.1:${config.PORT}`;
  const graphqlUrl = `${gatewayBase}/graphql`;
  // The first signal stops the load and lets the stack shut down cleanly; a second one exits at
  // once. `on`, not `once`: signal-exit (a dependency's) re-raises a signal nobody else hears.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (interrupted) process.exit(130);
      interrupted = true;
      current?.stop();
    });
  }

  const stack = await ensureStack(config, gatewayBase);
  const results: RunResult[] = [];
  let liveProducts = 0;
  try {
    const token = await customerToken(config);
    const headersFor = (viewer: Viewer): Record<string, string> => ({
      'content-type': 'application/json',
      ...(viewer === 'customer' && token ? { authorization: `Bearer ${token}` } : {}),
    });
    if (!token) console.warn('A real identity provider is configured, so no customer token can be minted: every scenario runs anonymously.');
    const fixtures = await loadFixtures(graphqlUrl, headersFor('anonymous'));
    liveProducts = fixtures.liveProducts;
    if (liveProducts < MIN_PRODUCTS) {
      console.warn(`The stack serves only ${liveProducts} live products; seed its database (npx tsx scripts/seed.ts) for figures that mean something.`);
    }

    for (const scenario of settings.scenarios) {
      const viewer: Viewer = token ? scenario.viewer : 'anonymous';
      const headers = headersFor(viewer);
      const variables = scenario.variables(fixtures);
      if (variables.length === 0) throw new Error(`Scenario ${scenario.name} has nothing to request (an empty catalog?)`);
      const requests = scenario.shoppers
        ? await shopperRequests(graphqlUrl, config, scenario, variables)
        : variables.map((v) => ({ headers, body: JSON.stringify({ query: scenario.query, variables: v }) }));
      const cacheControl = await sanityCheck(graphqlUrl, requests, scenario);
      if (settings.warmupSeconds > 0 && !interrupted) {
        console.log(`${scenario.name}: warming up for ${settings.warmupSeconds} s`);
        await load(gatewayBase, requests, Math.max(...settings.connections), settings.warmupSeconds);
      }
      for (const connections of settings.connections) {
        if (interrupted) break;
        console.log(`${scenario.name}: ${connections} connections for ${settings.durationSeconds} s`);
        const { result, latencies, graphqlErrors } = await load(gatewayBase, requests, connections, settings.durationSeconds);
        results.push({
          scenario: scenario.name,
          viewer,
          connections,
          cacheControl,
          durationSeconds: result.duration,
          requests: latencies.length,
          requestsPerSecond: round(latencies.length / result.duration),
          latencyMs: {
            p50: percentile(latencies, 50),
            p95: percentile(latencies, 95),
            p99: percentile(latencies, 99),
            max: round(latencies.at(-1) ?? 0),
          },
          errors: { socket: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, graphql: graphqlErrors },
        });
      }
    }
  } finally {
    await stack.close();
  }
  if (interrupted) {
    console.error('Interrupted: no results written.');
    process.exit(130);
  }

  printTable(results);
  const report = {
    date: new Date().toISOString(),
    git: gitCommit(),
    machine: host,
    stack: { mode: stack.mode, gateway: graphqlUrl, liveProducts },
    settings: { durationSeconds: settings.durationSeconds, warmupSeconds: settings.warmupSeconds, connections: settings.connections },
    scenarios: settings.scenarios.map((s) => ({ name: s.name, viewer: s.viewer, description: s.description })),
    results,
  };
  writeFileSync(settings.output, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), settings.output)}`);
  const failed = results.filter((r) => r.errors.socket + r.errors.timeouts + r.errors.non2xx + r.errors.graphql > 0);
  if (failed.length > 0) {
    console.error(`Errors under load in: ${failed.map((r) => `${r.scenario}@${r.connections}`).join(', ')}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
