// npm run catalog:import -- file.csv [--skip-invalid] [--dry-run]
// npm run catalog:export -- out.csv
// Bulk import and export of the catalog as CSV (subgraphs/catalog/README.md, "Bulk import and
// export") against the catalog's database (CATALOG_DATABASE_URL, else DATABASE_URL), as the seed script works: through the catalog's own services, so
// the rows, search documents and outbox events are what the admin's importCatalog job writes.
// The events wait in the outbox until a catalog service's relay publishes them.
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import { loadConfigOrExit } from '../lib/config.js';
import { utf8Text } from '../subgraphs/catalog/catalog-import-source.js';
import type { ImportError } from '../subgraphs/catalog/catalog-import-rows.js';
import { createCatalogServices } from '../subgraphs/catalog/server.js';
import { assertCatalogReady } from './seed.js';

const USAGE = `Usage:
  npm run catalog:import -- <file.csv> [--skip-invalid] [--dry-run]
  npm run catalog:export -- <out.csv>`;

interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** A progress bar on a terminal (cli-progress, a dev dependency, loaded only when drawn), as the seed shows one. */
async function progressBar(unit: string): Promise<Progress> {
  if (!process.stdout.isTTY) return { update: () => undefined, stop: () => undefined };
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar({ format: `${unit} |{bar}| {value}/{total}  {duration}s`, hideCursor: true }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(done, total) {
      if (!started) bar.start(total, done);
      started = true;
      bar.setTotal(total);
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

const describeError = (e: ImportError) => `${e.line === 0 ? 'file' : `line ${e.line}${e.column ? `, ${e.column}` : ''}`}: ${e.message} (${e.code})`;

async function importFile(services: ReturnType<typeof createCatalogServices>, file: string, flags: Set<string>): Promise<boolean> {
  const skipInvalid = flags.has('--skip-invalid');
  const dryRun = flags.has('--dry-run');
  const started = performance.now();
  const text = utf8Text(await readFile(file));
  const progress = await progressBar('rows');
  let toWrite = 0;
  let written = 0;
  const result = await services.catalogImport.import(text, {
    skipInvalid,
    dryRun,
    onChecked: async (check) => {
      for (const error of check.errors) console.error(describeError(error));
      toWrite = check.rows - check.rowsSkipped;
      if (check.writing) progress.update(0, toWrite);
    },
    onBatch: async (_tx, batch) => {
      written += batch.rows;
      progress.update(written, toWrite);
    },
  });
  progress.stop();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const errors = result.errors.length === 0 ? 'no errors' : `${result.errors.length} error${result.errors.length === 1 ? '' : 's'} (above)`;
  if (result.status === 'FAILED') {
    const why = result.rowsDone > 0 ? `the catalog changed while it ran; ${result.rowsDone} rows were written, import the file again to complete it` : 'nothing was imported';
    console.error(`Import failed after ${seconds} s: ${errors}; ${why}.${!skipInvalid && result.rowsDone === 0 ? ' --skip-invalid imports the other rows.' : ''}`);
    return false;
  }
  const verb = dryRun ? 'Checked (dry run, nothing written)' : 'Imported';
  console.log(
    `${verb} ${result.rows} rows in ${seconds} s: ${errors}, ${result.rowsSkipped} skipped; ` +
      `products ${result.productsCreated} created, ${result.productsUpdated} updated, ${result.productsUnchanged} unchanged; ` +
      `variants ${result.variantsCreated} created, ${result.variantsUpdated} updated, ${result.variantsUnchanged} unchanged; ` +
      `${result.categoriesCreated} categories created.`,
  );
  return true;
}

async function exportFile(services: ReturnType<typeof createCatalogServices>, file: string): Promise<void> {
  const started = performance.now();
  const out = createWriteStream(file);
  const progress = await progressBar('products');
  const products = await services.catalogExport.exportAll(
    async (text) => {
      if (!out.write(text)) await once(out, 'drain');
    },
    (done, total) => progress.update(done, total),
  );
  out.end();
  await once(out, 'finish');
  progress.stop();
  console.log(`Exported ${products} products to ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

async function main(): Promise<void> {
  const [command, file, ...rest] = process.argv.slice(2);
  const flags = new Set(rest);
  const known = command === 'import' ? ['--skip-invalid', '--dry-run'] : [];
  if ((command !== 'import' && command !== 'export') || !file || file.startsWith('--') || rest.some((f) => !known.includes(f))) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const config = loadConfigOrExit();
  const services = createCatalogServices({ config });
  try {
    await assertCatalogReady(config);
    if (command === 'export') await exportFile(services, file);
    else if (!(await importFile(services, file, flags))) process.exitCode = 1;
  } catch (err) {
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
