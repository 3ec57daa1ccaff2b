// Money back to the customer: part or all of what an order's payment captured, never more. The
// refund row is stored (and counted against the payment) under the payment's row lock before the
// provider is asked, so refunds racing each other can never pass what was captured; the
// provider's idempotency key is the refund's, so a retry never refunds twice.
import { v7 as uuidv7 } from 'uuid';
import { recordEvents } from '../../lib/outbox.js';
import { describeActor, type Actor } from '../../lib/state-machine.js';
import type { OrderRow } from './models.js';
import { orderRefunded } from './order-events.js';
import { PaymentProviderError, type PaymentProvider, type RefundView } from './payments/provider.js';
import type { PrismaClient, Refund } from './prisma-client/client.js';
import { refuse } from './validation.js';

export interface RefundRequest {
  /** Minor units; everything not yet refunded when omitted. */
  amount?: number | null;
  reason: string;
  /** Makes a retry of the same refund the same refund (e.g. `order-<id>-cancel-refund`); a new one each time when omitted. */
  key?: string;
  /** The input field that carried the amount, for a refusal. */
  field?: readonly string[];
  /** Which captured payment to refund; the order's latest when omitted. */
  paymentId?: string;
}

export class RefundService {
  constructor(
    private readonly db: PrismaClient,
    private readonly provider: PaymentProvider,
  ) {}

  /** What can still be refunded of the order's captured payment (minor units). */
  async refundable(orderId: string): Promise<number> {
    const payment = await this.db.payment.findFirst({ where: { orderId, status: 'SUCCEEDED' }, orderBy: { createdAt: 'desc' } });
    return payment ? payment.amountCaptured - payment.amountRefunded : 0;
  }

  /** Refunds the order's captured payment; null when there is nothing (left) to refund and no amount was asked for. */
  async refund(order: OrderRow, actor: Actor, request: RefundRequest): Promise<Refund | null> {
    const field = request.field ?? ['amount'];
    const payment = await this.db.payment.findFirst({
      where: { orderId: order.id, status: 'SUCCEEDED', ...(request.paymentId ? { id: request.paymentId } : {}) },
      orderBy: { createdAt: 'desc' },
    });
    if (!payment) return request.amount ? refuse('REFUND_EXCEEDS_CAPTURED', 'nothing was captured for this order', field) : null;
    const key = request.key ?? `refund-${uuidv7()}`;
    const pending = await this.db.$transaction(async (tx) => {
      const existing = await tx.refund.findUnique({ where: { key } });
      if (existing) return existing.providerRefundId ? null : existing;
      const [locked] = await tx.$queryRaw<{ amount_captured: number; amount_refunded: number }[]>`
        SELECT amount_captured, amount_refunded FROM payment WHERE id = ${payment.id}::uuid FOR UPDATE`;
      const left = locked!.amount_captured - locked!.amount_refunded;
      const amount = request.amount ?? left;
      if (request.amount == null && left <= 0) return null;
      if (amount > left) return refuse('REFUND_EXCEEDS_CAPTURED', `at most ${left} can still be refunded`, field);
      await tx.payment.update({ where: { id: payment.id }, data: { amountRefunded: { increment: amount } } });
      return tx.refund.create({
        data: { id: uuidv7(), key, orderId: order.id, paymentId: payment.id, amount, reason: request.reason, status: 'pending', actor: describeActor(actor) },
      });
    });
    if (!pending) return null;
    let done: RefundView;
    try {
      done = await this.provider.refund({ paymentIntentId: payment.providerPaymentId, amount: pending.amount, reason: request.reason, idempotencyKey: pending.key });
    } catch (err) {
      // Refused for certain: the amount counts as refunded no longer. An outage leaves it pending
      // (the provider may have done it); a retry with the same key finishes it.
      if (err instanceof PaymentProviderError && err.kind !== 'unavailable') {
        await this.db.$transaction([
          this.db.refund.update({ where: { id: pending.id }, data: { status: 'failed' } }),
          this.db.payment.update({ where: { id: payment.id }, data: { amountRefunded: { decrement: pending.amount } } }),
        ]);
      }
      throw err;
    }
    return this.db.$transaction(async (tx) => {
      const refund = await tx.refund.update({ where: { id: pending.id }, data: { providerRefundId: done.id, status: done.status } });
      const { amountRefunded } = await tx.payment.findUniqueOrThrow({ where: { id: payment.id } });
      await recordEvents(tx, [orderRefunded(order, { id: refund.id, amount: refund.amount, reason: refund.reason, refundedTotal: amountRefunded })]);
      return refund;
    });
  }
}
