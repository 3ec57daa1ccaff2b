// The promotion engine's rules, one table per rule (see the comment at the top of promotion-engine.ts).
import { describe, expect, it } from 'vitest';
import { allocateProportionally, evaluatePromotions, type CartLine, type EvaluationInput, type PromotionRule } from './promotion-engine.js';
import { PROMOTION_DEFAULTS } from './validation.js';

const NOW = new Date('2026-11-24T12:00:00Z');

const line = (lineId: string, unitPrice: number, quantity = 1, more: Partial<CartLine> = {}): CartLine => ({
  lineId,
  variantId: `v-${lineId}`,
  productId: `p-${lineId}`,
  categoryIds: [],
  unitPrice,
  quantity,
  ...more,
});

let nextId = 0;
function promo(more: Partial<PromotionRule> = {}): PromotionRule {
  nextId += 1;
  return {
    ...PROMOTION_DEFAULTS,
    id: more.id ?? `promo-${String(nextId).padStart(3, '0')}`,
    name: more.name ?? `Promotion ${nextId}`,
    value: 10,
    uses: 0,
    personUses: 0,
    ...more,
  };
}

function evaluate(more: Partial<EvaluationInput>) {
  return evaluatePromotions({
    lines: [line('a', 1000)],
    currency: 'USD',
    shippingAmount: 0,
    promotions: [],
    codes: [],
    now: NOW,
    personId: 'person-1',
    ...more,
  });
}

const amounts = (r: ReturnType<typeof evaluate>) => r.discounts.map((d) => [d.promotionId, d.amount]);

describe('allocateProportionally (largest remainder, ties to the earlier line)', () => {
  it.each([
    { amount: 100, weights: [100, 100, 100], expected: [34, 33, 33] },
    { amount: 10, weights: [500, 300, 200], expected: [5, 3, 2] },
    { amount: 7, weights: [1000, 1000], expected: [4, 3] },
    { amount: 1, weights: [1, 3], expected: [0, 1] },
    { amount: 5, weights: [0, 3, 2], expected: [0, 3, 2] },
    { amount: 0, weights: [3, 2], expected: [0, 0] },
    { amount: 3, weights: [0, 0], expected: [0, 0] },
    { amount: 999, weights: [333, 333, 334], expected: [333, 333, 333] },
  ])('$amount over $weights -> $expected', ({ amount, weights, expected }) => {
    const shares = allocateProportionally(amount, weights);
    expect(shares).toEqual(expected);
    if (weights.some((w) => w > 0)) expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
    shares.forEach((s, i) => expect(s).toBeLessThanOrEqual(weights[i]!));
  });

  it('stays exact beyond 2^53', () => {
    const shares = allocateProportionally(999_999_999_999, [999_000_000_000, 999_000_000_001]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(999_999_999_999);
  });

  it('refuses to allocate more than the weights', () => {
    expect(() => allocateProportionally(10, [3, 4])).toThrow(RangeError);
  });
});

describe('amounts: percentage rounds half up, amount caps at what is left, free shipping takes the shipping', () => {
  it.each([
    { name: '10% of 1000', p: { value: 10 }, lines: [line('a', 1000)], shipping: 0, expected: 100 },
    { name: '15% of 1003 = 150.45 -> 150', p: { value: 15 }, lines: [line('a', 1003)], shipping: 0, expected: 150 },
    { name: '15% of 1010 = 151.5 -> 152', p: { value: 15 }, lines: [line('a', 1010)], shipping: 0, expected: 152 },
    { name: '100% of everything', p: { value: 100 }, lines: [line('a', 999, 3)], shipping: 500, expected: 2997 },
    { name: '5.00 off a 30.00 cart', p: { discountType: 'AMOUNT' as const, value: 500 }, lines: [line('a', 1000, 3)], shipping: 0, expected: 500 },
    { name: '50.00 off a 30.00 cart takes 30.00, never more', p: { discountType: 'AMOUNT' as const, value: 5000 }, lines: [line('a', 1000, 3)], shipping: 0, expected: 3000 },
    { name: 'free shipping', p: { discountType: 'FREE_SHIPPING' as const, value: 0 }, lines: [line('a', 1000)], shipping: 799, expected: 799 },
  ])('$name', ({ p, lines, shipping, expected }) => {
    const result = evaluate({ lines, shippingAmount: shipping, promotions: [promo(p)] });
    expect(result.discountTotal).toBe(expected);
    expect(result.discounts[0]!.amount).toBe(expected);
  });

  it('ITEM-level AMOUNT takes the value off each targeted unit, capped at the line', () => {
    const p = promo({ discountType: 'AMOUNT', value: 300, level: 'ITEM', targetProductIds: ['p-a', 'p-b'] });
    const result = evaluate({ lines: [line('a', 1000, 2), line('b', 200, 1), line('c', 5000)], promotions: [p] });
    expect(result.discounts[0]!.allocations).toEqual([
      { lineId: 'a', amount: 600 },
      { lineId: 'b', amount: 200 },
    ]);
    expect(result.discountTotal).toBe(800);
  });

  it('ITEM-level PERCENTAGE discounts only the targeted lines (by product, variant or category)', () => {
    const p = promo({ value: 50, level: 'ITEM', targetProductIds: ['p-a'], targetVariantIds: ['v-b'], targetCategoryIds: ['shoes'] });
    const lines = [line('a', 1000), line('b', 2000), line('c', 4000, 1, { categoryIds: ['hats', 'shoes'] }), line('d', 8000)];
    const result = evaluate({ lines, promotions: [p] });
    expect(result.discounts[0]!.allocations).toEqual([
      { lineId: 'a', amount: 500 },
      { lineId: 'b', amount: 1000 },
      { lineId: 'c', amount: 2000 },
    ]);
  });

  it('FREE_SHIPPING has no line allocations and feeds shippingDiscount', () => {
    const result = evaluate({ shippingAmount: 650, promotions: [promo({ discountType: 'FREE_SHIPPING', value: 0 }), promo({ value: 10 })] });
    expect(result.shippingDiscount).toBe(650);
    expect(result.discountTotal).toBe(750);
    expect(result.discounts.find((d) => d.discountType === 'FREE_SHIPPING')!.allocations).toEqual([]);
  });

  it('a second free shipping finds nothing left and adds no discount', () => {
    const result = evaluate({ shippingAmount: 650, promotions: [promo({ discountType: 'FREE_SHIPPING', value: 0 }), promo({ discountType: 'FREE_SHIPPING', value: 0 })] });
    expect(result.discounts).toHaveLength(1);
    expect(result.shippingDiscount).toBe(650);
  });
});

describe('allocation of cart-level discounts across lines', () => {
  it.each([
    { name: 'proportional to line totals', lines: [line('a', 3000), line('b', 1000)], p: { discountType: 'AMOUNT' as const, value: 1000 }, expected: [750, 250] },
    { name: 'largest remainder, ties to the earlier line', lines: [line('a', 100), line('b', 100), line('c', 100)], p: { discountType: 'AMOUNT' as const, value: 100 }, expected: [34, 33, 33] },
    { name: 'percentage is computed on the total, then split', lines: [line('a', 333), line('b', 333), line('c', 334)], p: { value: 10 }, expected: [33, 33, 34] },
    { name: 'quantity counts in the weight', lines: [line('a', 100, 3), line('b', 100)], p: { discountType: 'AMOUNT' as const, value: 100 }, expected: [75, 25] },
  ])('$name', ({ lines, p, expected }) => {
    const result = evaluate({ lines, promotions: [promo(p)] });
    const discount = result.discounts[0]!;
    expect(lines.map((l) => discount.allocations.find((a) => a.lineId === l.lineId)?.amount ?? 0)).toEqual(expected);
    expect(discount.allocations.reduce((s, a) => s + a.amount, 0)).toBe(discount.amount);
  });

  it('is deterministic: the same input gives the same allocations', () => {
    const input = { lines: [line('a', 777, 3), line('b', 1234), line('c', 99, 7)], promotions: [promo({ discountType: 'AMOUNT', value: 1001 }), promo({ value: 13 })] };
    expect(evaluate(input)).toEqual(evaluate(input));
  });
});

describe('order of application: ITEM before CART, PERCENTAGE before AMOUNT, then priority, then id', () => {
  it('applies item-level first, so the cart-level percentage sees the reduced line', () => {
    const item = promo({ id: 'b-item', discountType: 'AMOUNT', value: 200, level: 'ITEM', targetProductIds: ['p-a'] });
    const cart = promo({ id: 'a-cart', value: 10 });
    const result = evaluate({ lines: [line('a', 1000), line('b', 1000)], promotions: [cart, item] });
    expect(amounts(result)).toEqual([
      ['b-item', 200],
      ['a-cart', 180],
    ]);
  });

  it('applies percentage before a fixed amount at the same level', () => {
    const fixed = promo({ id: 'a-fixed', discountType: 'AMOUNT', value: 1000 });
    const percent = promo({ id: 'b-percent', value: 10 });
    expect(amounts(evaluate({ lines: [line('a', 10000)], promotions: [fixed, percent] }))).toEqual([
      ['b-percent', 1000],
      ['a-fixed', 1000],
    ]);
  });

  it('compounds stacked percentages (10% then 10% takes 19%)', () => {
    const result = evaluate({ lines: [line('a', 10000)], promotions: [promo({ value: 10 }), promo({ value: 10 })] });
    expect(result.discountTotal).toBe(1900);
  });

  it.each([
    { name: 'higher priority first', first: { id: 'z', priority: 5 }, second: { id: 'a', priority: 1 }, order: ['z', 'a'] },
    { name: 'same priority: lower id first', first: { id: 'b', priority: 0 }, second: { id: 'a', priority: 0 }, order: ['a', 'b'] },
  ])('$name', ({ first, second, order }) => {
    const result = evaluate({ lines: [line('a', 10000)], promotions: [promo({ ...first, value: 50 }), promo({ ...second, value: 10 })] });
    expect(result.discounts.map((d) => d.promotionId)).toEqual(order);
  });

  it('never takes a line below zero, whatever stacks', () => {
    const promotions = [
      promo({ discountType: 'AMOUNT', value: 900, level: 'ITEM', targetProductIds: ['p-a'] }),
      promo({ value: 50 }),
      promo({ discountType: 'AMOUNT', value: 100_000 }),
      promo({ discountType: 'AMOUNT', value: 100_000 }),
    ];
    const lines = [line('a', 1000), line('b', 333, 3)];
    const result = evaluate({ lines, promotions, shippingAmount: 500 });
    expect(result.discountTotal).toBe(1999);
    for (const l of lines) {
      const taken = result.discounts.flatMap((d) => d.allocations).filter((a) => a.lineId === l.lineId).reduce((s, a) => s + a.amount, 0);
      expect(taken).toBe(l.unitPrice * l.quantity);
    }
    expect(result.shippingDiscount).toBe(0);
    expect(result.discounts.every((d) => d.amount > 0)).toBe(true);
  });
});

describe('combination: the stack of stackables against each exclusive alone', () => {
  it.each([
    {
      name: 'an exclusive worth more than the stack wins',
      promotions: [promo({ id: 's1', value: 10 }), promo({ id: 's2', discountType: 'AMOUNT', value: 100 }), promo({ id: 'x1', value: 30, stackable: false })],
      winners: ['x1'],
    },
    {
      name: 'the stack wins when it is worth more',
      promotions: [promo({ id: 's1', value: 20 }), promo({ id: 's2', value: 20 }), promo({ id: 'x1', value: 30, stackable: false })],
      winners: ['s1', 's2'],
    },
    {
      name: 'a tie goes to the stack',
      promotions: [promo({ id: 's1', discountType: 'AMOUNT', value: 300 }), promo({ id: 'x1', discountType: 'AMOUNT', value: 300, stackable: false })],
      winners: ['s1'],
    },
    {
      name: 'between exclusives, the larger wins',
      promotions: [promo({ id: 'x1', value: 10, stackable: false }), promo({ id: 'x2', value: 25, stackable: false })],
      winners: ['x2'],
    },
    {
      name: 'equal exclusives: higher priority',
      promotions: [promo({ id: 'x1', value: 10, stackable: false }), promo({ id: 'x2', value: 10, stackable: false, priority: 3 })],
      winners: ['x2'],
    },
    {
      name: 'equal exclusives, equal priority: lower id',
      promotions: [promo({ id: 'x2', value: 10, stackable: false }), promo({ id: 'x1', value: 10, stackable: false })],
      winners: ['x1'],
    },
    {
      name: 'two exclusives never combine',
      promotions: [promo({ id: 'x1', discountType: 'FREE_SHIPPING', value: 0, stackable: false }), promo({ id: 'x2', value: 10, stackable: false })],
      winners: ['x1'],
    },
  ])('$name', ({ promotions, winners }) => {
    const result = evaluate({ lines: [line('a', 10000)], shippingAmount: 1500, promotions });
    expect(result.discounts.map((d) => d.promotionId)).toEqual(winners);
  });

  it('refuses the losing codes with NOT_COMBINABLE and applies the winner', () => {
    const promotions = [promo({ code: 'TEN', value: 10 }), promo({ code: 'BIG', value: 40, stackable: false }), promo({ code: 'SHIP', discountType: 'FREE_SHIPPING', value: 0 })];
    const result = evaluate({ lines: [line('a', 10000)], shippingAmount: 500, promotions, codes: ['ten', 'big', 'ship'] });
    expect(result.codeResults.map((r) => [r.code, r.applied, r.error])).toEqual([
      ['TEN', false, 'NOT_COMBINABLE'],
      ['BIG', true, null],
      ['SHIP', false, 'NOT_COMBINABLE'],
    ]);
    expect(result.codeResults[0]!.message).toContain('BIG');
  });

  it('an exclusive automatic promotion can push a code out', () => {
    const promotions = [promo({ name: 'Black Friday', value: 50, stackable: false }), promo({ code: 'TEN', value: 10 })];
    const result = evaluate({ promotions, codes: ['TEN'] });
    expect(result.codeResults[0]).toMatchObject({ applied: false, error: 'NOT_COMBINABLE' });
    expect(result.discountTotal).toBe(500);
  });

  it('an exclusive that earns nothing still applies when nothing else is eligible', () => {
    const result = evaluate({ shippingAmount: 0, promotions: [promo({ code: 'SHIP', discountType: 'FREE_SHIPPING', value: 0, stackable: false })], codes: ['SHIP'] });
    expect(result.codeResults[0]).toMatchObject({ applied: true, error: null });
    expect(result.discounts).toEqual([]);
    expect(result.discountTotal).toBe(0);
  });
});

describe('eligibility: each refusal, in order', () => {
  const base = { code: 'CODE' };
  it.each([
    { name: 'unknown code', p: null, error: 'PROMOTION_NOT_FOUND' },
    { name: 'inactive', p: { active: false }, error: 'PROMOTION_NOT_FOUND' },
    { name: 'not started yet', p: { validFrom: new Date('2026-12-01T00:00:00Z') }, error: 'PROMOTION_NOT_YET_VALID' },
    { name: 'started exactly now', p: { validFrom: NOW }, error: null },
    { name: 'ended', p: { validTo: new Date('2026-11-01T00:00:00Z') }, error: 'PROMOTION_EXPIRED' },
    { name: 'ends exactly now (validTo exclusive)', p: { validTo: NOW }, error: 'PROMOTION_EXPIRED' },
    { name: 'inactive beats expired', p: { active: false, validTo: new Date('2026-11-01T00:00:00Z') }, error: 'PROMOTION_NOT_FOUND' },
    { name: 'used up', p: { maxRedemptions: 10, uses: 10 }, error: 'USAGE_LIMIT_REACHED' },
    { name: 'one use left', p: { maxRedemptions: 10, uses: 9 }, error: null },
    { name: 'used up by this person', p: { maxRedemptionsPerPerson: 1, personUses: 1 }, error: 'USAGE_LIMIT_REACHED' },
    { name: 'wrong currency', p: { currency: 'EUR' }, error: 'NOT_APPLICABLE' },
    { name: 'right currency', p: { currency: 'USD' }, error: null },
    { name: 'no targeted line', p: { level: 'ITEM' as const, targetProductIds: ['other'] }, error: 'NOT_APPLICABLE' },
    { name: 'below min subtotal', p: { minSubtotal: 1001 }, error: 'MIN_SUBTOTAL_NOT_MET' },
    { name: 'exactly the min subtotal', p: { minSubtotal: 1000 }, error: null },
    { name: 'expired beats min subtotal', p: { minSubtotal: 5000, validTo: new Date('2026-11-01T00:00:00Z') }, error: 'PROMOTION_EXPIRED' },
  ])('$name -> $error', ({ p, error }) => {
    const result = evaluate({ promotions: p ? [promo({ ...base, ...p })] : [], codes: ['code'] });
    expect(result.codeResults).toHaveLength(1);
    expect(result.codeResults[0]).toMatchObject({ code: 'CODE', applied: error === null, error });
    if (error) expect(result.codeResults[0]!.message).toBeTruthy();
    expect(result.discountTotal).toBe(error ? 0 : 100);
  });

  it('ignores the per-person limit for anonymous shoppers (checkout enforces it)', () => {
    const result = evaluate({ personId: null, promotions: [promo({ code: 'ONCE', maxRedemptionsPerPerson: 1, personUses: 1 })], codes: ['ONCE'] });
    expect(result.codeResults[0]!.applied).toBe(true);
  });

  it('refuses every promotion on an empty cart', () => {
    const result = evaluate({ lines: [], promotions: [promo({ code: 'TEN' }), promo()], codes: ['TEN'] });
    expect(result.codeResults[0]!.error).toBe('NOT_APPLICABLE');
    expect(result.discounts).toEqual([]);
  });

  it('min subtotal is measured before any discount', () => {
    const promotions = [promo({ id: 'a', discountType: 'AMOUNT', value: 500 }), promo({ id: 'b', code: 'MIN', value: 10, minSubtotal: 1000 })];
    const result = evaluate({ promotions, codes: ['MIN'] });
    expect(result.codeResults[0]!.applied).toBe(true);
  });

  it('skips ineligible automatic promotions silently', () => {
    const result = evaluate({ promotions: [promo({ minSubtotal: 5000 }), promo({ id: 'ok', value: 20 })] });
    expect(amounts(result)).toEqual([['ok', 200]]);
    expect(result.codeResults).toEqual([]);
  });
});

describe('codes', () => {
  it('match case-insensitively and trimmed, one result per input code in order (repeats included)', () => {
    const promotions = [promo({ code: 'SAVE10' }), promo({ code: 'SHIP', discountType: 'FREE_SHIPPING', value: 0 })];
    const result = evaluate({ shippingAmount: 300, promotions, codes: [' save10 ', 'nope', 'Ship', 'SAVE10'] });
    expect(result.codeResults.map((r) => [r.code, r.applied, r.error])).toEqual([
      ['SAVE10', true, null],
      ['NOPE', false, 'PROMOTION_NOT_FOUND'],
      ['SHIP', true, null],
      ['SAVE10', true, null],
    ]);
    expect(result.discounts).toHaveLength(2);
  });

  it('a code promotion the shopper did not give never applies', () => {
    expect(evaluate({ promotions: [promo({ code: 'SECRET' })] }).discounts).toEqual([]);
  });

  it('reports the code and name on each discount', () => {
    const result = evaluate({ promotions: [promo({ id: 'p1', name: 'Ten off', code: 'TEN' })], codes: ['ten'] });
    expect(result.discounts).toEqual([
      { promotionId: 'p1', name: 'Ten off', code: 'TEN', level: 'CART', discountType: 'PERCENTAGE', amount: 100, allocations: [{ lineId: 'a', amount: 100 }] },
    ]);
  });
});
