// The bulk import through the gateway, its jobs run by the catalog's workers: the sample file
// imported and read back by shoppers, a second import changing nothing, a file with bad rows
// refused whole or imported without them, a file by URL, the export imported again, and who may
// do what.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, type GraphQLClient } from '../../test/harness.js';
import { catalogSnapshot, rawId, useCatalogTestStack, type UserErrorView } from './catalog-fixtures.js';
import { parseCsv } from './csv.js';

const env = useCatalogTestStack({ workers: true });
const SAMPLE = readFileSync(path.resolve(import.meta.dirname, '../../samples/catalog.csv'), 'utf8');

const IMPORT_FIELDS = `id status url skipInvalid dryRun rowsTotal rowsDone rowsSkipped productsCreated productsUpdated productsUnchanged
  variantsCreated variantsUpdated variantsUnchanged categoriesCreated errorCount errors { field code message } createdAt startedAt finishedAt`;

interface ImportView {
  id: string;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  rowsTotal: number | null;
  rowsDone: number;
  rowsSkipped: number;
  errorCount: number;
  errors: UserErrorView[];
  finishedAt: string | null;
  [count: string]: unknown;
}

const importCatalog = (client: GraphQLClient, input: Record<string, unknown>) =>
  client.request<{ importCatalog: { import: ImportView | null; userErrors: UserErrorView[] } }>(
    `mutation($input: ImportCatalogInput!) { importCatalog(input: $input) { import { ${IMPORT_FIELDS} } userErrors { field code message } } }`,
    { input },
  );

/** Queues an import as the admin and waits for its job to end; returns it as staff read it then. */
async function imported(input: Record<string, unknown>): Promise<ImportView> {
  const res = await importCatalog(env.stack.admin, input);
  const queued = res.data!.importCatalog.import!;
  expect(res.data!.importCatalog.userErrors).toEqual([]);
  expect(queued).toMatchObject({ status: 'QUEUED', rowsDone: 0, startedAt: null, finishedAt: null });
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    const { catalogImport } = await env.stack.admin.query<{ catalogImport: ImportView }>(`query($id: ID!) { catalogImport(id: $id) { ${IMPORT_FIELDS} } }`, { id: queued.id });
    if (catalogImport.status === 'SUCCEEDED' || catalogImport.status === 'FAILED') return catalogImport;
  }
  throw new Error(`import ${queued.id} did not end`);
}

/** Waits until the outbox relay has published every event, so that snapshots taken around a write compare its effect alone. */
async function outboxSettled(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await env.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL');
    if (rows[0]!.n === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the outbox did not drain');
}

const PRODUCT = `query($slug: String!) { product(slug: $slug) {
  id name description brand updatedAt categories { slug parent { slug } } images { url position } options { name values }
  variants { sku title price { amount currencyCode } compareAtPrice { amount } weightGrams active quantityAvailable availableForSale options { name value } } } }`;

describe('importCatalog', () => {
  it('runs the sample file as a job whose progress staff read, and shoppers then find its products, variants and stock', async () => {
    const done = await imported({ csv: SAMPLE });
    expect(done).toMatchObject({
      status: 'SUCCEEDED', rowsTotal: 7, rowsDone: 7, rowsSkipped: 0, errorCount: 0, errors: [],
      productsCreated: 4, variantsCreated: 7, categoriesCreated: 6, productsUpdated: 0, variantsUpdated: 0,
    });
    expect(done.finishedAt).not.toBeNull();

    const { product } = await env.customer.query(PRODUCT, { slug: 'sample-linen-shirt' });
    expect(product).toMatchObject({
      name: 'Linen shirt',
      description: 'Breathable linen, garment-dyed.\nRelaxed fit.',
      brand: 'Northwind',
      categories: [{ slug: 'sample-shirts', parent: { slug: 'sample-apparel' } }],
      images: [{ url: 'https://cdn.example.com/linen-shirt-front.jpg', position: 0 }, { url: 'https://cdn.example.com/linen-shirt-back.jpg', position: 1 }],
      options: [{ name: 'Size', values: ['S', 'M', 'L'] }, { name: 'Colour', values: ['White', 'Sand'] }],
      variants: [
        { sku: 'SAMPLE-LIN-S-WHT', title: 'S / White', price: { amount: 4900, currencyCode: 'USD' }, compareAtPrice: { amount: 5900 }, weightGrams: 210, quantityAvailable: 12, availableForSale: true },
        { sku: 'SAMPLE-LIN-M-WHT', quantityAvailable: 20, options: [{ name: 'Size', value: 'M' }, { name: 'Colour', value: 'White' }] },
        { sku: 'SAMPLE-LIN-L-SND', price: { amount: 5250 }, compareAtPrice: null, quantityAvailable: 0, availableForSale: false },
      ],
    });
    const matcha = (await env.customer.query(PRODUCT, { slug: 'sample-matcha-set' })).product;
    expect(matcha.variants[0].price).toEqual({ amount: 4800, currencyCode: 'JPY' });
    // Inactive in the file: staff see it, shoppers do not.
    expect((await env.customer.query(PRODUCT, { slug: 'sample-gift-card' })).product).toBeNull();
    expect((await env.stack.admin.query(PRODUCT, { slug: 'sample-gift-card' })).product.variants[0]).toMatchObject({ title: '€50 gift card', price: { amount: 5000, currencyCode: 'EUR' } });

    const { rows } = await env.sql.query<{ type: string; data: { skus: string[] } }>(
      `SELECT type, data FROM outbox_event WHERE aggregate_id = $1`,
      [rawId('Product', product.id)],
    );
    expect(rows).toEqual([{ type: 'ProductCreated', data: expect.objectContaining({ slug: 'sample-linen-shirt', skus: ['SAMPLE-LIN-S-WHT', 'SAMPLE-LIN-M-WHT', 'SAMPLE-LIN-L-SND'] }) }]);
  });

  it('changes nothing when the same file is imported again: no row, no updated_at, no event', async () => {
    await outboxSettled();
    const before = await catalogSnapshot(env.sql);
    const again = await imported({ csv: SAMPLE });
    expect(again).toMatchObject({ status: 'SUCCEEDED', rowsDone: 7, productsUnchanged: 4, variantsUnchanged: 7, productsCreated: 0, productsUpdated: 0, variantsCreated: 0, variantsUpdated: 0, categoriesCreated: 0 });
    expect(await catalogSnapshot(env.sql)).toEqual(before);
  });

  const BAD_FILE = [
    'product_slug,product_name,sku,price,currency,on_hand',
    'bad-a,Good A,BAD-A-1,10.00,USD,5',
    'bad-a,,BAD-A-2,ten,USD,5',
    'bad-b,Good B,BAD-B-1,10.00,XXX,1',
    'bad-c,Good C,BAD-C-1,10.00,USD,2',
    'bad-c,,SAMPLE-LIN-S-WHT,10.00,USD,1',
  ].join('\r\n');

  it('imports nothing from a file with errors, and names each bad row by line and column', async () => {
    await outboxSettled();
    const before = await catalogSnapshot(env.sql);
    const refused = await imported({ csv: BAD_FILE });
    expect(refused).toMatchObject({ status: 'FAILED', rowsTotal: 5, rowsDone: 0, errorCount: 3 });
    expect(refused.errors.map((e) => [e.field, e.code])).toEqual([
      [['3', 'price'], 'INVALID_PRICE'],
      [['4', 'currency'], 'INVALID_CURRENCY'],
      [['6', 'sku'], 'SKU_TAKEN'],
    ]);
    expect(await catalogSnapshot(env.sql)).toEqual(before);
  });

  it('imports the good rows only when asked to skip the bad ones', async () => {
    const done = await imported({ csv: BAD_FILE, skipInvalid: true });
    expect(done).toMatchObject({ status: 'SUCCEEDED', rowsTotal: 5, rowsDone: 2, rowsSkipped: 3, errorCount: 3, productsCreated: 2, variantsCreated: 2 });
    expect((await env.customer.query(PRODUCT, { slug: 'bad-a' })).product.variants.map((v: { sku: string }) => v.sku)).toEqual(['BAD-A-1']);
    expect((await env.customer.query(PRODUCT, { slug: 'bad-c' })).product.variants.map((v: { sku: string }) => v.sku)).toEqual(['BAD-C-1']);
    expect((await env.customer.query(PRODUCT, { slug: 'bad-b' })).product).toBeNull();
    const shirt = (await env.customer.query(PRODUCT, { slug: 'sample-linen-shirt' })).product;
    expect(shirt.variants[0]).toMatchObject({ sku: 'SAMPLE-LIN-S-WHT', price: { amount: 4900 } });
  });

  it('checks and counts without writing on a dry run', async () => {
    const dry = await imported({ csv: 'product_slug,product_name,sku,price,currency\ndry-tee,Dry tee,DRY-1,5.00,USD\n', dryRun: true });
    expect(dry).toMatchObject({ status: 'SUCCEEDED', dryRun: true, productsCreated: 1, variantsCreated: 1, rowsDone: 0 });
    expect((await env.stack.admin.query(PRODUCT, { slug: 'dry-tee' })).product).toBeNull();
  });

  it('updates what changed only: a price and a stock level, with ProductUpdated and InventoryLow as the admin mutations record them', async () => {
    const tote = (await env.stack.admin.query(PRODUCT, { slug: 'sample-canvas-tote' })).product;
    const stockAndPrice = ['product_slug,sku,price,currency,on_hand', 'sample-canvas-tote,SAMPLE-TOTE-BLK,19.50,USD,', 'sample-linen-shirt,SAMPLE-LIN-M-WHT,49.00,USD,1'];
    const done = await imported({ csv: stockAndPrice.join('\n') });
    expect(done).toMatchObject({ status: 'SUCCEEDED', productsUpdated: 1, productsUnchanged: 1, variantsUpdated: 2 });
    const after = (await env.stack.admin.query(PRODUCT, { slug: 'sample-canvas-tote' })).product;
    expect(after.variants[1]).toMatchObject({ sku: 'SAMPLE-TOTE-BLK', price: { amount: 1950 }, quantityAvailable: 25 });
    // Its own fields did not change, so neither did its updatedAt.
    expect(after.updatedAt).toBe(tote.updatedAt);
    const { rows } = await env.sql.query<{ type: string; data: Record<string, unknown> }>(
      `SELECT type, data FROM outbox_event WHERE type IN ('ProductUpdated', 'InventoryLow')`,
    );
    // Several aggregates, so no order between them (they may be stamped in the same millisecond).
    // The shirt's own fields are as they were (it counts unchanged), but its stock is not: ProductUpdated, as setInventory records.
    const shirt = (await env.stack.admin.query(PRODUCT, { slug: 'sample-linen-shirt' })).product;
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        { type: 'ProductUpdated', data: { productId: rawId('Product', tote.id), changed: ['variants'] } },
        { type: 'ProductUpdated', data: { productId: rawId('Product', shirt.id), changed: ['inventory'] } },
        { type: 'InventoryLow', data: expect.objectContaining({ available: 1, reorderThreshold: 3, location: 'A1' }) },
      ]),
    );
  });
});

describe('importCatalog by URL', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/catalog.csv') res.writeHead(200, { 'content-type': 'text/csv' }).end('product_slug,product_name,sku,price,currency\nurl-mug,Mug from a URL,URL-MUG-1,8.00,USD\n');
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches the file and imports it', async () => {
    const done = await imported({ url: `${base}/catalog.csv` });
    expect(done).toMatchObject({ status: 'SUCCEEDED', url: `${base}/catalog.csv`, productsCreated: 1 });
    expect((await env.customer.query(PRODUCT, { slug: 'url-mug' })).product.name).toBe('Mug from a URL');
  });

  it('fails with FILE_UNREADABLE when the URL does not answer 200', async () => {
    const failed = await imported({ url: `${base}/missing.csv` });
    expect(failed).toMatchObject({ status: 'FAILED', errorCount: 1, errors: [{ field: null, code: 'FILE_UNREADABLE', message: 'the URL answered 404, not 200' }] });
  });

  it.each([
    ['both csv and url', { csv: 'x', url: 'https://example.com/a.csv' }, ['INVALID_INPUT', 'input']],
    ['neither', {}, ['INVALID_INPUT', 'input']],
    ['a URL that is not http(s)', { url: 'ftp://example.com/a.csv' }, ['INVALID_URL', 'input.url']],
  ])('refuses a request with %s', async (_label, input, [code, field]) => {
    const res = await importCatalog(env.stack.admin, input);
    expect(res.data!.importCatalog.import).toBeNull();
    expect(res.data!.importCatalog.userErrors.map((e) => [e.code, e.field?.join('.')])).toEqual([[code, field]]);
  });
});

describe('exportCatalog', () => {
  it('writes the catalog as the import reads it: imported again, it changes nothing', async () => {
    const pages: string[] = [];
    const page = async (after: string | null): Promise<string> =>
      (await env.stack.admin.query<{ exportCatalog: string }>(`query($after: String) { exportCatalog(first: 2, afterSlug: $after) }`, { after })).exportCatalog;
    for (let after: string | null = null, more = true; more; ) {
      const csv = await page(after);
      const slugs = [...new Set(parseCsv(csv).records.slice(1).map((r) => r.fields[0]!))];
      pages.push(pages.length === 0 ? csv : csv.slice(csv.indexOf('\r\n') + 2));
      more = slugs.length === 2;
      after = slugs.at(-1) ?? null;
    }
    const file = pages.join('');
    expect(file.split('\r\n')[0]).toBe(
      'product_slug,product_name,description,brand,product_active,categories,image_urls,option1_name,option1_value,option2_name,option2_value,sku,variant_title,price,compare_at_price,currency,weight_grams,variant_active,on_hand,reorder_threshold,location',
    );
    expect(file).toContain('sample-linen-shirt,Linen shirt,"Breathable linen, garment-dyed.\nRelaxed fit.",Northwind,true,sample-apparel/sample-shirts,');
    await outboxSettled();
    const before = await catalogSnapshot(env.sql);
    const again = await imported({ csv: file });
    expect(again).toMatchObject({ status: 'SUCCEEDED', errorCount: 0, productsCreated: 0, productsUpdated: 0, variantsCreated: 0, variantsUpdated: 0 });
    expect(again.productsUnchanged).toBe(7);
    expect(await catalogSnapshot(env.sql)).toEqual(before);
  });

  it('takes 1..250 products a page', async () => {
    const res = await env.stack.admin.request(`{ exportCatalog(first: 251) }`);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });
});

describe('who may import and export', () => {
  it('lets admins import; support reads imports and exports; shoppers and anonymous callers get neither', async () => {
    const support = await env.stack.as('support-1', 'support');
    const { id } = (await importCatalog(env.stack.admin, { csv: SAMPLE, dryRun: true })).data!.importCatalog.import!;
    expect(errorCode(await importCatalog(support, { csv: SAMPLE }))).toBe('FORBIDDEN');
    expect(errorCode(await importCatalog(env.customer, { csv: SAMPLE }))).toBe('FORBIDDEN');
    expect(errorCode(await importCatalog(env.stack.anonymous, { csv: SAMPLE }))).toBe('UNAUTHENTICATED');
    const read = `query($id: ID!) { catalogImport(id: $id) { id status } }`;
    expect((await support.query(read, { id })).catalogImport.id).toBe(id);
    expect((await support.query(`{ exportCatalog(first: 1) }`)).exportCatalog).toMatch(/^product_slug,/);
    expect(errorCode(await env.customer.request(read, { id }))).toBe('FORBIDDEN');
    expect(errorCode(await env.customer.request(`{ exportCatalog }`))).toBe('FORBIDDEN');
    expect(errorCode(await env.stack.anonymous.request(`{ exportCatalog }`))).toBe('UNAUTHENTICATED');
  });
});
