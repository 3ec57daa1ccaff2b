// Configuration from the environment. This file holds what every process shares (where Postgres,
// Redis and the subgraphs are, keys, logging, workers) and the rules every setting is checked
// with; each context declares its own business settings next to its code (its config.ts) with
// these rules. Start-up checks the process's settings and every context's at once and names every
// bad value in one message.
import { z } from 'zod';
import { SUBGRAPHS, defaultSubgraphUrl, type SubgraphName } from './subgraph-names.js';

/** The rules settings are written with: each reads a string from the environment. */
export const setting = {
  bool: z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  int: (min: number, max: number) => z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(min).max(max),
  text: () => z.string().min(1),
  url: () => z.url({ message: 'must be a URL' }),
  postgresUrl: () => z.string().regex(/^postgres(ql)?:\/\/.+/, 'must be a postgresql:// URL'),
};

const serviceNames = ['gateway', ...SUBGRAPHS] as const;

export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/commerce';

const processSettings = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: setting.int(1, 65535).default(4000),
    SERVICES: z
      .string()
      .default('all')
      .transform((v) => (v === 'all' ? [...serviceNames] : v.split(',').map((s) => s.trim())))
      .pipe(z.array(z.enum(serviceNames, { message: `each must be one of all, ${serviceNames.join(', ')}` }))),
    RUN_WORKERS: setting.bool.default(true),
    DATABASE_URL: setting.postgresUrl().default(DEFAULT_DATABASE_URL),
    /** A context's database of its own, instead of DATABASE_URL's (databaseFor below). */
    CATALOG_DATABASE_URL: setting.postgresUrl().optional(),
    CART_DATABASE_URL: setting.postgresUrl().optional(),
    ORDER_DATABASE_URL: setting.postgresUrl().optional(),
    SUBSCRIPTION_DATABASE_URL: setting.postgresUrl().optional(),
    PROMOTION_DATABASE_URL: setting.postgresUrl().optional(),
    /** A read replica of the catalog's database, for shoppers' catalog reads (subgraphs/catalog/read-routing.ts). */
    CATALOG_READ_DATABASE_URL: setting.postgresUrl().optional(),
    DATABASE_POOL_SIZE: setting.int(1, 500).default(10),
    REDIS_URL: z.string().regex(/^rediss?:\/\/.+/, 'must be a redis:// URL').default('redis://127.0.0.1:6379'),
    /** REDIS_URL names one node of a Redis Cluster (lib/redis.ts createRedis). */
    REDIS_CLUSTER: setting.bool.default(false),
    REDIS_PREFIX: z.string().regex(/^[\w:.-]+$/, 'letters, digits and : . - _ only').default('commerce'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    JWT_ISSUER: setting.text().default('commerce-dev'),
    JWT_AUDIENCE: setting.text().default('commerce-api'),
    JWT_PUBLIC_KEY: z.string().includes('BEGIN PUBLIC KEY', { message: 'must be a PEM (SPKI) public key' }).optional(),
    JWT_JWKS_URL: setting.url().optional(),
    JWT_ALGORITHMS: z.string().default('ES256,RS256,EdDSA'),
    SERVICE_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    DEV_KEYS_DIR: z.string().default('.dev-keys'),
    CATALOG_URL: setting.url().default(defaultSubgraphUrl('catalog')),
    CART_URL: setting.url().default(defaultSubgraphUrl('cart')),
    ORDER_URL: setting.url().default(defaultSubgraphUrl('order')),
    SUBSCRIPTION_URL: setting.url().default(defaultSubgraphUrl('subscription')),
    PROMOTION_URL: setting.url().default(defaultSubgraphUrl('promotion')),
    /** Where subgraphs listen: loopback unless they run on hosts of their own (docker-compose: 0.0.0.0). */
    SUBGRAPH_LISTEN_HOST: z.string().default('127.0.0.1'),
    OUTBOX_RELAY_MS: setting.int(50, 60_000).default(5_000),
    OUTBOX_RETENTION_HOURS: setting.int(1, 87_600).default(168),
    EVENT_MAX_ATTEMPTS: setting.int(1, 100).default(5),
    SHUTDOWN_TIMEOUT_MS: setting.int(100, 120_000).default(10_000),
  })
  .superRefine((env, ctx) => {
    // A Cluster has database 0 only; a URL naming another would be read as if it were that one.
    if (env.REDIS_CLUSTER && URL.canParse(env.REDIS_URL) && !['', '/', '/0'].includes(new URL(env.REDIS_URL).pathname)) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_URL'], message: 'names a database, and a Redis Cluster has database 0 only: leave it out with REDIS_CLUSTER=true' });
    }
    if (env.NODE_ENV !== 'production') return;
    if (!env.JWT_PUBLIC_KEY && !env.JWT_JWKS_URL) {
      ctx.addIssue({ code: 'custom', path: ['JWT_PUBLIC_KEY'], message: 'JWT_PUBLIC_KEY or JWT_JWKS_URL is required in production' });
    }
    if (!env.SERVICE_TOKEN_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SERVICE_TOKEN_SECRET'], message: 'is required in production' });
    }
  });

/** The setting that gives a context a database of its own: CATALOG_DATABASE_URL, CART_DATABASE_URL, … */
export type ContextDatabaseSetting = `${Uppercase<SubgraphName>}_DATABASE_URL`;

export const contextDatabaseSetting = (context: SubgraphName) => `${context.toUpperCase()}_DATABASE_URL` as ContextDatabaseSetting;

export type DatabaseSettings = Pick<z.infer<typeof processSettings>, 'DATABASE_URL' | ContextDatabaseSetting>;

/**
 * Where a context's database is, and the setting that says so: its own <CONTEXT>_DATABASE_URL when
 * set, else the shared DATABASE_URL. Everything that connects to a context's database (its Prisma
 * client, its outbox listener, its migrations, the seed, scripts) asks here.
 */
export function databaseFor(config: DatabaseSettings, context: SubgraphName): { setting: ContextDatabaseSetting | 'DATABASE_URL'; url: string } {
  const setting = contextDatabaseSetting(context);
  const own = config[setting];
  return own ? { setting, url: own } : { setting: 'DATABASE_URL', url: config.DATABASE_URL };
}

export const databaseUrlFor = (config: DatabaseSettings, context: SubgraphName): string => databaseFor(config, context).url;

/** A context's own settings: an object of `setting` rules with their defaults. */
export type Settings = z.ZodObject;

export interface Config extends z.infer<typeof processSettings> {
  subgraphUrls: Record<SubgraphName, string>;
  /** The environment as read (empty values dropped), for each context to read its settings from. */
  env: Readonly<Record<string, string>>;
}

export class ConfigError extends Error {}

type Source = Record<string, string | undefined>;

const clean = (source: Source): Record<string, string> =>
  Object.fromEntries(Object.entries(source).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));

function describe(issues: z.core.$ZodIssue[], env: Record<string, string>): string[] {
  return issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const got = key in env ? ` (got ${JSON.stringify(env[key])})` : '';
    return `  ${key}: ${issue.message}${got}`;
  });
}

function configError(lines: string[]): ConfigError {
  return new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee the configuration tables in README.md and in each context's README.`);
}

/**
 * Reads and validates the process's settings and, checked with them, the settings of the
 * contexts given; throws one ConfigError naming every bad or missing value.
 */
export function loadConfig(source: Source = process.env, contexts: readonly Settings[] = []): Config {
  const env = clean(source);
  const parsed = processSettings.safeParse(env);
  const problems = [...(parsed.success ? [] : describe(parsed.error.issues, env))];
  for (const schema of contexts) {
    const result = schema.safeParse(env);
    if (!result.success) problems.push(...describe(result.error.issues, env));
  }
  if (!parsed.success || problems.length > 0) throw configError(problems);
  const values = parsed.data;
  return {
    ...values,
    env,
    subgraphUrls: {
      catalog: values.CATALOG_URL,
      cart: values.CART_URL,
      order: values.ORDER_URL,
      subscription: values.SUBSCRIPTION_URL,
      promotion: values.PROMOTION_URL,
    },
  };
}

/** A context's settings from the process's configuration (already checked at start-up by loadConfig). */
export function readSettings<S extends Settings>(schema: S, config: Pick<Config, 'env'>): z.infer<S> {
  const result = schema.safeParse(config.env);
  if (!result.success) throw configError(describe(result.error.issues, config.env));
  return result.data;
}

/** For command-line entry points: the configuration, or its error message and exit code 2. */
export function loadConfigOrExit(source: Source = process.env, contexts: readonly Settings[] = []): Config {
  try {
    return loadConfig(source, contexts);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(2);
  }
}
