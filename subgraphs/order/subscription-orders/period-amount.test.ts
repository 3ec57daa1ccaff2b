// The period's amount over its lines, table-tested: exact to the cent, proportional to catalog
// price × quantity, largest remainder, unit prices rounded up with the difference as discount.
import { describe, expect, it } from 'vitest';
import { apportion, spreadPeriodAmount } from './period-amount.js';

describe('apportion', () => {
  it.each([
    { amount: 100, weights: [1, 1, 1], shares: [34, 33, 33] },
    { amount: 100, weights: [2, 1], shares: [67, 33] },
    { amount: 1, weights: [1, 1], shares: [1, 0] },
    { amount: 0, weights: [5, 7], shares: [0, 0] },
    { amount: 999, weights: [0, 3], shares: [0, 999] },
    { amount: 10, weights: [1, 2, 3, 4], shares: [1, 2, 3, 4] },
    { amount: 7, weights: [3, 3, 1], shares: [3, 3, 1] },
    // The second line's remainder (0.5) beats the first's (0.25).
    { amount: 5, weights: [1, 2, 1], shares: [1, 3, 1] },
  ])('$amount over $weights is $shares', ({ amount, weights, shares }) => {
    expect(apportion(amount, weights)).toEqual(shares);
  });

  it('stays exact where amount × weight passes 2^53', () => {
    const shares = apportion(9_007_199_254_740, [99_999_999 * 999, 1, 12_345]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(9_007_199_254_740);
  });

  it('refuses what cannot be spread', () => {
    expect(() => apportion(-1, [1])).toThrow(RangeError);
    expect(() => apportion(1.5, [1])).toThrow(RangeError);
    expect(() => apportion(10, [])).toThrow(RangeError);
    expect(() => apportion(10, [-1, 2])).toThrow(RangeError);
  });
});

describe('spreadPeriodAmount', () => {
  const view = (amount: number, lines: { catalogUnitPrice: number; quantity: number }[]) => spreadPeriodAmount(amount, lines);

  it('keeps catalog prices when the amount is their sum', () => {
    const { lines, totals } = view(3500, [
      { catalogUnitPrice: 1000, quantity: 2 },
      { catalogUnitPrice: 1500, quantity: 1 },
    ]);
    expect(lines.map((l) => [l.unitPrice, l.quantity, l.lineTotal, l.discount])).toEqual([
      [1000, 2, 2000, 0],
      [1500, 1, 1500, 0],
    ]);
    expect(totals).toEqual({ subtotal: 3500, discountTotal: 0, shippingTotal: 0, taxTotal: 0, total: 3500 });
  });

  it('spreads a price that does not divide evenly, to the cent', () => {
    // Weights 2500×2 = 5000 and 1000×3 = 3000 of 8000: shares 2499.375 → 2499 and 1499.625 → 1500.
    const { lines, totals } = view(3999, [
      { catalogUnitPrice: 2500, quantity: 2 },
      { catalogUnitPrice: 1000, quantity: 3 },
    ]);
    expect(lines.map((l) => [l.share, l.unitPrice, l.lineTotal, l.discount])).toEqual([
      [2499, 1250, 2500, 1],
      [1500, 500, 1500, 0],
    ]);
    expect(totals).toEqual({ subtotal: 4000, discountTotal: 1, shippingTotal: 0, taxTotal: 0, total: 3999 });
  });

  it('prices free items by quantity, and a free period at zero', () => {
    expect(view(10, [{ catalogUnitPrice: 0, quantity: 3 }, { catalogUnitPrice: 0, quantity: 1 }]).lines.map((l) => l.share)).toEqual([8, 2]);
    const free = view(0, [{ catalogUnitPrice: 500, quantity: 2 }]);
    expect(free.lines[0]).toMatchObject({ unitPrice: 0, lineTotal: 0, discount: 0 });
    expect(free.totals.total).toBe(0);
  });

  it.each([
    [1, [{ catalogUnitPrice: 700, quantity: 7 }, { catalogUnitPrice: 1, quantity: 999 }]],
    [12_345, [{ catalogUnitPrice: 333, quantity: 3 }, { catalogUnitPrice: 333, quantity: 3 }, { catalogUnitPrice: 1, quantity: 1 }]],
    [99_999, [{ catalogUnitPrice: 4999, quantity: 999 }]],
    [5, [{ catalogUnitPrice: 100, quantity: 7 }]],
  ])('holds every invariant for %i', (amount, lines) => {
    const spread = view(amount, lines);
    expect(spread.totals.total).toBe(amount);
    for (const l of spread.lines) {
      expect(l.lineTotal).toBe(l.unitPrice * l.quantity);
      expect(l.discount).toBeGreaterThanOrEqual(0);
      expect(l.discount).toBeLessThan(Math.max(l.quantity, 1));
      expect(l.lineTotal - l.discount).toBe(l.share);
    }
    expect(spread.totals.subtotal - spread.totals.discountTotal).toBe(amount);
  });
});
