// Cart rules that need no I/O: input checks, what may be added to which cart, and what the
// shopper should be warned about. Everything returns userErrors or plain values.
import { userError, type UserError } from '../../lib/errors.js';
import type { Money } from '../../lib/money.js';
import type { CatalogVariant } from './catalog.js';
import type { CartErrorCode, CartWarningCode } from './generated/resolvers-types.js';
import type { CodeResult, PromotionLine } from './promotions.js';

export type CartError = UserError<CartErrorCode>;

export const LIMITS = { quantity: 999, lines: 100, code: 64, affiliateCode: 64 } as const;

const PROMOTION_ERRORS: ReadonlySet<string> = new Set<CartErrorCode>([
  'PROMOTION_NOT_FOUND',
  'PROMOTION_EXPIRED',
  'PROMOTION_NOT_YET_VALID',
  'MIN_SUBTOTAL_NOT_MET',
  'USAGE_LIMIT_REACHED',
  'NOT_APPLICABLE',
  'NOT_COMBINABLE',
]);

export function checkQuantity(quantity: number, field = ['quantity']): CartError[] {
  if (Number.isInteger(quantity) && quantity >= 1 && quantity <= LIMITS.quantity) return [];
  return [userError('QUANTITY_OUT_OF_RANGE', `quantity must be a whole number from 1 to ${LIMITS.quantity}`, field)];
}

/** Codes are case-insensitive: stored and compared trimmed and upper-case. */
export function normaliseCode(code: string, field = ['code']): { code: string } | { errors: CartError[] } {
  const normalised = code.trim().toUpperCase();
  if (normalised.length === 0 || /\s/.test(normalised)) return { errors: [userError('INVALID_INPUT', 'a promotion code is one word', field)] };
  if ([...normalised].length > LIMITS.code) return { errors: [userError('TOO_LONG', `a promotion code has at most ${LIMITS.code} characters`, field)] };
  return { code: normalised };
}

export function normaliseAffiliateCode(code: string | null | undefined): { code: string | null } | { errors: CartError[] } {
  const trimmed = code?.trim() ?? '';
  if (trimmed.length === 0) return { code: null };
  if ([...trimmed].length > LIMITS.affiliateCode) {
    return { errors: [userError('TOO_LONG', `affiliateCode has at most ${LIMITS.affiliateCode} characters`, ['input', 'affiliateCode'])] };
  }
  return { code: trimmed.toUpperCase() };
}

/** May this variant go into a cart? `currencies` are those the rate tables ship in. */
export function checkVariant(variant: CatalogVariant | null, currencies: ReadonlySet<string>): CartError[] {
  const field = ['variantId'];
  if (!variant) return [userError('VARIANT_NOT_FOUND', 'no such variant', field)];
  if (!variant.forSale) return [userError('VARIANT_UNAVAILABLE', `${variant.sku} is not for sale`, field)];
  if (!currencies.has(variant.price.currencyCode)) {
    return [userError('CURRENCY_NOT_SUPPORTED', `${variant.price.currencyCode} is not a currency this shop sells in`, field)];
  }
  return [];
}

/** A cart holds one currency: the first line's; an empty cart takes the next line's. */
export function checkCurrency(cartCurrency: string, cartHasLines: boolean, variantCurrency: string): CartError[] {
  if (!cartHasLines || cartCurrency === variantCurrency) return [];
  return [userError('CURRENCY_MISMATCH', `the cart is in ${cartCurrency}; this variant is priced in ${variantCurrency}`, ['variantId'])];
}

/** A promotion's refusal of a code, as a cart userError (unknown reasons read as NOT_APPLICABLE). */
export function codeRefusal(result: CodeResult | undefined, code: string): CartError {
  const reason = result?.error && PROMOTION_ERRORS.has(result.error) ? (result.error as CartErrorCode) : 'NOT_APPLICABLE';
  return userError(reason, result?.message ?? `${code} does not apply to this cart`, ['code']);
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
    const result = results.find((r) => r.code.toUpperCase() === code) ?? results[i];
    if (!result || result.applied) return [];
    return [{ code: 'PROMOTION_NOT_APPLIED' as const, promotionCode: code, message: result.message ?? `${code} does not apply (${result.error ?? 'not applicable'})` }];
  });
}
