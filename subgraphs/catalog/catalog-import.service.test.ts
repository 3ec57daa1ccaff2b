// The import's batches against a real catalog: a run stopped between batches (a shutdown) goes on
// where it stopped with counts that add up, and a row the catalog took after the check fails the
// import at its batch, naming the row, the batches before it kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../test/harness.js';
import type { CatalogServices } from './context.js';
import { ImportStopped, type ImportBatch } from './catalog-import.service.js';
import { createCatalogServices } from './server.js';

let stack: TestStack;
let services: CatalogServices;

beforeAll(async () => {
  stack = await startTestStack({ subgraphs: ['catalog'], gateway: false });
  services = createCatalogServices({ config: stack.config });
});
afterAll(async () => {
  await services?.db.$disconnect();
  await stack?.close();
});

/** `count` one-variant products: more than one batch (500 products) for 501 and up. */
const file = (prefix: string, count: number) =>
  ['product_slug,product_name,sku,price,currency,on_hand', ...Array.from({ length: count }, (_, i) => `${prefix}-${i},Product ${i},${prefix.toUpperCase()}-${i},${i}.50,USD,${i % 7}`)].join('\n');

const products = async (prefix: string) => services.db.product.count({ where: { slug: { startsWith: `${prefix}-` } } });

describe('CatalogImportService', () => {
  it('goes on after the last product written when a stopped import runs again, its counts adding up', async () => {
    const csv = file('resume', 600);
    const stop = new AbortController();
    const batches: ImportBatch[] = [];
    await expect(
      services.catalogImport.import(csv, {
        signal: stop.signal,
        onBatch: async (_tx, batch) => {
          batches.push(batch);
          stop.abort();
        },
      }),
    ).rejects.toBeInstanceOf(ImportStopped);
    expect(batches.map((b) => [b.rows, b.counts.productsCreated, b.lastLine])).toEqual([[500, 500, 501]]);
    expect(await products('resume')).toBe(500);

    const rest = await services.catalogImport.import(csv, { resumeAfterLine: 501 });
    expect(rest).toMatchObject({ status: 'SUCCEEDED', rows: 600, rowsDone: 100, productsCreated: 100, variantsCreated: 100 });
    expect(await products('resume')).toBe(600);
    const again = await services.catalogImport.import(csv);
    expect(again).toMatchObject({ status: 'SUCCEEDED', rowsDone: 600, productsUnchanged: 600, variantsUnchanged: 600, productsCreated: 0, variantsUpdated: 0 });
  });

  it('fails at the batch a change made after the check rules out, naming its row, and keeps the batches before it', async () => {
    const csv = file('race', 600);
    const result = await services.catalogImport.import(csv, {
      // Another admin takes a SKU of the second batch between the check and the writes.
      onChecked: async () => {
        await services.products.createProduct({ slug: 'race-rival', name: 'Rival', variants: [{ sku: 'RACE-550', price: { amount: 100, currencyCode: 'USD' } }] });
      },
    });
    expect(result).toMatchObject({ status: 'FAILED', rowsDone: 500, productsCreated: 500 });
    expect(result.errors).toEqual([{ line: 552, column: 'sku', code: 'SKU_TAKEN', message: 'another product has SKU RACE-550' }]);
    expect(await products('race')).toBe(501);

    // The file is fixed (the rival keeps its SKU) and imported again: the rest goes in.
    const fixed = await services.catalogImport.import(csv.replace('race-550,Product 550,RACE-550', 'race-550,Product 550,RACE-550B'));
    expect(fixed).toMatchObject({ status: 'SUCCEEDED', productsCreated: 100, productsUnchanged: 500 });
  });
});
