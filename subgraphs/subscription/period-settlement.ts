// What a period's payment comes to, applied to the subscription once, whoever reports it first:
// the renewal worker reading the order context's answer, or the order context's events (OrderPaid,
// OrderPaymentFailed) arriving before or after. Each report names the subscription, the period
// and, for failures, the attempt; the period row's conditional updates make a repeat a no-op.
// Dunning (dunning.ts) decides what follows a failure.
import type { Logger } from '../../lib/logger.js';
import { systemActor, type Actor } from '../../lib/state-machine.js';
import { QUEUED_WRITE } from '../../lib/db.js';
import { afterFailure, type DunningPolicy } from './dunning.js';
import type { SubscriptionRow } from './models.js';
import type { OrderPeer } from './order-peer.js';
import type { PrismaClient } from './prisma-client/client.js';
import { subscriptionLifecycle, type SubscriptionStatus } from './subscription-lifecycle.js';
import { lockSubscription, recordSubscriptionEvent, type Tx } from './subscription.service.js';

/** The actor of renewals and of the payment outcomes they apply. */
export const BILLING = systemActor('subscription-billing');

export type PeriodOutcome =
  | { kind: 'paid'; orderId: string | null; paymentCustomerId?: string | null; paymentMethodId?: string | null }
  | { kind: 'failed'; orderId: string | null; attempt: number; reason: string };

export class PeriodSettlement {
  constructor(
    private readonly db: PrismaClient,
    private readonly orders: OrderPeer,
    private readonly policy: DunningPolicy,
    private readonly now: () => Date,
    private readonly log: Logger,
  ) {}

  /** Applies `outcome` to period `index` of the subscription; answers the subscription as it is after. */
  async settle(subscriptionId: string, index: number, outcome: PeriodOutcome): Promise<SubscriptionRow | null> {
    let cancelOrder: string | null = null;
    const row = await this.db.$transaction(async (tx) => {
      const sub = await lockSubscription(tx, subscriptionId);
      if (!sub) return null;
      const at = this.now();
      if (outcome.kind === 'paid') return this.paid(tx, sub, index, outcome, at);
      const result = await this.failed(tx, sub, index, outcome, at);
      cancelOrder = result.cancelOrder;
      return result.row;
    }, QUEUED_WRITE);
    // Outside the transaction: the order context releases what the period's order holds.
    if (cancelOrder) await this.cancelPeriodOrder(cancelOrder, `subscription ${subscriptionId}: payment retries for period ${index} ran out`);
    return row;
  }

  /** Cancels a period's unpaid order; a failure is logged, and the order's own hold runs out anyway. */
  async cancelPeriodOrder(orderId: string, reason: string): Promise<void> {
    try {
      const answer = await this.orders.cancel(orderId, reason);
      if (!answer.ok) this.log.warn({ orderId, userErrors: answer.userErrors }, 'the order context refused to cancel a period order');
    } catch (err) {
      this.log.warn({ orderId, err: err instanceof Error ? err.message : err }, 'could not cancel a period order; its stock hold runs out by itself');
    }
  }

  private async paid(tx: Tx, sub: SubscriptionRow, index: number, outcome: Extract<PeriodOutcome, { kind: 'paid' }>, at: Date) {
    const marked = await tx.subscriptionPeriod.updateMany({
      where: { subscriptionId: sub.id, index, status: 'BILLING' },
      data: { status: 'PAID', failureReason: null, ...(outcome.orderId ? { orderId: outcome.orderId } : {}), updatedAt: at },
    });
    if (marked.count === 0) return sub;
    const current = index === sub.currentPeriod;
    const to: SubscriptionStatus = current && (sub.status === 'PENDING' || sub.status === 'PAST_DUE') ? 'ACTIVE' : sub.status;
    if (to !== sub.status) subscriptionLifecycle.decide(sub.status, to, { actor: BILLING, at, context: { personId: sub.personId } });
    const updated = await tx.customerSubscription.update({
      where: { id: sub.id },
      data: {
        status: to,
        // Paid: the next renewal (or, when it ends at the period's end, its end) is at the period's end.
        ...(current ? { failedAttempts: 0, firstFailedAt: null, nextBillingAt: to === 'ACTIVE' ? sub.currentPeriodEnd : sub.nextBillingAt } : {}),
        // The card that paid is saved on the payment customer: renewals charge that one.
        ...(outcome.paymentCustomerId ? { paymentCustomerId: outcome.paymentCustomerId } : {}),
        ...(outcome.paymentMethodId ? { paymentMethodId: outcome.paymentMethodId } : {}),
        updatedAt: at,
      },
    });
    const first = sub.status === 'PENDING';
    await recordSubscriptionEvent(
      tx,
      updated,
      { kind: first ? 'ACTIVATED' : 'RENEWAL', from: sub.status, to, period: index, actor: BILLING, at },
      { type: first ? 'SubscriptionActivated' : 'SubscriptionRenewed', extra: { orderId: outcome.orderId } },
    );
    return updated;
  }

  private async failed(tx: Tx, sub: SubscriptionRow, index: number, outcome: Extract<PeriodOutcome, { kind: 'failed' }>, at: Date) {
    // One report per attempt: a repeat (the worker's read and the event) finds attempts already at it.
    const marked = await tx.subscriptionPeriod.updateMany({
      where: { subscriptionId: sub.id, index, status: 'BILLING', attempts: { lt: outcome.attempt } },
      data: { attempts: outcome.attempt, failureReason: outcome.reason.slice(0, 500), ...(outcome.orderId ? { orderId: outcome.orderId } : {}), updatedAt: at },
    });
    if (marked.count === 0 || index !== sub.currentPeriod) return { row: sub, cancelOrder: null };
    const failures = sub.failedAttempts + 1;
    const firstFailedAt = sub.firstFailedAt ?? at;
    await recordSubscriptionEvent(tx, sub, { kind: 'PAYMENT_FAILED', from: sub.status, to: sub.status, period: index, actor: BILLING, reason: outcome.reason, at }, {
      type: 'SubscriptionPaymentFailed',
      extra: { attempt: outcome.attempt, reason: outcome.reason },
    });
    // The first payment failing ends the subscription: nothing was ever delivered.
    const next = sub.status === 'PENDING' ? { giveUp: 'CANCELLED' as const } : afterFailure(this.policy, failures, firstFailedAt);
    if ('retryAt' in next) {
      const to: SubscriptionStatus = 'PAST_DUE';
      const row = await this.move(tx, sub, to, { failedAttempts: failures, firstFailedAt, nextBillingAt: next.retryAt }, at, {
        kind: 'PAST_DUE',
        reason: `retry ${failures} at ${next.retryAt.toISOString()}`,
        period: index,
      });
      return { row, cancelOrder: null };
    }
    await tx.subscriptionPeriod.updateMany({ where: { subscriptionId: sub.id, index, status: 'BILLING' }, data: { status: 'FAILED', updatedAt: at } });
    const to = next.giveUp;
    const row = await this.move(
      tx,
      sub,
      to,
      { failedAttempts: failures, firstFailedAt, nextBillingAt: null, ...(to === 'CANCELLED' ? { cancelledAt: at } : { pausedAt: at }) },
      at,
      { kind: to === 'CANCELLED' ? 'CANCELLATION' : 'PAUSED', reason: `payment failed ${failures} time${failures === 1 ? '' : 's'}: ${outcome.reason}`, period: index },
    );
    const period = await tx.subscriptionPeriod.findUnique({ where: { subscriptionId_index: { subscriptionId: sub.id, index } } });
    return { row, cancelOrder: period?.orderId ?? outcome.orderId };
  }

  /** A move of status by billing (or a stay, when `to` is the status it has), with its history entry and event. */
  private async move(
    tx: Tx,
    sub: SubscriptionRow,
    to: SubscriptionStatus,
    data: Parameters<Tx['customerSubscription']['update']>[0]['data'],
    at: Date,
    record: { kind: 'PAST_DUE' | 'PAUSED' | 'CANCELLATION'; reason: string; period: number },
    actor: Actor = BILLING,
  ): Promise<SubscriptionRow> {
    if (to !== sub.status) subscriptionLifecycle.decide(sub.status, to, { actor, at, context: { personId: sub.personId } });
    const row = await tx.customerSubscription.update({ where: { id: sub.id }, data: { ...data, status: to, updatedAt: at } });
    if (to === sub.status) return row;
    const event = to === 'PAST_DUE' ? 'SubscriptionPastDue' : to === 'PAUSED' ? 'SubscriptionPaused' : 'SubscriptionCancelled';
    await recordSubscriptionEvent(tx, row, { kind: record.kind, from: sub.status, to, period: record.period, actor, reason: record.reason, at }, { type: event });
    return row;
  }
}
