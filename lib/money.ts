/** Money is integer minor units plus an ISO 4217 code, everywhere. */
export interface Money {
  amount: number;
  currencyCode: string;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currencyCode: string): Intl.NumberFormat {
  let f = formatters.get(currencyCode);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency: currencyCode });
    formatters.set(currencyCode, f);
  }
  return f;
}

/** Digits after the decimal point for a currency (2 for USD, 0 for JPY, 3 for KWD). */
export function minorUnitDigits(currencyCode: string): number {
  return formatter(currencyCode).resolvedOptions().maximumFractionDigits ?? 2;
}

export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  return Intl.supportedValuesOf('currency').includes(code);
}

export function money(amount: number, currencyCode: string): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`money amount must be an integer, got ${amount}`);
  return { amount, currencyCode };
}

/** The display string, e.g. $12.50, from minor units without floating-point drift in the value. */
export function formatMoney({ amount, currencyCode }: Money): string {
  const digits = minorUnitDigits(currencyCode);
  return formatter(currencyCode).format(amount / 10 ** digits);
}

/** GraphQL resolvers for the shared Money type. */
export const moneyResolvers = {
  Money: {
    formatted: (m: Money) => formatMoney(m),
  },
};
