// The charges of a subscription period's order. Each try (attempt 1, 2, …) is one PaymentIntent,
// made with idempotency keys derived from the order and the try, so a repeat of a try (a retried
// job, a racing worker, a resumed crash) reaches the same PaymentIntent and charges once. Two
// ways to charge:
// - `save-card`: the subscriber's card, confirmed for a PaymentIntent with setup_future_usage
//   off_session, which saves it on the payment customer for later periods (the first period, or a
//   retry with a card the subscriber just gave); a bank asking for authentication answers
//   REQUIRES_ACTION with the client secret;
// - `off-session`: the card saved on the customer, charged without the subscriber.
// The PaymentIntent is recorded as the order's payment and applied at once through
// PaymentService, as its webhook will be (whichever comes second changes nothing more).
import type { Logger } from '../../../lib/logger.js';
import { recordEvents } from '../../../lib/outbox.js';
import { systemActor } from '../../../lib/state-machine.js';
import type { SubscriptionOrderPayment } from '../generated/resolvers-types.js';
import type { OrderRow } from '../models.js';
import { orderPaymentFailed } from '../order-events.js';
import { paymentCancelKey, recordOrderPayment, type PaymentService } from '../payment.service.js';
import { PaymentProviderError, type PaymentIntentView, type PaymentProvider } from '../payments/provider.js';
import type { Payment, PrismaClient } from '../prisma-client/client.js';

export type ChargeMode = 'save-card' | 'off-session';

export interface PeriodCharge {
  order: OrderRow;
  attempt: number;
  customerId: string;
  paymentMethodId: string;
  mode: ChargeMode;
}

/** Who applies a charge's outcome at once: the payment provider's word, as the webhook is. */
export const CHARGE_ACTOR = systemActor('subscription-charge');

/** The provider's idempotency key of a try's PaymentIntent. */
export const attemptKey = (orderId: string, attempt: number) => `order-${orderId}-payment-${attempt}`;

/** A PaymentIntent made for the subscriber's card and not yet confirmed (a try that stopped half-way). */
const awaitsConfirmation = (intent: PaymentIntentView) =>
  intent.status === 'requires_confirmation' || (intent.status === 'requires_payment_method' && intent.lastError === null);

/** The provider refused to charge without making a PaymentIntent (a card it cannot use, an unknown customer, an amount under its minimum). */
const isRefusedCharge = (err: unknown): err is PaymentProviderError =>
  err instanceof PaymentProviderError && (err.kind === 'card_declined' || err.kind === 'invalid_request');

/** A payment as the subscription context sees it. */
export function paymentAnswer(payment: Payment, intent: PaymentIntentView | null): SubscriptionOrderPayment {
  const needsAction = payment.status === 'PENDING' && intent?.status === 'requires_action';
  const status = payment.status === 'SUCCEEDED' ? 'SUCCEEDED' : payment.status === 'PENDING' ? (needsAction ? 'REQUIRES_ACTION' : 'PROCESSING') : 'FAILED';
  return {
    status,
    failureMessage: status === 'FAILED' ? (payment.failureMessage ?? 'the payment was cancelled') : null,
    paymentClientSecret: needsAction ? (intent?.clientSecret ?? null) : null,
    paymentCustomerId: payment.customerId ?? '',
    paymentMethodId: payment.paymentMethodId ?? '',
  };
}

export class PeriodCharges {
  constructor(
    private readonly db: PrismaClient,
    private readonly provider: PaymentProvider,
    private readonly payments: PaymentService,
    private readonly log: Logger,
  ) {}

  /** The subscriber's payment customer: the one given, else one made for the person (once: its key is the person's). */
  async customerFor(personId: string, given: string | null): Promise<string> {
    if (given) return given;
    return (await this.provider.createCustomer({ personId, idempotencyKey: `customer-${personId}` })).id;
  }

  /** Charges one try of the order, once: a repeat of the try answers what it did. */
  async charge(request: PeriodCharge): Promise<SubscriptionOrderPayment> {
    const { order, attempt } = request;
    const key = attemptKey(order.id, attempt);
    let payment = await this.db.payment.findUnique({ where: { orderId_attempt: { orderId: order.id, attempt } } });
    let intent: PaymentIntentView;
    try {
      if (payment) intent = await this.provider.retrievePaymentIntent(payment.providerPaymentId);
      else {
        intent = await this.create(request, key);
        payment = await recordOrderPayment(this.db, order, intent, { attempt, customerId: request.customerId, paymentMethodId: intent.paymentMethodId ?? request.paymentMethodId });
      }
      // With the card the try was asked with (a repeat's view may be the creation's, replayed: the confirmation then is too).
      if (awaitsConfirmation(intent)) intent = await this.provider.confirmPaymentIntent(intent.id, { paymentMethodId: request.paymentMethodId, idempotencyKey: `${key}-confirm` });
    } catch (err) {
      if (!isRefusedCharge(err)) throw err;
      return this.refused(request, err);
    }
    await this.payments.applyIntent(intent, CHARGE_ACTOR);
    return paymentAnswer(await this.db.payment.findUniqueOrThrow({ where: { id: payment.id } }), intent);
  }

  /** The order's latest try, as it now stands; null when it was never charged. */
  async latest(orderId: string): Promise<SubscriptionOrderPayment | null> {
    const payment = await this.db.payment.findFirst({ where: { orderId }, orderBy: [{ attempt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }] });
    if (!payment) return null;
    const intent = payment.status === 'PENDING' ? await this.provider.retrievePaymentIntent(payment.providerPaymentId) : null;
    return paymentAnswer(payment, intent);
  }

  /**
   * Before try `attempt`: the other tries still under way (waiting for the subscriber's
   * authentication) are cancelled, so that the order is never paid twice; one that was paid
   * meanwhile is applied.
   */
  async supersede(orderId: string, attempt: number): Promise<void> {
    const open = await this.db.payment.findMany({ where: { orderId, status: 'PENDING', NOT: { attempt } } });
    for (const payment of open) {
      try {
        await this.provider.cancelPaymentIntent(payment.providerPaymentId, paymentCancelKey(payment.providerPaymentId));
        await this.db.payment.updateMany({ where: { id: payment.id, status: 'PENDING' }, data: { status: 'CANCELLED', failureMessage: 'superseded by a later try' } });
      } catch (err) {
        if (!(err instanceof PaymentProviderError) || err.kind !== 'unexpected_state') throw err;
        await this.payments.sync(payment.providerPaymentId, CHARGE_ACTOR);
      }
    }
  }

  private async create(request: PeriodCharge, idempotencyKey: string): Promise<PaymentIntentView> {
    const { order, customerId, paymentMethodId } = request;
    const charge = { orderId: order.id, amount: order.total, currency: order.currency, idempotencyKey };
    if (request.mode === 'off-session') return this.provider.chargeOffSession({ ...charge, customerId, paymentMethodId });
    return this.provider.createPaymentIntent({ ...charge, customerId, setupFutureUsage: true, description: order.number });
  }

  /** The provider would not charge at all: nothing is recorded but OrderPaymentFailed, while the order waits for its payment. */
  private async refused(request: PeriodCharge, err: PaymentProviderError): Promise<SubscriptionOrderPayment> {
    const { order, attempt } = request;
    this.log.warn({ orderId: order.id, attempt, code: err.code, err: err.message }, 'the payment provider refused a subscription order’s charge');
    await this.db.$transaction(async (tx) => {
      const current = await tx.order.findUniqueOrThrow({ where: { id: order.id } });
      if (current.status === 'PENDING_PAYMENT') await recordEvents(tx, [orderPaymentFailed(current, { attempt, reason: err.message, at: new Date() })]); // worded as payment.service.ts words a decline
    });
    return { status: 'FAILED', failureMessage: err.message, paymentClientSecret: null, paymentCustomerId: request.customerId, paymentMethodId: request.paymentMethodId };
  }
}
