// npx tsx scripts/catalog-csv-generate.ts <out.csv> [variants, default 100000]
// A large import file for trying and timing the bulk import (subgraphs/catalog/README.md, "Bulk
// import and export"): the demo catalog's plan (scripts/demo-catalog-plan.ts), drawn out to as
// many variants as asked, in the import format. Its first products are the seed's own.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { LIST_SEPARATOR, PATH_SEPARATOR, formatAmount, headerWith } from '../subgraphs/catalog/catalog-csv-format.js';
import { csvLine } from '../subgraphs/catalog/csv.js';
import { planCatalog, type CategoryPlan } from './demo-catalog-plan.js';

function categoryPaths(categories: CategoryPlan[]): Map<string, string> {
  const bySlug = new Map(categories.map((c) => [c.slug, c]));
  const pathOf = (slug: string): string => {
    const parent = bySlug.get(slug)!.parentSlug;
    return parent ? `${pathOf(parent)}${PATH_SEPARATOR}${slug}` : slug;
  };
  return new Map(categories.map((c) => [c.slug, pathOf(c.slug)]));
}

async function main(): Promise<void> {
  const [file, count = '100000'] = process.argv.slice(2);
  const target = Number(count);
  if (!file || !Number.isInteger(target) || target < 1) {
    console.error('Usage: npx tsx scripts/catalog-csv-generate.ts <out.csv> [variants]');
    process.exitCode = 2;
    return;
  }
  // Demo products have two to twenty variants, about five on average: three times too many products is plenty.
  const plan = planCatalog({ products: Math.ceil(target / 3) + 10 });
  const paths = categoryPaths(plan.categories);
  const out = createWriteStream(file);
  const write = async (fields: string[]) => {
    if (!out.write(csvLine(fields))) await once(out, 'drain');
  };
  await write(headerWith(2));
  let written = 0;
  let products = 0;
  for (const product of plan.products) {
    if (written >= target) break;
    products++;
    for (const v of (product.variants ?? []).slice(0, target - written)) {
      const options = (v.options ?? []).flatMap((o) => [o.name, o.value]);
      await write([
        product.slug,
        product.name,
        product.description ?? '',
        product.brand ?? '',
        String(product.active ?? true),
        product.categorySlugs.map((slug) => paths.get(slug)!).join(LIST_SEPARATOR),
        (product.images ?? []).map((image) => image.url).join(LIST_SEPARATOR),
        ...options,
        ...Array<string>(4 - options.length).fill(''),
        v.sku!,
        '',
        formatAmount(v.price!.amount, 'USD'),
        v.compareAtPrice ? formatAmount(v.compareAtPrice.amount, 'USD') : '',
        'USD',
        String(v.weightGrams ?? ''),
        String(v.active ?? true),
        String(v.onHand ?? 0),
        String(v.reorderThreshold ?? 5),
        'default',
      ]);
      written++;
    }
  }
  out.end();
  await once(out, 'finish');
  console.log(`Wrote ${written} variants of ${products} products to ${file}.`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
