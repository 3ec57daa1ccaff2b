// The cart's pure rules: input checks, what may go into which cart, and the warnings.
import { describe, expect, it } from 'vitest';
import type { CatalogVariant } from './catalog.js';
import { CartInputChecker, codeWarnings, priceableLines, refuseCode } from './validation.js';

const variant = (v: Partial<CatalogVariant> = {}): CatalogVariant => ({
  id: 'v1',
  sku: 'SKU-1',
  title: 'One',
  price: { amount: 1000, currencyCode: 'USD' },
  forSale: true,
  available: 10,
  productId: 'p1',
  productName: 'Product one',
  categoryIds: ['c1'],
  ...v,
});
const codesOf = (errors: { code: string }[]) => errors.map((e) => e.code);

const checked = (check: (c: CartInputChecker) => unknown) => {
  const c = new CartInputChecker();
  const value = check(c);
  return { value, codes: codesOf(c.errors) };
};

describe('quantity', () => {
  it.each([
    [1, []],
    [999, []],
    [0, ['QUANTITY_OUT_OF_RANGE']],
    [1000, ['QUANTITY_OUT_OF_RANGE']],
    [-3, ['QUANTITY_OUT_OF_RANGE']],
    [1.5, ['QUANTITY_OUT_OF_RANGE']],
  ])('%s -> %j', (q, expected) => expect(checked((c) => c.quantity(q)).codes).toEqual(expected));
});

describe('promotionCode', () => {
  it.each([
    [' save10 ', 'SAVE10'],
    ['Summer-2026', 'SUMMER-2026'],
  ])('%j -> %j', (raw, expected) => expect(checked((c) => c.promotionCode(raw))).toEqual({ value: expected, codes: [] }));
  it.each([
    ['', 'INVALID_INPUT'],
    ['two words', 'INVALID_INPUT'],
    ['X'.repeat(65), 'TOO_LONG'],
  ])('refuses %j with %s', (raw, code) => expect(checked((c) => c.promotionCode(raw))).toEqual({ value: null, codes: [code] }));
});

describe('affiliateCode', () => {
  it('keeps nothing for blank, upper-cases the rest, refuses the too long', () => {
    expect(checked((c) => c.affiliateCode(undefined))).toEqual({ value: null, codes: [] });
    expect(checked((c) => c.affiliateCode('  '))).toEqual({ value: null, codes: [] });
    expect(checked((c) => c.affiliateCode(' partner-1 '))).toEqual({ value: 'PARTNER-1', codes: [] });
    expect(checked((c) => c.affiliateCode('x'.repeat(65))).codes).toEqual(['TOO_LONG']);
  });
});

describe('a checkout\'s shipping choice and id', () => {
  it.each([
    ['STANDARD', 'STANDARD', []],
    [' express ', 'EXPRESS', []],
    ['DRONE', null, ['SHIPPING_METHOD_UNAVAILABLE']],
  ])('method %j -> %j', (raw, value, codes) => expect(checked((c) => c.shippingMethod(raw, ['shippingMethod']))).toEqual({ value, codes }));

  it.each([
    [{ country: 'us', region: ' ca ' }, { country: 'US', region: 'CA' }, []],
    [{ country: 'DE' }, { country: 'DE', region: null }, []],
    [{ country: 'DE', region: '' }, { country: 'DE', region: null }, []],
    [{ country: 'USA' }, null, ['INVALID_INPUT']],
    [{ country: 'US', region: 'X'.repeat(65) }, null, ['TOO_LONG']],
  ])('destination %j -> %j', (raw, value, codes) => expect(checked((c) => c.destination(raw, ['destination']))).toEqual({ value, codes }));

  it('takes an order\'s row id as the checkout', () => {
    expect(checked((c) => c.checkoutId('0190f3a2-7c1e-7d4a-9b1e-2f3a4b5c6d7e', ['checkoutId'])).codes).toEqual([]);
    expect(checked((c) => c.checkoutId('order-1', ['checkoutId'])).codes).toEqual(['INVALID_INPUT']);
  });
});

describe('variant and currency', () => {
  const currencies = new Set(['USD', 'EUR']);
  it.each([
    ['unknown', null, ['VARIANT_NOT_FOUND']],
    ['not for sale', variant({ forSale: false }), ['VARIANT_UNAVAILABLE']],
    ['in a currency the shop does not sell in', variant({ price: { amount: 100, currencyCode: 'JPY' } }), ['CURRENCY_NOT_SUPPORTED']],
    ['out of stock (a warning, not an error)', variant({ available: 0 }), []],
    ['for sale', variant(), []],
  ])('a variant %s', (_name, v, expected) => {
    const result = checked((c) => c.variant(v, currencies));
    expect(result.codes).toEqual(expected);
  });

  it('lets an empty cart take any currency, and a filled one only its own', () => {
    expect(checked((c) => c.currency('USD', false, 'EUR')).codes).toEqual([]);
    expect(checked((c) => c.currency('USD', true, 'USD')).codes).toEqual([]);
    expect(checked((c) => c.currency('USD', true, 'EUR')).codes).toEqual(['CURRENCY_MISMATCH']);
  });
});

describe('refuseCode passes the promotion reason through', () => {
  it.each([
    ['PROMOTION_EXPIRED', 'PROMOTION_EXPIRED'],
    ['USAGE_LIMIT_REACHED', 'USAGE_LIMIT_REACHED'],
    ['NOT_COMBINABLE', 'NOT_COMBINABLE'],
    ['SOMETHING_NEW', 'NOT_APPLICABLE'],
  ])('%s -> %s', (error, code) => {
    expect(() => refuseCode({ code: 'X', applied: false, error, message: 'why' }, 'X')).toThrow(
      expect.objectContaining({ userErrors: [{ code, message: 'why', field: ['code'] }] }),
    );
  });
});

describe('priceableLines', () => {
  const line = (id: string, variantId: string, quantity: number, seenUnitPrice = 1000) => ({ id, variantId, quantity, seenUnitPrice });

  it('prices lines for sale in the cart currency and warns about the rest', () => {
    const variants = new Map<string, CatalogVariant | null>([
      ['ok', variant({ id: 'ok' })],
      ['gone', null],
      ['hidden', variant({ id: 'hidden', forSale: false })],
      ['euro', variant({ id: 'euro', price: { amount: 1000, currencyCode: 'EUR' } })],
      ['empty', variant({ id: 'empty', available: 0 })],
      ['short', variant({ id: 'short', available: 2 })],
      ['dearer', variant({ id: 'dearer', price: { amount: 1200, currencyCode: 'USD' } })],
    ]);
    const { priced, warnings } = priceableLines(
      [line('l1', 'ok', 1), line('l2', 'gone', 1), line('l3', 'hidden', 1), line('l4', 'euro', 1), line('l5', 'empty', 1), line('l6', 'short', 3), line('l7', 'dearer', 1)],
      variants,
      'USD',
    );
    expect(priced.map((p) => p.lineId)).toEqual(['l1', 'l5', 'l6', 'l7']);
    expect(priced[0]).toEqual({ lineId: 'l1', variantId: 'ok', productId: 'p1', categoryIds: ['c1'], unitPrice: 1000, quantity: 1 });
    expect(warnings.map((w) => [w.code, w.lineId, w.available ?? null])).toEqual([
      ['UNAVAILABLE', 'l2', null],
      ['UNAVAILABLE', 'l3', null],
      ['UNAVAILABLE', 'l4', null],
      ['OUT_OF_STOCK', 'l5', 0],
      ['INSUFFICIENT_STOCK', 'l6', 2],
      ['PRICE_CHANGED', 'l7', null],
    ]);
    expect(warnings.at(-1)!.previousUnitPrice).toEqual({ amount: 1000, currencyCode: 'USD' });
  });
});

describe('codeWarnings', () => {
  it('warns about applied codes the promotions no longer honour', () => {
    const warnings = codeWarnings(['A', 'B'], [
      { code: 'A', applied: true, error: null, message: null },
      { code: 'B', applied: false, error: 'MIN_SUBTOTAL_NOT_MET', message: 'spend 50.00 more' },
    ]);
    expect(warnings).toEqual([{ code: 'PROMOTION_NOT_APPLIED', promotionCode: 'B', message: 'spend 50.00 more' }]);
  });
});
