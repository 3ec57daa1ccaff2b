// What the demo catalog is drawn from: the three-level category tree with each shelf's nouns,
// materials, sizes, price and weight ranges, the brands and colours, and the copy that product
// descriptions are assembled from. Data only; scripts/demo-catalog-plan.ts does the drawing.

type Kind = 'apparel' | 'footwear' | 'accessory';

export interface LeafSpec {
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

export interface BranchSpec {
  name: string;
  children: (BranchSpec | LeafSpec)[];
}

const LETTER_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;
const WAIST_SIZES = ['28', '30', '32', '34', '36', '38'] as const;
const KIDS_SIZES = ['4Y', '6Y', '8Y', '10Y', '12Y'] as const;
const MENS_SHOE_SIZES = ['7', '8', '9', '10', '11', '12'] as const;
const WOMENS_SHOE_SIZES = ['5', '6', '7', '8', '9', '10'] as const;

export const TREE: BranchSpec[] = [
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

export const BRANDS = [
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

export const COLOURS = [
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

export const ADJECTIVES: Record<Kind, string[]> = {
  apparel: ['Classic', 'Relaxed', 'Slim', 'Heritage', 'Everyday', 'Weekend', 'Tailored', 'Essential', 'Washed', 'Garment-Dyed', 'Brushed', 'Lightweight', 'Utility', 'Coastal', 'Field'],
  footwear: ['Classic', 'Trail', 'City', 'Heritage', 'Weatherproof', 'Minimal', 'Everyday', 'Lightweight', 'Crepe-Sole', 'Cushioned'],
  accessory: ['Everyday', 'Travel', 'Classic', 'Weekend', 'Commuter', 'Compact', 'Heritage', 'Utility', 'Soft'],
};

export const OPENERS = [
  (p: Words) => `${p.brand}'s ${p.name.toLowerCase()} is cut from ${p.material.toLowerCase()} and made for every day.`,
  (p: Words) => `An easy ${p.noun.toLowerCase()} in ${p.material.toLowerCase()} that quickly earns its place in the rotation.`,
  (p: Words) => `Our ${p.noun.toLowerCase()} in ${p.material.toLowerCase()}: a quiet classic, updated in the small ways that matter.`,
  (p: Words) => `Made in small runs from ${p.material.toLowerCase()}, this ${p.noun.toLowerCase()} only gets better with age.`,
  (p: Words) => `The ${p.noun.toLowerCase()} we reach for first, now in ${p.material.toLowerCase()}.`,
];

// Kept general enough to be true of any product of the kind (no buttons on a tank top).
export const DETAILS: Record<Kind, string[]> = {
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

export const FIT: Record<Kind, string[]> = {
  apparel: ['True to size; size down for a closer fit.', 'Relaxed fit; take your usual size.', 'Regular fit through the chest and waist.'],
  footwear: ['Fits true to size; between sizes, go up.', 'Runs slightly narrow; wide feet should size up.'],
  accessory: [''],
};

export const CARE: Record<Kind, string[]> = {
  apparel: ['Machine wash cold, line dry.', 'Hand wash or dry clean.', 'Wash inside out at 30°C.'],
  footwear: ['Brush clean; treat leather twice a season.', 'Spot clean with a damp cloth.'],
  accessory: ['Wipe clean with a damp cloth.', 'Spot clean only.'],
};

export const IMAGE_VIEWS = ['front', 'back', 'detail', 'on model'];

export interface Words {
  brand: string;
  name: string;
  noun: string;
  material: string;
}

/**
 * The search synonym rules the demo ships with (an admin keeps them: createSearchSynonym). tee ⇄
 * t-shirt covers tshirt and t shirt too: rules compare terms without hyphens and spaces.
 */
export const DEMO_SYNONYMS: { kind: 'TWO_WAY' | 'ONE_WAY'; terms: string[] }[] = [
  { kind: 'TWO_WAY', terms: ['tee', 't-shirt'] },
  { kind: 'TWO_WAY', terms: ['trainers', 'sneakers'] },
  { kind: 'TWO_WAY', terms: ['jumper', 'sweater', 'crewneck'] },
  { kind: 'ONE_WAY', terms: ['sweatshirt', 'hoodie'] },
];
