// Order rules that need no I/O: checkout input (address, key) and the refusal helper bound to
// the order context's codes.
import { refuse as refuseWith } from '../../lib/errors.js';
import { InputChecker } from '../../lib/input-checker.js';
import type { AddressView } from './models.js';
import type { AddressInput, OrderErrorCode } from './generated/resolvers-types.js';

/** Refuses an order write with one userError. */
export const refuse = refuseWith<OrderErrorCode>;

export const LIMITS = { idempotencyKey: 100, reason: 500 } as const;

const ADDRESS_FIELDS: { key: keyof AddressInput; max: number; required: boolean }[] = [
  { key: 'name', max: 200, required: false },
  { key: 'line1', max: 200, required: true },
  { key: 'line2', max: 200, required: false },
  { key: 'city', max: 100, required: true },
  { key: 'state', max: 50, required: false },
  { key: 'postalCode', max: 20, required: true },
];

/** Postal codes are letters, digits, spaces and hyphens (every country's format fits). */
const POSTAL_CODE = /^[A-Za-z0-9][A-Za-z0-9 -]*$/;

export class OrderInputChecker extends InputChecker<OrderErrorCode> {
  protected readonly outOfRange = 'INVALID_INPUT';

  /** The address as the order keeps it (trimmed, blanks as null); every fault is INVALID_ADDRESS with its field path. */
  address(input: AddressInput, at: readonly string[]): AddressView {
    const clean = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
    for (const { key, max, required } of ADDRESS_FIELDS) {
      const value = clean(input[key] as string | null | undefined);
      const field = [...at, key];
      if (required && !value) this.add('INVALID_ADDRESS', `${key} is required`, field);
      else if (value && [...value].length > max) this.add('INVALID_ADDRESS', `${key} is longer than ${max} characters`, field);
    }
    const postal = clean(input.postalCode);
    if (postal && !POSTAL_CODE.test(postal)) this.add('INVALID_ADDRESS', 'postalCode may hold only letters, digits, spaces and hyphens', [...at, 'postalCode']);
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

  idempotencyKey(key: string, field: readonly string[]): string {
    const trimmed = key.trim();
    this.text(trimmed, field, LIMITS.idempotencyKey, true);
    return trimmed;
  }
}
