// Per-request batching: a page of N products with variants, images, options and categories
// costs one query per relation, not one per product.
import DataLoader from 'dataloader';
import type { PrismaClient } from './prisma-client/client.js';
import type { CategoryRow, ImageRow, InventoryRow, OptionRow, ProductRow, VariantRow } from './models.js';
import { isUuid } from '../../lib/ids.js';

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

function byId<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): (T | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

export interface CategoryTree {
  byId: Map<string, CategoryRow>;
  /** Children in display order; the roots are under null. */
  childrenOf: Map<string | null, CategoryRow[]>;
}

async function readCategoryTree(db: PrismaClient): Promise<CategoryTree> {
  const rows = await db.category.findMany({ orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }, { id: 'asc' }] });
  const childrenOf = new Map<string | null, CategoryRow[]>();
  for (const row of rows) {
    const siblings = childrenOf.get(row.parentId);
    if (siblings) siblings.push(row);
    else childrenOf.set(row.parentId, [row]);
  }
  return { byId: new Map(rows.map((r) => [r.id, r])), childrenOf };
}

export function createLoaders(db: PrismaClient) {
  const ids = (keys: readonly string[]) => keys.filter(isUuid);
  // Categories are few (a shop's navigation), and they are reached from many places in one
  // request: product categories, their parents and children, facets. Reading the whole tree once
  // keeps that at one statement, where per-branch batches would cost one or two depending on timing.
  let tree: Promise<CategoryTree> | undefined;
  const categoryTree = () => (tree ??= readCategoryTree(db));
  return {
    categoryTree,
    product: new DataLoader<string, ProductRow | null>(async (keys) =>
      byId(keys, await db.product.findMany({ where: { id: { in: ids(keys) } } }), (p) => p.id),
    ),
    variant: new DataLoader<string, VariantRow | null>(async (keys) =>
      byId(keys, await db.productVariant.findMany({ where: { id: { in: ids(keys) } } }), (v) => v.id),
    ),
    variantsByProduct: new DataLoader<string, VariantRow[]>(async (keys) =>
      groupBy(keys, await db.productVariant.findMany({ where: { productId: { in: [...keys] } }, orderBy: [{ position: 'asc' }, { id: 'asc' }] }), (v) => v.productId),
    ),
    imagesByProduct: new DataLoader<string, ImageRow[]>(async (keys) =>
      groupBy(keys, await db.productImage.findMany({ where: { productId: { in: [...keys] } }, orderBy: [{ position: 'asc' }, { id: 'asc' }] }), (i) => i.productId),
    ),
    optionsByProduct: new DataLoader<string, OptionRow[]>(async (keys) => {
      const options = await db.productOption.findMany({
        where: { productId: { in: [...keys] } },
        include: { values: { orderBy: [{ position: 'asc' }, { value: 'asc' }] } },
        orderBy: [{ position: 'asc' }, { name: 'asc' }],
      });
      const grouped = groupBy(keys, options, (o) => o.productId);
      return grouped.map((group) => group.map((o) => ({ id: o.id, name: o.name, position: o.position, values: o.values.map((v) => v.value) })));
    }),
    categoriesByProduct: new DataLoader<string, CategoryRow[]>(async (keys) => {
      const [links, { byId }] = await Promise.all([
        db.productCategory.findMany({ where: { productId: { in: [...keys] } }, select: { productId: true, categoryId: true } }),
        categoryTree(),
      ]);
      return groupBy(keys, links, (l) => l.productId).map((group) =>
        group.map((l) => byId.get(l.categoryId)!).sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name)),
      );
    }),
    selectedOptionsByVariant: new DataLoader<string, { name: string; value: string }[]>(async (keys) => {
      const links = await db.variantOptionValue.findMany({
        where: { variantId: { in: [...keys] } },
        include: { optionValue: { include: { option: true } } },
      });
      return groupBy(keys, links, (l) => l.variantId).map((group) =>
        group
          .sort((a, b) => a.optionValue.option.position - b.optionValue.option.position)
          .map((l) => ({ name: l.optionValue.option.name, value: l.optionValue.value })),
      );
    }),
    inventoryByVariant: new DataLoader<string, InventoryRow>(async (keys) => {
      const levels = await db.inventoryLevel.findMany({ where: { variantId: { in: [...keys] } } });
      const empty: InventoryRow = { onHand: 0, reserved: 0, reorderThreshold: 0, location: 'default' };
      return byId(keys, levels, (l) => l.variantId).map((l) => l ?? empty);
    }),
    category: new DataLoader<string, CategoryRow | null>(async (keys) => {
      const tree = await categoryTree();
      return keys.map((k) => tree.byId.get(k) ?? null);
    }),
    childrenByCategory: new DataLoader<string, CategoryRow[]>(async (keys) => {
      const tree = await categoryTree();
      return keys.map((k) => tree.childrenOf.get(k) ?? []);
    }),
  };
}

export type CatalogLoaders = ReturnType<typeof createLoaders>;
