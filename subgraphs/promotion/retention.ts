// SPEC §3: promotion and affiliate usage is kept two years (orders, which hold the discounts and
// commissions as financial records, are kept indefinitely in their own context). What is older is
// deleted daily, in batches, so that one run never holds a long lock.
import type { JobSpec } from '../../lib/runtime.js';

const DAY_MS = 24 * 3600 * 1000;
export const USAGE_RETENTION_MS = 2 * 365 * DAY_MS;

/** When usage recorded before it has passed the retention period. */
export const retentionCutoff = (now: Date): Date => new Date(now.getTime() - USAGE_RETENTION_MS);

/** A daily job running one purge. */
export function retentionJob(queueName: string, purge: () => Promise<number>, everyMs = DAY_MS): JobSpec {
  return { queueName, everyMs, run: purge };
}
