// Per-request batching: a page of N products costs one statement for everything shown of them
// besides their rows (variants with their options and stock, images, options, category links:
// product_details(), its migration says why one), and variants reached on their own (a cart's
// lines) one statement for them with their options and stock (variant_details()).
import DataLoader from 'dataloader';
import { Prisma, type PrismaClient } from './prisma-client/client.js';
import { readRows } from '../../lib/db.js';
import type { CategoryRow, ImageRow, InventoryRow, OptionRow, ProductRow, SelectedOptionRow, VariantView } from './models.js';
import { isUuid } from '../../lib/ids.js';

function byId<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): (T | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

export interface CategoryTree {
  byId: Map<string, CategoryRow>;
  /** Children in display order; the roots are under null. */
  childrenOf: Map<string | null, CategoryRow[]>;
}

/** A product row as the resolvers take it (Prisma's Product, without the search vector), from `product p`. */
export const PRODUCT_COLUMNS = Prisma.sql`p.id, p.slug, p.name, p.description, p.brand, p.active, p.min_price AS "minPrice",
  p.created_at AS "createdAt", p.updated_at AS "updatedAt", p.deleted_at AS "deletedAt"`;

async function readCategoryTree(db: PrismaClient): Promise<CategoryTree> {
  const rows = await readRows<CategoryRow>(
    db,
    Prisma.sql`SELECT id, slug, name, parent_id AS "parentId", sort_order AS "sortOrder", created_at AS "createdAt", updated_at AS "updatedAt"
                 FROM category ORDER BY sort_order, name, id`,
  );
  const childrenOf = new Map<string | null, CategoryRow[]>();
  for (const row of rows) {
    const siblings = childrenOf.get(row.parentId);
    if (siblings) siblings.push(row);
    else childrenOf.set(row.parentId, [row]);
  }
  return { byId: new Map(rows.map((r) => [r.id, r])), childrenOf };
}

/** A variant as variant_details() gives it: the view with its options and stock. */
type VariantDetails = VariantView & Required<Pick<VariantView, 'options' | 'inventory'>>;

/** A category row as JSON: its timestamps are strings. */
type CategoryRecord = Omit<CategoryRow, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };

/** What variant_entities() answers per variant: its details, then its product's row and categories. */
type VariantEntityRecord = ProductRow & { details: VariantDetails; categories: CategoryRecord[] };

/** A product's categories in the order the API lists them: by their sort order, then by name. */
const listedCategories = (rows: CategoryRow[]): CategoryRow[] => rows.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name));

/** What product_details() answers per product. */
interface DetailsRecord {
  productId: string;
  details: {
    variants: VariantDetails[];
    images: (Omit<ImageRow, 'createdAt'> & { createdAt: string })[];
    options: OptionRow[];
    categoryIds: string[];
  };
}

export interface ProductDetails {
  variants: VariantDetails[];
  images: ImageRow[];
  options: OptionRow[];
  categoryIds: string[];
}

const NO_DETAILS: ProductDetails = { variants: [], images: [], options: [], categoryIds: [] };
const NO_INVENTORY: InventoryRow = { onHand: 0, reserved: 0, reorderThreshold: 0, location: 'default' };

export function createLoaders(db: PrismaClient) {
  const ids = (keys: readonly string[]) => keys.filter(isUuid);
  // Categories are few (a shop's navigation), and they are reached from many places in one
  // request: product categories, their parents and children, facets. Reading the whole tree once
  // keeps that at one statement, where per-branch batches would cost one or two depending on timing.
  let tree: Promise<CategoryTree> | undefined;
  const categoryTree = () => (tree ??= readCategoryTree(db));
  // Kept here to see which products' details this request reads anyway (categoryIds below).
  const detailsRead = new Map<string, Promise<ProductDetails>>();
  const loaders = {
    categoryTree,
    product: new DataLoader<string, ProductRow | null>(async (keys) =>
      byId(keys, await readRows<ProductRow>(db, Prisma.sql`SELECT ${PRODUCT_COLUMNS} FROM product p WHERE p.id = ANY(${ids(keys)}::uuid[])`), (p) => p.id),
    ),
    /** The product with this slug (a product page), kept as the product loader's answer for its id. */
    productBySlug: async (slug: string): Promise<ProductRow | null> => {
      const [product] = await readRows<ProductRow>(db, Prisma.sql`SELECT ${PRODUCT_COLUMNS} FROM product p WHERE p.slug = ${slug}`);
      if (product) loaders.product.prime(product.id, product);
      return product ?? null;
    },
    /**
     * Each variant with its chosen option values and its stock, in one statement for a batch, with
     * its product's row and categories, which primes their loaders: another context asking for its
     * lines' variants asks for their products' names, status and categories too.
     */
    variantDetails: new DataLoader<string, VariantDetails | null>(async (keys) => {
      const records = await readRows<VariantEntityRecord>(db, Prisma.sql`SELECT * FROM variant_entities(${ids(keys)}::uuid[])`);
      for (const { details: _details, categories, ...product } of records) {
        loaders.product.prime(product.id, product);
        const rows = categories.map((c) => ({ ...c, createdAt: new Date(c.createdAt), updatedAt: new Date(c.updatedAt) }));
        loaders.categoryIds.prime(product.id, rows.map((c) => c.id));
        loaders.productCategories.prime(product.id, listedCategories(rows));
      }
      return byId(keys, records.map((r) => r.details), (v) => v.id);
    }),
    variant: (id: string): Promise<VariantView | null> => loaders.variantDetails.load(id),
    /**
     * A variant's chosen option values and its stock: from the variant itself when it was read
     * with its details, as a value rather than a promise so that GraphQL completes the field at
     * once (a listing's hundreds of variants), else read with the batch's other variants.
     */
    selectedOptions: (v: VariantView): SelectedOptionRow[] | Promise<SelectedOptionRow[]> =>
      v.options ?? loaders.variantDetails.load(v.id).then((d) => d?.options ?? []),
    inventory: (v: VariantView): InventoryRow | Promise<InventoryRow> =>
      v.inventory !== undefined ? (v.inventory ?? NO_INVENTORY) : loaders.variantDetails.load(v.id).then((d) => d?.inventory ?? NO_INVENTORY),
    /** Everything shown of a product besides its row, in one statement for a batch; primes the variants' details. */
    productDetails: new DataLoader<string, ProductDetails>(async (keys) => {
      const records = await readRows<DetailsRecord>(db, Prisma.sql`SELECT * FROM product_details(${ids(keys)}::uuid[])`);
      const found = new Map<string, ProductDetails>();
      for (const { productId, details } of records) {
        // Their options and stock are the variants' details: asked of any of them, nothing is read again.
        for (const variant of details.variants) loaders.variantDetails.prime(variant.id, variant);
        const images = details.images.map((image) => ({ ...image, createdAt: new Date(image.createdAt) }));
        found.set(productId, { variants: details.variants, images, options: details.options, categoryIds: details.categoryIds });
      }
      return keys.map((k) => found.get(k) ?? NO_DETAILS);
    }, { cacheMap: detailsRead }),
    /**
     * A product's category links: from its details when the request reads them anyway (a listing,
     * a product page), else in a statement of their own, so that asking only for categories (a
     * cart pricing its lines) does not read all of a product's variants, images and options.
     */
    categoryIds: new DataLoader<string, string[]>(async (keys) => {
      const read = keys.filter((k) => detailsRead.has(k));
      const unread = keys.filter((k) => !detailsRead.has(k));
      const links =
        unread.length === 0
          ? []
          : await readRows<{ productId: string; categoryId: string }>(
              db,
              Prisma.sql`SELECT product_id AS "productId", category_id AS "categoryId" FROM product_category WHERE product_id = ANY(${ids(unread)}::uuid[])`,
            );
      const found = new Map<string, string[]>(unread.map((k) => [k, []]));
      for (const link of links) found.get(link.productId)!.push(link.categoryId);
      for (const k of read) found.set(k, (await detailsRead.get(k)!).categoryIds);
      return keys.map((k) => found.get(k)!);
    }),
    /** A product's categories, from its category links and the tree (or as variant_entities() gave them). */
    productCategories: new DataLoader<string, CategoryRow[]>(async (productIds): Promise<(CategoryRow[] | Error)[]> => {
      const [links, { byId }]: [(string[] | Error)[], CategoryTree] = await Promise.all([loaders.categoryIds.loadMany(productIds), categoryTree()]);
      return links.map((ids) => (ids instanceof Error ? ids : listedCategories(ids.map((id) => byId.get(id)!))));
    }),
    categoriesByProduct: (productId: string): Promise<CategoryRow[]> => loaders.productCategories.load(productId),
    category: new DataLoader<string, CategoryRow | null>(async (keys) => {
      const tree = await categoryTree();
      return keys.map((k) => tree.byId.get(k) ?? null);
    }),
    childrenByCategory: new DataLoader<string, CategoryRow[]>(async (keys) => {
      const tree = await categoryTree();
      return keys.map((k) => tree.childrenOf.get(k) ?? []);
    }),
  };
  return loaders;
}

export type CatalogLoaders = ReturnType<typeof createLoaders>;
