// npx tsx scripts/seed.ts: a reproducible demo catalog (a three-level category tree, products with
// colour and size variants, stock, images), written through the catalog's own services so that
// search documents, minimum prices and ProductCreated events are exactly what an admin's
// createProduct leaves behind. Slugs are the idempotency key: what exists is left alone and what
// is missing is created, so a second run changes nothing and an interrupted run is completed.
// This file is the command line; the catalog is drawn in demo-catalog-plan.ts (from the shelves
// and words in demo-catalog-data.ts) and written by demo-catalog-write.ts.
import pg from 'pg';
import { databaseFor, loadConfigOrExit, type DatabaseSettings } from '../lib/config.js';
import { createCatalogServices } from '../subgraphs/catalog/server.js';
import { seedCatalog } from './demo-catalog-write.js';

export { DEFAULT_PRODUCT_COUNT, planCatalog, type CatalogPlan, type CategoryPlan, type ProductPlan } from './demo-catalog-plan.js';
export { seedCatalog, type SeedOptions, type SeedSummary } from './demo-catalog-write.js';

const redacted = (url: string): string => {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
};

/**
 * Fails fast, with a message a developer can act on, when the catalog's Postgres is down or not
 * migrated. A plain pg connection, because its errors (ECONNREFUSED, a timeout) say what went wrong.
 */
export async function assertCatalogReady(config: DatabaseSettings): Promise<void> {
  const { setting, url: databaseUrl } = databaseFor(config, 'catalog');
  const where = redacted(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  let migrated: boolean;
  try {
    await client.connect();
    const { rows } = await client.query<{ migrated: boolean }>(`SELECT to_regclass('catalog.product') IS NOT NULL AS migrated`);
    migrated = rows[0]?.migrated ?? false;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`Cannot reach the catalog database at ${where} (${reason}).\nIs Postgres running, and does ${setting} name the right database?`);
  } finally {
    await client.end().catch(() => undefined);
  }
  if (!migrated) throw new Error(`The catalog schema at ${where} has no tables: apply the migrations first.`);
}

interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/**
 * A progress bar on a terminal. The production image runs this seed too, without a terminal and
 * with dev dependencies (cli-progress among them) pruned, so the bar is loaded only when drawn.
 */
async function progressBar(): Promise<Progress> {
  if (!process.stdout.isTTY) return { update: () => undefined, stop: () => undefined };
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    { format: 'products |{bar}| {value}/{total}  {duration}s', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) bar.start(total, done);
      started = true;
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const services = createCatalogServices({ config });
  const progress = await progressBar();
  try {
    await assertCatalogReady(config);
    const summary = await seedCatalog(services, { onProgress: (done, total) => progress.update(done, total) });
    progress.stop();
    const { categories, products } = summary;
    console.log(
      `Seeded the catalog in ${(summary.durationMs / 1000).toFixed(1)} s: ` +
        `categories ${categories.created} created, ${categories.existing} already there; ` +
        `products ${products.created} created, ${products.existing} already there; ${summary.variantsCreated} variants created; ${summary.synonymsCreated} search synonym rules created.`,
    );
  } catch (err) {
    progress.stop();
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  } finally {
    await services.db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}