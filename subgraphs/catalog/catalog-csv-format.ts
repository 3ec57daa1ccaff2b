// The catalog's CSV format (README "Bulk import and export"): its columns and how each cell is
// read and written. One row per variant; the product's columns are repeated on each of its rows.
// Pure, shared by the import (catalog-import-rows.ts) and the export (catalog-export.service.ts).
import { minorUnitDigits } from '../../lib/money.js';
import { LIMITS } from './validation.js';

export const PRODUCT_COLUMNS = ['product_slug', 'product_name', 'description', 'brand', 'product_active', 'categories', 'image_urls'] as const;
export const VARIANT_COLUMNS = [
  'sku',
  'variant_title',
  'price',
  'compare_at_price',
  'currency',
  'weight_grams',
  'variant_active',
  'on_hand',
  'reorder_threshold',
  'location',
] as const;

export type ProductColumn = (typeof PRODUCT_COLUMNS)[number];
export type VariantColumn = (typeof VARIANT_COLUMNS)[number];
export type NamedColumn = ProductColumn | VariantColumn;

/** The columns of option n (from 1): its name and this row's value of it. */
export const optionColumns = (n: number) => ({ name: `option${n}_name`, value: `option${n}_value` });

const OPTION_COLUMN = /^option([1-9][0-9]*)_(name|value)$/;

/** The option number and part a header names, or null when it is not an option column. */
export function optionColumn(header: string): { n: number; part: 'name' | 'value' } | null {
  const m = OPTION_COLUMN.exec(header);
  return m ? { n: Number(m[1]), part: m[2] as 'name' | 'value' } : null;
}

/** The header of a file with `options` option columns, in the order the export writes it. */
export function headerWith(options: number): string[] {
  const pairs = Array.from({ length: options }, (_, i) => optionColumns(i + 1)).flatMap((o) => [o.name, o.value]);
  return [...PRODUCT_COLUMNS, ...pairs, ...VARIANT_COLUMNS];
}

/** Lists in one cell (categories, image URLs) are separated by this; category paths by "/". */
export const LIST_SEPARATOR = '|';
export const PATH_SEPARATOR = '/';

export const splitList = (cell: string): string[] =>
  cell === '' ? [] : cell.split(LIST_SEPARATOR).map((item) => item.trim()).filter((item) => item !== '');

export type Read<T> = { value: T } | { error: string };

/** true or false in any case; a blank cell is true (for sale), as the admin mutations default it. */
export function readBoolean(cell: string): Read<boolean> {
  if (cell === '') return { value: true };
  const lower = cell.toLowerCase();
  if (lower === 'true' || lower === 'false') return { value: lower === 'true' };
  return { error: 'must be true or false' };
}

/** A whole number in 0..max, digits only. */
export function readCount(cell: string, max: number): Read<number> {
  if (!/^[0-9]+$/.test(cell)) return { error: `must be a whole number between 0 and ${max}` };
  const value = cell.length > 12 ? Infinity : Number(cell);
  return value <= max ? { value } : { error: `must be a whole number between 0 and ${max}` };
}

const DECIMAL = /^([0-9]+)(?:\.([0-9]+))?$/;

/**
 * An amount in major units (e.g. 25.00 USD) as minor units (2500), exactly: digits are shifted as
 * text, never through a float. More decimals than the currency has are refused unless they are
 * zeros (1500.00 JPY is 1500).
 */
export function readAmount(cell: string, currencyCode: string): Read<number> {
  const m = DECIMAL.exec(cell);
  if (!m) return { error: 'must be an amount in major units such as 25.00: digits and a decimal point, no sign, symbol or thousands separator' };
  const digits = minorUnitDigits(currencyCode);
  const fraction = m[2] ?? '';
  if (/[1-9]/.test(fraction.slice(digits))) return { error: `has more decimal places than ${currencyCode} has (${digits})` };
  const whole = m[1]!.replace(/^0+(?=.)/, '');
  const outOfRange = { error: `must be between 0 and ${formatAmount(LIMITS.price, currencyCode)} ${currencyCode}` };
  if (whole.length > 12) return outOfRange;
  const amount = Number(whole) * 10 ** digits + Number(fraction.slice(0, digits).padEnd(digits, '0') || '0');
  return amount <= LIMITS.price ? { value: amount } : outOfRange;
}

/** Minor units as major units with the currency's decimals: 2500 USD is 25.00, 1500 JPY is 1500, 1234 KWD is 1.234. */
export function formatAmount(amount: number, currencyCode: string): string {
  const digits = minorUnitDigits(currencyCode);
  if (digits === 0) return String(amount);
  const scale = 10 ** digits;
  return `${Math.floor(amount / scale)}.${String(amount % scale).padStart(digits, '0')}`;
}
