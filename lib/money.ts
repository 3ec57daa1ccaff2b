import { currencyCodeOf, isCurrencyCode, minorUnitDigits as isoMinorUnitDigits } from './currencies.js';

/** Money is integer minor units plus an ISO 4217 code, everywhere. */
export interface Money {
  amount: number;
  currencyCode: string;
}

interface CurrencyFormat {
  format: Intl.NumberFormat;
  /** 10 ** the currency's minor unit digits, e.g. 100 for USD. */
  scale: number;
  digits: number;
}

// Formats are built once per currency: every Money value of a listing page is formatted.
const formats = new Map<string, CurrencyFormat>();

/** Display follows ISO 4217's digits (lib/currencies.ts), not Node's: 12345 HUF minor units show as 123.45. */
function currencyFormat(currencyCode: string): CurrencyFormat {
  let f = formats.get(currencyCode);
  if (!f) {
    const digits = minorUnitDigits(currencyCode);
    const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: currencyCode, minimumFractionDigits: digits, maximumFractionDigits: digits });
    f = { format, digits, scale: 10 ** digits };
    formats.set(currencyCode, f);
  }
  return f;
}

/** Digits after the decimal point for a currency (2 for USD, 0 for JPY, 3 for KWD), from ISO 4217. */
export function minorUnitDigits(currencyCode: string): number {
  return isoMinorUnitDigits(currencyCodeOf(currencyCode));
}

/** A currency money may be in (lib/currencies.ts, the schema's CurrencyCode). */
export const isKnownCurrency = isCurrencyCode;

export function money(amount: number, currencyCode: string): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`money amount must be an integer, got ${amount}`);
  return { amount, currencyCode };
}

/** Rates in basis points (tax, commission) are parts of this: 725 is 7.25 %. */
export const BASIS_POINTS = 10_000;

/**
 * amount × numerator / denominator, rounded half up to the minor unit: the one rounding rule for
 * percentages, basis points and rates. Integers all the way (BigInt keeps the product exact beyond
 * 2^53); an amount of zero or less gives zero.
 */
export function fractionOf(amount: number, numerator: number, denominator: number): number {
  if (amount <= 0) return 0;
  if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator <= 0) {
    throw new RangeError(`fractionOf(${amount}, ${numerator}, ${denominator}): whole numbers, a positive denominator`);
  }
  const d = BigInt(denominator);
  return Number((BigInt(amount) * BigInt(numerator) * 2n + d) / (2n * d));
}

/** The display string, e.g. $12.50, from minor units without floating-point drift in the value. */
export function formatMoney({ amount, currencyCode }: Money): string {
  const { format, scale } = currencyFormat(currencyCode);
  return format.format(amount / scale);
}

