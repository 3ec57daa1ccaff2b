// The catalog as the import reads it (README "Bulk import and export"): one row per variant,
// products in slug order, archived ones left out (they take no more changes, so an import of
// them would be refused). Exporting and importing the file again changes nothing.
import { csvLine } from './csv.js';
import { LIST_SEPARATOR, PATH_SEPARATOR, formatAmount, headerWith } from './catalog-csv-format.js';
import type { StockColumns, StoredProduct, VariantColumns } from './catalog-import-changes.js';
import type { PrismaClient } from './prisma-client/client.js';

export const EXPORT_PAGE_MAX = 250;

type ExportProduct = Omit<StoredProduct, 'archived'>;

type ExportVariant = VariantColumns & StockColumns;

export class CatalogExportService {
  constructor(private readonly db: PrismaClient) {}

  /** Option column pairs the file needs: the most options any exported product has. */
  async optionColumns(): Promise<number> {
    const [row] = await this.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT coalesce(max(n), 0)::int AS n FROM (
         SELECT count(*) AS n FROM product_option o JOIN product p ON p.id = o.product_id WHERE p.deleted_at IS NULL GROUP BY o.product_id) counts`,
    );
    return row?.n ?? 0;
  }

  /** Up to `first` products after `afterSlug` (in slug order) as CSV text, the header first. */
  async page(first: number, afterSlug: string | null): Promise<string> {
    const options = await this.optionColumns();
    const { rows } = await this.rows(first, afterSlug, options, await this.categoryPaths());
    return [headerWith(options), ...rows].map(csvLine).join('');
  }

  /** The whole catalog, page after page, handed to `write` as CSV text; `onProgress` hears the products written so far. */
  async exportAll(write: (text: string) => Promise<void>, onProgress?: (products: number, total: number) => void, pageSize = EXPORT_PAGE_MAX): Promise<number> {
    const options = await this.optionColumns();
    const paths = await this.categoryPaths();
    const [count] = await this.db.$queryRawUnsafe<{ total: number }[]>(`SELECT count(*)::int AS total FROM product WHERE deleted_at IS NULL`);
    const total = count?.total ?? 0;
    await write(csvLine(headerWith(options)));
    let done = 0;
    for (let after: string | null = null; ; ) {
      const page = await this.rows(pageSize, after, options, paths);
      if (page.rows.length > 0) await write(page.rows.map(csvLine).join(''));
      done += page.products;
      onProgress?.(done, total);
      if (page.products < pageSize) return done;
      after = page.lastSlug;
    }
  }

  /** Every category's slug path from its root, "apparel/tops/tees", by id. */
  private async categoryPaths(): Promise<Map<string, string>> {
    const rows = await this.db.$queryRawUnsafe<{ id: string; slug: string; parentId: string | null }[]>(`SELECT id, slug, parent_id AS "parentId" FROM category`);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const paths = new Map<string, string>();
    const pathOf = (id: string): string => {
      const known = paths.get(id);
      if (known !== undefined) return known;
      const c = byId.get(id)!;
      const path = c.parentId ? `${pathOf(c.parentId)}${PATH_SEPARATOR}${c.slug}` : c.slug;
      paths.set(id, path);
      return path;
    };
    for (const id of byId.keys()) pathOf(id);
    return paths;
  }

  /**
   * One page's rows. Each query reads one table (or a table and its parent) by key, so that the
   * export stays linear however stale the tables' statistics are after a bulk import.
   */
  private async rows(first: number, afterSlug: string | null, options: number, paths: Map<string, string>) {
    const products = await this.db.$queryRawUnsafe<ExportProduct[]>(
      `SELECT id, slug, name, description, brand, active FROM product
        WHERE deleted_at IS NULL AND ($1::text IS NULL OR slug > $1::text) ORDER BY slug LIMIT $2`,
      afterSlug,
      first,
    );
    const ids = products.map((p) => p.id);
    const [variants, categories, images, optionValues] = await Promise.all([
      this.db.$queryRawUnsafe<ExportVariant[]>(
        `SELECT v.id, v.product_id AS "productId", v.sku, v.title, v.price, v.compare_at_price AS "compareAtPrice", v.currency,
                v.weight_grams AS "weightGrams", v.active, coalesce(i.on_hand, 0) AS "onHand",
                coalesce(i.reorder_threshold, 5) AS "reorderThreshold", coalesce(i.location, 'default') AS location
           FROM product_variant v LEFT JOIN inventory_level i ON i.variant_id = v.id
          WHERE v.product_id = ANY($1::uuid[]) ORDER BY v.position, v.id`,
        ids,
      ),
      this.db.$queryRawUnsafe<{ productId: string; categoryId: string }[]>(
        `SELECT product_id AS "productId", category_id AS "categoryId" FROM product_category WHERE product_id = ANY($1::uuid[])`,
        ids,
      ),
      this.db.$queryRawUnsafe<{ productId: string; url: string }[]>(
        `SELECT product_id AS "productId", url FROM product_image WHERE product_id = ANY($1::uuid[]) ORDER BY position, id`,
        ids,
      ),
      this.db.$queryRawUnsafe<{ productId: string; id: string; name: string; value: string }[]>(
        `SELECT o.product_id AS "productId", ov.id, o.name, ov.value FROM product_option o JOIN product_option_value ov ON ov.option_id = o.id
          WHERE o.product_id = ANY($1::uuid[]) ORDER BY o.position, o.name`,
        ids,
      ),
    ]);
    const links = await this.db.$queryRawUnsafe<{ variantId: string; optionValueId: string }[]>(
      `SELECT variant_id AS "variantId", option_value_id AS "optionValueId" FROM variant_option_value WHERE variant_id = ANY($1::uuid[])`,
      variants.map((v) => v.id),
    );
    const valueById = new Map(optionValues.map((v) => [v.id, v]));
    const optionNames = group(optionValues, (v) => v.productId, (v) => v.name);
    const selected = group(links, (l) => l.variantId, (l) => valueById.get(l.optionValueId)!);
    const categoryPaths = group(categories, (c) => c.productId, (c) => paths.get(c.categoryId)!);
    const imageUrls = group(images, (i) => i.productId, (i) => i.url);
    const variantsOf = group(variants, (v) => v.productId, (v) => v);
    const rows = products.flatMap((p) => {
      const names = [...new Set(optionNames.get(p.id) ?? [])];
      return (variantsOf.get(p.id) ?? []).map((v) => {
        const values = new Map((selected.get(v.id) ?? []).map((s) => [s.name, s.value]));
        const optionCells = Array.from({ length: options }, (_, k) => {
          const name = names[k];
          const value = name === undefined ? undefined : values.get(name);
          return value === undefined ? ['', ''] : [name!, value];
        }).flat();
        return [
          p.slug,
          p.name,
          p.description,
          p.brand ?? '',
          String(p.active),
          (categoryPaths.get(p.id) ?? []).sort().join(LIST_SEPARATOR),
          (imageUrls.get(p.id) ?? []).join(LIST_SEPARATOR),
          ...optionCells,
          v.sku,
          v.title,
          formatAmount(v.price, v.currency),
          v.compareAtPrice === null ? '' : formatAmount(v.compareAtPrice, v.currency),
          v.currency,
          v.weightGrams === null ? '' : String(v.weightGrams),
          String(v.active),
          String(v.onHand),
          String(v.reorderThreshold),
          v.location,
        ];
      });
    });
    return { rows, products: products.length, lastSlug: products.at(-1)?.slug ?? null };
  }
}

/** Rows grouped by a key, each mapped, in the rows' order. */
function group<T, V>(rows: T[], key: (row: T) => string, value: (row: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(value(row));
    else groups.set(k, [value(row)]);
  }
  return groups;
}
