// What importing planned products would change in the catalog as it stands: the rows to write,
// the events to record, the counts, and the errors only the stored catalog reveals (a SKU of
// another product, a variant's currency, stock below what is reserved, an archived product).
// Pure: catalog-import.service.ts reads the state and writes the changes.
import type { NewEvent } from '../../lib/outbox.js';
import { notImported, type ImportError, type PlannedProduct, type PlannedVariant } from './catalog-import-rows.js';
import { lowStockEvent } from './stock-events.js';
import { LIMITS, defaultVariantTitle, sameOptionName } from './validation.js';

export interface StoredProduct {
  id: string;
  slug: string;
  name: string;
  description: string;
  brand: string | null;
  active: boolean;
  archived: boolean;
}

export interface StoredOption {
  id: string;
  name: string;
  position: number;
  values: { id: string; value: string; position: number }[];
}

/** A variant's own columns, as stored and as written. */
export interface VariantColumns {
  id: string;
  productId: string;
  sku: string;
  title: string;
  price: number;
  compareAtPrice: number | null;
  currency: string;
  weightGrams: number | null;
  active: boolean;
}

/** A variant's stock columns. */
export interface StockColumns {
  onHand: number;
  reorderThreshold: number;
  location: string;
}

export interface StoredVariant extends VariantColumns, StockColumns {
  optionValueIds: string[];
  reserved: number;
}

export interface StoredImage {
  url: string;
  altText: string | null;
}

/** The stored catalog around some planned products: theirs by slug, and the variants their SKUs name. */
export interface CatalogState {
  products: Map<string, StoredProduct>;
  /** By product id, in position order. */
  options: Map<string, StoredOption[]>;
  variants: Map<string, StoredVariant>;
  /** Variants per product id. */
  variantCounts: Map<string, number>;
  /** Category slugs per product id. */
  categories: Map<string, string[]>;
  /** Images per product id, in position order. */
  images: Map<string, StoredImage[]>;
}

export interface ImportCounts {
  productsCreated: number;
  productsUpdated: number;
  productsUnchanged: number;
  variantsCreated: number;
  variantsUpdated: number;
  variantsUnchanged: number;
}

export const noCounts = (): ImportCounts => ({ productsCreated: 0, productsUpdated: 0, productsUnchanged: 0, variantsCreated: 0, variantsUpdated: 0, variantsUnchanged: 0 });

export interface ProductWrite {
  id: string;
  slug: string;
  name: string;
  description: string;
  brand: string | null;
  active: boolean;
}

export interface VariantWrite extends VariantColumns {
  position: number;
}

export interface StockWrite {
  variantId: string;
  onHand: number;
  reorderThreshold: number;
  location: string;
}

/** The writes, each a list for one set-based statement; only rows that change are in them. */
export interface ChangeSet {
  /** New products and products whose own fields change (upserted by slug). */
  products: ProductWrite[];
  options: { id: string; productId: string; name: string; position: number }[];
  optionValues: { id: string; optionId: string; value: string; position: number }[];
  /** New variants and variants whose fields change (upserted by SKU). */
  variants: VariantWrite[];
  /** Stored variants whose option values go (before `links` are inserted). */
  relinkedVariants: string[];
  /** Option values of new variants, and the new ones of relinked variants. */
  links: { variantId: string; optionValueId: string }[];
  stock: StockWrite[];
  /** Stored products whose category links go (before `categoryLinks` are inserted). */
  recategorised: string[];
  /** By category slug: the categories exist by the time products are written. */
  categoryLinks: { productId: string; categorySlug: string }[];
  /** Stored products whose images go (before `imageRows` are inserted). */
  reimaged: string[];
  imageRows: { id: string; productId: string; url: string; altText: string | null; position: number }[];
  /** Products whose search document and lowest price are recomputed. */
  derived: string[];
  events: NewEvent[];
  counts: ImportCounts;
  errors: ImportError[];
  /** Products (by slug) and rows (by line) the errors leave out. */
  rejected: { products: Set<string>; lines: Set<number> };
}

/** A product's option values (stored and new), by option name and value ignoring case, and by id. */
interface OptionValues {
  byKey: Map<string, { id: string; value: string; position: number }>;
  byId: Map<string, { id: string; value: string; position: number }>;
}

const optionKey = (name: string, value: string) => `${name.trim().toLowerCase()}\u0000${value.toLowerCase()}`;
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && new Set([...a, ...b]).size === a.length;

export function changesFor(planned: PlannedProduct[], state: CatalogState, newId: () => string): ChangeSet {
  const set: ChangeSet = {
    products: [],
    options: [],
    optionValues: [],
    variants: [],
    relinkedVariants: [],
    links: [],
    stock: [],
    recategorised: [],
    categoryLinks: [],
    reimaged: [],
    imageRows: [],
    derived: [],
    events: [],
    counts: noCounts(),
    errors: [],
    rejected: { products: new Set(), lines: new Set() },
  };
  for (const product of planned) productChanges(set, product, state, newId);
  return set;
}

/** Adds one product's changes to the set, or its errors (and nothing else) when it has any. */
function productChanges(set: ChangeSet, planned: PlannedProduct, state: CatalogState, newId: () => string): void {
  const stored = state.products.get(planned.slug);
  const id = stored?.id ?? newId();
  const productErrors: ImportError[] = [];
  const refuseProduct = (column: string | null, code: ImportError['code'], message: string) => productErrors.push({ line: planned.line, column, code, message });
  if (stored?.archived) refuseProduct('product_slug', 'PRODUCT_ARCHIVED', `product ${planned.slug} is archived and takes no more changes`);
  if (!stored && planned.name === undefined) refuseProduct('product_name', 'INVALID_INPUT', 'product_name is required for a new product');

  const own: ProductWrite = {
    id,
    slug: planned.slug,
    name: planned.name ?? stored?.name ?? '',
    description: planned.description ?? stored?.description ?? '',
    brand: planned.brand !== undefined ? planned.brand : (stored?.brand ?? null),
    active: planned.active ?? stored?.active ?? true,
  };
  const ownChanged: string[] = stored ? (['name', 'description', 'brand', 'active'] as const).filter((field) => own[field] !== stored[field]) : [];

  // Options and values: matched ignoring case, spelled as stored; new ones go after the stored ones.
  const storedOptions = stored ? (state.options.get(id) ?? []) : [];
  const values: OptionValues = { byKey: new Map(), byId: new Map() };
  const addValue = (option: { name: string; position: number }, id: string, value: string) => {
    const entry = { id, value, position: option.position };
    values.byKey.set(optionKey(option.name, value), entry);
    values.byId.set(id, entry);
  };
  storedOptions.forEach((o) => o.values.forEach((v) => addValue(o, v.id, v.value)));
  const newOptions: ChangeSet['options'] = [];
  const newValues: ChangeSet['optionValues'] = [];
  for (const option of planned.options ?? []) {
    let target = storedOptions.find((o) => sameOptionName(o.name, option.name));
    if (!target) {
      target = { id: newId(), name: option.name.trim(), position: storedOptions.length + newOptions.length, values: [] };
      newOptions.push({ id: target.id, productId: id, name: target.name, position: target.position });
    }
    const fresh = option.values.filter((value) => !values.byKey.has(optionKey(option.name, value)));
    if (target.values.length + fresh.length > LIMITS.optionValues) {
      refuseProduct(option.column, 'INVALID_INPUT', `option ${target.name} would have ${target.values.length + fresh.length} values, at most ${LIMITS.optionValues}`);
    }
    const next = Math.max(-1, ...target.values.map((v) => v.position)) + 1;
    fresh.forEach((value, i) => {
      const row = { id: newId(), optionId: target.id, value, position: next + i };
      newValues.push(row);
      addValue(target, row.id, value);
    });
  }
  if (storedOptions.length + newOptions.length > LIMITS.options) {
    refuseProduct(planned.options?.[0]?.column ?? null, 'INVALID_INPUT', `the product would have ${storedOptions.length + newOptions.length} options, at most ${LIMITS.options}`);
  }

  const storedCategories = stored ? (state.categories.get(id) ?? []) : [];
  const categories = planned.categories ? [...new Set(planned.categories.map((path) => path.at(-1)!))] : storedCategories;
  const recategorised = !sameSet(categories, storedCategories);

  const storedImages = stored ? (state.images.get(id) ?? []) : [];
  const urls = planned.imageUrls ?? storedImages.map((image) => image.url);
  const reimaged = !sameList(urls, storedImages.map((image) => image.url));

  const variants = variantChanges(planned, id, stored !== undefined, state, values, newId);
  // As updateProduct names its input's fields, then what else changed.
  const changed = stored
    ? [
        ...ownChanged,
        ...(recategorised ? ['categoryIds'] : []),
        ...(newOptions.length > 0 || newValues.length > 0 ? ['options'] : []),
        ...(variants.writes.length > 0 || variants.relinked.length > 0 ? ['variants'] : []),
        ...(reimaged ? ['images'] : []),
      ]
    : [];
  const existing = state.variantCounts.get(id) ?? 0;
  if (existing + variants.created > LIMITS.variants) {
    refuseProduct('sku', 'INVALID_INPUT', `the product would have ${existing + variants.created} variants, at most ${LIMITS.variants}`);
  }

  const badLines = new Set(variants.errors.map((e) => e.line));
  if (productErrors.length > 0) {
    // Each row says why: its own errors, else its product's.
    const others = planned.variants.filter((v) => v.line !== planned.line && !badLines.has(v.line));
    set.errors.push(...productErrors, ...variants.errors, ...others.map((v) => notImported(v.line, planned.slug, planned.line)));
    set.rejected.products.add(planned.slug);
    return;
  }
  set.errors.push(...variants.errors);
  badLines.forEach((line) => set.rejected.lines.add(line));
  // A product none of whose rows can be imported is left as it is.
  if (badLines.size === planned.variants.length) {
    set.rejected.products.add(planned.slug);
    return;
  }
  if (!stored || ownChanged.length > 0) set.products.push(own);
  set.options.push(...newOptions);
  set.optionValues.push(...newValues);
  set.variants.push(...variants.writes);
  set.relinkedVariants.push(...variants.relinked);
  set.links.push(...variants.links);
  set.stock.push(...variants.stock);
  if (recategorised) {
    if (stored) set.recategorised.push(id);
    set.categoryLinks.push(...categories.map((categorySlug) => ({ productId: id, categorySlug })));
  }
  if (reimaged) {
    if (stored) set.reimaged.push(id);
    const altTexts = new Map(storedImages.map((image) => [image.url, image.altText]));
    set.imageRows.push(...urls.map((url, position) => ({ id: newId(), productId: id, url, altText: altTexts.get(url) ?? null, position })));
  }
  // The search document reads name, brand, description, SKUs and categories; the lowest price, active variants' prices.
  if (!stored || variants.writes.length > 0 || recategorised || ownChanged.some((field) => field !== 'active')) set.derived.push(id);
  set.events.push(...variants.events);
  set.counts.variantsCreated += variants.created;
  set.counts.variantsUpdated += variants.updated;
  set.counts.variantsUnchanged += variants.unchanged;
  if (!stored) {
    set.counts.productsCreated++;
    set.events.push({
      type: 'ProductCreated',
      aggregateType: 'Product',
      aggregateId: id,
      data: { productId: id, slug: own.slug, name: own.name, active: own.active, skus: planned.variants.filter((v) => !badLines.has(v.line)).map((v) => v.sku) },
    });
  } else {
    if (changed.length > 0) set.counts.productsUpdated++;
    else set.counts.productsUnchanged++;
    // New stock on hand leaves the product as it was, but changes what its variants show.
    const shown = variants.restocked ? [...changed, 'inventory'] : changed;
    if (shown.length > 0) set.events.push({ type: 'ProductUpdated', aggregateType: 'Product', aggregateId: id, data: { productId: id, changed: shown } });
  }
}

interface VariantChanges {
  writes: VariantWrite[];
  relinked: string[];
  links: ChangeSet['links'];
  stock: StockWrite[];
  /** A stored variant's stock on hand changed. */
  restocked: boolean;
  events: NewEvent[];
  errors: ImportError[];
  created: number;
  updated: number;
  unchanged: number;
}

function variantChanges(
  planned: PlannedProduct,
  productId: string,
  productStored: boolean,
  state: CatalogState,
  values: OptionValues,
  newId: () => string,
): VariantChanges {
  const out: VariantChanges = { writes: [], relinked: [], links: [], stock: [], restocked: false, events: [], errors: [], created: 0, updated: 0, unchanged: 0 };
  let position = productStored ? (state.variantCounts.get(productId) ?? 0) : 0;
  for (const v of planned.variants) {
    const stored = state.variants.get(v.sku);
    const errors: ImportError[] = [];
    const refuse = (column: string, code: ImportError['code'], message: string) => errors.push({ line: v.line, column, code, message });
    if (stored && stored.productId !== productId) refuse('sku', 'SKU_TAKEN', `another product has SKU ${v.sku}`);
    if (stored && v.currency !== undefined && v.currency !== stored.currency) {
      refuse('currency', 'INVALID_CURRENCY', `the variant's currency is ${stored.currency}: a variant's currency does not change`);
    }
    if (!stored && v.price === undefined) refuse('price', 'INVALID_PRICE', 'price is required for a new variant');
    if (!stored && v.currency === undefined) refuse('currency', 'INVALID_CURRENCY', 'currency is required for a new variant');
    if (stored && v.onHand !== undefined && v.onHand < stored.reserved) refuse('on_hand', 'BELOW_RESERVED', `on hand cannot go below the ${stored.reserved} units reserved`);
    if (errors.length > 0) {
      out.errors.push(...errors);
      continue;
    }

    // The variant's option values in the product's option order, spelled as stored.
    const selected = v.options?.map((o) => values.byKey.get(optionKey(o.name, o.value))!).sort((a, b) => a.position - b.position);
    const id = stored?.id ?? newId();
    const kept = stored?.optionValueIds.flatMap((valueId) => values.byId.get(valueId) ?? []).sort((a, b) => a.position - b.position);
    const write: VariantWrite = {
      id,
      productId,
      sku: v.sku,
      title: titleOf(v, stored, selected ?? kept),
      price: v.price ?? stored!.price,
      compareAtPrice: v.compareAtPrice !== undefined ? v.compareAtPrice : (stored?.compareAtPrice ?? null),
      currency: stored?.currency ?? v.currency!,
      weightGrams: v.weightGrams !== undefined ? v.weightGrams : (stored?.weightGrams ?? null),
      active: v.active ?? stored?.active ?? true,
      // A stored variant keeps its place (the upsert leaves position alone).
      position: stored ? 0 : position++,
    };
    const fieldsChanged = !stored || (['title', 'price', 'compareAtPrice', 'weightGrams', 'active'] as const).some((field) => write[field] !== stored[field]);
    if (fieldsChanged) out.writes.push(write);
    const relinked = selected !== undefined && !sameSet(selected.map((s) => s.id), stored?.optionValueIds ?? []);
    if (relinked) {
      if (stored) out.relinked.push(id);
      out.links.push(...selected!.map((s) => ({ variantId: id, optionValueId: s.id })));
    }
    const stock: StockWrite = {
      variantId: id,
      onHand: v.onHand ?? stored?.onHand ?? 0,
      reorderThreshold: v.reorderThreshold ?? stored?.reorderThreshold ?? 5,
      location: v.location ?? stored?.location ?? 'default',
    };
    const stockChanged = !stored || stock.onHand !== stored.onHand || stock.reorderThreshold !== stored.reorderThreshold || stock.location !== stored.location;
    if (stockChanged) out.stock.push(stock);
    if (stored && stockChanged) {
      if (stock.onHand !== stored.onHand) out.restocked = true;
      out.events.push(
        ...lowStockEvent(id, {
          on_hand: stock.onHand,
          reserved: stored.reserved,
          reorder_threshold: stock.reorderThreshold,
          location: stock.location,
          previous_available: stored.onHand - stored.reserved,
          previous_threshold: stored.reorderThreshold,
        }),
      );
    }
    if (!stored) out.created++;
    else if (fieldsChanged || relinked || stockChanged) out.updated++;
    else out.unchanged++;
  }
  return out;
}

/** The title the file gives, else the default one (from the option values it will have), else the stored one. */
function titleOf(v: PlannedVariant, stored: StoredVariant | undefined, selected: { value: string }[] | undefined): string {
  if (v.title) return v.title;
  if (v.title === undefined && stored) return stored.title;
  return defaultVariantTitle(selected?.map((s) => ({ name: '', value: s.value })) ?? null, v.sku);
}
