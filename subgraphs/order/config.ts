// The order context's own settings (README "Configuration" in this folder); the payment
// provider's are in payments/config.ts.
import { z } from 'zod';
import { setting } from '../../lib/config.js';

export const orderSettings = z.object({
  /** How long checkout holds stock for an unpaid order; reconciliation cancels it then. */
  ORDER_RESERVATION_TTL_SECONDS: setting.int(60, 86_400).default(900),
  /** How long one process may run a checkout before another may take it over (resume or compensate). */
  ORDER_CHECKOUT_LEASE_MS: setting.int(1_000, 600_000).default(30_000),
  /** How often the recovery job looks for checkouts left half-done by a process that stopped. */
  ORDER_CHECKOUT_RECOVERY_MS: setting.int(100, 3_600_000).default(10_000),
  /** How often payment reconciliation runs. */
  ORDER_RECONCILE_MS: setting.int(100, 3_600_000).default(60_000),
  /** An order unpaid for this long has its payment re-read by reconciliation (a webhook may be lost). */
  ORDER_RECONCILE_AFTER_MS: setting.int(0, 86_400_000).default(300_000),
  /**
   * Checkout attempts per minute, every call counted (retries with the same key too): per person,
   * and per client address, which many shoppers behind one NAT share.
   */
  CHECKOUT_ATTEMPTS_PER_MINUTE_PER_PERSON: setting.int(1, 100_000).default(30),
  CHECKOUT_ATTEMPTS_PER_MINUTE_PER_CLIENT: setting.int(1, 100_000).default(300),
});

export type OrderSettings = z.infer<typeof orderSettings>;
