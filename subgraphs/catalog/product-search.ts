// Listing, search, filters, facets and keyset pagination for products, in SQL.
import { Prisma, type PrismaClient } from './prisma-client/client.js';
import { badUserInput } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { readRows } from '../../lib/db.js';
import { cursorArgument, decodeCursor, encodeCursor, toConnection, type PageWindow } from '../../lib/pagination.js';
import { PRODUCT_COLUMNS } from './loaders.js';
import type { ProductConnectionRow, ProductRow } from './models.js';
import type { ProductSort } from './generated/resolvers-types.js';
import { readSearch, type SearchQuery } from './search-query.js';
import type { SynonymRule } from './search-terms.js';

interface MoneyInput {
  amount: number;
  currencyCode: string;
}

export interface ProductFilterInput {
  search?: string | null;
  categoryId?: string | null;
  minPrice?: MoneyInput | null;
  maxPrice?: MoneyInput | null;
  /** Deprecated: amounts in whatever currency each variant has. */
  priceMin?: number | null;
  priceMax?: number | null;
  options?: { name: string; values: string[] }[] | null;
  inStock?: boolean | null;
  active?: boolean | null;
}

/** A filter's price bounds: minor units, in one currency when the filter names it. */
interface PriceBounds {
  currency: string | null;
  min: number | null;
  max: number | null;
}

/** The price bounds of a filter, checked: one currency, min at most max, not both ways of giving them. */
export function priceBounds(filter: ProductFilterInput): PriceBounds {
  const { minPrice, maxPrice, priceMin, priceMax } = filter;
  if ((minPrice || maxPrice) && (priceMin != null || priceMax != null)) {
    throw badUserInput('give minPrice and maxPrice, or the deprecated priceMin and priceMax, not both', 'filter.minPrice');
  }
  if (minPrice && maxPrice && minPrice.currencyCode !== maxPrice.currencyCode) {
    throw badUserInput('minPrice and maxPrice must be in one currency', 'filter.maxPrice.currencyCode');
  }
  const bounds: PriceBounds = {
    currency: minPrice?.currencyCode ?? maxPrice?.currencyCode ?? null,
    min: minPrice?.amount ?? priceMin ?? null,
    max: maxPrice?.amount ?? priceMax ?? null,
  };
  if (bounds.min !== null && bounds.max !== null && bounds.min > bounds.max) {
    throw badUserInput('the lowest price must not exceed the highest', minPrice ? 'filter.minPrice' : 'filter.priceMin');
  }
  return bounds;
}

/** Price facet buckets in minor units: [0, 25), [25, 50) … [500, ∞) in a two-decimal currency. */
export const PRICE_BUCKETS = [0, 2_500, 5_000, 10_000, 20_000, 50_000];


type SortKey = { columns: Prisma.Sql[]; direction: 'ASC' | 'DESC'; tieBreak: 'ASC' | 'DESC' };

const flip = (direction: 'ASC' | 'DESC'): 'ASC' | 'DESC' => (direction === 'ASC' ? 'DESC' : 'ASC');

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Whether a cursor's sort value has the type the sort's column compares with. */
const validSortValue: Record<ProductSort, (value: unknown) => boolean> = {
  NEWEST: (v) => typeof v === 'string' && ISO_INSTANT.test(v) && !Number.isNaN(Date.parse(v)),
  NAME_ASC: (v) => typeof v === 'string',
  NAME_DESC: (v) => typeof v === 'string',
  PRICE_ASC: (v) => Number.isInteger(v) && (v as number) >= -1 && (v as number) <= 2_147_483_647,
  PRICE_DESC: (v) => Number.isInteger(v) && (v as number) >= -1 && (v as number) <= 2_147_483_647,
  RELEVANCE: (v) => typeof v === 'number' && Number.isFinite(v),
};

/**
 * What a filter condition narrows, so that each facet can count without its own dimension's
 * condition (disjunctive facets): the category, the price bounds, or one option (by lower-case
 * name). Conditions without one (the search, active, stock, currency) always apply.
 */
type Dimension = 'category' | 'price' | `option:${string}`;

interface Condition {
  sql: Prisma.Sql;
  dimension?: Dimension;
}

const optionDimension = (name: string): Dimension => `option:${name.trim().toLowerCase()}`;

/** The conditions, less those on `dimension` when one is named. */
const without = (conditions: Condition[], dimension: Dimension | undefined): Prisma.Sql[] =>
  conditions.filter((c) => dimension === undefined || c.dimension !== dimension).map((c) => c.sql);

/**
 * One storefront listing: a compiled WHERE clause and sort, from which the page, the total and
 * the facets are read. Cursors carry the sort and the sort key of the last row, so rows inserted
 * between page reads never shift or repeat the rows already seen.
 *
 * Facets are disjunctive, as shoppers expect when they tick several sizes: each facet counts the
 * products the listing would have with the filter on its own dimension replaced by that value,
 * every other condition applying; counts of option values and prices hold on one and the same
 * variant, as the listing's conditions do.
 */
export class ProductQuery {
  private readonly where: Prisma.Sql;
  /** Conditions on the product row (alias p). */
  private readonly productConditions: Condition[];
  /** Conditions one active variant (alias v) must meet together. */
  private readonly variantConditions: Condition[];
  /** The option names the filter narrows, lower-case. */
  private readonly filteredOptions: string[];
  private readonly search: SearchQuery | null;
  /** The total, when a page counted it (page's `withCount`). */
  private counted: number | undefined;
  private readonly price: PriceBounds;
  readonly sort: ProductSort;

  /** The listing for a filter; a search is read first (search-query.ts), with the synonym rules in force. */
  static async create(db: PrismaClient, filter: ProductFilterInput, sort: ProductSort, synonyms: () => Promise<SynonymRule[]>): Promise<ProductQuery> {
    const search = filter.search?.trim();
    if (search && search.length > 200) throw badUserInput('search must be at most 200 characters', 'filter.search');
    // As typed: a trailing space says the last word is complete (search-query.ts).
    return new ProductQuery(db, filter, sort, search ? await readSearch(db, await synonyms(), filter.search!.trimStart()) : null);
  }

  private constructor(
    private readonly db: PrismaClient,
    filter: ProductFilterInput,
    sort: ProductSort,
    search: SearchQuery | null,
  ) {
    this.search = search;
    this.sort = sort === 'RELEVANCE' && !this.search ? 'NEWEST' : sort;
    this.price = priceBounds(filter);
    this.productConditions = this.compileProductConditions(filter);
    this.variantConditions = this.compileVariantConditions(filter);
    this.filteredOptions = [...new Set((filter.options ?? []).map((o) => o.name.trim().toLowerCase()))];
    this.where = this.whereWithout();
  }

  /** The listing's WHERE clause, without the conditions on one dimension when it is named (a facet's). */
  private whereWithout(dimension?: Dimension): Prisma.Sql {
    const conditions = without(this.productConditions, dimension);
    const variant = this.variantClause(dimension);
    if (variant) conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM product_variant v WHERE v.product_id = p.id AND v.active AND ${variant})`);
    return Prisma.join(conditions, ' AND ');
  }

  /** What one variant (v) must meet, without one dimension's conditions when it is named; null when nothing. */
  private variantClause(dimension?: Dimension): Prisma.Sql | null {
    const conditions = without(this.variantConditions, dimension);
    return conditions.length > 0 ? Prisma.join(conditions, ' AND ') : null;
  }

  private compileProductConditions(filter: ProductFilterInput): Condition[] {
    const conditions: Condition[] = [{ sql: Prisma.sql`p.deleted_at IS NULL` }, { sql: Prisma.sql`p.active = ${filter.active ?? true}` }];
    if (this.search) conditions.push({ sql: this.search.matches });
    if (filter.categoryId != null) {
      if (!isUuid(filter.categoryId)) throw badUserInput('categoryId is not a category id', 'filter.categoryId');
      conditions.push({
        dimension: 'category',
        sql: Prisma.sql`EXISTS (
        SELECT 1 FROM product_category pc
         WHERE pc.product_id = p.id
           AND pc.category_id IN (
             WITH RECURSIVE subtree AS (
               SELECT id FROM category WHERE id = ${filter.categoryId}::uuid
               UNION ALL SELECT c.id FROM category c JOIN subtree s ON c.parent_id = s.id)
             SELECT id FROM subtree))`,
      });
    }
    return conditions;
  }

  private compileVariantConditions(filter: ProductFilterInput): Condition[] {
    const conditions: Condition[] = [];
    // The currency always applies: price facets count prices in it only.
    if (this.price.currency !== null) conditions.push({ sql: Prisma.sql`v.currency = ${this.price.currency}` });
    if (this.price.min !== null) conditions.push({ dimension: 'price', sql: Prisma.sql`v.price >= ${this.price.min}` });
    if (this.price.max !== null) conditions.push({ dimension: 'price', sql: Prisma.sql`v.price <= ${this.price.max}` });
    if (filter.inStock) {
      conditions.push({ sql: Prisma.sql`EXISTS (SELECT 1 FROM inventory_level i WHERE i.variant_id = v.id AND i.on_hand - i.reserved > 0)` });
    }
    for (const option of filter.options ?? []) {
      const values = option.values.map((value) => value.toLowerCase());
      conditions.push({
        dimension: optionDimension(option.name),
        sql: Prisma.sql`EXISTS (
          SELECT 1 FROM variant_option_value vov
            JOIN product_option_value ov ON ov.id = vov.option_value_id
            JOIN product_option o ON o.id = ov.option_id
           WHERE vov.variant_id = v.id AND lower(o.name) = ${option.name.trim().toLowerCase()}
             AND lower(ov.value) = ANY(${values}::text[]))`,
      });
    }
    return conditions;
  }

  private sortKey(): SortKey {
    switch (this.sort) {
      case 'RELEVANCE':
        return { columns: [this.search!.rank], direction: 'DESC', tieBreak: 'ASC' };
      case 'PRICE_ASC':
        return { columns: [Prisma.sql`COALESCE(p.min_price, 2147483647)`], direction: 'ASC', tieBreak: 'ASC' };
      case 'PRICE_DESC':
        return { columns: [Prisma.sql`COALESCE(p.min_price, -1)`], direction: 'DESC', tieBreak: 'DESC' };
      case 'NAME_ASC':
        return { columns: [Prisma.sql`p.name`], direction: 'ASC', tieBreak: 'ASC' };
      case 'NAME_DESC':
        return { columns: [Prisma.sql`p.name`], direction: 'DESC', tieBreak: 'DESC' };
      case 'NEWEST':
      default:
        return { columns: [Prisma.sql`p.created_at`], direction: 'DESC', tieBreak: 'DESC' };
    }
  }

  /**
   * The cursor condition: rows strictly after (sort key, id) in the order the page is read. A
   * cursor of another sort or of the wrong shape is the client's mistake, refused before it
   * reaches SQL.
   */
  private cursorCondition(key: SortKey, window: PageWindow & { cursor: string }): Prisma.Sql {
    const argument = cursorArgument(window);
    const cursor = decodeCursor(window.cursor, argument);
    const [sort, value, id] = cursor;
    if (cursor.length !== 3 || sort !== this.sort || typeof id !== 'string' || !isUuid(id) || !validSortValue[this.sort](value)) {
      throw badUserInput(`${argument} is not a valid cursor for this sort`, argument);
    }
    const column = key.columns[0]!;
    const typed = {
      NEWEST: Prisma.sql`${value}::timestamptz`,
      RELEVANCE: Prisma.sql`${value}::float8`,
      PRICE_ASC: Prisma.sql`${value}::int`,
      PRICE_DESC: Prisma.sql`${value}::int`,
      NAME_ASC: Prisma.sql`${value}::text`,
      NAME_DESC: Prisma.sql`${value}::text`,
    }[this.sort];
    const cmp = key.direction === 'ASC' ? Prisma.raw('>') : Prisma.raw('<');
    const tieCmp = key.tieBreak === 'ASC' ? Prisma.raw('>') : Prisma.raw('<');
    return Prisma.sql`(${column} ${cmp} ${typed} OR (${column} = ${typed} AND p.id ${tieCmp} ${id}::uuid))`;
  }

  /**
   * A page of products. `withCount`: the total is counted in the same statement (one round trip
   * fewer for a listing that shows it), and count() answers it without asking again.
   */
  async page(window: PageWindow, { withCount = false }: { withCount?: boolean } = {}): Promise<ProductConnectionRow> {
    // A backward page is read in the opposite order from its cursor, then turned round.
    const sorted = this.sortKey();
    const key = window.direction === 'forward' ? sorted : { ...sorted, direction: flip(sorted.direction), tieBreak: flip(sorted.tieBreak) };
    const conditions = [this.where];
    if (window.cursor) conditions.push(this.cursorCondition(key, { ...window, cursor: window.cursor }));
    const dir = Prisma.raw(key.direction);
    const tie = Prisma.raw(key.tieBreak);
    const page = Prisma.sql`
      SELECT ${PRODUCT_COLUMNS}, ${key.columns[0]!} AS sort_value
        FROM product p
       WHERE ${Prisma.join(conditions, ' AND ')}
       ORDER BY sort_value ${dir}, p.id ${tie}
       LIMIT ${window.size + 1}`;
    type PageRow = ProductRow & { sort_value: unknown; total?: number };
    // Counted: one row with the total even when the page is empty (its columns then null).
    const read = withCount
      ? (await readRows<PageRow>(this.db, Prisma.sql`
          SELECT page.*, counted.count AS total FROM (${this.countStatement()}) counted
            LEFT JOIN LATERAL (${page}) page ON true
           ORDER BY page.sort_value ${dir}, page.id ${tie}`))
      : await readRows<PageRow>(this.db, page);
    if (withCount) this.counted = Number(read[0]?.total ?? 0);
    const rows = read.filter((row) => row.id !== null);
    const connection = toConnection(rows, window, (row) => {
      const value = row.sort_value instanceof Date ? row.sort_value.toISOString() : row.sort_value;
      return encodeCursor([this.sort, value, row.id]);
    });
    for (const edge of connection.edges) {
      delete (edge.node as { sort_value?: unknown }).sort_value;
      delete (edge.node as { total?: unknown }).total;
    }
    return { ...connection, query: this };
  }

  /** The search with its unknown words corrected, when any was (search-query.ts). */
  get correctedQuery(): string | null {
    return this.search?.correctedQuery ?? null;
  }

  async count(): Promise<number> {
    if (this.counted !== undefined) return this.counted;
    const [row] = await readRows<{ count: number }>(this.db, this.countStatement());
    return Number(row?.count ?? 0);
  }

  /** How many products match, as `count`: on its own (count) or beside a page (page's `withCount`). */
  private countStatement(): Prisma.Sql {
    return Prisma.sql`SELECT count(*)::int AS count FROM product p WHERE ${this.where}`;
  }

  /** Per category, the products in it or in any descendant that match everything but the filter's category. */
  async categoryFacets(): Promise<{ categoryId: string; count: number }[]> {
    const rows = await readRows<{ category_id: string; count: number }>(this.db, Prisma.sql`
      WITH RECURSIVE matched AS (SELECT p.id FROM product p WHERE ${this.whereWithout('category')}),
      lineage AS (
        SELECT pc.product_id, c.id AS category_id, c.parent_id
          FROM product_category pc JOIN category c ON c.id = pc.category_id
         WHERE pc.product_id IN (SELECT id FROM matched)
        UNION
        SELECT l.product_id, c.id, c.parent_id FROM lineage l JOIN category c ON c.id = l.parent_id)
      SELECT category_id, count(DISTINCT product_id)::int AS count FROM lineage
       GROUP BY category_id ORDER BY count DESC, category_id`);
    return rows.map((r) => ({ categoryId: r.category_id, count: Number(r.count) }));
  }

  /**
   * Per option name and value, the products with an active variant that has it and meets the
   * rest of the filter: for an option the filter narrows, without that option's condition (so
   * that Size still lists every size while M is chosen, each with the count the listing would
   * have with it added). Names and values are grouped ignoring case, as the options filter
   * matches them: one product's "Colour" and another's "colour" are one facet. One statement:
   * one part for the options not filtered, one per option filtered.
   */
  async optionFacets(): Promise<{ name: string; values: { value: string; count: number }[] }[]> {
    const part = (dimension: Dimension | undefined, names: Prisma.Sql) => {
      const variant = this.variantClause(dimension);
      const products = this.productConditions.map((c) => c.sql);
      return Prisma.sql`
        SELECT lower(o.name) AS name_key, min(o.name) AS name, min(ov.value) AS value, count(DISTINCT p.id)::int AS count
          FROM product p
          JOIN product_variant v ON v.product_id = p.id AND v.active ${variant ? Prisma.sql`AND ${variant}` : Prisma.empty}
          JOIN variant_option_value vov ON vov.variant_id = v.id
          JOIN product_option_value ov ON ov.id = vov.option_value_id
          JOIN product_option o ON o.id = ov.option_id
         WHERE ${Prisma.join(products, ' AND ')} AND ${names}
         GROUP BY lower(o.name), lower(ov.value)`;
    };
    const parts = [
      part(undefined, Prisma.sql`lower(o.name) <> ALL(${this.filteredOptions}::text[])`),
      ...this.filteredOptions.map((name) => part(optionDimension(name), Prisma.sql`lower(o.name) = ${name}`)),
    ];
    const rows = await readRows<{ name_key: string; name: string; value: string; count: number }>(this.db, Prisma.sql`
      SELECT * FROM (${Prisma.join(parts, ' UNION ALL ')}) facets
       ORDER BY name_key, count DESC, lower(value)`);
    const byName = new Map<string, { name: string; values: { value: string; count: number }[] }>();
    for (const row of rows) {
      const facet = byName.get(row.name_key) ?? { name: row.name, values: [] };
      facet.values.push({ value: row.value, count: Number(row.count) });
      byName.set(row.name_key, facet);
    }
    return [...byName.values()];
  }

  /**
   * Products with an active variant priced in each bucket that meets the rest of the filter (its
   * price bounds left out; its currency kept). A product may count in several.
   */
  async priceFacets(): Promise<{ min: number; max: number | null; count: number }[]> {
    const variant = this.variantClause('price');
    const rows = await readRows<{ bucket: number; count: number }>(this.db, Prisma.sql`
      SELECT width_bucket(v.price, ${PRICE_BUCKETS}::int[]) AS bucket, count(DISTINCT p.id)::int AS count
        FROM product p JOIN product_variant v ON v.product_id = p.id AND v.active ${variant ? Prisma.sql`AND ${variant}` : Prisma.empty}
       WHERE ${Prisma.join(this.productConditions.map((c) => c.sql), ' AND ')}
       GROUP BY bucket`);
    const counts = new Map(rows.map((r) => [Number(r.bucket), Number(r.count)]));
    return PRICE_BUCKETS.map((min, i) => ({ min, max: PRICE_BUCKETS[i + 1] ?? null, count: counts.get(i + 1) ?? 0 }));
  }
}
