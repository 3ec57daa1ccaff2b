// What the payment provider says becomes the order's state. The provider's webhooks are hints:
// each names a PaymentIntent, which is read back from the provider and applied (paid, failed,
// cancelled, refunded); reconciliation applies the same truth to orders whose webhook was lost.
// Applying it twice changes nothing.
import { v7 as uuidv7 } from 'uuid';
import { executeDirectly, queryAndCommit, QUEUED_WRITE, transactDirectly, type TransactionalSqlClient } from '../../lib/db.js';
import type { Logger } from '../../lib/logger.js';
import { recordEvents } from '../../lib/outbox.js';
import { IllegalTransition, systemActor, type Actor } from '../../lib/state-machine.js';
import type { Counter } from 'prom-client';
import type { OrderRow } from './models.js';
import { orderById, PAYMENT_COLUMNS, paymentOfIntent, webhookTarget } from './order-reads.js';
import { orderPaymentFailed, orderRefunded } from './order-events.js';
import type { OrderService, TransitionResult } from './order.service.js';
import { RefundService } from './refund.service.js';
import { PAYMENT_WEBHOOK_EVENTS, PaymentProviderError, type PaymentIntentView, type PaymentProvider } from './payments/provider.js';
import { Prisma, type Payment, type PrismaClient } from './prisma-client/client.js';

/**
 * What applying the provider's word did; `expired`: reconciliation cancelled an order whose hold
 * ended unpaid; `declined`: a subscription order's charge failed and the order waits for its dunning.
 */
export type PaymentOutcome = 'paid' | 'cancelled' | 'declined' | 'expired' | 'refunded' | 'unchanged' | 'unknown' | 'ignored';

/** The provider's idempotency key for cancelling a PaymentIntent (a subscription order has one per try). */
export const paymentCancelKey = (paymentIntentId: string) => `payment-${paymentIntentId}-cancel`;

/**
 * This context cancels a PaymentIntent on purpose (a cancelled order, a stock hold that ended, a
 * checkout undone): its payment is marked CANCELLED first, so that the provider's `canceled`
 * event, which may arrive before the canceller records why, leaves the order to the canceller.
 */
export async function withdrawPayment(db: PrismaClient, provider: PaymentProvider, paymentIntentId: string): Promise<void> {
  await markPaymentCancelled(db, paymentIntentId);
  await provider.cancelPaymentIntent(paymentIntentId, paymentCancelKey(paymentIntentId));
}

/** A PaymentIntent's payment, while still PENDING, marked CANCELLED. */
async function markPaymentCancelled(db: PrismaClient, paymentIntentId: string): Promise<void> {
  await db.payment.updateMany({ where: { providerPaymentId: paymentIntentId, status: 'PENDING' }, data: { status: 'CANCELLED' } });
}

/** Who moves an order when a payment webhook arrives (its history, its versions). */
export const WEBHOOK_ACTOR: Actor = systemActor('payment-webhook');

const HANDLED = new Set<string>(PAYMENT_WEBHOOK_EVENTS);

/** A declined or failed payment: the PaymentIntent waits for another method, with the last error. */
const hasFailed = (intent: PaymentIntentView) => intent.status === 'requires_payment_method' && intent.lastError !== null;

/**
 * A PaymentIntent the provider does not know (e.g. the local Stripe server restarted and forgot
 * its payments): nothing can be paid on it, so reconciliation treats the order as unpaid.
 */
function missingAtProvider(err: unknown): 'unknown' {
  if (err instanceof PaymentProviderError && err.kind === 'invalid_request') return 'unknown';
  throw err;
}

/**
 * Records a PaymentIntent as the order's payment and makes it the order's latest, once: a repeat
 * (a retried step, a racing try) finds the same row. `details` are a subscription try's.
 */
export async function recordOrderPayment(
  db: TransactionalSqlClient,
  order: { id: string; currency: string },
  intent: PaymentIntentView,
  details: { attempt?: number; customerId?: string; paymentMethodId?: string } = {},
): Promise<Payment> {
  // Straight on pg, in a transaction so that the version history knows who wrote it; one round trip.
  const [inserted] = await transactDirectly(db, (tx) =>
    queryAndCommit<Payment[]>(
      tx,
      `WITH p AS (
         INSERT INTO payment (id, order_id, provider, provider_payment_id, status, amount, currency, attempt, customer_id, payment_method_id, updated_at)
         VALUES ($1::uuid, $2::uuid, 'stripe', $3, 'PENDING', $4, $5, $6, $7, $8, now())
         ON CONFLICT DO NOTHING
         RETURNING ${PAYMENT_COLUMNS}),
       o AS (UPDATE "order" SET payment_intent_id = $3, updated_at = now() WHERE id = $2::uuid)
       SELECT * FROM p`,
      uuidv7(), order.id, intent.id, intent.amount, order.currency, details.attempt ?? null, details.customerId ?? null, details.paymentMethodId ?? null,
    ),
  );
  if (inserted) return inserted;
  // Recorded already, maybe by a racing call, which has committed: the insert waited for it.
  const payment = await paymentOfIntent(db, intent.id);
  if (!payment) throw new Error(`payment ${intent.id} of order ${order.id} was neither recorded nor found`);
  return payment;
}

export class PaymentService {
  private readonly refunder: RefundService;

  constructor(
    private readonly db: PrismaClient,
    private readonly provider: PaymentProvider,
    private readonly orders: OrderService,
    private readonly log: Logger,
    private readonly repairs?: Counter<'outcome'>,
  ) {
    this.refunder = new RefundService(db, provider);
  }

  /**
   * A webhook from the provider: verified on the raw body (throws WebhookSignatureError when the
   * signature is wrong or stale), applied once per event id. Resolves once the effect is committed.
   */
  async handleWebhook(rawBody: Buffer, signature: string | undefined): Promise<PaymentOutcome | 'duplicate'> {
    const event = this.provider.parseWebhook(rawBody, signature);
    // Other events (payment_intent.created, charge.succeeded, …) change nothing an order shows:
    // answered at once, with nothing to record (two of a card payment's three events).
    if (!event.paymentIntentId || !HANDLED.has(event.type)) {
      this.log.debug({ eventId: event.id, type: event.type }, 'payment webhook ignored');
      return 'ignored';
    }
    const { seen, payment } = await webhookTarget(this.db, event.id, event.paymentIntentId);
    if (seen) return 'duplicate';
    const outcome = await this.sync(event.paymentIntentId, WEBHOOK_ACTOR, payment);
    await executeDirectly(this.db, Prisma.sql`INSERT INTO provider_event (id, type) VALUES (${event.id}, ${event.type}) ON CONFLICT DO NOTHING`);
    this.log.info({ eventId: event.id, type: event.type, paymentIntentId: event.paymentIntentId, outcome }, 'payment webhook applied');
    return outcome;
  }

  /** Reads the PaymentIntent back from the provider and applies it to its order (its payment row as `known`, when read already). */
  async sync(paymentIntentId: string, actor: Actor, known?: Payment | null): Promise<PaymentOutcome> {
    const payment = known === undefined ? await paymentOfIntent(this.db, paymentIntentId) : known;
    if (!payment) {
      this.log.warn({ paymentIntentId }, 'payment intent unknown to the order context; ignored');
      return 'unknown';
    }
    const intent = await this.provider.retrievePaymentIntent(paymentIntentId);
    return this.apply(payment.orderId, intent, actor);
  }

  /**
   * Applies a PaymentIntent this context has just created or confirmed (a subscription order's
   * charge), as the webhook about it will: whichever comes second changes nothing more.
   */
  async applyIntent(intent: PaymentIntentView, actor: Actor): Promise<PaymentOutcome> {
    const payment = await paymentOfIntent(this.db, intent.id);
    if (!payment) throw new Error(`payment intent ${intent.id} applied before it was recorded`);
    try {
      return await this.apply(payment.orderId, intent, actor);
    } catch (err) {
      // Paid while a cancellation took the order: read back and applied again, the payment is refunded.
      if (err instanceof IllegalTransition) return this.sync(intent.id, actor);
      throw err;
    }
  }

  private async apply(orderId: string, intent: PaymentIntentView, actor: Actor): Promise<PaymentOutcome> {
    if (intent.status === 'succeeded') return this.paid(orderId, intent, actor);
    if (intent.status === 'canceled' || hasFailed(intent)) return this.failed(orderId, intent, actor);
    return 'unchanged';
  }

  private async paid(orderId: string, intent: PaymentIntentView, actor: Actor): Promise<PaymentOutcome> {
    let result: TransitionResult;
    try {
      result = await this.orders.transition(orderId, 'PAID', actor, {
        reason: `payment ${intent.id} succeeded`,
        alongside: async (tx) => {
          await tx.$executeRawUnsafe(
            `UPDATE payment SET status = 'SUCCEEDED', amount_captured = $2, payment_method_id = coalesce($3, payment_method_id), updated_at = now()
              WHERE provider_payment_id = $1`,
            intent.id, intent.amountReceived, intent.paymentMethodId ?? null,
          );
        },
      });
    } catch (err) {
      // Cancelled before the payment came (the lifecycle refuses CANCELLED → PAID): the payment goes back.
      if (!(err instanceof IllegalTransition) || err.from !== 'CANCELLED') throw err;
      const order = await orderById(this.db, orderId);
      if (!order) throw err;
      return this.refundExtra(order, intent, actor, 'paid after the order was cancelled');
    }
    // Already paid by another of its payments (two tries of a subscription order crossing): this one goes back.
    if (!result.moved) return this.refundExtra(result.order, intent, actor, 'the order was paid by another payment');
    return this.refunds(orderId, intent, 'paid');
  }

  /** A payment the order does not need (it was cancelled, or paid otherwise): refunded at once; nothing when it is the one that paid. */
  private async refundExtra(order: OrderRow, intent: PaymentIntentView, actor: Actor, why: string): Promise<PaymentOutcome> {
    const payment = await this.db.payment.findUniqueOrThrow({ where: { providerPaymentId: intent.id } });
    if (payment.status === 'SUCCEEDED') return this.refunds(order.id, intent, 'unchanged');
    await this.db.payment.update({ where: { id: payment.id }, data: { status: 'SUCCEEDED', amountCaptured: intent.amountReceived } });
    await this.refunder.refund(order, actor, { reason: why, key: `payment-${intent.id}-late-refund`, paymentId: payment.id });
    this.log.warn({ orderId: order.id, paymentIntentId: intent.id, why }, 'payment succeeded that the order does not need; refunded');
    return 'refunded';
  }

  private async failed(orderId: string, intent: PaymentIntentView, actor: Actor): Promise<PaymentOutcome> {
    // A failed PaymentIntent is cancelled too, so that it can never be paid later.
    const final = hasFailed(intent) ? await this.provider.cancelPaymentIntent(intent.id, paymentCancelKey(intent.id)) : intent;
    // The decline as the provider words it, whichever path records it (period-charges.ts does the same), for the dunning history.
    const reason = intent.lastError ? intent.lastError.message : `payment ${final.status}`;
    const failure = {
      status: intent.lastError ? ('FAILED' as const) : ('CANCELLED' as const),
      failureCode: intent.lastError?.declineCode ?? intent.lastError?.code ?? null,
      failureMessage: intent.lastError?.message ?? null,
    };
    const order = await orderById(this.db, orderId);
    if (!order) throw new Error(`order ${orderId} of payment ${intent.id} not found`);
    if (order.subscriptionId) return this.chargeFailed(orderId, intent.id, failure, reason);
    // Withdrawn by this context (withdrawPayment): whoever withdrew it cancels the order, with its own actor and reason.
    const payment = await paymentOfIntent(this.db, intent.id);
    if (intent.status === 'canceled' && !intent.lastError && payment?.status === 'CANCELLED') return 'unchanged';
    const result = await this.orders.transition(orderId, 'CANCELLED', actor, {
      reason,
      alongside: async (tx) => {
        await tx.$executeRawUnsafe(
          `UPDATE payment SET status = $2::payment_status, failure_code = $3, failure_message = $4, updated_at = now() WHERE provider_payment_id = $1`,
          intent.id, failure.status, failure.failureCode, failure.failureMessage,
        );
      },
    });
    return result.moved ? 'cancelled' : 'unchanged';
  }

  /**
   * A subscription order's charge failed: the order stays PENDING_PAYMENT (the subscription's
   * dunning retries or cancels it), the payment keeps the decline, and OrderPaymentFailed says so,
   * once per payment however often this is applied.
   */
  private async chargeFailed(orderId: string, paymentIntentId: string, failure: Pick<Payment, 'status' | 'failureCode' | 'failureMessage'>, reason: string) {
    return this.db.$transaction(async (tx): Promise<PaymentOutcome> => {
      await tx.$queryRaw`SELECT id FROM "order" WHERE id = ${orderId}::uuid FOR UPDATE`;
      const payment = await tx.payment.findUniqueOrThrow({ where: { providerPaymentId: paymentIntentId } });
      const moved = await tx.payment.updateMany({ where: { id: payment.id, status: 'PENDING' }, data: failure });
      const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
      if (moved.count === 0 || order.status !== 'PENDING_PAYMENT') return 'unchanged';
      await recordEvents(tx, [orderPaymentFailed(order, { attempt: payment.attempt, reason, at: new Date() })]);
      return 'declined';
    }, QUEUED_WRITE);
  }

  /** Refunds made at the provider that the order does not know of yet (e.g. from its dashboard). */
  private async refunds(orderId: string, intent: PaymentIntentView, otherwise: PaymentOutcome): Promise<PaymentOutcome> {
    // Nothing refunded at the provider (every payment as it is paid): nothing to compare, no transaction.
    if (intent.amountRefunded === 0) return otherwise;
    return this.db.$transaction(async (tx) => {
      const [payment] = await tx.$queryRaw<{ id: string; amount_refunded: number }[]>`
        SELECT id, amount_refunded FROM payment WHERE provider_payment_id = ${intent.id} FOR UPDATE`;
      if (!payment || intent.amountRefunded <= payment.amount_refunded) return otherwise;
      const amount = intent.amountRefunded - payment.amount_refunded;
      await tx.payment.update({ where: { id: payment.id }, data: { amountRefunded: intent.amountRefunded } });
      const refundId = uuidv7();
      await tx.refund.create({ data: { id: refundId, key: `provider-${intent.id}-${intent.amountRefunded}`, orderId, paymentId: payment.id, amount, reason: 'refunded at the payment provider', status: 'succeeded', actor: 'system:payment-webhook' } });
      const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
      await recordEvents(tx, [orderRefunded(order, { id: refundId, amount, reason: 'refunded at the payment provider', refundedTotal: intent.amountRefunded })]);
      return 'refunded';
    });
  }

  /**
   * Payment reconciliation: unpaid orders older than `after` get what a lost webhook would have
   * given them; unpaid orders past their stock hold are cancelled with their PaymentIntent.
   */
  async reconcile(options: { afterMs: number; limit?: number; now?: Date }): Promise<number> {
    const now = options.now ?? new Date();
    const actor = systemActor('payment-reconciliation');
    const due = await this.db.order.findMany({
      where: {
        status: 'PENDING_PAYMENT',
        createdAt: { lt: new Date(now.getTime() - options.afterMs) },
        // A subscription order whose charge failed waits for its dunning, untouched, until its hold ends.
        OR: [{ subscriptionId: null }, { reservedUntil: { lte: now } }, { payments: { some: { status: 'PENDING' } } }],
      },
      orderBy: { createdAt: 'asc' },
      take: options.limit ?? 100,
      select: { id: true, paymentIntentId: true, reservedUntil: true },
    });
    let repaired = 0;
    for (const order of due) {
      try {
        let outcome: PaymentOutcome = order.paymentIntentId ? await this.sync(order.paymentIntentId, actor).catch(missingAtProvider) : 'unknown';
        const unpaid = outcome === 'unchanged' || outcome === 'unknown' || outcome === 'declined';
        if (unpaid && order.reservedUntil <= now) outcome = await this.expire(order.id, order.paymentIntentId, actor);
        if (outcome !== 'unchanged' && outcome !== 'unknown') {
          repaired++;
          this.repairs?.inc({ outcome });
          this.log.info({ orderId: order.id, outcome }, 'payment reconciliation repaired an order');
        }
      } catch (err) {
        this.log.error({ err, orderId: order.id }, 'payment reconciliation failed for an order; it will be tried again');
      }
    }
    return repaired;
  }

  /** An unpaid order whose stock hold is over: its PaymentIntent is cancelled (unless it was paid meanwhile), then the order. */
  private async expire(orderId: string, paymentIntentId: string | null, actor: Actor): Promise<PaymentOutcome> {
    if (paymentIntentId) {
      const intent = await this.provider.retrievePaymentIntent(paymentIntentId).catch((err: unknown) => missingAtProvider(err) && null);
      if (intent?.status === 'succeeded') return this.apply(orderId, intent, actor);
      if (intent && intent.status !== 'canceled') {
        try {
          await withdrawPayment(this.db, this.provider, paymentIntentId);
        } catch (err) {
          // Paid between the read and the cancel: the payment wins.
          if (err instanceof PaymentProviderError && err.kind === 'unexpected_state') return this.sync(paymentIntentId, actor);
          throw err;
        }
      } else {
        // Cancelled at the provider already, or unknown there: withdrawPayment's mark, without the call.
        await markPaymentCancelled(this.db, paymentIntentId);
      }
    }
    const result = await this.orders.transition(orderId, 'CANCELLED', actor, { reason: 'payment not received before the stock hold ended' });
    return result.moved ? 'expired' : 'unchanged';
  }
}
