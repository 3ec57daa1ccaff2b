// Renewals (SPEC §3 "Subscription"): the job finds subscriptions due, and for each bills its next
// period exactly once, whatever happens: two workers (each claims its own rows, SKIP LOCKED, and
// holds them under a lease), a retried job or a killed worker (the period row, keyed by
// subscription and period, is claimed before anything is asked of the order context, and every
// call to it is keyed by subscription and period or by order and attempt, so a repeat answers
// what the first did), and the payment's events arriving before or after the worker's own read
// (period-settlement.ts applies each outcome once).
import type { Logger } from '../../lib/logger.js';
import { QUEUED_WRITE } from '../../lib/db.js';
import { billingDate, type Cadence } from './billing-calendar.js';
import { holdSeconds, type DunningPolicy } from './dunning.js';
import type { AddressView, SubscriptionRow } from './models.js';
import type { OrderAnswer, OrderPeer } from './order-peer.js';
import { BILLING, type PeriodSettlement } from './period-settlement.js';
import type { PrismaClient, SubscriptionPeriod } from './prisma-client/client.js';
import { BILLING_STATES } from './subscription-lifecycle.js';
import { lockSubscription, recordSubscriptionEvent } from './subscription.service.js';

/** How long a worker holds the subscriptions it claimed; another takes them over after. */
export const RENEWAL_LEASE_MS = 60_000;
/** While a period's payment is processing (or its order context is unreachable), when to look again. */
const LOOK_AGAIN_MS = 15 * 60_000;

/** What billing a period came to, for whoever asked (subscribe answers the first period's). */
export interface BillResult {
  row: SubscriptionRow | null;
  /** The first payment needs the subscriber (3-D Secure): hand it to Stripe.js. */
  clientSecret: string | null;
  /** Why the order context refused the period's order (out of stock, …), when it did. */
  refusal: { code: string; message: string } | null;
}

export class Renewals {
  constructor(
    private readonly db: PrismaClient,
    private readonly orders: OrderPeer,
    private readonly settlement: PeriodSettlement,
    private readonly policy: DunningPolicy,
    private readonly now: () => Date,
    private readonly log: Logger,
    private readonly batchSize = 50,
  ) {}

  /** One run of the job: claims due subscriptions a batch at a time until none is left, renewing each. Answers how many it handled. */
  async runDue(): Promise<number> {
    let handled = 0;
    for (let ids = await this.claim(); ids.length > 0; ids = await this.claim()) {
      for (const id of ids) {
        try {
          await this.renew(id);
          // Done: the lease goes, so that the next due date is all that decides.
          await this.db.customerSubscription.updateMany({ where: { id }, data: { renewalLeaseUntil: null } });
        } catch (err) {
          // The lease stays: this run does not take it again; another run does once it lapses.
          this.log.error({ subscriptionId: id, err }, 'renewing a subscription failed; it is tried again when its lease lapses');
        }
        handled += 1;
      }
    }
    return handled;
  }

  /** Claims up to a batch of due subscriptions for this worker: rows other workers hold (locked or leased) are skipped. */
  private async claim(): Promise<string[]> {
    const now = this.now();
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      UPDATE customer_subscription SET renewal_lease_until = ${new Date(now.getTime() + RENEWAL_LEASE_MS)}
       WHERE id IN (SELECT id FROM customer_subscription
                     WHERE status IN ('ACTIVE', 'PAST_DUE') AND next_billing_at <= ${now}
                       AND (renewal_lease_until IS NULL OR renewal_lease_until <= ${now})
                     ORDER BY next_billing_at LIMIT ${this.batchSize}
                     FOR UPDATE SKIP LOCKED)
      RETURNING id`;
    return rows.map((r) => r.id);
  }

  /** Whatever is due for one subscription: carry on with a period being billed, retry a failed one, end it, skip a period, or bill the next. */
  async renew(id: string): Promise<void> {
    const sub = await this.db.customerSubscription.findUnique({ where: { id } });
    const now = this.now();
    if (!sub || !BILLING_STATES.includes(sub.status) || !sub.nextBillingAt || sub.nextBillingAt > now) return;
    const current = await this.db.subscriptionPeriod.findUnique({ where: { subscriptionId_index: { subscriptionId: id, index: sub.currentPeriod } } });
    if (current?.status === 'BILLING') {
      await this.bill(sub, current);
      return;
    }
    if (sub.status !== 'ACTIVE') return;
    const next = await this.advance(sub);
    if (next) await this.bill(next.sub, next.period);
  }

  /**
   * Moves an ACTIVE subscription whose period has ended on to its next one, under its row lock:
   * ends it instead when it was to end at the period's end; records a skipped period as SKIPPED;
   * otherwise claims the next period's row (BILLING, with the plan and quantity it starts with:
   * a pending change takes effect here) and answers it to bill.
   */
  private advance(sub: SubscriptionRow): Promise<{ sub: SubscriptionRow; period: SubscriptionPeriod } | null> {
    return this.db.$transaction(async (tx) => {
      const locked = await lockSubscription(tx, sub.id);
      const at = this.now();
      if (!locked || locked.status !== 'ACTIVE' || locked.currentPeriod !== sub.currentPeriod || !locked.nextBillingAt || locked.nextBillingAt > at) return null;
      if (locked.cancelAtPeriodEnd) {
        const row = await tx.customerSubscription.update({ where: { id: sub.id }, data: { status: 'CANCELLED', nextBillingAt: null, cancelledAt: at, updatedAt: at } });
        await recordSubscriptionEvent(tx, row, { kind: 'CANCELLATION', from: 'ACTIVE', to: 'CANCELLED', period: locked.currentPeriod, actor: BILLING, reason: 'ended at the end of its period, as asked', at }, { type: 'SubscriptionCancelled' });
        return null;
      }
      const index = locked.currentPeriod + 1;
      const planId = locked.nextPlanId ?? locked.planId;
      const quantity = locked.nextQuantity ?? locked.quantity;
      const plan = await tx.subscriptionPlan.findUniqueOrThrow({ where: { id: planId } });
      const cadence: Cadence = { interval: plan.interval, intervalCount: plan.intervalCount };
      const startsAt = billingDate(locked.anchorAt, cadence, index - locked.anchorPeriod);
      const endsAt = billingDate(locked.anchorAt, cadence, index + 1 - locked.anchorPeriod);
      const skipped = locked.skipPeriod === index;
      const period = { subscriptionId: sub.id, index, startsAt, endsAt, planId, quantity, amount: skipped ? 0 : plan.price * quantity, currency: plan.currency, updatedAt: at };
      await tx.subscriptionPeriod.createMany({ data: [{ ...period, status: skipped ? 'SKIPPED' : 'BILLING' }], skipDuplicates: true });
      const row = await tx.customerSubscription.update({
        where: { id: sub.id },
        data: {
          currentPeriod: index,
          currentPeriodStart: startsAt,
          currentPeriodEnd: endsAt,
          planId,
          quantity,
          nextPlanId: null,
          nextQuantity: null,
          skipPeriod: null,
          // A skipped period is done; one being billed stays due until its outcome is applied.
          nextBillingAt: skipped ? endsAt : at,
          updatedAt: at,
        },
      });
      if (skipped) {
        await recordSubscriptionEvent(tx, row, { kind: 'SKIPPED', from: 'ACTIVE', to: 'ACTIVE', period: index, actor: BILLING, reason: `period ${index} skipped as asked: nothing delivered or charged`, at });
        return null;
      }
      return { sub: row, period: await tx.subscriptionPeriod.findUniqueOrThrow({ where: { subscriptionId_index: { subscriptionId: sub.id, index } } }) };
    }, QUEUED_WRITE);
  }

  /**
   * Asks the order context for the period's order and charge (again: every ask is keyed, so a
   * repeat answers what was done), and applies the answer. A period with an order whose payment
   * failed is charged again (attempt = failures so far + 1); one without (its stock was short)
   * has its order placed again.
   */
  async bill(sub: SubscriptionRow, period: SubscriptionPeriod): Promise<BillResult> {
    const attempt = period.attempts + 1;
    let answer: OrderAnswer;
    try {
      // The subscription's card: the one last tried is charged off-session again, a new one is confirmed and saved.
      answer = period.orderId && period.attempts > 0 ? await this.orders.charge(period.orderId, attempt, sub.paymentMethodId) : await this.orders.place(await this.placeInput(sub, period));
    } catch (err) {
      // The order context is unreachable: look again later (the keyed asks make that safe).
      await this.lookAgainLater(sub.id, period.index);
      throw err;
    }
    if (!answer.ok) {
      const [first] = answer.userErrors;
      const reason = first?.code === 'OUT_OF_STOCK' ? `out of stock: ${first.message}` : `${first?.code ?? 'REFUSED'}: ${first?.message ?? 'the order was refused'}`;
      const row = await this.settlement.settle(sub.id, period.index, { kind: 'failed', orderId: null, attempt, reason });
      return { row, clientSecret: null, refusal: first ? { code: first.code, message: first.message } : null };
    }
    const { orderId, payment } = answer.value;
    if (!period.orderId) await this.db.subscriptionPeriod.updateMany({ where: { subscriptionId: sub.id, index: period.index, orderId: null }, data: { orderId } });
    if (payment.status === 'SUCCEEDED') {
      return { row: await this.settlement.settle(sub.id, period.index, { kind: 'paid', orderId, paymentCustomerId: payment.customerId, paymentMethodId: payment.paymentMethodId }), clientSecret: null, refusal: null };
    }
    if (payment.status === 'FAILED' || (payment.status === 'REQUIRES_ACTION' && sub.status !== 'PENDING')) {
      // Off-session, a bank asking for the subscriber's confirmation is a failure: they are not there.
      const reason = payment.status === 'FAILED' ? (payment.failureMessage ?? 'the payment failed') : 'the bank asks the subscriber to confirm the payment';
      return { row: await this.settlement.settle(sub.id, period.index, { kind: 'failed', orderId, attempt, reason }), clientSecret: null, refusal: null };
    }
    // Processing, or the first payment waiting for the subscriber: the order context's events settle it.
    await this.lookAgainLater(sub.id, period.index);
    return { row: await this.db.customerSubscription.findUnique({ where: { id: sub.id } }), clientSecret: payment.clientSecret, refusal: null };
  }

  /**
   * Puts off the next look at a period still being billed. Only while it is still due: an outcome
   * applied meanwhile (the payment's event, settling under the row lock) has moved the next billing
   * to the period's end, and this must not bring it back.
   */
  private async lookAgainLater(subscriptionId: string, index: number): Promise<void> {
    const now = this.now();
    await this.db.customerSubscription.updateMany({
      where: { id: subscriptionId, currentPeriod: index, status: { in: ['ACTIVE', 'PAST_DUE'] }, nextBillingAt: { lte: now } },
      data: { nextBillingAt: new Date(now.getTime() + LOOK_AGAIN_MS) },
    });
  }

  private async placeInput(sub: SubscriptionRow, period: SubscriptionPeriod) {
    const items = await this.db.subscriptionPlanItem.findMany({ where: { planId: period.planId }, orderBy: { position: 'asc' } });
    return {
      subscriptionId: sub.id,
      period: period.index,
      personId: sub.personId,
      items: items.map((item) => ({ variantId: item.variantId, quantity: item.quantity * period.quantity })),
      amount: period.amount,
      currency: period.currency,
      shippingAddress: sub.shippingAddress as unknown as AddressView,
      shippingMethod: sub.shippingMethod,
      paymentMethodId: sub.paymentMethodId,
      paymentCustomerId: sub.paymentCustomerId,
      holdSeconds: holdSeconds(this.policy),
    };
  }
}
