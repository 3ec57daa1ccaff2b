// The Product aggregate's writes that several use cases share, each inside the caller's
// transaction: the product row lock every edit takes, options and variants as stored, the
// ProductUpdated event, and the columns the listing reads instead of joining.
import { isUniqueViolation } from '../../lib/db.js';
import { recordEvents } from '../../lib/outbox.js';
import { isUuid } from '../../lib/ids.js';
import type { ProductRow, VariantRow } from './models.js';
import type { Prisma, PrismaClient } from './prisma-client/client.js';
import {
  CatalogInputChecker,
  defaultVariantTitle,
  refuse,
  sameOptionName,
  type OptionInput,
  type SelectedOptionInput,
  type VariantInput,
} from './validation.js';

export type Tx = Prisma.TransactionClient;

interface StoredOptionValue {
  id: string;
  name: string;
  value: string;
}

const NOT_FOUND = { product: 'PRODUCT_NOT_FOUND', option: 'OPTION_NOT_FOUND', variant: 'VARIANT_NOT_FOUND', image: 'IMAGE_NOT_FOUND' } as const;

export const notFound = (what: keyof typeof NOT_FOUND, field: string[]): never => refuse(NOT_FOUND[what], `${what} not found`, field);

export const SKU_TAKEN_MESSAGE = 'another variant already has this SKU';

/** Maps a unique violation raised by a write (two admins racing for one SKU) to the userError it means. */
export function refuseUniqueViolation(err: unknown, field: string[]): never {
  if (isUniqueViolation(err, 'sku')) return refuse('SKU_TAKEN', SKU_TAKEN_MESSAGE, [...field, 'sku']);
  if (isUniqueViolation(err, 'slug')) return refuse('SLUG_TAKEN', 'another product already has this slug', ['input', 'slug']);
  if (isUniqueViolation(err)) return refuse('OPTION_TAKEN', 'this option or value already exists', field);
  throw err;
}

/** Locks the product row so that concurrent edits of one product apply one after the other. */
export async function lockProduct(tx: Tx, id: string, field = ['id']): Promise<ProductRow> {
  if (!isUuid(id)) return notFound('product', field);
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM product WHERE id = ${id}::uuid FOR UPDATE`;
  if (locked.length === 0) return notFound('product', field);
  return tx.product.findUniqueOrThrow({ where: { id } });
}

export async function lockLiveProduct(tx: Tx, id: string, field = ['id']): Promise<ProductRow> {
  const product = await lockProduct(tx, id, field);
  if (product.deletedAt) refuse('PRODUCT_ARCHIVED', 'the product is archived', field);
  return product;
}

export async function productUpdated(tx: Tx, productId: string, changed: string[]): Promise<void> {
  await recordEvents(tx, [{ type: 'ProductUpdated', aggregateType: 'Product', aggregateId: productId, data: { productId, changed } }]);
}

export async function productOptions(tx: Tx, productId: string): Promise<OptionInput[]> {
  const options = await tx.productOption.findMany({ where: { productId }, include: { values: true } });
  return options.map((o) => ({ name: o.name, values: o.values.map((v) => v.value) }));
}

export async function createOption(tx: Tx, productId: string, option: OptionInput, position: number): Promise<void> {
  await tx.productOption.create({
    data: {
      productId,
      name: option.name.trim(),
      position,
      values: { create: option.values.map((value, i) => ({ value, position: i })) },
    },
  });
}

export async function createVariant(tx: Tx, productId: string, v: VariantInput, position: number): Promise<VariantRow> {
  const sku = v.sku!;
  const selected = await storedValues(tx, productId, v.options ?? []);
  const variant = await tx.productVariant.create({
    data: {
      productId,
      sku,
      title: v.title ?? defaultVariantTitle(selected, sku),
      price: v.price!.amount,
      compareAtPrice: v.compareAtPrice?.amount ?? null,
      currency: v.price!.currencyCode,
      weightGrams: v.weightGrams ?? null,
      active: v.active ?? true,
      position,
      inventory: { create: { onHand: v.onHand ?? 0, reorderThreshold: v.reorderThreshold ?? undefined } },
    },
  });
  await linkOptionValues(tx, variant.id, selected);
  return variant;
}

/**
 * The product's stored option values that a (validated) selection names, in option order and
 * spelled as stored: "m / red" typed by an admin is the variant "M / Red".
 */
export async function storedValues(tx: Tx, productId: string, selected: SelectedOptionInput[]): Promise<StoredOptionValue[]> {
  if (selected.length === 0) return [];
  const values = await tx.productOptionValue.findMany({ where: { option: { productId } }, include: { option: true } });
  return selected
    .map((s) => values.find((v) => sameOptionName(v.option.name, s.name) && v.value.toLowerCase() === s.value.toLowerCase())!)
    .sort((a, b) => a.option.position - b.option.position)
    .map((v) => ({ id: v.id, name: v.option.name, value: v.value }));
}

export async function linkOptionValues(tx: Tx, variantId: string, selected: StoredOptionValue[]): Promise<void> {
  if (selected.length === 0) return;
  await tx.variantOptionValue.createMany({ data: selected.map((v) => ({ variantId, optionValueId: v.id })) });
}

/** Option names are unique within a product, ignoring case, as variants and filters match them. */
export function checkOptionNameFree(c: CatalogInputChecker, options: { id: string; name: string }[], name: string, optionId: string | null): void {
  if (options.some((o) => o.id !== optionId && sameOptionName(o.name, name))) {
    c.add('OPTION_TAKEN', `the product already has an option named ${name.trim()}`, ['input', 'name']);
  }
}

/**
 * Recomputes what the listing reads instead of joining, for one product or many (the bulk import):
 * the search document (the product_search_document function of the search_words migration: name
 * and SKUs weigh most, then brand and the names of its categories and theirs, then description, read with the `shop` configuration the
 * search query uses, so a brand or SKU meets its stemmed query) and the lowest active variant
 * price; and adds the products' words to the search vocabulary (search-vocabulary.ts). The
 * variants are aggregated in one join, not a subquery per product: a bulk import fills tables
 * faster than their statistics follow, and a subquery planned for an empty table scans the whole
 * of it once per product.
 */
export async function refreshDerivedColumns(tx: Tx | PrismaClient, productIds: string | string[]): Promise<void> {
  const ids = typeof productIds === 'string' ? [productIds] : productIds;
  if (ids.length === 0) return;
  await tx.$executeRaw`
    UPDATE product p SET
      search_vector = product_search_document(p.name, d.skus, p.brand, p.description, product_category_names(p.id)),
      min_price = d.min_price
    FROM (SELECT ids.id, string_agg(v.sku, ' ') AS skus, min(v.price) FILTER (WHERE v.active) AS min_price
            FROM unnest(${ids}::uuid[]) AS ids(id) LEFT JOIN product_variant v ON v.product_id = ids.id
           GROUP BY ids.id) d
    WHERE p.id = d.id`;
  await tx.$executeRaw`
    INSERT INTO search_word (word)
    SELECT DISTINCT w FROM product p, search_words(p.name || ' ' || coalesce(p.brand, '') || ' ' || p.description || ' ' || product_category_names(p.id)) AS w
     WHERE p.id = ANY(${ids}::uuid[])
    ON CONFLICT DO NOTHING`;
}
