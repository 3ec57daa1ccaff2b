// npx tsx bench/run.ts (npm run bench): storefront reads, add to cart, checkout and live order
// tracking through the gateway, under load.
//
// Uses the stack answering on PORT when there is one; otherwise starts every service in this
// process (seeding the catalog first when it is small) and stops them at the end. Checkout and
// tracking pay on the Stripe-compatible server at STRIPE_API_BASE, started in this process when
// none answers (scripts/local-services.ts). Prints a table and writes bench/results.json with the
// machine it ran on.
//
//   BENCH_DURATION        seconds per measured run (default 10)
//   BENCH_CONNECTIONS     concurrent connections (checkout: shoppers), one run each (default 10,50)
//   BENCH_WARMUP          seconds of unmeasured load per scenario first (default 3)
//   BENCH_SCENARIOS       which scenarios (default all but soak), e.g. listing,search or checkout or soak;
//                         suggest alone runs a stack started here with CATALOG_CACHE_MAX_AGE=0 (uncached)
//   BENCH_OUTPUT          where to write the results (default bench/results.json)
//   BENCH_SUBSCRIBERS     tracking: concurrent subscribers (default 1000)
//   BENCH_TRACKING_ORDERS tracking: orders they follow, a few subscribers each (default 200)
//   BENCH_TRACKING_RATE   tracking: cards confirmed per second (default 20)
//   BENCH_SECOND_GATEWAY  tracking against a running stack: a second gateway's URL for the run
//                         with two (in-process, the bench starts one itself)
//   BENCH_RENEWALS        renewals: subscriptions due at once, renewed by two workers (default 10000)
//   BENCH_SOAK_SECONDS    soak (only when named in BENCH_SCENARIOS): seconds of mixed load (default 600)
//   BENCH_SOAK_CONNECTIONS soak: concurrent shoppers (default BENCH_CONNECTIONS's first)
//
// `npm run bench -- --profile` (one scenario) starts the stack itself in the production topology
// under `node --cpu-prof` and writes each process's CPU profile to bench/profiles/ (bench/profile.ts).
//
// The scenarios are in bench/scenarios.ts (checkout, tracking, renewals and soak, journeys rather than
// one request, in bench/checkout.ts, bench/tracking.ts, bench/renewals.ts and bench/soak.ts), the stack start-up in bench/stack.ts, the
// requests and their checks in bench/requests.ts, the load and its measurement in bench/load.ts,
// and the table and JSON report in bench/report.ts.
import path from 'node:path';
import { gatewaySettings } from '../gateway/config.js';
import { loadConfigOrExit, readSettings, type Config } from '../lib/config.js';
import { SUBGRAPHS } from '../lib/subgraph-names.js';
import { localStripe, type LocalService } from '../scripts/local-services.js';
import { paymentSettings, stripeConnection } from '../subgraphs/order/payments/config.js';
import { auditHolds, describeAudit, type CheckoutAudit } from './checkout-audit.js';
import { CHECKOUT_SCENARIO, checkoutScenario, printCheckouts, stopCheckouts, type CheckoutResult } from './checkout.js';
import { load, stopLoad, summarise, type RunResult } from './load.js';
import { DEFAULT_OUTPUT, gitCommit, machine, printTable, writeReport } from './report.js';
import { postgresState, vacuumIfOff, type PostgresState } from './vacuum.js';
import { RENEWALS_SCENARIO, printRenewals, renewalsScenario, type RenewalsResult } from './renewals.js';
import { customerToken, loadFixtures, sanityCheck, shopperRequests } from './requests.js';
import { createRuntime } from '../lib/runtime.js';
import { SCENARIOS, type Scenario, type Viewer } from './scenarios.js';
import { SOAK_SCENARIO, printSoak, soakScenario, stopSoak, type SoakResult, type SoakSettings } from './soak.js';
import { stripeApart } from './soak-measures.js';
import { PROFILE_DIR, profiledStack } from './profile.js';
import { answers, ensureStack, MIN_PRODUCTS, seedIfSmall, type Stack } from './stack.js';
import { recordWebhooks } from './tracking-measures.js';
import { TRACKING_SCENARIO, gatewayTargets, printTracking, stopTracking, trackingScenario, type TrackingResult } from './tracking.js';

interface Settings {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number[];
  scenarios: Scenario[];
  checkout: boolean;
  tracking: { subscribers: number; orders: number; confirmsPerSecond: number; secondGateway: string | null } | null;
  renewals: number | null;
  soak: Omit<SoakSettings, 'warmupSeconds'> | null;
  output: string;
  /** `--profile`: the one scenario's name, run on a stack started here under `node --cpu-prof`. */
  profile: string | null;
}

function invalid(message: string): never {
  console.error(message);
  process.exit(2);
}

/** `--profile` names the one scenario to profile: one at a time, so that each profile is one load. */
function profiled(argv: readonly string[], names: readonly string[]): string | null {
  const unknown = argv.filter((a) => a !== '--profile');
  if (unknown.length > 0) invalid(`Unknown arguments: ${unknown.join(' ')} (the only one is --profile; the rest are BENCH_* variables)`);
  if (!argv.includes('--profile')) return null;
  if (names.length !== 1) invalid(`--profile profiles one scenario at a time: name it, e.g. BENCH_SCENARIOS=product npm run bench -- --profile (got ${names.join(', ')})`);
  return names[0]!;
}

/** The BENCH_* variables; a bad one ends the process with a message, as bad configuration does. */
function benchSettings(env: NodeJS.ProcessEnv, argv: readonly string[]): Settings {
  const seconds = (name: string, fallback: number, min: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isFinite(value) || value < min) invalid(`${name} must be at least ${min} seconds (got ${env[name]})`);
    return value;
  };
  const connections = (env.BENCH_CONNECTIONS ?? '10,50').split(',').map((c) => Number(c.trim()));
  if (connections.length === 0 || connections.some((c) => !Number.isInteger(c) || c < 1)) {
    invalid(`BENCH_CONNECTIONS must be whole numbers separated by commas (got ${env.BENCH_CONNECTIONS})`);
  }
  const count = (name: string, fallback: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1) invalid(`${name} must be a whole number of at least 1 (got ${env[name]})`);
    return value;
  };
  let secondGateway: string | null = null;
  if (env.BENCH_SECOND_GATEWAY) {
    try {
      secondGateway = new URL(env.BENCH_SECOND_GATEWAY).origin;
    } catch {
      invalid(`BENCH_SECOND_GATEWAY must be a gateway's URL, e.g. http://127.0.0.1:4010 (got ${env.BENCH_SECOND_GATEWAY})`);
    }
  }
  const known = [...SCENARIOS.map((s) => s.name), CHECKOUT_SCENARIO.name, TRACKING_SCENARIO.name, RENEWALS_SCENARIO.name, SOAK_SCENARIO.name];
  // The soak takes ten minutes: only when named.
  const names = env.BENCH_SCENARIOS ? env.BENCH_SCENARIOS.split(',').map((s) => s.trim()) : known.filter((n) => n !== SOAK_SCENARIO.name);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) invalid(`BENCH_SCENARIOS: unknown ${unknown.join(', ')}; known: ${known.join(', ')}`);
  return {
    durationSeconds: seconds('BENCH_DURATION', 10, 1),
    warmupSeconds: seconds('BENCH_WARMUP', 3, 0),
    connections,
    scenarios: SCENARIOS.filter((s) => names.includes(s.name)),
    checkout: names.includes(CHECKOUT_SCENARIO.name),
    tracking: names.includes(TRACKING_SCENARIO.name)
      ? { subscribers: count('BENCH_SUBSCRIBERS', 1000), orders: count('BENCH_TRACKING_ORDERS', 200), confirmsPerSecond: count('BENCH_TRACKING_RATE', 20), secondGateway }
      : null,
    renewals: names.includes(RENEWALS_SCENARIO.name) ? count('BENCH_RENEWALS', 10_000) : null,
    soak: names.includes(SOAK_SCENARIO.name) ? { seconds: seconds('BENCH_SOAK_SECONDS', 600, 10), connections: count('BENCH_SOAK_CONNECTIONS', connections[0]!) } : null,
    output: path.resolve(env.BENCH_OUTPUT ?? DEFAULT_OUTPUT),
    profile: profiled(argv, names),
  };
}

let interrupted = false;

/** The stack for `--profile`: started here (seeded first when small), never one already running, whose processes the bench cannot profile. */
async function startProfiled(config: Config, env: Record<string, string | undefined>, gatewayBase: string, scenario: string): Promise<Stack> {
  if (await answers(`${gatewayBase}/healthz`)) invalid(`--profile starts the stack itself, but one already answers on ${gatewayBase}: stop it first.`);
  await seedIfSmall(config);
  const last = config.subgraphUrls[SUBGRAPHS[SUBGRAPHS.length - 1]!];
  const stack = await profiledStack(env, { gateway: gatewayBase, subgraph: new URL(last).origin }, scenario);
  return {
    ...stack,
    close: async () => {
      await stack.close();
      console.log(`CPU profiles in ${path.relative(process.cwd(), PROFILE_DIR)}/: ${stack.profiles.map((p) => path.basename(p)).join(', ')}`);
    },
  };
}

async function main(): Promise<void> {
  // One load generator plays thousands of shoppers from one address: the checkout limits, which
  // stop one person or client hammering, are lifted for a stack started here unless set.
  const benchLimits = { CHECKOUT_ATTEMPTS_PER_MINUTE_PER_PERSON: '100000', CHECKOUT_ATTEMPTS_PER_MINUTE_PER_CLIENT: '100000' };
  const settings = benchSettings(process.env, process.argv.slice(2));
  // Scenarios measured uncached (suggest), run on their own: a stack started here has no response cache unless set.
  const uncachedOnly = settings.scenarios.length > 0 && settings.scenarios.every((s) => s.uncached) ? { CATALOG_CACHE_MAX_AGE: '0' } : {};
  const stackEnv = { ...benchLimits, ...uncachedOnly, ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
  const config = loadConfigOrExit(stackEnv, [paymentSettings]);
  const payments = readSettings(paymentSettings, config);
  if ((settings.checkout || settings.tracking || settings.renewals || settings.soak) && payments.STRIPE_SECRET_KEY) {
    console.warn('STRIPE_SECRET_KEY is set: checkout, tracking, renewals and soak pay on the local Stripe-compatible server only, so they are left out.');
    settings.checkout = false;
    settings.tracking = null;
    settings.renewals = null;
    settings.soak = null;
  }
  const host = machine();
  const gatewayBase = `http://127.0.0.1:${config.PORT}`;
  const graphqlUrl = `${gatewayBase}/graphql`;
  // The first signal stops the load and lets the stack shut down cleanly; a second one exits at
  // once. `on`, not `once`: signal-exit (a dependency's) re-raises a signal nobody else hears.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (interrupted) process.exit(130);
      interrupted = true;
      stopLoad();
      stopCheckouts();
      stopTracking();
      stopSoak();
    });
  }

  // Tracking times each payment from its webhook reaching the gateway: a Stripe server started
  // here sends its webhooks through a proxy that notes when (one that runs already cannot).
  const webhooks = settings.tracking ? await recordWebhooks(gatewayBase) : null;
  let stripe: LocalService | null = null;
  let stack: Stack;
  try {
    if (settings.checkout || settings.tracking || settings.renewals) stripe = await localStripe({ settings: payments, gatewayPort: config.PORT, webhookUrl: webhooks?.url });
    // The soak alone runs the local Stripe server in a process of its own, so that its stored payments are not the stack's memory.
    else if (settings.soak) stripe = await stripeApart(payments, config.PORT);
    stack = settings.profile ? await startProfiled(config, stackEnv, gatewayBase, settings.profile) : await ensureStack(config, gatewayBase);
  } catch (err) {
    await stripe?.stop();
    await webhooks?.close();
    throw err;
  }
  const results: RunResult[] = [];
  const checkouts: CheckoutResult[] = [];
  let checkoutAudit: CheckoutAudit | null = null;
  const tracking: TrackingResult[] = [];
  const renewals: RenewalsResult[] = [];
  let soak: SoakResult | null = null;
  let liveProducts = 0;
  let postgres: PostgresState | null = null;
  try {
    const token = await customerToken(config);
    const headersFor = (viewer: Viewer): Record<string, string> => ({
      'content-type': 'application/json',
      ...(viewer === 'customer' && token ? { authorization: `Bearer ${token}` } : {}),
    });
    if (!token) console.warn('A real identity provider is configured, so no customer token can be minted: every scenario runs anonymously.');
    postgres = await postgresState(config);
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
      await vacuumIfOff(config, postgres);
      const cacheControl = await sanityCheck(graphqlUrl, requests, scenario);
      if (scenario.uncached && /max-age=[1-9]/.test(cacheControl ?? '')) {
        console.warn(`${scenario.name}: answered with Cache-Control ${cacheControl}, so the gateway's response cache serves repeats; for uncached figures run it alone, or the stack with CATALOG_CACHE_MAX_AGE=0.`);
      }
      if (settings.warmupSeconds > 0 && !interrupted) {
        console.log(`${scenario.name}: warming up for ${settings.warmupSeconds} s`);
        await load(gatewayBase, requests, Math.max(...settings.connections), settings.warmupSeconds);
      }
      for (const connections of settings.connections) {
        if (interrupted) break;
        console.log(`${scenario.name}: ${connections} connections for ${settings.durationSeconds} s`);
        const run = await load(gatewayBase, requests, connections, settings.durationSeconds);
        results.push(summarise(run, { scenario: scenario.name, viewer, connections, cacheControl }));
      }
    }
    const endpoint = stripe && { url: stripe.url, publishableKey: stripeConnection(payments).publishableKey! };
    if (endpoint && settings.checkout && !interrupted) {
      await vacuumIfOff(config, postgres);
      const { runs, audit } = await checkoutScenario(graphqlUrl, config, endpoint, fixtures.variantIds, settings);
      checkouts.push(...runs);
      results.push(...checkouts);
      checkoutAudit = audit;
    }
    if (endpoint && settings.tracking && !interrupted) {
      const { subscribers, orders, confirmsPerSecond, secondGateway } = settings.tracking;
      if (!stripe!.started) console.log('tracking: the Stripe server was already running, so its webhooks go straight to the gateway: latencies are measured from the confirm.');
      const trackingSettings = { subscribers, orders, confirmsPerSecond, warmupSeconds: settings.warmupSeconds, connectionsPerPerson: readSettings(gatewaySettings, config).WS_MAX_CONNECTIONS_PER_PERSON };
      const targets = gatewayTargets(stack, gatewayBase, secondGateway);
      tracking.push(...(await trackingScenario(graphqlUrl, config, endpoint, fixtures.variantIds, trackingSettings, targets, stripe!.started ? webhooks!.arrivals : null)));
    }
    if (endpoint && settings.renewals && !interrupted) {
      // The workers run in this process; against a running stack they share its database and peers.
      const runtime = stack.runtime ?? (await createRuntime(config));
      try {
        renewals.push(await renewalsScenario(graphqlUrl, config, runtime, settings.renewals));
      } finally {
        if (!stack.runtime) runtime.redis.disconnect();
      }
    }
    if (endpoint && settings.soak && !interrupted) {
      const stripeHere = stripe!.started && Boolean(settings.checkout || settings.tracking || settings.renewals);
      soak = await soakScenario(graphqlUrl, gatewayBase, config, stack, { ...endpoint, inThisProcess: stripeHere }, fixtures, { ...settings.soak, warmupSeconds: settings.warmupSeconds });
    }
  } finally {
    await stack.close();
    await stripe?.stop();
    await webhooks?.close();
  }
  if (interrupted) {
    console.error('Interrupted: no results written.');
    process.exit(130);
  }

  if (results.length > 0) printTable(results);
  printCheckouts(checkouts);
  if (checkoutAudit) console.log(`checkout audit: ${describeAudit(checkoutAudit)}\n`);
  printTracking(tracking);
  printRenewals(renewals);
  printSoak(soak);
  const report = {
    date: new Date().toISOString(),
    git: gitCommit(),
    machine: host,
    postgres,
    stack: { mode: stack.mode, gateway: graphqlUrl, liveProducts },
    settings: { durationSeconds: settings.durationSeconds, warmupSeconds: settings.warmupSeconds, connections: settings.connections, ...(settings.tracking ? { tracking: settings.tracking } : {}), ...(settings.soak ? { soak: settings.soak } : {}) },
    scenarios: [
      ...settings.scenarios.map((s) => ({ name: s.name, viewer: s.viewer, description: s.description })),
      ...(settings.checkout ? [CHECKOUT_SCENARIO] : []),
      ...(settings.tracking ? [TRACKING_SCENARIO] : []),
      ...(settings.renewals ? [RENEWALS_SCENARIO] : []),
      ...(settings.soak ? [SOAK_SCENARIO] : []),
    ],
    results,
    ...(checkoutAudit ? { checkoutAudit } : {}),
    ...(settings.tracking ? { tracking } : {}),
    ...(settings.renewals ? { renewals } : {}),
    ...(soak ? { soak } : {}),
  };
  writeReport(settings.output, report);
  const failed = results.filter((r) => r.errors.socket + r.errors.timeouts + r.errors.non2xx + r.errors.graphql > 0);
  if (failed.length > 0) {
    console.error(`Errors under load in: ${failed.map((r) => `${r.scenario}@${r.connections}`).join(', ')}`);
    process.exitCode = 1;
  }
  if (checkoutAudit && !auditHolds(checkoutAudit)) {
    console.error(`Checkout audit: ${describeAudit(checkoutAudit)}`);
    process.exitCode = 1;
  }
  const unbilled = renewals.filter((r) => r.unpaid > 0 || r.orders !== r.subscriptions || r.charges !== r.subscriptions);
  if (unbilled.length > 0) {
    console.error(`Renewals not billed exactly once: ${unbilled.map((r) => `${r.orders} orders and ${r.charges} charges for ${r.subscriptions}, ${r.unpaid} unpaid`).join('; ')}`);
    process.exitCode = 1;
  }
  // Memory counts only when read after a full collection (the stack in this process).
  const leaking = soak !== null && soak.memory.forcedGc && !soak.memory.flat;
  if (soak && (soak.overall.failed > 0 || !soak.backlog.zero || leaking)) {
    const problems = [soak.overall.failed > 0 && `${soak.overall.failed} requests failed`, leaking && 'memory not flat', !soak.backlog.zero && 'event backlog not drained'];
    console.error(`Soak: ${problems.filter(Boolean).join(', ')}`);
    process.exitCode = 1;
  }
  const undelivered = tracking.filter((r) => r.delivered < r.expected);
  if (undelivered.length > 0) {
    console.error(`Tracking messages missed with: ${undelivered.map((r) => `${r.gateways} gateway(s), ${r.expected - r.delivered} of ${r.expected}`).join('; ')}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}