// The demo catalog's plan: pure and deterministic, so the same seed always describes the same
// catalog, and nothing is written here (scripts/demo-catalog-write.ts does that).
import type { CreateProductInput } from '../subgraphs/catalog/product.service.js';
import {
  ADJECTIVES,
  BRANDS,
  CARE,
  COLOURS,
  DETAILS,
  FIT,
  IMAGE_VIEWS,
  OPENERS,
  TREE,
  type BranchSpec,
  type LeafSpec,
  type Words,
} from './demo-catalog-data.js';

export const DEFAULT_PRODUCT_COUNT = 240;
const DEFAULT_SEED = 20_261_123;

/** mulberry32: tiny, fast and good enough to make demo data look varied yet reproducible. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  return {
    next,
    int,
    pick,
    chance: (p: number): boolean => next() < p,
    /** n distinct items, in the order they were drawn. */
    sample<T>(items: readonly T[], n: number): T[] {
      const pool = [...items];
      for (let i = 0; i < n; i++) {
        const j = int(i, pool.length - 1);
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
      return pool.slice(0, n);
    },
  };
}
type Random = ReturnType<typeof createRandom>;

export interface CategoryPlan {
  slug: string;
  name: string;
  parentSlug: string | null;
  sortOrder: number;
}

export interface ProductPlan extends Omit<CreateProductInput, 'categoryIds'> {
  categorySlugs: string[];
}

export interface CatalogPlan {
  categories: CategoryPlan[];
  products: ProductPlan[];
}

const slugify = (text: string): string =>
  text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const isLeaf = (node: BranchSpec | LeafSpec): node is LeafSpec => 'kind' in node;

/** Parents before children, so each category's parent exists when it is created. */
function planCategories(): { categories: CategoryPlan[]; leaves: (LeafSpec & { slug: string })[] } {
  const categories: CategoryPlan[] = [];
  const leaves: (LeafSpec & { slug: string })[] = [];
  const walk = (nodes: (BranchSpec | LeafSpec)[], parentSlug: string | null) =>
    nodes.forEach((node, sortOrder) => {
      const slug = parentSlug ? `${parentSlug}-${slugify(node.name)}` : slugify(node.name);
      categories.push({ slug, name: node.name, parentSlug, sortOrder });
      if (isLeaf(node)) leaves.push({ ...node, slug });
      else walk(node.children, slug);
    });
  walk(TREE, null);
  return { categories, leaves };
}

/** A shelf price in cents: whole dollars in steps of five, mostly ending in .99. */
function shelfPrice(random: Random, [min, max]: [number, number]): number {
  const dollars = 5 * random.int(Math.ceil(min / 5), Math.floor(max / 5));
  return dollars * 100 - (random.chance(0.7) ? 1 : 0);
}

/** Most variants are well stocked; some are sold out and some are at or below the reorder point. */
function stockLevel(random: Random): number {
  const roll = random.next();
  if (roll < 0.08) return 0;
  if (roll < 0.2) return random.int(1, 4);
  return random.int(12, 240);
}

const REORDER_THRESHOLD = 5;

/**
 * The whole demo catalog. Products are drawn one after another from one random stream, so the
 * first N products are the same whatever count is asked for.
 */
export function planCatalog(options: { products?: number; seed?: number } = {}): CatalogPlan {
  const random = createRandom(options.seed ?? DEFAULT_SEED);
  const { categories, leaves } = planCategories();
  const takenSlugs = new Set<string>();
  const products: ProductPlan[] = [];
  const count = options.products ?? DEFAULT_PRODUCT_COUNT;
  for (let i = 0; i < count; i++) {
    // Round-robin over the leaves so that every shelf has stock, whatever the count.
    const leaf = leaves[i % leaves.length]!;
    const brand = random.pick(BRANDS);
    const noun = random.pick(leaf.nouns);
    const material = random.pick(leaf.materials);
    const name = `${random.pick(ADJECTIVES[leaf.kind])} ${material} ${noun}`;
    const baseSlug = slugify(`${brand.name} ${name}`);
    let slug = baseSlug;
    for (let n = 2; takenSlugs.has(slug); n++) slug = `${baseSlug}-${n}`;
    takenSlugs.add(slug);

    const words: Words = { brand: brand.name, name, noun, material };
    const description = [
      random.pick(OPENERS)(words),
      ...random.sample(DETAILS[leaf.kind], random.int(1, 2)),
      random.pick(FIT[leaf.kind]),
      random.pick(CARE[leaf.kind]),
    ]
      .filter(Boolean)
      .join(' ');

    const colours = random.sample(COLOURS, leaf.sizes ? random.int(1, 3) : random.int(2, 4));
    let sizes: string[] | null = null;
    if (leaf.sizes) {
      const span = Math.min(leaf.sizes.length, random.int(3, 5));
      const start = random.int(0, leaf.sizes.length - span);
      sizes = leaf.sizes.slice(start, start + span);
    }
    const listPrice = shelfPrice(random, leaf.price);
    const onSale = random.chance(0.2);
    const salePercent = random.pick([70, 75, 80, 85]);
    const weight = random.int(leaf.grams[0], leaf.grams[1]);
    const code = `${brand.code}-${String(i + 1).padStart(4, '0')}`;

    const variants: NonNullable<CreateProductInput['variants']> = [];
    for (const colour of colours) {
      for (const size of sizes ?? [null]) {
        // The largest letter size takes more cloth, and is priced like it.
        const regular = size === 'XXL' ? listPrice + 500 : listPrice;
        const price = onSale ? Math.round((regular * salePercent) / 10_000) * 100 - 1 : regular;
        variants.push({
          sku: size ? `${code}-${colour.code}-${size.replace(/[^A-Za-z0-9]/g, '')}` : `${code}-${colour.code}`,
          price: { amount: price, currencyCode: 'USD' },
          compareAtPrice: onSale ? { amount: regular, currencyCode: 'USD' } : null,
          weightGrams: weight,
          active: random.chance(0.97),
          options: size ? [{ name: 'Colour', value: colour.name }, { name: 'Size', value: size }] : [{ name: 'Colour', value: colour.name }],
          onHand: stockLevel(random),
          reorderThreshold: REORDER_THRESHOLD,
        });
      }
    }

    const categorySlugs = leaf.twin && random.chance(0.3) ? [leaf.slug, leaf.twin] : [leaf.slug];
    const imageCount = random.int(1, 4);
    products.push({
      slug,
      name,
      description,
      brand: brand.name,
      active: !random.chance(0.06),
      categorySlugs,
      options: sizes
        ? [{ name: 'Colour', values: colours.map((c) => c.name) }, { name: 'Size', values: sizes }]
        : [{ name: 'Colour', values: colours.map((c) => c.name) }],
      variants,
      images: IMAGE_VIEWS.slice(0, imageCount).map((view, n) => ({
        url: `https://images.example.com/products/${slug}-${n + 1}.jpg`,
        altText: `${name} (${view})`,
        position: n,
      })),
    });
  }
  return { categories, products };
}
