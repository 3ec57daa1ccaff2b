// Per-request batching: a page of N products costs one statement for what it shows of them
// besides their rows (product_details(): whichever of their variants with their stock, the
// variants' chosen options, images, options and category links the request asks for, its
// migrations say why one), and variants reached on their own (a cart's lines) one statement for
// them with their options and stock, their products and categories (variant_entities()).
import DataLoader from 'dataloader';
import { Prisma, type PrismaClient } from './prisma-client/client.js';
import { readRows } from '../../lib/db.js';
import type { CategoryRow, ImageView, InventoryRow, OptionRow, ProductRow, SelectedOptionRow, VariantView } from './models.js';
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

/**
 * The parts product_details() reads, as the API shows them: `variants` with their stock,
 * `variantOptions` the same variants with their chosen options too, and the rest.
 */
export interface ProductDetails {
  variants: VariantView[];
  variantOptions: VariantDetails[];
  images: ImageView[];
  options: OptionRow[];
  categoryIds: string[];
}
export type ProductPart = keyof ProductDetails;

/** The names product_details() knows its parts by; `variantOptions` needs `variants` read with it. */
const PART_NAMES: Record<ProductPart, string[]> = {
  variants: ['variants'],
  variantOptions: ['variants', 'variant_options'],
  images: ['images'],
  options: ['options'],
  categoryIds: ['categories'],
};

/** What product_details() answers per product: null for each part not asked. */
interface DetailsRecord {
  productId: string;
  details: { variants: VariantView[] | null; images: ImageView[] | null; options: OptionRow[] | null; categoryIds: string[] | null };
}

const NO_INVENTORY: InventoryRow = { onHand: 0, reserved: 0, reorderThreshold: 0, location: 'default' };

export function createLoaders(db: PrismaClient) {
  const ids = (keys: readonly string[]) => keys.filter(isUuid);
  // Categories are few (a shop's navigation), and they are reached from many places in one
  // request: product categories, their parents and children, facets. Reading the whole tree once
  // keeps that at one statement, where per-branch batches would cost one or two depending on timing.
  let tree: Promise<CategoryTree> | undefined;
  const categoryTree = () => (tree ??= readCategoryTree(db));
  // One load per product and part, keyed `<part> <id>`: the parts asked of a batch's products are
  // read for all of them in one statement.
  const details = new DataLoader<string, ProductDetails[ProductPart]>(async (keys) => {
    const asked = keys.map((key) => key.split(' ') as [ProductPart, string]);
    const parts = [...new Set(asked.flatMap(([part]) => PART_NAMES[part]))].sort();
    // The parts are written into the statement (names from PART_NAMES only), so that each shape of
    // request is a statement of its own, and a log shows what it read.
    const partsArray = Prisma.raw(`ARRAY[${parts.map((name) => `'${name}'`).join(', ')}]`);
    const records = await readRows<DetailsRecord>(
      db,
      Prisma.sql`SELECT * FROM product_details(${ids([...new Set(asked.map(([, id]) => id))])}::uuid[], ${partsArray})`,
    );
    const found = new Map(records.map((r) => [r.productId, r.details]));
    // Read with their options and stock, they are the variants' details: nothing is read again.
    if (parts.includes('variant_options')) {
      for (const { details: read } of records) for (const variant of read.variants ?? []) loaders.variantDetails.prime(variant.id, variant as VariantDetails);
    }
    return asked.map(([part, id]) => {
      const read = found.get(id);
      const column = part === 'variantOptions' ? 'variants' : part;
      return read?.[column] ?? [];
    });
  });
  const categoriesGiven = new Map<string, CategoryRow[]>();
  // Product rows read or given in this request, so that a field that needs a variant's product
  // answers at once rather than with a promise per variant (a listing's hundreds).
  const productsAtHand = new Map<string, ProductRow | null>();
  const knowProduct = (product: ProductRow) => {
    loaders.product.prime(product.id, product);
    if (!productsAtHand.has(product.id)) productsAtHand.set(product.id, product);
  };
  const productPart = <P extends ProductPart>(id: string, part: P) => details.load(`${part} ${id}`) as Promise<ProductDetails[P]>;
  const loaders = {
    categoryTree,
    product: new DataLoader<string, ProductRow | null>(async (keys) => {
      const rows = byId(keys, await readRows<ProductRow>(db, Prisma.sql`SELECT ${PRODUCT_COLUMNS} FROM product p WHERE p.id = ANY(${ids(keys)}::uuid[])`), (p) => p.id);
      keys.forEach((key, i) => productsAtHand.set(key, rows[i]!));
      return rows;
    }),
    /** A product row read elsewhere (a page, a slug, a variant's entity), kept as the product loader's answer for its id. */
    knowProduct,
    /** A product's row: as a value when this request has it at hand, else from the product loader. */
    productOf: (id: string): ProductRow | null | Promise<ProductRow | null> => (productsAtHand.has(id) ? productsAtHand.get(id)! : loaders.product.load(id)),
    /** The product with this slug (a product page), kept as the product loader's answer for its id. */
    productBySlug: async (slug: string): Promise<ProductRow | null> => {
      const [product] = await readRows<ProductRow>(db, Prisma.sql`SELECT ${PRODUCT_COLUMNS} FROM product p WHERE p.slug = ${slug}`);
      if (product) knowProduct(product);
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
        knowProduct(product);
        const rows = categories.map((c) => ({ ...c, createdAt: new Date(c.createdAt), updatedAt: new Date(c.updatedAt) }));
        categoriesGiven.set(product.id, listedCategories(rows));
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
    /** A part of what is shown of a product besides its row; the parts asked of a batch in one statement. */
    productPart,
    /**
     * A product's categories: as variant_entities() gave them, else from its category links (asked
     * with the rest of its parts, so in the same statement) and the tree.
     */
    categoriesByProduct: async (productId: string): Promise<CategoryRow[]> => {
      const given = categoriesGiven.get(productId);
      if (given) return given;
      const [links, { byId }] = await Promise.all([productPart(productId, 'categoryIds'), categoryTree()]);
      return listedCategories(links.map((id) => byId.get(id)!));
    },
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
