import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogServices } from '../subgraphs/catalog/context.js';
import { createCatalogServices } from '../subgraphs/catalog/server.js';
import { startTestStack, type TestStack } from '../test/harness.js';
import { DEFAULT_PRODUCT_COUNT, planCatalog, seedCatalog } from './seed.js';
import { DEMO_SYNONYMS } from './demo-catalog-data.js';

let stack: TestStack;
let services: CatalogServices;
beforeAll(async () => {
  // Only the database is needed: the seed writes through the services, not the API.
  stack = await startTestStack({ subgraphs: [], gateway: false });
  services = createCatalogServices({ config: stack.config });
});
afterAll(async () => {
  await services?.db.$disconnect();
  await stack?.close();
});

async function catalogCounts() {
  const { db } = services;
  return {
    categories: await db.category.count(),
    products: await db.product.count(),
    variants: await db.productVariant.count(),
    images: await db.productImage.count(),
    categoryLinks: await db.productCategory.count(),
    events: await db.outboxEvent.count(),
  };
}

describe('the demo catalog seed', () => {
  it('plans the same catalog every time, whatever the count asked for', () => {
    expect(planCatalog()).toEqual(planCatalog());
    expect(planCatalog({ products: 25 }).products).toEqual(planCatalog().products.slice(0, 25));
  });

  it('completes a partly seeded catalog, and a second run adds nothing', async () => {
    const partial = await seedCatalog(services, { products: 40 });
    expect(partial.products).toEqual({ created: 40, existing: 0 });

    const completed = await seedCatalog(services);
    expect(completed.categories.created).toBe(0);
    expect(completed.products).toEqual({ created: DEFAULT_PRODUCT_COUNT - 40, existing: 40 });

    const seeded = await catalogCounts();
    expect(seeded.products).toBeGreaterThanOrEqual(200);
    expect(seeded.variants).toBeGreaterThanOrEqual(600);
    expect(seeded.events).toBe(seeded.products);

    const again = await seedCatalog(services);
    expect(again).toMatchObject({
      categories: { created: 0, existing: seeded.categories },
      products: { created: 0, existing: DEFAULT_PRODUCT_COUNT },
      variantsCreated: 0,
      synonymsCreated: 0,
    });
    expect(await services.db.searchSynonym.count()).toBe(DEMO_SYNONYMS.length);
    expect(await catalogCounts()).toEqual(seeded);
  }, 120_000);

  it('builds a three-level category tree with products on every shelf', async () => {
    const levels = await services.db.$queryRaw<{ level: number; categories: number; empty: number }[]>`
      WITH RECURSIVE tree AS (
        SELECT id, 1 AS level FROM category WHERE parent_id IS NULL
        UNION ALL SELECT c.id, t.level + 1 FROM category c JOIN tree t ON c.parent_id = t.id)
      SELECT level, count(*)::int AS categories,
             count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM category c WHERE c.parent_id = tree.id)
                               AND NOT EXISTS (SELECT 1 FROM product_category pc WHERE pc.category_id = tree.id))::int AS empty
        FROM tree GROUP BY level ORDER BY level`;
    expect(levels.map((l) => l.level)).toEqual([1, 2, 3]);
    const total = levels.reduce((sum, l) => sum + l.categories, 0);
    expect(total).toBeGreaterThanOrEqual(30);
    expect(total).toBeLessThanOrEqual(50);
    expect(levels.every((l) => l.empty === 0)).toBe(true);
    expect(await services.db.product.count({ where: { categories: { none: {} } } })).toBe(0);
    expect(await services.db.product.count({ where: { categories: { some: {} } } })).toBeGreaterThan(0);
  });

  it('leaves what the storefront needs: search documents, prices, stock and images that vary', async () => {
    const [derived] = await services.db.$queryRaw<{ unsearchable: number; unpriced: number }[]>`
      SELECT count(*) FILTER (WHERE search_vector IS NULL)::int AS unsearchable,
             count(*) FILTER (WHERE min_price IS NULL)::int AS unpriced
        FROM product`;
    expect(derived).toEqual({ unsearchable: 0, unpriced: 0 });
    const { db } = services;
    expect(await db.product.count({ where: { active: false } })).toBeGreaterThan(0);
    expect(await db.productVariant.count({ where: { compareAtPrice: { not: null } } })).toBeGreaterThan(0);
    expect(await db.inventoryLevel.count({ where: { onHand: 0 } })).toBeGreaterThan(0);
    expect(await db.inventoryLevel.count({ where: { onHand: { gt: 0, lte: 5 } } })).toBeGreaterThan(0);
    expect(await db.productOption.count({ where: { name: 'Size' } })).toBeGreaterThan(0);
    const images = await db.product.findMany({ select: { _count: { select: { images: true } } } });
    expect(images.every((p) => p._count.images >= 1 && p._count.images <= 4)).toBe(true);
  });
});
