// priceCart, table-driven: every rule of subtotal, discounts, shipping and tax, to the cent.
import { describe, expect, it } from 'vitest';
import { priceCart, PricingError, type PricedLine } from './pricing.js';
import { NO_PROMOTIONS, type PromotionDiscount, type PromotionEvaluation } from './promotions.js';
import { loadRateTables, parseRateTables, type Destination, type ShippingMethod } from './rates.js';

const rates = loadRateTables();
const US_CA: Destination = { country: 'US', region: 'CA' };

const line = (lineId: string, unitPrice: number, quantity: number): PricedLine => ({
  lineId,
  variantId: `v-${lineId}`,
  productId: `p-${lineId}`,
  categoryIds: [],
  unitPrice,
  quantity,
});

const discount = (d: Partial<PromotionDiscount> & Pick<PromotionDiscount, 'amount'>): PromotionDiscount => ({
  promotionId: 'promo-1',
  name: 'Promo',
  code: 'CODE',
  level: 'CART',
  discountType: 'PERCENTAGE',
  allocations: [],
  ...d,
});

const evaluation = (discounts: PromotionDiscount[], shippingDiscount = 0): PromotionEvaluation => ({
  discounts,
  codeResults: [],
  shippingDiscount,
  discountTotal: discounts.reduce((s, d) => s + d.amount, 0),
});

interface Case {
  name: string;
  lines: PricedLine[];
  currency?: string;
  promotions?: PromotionEvaluation;
  method?: ShippingMethod;
  to?: Destination;
  expected: { subtotal: number; discountTotal: number; shipping: number; tax: number; total: number };
}

const cases: Case[] = [
  { name: 'an empty cart costs nothing', lines: [], expected: { subtotal: 0, discountTotal: 0, shipping: 0, tax: 0, total: 0 } },
  {
    name: 'US/CA standard: 7.25% tax on merchandise only, rounded half up (289.855 -> 290)',
    lines: [line('a', 1999, 2)],
    expected: { subtotal: 3998, discountTotal: 0, shipping: 599, tax: 290, total: 4887 },
  },
  {
    name: 'shipping is free from the threshold on (7500 reaches freeOver 7500)',
    lines: [line('a', 2500, 3)],
    expected: { subtotal: 7500, discountTotal: 0, shipping: 0, tax: 544, total: 8044 },
  },
  {
    name: 'one cent under the threshold still pays shipping',
    lines: [line('a', 7499, 1)],
    expected: { subtotal: 7499, discountTotal: 0, shipping: 599, tax: 544, total: 8642 },
  },
  {
    name: 'express ignores the free-shipping threshold of standard',
    lines: [line('a', 10000, 1)],
    method: 'EXPRESS',
    expected: { subtotal: 10000, discountTotal: 0, shipping: 1999, tax: 725, total: 12724 },
  },
  {
    name: 'a cart discount lowers the taxed amount (10% of 3998 = 400; tax on 3598 = 260.855 -> 261)',
    lines: [line('a', 1999, 2)],
    promotions: evaluation([discount({ amount: 400 })]),
    expected: { subtotal: 3998, discountTotal: 400, shipping: 599, tax: 261, total: 4458 },
  },
  {
    name: 'free shipping shows as a discount and leaves untaxed shipping out of tax',
    lines: [line('a', 1000, 1)],
    promotions: evaluation([discount({ discountType: 'FREE_SHIPPING', amount: 599 })], 599),
    expected: { subtotal: 1000, discountTotal: 599, shipping: 599, tax: 73, total: 1073 },
  },
  {
    name: 'a region that taxes shipping (WA 6.5% on 1000 + 599 = 103.935 -> 104)',
    lines: [line('a', 1000, 1)],
    to: { country: 'US', region: 'WA' },
    expected: { subtotal: 1000, discountTotal: 0, shipping: 599, tax: 104, total: 1703 },
  },
  {
    name: 'a region inherits its country\'s shipping rule (Ontario 13% on 1000 + 1299 = 298.87 -> 299)',
    lines: [line('a', 1000, 1)],
    to: { country: 'CA', region: 'ON' },
    expected: { subtotal: 1000, discountTotal: 0, shipping: 1299, tax: 299, total: 2598 },
  },
  {
    name: 'an unlisted region takes its country\'s rate (US default 0%)',
    lines: [line('a', 1000, 1)],
    to: { country: 'US', region: 'OR' },
    expected: { subtotal: 1000, discountTotal: 0, shipping: 599, tax: 0, total: 1599 },
  },
  {
    name: 'an unlisted country ships at the method default and pays no tax',
    lines: [line('a', 1000, 1)],
    to: { country: 'JP' },
    expected: { subtotal: 1000, discountTotal: 0, shipping: 1499, tax: 0, total: 2499 },
  },
  {
    name: 'EUR to Germany: 19% on merchandise and shipping (4499 × 19% = 854.81 -> 855)',
    currency: 'EUR',
    lines: [line('a', 2000, 2)],
    to: { country: 'DE' },
    expected: { subtotal: 4000, discountTotal: 0, shipping: 499, tax: 855, total: 5354 },
  },
  {
    name: 'discounts never exceed the subtotal, so the total is never negative',
    lines: [line('a', 500, 1)],
    promotions: evaluation([discount({ discountType: 'AMOUNT', amount: 2000 })]),
    expected: { subtotal: 500, discountTotal: 500, shipping: 599, tax: 0, total: 599 },
  },
  {
    name: 'a shipping discount never exceeds the shipping',
    lines: [line('a', 1000, 1)],
    promotions: evaluation([], 5000),
    expected: { subtotal: 1000, discountTotal: 599, shipping: 599, tax: 73, total: 1073 },
  },
];

describe('priceCart', () => {
  it.each(cases)('$name', ({ lines, currency, promotions, method, to, expected }) => {
    const totals = priceCart({
      currencyCode: currency ?? 'USD',
      lines,
      promotions: promotions ?? NO_PROMOTIONS,
      shipping: { method: method ?? 'STANDARD', destination: to ?? US_CA },
      rates,
    });
    expect({ subtotal: totals.subtotal, discountTotal: totals.discountTotal, shipping: totals.shipping, tax: totals.tax, total: totals.total }).toEqual(expected);
    expect(totals.total).toBe(totals.subtotal - totals.discountTotal + totals.shipping + totals.tax);
  });

  it('lists item-level discounts per line and totals them on each line', () => {
    const totals = priceCart({
      currencyCode: 'USD',
      lines: [line('a', 1000, 2), line('b', 3000, 1)],
      promotions: evaluation([
        discount({ promotionId: 'p-item', level: 'ITEM', amount: 500, allocations: [{ lineId: 'a', amount: 200 }, { lineId: 'b', amount: 300 }] }),
        discount({ promotionId: 'p-cart', code: null, amount: 100 }),
      ]),
      shipping: { method: 'STANDARD', destination: US_CA },
      rates,
    });
    expect(totals.discounts).toEqual([
      { promotionId: 'p-item', name: 'Promo', code: 'CODE', level: 'ITEM', amount: 200, lineId: 'a' },
      { promotionId: 'p-item', name: 'Promo', code: 'CODE', level: 'ITEM', amount: 300, lineId: 'b' },
      { promotionId: 'p-cart', name: 'Promo', code: null, level: 'CART', amount: 100, lineId: null },
    ]);
    expect(totals.lines).toEqual([
      { lineId: 'a', lineTotal: 2000, discountTotal: 200 },
      { lineId: 'b', lineTotal: 3000, discountTotal: 300 },
    ]);
    expect(totals.discountTotal).toBe(600);
  });

  it.each([
    ['an unknown currency', 'JPY', 'STANDARD', US_CA, 'CURRENCY_NOT_SUPPORTED'],
    ['a method the currency lacks', 'USD', 'OVERNIGHT', US_CA, 'SHIPPING_METHOD_UNKNOWN'],
  ] as const)('refuses %s', (_name, currencyCode, method, destination, code) => {
    const run = () => priceCart({ currencyCode, lines: [line('a', 100, 1)], promotions: NO_PROMOTIONS, shipping: { method: method as ShippingMethod, destination }, rates });
    expect(run).toThrow(PricingError);
    expect(run).toThrow(expect.objectContaining({ code }));
  });

  it('refuses a destination a method does not reach', () => {
    const tables = parseRateTables({
      defaultDestination: { country: 'US' },
      shipping: { USD: { STANDARD: { countries: { US: 500 } } } },
      tax: {},
    });
    expect(() => priceCart({ currencyCode: 'USD', lines: [line('a', 100, 1)], promotions: NO_PROMOTIONS, shipping: { method: 'STANDARD', destination: { country: 'FR' } }, rates: tables })).toThrow(
      expect.objectContaining({ code: 'DESTINATION_NOT_SERVED' }),
    );
  });
});

describe('rate tables', () => {
  it('load the shipped defaults', () => expect(rates.defaultDestination).toEqual(US_CA));

  it('refuse a table whose STANDARD shipping does not reach the default destination', () => {
    expect(() =>
      parseRateTables({ defaultDestination: { country: 'FR' }, shipping: { USD: { STANDARD: { countries: { US: 500 } } } }, tax: {} }),
    ).toThrow(/shipping\.USD\.STANDARD: must price the default destination FR/);
  });

  it('refuse bad currencies, countries and rates', () => {
    expect(() =>
      parseRateTables({ defaultDestination: { country: 'US' }, shipping: { XXY: { STANDARD: { default: 1 } } }, tax: { usa: { rate: 20_000 } } }),
    ).toThrow(/XXY|usa|rate/);
  });
});
