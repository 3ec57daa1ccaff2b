import { describe, expect, it } from 'vitest';
import { formatMoney, isKnownCurrency, minorUnitDigits, money } from './money.js';

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

  it('knows each currency’s minor units', () => {
    expect([minorUnitDigits('USD'), minorUnitDigits('JPY'), minorUnitDigits('KWD')]).toEqual([2, 0, 3]);
  });

  it('refuses fractional amounts', () => {
    expect(() => money(12.5, 'USD')).toThrow(RangeError);
  });

  it('recognises ISO 4217 codes only', () => {
    expect(isKnownCurrency('USD')).toBe(true);
    expect(isKnownCurrency('usd')).toBe(false);
    expect(isKnownCurrency('XYZ')).toBe(false);
  });
});
