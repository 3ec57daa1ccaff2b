// Starts the services named by SERVICES (default: all of them in this one process) and stops
// them cleanly on SIGINT/SIGTERM within SHUTDOWN_TIMEOUT_MS.
import { RedisSettingsError } from '../lib/redis-settings.js';
import { gatewaySettings } from '../gateway/config.js';
import { databaseFor, loadConfigOrExit, type Config, type Settings } from '../lib/config.js';
import { createLogger } from '../lib/logger.js';
import { unreachable } from '../lib/reachable.js';
import { createRuntime, type Runtime, type RunningService } from '../lib/runtime.js';
import { startTracing } from '../lib/tracing.js';
import type { SubgraphName } from '../lib/subgraph-names.js';
import { cartSettings } from '../subgraphs/cart/config.js';
import { catalogSettings } from '../subgraphs/catalog/config.js';
import { orderSettings } from '../subgraphs/order/config.js';
import { paymentSettings } from '../subgraphs/order/payments/config.js';
import { promotionSettings } from '../subgraphs/promotion/config.js';
import { subscriptionSettings } from '../subgraphs/subscription/config.js';

/** Every context's own settings, checked with the process's at start-up so that one message names every bad value. */
export const CONTEXT_SETTINGS: readonly Settings[] = [gatewaySettings, catalogSettings, cartSettings, orderSettings, paymentSettings, promotionSettings, subscriptionSettings];

type Starter = (runtime: Runtime) => Promise<RunningService>;

/**
 * Each service's code, loaded only by a process that runs it: a gateway's process then holds none
 * of the subgraphs' modules (Prisma clients, Stripe), and a subgraph's none of @apollo/gateway.
 */
const starters: Record<SubgraphName | 'gateway', () => Promise<Starter>> = {
  catalog: async () => (await import('../subgraphs/catalog/server.js')).startCatalog,
  cart: async () => (await import('../subgraphs/cart/server.js')).startCart,
  order: async () => (await import('../subgraphs/order/server.js')).startOrder,
  subscription: async () => (await import('../subgraphs/subscription/server.js')).startSubscription,
  promotion: async () => (await import('../subgraphs/promotion/server.js')).startPromotion,
  gateway: async () => (await import('../gateway/server.js')).startGateway,
};

export async function startServices(config: Config): Promise<{ services: RunningService[]; runtime: Runtime; close(): Promise<void> }> {
  const runtime = await createRuntime(config);
  const services: RunningService[] = [];
  // The gateway stops first, so no subgraph waits on requests the gateway is still sending.
  const close = async () => {
    const gateway = services.filter((s) => s.name === 'gateway');
    await Promise.allSettled(gateway.map((s) => s.close()));
    await Promise.allSettled(services.filter((s) => s.name !== 'gateway').map((s) => s.close()));
    runtime.redis.disconnect();
  };
  try {
    // Subgraphs first, so that the gateway's first query plan finds them listening.
    for (const name of config.SERVICES) if (name !== 'gateway') services.push(await (await starters[name]())(runtime));
    if (config.SERVICES.includes('gateway')) services.push(await (await starters.gateway())(runtime));
  } catch (err) {
    await close();
    throw err;
  }
  return { services, runtime, close };
}

/** The PostgreSQL databases the subgraphs of this process use, each once, with the setting that names it. */
function databasesOf(config: Config): { name: string; setting: string; url: string }[] {
  const contexts = config.SERVICES.filter((s) => s !== 'gateway');
  const databases: { setting: string; url: string }[] = contexts.map((context) => databaseFor(config, context));
  if (contexts.includes('catalog') && config.CATALOG_READ_DATABASE_URL) databases.push({ setting: 'CATALOG_READ_DATABASE_URL', url: config.CATALOG_READ_DATABASE_URL });
  return [...new Set(databases.map((d) => d.setting))].map((setting) => ({ name: 'PostgreSQL', ...databases.find((d) => d.setting === setting)! }));
}

const EXAMPLE = `{
  products(first: 3, filter: { search: "shirt" }) {
    totalCount
    edges { node { name slug priceRange { min { formatted } } variants { sku inventory { available } } } }
  }
}`;

async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env, CONTEXT_SETTINGS);
  const log = createLogger(config.LOG_LEVEL, 'main');
  // Every service needs Redis; the subgraphs need PostgreSQL too.
  const missing = await unreachable([
    ...databasesOf(config),
    { name: 'Redis', setting: 'REDIS_URL', url: config.REDIS_URL },
  ]);
  if (missing.length > 0) {
    console.error(`\n${missing.join('\n')}\n`);
    process.exit(1);
  }
  // Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set; spans outside any one service are this process's.
  const tracing = await startTracing({ service: config.SERVICES.length === 1 ? config.SERVICES[0] : 'commerce' });
  if (tracing) log.info({ endpoint: process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_ENDPOINT }, 'tracing: spans are exported over OTLP');
  const { services, close } = await startServices(config);
  const gateway = services.find((s) => s.name === 'gateway');
  if (gateway) {
    const url = `http://localhost:${gateway.port}/graphql`;
    process.stdout.write(
      `\nCommerce supergraph is up.\n  GraphQL:  ${url}  (open it in a browser for Apollo Sandbox)\n` +
        `  Health:   http://localhost:${gateway.port}/healthz   /readyz   /metrics\n` +
        `  Subgraphs: ${services.filter((s) => s !== gateway).map((s) => `${s.name} :${s.port}`).join(', ')}\n` +
        `  Token:    npm run -s token -- --sub person-1 --role customer\n\nTry:\n  curl -s ${url} -H 'content-type: application/json' \\\n` +
        `    -d '${JSON.stringify({ query: EXAMPLE.replace(/\s+/g, ' ') })}'\n\n`,
    );
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    await close();
    // The spans of the last requests and jobs leave before the process does.
    await tracing?.shutdown().catch((err: unknown) => log.warn({ err }, 'tracing: the last spans could not be exported'));
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    // A refusal to start says what to fix; anything else is a bug, with its stack.
    console.error(err instanceof RedisSettingsError ? `\n${err.message}\n` : err);
    process.exit(1);
  });
}
