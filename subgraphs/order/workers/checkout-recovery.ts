import type { JobSpec } from '../../../lib/runtime.js';
import type { CheckoutService } from '../checkout/checkout.service.js';

/** Compensates checkouts whose process stopped half-way (their lease lapsed and nobody resumed them). */
export function checkoutRecoveryJob(checkouts: CheckoutService, everyMs: number): JobSpec {
  return { queueName: 'order-checkout-recovery', everyMs, run: () => checkouts.recoverAbandoned() };
}
