// The checkout's pure rules (checkout.ts), table-tested: what refuses a cart's checkout and where
// the refusal points, the quote as the order snapshots it, and how a handed-back cart merges.
import { describe, expect, it } from 'vitest';
import { globalId } from '../../lib/global-id.js';
import type { CatalogVariant } from './catalog.js';
import { checkCodes, checkExpectedTotal, checkPurchasable, checkShipping, checkoutQuoteOf, lineField, planMerge } from './checkout.js';
import { priceCart } from './pricing.js';
import type { PromotionEvaluation } from './promotions.js';
import { parseRateTables } from './rates.js';
import { CartInputChecker, LIMITS, type StoredLine } from './validation.js';

const variant = (id: string, v: Partial<CatalogVariant> = {}): CatalogVariant => ({
  id,
  sku: `SKU-${id}`,
  title: `Title ${id}`,
  price: { amount: 1000, currencyCode: 'USD' },
  forSale: true,
  available: 10,
  productId: `p-${id}`,
  productName: `Product ${id}`,
  categoryIds: [],
  ...v,
});
const line = (id: string, variantId: string, quantity = 1): StoredLine => ({ id, variantId, quantity, seenUnitPrice: 1000 });

const errorsOf = (check: (c: CartInputChecker) => void) => {
  const c = new CartInputChecker();
  check(c);
  return c.errors.map((e) => ({ code: e.code, field: e.field }));
};

const rates = parseRateTables({
  defaultDestination: { country: 'US', region: 'CA' },
  shipping: {
    USD: { STANDARD: { default: 1499, countries: { US: 599 }, freeOver: 7500 }, EXPRESS: { countries: { US: 1999 } } },
    GBP: { STANDARD: { default: 1299, countries: { GB: 399 } } },
  },
  tax: { US: { rate: 0, regions: { CA: { rate: 725 } } } },
});

const NONE: PromotionEvaluation = { discounts: [], codeResults: [], shippingDiscount: 0, discountTotal: 0 };

describe('what refuses a checkout', () => {
  it('refuses every line whose variant is gone, not for sale, or priced in another currency, naming the line', () => {
    const variants = new Map<string, CatalogVariant | null>([
      ['v1', variant('v1')],
      ['v2', null],
      ['v3', variant('v3', { forSale: false })],
      ['v4', variant('v4', { price: { amount: 1000, currencyCode: 'EUR' } })],
    ]);
    const lines = [line('l1', 'v1'), line('l2', 'v2'), line('l3', 'v3'), line('l4', 'v4')];
    expect(errorsOf((c) => checkPurchasable(c, lines, variants, 'USD'))).toEqual([
      { code: 'VARIANT_NOT_FOUND', field: ['lines', globalId('CartLine', 'l2')] },
      { code: 'VARIANT_UNAVAILABLE', field: ['lines', globalId('CartLine', 'l3')] },
      { code: 'VARIANT_UNAVAILABLE', field: ['lines', globalId('CartLine', 'l4')] },
    ]);
    expect(lineField('l1')).toEqual(['lines', globalId('CartLine', 'l1')]);
  });

  it.each([
    ['STANDARD', 'US', 'USD', null],
    ['STANDARD', 'DE', 'USD', null], // the method's default price
    ['EXPRESS', 'US', 'USD', null],
    ['EXPRESS', 'DE', 'USD', 'SHIPPING_METHOD_UNAVAILABLE'], // no price for DE and no default
    ['EXPRESS', 'GB', 'GBP', 'SHIPPING_METHOD_UNAVAILABLE'], // not offered in GBP at all
    ['STANDARD', 'US', 'EUR', 'CURRENCY_NOT_SUPPORTED'], // no table for the cart's currency
  ] as const)('%s to %s in %s: %s', (method, country, currency, code) => {
    const errors = errorsOf((c) => checkShipping(c, rates, currency, { method, destination: { country } }, ['input', 'shippingMethod']));
    expect(errors).toEqual(code ? [{ code, field: ['input', 'shippingMethod'] }] : []);
  });

  it('refuses each applied code the promotions no longer honour, with their reason, naming the code', () => {
    const evaluation: PromotionEvaluation = {
      ...NONE,
      codeResults: [
        { code: 'SAVE10', applied: true, error: null, message: null },
        { code: 'SUMMER', applied: false, error: 'PROMOTION_EXPIRED', message: 'SUMMER ended on 2025-09-01' },
        { code: 'BIG50', applied: false, error: 'MIN_SUBTOTAL_NOT_MET', message: 'spend 1000.00 more' },
        { code: 'ODD', applied: false, error: 'SOMETHING_NEW', message: null },
      ],
    };
    expect(errorsOf((c) => checkCodes(c, ['SAVE10', 'SUMMER', 'BIG50', 'ODD'], evaluation))).toEqual([
      { code: 'PROMOTION_EXPIRED', field: ['appliedCodes', 'SUMMER'] },
      { code: 'MIN_SUBTOTAL_NOT_MET', field: ['appliedCodes', 'BIG50'] },
      { code: 'NOT_APPLICABLE', field: ['appliedCodes', 'ODD'] },
    ]);
  });

  it('refuses a total other than the one expected, and says both', () => {
    const totals = priceCart({ currencyCode: 'USD', lines: [], promotions: NONE, shipping: { method: 'STANDARD', destination: { country: 'US' } }, rates });
    expect(errorsOf((c) => checkExpectedTotal(c, undefined, totals, ['input', 'expectedTotal']))).toEqual([]);
    expect(errorsOf((c) => checkExpectedTotal(c, 0, totals, ['input', 'expectedTotal']))).toEqual([]);
    const c = new CartInputChecker();
    checkExpectedTotal(c, 1250, { ...totals, total: 1299 }, ['input', 'expectedTotal']);
    expect(c.errors).toEqual([{ code: 'PRICE_CHANGED', field: ['input', 'expectedTotal'], message: 'the cart now costs $12.99 (1299), not the $12.50 (1250) expected' }]);
  });
});

describe('the quote as the checkout takes it', () => {
  it('snapshots the priced lines, one discount per promotion, and priceCart\'s totals', () => {
    const variants = new Map<string, CatalogVariant | null>([
      ['v1', variant('v1', { price: { amount: 1999, currencyCode: 'USD' } })],
      ['v2', variant('v2', { price: { amount: 2500, currencyCode: 'USD' } })],
      ['gone', null],
    ]);
    const lines = [line('l1', 'v1', 2), line('l2', 'v2', 1), line('l3', 'gone', 1)];
    const priced = [
      { lineId: 'l1', variantId: 'v1', productId: 'p-v1', categoryIds: [], unitPrice: 1999, quantity: 2 },
      { lineId: 'l2', variantId: 'v2', productId: 'p-v2', categoryIds: [], unitPrice: 2500, quantity: 1 },
    ];
    const evaluation: PromotionEvaluation = {
      discounts: [
        { promotionId: 'shirts', name: 'Shirts', code: null, level: 'ITEM', discountType: 'AMOUNT', amount: 600, allocations: [{ lineId: 'l1', amount: 600 }] },
        { promotionId: 'save10', name: 'Ten', code: 'SAVE10', level: 'CART', discountType: 'PERCENTAGE', amount: 590, allocations: [{ lineId: 'l1', amount: 340 }, { lineId: 'l2', amount: 250 }] },
        { promotionId: 'ship', name: 'Free shipping', code: null, level: 'CART', discountType: 'FREE_SHIPPING', amount: 599, allocations: [] },
      ],
      codeResults: [],
      shippingDiscount: 599,
      discountTotal: 1789,
    };
    const totals = priceCart({ currencyCode: 'USD', lines: priced, promotions: evaluation, shipping: { method: 'STANDARD', destination: { country: 'US', region: 'CA' } }, rates });
    const quote = checkoutQuoteOf(lines, variants, evaluation, totals);

    expect(quote.lines).toEqual([
      { lineId: 'l1', variantId: 'v1', productId: 'p-v1', sku: 'SKU-v1', productName: 'Product v1', variantTitle: 'Title v1', unitPrice: 1999, quantity: 2, discount: 940, lineTotal: 3998 },
      { lineId: 'l2', variantId: 'v2', productId: 'p-v2', sku: 'SKU-v2', productName: 'Product v2', variantTitle: 'Title v2', unitPrice: 2500, quantity: 1, discount: 250, lineTotal: 2500 },
    ]);
    expect(quote.discounts.map((d) => [d.promotionId, d.code, d.amount])).toEqual([['shirts', null, 600], ['save10', 'SAVE10', 590], ['ship', null, 599]]);
    // subtotal 6498; discounts 600 + 590 + 599 = 1789; shipping 599; tax 7.25% of 6498 − 1190 = 5308 → 385
    expect([quote.subtotal, quote.discountTotal, quote.shipping, quote.tax, quote.total]).toEqual([6498, 1789, 599, 385, 5693]);
    expect(quote.discounts.reduce((sum, d) => sum + d.amount, 0)).toBe(quote.discountTotal);
  });
});

describe('a handed-back cart merging into the newer ACTIVE cart', () => {
  const from = (variantIds: string[], appliedCodes: string[] = [], currency = 'USD') => ({ currency, appliedCodes, lines: variantIds.map((variantId) => ({ variantId })) });

  it('adds the lines of variants the newer cart lacks, in their order, and keeps the newer cart\'s own', () => {
    const plan = planMerge(from(['a', 'b', 'c'], ['SAVE10', 'SHIPFREE']), { currency: 'USD', variantIds: ['b', 'x'], appliedCodes: ['SHIPFREE'] });
    expect(plan).toEqual({ lines: [{ variantId: 'a' }, { variantId: 'c' }], leftOut: [], codes: ['SAVE10'], currency: 'USD' });
  });

  it('adds as many as fit in 100 lines and leaves the rest out', () => {
    const full = Array.from({ length: LIMITS.lines - 2 }, (_, i) => `n${i}`);
    const plan = planMerge(from(['a', 'b', 'c', 'd']), { currency: 'USD', variantIds: full, appliedCodes: [] });
    expect(plan.lines.map((l) => l.variantId)).toEqual(['a', 'b']);
    expect(plan.leftOut.map((l) => l.variantId)).toEqual(['c', 'd']);
    const none = planMerge(from(['a']), { currency: 'USD', variantIds: [...full, 'y', 'z'], appliedCodes: [] });
    expect(none.lines).toEqual([]);
    expect(none.leftOut).toHaveLength(1);
  });

  it('adds no line to a newer cart in another currency, and gives an empty one the lines\' currency', () => {
    expect(planMerge(from(['a'], ['SAVE10'], 'EUR'), { currency: 'USD', variantIds: ['x'], appliedCodes: [] })).toEqual({
      lines: [],
      leftOut: [{ variantId: 'a' }],
      codes: ['SAVE10'],
      currency: 'USD',
    });
    expect(planMerge(from(['a'], [], 'EUR'), { currency: 'USD', variantIds: [], appliedCodes: [] })).toMatchObject({ lines: [{ variantId: 'a' }], currency: 'EUR' });
    expect(planMerge(from([], [], 'EUR'), { currency: 'USD', variantIds: [], appliedCodes: [] }).currency).toBe('USD');
  });
});
