// The currencies money may be in: the ISO 4217 codes of the currencies in use today (no funds,
// metals or testing codes). The schema's CurrencyCode enum lists the same codes
// (gateway/api-contract.test.ts holds the two together).
export const CURRENCY_CODES = [
  'AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BHD', 'BIF',
  'BMD', 'BND', 'BOB', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHF', 'CLP', 'CNY', 'COP', 'CRC',
  'CUP', 'CVE', 'CZK', 'DJF', 'DKK', 'DOP', 'DZD', 'EGP', 'ERN', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GHS',
  'GIP', 'GMD', 'GNF', 'GTQ', 'GYD', 'HKD', 'HNL', 'HTG', 'HUF', 'IDR', 'ILS', 'INR', 'IQD', 'IRR', 'ISK', 'JMD',
  'JOD', 'JPY', 'KES', 'KGS', 'KHR', 'KMF', 'KPW', 'KRW', 'KWD', 'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL',
  'LYD', 'MAD', 'MDL', 'MGA', 'MKD', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MYR', 'MZN', 'NAD',
  'NGN', 'NIO', 'NOK', 'NPR', 'NZD', 'OMR', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'PYG', 'QAR', 'RON', 'RSD',
  'RUB', 'RWF', 'SAR', 'SBD', 'SCR', 'SDG', 'SEK', 'SGD', 'SHP', 'SLE', 'SOS', 'SRD', 'SSP', 'STN', 'SVC', 'SYP',
  'SZL', 'THB', 'TJS', 'TMT', 'TND', 'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'UGX', 'USD', 'UYU', 'UZS', 'VES',
  'VND', 'VUV', 'WST', 'XAF', 'XCD', 'XCG', 'XOF', 'XPF', 'YER', 'ZAR', 'ZMW', 'ZWG', 'ZWL',
] as const;

export type CurrencyCode = (typeof CURRENCY_CODES)[number];

/**
 * ISO 4217's minor-unit digits where they are not 2. Node's own currency data differs for some
 * (it gives HUF, IDR, COP and PKR 0 digits) and may change between Node versions, so the digits
 * that decide what an amount in minor units means come from here alone.
 */
const MINOR_UNITS_NOT_TWO: Partial<Record<CurrencyCode, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
};

/** Digits after the decimal point in a currency (ISO 4217): 2 for USD, 0 for JPY, 3 for KWD. */
export function minorUnitDigits(code: CurrencyCode): number {
  return MINOR_UNITS_NOT_TWO[code] ?? 2;
}

const KNOWN: ReadonlySet<string> = new Set(CURRENCY_CODES);

export const isCurrencyCode = (code: string): code is CurrencyCode => KNOWN.has(code);

/** A stored currency as the schema's enum; every write checked it, so anything else is a bug. */
export function currencyCodeOf(code: string): CurrencyCode {
  if (!isCurrencyCode(code)) throw new Error(`${code} is not a currency money may be in`);
  return code;
}

/**
 * Stripe's minimum charge amounts, in minor units, for the currencies it lists
 * (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts); the others need one minor unit.
 */
const MINIMUM_CHARGE: Readonly<Partial<Record<CurrencyCode, number>>> = {
  USD: 50, AED: 200, AUD: 50, BGN: 100, BRL: 50, CAD: 50, CHF: 50, CZK: 1500, DKK: 250, EUR: 50, GBP: 30, HKD: 400,
  HUF: 17500, INR: 50, JPY: 50, MXN: 1000, MYR: 200, NOK: 300, NZD: 50, PLN: 200, RON: 200, SEK: 300, SGD: 50, THB: 1000,
};

/** The smallest amount a card may be charged in a currency (upper-case ISO 4217), in minor units. */
export const minimumCharge = (code: string): number => MINIMUM_CHARGE[code as CurrencyCode] ?? 1;

/** The largest amount Stripe charges at once, in minor units of any currency. */
export const MAXIMUM_CHARGE = 99_999_999;
