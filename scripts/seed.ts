// npx tsx scripts/seed.ts: a reproducible demo catalog (a three-level category tree, products with
// colour and size variants, stock, images), written through the catalog's own services so that
// search documents, minimum prices and ProductCreated events are exactly what an admin's
// createProduct leaves behind. Slugs are the idempotency key: what exists is left alone and what
// is missing is created, so a second run changes nothing and an interrupted run is completed.
import pg from 'pg';
import { loadConfigOrExit } from '../lib/config.js';
import { UserErrorsException } from '../lib/errors.js';
import type { CatalogServices } from '../subgraphs/catalog/context.js';
import type { CreateProductInput } from '../subgraphs/catalog/product.service.js';
import { createCatalogServices } from '../subgraphs/catalog/server.js';

export const DEFAULT_PRODUCT_COUNT = 240;
const DEFAULT_SEED = 20_261_123;

// ---------------------------------------------------------------------------------------------
// The plan: pure and deterministic, so the same seed always describes the same catalog.

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

type Kind = 'apparel' | 'footwear' | 'accessory';

interface LeafSpec {
  name: string;
  kind: Kind;
  nouns: string[];
  materials: string[];
  sizes: readonly string[] | null;
  /** Whole dollars. */
  price: [number, number];
  grams: [number, number];
  /** Slug of a sibling-gender leaf where unisex styles are listed as well. */
  twin?: string;
}

interface BranchSpec {
  name: string;
  children: (BranchSpec | LeafSpec)[];
}

const LETTER_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;
const WAIST_SIZES = ['28', '30', '32', '34', '36', '38'] as const;
const KIDS_SIZES = ['4Y', '6Y', '8Y', '10Y', '12Y'] as const;
const MENS_SHOE_SIZES = ['7', '8', '9', '10', '11', '12'] as const;
const WOMENS_SHOE_SIZES = ['5', '6', '7', '8', '9', '10'] as const;

const TREE: BranchSpec[] = [
  {
    name: 'Apparel',
    children: [
      {
        name: 'Men',
        children: [
          { name: 'Shirts', kind: 'apparel', nouns: ['Shirt', 'Overshirt', 'Camp Shirt', 'Button-Down'], materials: ['Oxford Cotton', 'Linen', 'Flannel', 'Chambray', 'Poplin'], sizes: LETTER_SIZES, price: [45, 110], grams: [250, 400] },
          { name: 'T-Shirts', kind: 'apparel', nouns: ['Tee', 'Pocket Tee', 'Long-Sleeve Tee', 'Henley'], materials: ['Organic Cotton', 'Slub Jersey', 'Pima Cotton', 'Merino'], sizes: LETTER_SIZES, price: [20, 55], grams: [150, 250], twin: 'apparel-women-tops' },
          { name: 'Knitwear', kind: 'apparel', nouns: ['Crewneck', 'Cardigan', 'Quarter-Zip', 'Rollneck'], materials: ['Merino Wool', 'Lambswool', 'Cashmere', 'Cotton Cable'], sizes: LETTER_SIZES, price: [70, 220], grams: [300, 600], twin: 'apparel-women-knitwear' },
          { name: 'Trousers', kind: 'apparel', nouns: ['Chino', 'Trouser', 'Jogger', 'Five-Pocket Jean'], materials: ['Stretch Twill', 'Selvedge Denim', 'Cotton Canvas', 'Wool Flannel'], sizes: WAIST_SIZES, price: [55, 140], grams: [400, 800] },
          { name: 'Jackets', kind: 'apparel', nouns: ['Chore Jacket', 'Bomber', 'Parka', 'Rain Shell'], materials: ['Waxed Cotton', 'Ripstop Nylon', 'Wool Melton', 'Corduroy'], sizes: LETTER_SIZES, price: [110, 380], grams: [600, 1500], twin: 'apparel-women-jackets' },
        ],
      },
      {
        name: 'Women',
        children: [
          { name: 'Dresses', kind: 'apparel', nouns: ['Midi Dress', 'Wrap Dress', 'Shirt Dress', 'Slip Dress'], materials: ['Linen', 'Viscose Crepe', 'Silk', 'Cotton Poplin'], sizes: LETTER_SIZES, price: [60, 240], grams: [200, 450] },
          { name: 'Tops', kind: 'apparel', nouns: ['Blouse', 'Tank', 'Boxy Tee', 'Camisole'], materials: ['Silk', 'Organic Cotton', 'Linen', 'Modal Jersey'], sizes: LETTER_SIZES, price: [25, 120], grams: [120, 250] },
          { name: 'Knitwear', kind: 'apparel', nouns: ['Cardigan', 'Crewneck', 'Sweater Vest', 'Turtleneck'], materials: ['Merino Wool', 'Alpaca Blend', 'Cashmere', 'Cotton Rib'], sizes: LETTER_SIZES, price: [70, 240], grams: [280, 550] },
          { name: 'Skirts', kind: 'apparel', nouns: ['Midi Skirt', 'Pleated Skirt', 'A-Line Skirt', 'Wrap Skirt'], materials: ['Linen', 'Wool Twill', 'Denim', 'Satin'], sizes: LETTER_SIZES, price: [45, 150], grams: [200, 450] },
          { name: 'Jackets', kind: 'apparel', nouns: ['Trench Coat', 'Blazer', 'Quilted Jacket', 'Denim Jacket'], materials: ['Cotton Gabardine', 'Wool Blend', 'Recycled Nylon', 'Rigid Denim'], sizes: LETTER_SIZES, price: [120, 420], grams: [500, 1400] },
        ],
      },
      {
        name: 'Kids',
        children: [
          { name: 'T-Shirts', kind: 'apparel', nouns: ['Tee', 'Graphic Tee', 'Long-Sleeve Tee'], materials: ['Organic Cotton', 'Cotton Jersey'], sizes: KIDS_SIZES, price: [12, 30], grams: [80, 150] },
          { name: 'Sweatshirts', kind: 'apparel', nouns: ['Hoodie', 'Crew Sweatshirt', 'Zip Hoodie'], materials: ['Loopback Cotton', 'Brushed Fleece'], sizes: KIDS_SIZES, price: [25, 55], grams: [200, 350] },
          { name: 'Trousers', kind: 'apparel', nouns: ['Jogger', 'Pull-On Chino', 'Dungarees'], materials: ['Cotton Twill', 'Stretch Denim', 'Fleece'], sizes: KIDS_SIZES, price: [22, 50], grams: [180, 350] },
        ],
      },
    ],
  },
  {
    name: 'Footwear',
    children: [
      {
        name: 'Men',
        children: [
          { name: 'Sneakers', kind: 'footwear', nouns: ['Runner', 'Court Sneaker', 'High-Top'], materials: ['Suede', 'Leather', 'Recycled Knit', 'Canvas'], sizes: MENS_SHOE_SIZES, price: [70, 180], grams: [700, 1000], twin: 'footwear-women-sneakers' },
          { name: 'Boots', kind: 'footwear', nouns: ['Chelsea Boot', 'Work Boot', 'Chukka', 'Hiking Boot'], materials: ['Suede', 'Oiled Leather', 'Waxed Leather'], sizes: MENS_SHOE_SIZES, price: [140, 320], grams: [1100, 1800] },
          { name: 'Loafers', kind: 'footwear', nouns: ['Penny Loafer', 'Driving Moccasin', 'Tassel Loafer'], materials: ['Calf Leather', 'Suede'], sizes: MENS_SHOE_SIZES, price: [110, 260], grams: [700, 1000] },
        ],
      },
      {
        name: 'Women',
        children: [
          { name: 'Sneakers', kind: 'footwear', nouns: ['Runner', 'Platform Sneaker', 'Court Sneaker'], materials: ['Leather', 'Suede', 'Canvas', 'Recycled Knit'], sizes: WOMENS_SHOE_SIZES, price: [70, 170], grams: [550, 850] },
          { name: 'Boots', kind: 'footwear', nouns: ['Ankle Boot', 'Knee Boot', 'Chelsea Boot'], materials: ['Suede', 'Leather', 'Nubuck'], sizes: WOMENS_SHOE_SIZES, price: [150, 340], grams: [800, 1500] },
          { name: 'Sandals', kind: 'footwear', nouns: ['Slide', 'Strappy Sandal', 'Espadrille'], materials: ['Leather', 'Raffia', 'Jute'], sizes: WOMENS_SHOE_SIZES, price: [45, 140], grams: [300, 600] },
        ],
      },
    ],
  },
  {
    name: 'Accessories',
    children: [
      {
        name: 'Bags',
        children: [
          { name: 'Backpacks', kind: 'accessory', nouns: ['Rolltop Backpack', 'Daypack', 'Laptop Backpack'], materials: ['Waxed Canvas', 'Recycled Nylon', 'Cordura'], sizes: null, price: [60, 190], grams: [600, 1300] },
          { name: 'Totes', kind: 'accessory', nouns: ['Tote', 'Market Tote', 'Shopper'], materials: ['Heavy Canvas', 'Leather', 'Jute'], sizes: null, price: [30, 160], grams: [250, 900] },
          { name: 'Wallets', kind: 'accessory', nouns: ['Bifold Wallet', 'Card Holder', 'Zip Wallet'], materials: ['Vegetable-Tanned Leather', 'Pebbled Leather'], sizes: null, price: [30, 110], grams: [40, 150] },
        ],
      },
      {
        name: 'Headwear',
        children: [
          { name: 'Caps', kind: 'accessory', nouns: ['Baseball Cap', 'Five-Panel Cap', 'Bucket Hat'], materials: ['Washed Cotton', 'Wool Blend', 'Corduroy'], sizes: ['S/M', 'L/XL'], price: [25, 60], grams: [80, 150] },
          { name: 'Beanies', kind: 'accessory', nouns: ['Beanie', 'Watch Cap', 'Bobble Hat'], materials: ['Merino Wool', 'Lambswool', 'Recycled Acrylic'], sizes: null, price: [20, 55], grams: [70, 140] },
        ],
      },
      {
        name: 'Everyday',
        children: [
          { name: 'Socks', kind: 'accessory', nouns: ['Crew Socks', 'Hiking Socks', 'Ankle Socks'], materials: ['Merino Wool', 'Organic Cotton'], sizes: ['S', 'M', 'L'], price: [10, 28], grams: [50, 120] },
          { name: 'Belts', kind: 'accessory', nouns: ['Belt', 'Braided Belt', 'Webbing Belt'], materials: ['Bridle Leather', 'Suede', 'Cotton Webbing'], sizes: WAIST_SIZES, price: [35, 110], grams: [120, 300] },
          { name: 'Scarves', kind: 'accessory', nouns: ['Scarf', 'Wrap', 'Bandana'], materials: ['Lambswool', 'Cashmere', 'Cotton Voile'], sizes: null, price: [30, 180], grams: [60, 300] },
        ],
      },
    ],
  },
];

const BRANDS = [
  { name: 'Northwind', code: 'NWD' },
  { name: 'Harbor & Pine', code: 'HBP' },
  { name: 'Foxglove', code: 'FXG' },
  { name: 'Alder Street', code: 'ALS' },
  { name: 'Kestrel', code: 'KST' },
  { name: 'Ironbark', code: 'IRB' },
  { name: 'Meridian', code: 'MRD' },
  { name: 'Saltmarsh', code: 'SLM' },
  { name: 'Common Thread', code: 'CMT' },
  { name: 'Larkspur', code: 'LRK' },
  { name: 'Basalt', code: 'BSL' },
  { name: 'Oakhurst', code: 'OKH' },
  { name: 'Tidewater', code: 'TDW' },
  { name: 'Juniper Lane', code: 'JNL' },
  { name: 'Fieldnote', code: 'FLN' },
  { name: 'Copperline', code: 'CPL' },
] as const;

const COLOURS = [
  { name: 'Black', code: 'BLK' },
  { name: 'White', code: 'WHT' },
  { name: 'Navy', code: 'NVY' },
  { name: 'Charcoal', code: 'CHR' },
  { name: 'Olive', code: 'OLV' },
  { name: 'Sand', code: 'SND' },
  { name: 'Burgundy', code: 'BRG' },
  { name: 'Sky Blue', code: 'SKY' },
  { name: 'Forest Green', code: 'FOR' },
  { name: 'Rust', code: 'RST' },
  { name: 'Cream', code: 'CRM' },
  { name: 'Grey Marl', code: 'GRM' },
  { name: 'Stone', code: 'STN' },
  { name: 'Ochre', code: 'OCH' },
] as const;

const ADJECTIVES: Record<Kind, string[]> = {
  apparel: ['Classic', 'Relaxed', 'Slim', 'Heritage', 'Everyday', 'Weekend', 'Tailored', 'Essential', 'Washed', 'Garment-Dyed', 'Brushed', 'Lightweight', 'Utility', 'Coastal', 'Field'],
  footwear: ['Classic', 'Trail', 'City', 'Heritage', 'Weatherproof', 'Minimal', 'Everyday', 'Lightweight', 'Crepe-Sole', 'Cushioned'],
  accessory: ['Everyday', 'Travel', 'Classic', 'Weekend', 'Commuter', 'Compact', 'Heritage', 'Utility', 'Soft'],
};

const OPENERS = [
  (p: Words) => `${p.brand}'s ${p.name.toLowerCase()} is cut from ${p.material.toLowerCase()} and made for every day.`,
  (p: Words) => `An easy ${p.noun.toLowerCase()} in ${p.material.toLowerCase()} that quickly earns its place in the rotation.`,
  (p: Words) => `Our ${p.noun.toLowerCase()} in ${p.material.toLowerCase()}: a quiet classic, updated in the small ways that matter.`,
  (p: Words) => `Made in small runs from ${p.material.toLowerCase()}, this ${p.noun.toLowerCase()} only gets better with age.`,
  (p: Words) => `The ${p.noun.toLowerCase()} we reach for first, now in ${p.material.toLowerCase()}.`,
];

// Kept general enough to be true of any product of the kind (no buttons on a tank top).
const DETAILS: Record<Kind, string[]> = {
  apparel: [
    'Pre-washed, so it keeps its shape and size.',
    'Dyed in small batches for a rich, lived-in colour.',
    'Finished with tonal stitching throughout.',
    'Made from fibres traced back to the farm.',
    'Cut to move with you, not against you.',
    'The seams are flat and soft against the skin.',
  ],
  footwear: [
    'Built on a cushioned footbed that moulds to your stride.',
    'The natural rubber outsole grips on wet pavements.',
    'A padded collar and heel tab make it easy to pull on.',
    'A breathable lining keeps feet comfortable all day.',
    'Made in a family-run factory that has built shoes for three generations.',
  ],
  accessory: [
    'Finished by hand in a small workshop.',
    'Made to be used every day for years.',
    'Packs flat for travel.',
    'Reinforced where it takes the most wear.',
    'A considered gift that actually gets used.',
  ],
};

const FIT: Record<Kind, string[]> = {
  apparel: ['True to size; size down for a closer fit.', 'Relaxed fit; take your usual size.', 'Regular fit through the chest and waist.'],
  footwear: ['Fits true to size; between sizes, go up.', 'Runs slightly narrow; wide feet should size up.'],
  accessory: [''],
};

const CARE: Record<Kind, string[]> = {
  apparel: ['Machine wash cold, line dry.', 'Hand wash or dry clean.', 'Wash inside out at 30°C.'],
  footwear: ['Brush clean; treat leather twice a season.', 'Spot clean with a damp cloth.'],
  accessory: ['Wipe clean with a damp cloth.', 'Spot clean only.'],
};

const IMAGE_VIEWS = ['front', 'back', 'detail', 'on model'];

interface Words {
  brand: string;
  name: string;
  noun: string;
  material: string;
}

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
          price,
          compareAtPrice: onSale ? regular : null,
          currencyCode: 'USD',
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

// ---------------------------------------------------------------------------------------------
// Writing the plan.

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
  durationMs: number;
}

type SeedServices = Pick<CatalogServices, 'db' | 'products' | 'categories'>;

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

  return {
    categories: { created: categories.created, existing: plan.categories.length - categories.created },
    products: { created, existing: existingSlugs.size + raced },
    variantsCreated,
    durationMs: Math.round(performance.now() - started),
  };
}

// ---------------------------------------------------------------------------------------------
// Command line.

const redacted = (url: string): string => {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
};

/**
 * Fails fast, with a message a developer can act on, when Postgres is down or not migrated.
 * A plain pg connection, because its errors (ECONNREFUSED, a timeout) say what went wrong.
 */
export async function assertCatalogReady(databaseUrl: string): Promise<void> {
  const where = redacted(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  let migrated: boolean;
  try {
    await client.connect();
    const { rows } = await client.query<{ migrated: boolean }>(`SELECT to_regclass('catalog.product') IS NOT NULL AS migrated`);
    migrated = rows[0]?.migrated ?? false;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`Cannot reach the catalog database at ${where} (${reason}).\nIs Postgres running, and does DATABASE_URL name the right database?`);
  } finally {
    await client.end().catch(() => undefined);
  }
  if (!migrated) throw new Error(`The catalog schema at ${where} has no tables: apply the migrations first.`);
}

interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/**
 * A progress bar on a terminal. The production image runs this seed too, without a terminal and
 * with dev dependencies (cli-progress among them) pruned, so the bar is loaded only when drawn.
 */
async function progressBar(): Promise<Progress> {
  if (!process.stdout.isTTY) return { update: () => undefined, stop: () => undefined };
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    { format: 'products |{bar}| {value}/{total}  {duration}s', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) bar.start(total, done);
      started = true;
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const services = createCatalogServices({ config });
  const progress = await progressBar();
  try {
    await assertCatalogReady(config.DATABASE_URL);
    const summary = await seedCatalog(services, { onProgress: (done, total) => progress.update(done, total) });
    progress.stop();
    const { categories, products } = summary;
    console.log(
      `Seeded the catalog in ${(summary.durationMs / 1000).toFixed(1)} s: ` +
        `categories ${categories.created} created, ${categories.existing} already there; ` +
        `products ${products.created} created, ${products.existing} already there; ${summary.variantsCreated} variants created.`,
    );
  } catch (err) {
    progress.stop();
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  } finally {
    await services.db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
