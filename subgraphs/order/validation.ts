// Order rules that need no I/O: checkout input (address, key) and the refusal helper bound to
// the order context's codes.
import { refuse as refuseWith } from '../../lib/errors.js';
import { checkAddress } from '../../lib/address.js';
import { InputChecker } from '../../lib/input-checker.js';
import type { AddressView } from './models.js';
import type { AddressInput, OrderErrorCode } from './generated/resolvers-types.js';

/** Refuses an order write with one userError. */
export const refuse = refuseWith<OrderErrorCode>;

export const LIMITS = { idempotencyKey: 100, reason: 500 } as const;

export class OrderInputChecker extends InputChecker<OrderErrorCode> {
  protected readonly outOfRange = 'INVALID_INPUT';

  /** The address as the order keeps it (trimmed, blanks as null); every fault is INVALID_ADDRESS with its field path. */
  address(input: AddressInput, at: readonly string[]): AddressView {
    return checkAddress(this, input, at);
  }

  idempotencyKey(key: string, field: readonly string[]): string {
    const trimmed = key.trim();
    this.text(trimmed, field, LIMITS.idempotencyKey, true);
    return trimmed;
  }
}
