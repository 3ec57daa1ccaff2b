// A subscription period's price spread over its order's lines. Pure.
//
// A plan has one price for the period (shipping and tax included); the order still snapshots
// each line with a unit price, so that it reads like any order. Rules:
// - each line's share of the amount is proportional to its catalog price × quantity (equal
//   weights by quantity when everything is free), rounded by largest remainder (ties to the
//   earlier line), so the shares add up to the amount exactly;
// - the line's unit price is its share per unit, rounded up, and the line's discount is what the
//   rounding added (unit price × quantity − share, under one unit price per unit);
// - so subtotal − discounts = the amount, shipping and tax are 0, and the total is the amount.

export interface PeriodLineIn {
  /** The catalog's price per unit (minor units), the weight of the line. */
  catalogUnitPrice: number;
  quantity: number;
}

export interface PeriodLineOut {
  unitPrice: number;
  quantity: number;
  discount: number;
  /** unitPrice × quantity, before the discount (as in the cart). */
  lineTotal: number;
  /** What the line costs: lineTotal − discount. */
  share: number;
}

export interface PeriodTotals {
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  taxTotal: number;
  total: number;
}

/** Splits `amount` into shares proportional to `weights`, exactly (largest remainder). */
export function apportion(amount: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`amount ${amount} is not a whole number ≥ 0`);
  if (weights.length === 0) throw new RangeError('nothing to spread the amount over');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError('weights must be whole numbers ≥ 0');
  const total = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  // Products of amounts and weights pass 2^53, so they are worked out in BigInt.
  const exact = weights.map((w) => (total === 0n ? { share: 0n, rest: 0n } : { share: (BigInt(amount) * BigInt(w)) / total, rest: (BigInt(amount) * BigInt(w)) % total }));
  const shares = exact.map((e) => Number(e.share));
  let left = amount - shares.reduce((sum, s) => sum + s, 0);
  const byRemainder = exact.map((e, i) => ({ rest: e.rest, i })).sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  for (const { i } of byRemainder) {
    if (left === 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}

/** The period's lines priced so that their totals come to `amount` exactly. */
export function spreadPeriodAmount(amount: number, lines: readonly PeriodLineIn[]): { lines: PeriodLineOut[]; totals: PeriodTotals } {
  if (lines.some((l) => !Number.isInteger(l.quantity) || l.quantity < 1)) throw new RangeError('quantities must be whole numbers ≥ 1');
  const weights = lines.map((l) => l.catalogUnitPrice * l.quantity);
  const shares = apportion(amount, weights.every((w) => w === 0) ? lines.map((l) => l.quantity) : weights);
  const priced = lines.map((l, i) => {
    const share = shares[i]!;
    const unitPrice = Math.ceil(share / l.quantity);
    const lineTotal = unitPrice * l.quantity;
    return { unitPrice, quantity: l.quantity, discount: lineTotal - share, lineTotal, share };
  });
  const subtotal = priced.reduce((sum, l) => sum + l.lineTotal, 0);
  const discountTotal = priced.reduce((sum, l) => sum + l.discount, 0);
  return { lines: priced, totals: { subtotal, discountTotal, shippingTotal: 0, taxTotal: 0, total: subtotal - discountTotal } };
}
