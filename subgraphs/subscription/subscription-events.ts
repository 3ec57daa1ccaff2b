// The events the subscription context publishes (SPEC §5), built in one place from the
// subscription row as it is after the change. The data shapes are documented in this folder's
// README ("Events published").
import type { NewEvent } from '../../lib/outbox.js';
import type { SubscriptionRow } from './models.js';

/**
 * Every event type this context records. SubscriptionCreated and SubscriptionRenewed (SPEC §5)
 * belong to subscribing and renewals.
 */
export type SubscriptionEventType =
  | 'SubscriptionCreated'
  | 'SubscriptionActivated'
  | 'SubscriptionRenewed'
  | 'SubscriptionPaymentFailed'
  | 'SubscriptionPastDue'
  | 'SubscriptionPaused'
  | 'SubscriptionResumed'
  | 'SubscriptionCancelled'
  | 'SubscriptionCancellationScheduled'
  | 'SubscriptionPeriodSkipped'
  | 'SubscriptionChanged';

/** One event about a subscription: who, which plan, the status after, the period concerned and when, plus `extra`. */
export function subscriptionEvent(
  type: SubscriptionEventType,
  subscription: SubscriptionRow,
  when: { period: number | null; at: Date },
  extra: Record<string, unknown> = {},
): NewEvent {
  return {
    type,
    aggregateType: 'CustomerSubscription',
    aggregateId: subscription.id,
    data: {
      subscriptionId: subscription.id,
      personId: subscription.personId,
      planId: subscription.planId,
      status: subscription.status,
      period: when.period,
      at: when.at.toISOString(),
      ...extra,
    },
  };
}
