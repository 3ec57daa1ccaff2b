// Cart rules that need no I/O: input checks, what may be added to which cart, and what the
// shopper should be warned about. Everything returns userErrors or plain values.
import { refuse as refuseWith } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { InputChecker, normalizeCode } from '../../lib/input-checker.js';
import type { Money } from '../../lib/money.js';
import type { CatalogVariant } from './catalog.js';
import type { CartErrorCode, CartWarningCode } from './generated/resolvers-types.js';
import type { CodeResult, PromotionLine } from './promotions.js';
import { SHIPPING_METHODS, type Destination, type ShippingMethod } from './rates.js';

export const LIMITS = { quantity: 999, lines: 100, code: 64, affiliateCode: 64, region: 64 } as const;

const PROMOTION_ERRORS: ReadonlySet<string> = new Set<CartErrorCode>([
  'PROMOTION_NOT_FOUND',
  'PROMOTION_EXPIRED',
  'PROMOTION_NOT_YET_VALID',
  'MIN_SUBTOTAL_NOT_MET',
  'USAGE_LIMIT_REACHED',
  'NOT_APPLICABLE',
  'NOT_COMBINABLE',
]);

/** Refuses a cart write with one userError. */
export const refuse = refuseWith<CartErrorCode>;

export class CartInputChecker extends InputChecker<CartErrorCode> {
  protected readonly outOfRange = 'QUANTITY_OUT_OF_RANGE';

  quantity(quantity: number, field: readonly string[] = ['quantity']): void {
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > LIMITS.quantity) {
      this.add('QUANTITY_OUT_OF_RANGE', `quantity must be a whole number from 1 to ${LIMITS.quantity}`, field);
    }
  }

  /** A promotion code as the cart stores it (normalised), or null when it is malformed. */
  promotionCode(raw: string, field: readonly string[] = ['code']): string | null {
    const code = normalizeCode(raw);
    if (code.length === 0 || /\s/.test(code)) this.add('INVALID_INPUT', 'a promotion code is one word', field);
    else if (this.text(code, field, LIMITS.code)) return code;
    return null;
  }

  /** The affiliate code a cart is created with: null when blank. */
  affiliateCode(raw: string | null | undefined, field: readonly string[] = ['input', 'affiliateCode']): string | null {
    const code = normalizeCode(raw ?? '');
    return code.length > 0 && this.text(code, field, LIMITS.affiliateCode) ? code : null;
  }

  /** A shipping method the rate tables know (case-insensitive); whether it ships there is the tables' to say. */
  shippingMethod(raw: string, field: readonly string[]): ShippingMethod | null {
    const method = raw.trim().toUpperCase();
    if ((SHIPPING_METHODS as readonly string[]).includes(method)) return method as ShippingMethod;
    this.add('SHIPPING_METHOD_UNAVAILABLE', `${raw} is not a shipping method; the methods are ${SHIPPING_METHODS.join(' and ')}`, field);
    return null;
  }

  /** Where an order ships: an ISO 3166-1 alpha-2 country and an optional region, both upper-case. */
  destination(raw: { country: string; region?: string | null }, field: readonly string[]): Destination | null {
    const country = raw.country.trim().toUpperCase();
    const region = raw.region?.trim().toUpperCase() || null;
    const countryOk = /^[A-Z]{2}$/.test(country);
    if (!countryOk) this.add('INVALID_INPUT', `${raw.country} is not an ISO 3166-1 alpha-2 country code`, [...field, 'country']);
    const regionOk = this.text(region, [...field, 'region'], LIMITS.region);
    return countryOk && regionOk ? { country, region } : null;
  }

  /** A checkout is an order: its id is a row id. */
  checkoutId(raw: string, field: readonly string[]): void {
    if (!isUuid(raw)) this.add('INVALID_INPUT', 'not an order id', field);
  }

  /** May this variant go into a cart? `currencies` are those the rate tables ship in. */
  variant(variant: CatalogVariant | null, currencies: ReadonlySet<string>, field: readonly string[] = ['variantId']): void {
    if (!variant) this.add('VARIANT_NOT_FOUND', 'no such variant', field);
    else if (!variant.forSale) this.add('VARIANT_UNAVAILABLE', `${variant.sku} is not for sale`, field);
    else if (!currencies.has(variant.price.currencyCode)) {
      this.add('CURRENCY_NOT_SUPPORTED', `${variant.price.currencyCode} is not a currency this shop sells in`, field);
    }
  }

  /** A cart holds one currency: the first line's; an empty cart takes the next line's. */
  currency(cartCurrency: string, cartHasLines: boolean, variantCurrency: string, field: readonly string[] = ['variantId']): void {
    if (cartHasLines && cartCurrency !== variantCurrency) {
      this.add('CURRENCY_MISMATCH', `the cart is in ${cartCurrency}; this variant is priced in ${variantCurrency}`, field);
    }
  }
}

/** The promotions' reason a code does not apply, as a cart error code (unknown reasons read as NOT_APPLICABLE). */
export const promotionReason = (result: CodeResult | undefined): CartErrorCode =>
  result?.error && PROMOTION_ERRORS.has(result.error) ? (result.error as CartErrorCode) : 'NOT_APPLICABLE';

/** The promotions' verdict on one of the codes they were given (matched by code, else by position). */
export const resultFor = (results: CodeResult[], code: string, index: number): CodeResult | undefined =>
  results.find((r) => r.code.toUpperCase() === code) ?? results[index];

/** Refuses a code with the promotions' reason for it. */
export function refuseCode(result: CodeResult | undefined, code: string): never {
  return refuse(promotionReason(result), result?.message ?? `${code} does not apply to this cart`, ['code']);
}

export interface StoredLine {
  id: string;
  variantId: string;
  quantity: number;
  seenUnitPrice: number;
}

export interface CartWarning {
  code: CartWarningCode;
  message: string;
  lineId?: string;
  available?: number;
  previousUnitPrice?: Money;
  promotionCode?: string;
}

/**
 * Splits stored lines into those that can be priced (the variant is for sale in the cart's
 * currency) and warnings: unavailable variants (left out of the totals), stock short of the
 * quantity, and prices that moved since the shopper added the line.
 */
export function priceableLines(
  lines: StoredLine[],
  variants: ReadonlyMap<string, CatalogVariant | null>,
  currencyCode: string,
): { priced: PromotionLine[]; warnings: CartWarning[] } {
  const priced: PromotionLine[] = [];
  const warnings: CartWarning[] = [];
  for (const line of lines) {
    const v = variants.get(line.variantId) ?? null;
    if (!v || !v.forSale || v.price.currencyCode !== currencyCode) {
      warnings.push({ code: 'UNAVAILABLE', lineId: line.id, message: `${v?.sku ?? 'this variant'} is no longer for sale` });
      continue;
    }
    priced.push({ lineId: line.id, variantId: v.id, productId: v.productId, categoryIds: v.categoryIds, unitPrice: v.price.amount, quantity: line.quantity });
    const available = Math.max(v.available, 0);
    if (available === 0) warnings.push({ code: 'OUT_OF_STOCK', lineId: line.id, available, message: `${v.sku} is out of stock` });
    else if (available < line.quantity) {
      warnings.push({ code: 'INSUFFICIENT_STOCK', lineId: line.id, available, message: `only ${available} of ${v.sku} in stock` });
    }
    if (v.price.amount !== line.seenUnitPrice) {
      warnings.push({
        code: 'PRICE_CHANGED',
        lineId: line.id,
        previousUnitPrice: { amount: line.seenUnitPrice, currencyCode },
        message: `the price of ${v.sku} has ${v.price.amount > line.seenUnitPrice ? 'gone up' : 'come down'} since it was added`,
      });
    }
  }
  return { priced, warnings };
}

/** Applied codes the promotions no longer honour for this cart as it is now. */
export function codeWarnings(codes: string[], results: CodeResult[]): CartWarning[] {
  return codes.flatMap((code, i) => {
    const result = resultFor(results, code, i);
    if (!result || result.applied) return [];
    return [{ code: 'PROMOTION_NOT_APPLIED' as const, promotionCode: code, message: result.message ?? `${code} does not apply (${result.error ?? 'not applicable'})` }];
  });
}
