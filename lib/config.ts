import { z } from 'zod';
import { SUBGRAPHS, defaultSubgraphUrl, type SubgraphName } from './subgraphs.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const positiveInt = (min: number, max: number) =>
  z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(min).max(max);
const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgresql:// URL');

const serviceNames = ['gateway', ...SUBGRAPHS] as const;

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: positiveInt(1, 65535).default(4000),
    SERVICES: z
      .string()
      .default('all')
      .transform((v) => (v === 'all' ? [...serviceNames] : v.split(',').map((s) => s.trim())))
      .pipe(z.array(z.enum(serviceNames, { message: `each must be one of all, ${serviceNames.join(', ')}` }))),
    RUN_WORKERS: bool.default(true),
    DATABASE_URL: postgresUrl.default('postgresql://postgres@127.0.0.1:5432/commerce'),
    DATABASE_POOL_SIZE: positiveInt(1, 500).default(10),
    REDIS_URL: z.string().regex(/^rediss?:\/\/.+/, 'must be a redis:// URL').default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z.string().regex(/^[\w:.-]+$/, 'letters, digits and : . - _ only').default('commerce'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    JWT_ISSUER: z.string().min(1).default('commerce-dev'),
    JWT_AUDIENCE: z.string().min(1).default('commerce-api'),
    JWT_PUBLIC_KEY: z.string().includes('BEGIN PUBLIC KEY', { message: 'must be a PEM (SPKI) public key' }).optional(),
    JWT_JWKS_URL: z.url({ message: 'must be a URL' }).optional(),
    JWT_ALGORITHMS: z.string().default('ES256,RS256,EdDSA'),
    SERVICE_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    DEV_KEYS_DIR: z.string().default('.dev-keys'),
    CATALOG_URL: z.url().default(defaultSubgraphUrl('catalog')),
    CART_URL: z.url().default(defaultSubgraphUrl('cart')),
    ORDER_URL: z.url().default(defaultSubgraphUrl('order')),
    SUBSCRIPTION_URL: z.url().default(defaultSubgraphUrl('subscription')),
    PROMOTION_URL: z.url().default(defaultSubgraphUrl('promotion')),
    QUERY_MAX_DEPTH: positiveInt(2, 100).default(12),
    QUERY_MAX_COST: positiveInt(10, 1_000_000).default(8000),
    QUERY_MAX_ALIASES: positiveInt(1, 1000).default(20),
    QUERY_MAX_TOKENS: positiveInt(50, 100_000).default(3000),
    QUERY_MAX_DIRECTIVES: positiveInt(1, 1000).default(50),
    CORS_ORIGINS: z.string().default('*'),
    CATALOG_CACHE_MAX_AGE: positiveInt(0, 3600).default(10),
    RESERVATION_TTL_SECONDS: positiveInt(30, 7 * 24 * 3600).default(900),
    RESERVATION_SWEEP_MS: positiveInt(100, 3_600_000).default(15_000),
    OUTBOX_RELAY_MS: positiveInt(50, 60_000).default(500),
    CART_TTL_DAYS: positiveInt(1, 365).default(30),
    CART_EXPIRY_SWEEP_MS: positiveInt(100, 86_400_000).default(60_000),
    CART_RATES_FILE: z.string().min(1).optional(),
    AFFILIATE_CLICKS_PER_MINUTE: positiveInt(1, 100_000).default(30),
    SHUTDOWN_TIMEOUT_MS: positiveInt(100, 120_000).default(10_000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    if (!env.JWT_PUBLIC_KEY && !env.JWT_JWKS_URL) {
      ctx.addIssue({ code: 'custom', path: ['JWT_PUBLIC_KEY'], message: 'JWT_PUBLIC_KEY or JWT_JWKS_URL is required in production' });
    }
    if (!env.SERVICE_TOKEN_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SERVICE_TOKEN_SECRET'], message: 'is required in production' });
    }
  });

export type Env = z.infer<typeof envSchema>;

export interface Config extends Env {
  subgraphUrls: Record<SubgraphName, string>;
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws one ConfigError naming every bad or missing value. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      const got = key in cleaned ? ` (got ${JSON.stringify(cleaned[key])})` : '';
      return `  ${key}: ${issue.message}${got}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee the configuration table in README.md.`);
  }
  const env = parsed.data;
  return {
    ...env,
    subgraphUrls: {
      catalog: env.CATALOG_URL,
      cart: env.CART_URL,
      order: env.ORDER_URL,
      subscription: env.SUBSCRIPTION_URL,
      promotion: env.PROMOTION_URL,
    },
  };
}

/** For command-line entry points: the configuration, or its error message and exit code 2. */
export function loadConfigOrExit(source: Record<string, string | undefined> = process.env): Config {
  try {
    return loadConfig(source);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(2);
  }
}
