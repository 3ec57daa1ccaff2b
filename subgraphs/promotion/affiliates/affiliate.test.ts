// The affiliate rules, table-tested: commission and its base, partner and click input, the report range.
import { describe, expect, it } from 'vitest';
import { AffiliateInputChecker, checkClick, commissionBase, commissionOf, partnerFields, reportRange } from './affiliate.js';

const codes = (c: AffiliateInputChecker) => c.errors.map((e) => [e.code, e.field?.join('.') ?? null]);

describe('commissionOf', () => {
  it.each([
    { base: 10_000, rate: 1000, commission: 1000 },
    { base: 1999, rate: 250, commission: 50 }, // 49.975 rounds up
    { base: 1998, rate: 250, commission: 50 }, // 49.95
    { base: 1979, rate: 250, commission: 49 }, // 49.475
    { base: 10, rate: 5000, commission: 5 },
    { base: 1, rate: 5000, commission: 1 }, // 0.5 rounds half up
    { base: 1, rate: 4999, commission: 0 },
    { base: 12_345, rate: 0, commission: 0 },
    { base: 12_345, rate: 10_000, commission: 12_345 },
    { base: 1_000_000_000, rate: 10_000, commission: 1_000_000_000 },
    { base: -500, rate: 1000, commission: 0 },
  ])('$base at $rate bp is $commission', ({ base, rate, commission }) => {
    expect(commissionOf(base, rate)).toBe(commission);
  });

  it('is paid on the subtotal less discounts, never below zero', () => {
    expect(commissionBase({ subtotal: 10_000, discountTotal: 1500 })).toBe(8500);
    expect(commissionBase({ subtotal: 1000, discountTotal: 1200 })).toBe(0);
  });
});

describe('partnerFields', () => {
  it('normalises the code and trims the name', () => {
    const c = new AffiliateInputChecker();
    expect(partnerFields(c, { code: ' blog-42 ', name: ' The Blog ', commissionRate: 750 }, null)).toEqual({ code: 'BLOG-42', name: 'The Blog', commissionRate: 750, active: true });
    expect(c.errors).toEqual([]);
  });

  it.each([
    { input: { code: 'ab', name: 'x', commissionRate: 10 }, errors: [['INVALID_CODE', 'input.code']] },
    { input: { code: 'has space', name: 'x', commissionRate: 10 }, errors: [['INVALID_CODE', 'input.code']] },
    { input: { code: 'GOOD', name: ' ', commissionRate: 10 }, errors: [['INVALID_INPUT', 'input.name']] },
    { input: { code: 'GOOD', name: 'x'.repeat(121), commissionRate: 10 }, errors: [['TOO_LONG', 'input.name']] },
    { input: { code: 'GOOD', name: 'x', commissionRate: 10_001 }, errors: [['INVALID_VALUE', 'input.commissionRate']] },
    { input: { code: 'GOOD', name: 'x', commissionRate: -1 }, errors: [['INVALID_VALUE', 'input.commissionRate']] },
    { input: { code: 'GOOD', name: 'x', commissionRate: 2.5 }, errors: [['INVALID_VALUE', 'input.commissionRate']] },
  ])('refuses $input', ({ input, errors }) => {
    const c = new AffiliateInputChecker();
    partnerFields(c, input, null);
    expect(codes(c)).toEqual(errors);
  });

  it('keeps omitted and null fields on update', () => {
    const c = new AffiliateInputChecker();
    const base = { code: 'BLOG', name: 'Blog', commissionRate: 500, active: true };
    expect(partnerFields(c, { commissionRate: 900, name: null }, base)).toEqual({ ...base, commissionRate: 900 });
    expect(c.errors).toEqual([]);
  });
});

describe('checkClick', () => {
  it('accepts a click and normalises its code', () => {
    const c = new AffiliateInputChecker();
    expect(checkClick(c, { code: ' blog ', url: 'https://shop.example/p/1', referrer: null })).toBe('BLOG');
    expect(c.errors).toEqual([]);
  });

  it('refuses blank or long urls, long referrers and malformed codes', () => {
    const c = new AffiliateInputChecker();
    checkClick(c, { code: 'a b', url: ' ', referrer: 'r'.repeat(2049) });
    expect(codes(c)).toEqual([
      ['INVALID_INPUT', 'input.url'],
      ['TOO_LONG', 'input.referrer'],
      ['PARTNER_NOT_FOUND', 'input.code'],
    ]);
    const d = new AffiliateInputChecker();
    checkClick(d, { code: 'BLOG', url: 'u'.repeat(2049) });
    expect(codes(d)).toEqual([['TOO_LONG', 'input.url']]);
  });
});

describe('reportRange', () => {
  const day = (d: string) => new Date(`${d}T00:00:00Z`);

  it('is [from, to)', () => {
    expect(reportRange(day('2026-11-01'), day('2026-12-01'), 'INBOUND')).toEqual({ from: day('2026-11-01'), to: day('2026-12-01'), direction: 'INBOUND' });
  });

  it.each([
    ['2026-11-01', '2026-11-01'],
    ['2026-12-01', '2026-11-01'],
  ])('refuses from %s to %s: to must be after from', (from, to) => {
    expect(reportRange(day(from), day(to), 'INBOUND')).toMatchObject({ field: 'to' });
  });
});
