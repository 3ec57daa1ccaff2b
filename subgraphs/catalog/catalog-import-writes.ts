// The bulk import's writes: one set-based statement per table for a whole batch, rows passed as
// arrays and unnested. Products and variants are upserted by slug and SKU, stock by variant, and
// each upsert changes a row only WHERE something differs, so a row the file already matches is
// not touched (no updated_at bump) even if the batch holds it.
import { recordEvents } from '../../lib/outbox.js';
import type { NewCategory } from './catalog-import-categories.js';
import type { ChangeSet } from './catalog-import-changes.js';
import { refreshDerivedColumns, type Tx } from './product-aggregate.js';

/** Events per INSERT: eight parameters each, well under Postgres's 65,535. */
const EVENTS_PER_STATEMENT = 1_000;

const column = <T, K extends keyof T>(rows: T[], key: K): T[K][] => rows.map((row) => row[key]);

/** Parents first: one statement per depth of the tree. */
export async function writeCategories(tx: Tx, categories: NewCategory[]): Promise<void> {
  const depths = [...new Set(categories.map((c) => c.depth))].sort((a, b) => a - b);
  for (const depth of depths) {
    const level = categories.filter((c) => c.depth === depth);
    await tx.$executeRawUnsafe(
      `INSERT INTO category (id, slug, name, parent_id, updated_at)
       SELECT u.id, u.slug, u.name, u.parent_id, now() FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[]) AS u(id, slug, name, parent_id)`,
      column(level, 'id'),
      column(level, 'slug'),
      column(level, 'name'),
      column(level, 'parentId'),
    );
  }
}

/**
 * Writes a batch's changes. Returns the rows the upserts did not write as planned because the
 * catalog changed after it was read (a slug or SKU taken by someone else meanwhile); the caller
 * rolls the batch back then.
 */
export async function writeChanges(tx: Tx, set: ChangeSet): Promise<{ slug: string | null; sku: string | null }[]> {
  const conflicts: { slug: string | null; sku: string | null }[] = [];
  if (set.products.length > 0) {
    const written = await tx.$queryRawUnsafe<{ id: string; slug: string }[]>(
      `INSERT INTO product AS p (id, slug, name, description, brand, active, updated_at)
       SELECT u.*, now() FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[]) AS u
       ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description, brand = EXCLUDED.brand,
                                        active = EXCLUDED.active, updated_at = now()
        WHERE p.deleted_at IS NULL
          AND (p.name, p.description, p.brand, p.active) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.description, EXCLUDED.brand, EXCLUDED.active)
       RETURNING p.id, p.slug`,
      column(set.products, 'id'),
      column(set.products, 'slug'),
      column(set.products, 'name'),
      column(set.products, 'description'),
      column(set.products, 'brand'),
      column(set.products, 'active'),
    );
    const ids = new Map(written.map((row) => [row.slug, row.id]));
    for (const p of set.products) if (ids.get(p.slug) !== p.id) conflicts.push({ slug: p.slug, sku: null });
  }
  if (conflicts.length > 0) return conflicts;

  if (set.options.length > 0) {
    await tx.$executeRawUnsafe(
      `INSERT INTO product_option (id, product_id, name, position) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[])`,
      column(set.options, 'id'),
      column(set.options, 'productId'),
      column(set.options, 'name'),
      column(set.options, 'position'),
    );
  }
  if (set.optionValues.length > 0) {
    await tx.$executeRawUnsafe(
      `INSERT INTO product_option_value (id, option_id, value, position) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[])`,
      column(set.optionValues, 'id'),
      column(set.optionValues, 'optionId'),
      column(set.optionValues, 'value'),
      column(set.optionValues, 'position'),
    );
  }

  if (set.variants.length > 0) {
    // A SKU of another product is never taken over: the WHERE leaves it, and the check below reports it.
    const written = await tx.$queryRawUnsafe<{ id: string; sku: string }[]>(
      `INSERT INTO product_variant AS v (id, product_id, sku, title, price, compare_at_price, currency, weight_grams, active, position, updated_at)
       SELECT u.*, now() FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::int[], $9::boolean[], $10::int[]) AS u
       ON CONFLICT (sku) DO UPDATE SET title = EXCLUDED.title, price = EXCLUDED.price, compare_at_price = EXCLUDED.compare_at_price,
                                       weight_grams = EXCLUDED.weight_grams, active = EXCLUDED.active, updated_at = now()
        WHERE v.product_id = EXCLUDED.product_id
          AND (v.title, v.price, v.compare_at_price, v.weight_grams, v.active)
              IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.price, EXCLUDED.compare_at_price, EXCLUDED.weight_grams, EXCLUDED.active)
       RETURNING v.id, v.sku`,
      column(set.variants, 'id'),
      column(set.variants, 'productId'),
      column(set.variants, 'sku'),
      column(set.variants, 'title'),
      column(set.variants, 'price'),
      column(set.variants, 'compareAtPrice'),
      column(set.variants, 'currency'),
      column(set.variants, 'weightGrams'),
      column(set.variants, 'active'),
      column(set.variants, 'position'),
    );
    const ids = new Map(written.map((row) => [row.sku, row.id]));
    for (const v of set.variants) if (ids.get(v.sku) !== v.id) conflicts.push({ slug: null, sku: v.sku });
  }
  if (conflicts.length > 0) return conflicts;

  if (set.relinkedVariants.length > 0) {
    await tx.$executeRawUnsafe(`DELETE FROM variant_option_value WHERE variant_id = ANY($1::uuid[])`, set.relinkedVariants);
  }
  if (set.links.length > 0) {
    await tx.$executeRawUnsafe(
      `INSERT INTO variant_option_value (variant_id, option_value_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
      column(set.links, 'variantId'),
      column(set.links, 'optionValueId'),
    );
  }
  if (set.stock.length > 0) {
    // on_hand is never set below reserved: the check compared them under the row lock, and the CHECK constraint stands behind it.
    await tx.$executeRawUnsafe(
      `INSERT INTO inventory_level AS i (variant_id, on_hand, reorder_threshold, location, updated_at)
       SELECT u.*, now() FROM unnest($1::uuid[], $2::int[], $3::int[], $4::text[]) AS u
       ON CONFLICT (variant_id) DO UPDATE SET on_hand = EXCLUDED.on_hand, reorder_threshold = EXCLUDED.reorder_threshold,
                                             location = EXCLUDED.location, updated_at = now()
        WHERE (i.on_hand, i.reorder_threshold, i.location) IS DISTINCT FROM (EXCLUDED.on_hand, EXCLUDED.reorder_threshold, EXCLUDED.location)`,
      column(set.stock, 'variantId'),
      column(set.stock, 'onHand'),
      column(set.stock, 'reorderThreshold'),
      column(set.stock, 'location'),
    );
  }
  if (set.recategorised.length > 0) {
    await tx.$executeRawUnsafe(`DELETE FROM product_category WHERE product_id = ANY($1::uuid[])`, set.recategorised);
  }
  if (set.categoryLinks.length > 0) {
    await tx.$executeRawUnsafe(
      `INSERT INTO product_category (product_id, category_id)
       SELECT u.product_id, c.id FROM unnest($1::uuid[], $2::text[]) AS u(product_id, slug) JOIN category c ON c.slug = u.slug`,
      column(set.categoryLinks, 'productId'),
      column(set.categoryLinks, 'categorySlug'),
    );
  }
  if (set.reimaged.length > 0) {
    await tx.$executeRawUnsafe(`DELETE FROM product_image WHERE product_id = ANY($1::uuid[])`, set.reimaged);
  }
  if (set.imageRows.length > 0) {
    await tx.$executeRawUnsafe(
      `INSERT INTO product_image (id, product_id, url, alt_text, position) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[])`,
      column(set.imageRows, 'id'),
      column(set.imageRows, 'productId'),
      column(set.imageRows, 'url'),
      column(set.imageRows, 'altText'),
      column(set.imageRows, 'position'),
    );
  }
  await refreshDerivedColumns(tx, set.derived);
  for (let i = 0; i < set.events.length; i += EVENTS_PER_STATEMENT) await recordEvents(tx, set.events.slice(i, i + EVENTS_PER_STATEMENT));
  return conflicts;
}
