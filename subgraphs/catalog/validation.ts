// Input rules for catalog writes: pure functions returning userErrors, no I/O.
import { refuse as refuseWith } from '../../lib/errors.js';
import { InputChecker, checkCurrency } from '../../lib/input-checker.js';
import type { CatalogErrorCode } from './generated/resolvers-types.js';

export const LIMITS = {
  slug: 160,
  name: 200,
  description: 10_000,
  brand: 120,
  sku: 64,
  variantTitle: 200,
  optionName: 60,
  optionValue: 60,
  optionValues: 100,
  options: 10,
  variants: 250,
  images: 50,
  url: 2048,
  altText: 300,
  categoryName: 120,
  /** Prices in minor units: up to 10,000,000.00 in a two-decimal currency. */
  price: 1_000_000_000,
  onHand: 10_000_000,
  reorderThreshold: 1_000_000,
  location: 60,
  weightGrams: 10_000_000,
  reservationLines: 100,
  reservationQuantity: 999,
} as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Option names are stored trimmed and compared without regard to case. */
export const sameOptionName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Refuses a catalog write with one userError. */
export const refuse = refuseWith<CatalogErrorCode>;

export class CatalogInputChecker extends InputChecker<CatalogErrorCode> {
  protected readonly outOfRange = 'QUANTITY_OUT_OF_RANGE';

  slug(value: string | null | undefined, field: string[]): void {
    if (value === null || value === undefined) return;
    if (this.text(value, field, LIMITS.slug, true) && !SLUG.test(value)) {
      this.add('INVALID_INPUT', 'slug must be lower-case letters and digits separated by single hyphens', field);
    }
  }

  price(value: number | null | undefined, field: string[]): void {
    if (value === null || value === undefined) return;
    if (!Number.isInteger(value) || value < 0 || value > LIMITS.price) {
      this.add('INVALID_PRICE', `${field.at(-1)} must be a whole number of minor units between 0 and ${LIMITS.price}`, field);
    }
  }

  url(value: string | null | undefined, field: string[]): void {
    if (value === null || value === undefined) return;
    if (!this.text(value, field, LIMITS.url, true)) return;
    let ok = false;
    try {
      const url = new URL(value);
      ok = url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      ok = false;
    }
    if (!ok) this.add('INVALID_URL', 'url must be an absolute http(s) URL', field);
  }

  /** Flags each repeat (ignoring case) at its own position, so the admin sees which entry to fix. */
  unique(values: string[], fieldAt: (index: number) => string[], code: CatalogErrorCode, what: string): void {
    const seen = new Set<string>();
    values.forEach((v, i) => {
      const key = v.toLowerCase();
      if (seen.has(key)) this.add(code, `${what} "${v}" appears more than once`, fieldAt(i));
      seen.add(key);
    });
  }
}

export interface OptionInput {
  name: string;
  values: string[];
}

export interface SelectedOptionInput {
  name: string;
  value: string;
}

/** An amount in minor units and its currency, as MoneyInput gives it. */
export interface MoneyInput {
  amount: number;
  currencyCode: string;
}

export interface VariantInput {
  sku?: string | null;
  title?: string | null;
  price?: MoneyInput | null;
  compareAtPrice?: MoneyInput | null;
  weightGrams?: number | null;
  active?: boolean | null;
  options?: SelectedOptionInput[] | null;
  onHand?: number | null;
  reorderThreshold?: number | null;
}

export interface ImageInput {
  url: string;
  altText?: string | null;
  position?: number | null;
}

export interface ProductFieldsInput {
  slug?: string | null;
  name?: string | null;
  description?: string | null;
  brand?: string | null;
}

export function checkProductFields(c: CatalogInputChecker, input: ProductFieldsInput, field: string[], creating: boolean): void {
  if (creating && input.slug == null) c.add('INVALID_INPUT', 'slug is required', [...field, 'slug']);
  c.slug(input.slug, [...field, 'slug']);
  c.text(input.name, [...field, 'name'], LIMITS.name, creating || input.name != null);
  c.text(input.description, [...field, 'description'], LIMITS.description);
  c.text(input.brand, [...field, 'brand'], LIMITS.brand);
}

export function checkOption(c: CatalogInputChecker, option: OptionInput, field: string[]): void {
  c.text(option.name, [...field, 'name'], LIMITS.optionName, true);
  if (option.values.length === 0 || option.values.length > LIMITS.optionValues) {
    c.add('INVALID_INPUT', `an option needs 1 to ${LIMITS.optionValues} values`, [...field, 'values']);
  }
  option.values.forEach((v, i) => c.text(v, [...field, 'values', String(i)], LIMITS.optionValue, true));
  c.unique(option.values, (i) => [...field, 'values', String(i)], 'INVALID_INPUT', 'value');
}

export function checkOptions(c: CatalogInputChecker, options: OptionInput[], field: string[]): void {
  if (options.length > LIMITS.options) c.add('INVALID_INPUT', `at most ${LIMITS.options} options`, field);
  options.forEach((o, i) => checkOption(c, o, [...field, String(i)]));
  c.unique(options.map((o) => o.name.trim()), (i) => [...field, String(i), 'name'], 'OPTION_TAKEN', 'option');
}

/**
 * Checks a variant against the product's options: each selected option must name an option of
 * the product and one of its values, at most once.
 */
export function checkVariant(c: CatalogInputChecker, v: VariantInput, field: string[], options: OptionInput[], creating: boolean): void {
  if (creating || v.sku != null) c.text(v.sku, [...field, 'sku'], LIMITS.sku, true);
  c.text(v.title, [...field, 'title'], LIMITS.variantTitle);
  if (creating && v.price == null) c.add('INVALID_PRICE', 'price is required', [...field, 'price']);
  c.price(v.price?.amount, [...field, 'price', 'amount']);
  c.price(v.compareAtPrice?.amount, [...field, 'compareAtPrice', 'amount']);
  if (v.price) checkCurrency(c, v.price.currencyCode, [...field, 'price', 'currencyCode']);
  if (v.price && v.compareAtPrice && v.compareAtPrice.currencyCode !== v.price.currencyCode) {
    c.add('INVALID_CURRENCY', `compareAtPrice must be in the price's currency, ${v.price.currencyCode}`, [...field, 'compareAtPrice', 'currencyCode']);
  }
  c.range(v.weightGrams, [...field, 'weightGrams'], 0, LIMITS.weightGrams, 'INVALID_INPUT');
  c.range(v.onHand, [...field, 'onHand'], 0, LIMITS.onHand);
  c.range(v.reorderThreshold, [...field, 'reorderThreshold'], 0, LIMITS.reorderThreshold);
  const selected = v.options ?? [];
  c.unique(selected.map((s) => s.name.trim()), (i) => [...field, 'options', String(i)], 'INVALID_INPUT', 'option');
  selected.forEach((s, i) => {
    const option = options.find((o) => sameOptionName(o.name, s.name));
    if (!option || !option.values.some((val) => val.toLowerCase() === s.value.toLowerCase())) {
      c.add('OPTION_VALUE_NOT_FOUND', `the product has no option ${s.name} = ${s.value}`, [...field, 'options', String(i)]);
    }
  });
}

export function checkImage(c: CatalogInputChecker, image: ImageInput, field: string[]): void {
  c.url(image.url, [...field, 'url']);
  c.text(image.altText, [...field, 'altText'], LIMITS.altText);
  c.range(image.position, [...field, 'position'], 0, 10_000, 'INVALID_INPUT');
}

/** A variant's title when none is given: its option values, e.g. "M / Red", or the SKU. */
export function defaultVariantTitle(options: SelectedOptionInput[] | null | undefined, sku: string): string {
  return options && options.length > 0 ? options.map((o) => o.value).join(' / ') : sku;
}
