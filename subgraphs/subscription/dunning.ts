// Dunning (SPEC §3 "Subscription"): after a renewal's payment fails, when to try again and when to
// give up. Retries are counted in days from the first failure of the period, so that a slow
// retry does not push the later ones back. Pure.
import { DAY_MS } from '../../lib/time.js';

export interface DunningPolicy {
  /** Days after the first failure at which to retry, increasing (default 1, 3, 5). */
  retryDays: readonly number[];
  /** What the subscription becomes when the last retry fails. */
  outcome: 'PAUSED' | 'CANCELLED';
}

/**
 * What follows the `failures`-th failed attempt (1 for the first) of a period whose first failure
 * was at `firstFailedAt`: another try at `retryAt`, or giving up.
 */
export function afterFailure(policy: DunningPolicy, failures: number, firstFailedAt: Date): { retryAt: Date } | { giveUp: DunningPolicy['outcome'] } {
  if (!Number.isInteger(failures) || failures < 1) throw new RangeError(`failures ${failures} is not a whole number ≥ 1`);
  const days = policy.retryDays[failures - 1];
  return days === undefined ? { giveUp: policy.outcome } : { retryAt: new Date(firstFailedAt.getTime() + days * DAY_MS) };
}

/** The longest the catalog holds stock (7 days) less the order context's payment grace: a period's order holds its stock at most this long. */
export const MAX_HOLD_SECONDS = 7 * 86_400 - 300;

/** How long a period's order holds its stock while unpaid: through the last retry and a day more, within what the catalog allows. */
export function holdSeconds(policy: DunningPolicy): number {
  const lastRetryDays = policy.retryDays.at(-1) ?? 0;
  return Math.min(((lastRetryDays + 1) * DAY_MS) / 1000, MAX_HOLD_SECONDS);
}
