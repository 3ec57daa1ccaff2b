// Reading an import file into a plan: the products and variants it describes, and every error
// with its line and column. Pure: no catalog is consulted here (catalog-import-changes.ts
// compares the plan with what is stored). The format is in this folder's README, "Bulk import
// and export"; its columns and cells in catalog-csv-format.ts.
import { checkCurrency } from '../../lib/input-checker.js';
import {
  PATH_SEPARATOR,
  PRODUCT_COLUMNS,
  VARIANT_COLUMNS,
  optionColumn,
  optionColumns,
  readAmount,
  readBoolean,
  readCount,
  splitList,
  type NamedColumn,
  type ProductColumn,
  type Read,
} from './catalog-csv-format.js';
import { parseCsv, type CsvRecord } from './csv.js';
import type { CatalogErrorCode } from './generated/resolvers-types.js';
import { CatalogInputChecker, LIMITS, sameOptionName } from './validation.js';

/** What is wrong with the file at a line (1 is the header) and column (null: the row or file as a whole). */
export interface ImportError {
  line: number;
  column: string | null;
  code: CatalogErrorCode;
  message: string;
}

/**
 * One variant row. A field left undefined was not in the file (its column is not in the header):
 * a stored variant keeps its value, a new one gets the default.
 */
export interface PlannedVariant {
  line: number;
  sku: string;
  /** null: the default title (the option values, or the SKU). */
  title?: string | null;
  /** Minor units, in `currency`. */
  price?: number;
  compareAtPrice?: number | null;
  currency?: string;
  weightGrams?: number | null;
  active?: boolean;
  options?: { name: string; value: string }[];
  onHand?: number;
  reorderThreshold?: number;
  location?: string;
}

export interface PlannedOption {
  name: string;
  /** In the order the file first gives them, each once (ignoring case). */
  values: string[];
  /** The column that names it, for errors. */
  column: string;
}

/** A product as its first row gives it, with its rows; undefined fields as in PlannedVariant. */
export interface PlannedProduct {
  slug: string;
  /** Its first row, where its product columns are read. */
  line: number;
  name?: string;
  description?: string;
  brand?: string | null;
  active?: boolean;
  /** Category slug paths from a root down; the product is listed in the last category of each. */
  categories?: string[][];
  imageUrls?: string[];
  options?: PlannedOption[];
  variants: PlannedVariant[];
}

export interface ImportPlan {
  /** Rows after the header. */
  rows: number;
  /** What can be imported: products in the order of their first row, each with its rows that have no error. */
  products: PlannedProduct[];
  /** Every error, in line order. */
  errors: ImportError[];
  /** The file as a whole cannot be read (not CSV, a bad header): nothing in it can be imported. */
  unreadable: boolean;
}

interface Header {
  at: Map<string, number>;
  /** Option columns by number, ascending. */
  options: { n: number; name: string; value: string }[];
  width: number;
}

/** A row whose own cells are good: its product cells raw (trimmed), its variant read. */
interface GoodRow {
  line: number;
  slug: string;
  product: Partial<Record<ProductColumn, string>>;
  variant: PlannedVariant;
  /** Per header option column: the name and value given, or null when both are blank. */
  options: ({ name: string; value: string } | null)[];
}

const known = new Set<string>([...PRODUCT_COLUMNS, ...VARIANT_COLUMNS]);
const unreadable = (rows: number, errors: ImportError[]): ImportPlan => ({ rows, products: [], errors, unreadable: true });

export function planImport(text: string): ImportPlan {
  const parsed = parseCsv(text);
  if (parsed.error) return unreadable(Math.max(0, parsed.records.length - 1), [{ ...parsed.error, column: null, code: 'INVALID_INPUT' }]);
  const [first, ...records] = parsed.records;
  if (!first) return unreadable(0, [{ line: 1, column: null, code: 'INVALID_INPUT', message: 'the file is empty: it needs a header line' }]);
  const header = readHeader(first);
  if ('errors' in header) return unreadable(records.length, header.errors);

  const errors: ImportError[] = [];
  const rows: GoodRow[] = [];
  const skus = new Map<string, number>();
  for (const record of records) {
    const row = readRow(header, record, errors);
    if (!row) continue;
    const seen = skus.get(row.variant.sku.toLowerCase());
    if (seen !== undefined) {
      errors.push({ line: row.line, column: 'sku', code: 'SKU_TAKEN', message: `SKU ${row.variant.sku} is on line ${seen} already` });
      continue;
    }
    skus.set(row.variant.sku.toLowerCase(), row.line);
    rows.push(row);
  }

  const bySlug = new Map<string, GoodRow[]>();
  for (const row of rows) bySlug.set(row.slug, [...(bySlug.get(row.slug) ?? []), row]);
  const categoryParents = new Map<string, { parent: string | null; line: number }>();
  const products = [...bySlug.values()].flatMap((group) => planProduct(header, group, categoryParents, errors) ?? []);
  // By line, then in the header's order of columns.
  const rank = (e: ImportError) => (e.column === null ? -1 : (header.at.get(e.column) ?? -1));
  errors.sort((a, b) => a.line - b.line || rank(a) - rank(b));
  return { rows: records.length, products, errors, unreadable: false };
}

function readHeader(record: CsvRecord): Header | { errors: ImportError[] } {
  const errors: ImportError[] = [];
  const fail = (column: string | null, message: string) => errors.push({ line: record.line, column, code: 'INVALID_INPUT', message });
  const at = new Map<string, number>();
  record.fields.forEach((field, i) => {
    const name = field.trim().toLowerCase();
    const option = optionColumn(name);
    if (!known.has(name) && !option) fail(name, `unknown column "${field}" (the columns are listed in the catalog README)`);
    else if (option && option.n > LIMITS.options) fail(name, `at most ${LIMITS.options} options (option1 to option${LIMITS.options})`);
    else if (at.has(name)) fail(name, `column ${name} appears twice`);
    else at.set(name, i);
  });
  for (const required of ['product_slug', 'sku']) if (!at.has(required)) fail(required, `the header needs a ${required} column`);
  for (const money of ['price', 'compare_at_price']) if (at.has(money) && !at.has('currency')) fail('currency', `${money} needs a currency column`);
  const numbers = [...new Set([...at.keys()].flatMap((name) => optionColumn(name)?.n ?? []))].sort((a, b) => a - b);
  for (const n of numbers) {
    const { name, value } = optionColumns(n);
    if (!at.has(name)) fail(name, `${value} needs a ${name} column`);
    if (!at.has(value)) fail(value, `${name} needs a ${value} column`);
  }
  if (errors.length > 0) return { errors };
  return { at, options: numbers.map((n) => ({ n, ...optionColumns(n) })), width: record.fields.length };
}

/** A row's own cells, checked; null (with its errors recorded) when any is bad. */
function readRow(header: Header, record: CsvRecord, errors: ImportError[]): GoodRow | null {
  const { line, fields } = record;
  if (fields.length !== header.width) {
    errors.push({ line, column: null, code: 'INVALID_INPUT', message: `the row has ${fields.length} fields, the header ${header.width}` });
    return null;
  }
  const cell = (column: string): string | undefined => {
    const i = header.at.get(column);
    return i === undefined ? undefined : fields[i]!.trim();
  };
  const c = new CatalogInputChecker();
  const read = <T>(column: NamedColumn, code: CatalogErrorCode, result: Read<T>): T | undefined => {
    if ('error' in result) c.add(code, `${column} ${result.error}`, [column]);
    else return result.value;
  };

  const slug = cell('product_slug')!;
  c.slug(slug, ['product_slug']);
  const sku = cell('sku')!;
  c.text(sku, ['sku'], LIMITS.sku, true);
  const variant: PlannedVariant = { line, sku };

  const title = cell('variant_title');
  if (title !== undefined && c.text(title, ['variant_title'], LIMITS.variantTitle)) variant.title = title === '' ? null : title;
  const currency = cell('currency')?.toUpperCase();
  if (currency === '') c.add('INVALID_CURRENCY', 'currency is required', ['currency']);
  else if (currency !== undefined) checkCurrency(c, currency, ['currency']);
  const currencyKnown = currency !== undefined && !c.errors.some((e) => e.field?.[0] === 'currency');
  if (currencyKnown) variant.currency = currency;
  const price = cell('price');
  if (price === '') c.add('INVALID_PRICE', 'price is required', ['price']);
  else if (price !== undefined && currencyKnown) variant.price = read('price', 'INVALID_PRICE', readAmount(price, currency));
  const compareAt = cell('compare_at_price');
  if (compareAt === '') variant.compareAtPrice = null;
  else if (compareAt !== undefined && currencyKnown) variant.compareAtPrice = read('compare_at_price', 'INVALID_PRICE', readAmount(compareAt, currency));
  const weight = cell('weight_grams');
  if (weight === '') variant.weightGrams = null;
  else if (weight !== undefined) variant.weightGrams = read('weight_grams', 'INVALID_INPUT', readCount(weight, LIMITS.weightGrams));
  const active = cell('variant_active');
  if (active !== undefined) variant.active = read('variant_active', 'INVALID_INPUT', readBoolean(active));
  // Stock moves with every sale: a blank cell leaves it as it stands.
  const onHand = cell('on_hand');
  if (onHand) variant.onHand = read('on_hand', 'QUANTITY_OUT_OF_RANGE', readCount(onHand, LIMITS.onHand));
  const threshold = cell('reorder_threshold');
  if (threshold) variant.reorderThreshold = read('reorder_threshold', 'QUANTITY_OUT_OF_RANGE', readCount(threshold, LIMITS.reorderThreshold));
  const location = cell('location');
  if (location && c.text(location, ['location'], LIMITS.location)) variant.location = location;

  const options = header.options.map(({ name: nameColumn, value: valueColumn }) => {
    const name = cell(nameColumn)!;
    const value = cell(valueColumn)!;
    if (name === '' && value === '') return null;
    if (name === '') c.add('INVALID_INPUT', `${nameColumn} is required when ${valueColumn} is given`, [nameColumn]);
    if (value === '') c.add('INVALID_INPUT', `${valueColumn} is required when ${nameColumn} is given`, [valueColumn]);
    c.text(name, [nameColumn], LIMITS.optionName);
    c.text(value, [valueColumn], LIMITS.optionValue);
    return { name, value };
  });

  if (c.errors.length > 0) {
    errors.push(...c.errors.map((e) => ({ line, column: e.field?.[0] ?? null, code: e.code, message: e.message })));
    return null;
  }
  const product: GoodRow['product'] = {};
  for (const column of PRODUCT_COLUMNS) {
    const value = cell(column);
    if (value !== undefined) product[column] = value;
  }
  return { line, slug, product, variant, options };
}

/**
 * A product from its rows (their own cells good): its columns from the first row, later rows
 * blank there or the same, one option name per option column. Null when the product as a whole
 * is bad: then each of its rows has an error.
 */
function planProduct(
  header: Header,
  rows: GoodRow[],
  categoryParents: Map<string, { parent: string | null; line: number }>,
  errors: ImportError[],
): PlannedProduct | null {
  const [first] = rows as [GoodRow, ...GoodRow[]];
  const { line, slug } = first;
  const c = new CatalogInputChecker();
  const product: PlannedProduct = { slug, line, variants: [] };
  const cells = first.product;
  if (cells.product_name !== undefined && c.text(cells.product_name, ['product_name'], LIMITS.name, true)) product.name = cells.product_name;
  if (cells.description !== undefined && c.text(cells.description, ['description'], LIMITS.description)) product.description = cells.description;
  if (cells.brand !== undefined && c.text(cells.brand, ['brand'], LIMITS.brand)) product.brand = cells.brand === '' ? null : cells.brand;
  if (cells.product_active !== undefined) {
    const active = readBoolean(cells.product_active);
    if ('error' in active) c.add('INVALID_INPUT', `product_active ${active.error}`, ['product_active']);
    else product.active = active.value;
  }
  if (cells.categories !== undefined) product.categories = categoryPaths(c, cells.categories, line, categoryParents);
  if (cells.image_urls !== undefined) {
    const urls = splitList(cells.image_urls);
    if (urls.length > LIMITS.images) c.add('INVALID_INPUT', `at most ${LIMITS.images} images`, ['image_urls']);
    urls.forEach((url) => c.url(url, ['image_urls']));
    product.imageUrls = urls;
  }

  // Later rows repeat the product's columns or leave them blank.
  const consistent = rows.filter((row) => {
    const differs = PRODUCT_COLUMNS.find((column) => row.product[column] && row.product[column] !== cells[column]);
    if (differs) errors.push({ line: row.line, column: differs, code: 'INVALID_INPUT', message: `${differs} differs from the product's first row, line ${line}: repeat it or leave it blank` });
    return !differs;
  });

  // Option n has the name the first row giving one says; later rows name the same option.
  const names = header.options.map((_, k) => consistent.find((row) => row.options[k])?.options[k]?.name);
  const good = consistent.filter((row) => {
    const k = row.options.findIndex((o, k) => o && !sameOptionName(o.name, names[k]!));
    if (k >= 0) errors.push({ line: row.line, column: header.options[k]!.name, code: 'INVALID_INPUT', message: `the product's option${header.options[k]!.n} is ${names[k]} (its first mention): use that name here` });
    return k < 0;
  });
  if (header.options.length > 0) {
    product.options = header.options.flatMap(({ name: column }, k) => {
      const name = names[k];
      if (name === undefined) return [];
      const values = new Map<string, string>();
      for (const row of good) {
        const value = row.options[k]?.value;
        if (value !== undefined && !values.has(value.toLowerCase())) values.set(value.toLowerCase(), value);
      }
      return [{ name, values: [...values.values()], column }];
    });
    c.unique(product.options.map((o) => o.name.trim()), (i) => [product.options![i]!.column], 'OPTION_TAKEN', 'option');
    for (const option of product.options) {
      if (option.values.length > LIMITS.optionValues) c.add('INVALID_INPUT', `option ${option.name} has ${option.values.length} values, at most ${LIMITS.optionValues}`, [option.column]);
    }
  }
  if (good.length > LIMITS.variants) c.add('INVALID_INPUT', `the product has ${good.length} variant rows, at most ${LIMITS.variants}`, ['sku']);

  if (c.errors.length > 0) {
    errors.push(...c.errors.map((e) => ({ line, column: e.field?.[0] ?? null, code: e.code, message: e.message })));
    for (const row of good) if (row !== first) errors.push(notImported(row.line, slug, line));
    return null;
  }
  product.variants = good.map((row) => {
    if (header.options.length === 0) return row.variant;
    const options = row.options.flatMap((o, k) => (o ? [{ name: names[k]!, value: o.value }] : []));
    return { ...row.variant, options };
  });
  return product.variants.length > 0 ? product : null;
}

/** Why a row whose own cells are good is not imported: its product's are not. */
export const notImported = (line: number, slug: string, productLine: number): ImportError => ({
  line,
  column: 'product_slug',
  code: 'INVALID_INPUT',
  message: `not imported: product ${slug} has errors on line ${productLine}`,
});

/**
 * The paths of a categories cell ("apparel/tops|sale"), each slug checked. Across the file a
 * category has one parent: the one its first mention gives it.
 */
function categoryPaths(c: CatalogInputChecker, cell: string, line: number, parents: Map<string, { parent: string | null; line: number }>): string[][] {
  const paths = splitList(cell).map((path) => path.split(PATH_SEPARATOR).map((slug) => slug.trim()));
  for (const path of paths) {
    path.forEach((slug, depth) => {
      const before = c.errors.length;
      c.slug(slug, ['categories']);
      if (c.errors.length > before) return;
      const parent = depth === 0 ? null : path[depth - 1]!;
      const known = parents.get(slug);
      if (!known) parents.set(slug, { parent, line });
      else if (known.parent !== parent) {
        const where = (p: string | null) => (p === null ? 'at the root' : `under ${p}`);
        c.add('INVALID_INPUT', `category ${slug} is ${where(parent)} here but ${where(known.parent)} on line ${known.line}`, ['categories']);
      }
    });
  }
  return paths;
}
