// The cart's rules for a checkout (SPEC §4, step 1), pure: what a cart must be to be checked out
// (every line for sale in the cart's currency, every applied code honoured, a shipping method that
// reaches the destination, the total the shopper was shown), the quote as the order snapshots it,
// and how a cart handed back by a failed checkout merges into the newer ACTIVE cart its owner
// started meanwhile (README, "Checkout").
import { globalId } from '../../lib/global-id.js';
import type { InputChecker } from '../../lib/input-checker.js';
import { formatMoney, money } from '../../lib/money.js';
import type { CatalogVariant } from './catalog.js';
import type { CartErrorCode } from './generated/resolvers-types.js';
import { PricingError, shippingFor, type CartTotals } from './pricing.js';
import type { PromotionEvaluation } from './promotions.js';
import type { Destination, RateTables, ShippingMethod } from './rates.js';
import { LIMITS, promotionReason, resultFor, type StoredLine } from './validation.js';

type Checker = InputChecker<CartErrorCode>;

export interface ShippingChoice {
  method: ShippingMethod;
  destination: Destination;
}

/** A line as the order's snapshot keeps it; amounts in minor units of the cart's currency. */
export interface CheckoutLine {
  lineId: string;
  variantId: string;
  productId: string;
  sku: string;
  productName: string;
  variantTitle: string;
  unitPrice: number;
  quantity: number;
  /** Its share of the merchandise discounts. */
  discount: number;
  /** unitPrice × quantity, before discounts. */
  lineTotal: number;
}

/** What one promotion takes off: the amount its redemption records. */
export interface CheckoutDiscount {
  promotionId: string;
  name: string;
  code: string | null;
  amount: number;
}

/** A cart's quote as its checkout takes it: exactly quoteCart's totals. */
export interface CheckoutQuote {
  lines: CheckoutLine[];
  discounts: CheckoutDiscount[];
  subtotal: number;
  discountTotal: number;
  shipping: number;
  tax: number;
  total: number;
}

/** Where a refusal about one of the cart's lines points: ["lines", <the line's id as the API gives it>]. */
export const lineField = (lineId: string): string[] => ['lines', globalId('CartLine', lineId)];

/** Every line's variant must exist, be for sale, and be priced in the cart's currency. */
export function checkPurchasable(c: Checker, lines: StoredLine[], variants: ReadonlyMap<string, CatalogVariant | null>, currencyCode: string): void {
  for (const line of lines) {
    const variant = variants.get(line.variantId) ?? null;
    if (!variant) c.add('VARIANT_NOT_FOUND', 'the catalog no longer has this line\'s variant', lineField(line.id));
    else if (!variant.forSale) c.add('VARIANT_UNAVAILABLE', `${variant.sku} is not for sale`, lineField(line.id));
    else if (variant.price.currencyCode !== currencyCode) {
      c.add('VARIANT_UNAVAILABLE', `${variant.sku} is no longer priced in ${currencyCode}, the cart's currency`, lineField(line.id));
    }
  }
}

/**
 * The rate tables must price the method to the destination in the cart's currency, as priceCart
 * will: a method they do not list for the currency, or one with neither a price for the country
 * nor a default, does not ship there.
 */
export function checkShipping(c: Checker, rates: RateTables, currencyCode: string, shipping: ShippingChoice, field: readonly string[]): void {
  try {
    shippingFor(rates, currencyCode, shipping.method, shipping.destination, 0);
  } catch (err) {
    if (!(err instanceof PricingError)) throw err;
    c.add(err.code === 'CURRENCY_NOT_SUPPORTED' ? 'CURRENCY_NOT_SUPPORTED' : 'SHIPPING_METHOD_UNAVAILABLE', err.message, field);
  }
}

/** Every applied code must still apply; a refusal carries the promotions' reason and names the code. */
export function checkCodes(c: Checker, codes: readonly string[], evaluation: PromotionEvaluation): void {
  codes.forEach((code, i) => {
    const result = resultFor(evaluation.codeResults, code, i);
    if (!result?.applied) c.add(promotionReason(result), result?.message ?? `${code} no longer applies to this cart`, ['appliedCodes', code]);
  });
}

/** The total the shopper was shown, when the checkout gives it, must be the quote's. */
export function checkExpectedTotal(c: Checker, expected: number | null | undefined, totals: CartTotals, field: readonly string[]): void {
  if (expected === null || expected === undefined || expected === totals.total) return;
  const show = (amount: number) => `${formatMoney(money(amount, totals.currencyCode))} (${amount})`;
  c.add('PRICE_CHANGED', `the cart now costs ${show(totals.total)}, not the ${show(expected)} expected`, field);
}

/**
 * The quote as the checkout takes it: the priced lines (those in the totals) with what the
 * snapshot keeps of their variants, one discount per promotion in the order they apply, and the
 * totals as priceCart worked them out.
 */
export function checkoutQuoteOf(
  lines: StoredLine[],
  variants: ReadonlyMap<string, CatalogVariant | null>,
  evaluation: PromotionEvaluation,
  totals: CartTotals,
): CheckoutQuote {
  const priced = new Map(totals.lines.map((l) => [l.lineId, l]));
  return {
    lines: lines.flatMap((line): CheckoutLine[] => {
      const total = priced.get(line.id);
      const variant = variants.get(line.variantId);
      if (!total || !variant) return [];
      return [
        {
          lineId: line.id,
          variantId: variant.id,
          productId: variant.productId,
          sku: variant.sku,
          productName: variant.productName,
          variantTitle: variant.title,
          unitPrice: variant.price.amount,
          quantity: line.quantity,
          discount: total.discountTotal,
          lineTotal: total.lineTotal,
        },
      ];
    }),
    discounts: evaluation.discounts.map((d) => ({ promotionId: d.promotionId, name: d.name, code: d.code, amount: d.amount })),
    subtotal: totals.subtotal,
    discountTotal: totals.discountTotal,
    shipping: totals.shipping,
    tax: totals.tax,
    total: totals.total,
  };
}

export interface MergePlan<L> {
  /** The handed-back cart's lines to copy into the newer cart, in their order. */
  lines: L[];
  /** Lines of variants the newer cart lacks that do not fit (100 lines, or another currency). */
  leftOut: L[];
  /** Applied codes the newer cart does not have yet, in the order they were applied. */
  codes: string[];
  /** The newer cart's currency afterwards: an empty cart takes the lines' currency. */
  currency: string;
}

/**
 * A cart handed back while its owner has a newer ACTIVE cart: the newer cart wins. It keeps its
 * own lines as they are; the handed-back cart's lines of variants it lacks are added, in their
 * order, as long as it has room for them (100 lines; each line is at most 999 units already) and
 * they are in its currency (an empty cart takes theirs); the applied codes it lacks are added too.
 */
export function planMerge<L extends { variantId: string }>(
  from: { currency: string; lines: L[]; appliedCodes: readonly string[] },
  into: { currency: string; variantIds: readonly string[]; appliedCodes: readonly string[] },
): MergePlan<L> {
  const present = new Set(into.variantIds);
  const missing = from.lines.filter((l) => !present.has(l.variantId));
  const empty = present.size === 0;
  const room = empty || into.currency === from.currency ? Math.max(LIMITS.lines - present.size, 0) : 0;
  const lines = missing.slice(0, room);
  return {
    lines,
    leftOut: missing.slice(room),
    codes: from.appliedCodes.filter((code) => !into.appliedCodes.includes(code)),
    currency: empty && lines.length > 0 ? from.currency : into.currency,
  };
}
