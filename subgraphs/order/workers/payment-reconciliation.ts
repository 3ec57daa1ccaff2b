import type { JobSpec } from '../../../lib/runtime.js';
import type { PaymentService } from '../payment.service.js';

/** Gives unpaid orders what a lost webhook would have, and cancels those past their stock hold. */
export function paymentReconciliationJob(payments: PaymentService, everyMs: number, afterMs: number): JobSpec {
  return { queueName: 'order-payment-reconciliation', everyMs, run: () => payments.reconcile({ afterMs }) };
}
