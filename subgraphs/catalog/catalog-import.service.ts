// The bulk import (README "Bulk import and export"): the file is read into a plan, checked whole
// against the catalog, and only then written, in batches of products, each batch one transaction
// of set-based statements (catalog-import-writes.ts) under the rows' locks. Nothing is written
// from a file with errors unless they are to be skipped; what already matches the file is not
// written at all, so importing a file twice changes nothing the second time.
import { v7 as uuidv7 } from 'uuid';
import { categoryChanges, type StoredCategory } from './catalog-import-categories.js';
import { changesFor, noCounts, type CatalogState, type ImportCounts, type StoredProduct, type StoredVariant } from './catalog-import-changes.js';
import { planImport, type ImportError, type PlannedProduct } from './catalog-import-rows.js';
import { writeCategories, writeChanges } from './catalog-import-writes.js';
import type { Tx } from './product-aggregate.js';
import type { PrismaClient } from './prisma-client/client.js';

export interface ImportOptions {
  /** Import the rows without errors and leave the others out; otherwise any error imports nothing. */
  skipInvalid?: boolean;
  /** Check and count only; write nothing. */
  dryRun?: boolean;
  /** Products whose first row is at or before this line were written by an earlier run of the same import. */
  resumeAfterLine?: number;
  /** Told once the whole file is checked, before anything is written. */
  onChecked?: (check: ImportCheck) => Promise<void>;
  /** Runs inside each batch's transaction after its writes, so that progress recorded there commits with them. */
  onBatch?: (tx: Tx, batch: ImportBatch) => Promise<void>;
  /** Looked at between the check's reads and between batches: once aborted, the import stops there (ImportStopped). */
  signal?: AbortSignal;
}

export interface ImportCheck {
  rows: number;
  /** Rows that will not be imported because they have errors. */
  rowsSkipped: number;
  errors: ImportError[];
  /** Whether the import goes on to write (no errors, or skipInvalid, and not a dry run). */
  writing: boolean;
}

export interface ImportBatch {
  rows: number;
  counts: ImportCounts;
  /** Categories are created in a batch of their own, before the products. */
  categoriesCreated: number;
  /** The first line of the batch's last product: a later run resumes after it. */
  lastLine: number;
}

export interface ImportResult extends ImportCounts {
  status: 'SUCCEEDED' | 'FAILED';
  rows: number;
  rowsDone: number;
  rowsSkipped: number;
  categoriesCreated: number;
  errors: ImportError[];
}

/** Thrown when the import's signal is aborted (the process is shutting down): written batches stay, and a later run goes on after them. */
export class ImportStopped extends Error {
  constructor() {
    super('the import stopped between two batches');
  }
}

/** The catalog moved under the import between its check and a batch (e.g. another product took a SKU). */
class ImportConflict extends Error {
  constructor(readonly errors: ImportError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

/** Products per transaction, and rows at most; large enough to amortise round trips, small enough to hold locks briefly. */
const BATCH_PRODUCTS = 500;
const BATCH_ROWS = 2_500;
/** Products whose stored state is read at once while checking. */
const CHECK_PRODUCTS = 2_000;
const BATCH_OPTIONS = { maxWait: 10_000, timeout: 120_000 } as const;
/**
 * After this many variants written the tables are analyzed at once: a bulk load outruns
 * autovacuum's statistics, and until they follow, the planner takes large tables for small ones.
 */
const ANALYZE_AFTER_ROWS = 1_000;
const IMPORTED_TABLES = ['product', 'product_option', 'product_option_value', 'product_variant', 'variant_option_value', 'inventory_level', 'product_category', 'product_image'];

const byLine = (a: ImportError, b: ImportError) => a.line - b.line;

export class CatalogImportService {
  constructor(private readonly db: PrismaClient) {}

  async import(csv: string, options: ImportOptions = {}): Promise<ImportResult> {
    const plan = planImport(csv);
    const result: ImportResult = { status: 'FAILED', rows: plan.rows, rowsDone: 0, rowsSkipped: plan.rows, categoriesCreated: 0, errors: plan.errors, ...noCounts() };
    if (plan.unreadable) {
      await options.onChecked?.({ rows: plan.rows, rowsSkipped: plan.rows, errors: plan.errors, writing: false });
      return result;
    }

    // Checked whole before anything is written: every error is reported at once.
    const tree = await this.categoryTree(this.db);
    const categories = categoryChanges(plan.products, tree, uuidv7);
    const errors = [...plan.errors, ...categories.errors];
    const rejected = { products: categories.rejected, lines: new Set<number>() };
    const expected = noCounts();
    for (const chunk of chunks(plan.products.filter((p) => !rejected.products.has(p.slug)), CHECK_PRODUCTS, Infinity)) {
      if (options.signal?.aborted) throw new ImportStopped();
      const changes = changesFor(chunk, await this.state(this.db, chunk, false), uuidv7);
      errors.push(...changes.errors);
      add(expected, changes.counts);
      changes.rejected.products.forEach((slug) => rejected.products.add(slug));
      changes.rejected.lines.forEach((line) => rejected.lines.add(line));
    }
    const products = plan.products
      .filter((p) => !rejected.products.has(p.slug))
      .map((p) => ({ ...p, variants: p.variants.filter((v) => !rejected.lines.has(v.line)) }));
    result.errors = errors.sort(byLine);
    const kept = products.reduce((n, p) => n + p.variants.length, 0);
    result.rowsSkipped = plan.rows - kept;
    const writing = (errors.length === 0 || options.skipInvalid === true) && !options.dryRun;
    await options.onChecked?.({ rows: plan.rows, rowsSkipped: result.rowsSkipped, errors: result.errors, writing });
    if (errors.length > 0 && !options.skipInvalid) return result;
    if (options.dryRun) {
      const created = categoryChanges(products, tree, uuidv7).create.length;
      return { ...result, ...expected, status: 'SUCCEEDED', categoriesCreated: created };
    }

    try {
      result.categoriesCreated = await this.createCategories(products, options);
      for (const batch of chunks(products.filter((p) => p.line > (options.resumeAfterLine ?? 0)), BATCH_PRODUCTS, BATCH_ROWS)) {
        if (options.signal?.aborted) throw new ImportStopped();
        const done = await this.writeBatch(batch, options);
        add(result, done.counts);
        result.rowsDone += done.rows;
      }
    } catch (err) {
      if (!(err instanceof ImportConflict)) throw err;
      result.errors = [...result.errors, ...err.errors].sort(byLine);
      return result;
    }
    if (result.variantsCreated + result.variantsUpdated >= ANALYZE_AFTER_ROWS) await this.db.$executeRawUnsafe(`ANALYZE ${IMPORTED_TABLES.join(', ')}`);
    return { ...result, status: 'SUCCEEDED' };
  }

  /** Creates the missing categories under the tree lock every category edit takes. */
  private async createCategories(products: PlannedProduct[], options: ImportOptions): Promise<number> {
    if (!products.some((p) => p.categories?.length)) return 0;
    return this.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('catalog.category_tree'))`;
      const changes = categoryChanges(products, await this.categoryTree(tx), uuidv7);
      if (changes.errors.length > 0) throw new ImportConflict(changes.errors);
      if (changes.create.length === 0) return 0;
      await writeCategories(tx, changes.create);
      await options.onBatch?.(tx, { rows: 0, counts: noCounts(), categoriesCreated: changes.create.length, lastLine: options.resumeAfterLine ?? 0 });
      return changes.create.length;
    }, BATCH_OPTIONS);
  }

  /** One batch in one transaction: its products and stock locked, compared again, written. */
  private async writeBatch(batch: PlannedProduct[], options: ImportOptions): Promise<ImportBatch> {
    return this.db.$transaction(async (tx) => {
      const changes = changesFor(batch, await this.state(tx, batch, true), uuidv7);
      if (changes.errors.length > 0) throw new ImportConflict(changes.errors);
      const conflicts = await writeChanges(tx, changes);
      if (conflicts.length > 0) throw new ImportConflict(conflicts.map(({ sku, slug }) => conflictError(batch, sku, slug)));
      const outcome = { rows: batch.reduce((n, p) => n + p.variants.length, 0), counts: changes.counts, categoriesCreated: 0, lastLine: batch.at(-1)!.line };
      await options.onBatch?.(tx, outcome);
      return outcome;
    }, BATCH_OPTIONS);
  }

  private async categoryTree(db: Tx | PrismaClient): Promise<StoredCategory[]> {
    return db.$queryRaw<StoredCategory[]>`SELECT id, slug, parent_id AS "parentId" FROM category`;
  }

  /**
   * The stored catalog the products name. Locking (for a write), their product rows are taken in
   * id order and then their stock rows in variant-id order, the order every stock writer keeps.
   */
  private async state(db: Tx | PrismaClient, products: PlannedProduct[], lock: boolean): Promise<CatalogState> {
    const forUpdate = lock ? 'FOR UPDATE' : '';
    const slugs = products.map((p) => p.slug);
    const skus = products.flatMap((p) => p.variants.map((v) => v.sku));
    const stored = await db.$queryRawUnsafe<StoredProduct[]>(
      `SELECT id, slug, name, description, brand, active, deleted_at IS NOT NULL AS archived
         FROM product WHERE slug = ANY($1::text[]) ORDER BY id ${forUpdate}`,
      slugs,
    );
    const ids = stored.map((p) => p.id);
    const variants = await db.$queryRawUnsafe<StoredVariant[]>(
      `SELECT v.id, v.product_id AS "productId", v.sku, v.title, v.price, v.compare_at_price AS "compareAtPrice", v.currency,
              v.weight_grams AS "weightGrams", v.active, coalesce(i.on_hand, 0) AS "onHand", coalesce(i.reserved, 0) AS reserved,
              coalesce(i.reorder_threshold, 5) AS "reorderThreshold", coalesce(i.location, 'default') AS location,
              coalesce(array_agg(l.option_value_id::text) FILTER (WHERE l.option_value_id IS NOT NULL), '{}') AS "optionValueIds"
         FROM product_variant v LEFT JOIN inventory_level i ON i.variant_id = v.id LEFT JOIN variant_option_value l ON l.variant_id = v.id
        WHERE v.sku = ANY($1::text[])
        GROUP BY v.id, i.variant_id`,
      skus,
    );
    if (lock && variants.length > 0) {
      await db.$queryRawUnsafe(`SELECT 1 FROM inventory_level WHERE variant_id = ANY($1::uuid[]) ORDER BY variant_id FOR UPDATE`, variants.map((v) => v.id));
    }
    const [options, values, counts, categories, images] = await Promise.all([
      db.$queryRawUnsafe<{ id: string; productId: string; name: string; position: number }[]>(
        `SELECT id, product_id AS "productId", name, position FROM product_option WHERE product_id = ANY($1::uuid[]) ORDER BY position, id`,
        ids,
      ),
      db.$queryRawUnsafe<{ id: string; optionId: string; value: string; position: number }[]>(
        `SELECT v.id, v.option_id AS "optionId", v.value, v.position FROM product_option_value v JOIN product_option o ON o.id = v.option_id
          WHERE o.product_id = ANY($1::uuid[]) ORDER BY v.position, v.id`,
        ids,
      ),
      db.$queryRawUnsafe<{ productId: string; count: number }[]>(
        `SELECT product_id AS "productId", count(*)::int AS count FROM product_variant WHERE product_id = ANY($1::uuid[]) GROUP BY product_id`,
        ids,
      ),
      db.$queryRawUnsafe<{ productId: string; slug: string }[]>(
        `SELECT pc.product_id AS "productId", c.slug FROM product_category pc JOIN category c ON c.id = pc.category_id WHERE pc.product_id = ANY($1::uuid[])`,
        ids,
      ),
      db.$queryRawUnsafe<{ productId: string; url: string; altText: string | null }[]>(
        `SELECT product_id AS "productId", url, alt_text AS "altText" FROM product_image WHERE product_id = ANY($1::uuid[]) ORDER BY position, id`,
        ids,
      ),
    ]);
    const optionsByProduct = group(options.map((o) => ({ ...o, values: [] as { id: string; value: string; position: number }[] })), (o) => o.productId);
    const optionById = new Map([...optionsByProduct.values()].flat().map((o) => [o.id, o]));
    for (const v of values) optionById.get(v.optionId)?.values.push(v);
    return {
      products: new Map(stored.map((p) => [p.slug, p])),
      options: optionsByProduct,
      variants: new Map(variants.map((v) => [v.sku, v])),
      variantCounts: new Map(counts.map((c) => [c.productId, c.count])),
      categories: new Map([...group(categories, (c) => c.productId)].map(([id, rows]) => [id, rows.map((r) => r.slug)])),
      images: group(images, (i) => i.productId),
    };
  }
}

function group<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Consecutive runs of products, each at most `maxProducts` and (unless one product alone exceeds it) `maxRows` rows. */
function* chunks(products: PlannedProduct[], maxProducts: number, maxRows: number): Generator<PlannedProduct[]> {
  let chunk: PlannedProduct[] = [];
  let rows = 0;
  for (const product of products) {
    if (chunk.length > 0 && (chunk.length >= maxProducts || rows + product.variants.length > maxRows)) {
      yield chunk;
      chunk = [];
      rows = 0;
    }
    chunk.push(product);
    rows += product.variants.length;
  }
  if (chunk.length > 0) yield chunk;
}

function add(total: ImportCounts, more: ImportCounts): void {
  for (const key of Object.keys(more) as (keyof ImportCounts)[]) total[key] += more[key];
}

/** The error for a write the catalog refused because it changed after the check. */
function conflictError(batch: PlannedProduct[], sku: string | null, slug: string | null): ImportError {
  if (sku !== null) {
    const line = batch.flatMap((p) => p.variants).find((v) => v.sku === sku)?.line ?? batch[0]!.line;
    return { line, column: 'sku', code: 'SKU_TAKEN', message: `another product took SKU ${sku} while the import ran: import the file again` };
  }
  const line = batch.find((p) => p.slug === slug)?.line ?? batch[0]!.line;
  return { line, column: 'product_slug', code: 'SLUG_TAKEN', message: `product ${slug} was created while the import ran: import the file again` };
}
