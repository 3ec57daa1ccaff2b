// A postal address given to the API (AddressInput in schema/shared.graphql), checked and cleaned
// the same way wherever one is taken: checkout and subscriptions.
import type { Reporter } from './input-checker.js';

/** An address as the contexts keep it: trimmed, blanks as null, the state in capitals. */
export interface Address {
  name: string | null;
  line1: string;
  line2: string | null;
  city: string;
  state: string | null;
  postalCode: string;
  country: string;
}

export interface AddressInput {
  name?: string | null;
  line1: string;
  line2?: string | null;
  city: string;
  state?: string | null;
  postalCode: string;
  country: string;
}

const FIELDS: { key: keyof AddressInput; max: number; required: boolean }[] = [
  { key: 'name', max: 200, required: false },
  { key: 'line1', max: 200, required: true },
  { key: 'line2', max: 200, required: false },
  { key: 'city', max: 100, required: true },
  { key: 'state', max: 50, required: false },
  { key: 'postalCode', max: 20, required: true },
];

/** Postal codes are letters, digits, spaces and hyphens (every country's format fits). */
const POSTAL_CODE = /^[A-Za-z0-9][A-Za-z0-9 -]*$/;

/** The address cleaned; every fault is reported as INVALID_ADDRESS with its field path under `at`. */
export function checkAddress(c: Reporter<'INVALID_ADDRESS'>, input: AddressInput, at: readonly string[]): Address {
  const clean = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
  for (const { key, max, required } of FIELDS) {
    const value = clean(input[key]);
    const field = [...at, key];
    if (required && !value) c.add('INVALID_ADDRESS', `${key} is required`, field);
    else if (value && [...value].length > max) c.add('INVALID_ADDRESS', `${key} is longer than ${max} characters`, field);
  }
  const postal = clean(input.postalCode);
  if (postal && !POSTAL_CODE.test(postal)) c.add('INVALID_ADDRESS', 'postalCode may hold only letters, digits, spaces and hyphens', [...at, 'postalCode']);
  return {
    name: clean(input.name),
    line1: clean(input.line1) ?? '',
    line2: clean(input.line2),
    city: clean(input.city) ?? '',
    state: clean(input.state)?.toUpperCase() ?? null,
    postalCode: postal ?? '',
    country: input.country,
  };
}
