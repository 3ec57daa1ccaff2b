// What subscribers and staff do to a subscription (SPEC §3 "Subscription", §6): pause, resume,
// cancel (now or at the period's end), skip the next period, change plan or quantity from the next
// period. Each is decided under the row lock by SubscriptionService.apply, which writes it with its
// history entry and its event in one transaction. Billing itself (renewals, dunning) is not here:
// these set the dates and flags the renewal job reads.
import { isUuid } from '../../lib/ids.js';
import type { Actor } from '../../lib/state-machine.js';
import type { ChangeSubscriptionInput } from './generated/resolvers-types.js';
import type { SubscriptionRow } from './models.js';
import { BILLING_STATES, subscriptionLifecycle } from './subscription-lifecycle.js';
import { illegal, notNow, type SubscriptionService, type Tx } from './subscription.service.js';
import { LIMITS, SubscriptionInputChecker, refuse } from './validation.js';

export class SubscriptionActions {
  constructor(private readonly subscriptions: SubscriptionService) {}

  /**
   * ACTIVE or PAST_DUE → PAUSED: nothing is billed (next billing cleared) until it is resumed. A
   * skip asked for before goes: the period it named will not come as planned. A period being
   * billed is left to the renewal job.
   */
  pause(actor: Actor, id: string, ownerOnly?: string): Promise<SubscriptionRow> {
    return this.subscriptions.apply(
      id,
      actor,
      (s, at) => ({
        to: 'PAUSED',
        data: { nextBillingAt: null, pausedAt: at, skipPeriod: null },
        record: { kind: 'PAUSED', period: s.currentPeriod, event: 'SubscriptionPaused' },
      }),
      { ownerOnly },
    );
  }

  /**
   * PAUSED → ACTIVE, re-anchored: the next period starts now and is billed now (the renewal job
   * finds it due), then every period from now on; failed attempts start again from zero.
   */
  resume(actor: Actor, id: string, ownerOnly?: string): Promise<SubscriptionRow> {
    return this.subscriptions.apply(
      id,
      actor,
      (s, at) => {
        if (s.status !== 'PAUSED') throw illegal(s.status, 'ACTIVE', `only a PAUSED subscription can be resumed; this one is ${s.status}`);
        const next = s.currentPeriod + 1;
        return {
          to: 'ACTIVE',
          data: { anchorAt: at, anchorPeriod: next, nextBillingAt: at, failedAttempts: 0, firstFailedAt: null, pausedAt: null },
          record: { kind: 'RESUMED', period: next, event: 'SubscriptionResumed' },
        };
      },
      { ownerOnly },
    );
  }

  /**
   * Cancels now: CANCELLED, nothing more billed, any skip or pending change dropped. At the period's
   * end (an ACTIVE or PAST_DUE one): it stays as it is and the renewal job ends it instead of
   * renewing; asked again, nothing changes. A PENDING or PAUSED one has no period being served, so
   * it is cancelled now either way.
   */
  cancel(actor: Actor, id: string, atPeriodEnd: boolean, ownerOnly?: string): Promise<SubscriptionRow> {
    return this.subscriptions.apply(
      id,
      actor,
      (s, at) => {
        if (atPeriodEnd && BILLING_STATES.includes(s.status)) {
          const refusal = subscriptionLifecycle.check(s.status, 'CANCELLED', { actor, at, context: { personId: s.personId } });
          if (refusal) throw illegal(s.status, 'CANCELLED', refusal.reason);
          if (s.cancelAtPeriodEnd) return null;
          return {
            data: { cancelAtPeriodEnd: true },
            record: { kind: 'CANCELLATION_SCHEDULED', period: s.currentPeriod, event: 'SubscriptionCancellationScheduled', extra: { endsAt: s.currentPeriodEnd.toISOString() } },
          };
        }
        return {
          to: 'CANCELLED',
          data: { cancelledAt: at, nextBillingAt: null, cancelAtPeriodEnd: false, skipPeriod: null, nextPlanId: null, nextQuantity: null },
          record: { kind: 'CANCELLATION', period: s.currentPeriod, event: 'SubscriptionCancelled' },
        };
      },
      { ownerOnly },
    );
  }

  /**
   * An ACTIVE subscription skips its next period (current + 1): neither delivered nor charged.
   * `skip: false` takes it back (recording nothing); asking for what already holds changes nothing.
   */
  skipNextPeriod(actor: Actor, id: string, skip: boolean, ownerOnly?: string): Promise<SubscriptionRow> {
    return this.subscriptions.apply(
      id,
      actor,
      (s) => {
        const next = s.currentPeriod + 1;
        if (s.status !== 'ACTIVE') notNow(`a ${s.status} subscription cannot skip its next period: only an ACTIVE one can`);
        if (!skip) return s.skipPeriod === null ? null : { data: { skipPeriod: null }, record: null };
        if (s.cancelAtPeriodEnd) notNow('it ends with its current period: there is no next period to skip');
        if (s.skipPeriod === next) return null;
        return { data: { skipPeriod: next }, record: { kind: 'SKIPPED', period: next, event: 'SubscriptionPeriodSkipped' } };
      },
      { ownerOnly },
    );
  }

  /**
   * Another card from now on (not on a CANCELLED one). A PAST_DUE subscription is due at once: the
   * renewal job charges the period with it (the order context saves it on the payment customer),
   * and the payment applied makes it ACTIVE. Recorded as CHANGED.
   */
  updatePaymentMethod(actor: Actor, id: string, paymentMethodId: string, ownerOnly?: string): Promise<SubscriptionRow> {
    const c = new SubscriptionInputChecker();
    const card = c.textOf(paymentMethodId, ['paymentMethodId'], LIMITS.paymentMethodId, true) ?? '';
    c.throwIfAny();
    return this.subscriptions.apply(
      id,
      actor,
      (s, at) => {
        if (s.status === 'CANCELLED') notNow('a CANCELLED subscription charges nothing more');
        if (card === s.paymentMethodId) return null;
        return {
          data: { paymentMethodId: card, ...(s.status === 'PAST_DUE' ? { nextBillingAt: at } : {}) },
          record: { kind: 'CHANGED', period: s.currentPeriod, reason: s.status === 'PAST_DUE' ? 'new card: the unpaid period is charged with it now' : 'new card', event: 'SubscriptionChanged', extra: { paymentMethodChanged: true } },
        };
      },
      { ownerOnly, field: ['id'] },
    );
  }

  /**
   * Another plan (active, in the same currency) and/or another quantity from the next period. Asking
   * for what the subscription has now takes back a change asked for before; asking for what is
   * pending already changes nothing.
   */
  change(actor: Actor, id: string, input: ChangeSubscriptionInput, ownerOnly?: string): Promise<SubscriptionRow> {
    const c = new SubscriptionInputChecker();
    if (input.planId == null && input.quantity == null) c.add('INVALID_INPUT', 'give planId, quantity or both', ['input']);
    c.range(input.quantity, ['input', 'quantity'], LIMITS.quantity.min, LIMITS.quantity.max);
    c.throwIfAny();
    return this.subscriptions.apply(
      id,
      actor,
      async (s, _at, tx) => {
        if (s.status === 'CANCELLED') notNow('a CANCELLED subscription has no next period to change');
        if (s.cancelAtPeriodEnd) notNow('it ends with its current period: there is no next period to change');
        const planId = input.planId ?? s.nextPlanId ?? s.planId;
        const quantity = input.quantity ?? s.nextQuantity ?? s.quantity;
        const plan = await this.nextPlan(tx, s, planId);
        if (plan.price * quantity > LIMITS.charge) {
          refuse('INVALID_INPUT', `a period may charge at most ${LIMITS.charge} minor units: ${quantity} × ${plan.price} is more`, ['input', input.quantity != null ? 'quantity' : 'planId']);
        }
        const back = planId === s.planId && quantity === s.quantity;
        const pending = s.nextPlanId !== null || s.nextQuantity !== null;
        if (back && !pending) return null;
        if (!back && s.nextPlanId === planId && s.nextQuantity === quantity) return null;
        const next = s.currentPeriod + 1;
        return {
          data: back ? { nextPlanId: null, nextQuantity: null } : { nextPlanId: planId, nextQuantity: quantity },
          record: {
            kind: 'CHANGED',
            period: next,
            reason: back ? `change taken back: ${plan.name}, quantity ${quantity} as now` : `from period ${next}: ${plan.name}, quantity ${quantity}`,
            event: 'SubscriptionChanged',
            extra: { nextPlanId: back ? null : planId, nextQuantity: back ? null : quantity },
          },
        };
      },
      { ownerOnly },
    );
  }

  /** The plan a change asks for: known, active (the current plan may stay, active or not), in the subscription's currency. */
  private async nextPlan(tx: Tx, s: SubscriptionRow, planId: string) {
    const field = ['input', 'planId'];
    const plan = isUuid(planId) ? await tx.subscriptionPlan.findUnique({ where: { id: planId } }) : null;
    if (!plan) return refuse('PLAN_NOT_FOUND', 'no plan has this id', field);
    if (planId === s.planId) return plan;
    const current = await tx.subscriptionPlan.findUniqueOrThrow({ where: { id: s.planId } });
    if (!plan.active) refuse('PLAN_INACTIVE', `${plan.name} is no longer offered`, field);
    if (plan.currency !== current.currency) refuse('CURRENCY_MISMATCH', `the subscription bills in ${current.currency}, the plan in ${plan.currency}`, field);
    return plan;
  }
}
