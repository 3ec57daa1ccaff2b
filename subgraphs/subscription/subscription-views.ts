// How a stored subscription reads in the API, where a field is more than its column: pure mappings
// from the row (and its period rows) to what CustomerSubscription answers. The resolvers use them;
// so may anything else that shows a subscription.
import { money } from '../../lib/money.js';
import type { AddressView, PeriodView, SubscriptionChangeView, SubscriptionRow } from './models.js';
import type { SubscriptionPeriod } from './prisma-client/client.js';

/** A stored period as the API shows it. */
export const periodView = (p: SubscriptionPeriod): PeriodView => ({
  index: p.index,
  startsAt: p.startsAt,
  endsAt: p.endsAt,
  status: p.status,
  amount: money(p.amount, p.currency),
  orderId: p.orderId,
});

/**
 * The period being served: its index and bounds as the subscription keeps them, its bill (status,
 * amount, order) from its period row when it has one; without one (not billed yet) those are null.
 */
export function currentPeriodView(s: SubscriptionRow, row: SubscriptionPeriod | null): PeriodView {
  return {
    index: s.currentPeriod,
    startsAt: s.currentPeriodStart,
    endsAt: s.currentPeriodEnd,
    status: row?.status ?? null,
    amount: row ? money(row.amount, row.currency) : null,
    orderId: row?.orderId ?? null,
  };
}

/**
 * When it is charged next: null while it bills nothing more. An ACTIVE subscription that ends at
 * its period's end keeps its next billing date for the renewal job (which ends it then instead of
 * renewing), but charges nothing; a PAST_DUE one still retries the period it owes.
 */
export const nextBillingAtOf = (s: SubscriptionRow): Date | null => (s.cancelAtPeriodEnd && s.status === 'ACTIVE' ? null : s.nextBillingAt);

/** Whether the next period (current + 1) is skipped. */
export const skipsNextPeriod = (s: SubscriptionRow): boolean => s.skipPeriod !== null && s.skipPeriod === s.currentPeriod + 1;

/** The plan and quantity from the next period, when either changes. */
export const pendingChangeOf = (s: SubscriptionRow): SubscriptionChangeView | null =>
  s.nextPlanId !== null || s.nextQuantity !== null ? { planId: s.nextPlanId ?? s.planId, quantity: s.nextQuantity ?? s.quantity } : null;

/** The shipping address as stored (JSON written from a checked AddressInput). */
export const shippingAddressOf = (s: SubscriptionRow): AddressView => s.shippingAddress as unknown as AddressView;

/** The shipping method as stored (one of the ShippingMethod values, checked when written). */
export const shippingMethodOf = (s: SubscriptionRow): 'STANDARD' | 'EXPRESS' => s.shippingMethod as 'STANDARD' | 'EXPRESS';
