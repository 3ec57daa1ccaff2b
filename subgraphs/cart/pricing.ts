// The one pricing rule for a cart: the cart's estimate and the checkout's charge both come from
// priceCart, so that the same lines, promotions, shipping choice and rates give the same cents.
// Pure: no I/O, no clock, no configuration beyond its arguments.
import { BASIS_POINTS, fractionOf } from '../../lib/money.js';
import type { PromotionEvaluation, PromotionLine } from './promotions.js';
import type { Destination, RateTables, ShippingMethod } from './rates.js';

export type PricedLine = PromotionLine;

export type PricingErrorCode = 'CURRENCY_NOT_SUPPORTED' | 'SHIPPING_METHOD_UNKNOWN' | 'DESTINATION_NOT_SERVED';

export class PricingError extends Error {
  constructor(
    readonly code: PricingErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface PricingInput {
  currencyCode: string;
  lines: PricedLine[];
  promotions: PromotionEvaluation;
  shipping: { method: ShippingMethod; destination: Destination };
  rates: RateTables;
}

export interface PricedDiscount {
  promotionId: string;
  name: string;
  code: string | null;
  level: 'CART' | 'ITEM';
  amount: number;
  /** Set for item-level discounts: one entry per line they apply to. */
  lineId: string | null;
}

export interface CartTotals {
  currencyCode: string;
  lines: { lineId: string; lineTotal: number; discountTotal: number }[];
  discounts: PricedDiscount[];
  subtotal: number;
  /** Off the merchandise (never more than the subtotal). */
  merchandiseDiscount: number;
  shipping: number;
  /** Off the shipping (never more than the shipping). */
  shippingDiscount: number;
  /** merchandiseDiscount + shippingDiscount */
  discountTotal: number;
  tax: number;
  /** subtotal - discountTotal + shipping + tax */
  total: number;
}

const FREE_SHIPPING = 'FREE_SHIPPING';

export function subtotalOf(lines: PricedLine[]): number {
  return lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
}

/**
 * Shipping for a method to a destination, from the rate tables: the destination country's price,
 * else the method's default; free when the merchandise subtotal (before discounts) reaches the
 * method's freeOver. An empty cart ships for nothing.
 */
export function shippingFor(rates: RateTables, currencyCode: string, method: ShippingMethod, destination: Destination, subtotal: number): number {
  const methods = rates.shipping[currencyCode];
  if (!methods) throw new PricingError('CURRENCY_NOT_SUPPORTED', `no shipping rates in ${currencyCode}`);
  const rate = methods[method];
  if (!rate) throw new PricingError('SHIPPING_METHOD_UNKNOWN', `${method} shipping is not offered in ${currencyCode}`);
  const price = rate.countries[destination.country] ?? rate.default;
  if (price === undefined) throw new PricingError('DESTINATION_NOT_SERVED', `${method} shipping does not reach ${destination.country}`);
  if (subtotal === 0 || (rate.freeOver !== undefined && subtotal >= rate.freeOver)) return 0;
  return price;
}

/** Tax rate in basis points and whether shipping is taxed, for a country and region (unlisted: no tax). */
export function taxRuleFor(rates: RateTables, destination: Destination): { rate: number; shippingTaxable: boolean } {
  const country = rates.tax[destination.country];
  if (!country) return { rate: 0, shippingTaxable: false };
  const region = destination.region ? country.regions[destination.region] : undefined;
  return { rate: region?.rate ?? country.rate, shippingTaxable: region?.shippingTaxable ?? country.shippingTaxable };
}

/**
 * Totals for priced lines, given what the promotions take off and where it ships:
 * - subtotal = Σ unitPrice × quantity;
 * - the merchandise discount is every discount but FREE_SHIPPING, capped at the subtotal;
 *   the shipping discount is the evaluation's, capped at the shipping;
 * - tax = rate × (subtotal − merchandise discount [+ shipping − shipping discount where the
 *   table taxes shipping]), rounded half up to the minor unit;
 * - total = subtotal − discounts + shipping + tax, never negative.
 */
export function priceCart(input: PricingInput): CartTotals {
  const { currencyCode, lines, promotions, rates } = input;
  const subtotal = subtotalOf(lines);
  if (!Number.isSafeInteger(subtotal)) throw new RangeError('cart subtotal out of range');
  const shipping = shippingFor(rates, currencyCode, input.shipping.method, input.shipping.destination, subtotal);

  const lineIds = new Set(lines.map((l) => l.lineId));
  const lineDiscounts = new Map<string, number>();
  const discounts: PricedDiscount[] = [];
  let merchandise = 0;
  for (const d of promotions.discounts) {
    if (d.discountType !== FREE_SHIPPING) {
      merchandise += d.amount;
      for (const a of d.allocations) if (lineIds.has(a.lineId)) lineDiscounts.set(a.lineId, (lineDiscounts.get(a.lineId) ?? 0) + a.amount);
    }
    if (d.level === 'ITEM' && d.allocations.length > 0) {
      for (const a of d.allocations) discounts.push({ promotionId: d.promotionId, name: d.name, code: d.code, level: 'ITEM', amount: a.amount, lineId: a.lineId });
    } else {
      discounts.push({ promotionId: d.promotionId, name: d.name, code: d.code, level: d.level, amount: d.amount, lineId: null });
    }
  }
  const merchandiseDiscount = Math.min(Math.max(merchandise, 0), subtotal);
  const shippingDiscount = Math.min(Math.max(promotions.shippingDiscount, 0), shipping);

  const rule = taxRuleFor(rates, input.shipping.destination);
  const taxable = subtotal - merchandiseDiscount + (rule.shippingTaxable ? shipping - shippingDiscount : 0);
  const tax = fractionOf(taxable, rule.rate, BASIS_POINTS);
  const discountTotal = merchandiseDiscount + shippingDiscount;
  return {
    currencyCode,
    lines: lines.map((l) => ({ lineId: l.lineId, lineTotal: l.unitPrice * l.quantity, discountTotal: Math.min(lineDiscounts.get(l.lineId) ?? 0, l.unitPrice * l.quantity) })),
    discounts,
    subtotal,
    merchandiseDiscount,
    shipping,
    shippingDiscount,
    discountTotal,
    tax,
    total: Math.max(subtotal - discountTotal + shipping + tax, 0),
  };
}
