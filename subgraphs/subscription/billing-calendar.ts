// When a subscription bills (SPEC §3 "Subscription"): every period counted from an anchor, never
// from the previous date, so that a month-end start keeps its day (31 Jan → 28/29 Feb → 31 Mar)
// instead of drifting to the 28th. A day the month lacks becomes the month's last day; the time
// of day stays; everything is UTC. Pure.
import { DAY_MS } from '../../lib/time.js';
import type { BillingInterval } from './prisma-client/client.js';

export type { BillingInterval };

/** How often a plan bills: every `intervalCount` intervals. */
export interface Cadence {
  interval: BillingInterval;
  intervalCount: number;
}

const MONTHS: Record<Exclude<BillingInterval, 'WEEKLY'>, number> = { MONTHLY: 1, QUARTERLY: 3, YEARLY: 12 };

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** The start of the `n`-th period from `anchor` (n = 0 is the anchor itself). */
export function billingDate(anchor: Date, cadence: Cadence, n: number): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`period ${n} is not a whole number ≥ 0`);
  if (!Number.isInteger(cadence.intervalCount) || cadence.intervalCount < 1) throw new RangeError(`interval count ${cadence.intervalCount} is not a whole number ≥ 1`);
  if (cadence.interval === 'WEEKLY') return new Date(anchor.getTime() + n * cadence.intervalCount * 7 * DAY_MS);
  const months = anchor.getUTCMonth() + n * cadence.intervalCount * MONTHS[cadence.interval];
  const year = anchor.getUTCFullYear() + Math.floor(months / 12);
  const month = months % 12;
  const day = Math.min(anchor.getUTCDate(), daysInMonth(year, month));
  return new Date(Date.UTC(year, month, day, anchor.getUTCHours(), anchor.getUTCMinutes(), anchor.getUTCSeconds(), anchor.getUTCMilliseconds()));
}

/** The period counted from `anchor` that contains `at` (its index, start and end), for `at` at or after the anchor. */
export function periodAt(anchor: Date, cadence: Cadence, at: Date): { index: number; start: Date; end: Date } {
  if (at < anchor) throw new RangeError(`${at.toISOString()} is before the anchor ${anchor.toISOString()}`);
  // An estimate from the average period length, then a step either way to the exact period.
  const approxDays = cadence.interval === 'WEEKLY' ? 7 * cadence.intervalCount : 30.436875 * MONTHS[cadence.interval] * cadence.intervalCount;
  let index = Math.max(0, Math.floor((at.getTime() - anchor.getTime()) / (approxDays * DAY_MS)) - 1);
  while (billingDate(anchor, cadence, index + 1) <= at) index += 1;
  while (index > 0 && billingDate(anchor, cadence, index) > at) index -= 1;
  return { index, start: billingDate(anchor, cadence, index), end: billingDate(anchor, cadence, index + 1) };
}

/** When a trial of `days` days that starts at `start` ends (the first charge). */
export const trialEnd = (start: Date, days: number): Date => new Date(start.getTime() + days * DAY_MS);
