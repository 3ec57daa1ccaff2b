// Writing the demo catalog's plan through the catalog's own services, so that what the seed
// leaves behind is what an admin's createProduct would. Slugs are the idempotency key: rows that
// exist are left alone, so a rerun completes an interrupted seed and otherwise changes nothing.
import { UserErrorsException } from '../lib/errors.js';
import type { CatalogServices } from '../subgraphs/catalog/context.js';
import { DEMO_SYNONYMS } from './demo-catalog-data.js';
import { planCatalog, type CategoryPlan } from './demo-catalog-plan.js';

export interface SeedOptions {
  products?: number;
  seed?: number;
  /** Products written at once, each in its own transaction; keep it below the pool size. */
  concurrency?: number;
  /** Called once before writing (with what already exists) and after every product. */
  onProgress?: (done: number, total: number) => void;
}

export interface SeedSummary {
  categories: { created: number; existing: number };
  products: { created: number; existing: number };
  variantsCreated: number;
  /** The demo's search synonym rules added (those missing). */
  synonymsCreated: number;
  durationMs: number;
}

type SeedServices = Pick<CatalogServices, 'db' | 'products' | 'categories' | 'searchSynonyms'>;

const isSlugTaken = (err: unknown): boolean =>
  err instanceof UserErrorsException && err.userErrors.some((e) => e.code === 'SLUG_TAKEN');

function describeFailure(what: string, err: unknown): Error {
  const reason = err instanceof UserErrorsException ? err.userErrors.map((e) => `${e.code}: ${e.message}`).join('; ') : String(err);
  return new Error(`could not create ${what}: ${reason}`, { cause: err });
}

async function seedCategories(services: SeedServices, plan: CategoryPlan[]): Promise<{ ids: Map<string, string>; created: number }> {
  const existing = await services.db.category.findMany({ where: { slug: { in: plan.map((c) => c.slug) } }, select: { id: true, slug: true } });
  const ids = new Map(existing.map((c) => [c.slug, c.id]));
  let created = 0;
  for (const category of plan) {
    if (ids.has(category.slug)) continue;
    const parentId = category.parentSlug ? ids.get(category.parentSlug)! : null;
    try {
      const row = await services.categories.create({ slug: category.slug, name: category.name, parentId, sortOrder: category.sortOrder });
      ids.set(row.slug, row.id);
      created++;
    } catch (err) {
      // Another seed got there first; its row is as good as ours.
      if (!isSlugTaken(err)) throw describeFailure(`category ${category.slug}`, err);
      const row = await services.db.category.findUniqueOrThrow({ where: { slug: category.slug } });
      ids.set(row.slug, row.id);
    }
  }
  return { ids, created };
}

export async function seedCatalog(services: SeedServices, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const plan = planCatalog(options);
  const categories = await seedCategories(services, plan.categories);

  const existingSlugs = new Set(
    (await services.db.product.findMany({ where: { slug: { in: plan.products.map((p) => p.slug) } }, select: { slug: true } })).map((p) => p.slug),
  );
  const missing = plan.products.filter((p) => !existingSlugs.has(p.slug));
  const total = plan.products.length;
  let done = total - missing.length;
  let created = 0;
  let variantsCreated = 0;
  let raced = 0;
  options.onProgress?.(done, total);

  let failed = false;
  const writer = async () => {
    for (let product = missing.shift(); product && !failed; product = missing.shift()) {
      const { categorySlugs, ...input } = product;
      try {
        await services.products.createProduct({ ...input, categoryIds: categorySlugs.map((slug) => categories.ids.get(slug)!) });
        created++;
        variantsCreated += input.variants?.length ?? 0;
      } catch (err) {
        if (!isSlugTaken(err)) {
          failed = true;
          throw describeFailure(`product ${product.slug}`, err);
        }
        raced++;
      }
      options.onProgress?.(++done, total);
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: options.concurrency ?? 4 }, writer));
  const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (rejected) throw rejected.reason;

  const synonyms = await seedSynonyms(services);
  // Fresh statistics for the planner: right after a bulk load it would plan with the empty
  // tables' (seq scans and hash joins over the whole catalog for one page) until autovacuum
  // gets round to it.
  if (created > 0) await services.db.$executeRawUnsafe('ANALYZE product, product_variant, product_option, product_option_value, variant_option_value, product_image, product_category, inventory_level, category, search_word');
  return {
    synonymsCreated: synonyms,
    categories: { created: categories.created, existing: plan.categories.length - categories.created },
    products: { created, existing: existingSlugs.size + raced },
    variantsCreated,
    durationMs: Math.round(performance.now() - started),
  };
}

/** The demo's synonym rules, each unless a rule of its kind with the same first term is there already. */
async function seedSynonyms(services: SeedServices): Promise<number> {
  const existing = await services.db.searchSynonym.findMany({ select: { kind: true, terms: true } });
  const has = (rule: (typeof DEMO_SYNONYMS)[number]) => existing.some((e) => e.kind === rule.kind && e.terms[0] === rule.terms[0]);
  const missing = DEMO_SYNONYMS.filter((rule) => !has(rule));
  for (const rule of missing) await services.searchSynonyms.create(rule);
  return missing.length;
}
