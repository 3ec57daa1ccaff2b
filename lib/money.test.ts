import { describe, expect, it } from 'vitest';
import { formatMoney, fractionOf, isKnownCurrency, minorUnitDigits, money } from './money.js';

describe('money', () => {
  it.each([
    [1250, 'USD', '$12.50'],
    [5, 'USD', '$0.05'],
    [-1999, 'USD', '-$19.99'],
    [1250, 'JPY', '¥1,250'],
    [1250, 'KWD', 'KWD 1.250'],
    [123456789, 'EUR', '€1,234,567.89'],
  ])('formats %i %s as %s', (amount, currency, expected) => {
    expect(formatMoney(money(amount, currency)).replace(/\u00a0/g, ' ')).toBe(expected);
  });

  it('knows each currency’s minor units from ISO 4217, not from Node’s display data', () => {
    expect([minorUnitDigits('USD'), minorUnitDigits('JPY'), minorUnitDigits('KWD')]).toEqual([2, 0, 3]);
    // Node formats these with 0 digits; ISO 4217 (and their minor units here) says 2.
    expect(['HUF', 'IDR', 'COP', 'PKR'].map(minorUnitDigits)).toEqual([2, 2, 2, 2]);
    expect(formatMoney(money(12345, 'HUF')).replace(/\u00a0/g, ' ')).toBe('HUF 123.45');
  });

  it('refuses fractional amounts', () => {
    expect(() => money(12.5, 'USD')).toThrow(RangeError);
  });

  it('recognises ISO 4217 codes only', () => {
    expect(isKnownCurrency('USD')).toBe(true);
    expect(isKnownCurrency('usd')).toBe(false);
    expect(isKnownCurrency('XYZ')).toBe(false);
  });

  describe('fractionOf rounds half up in integers', () => {
    it.each([
      [2, 2500, 10_000, 1], // 0.5 -> 1
      [6, 2500, 10_000, 2], // 1.5 -> 2
      [1, 2500, 10_000, 0], // 0.25 -> 0
      [3, 2500, 10_000, 1], // 0.75 -> 1
      [1999, 250, 10_000, 50], // 49.975 -> 50
      [1979, 250, 10_000, 49], // 49.475 -> 49
      [1, 4999, 10_000, 0], // 0.4999 -> 0
      [5, 10, 100, 1], // 10 % of 5 = 0.5 -> 1
      [14, 10, 100, 1], // 1.4 -> 1
      [15, 10, 100, 2], // 1.5 -> 2
      [1, 1, 3, 0], // 0.333 -> 0
      [2, 1, 3, 1], // 0.667 -> 1
      [0, 2500, 10_000, 0],
      [-100, 2500, 10_000, 0],
      [99_900_000_000_000, 10_000, 10_000, 99_900_000_000_000], // beyond 2^53 in the intermediate product
    ])('%i × %i / %i = %i', (amount, numerator, denominator, expected) => expect(fractionOf(amount, numerator, denominator)).toBe(expected));

    it('refuses fractions and a zero denominator', () => {
      expect(() => fractionOf(10.5, 1, 2)).toThrow(RangeError);
      expect(() => fractionOf(10, 1, 0)).toThrow(RangeError);
    });
  });
});
