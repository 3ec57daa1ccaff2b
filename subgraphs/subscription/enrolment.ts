// Subscribing (SPEC §3 "Subscription"): the subscription and its first period. Without a trial the
// subscription is PENDING and its first order is placed and charged at once (the card saved for
// the renewals); it becomes ACTIVE when that payment succeeds (now, or through the order context's
// events when the bank asks the subscriber to confirm), and CANCELLED when it fails. With a trial
// it is ACTIVE at once, and the first order and charge come when the trial ends, as a renewal.
// The subscriber's idempotency key makes a repeat answer the same subscription.
import { v7 as uuidv7 } from 'uuid';
import { checkAddress } from '../../lib/address.js';
import { isUniqueViolation, QUEUED_WRITE } from '../../lib/db.js';
import { actorOf } from '../../lib/state-machine.js';
import type { Viewer } from '../../lib/auth.js';
import { isUuid } from '../../lib/ids.js';
import { billingDate, trialEnd, type Cadence } from './billing-calendar.js';
import type { SubscribeInput } from './generated/resolvers-types.js';
import type { PlanRow, SubscriptionRow } from './models.js';
import type { PrismaClient } from './prisma-client/client.js';
import type { Renewals } from './renewals.js';
import { recordSubscriptionEvent } from './subscription.service.js';
import { LIMITS, SubscriptionInputChecker, refuse } from './validation.js';

export interface Enrolment {
  subscription: SubscriptionRow;
  /** The first payment needs the subscriber (3-D Secure): hand it to Stripe.js. */
  paymentClientSecret: string | null;
}

const IDEMPOTENCY_KEY_MAX = 100;

export class EnrolmentService {
  constructor(
    private readonly db: PrismaClient,
    private readonly renewals: Renewals,
    private readonly now: () => Date,
  ) {}

  async subscribe(viewer: Viewer, input: SubscribeInput): Promise<Enrolment> {
    const c = new SubscriptionInputChecker();
    const address = checkAddress(c, input.shippingAddress, ['input', 'shippingAddress']);
    const key = input.idempotencyKey.trim();
    c.text(key, ['input', 'idempotencyKey'], IDEMPOTENCY_KEY_MAX, true);
    const paymentMethodId = input.paymentMethodId.trim();
    c.text(paymentMethodId, ['input', 'paymentMethodId'], LIMITS.paymentMethodId, true);
    const quantity = input.quantity ?? 1;
    c.range(quantity, ['input', 'quantity'], LIMITS.quantity.min, LIMITS.quantity.max);
    c.throwIfAny();
    const plan = isUuid(input.planId) ? await this.db.subscriptionPlan.findUnique({ where: { id: input.planId } }) : null;
    if (!plan) return refuse('PLAN_NOT_FOUND', 'no plan has this id', ['input', 'planId']);

    const existing = await this.db.customerSubscription.findUnique({ where: { personId_idempotencyKey: { personId: viewer.personId, idempotencyKey: key } } });
    if (existing) return this.repeat(existing, plan.id, quantity);
    if (!plan.active) return refuse('PLAN_INACTIVE', `${plan.name} is not open to new subscriptions`, ['input', 'planId']);
    if (plan.price * quantity > LIMITS.charge) return refuse('INVALID_INPUT', `a period may charge at most ${LIMITS.charge} minor units`, ['input', 'quantity']);

    let created: SubscriptionRow;
    try {
      created = await this.create(viewer, plan, { quantity, address, shippingMethod: input.shippingMethod ?? 'STANDARD', paymentMethodId, key });
    } catch (err) {
      // The same key, racing: the first one made it; answer that.
      if (!isUniqueViolation(err)) throw err;
      const winner = await this.db.customerSubscription.findUniqueOrThrow({ where: { personId_idempotencyKey: { personId: viewer.personId, idempotencyKey: key } } });
      return this.repeat(winner, plan.id, quantity);
    }
    return this.billFirst(created);
  }

  /** A repeat of subscribe with the same key: the same subscription (its first period billed on, if it was left half-done), or IDEMPOTENCY_KEY_REUSED for another request. */
  private async repeat(existing: SubscriptionRow, planId: string, quantity: number): Promise<Enrolment> {
    const first = await this.db.subscriptionPeriod.findUnique({ where: { subscriptionId_index: { subscriptionId: existing.id, index: 0 } } });
    const samePlan = (first?.planId ?? existing.planId) === planId && (first?.quantity ?? existing.quantity) === quantity;
    if (!samePlan) return refuse('IDEMPOTENCY_KEY_REUSED', 'this idempotency key was used to subscribe to another plan or quantity', ['input', 'idempotencyKey']);
    if (existing.status === 'PENDING') return this.billFirst(existing);
    return { subscription: existing, paymentClientSecret: null };
  }

  private create(
    viewer: Viewer,
    plan: PlanRow,
    choice: { quantity: number; address: ReturnType<typeof checkAddress>; shippingMethod: string; paymentMethodId: string; key: string },
  ): Promise<SubscriptionRow> {
    return this.db.$transaction(async (tx) => {
      const at = this.now();
      const cadence: Cadence = { interval: plan.interval, intervalCount: plan.intervalCount };
      const trial = plan.trialDays > 0;
      // With a trial, period 0 is the trial and the calendar is anchored at its end, where period 1 starts.
      const periodEnd = trial ? trialEnd(at, plan.trialDays) : billingDate(at, cadence, 1);
      const row = await tx.customerSubscription.create({
        data: {
          id: uuidv7(),
          personId: viewer.personId,
          planId: plan.id,
          quantity: choice.quantity,
          status: trial ? 'ACTIVE' : 'PENDING',
          shippingAddress: choice.address as object,
          shippingMethod: choice.shippingMethod,
          paymentMethodId: choice.paymentMethodId,
          idempotencyKey: choice.key,
          anchorAt: trial ? periodEnd : at,
          anchorPeriod: trial ? 1 : 0,
          currentPeriod: 0,
          currentPeriodStart: at,
          currentPeriodEnd: periodEnd,
          trialEndsAt: trial ? periodEnd : null,
          // Without a trial nothing is due until the first payment is applied (period-settlement.ts sets it then).
          nextBillingAt: trial ? periodEnd : null,
          updatedAt: at,
        },
      });
      if (!trial) {
        await tx.subscriptionPeriod.create({
          data: { subscriptionId: row.id, index: 0, startsAt: at, endsAt: periodEnd, status: 'BILLING', planId: plan.id, quantity: choice.quantity, amount: plan.price * choice.quantity, currency: plan.currency, updatedAt: at },
        });
      }
      await recordSubscriptionEvent(
        tx,
        row,
        { kind: 'CREATED', from: null, to: row.status, period: 0, actor: actorOf(viewer), reason: trial ? `trial of ${plan.trialDays} days` : null, at },
        { type: 'SubscriptionCreated', extra: { quantity: choice.quantity, trialEndsAt: row.trialEndsAt?.toISOString() ?? null } },
      );
      return row;
    }, QUEUED_WRITE);
  }

  /** Bills period 0 of a PENDING subscription (again, after a repeat: the order context answers what it did). */
  private async billFirst(sub: SubscriptionRow): Promise<Enrolment> {
    if (sub.trialEndsAt) return { subscription: sub, paymentClientSecret: null };
    const period = await this.db.subscriptionPeriod.findUniqueOrThrow({ where: { subscriptionId_index: { subscriptionId: sub.id, index: 0 } } });
    if (period.status !== 'BILLING') return { subscription: sub, paymentClientSecret: null };
    const result = await this.renewals.bill(sub, period);
    const row = result.row ?? sub;
    if (result.refusal) {
      const code = result.refusal.code === 'OUT_OF_STOCK' || result.refusal.code === 'VARIANT_UNAVAILABLE' || result.refusal.code === 'INVALID_ADDRESS' ? result.refusal.code : 'PAYMENT_FAILED';
      return refuse(code, result.refusal.message, code === 'INVALID_ADDRESS' ? ['input', 'shippingAddress'] : ['input', 'planId']);
    }
    if (row.status === 'CANCELLED') {
      const failed = await this.db.subscriptionPeriod.findUnique({ where: { subscriptionId_index: { subscriptionId: sub.id, index: 0 } } });
      return refuse('PAYMENT_FAILED', `the card was not charged: ${failed?.failureReason ?? 'the payment failed'}`, ['input', 'paymentMethodId']);
    }
    return { subscription: row, paymentClientSecret: result.clientSecret };
  }
}
