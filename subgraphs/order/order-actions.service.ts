// What people do to orders after checkout (SPEC §6): cancel, and the refunds that go with it.
// Each action checks the order lifecycle, talks to the payment provider with an idempotency key
// derived from the order, and records the result with the order's history and events.
import { v7 as uuidv7 } from 'uuid';
import { recordEvents } from '../../lib/outbox.js';
import type { Actor } from '../../lib/state-machine.js';
import type { OrderRow } from './models.js';
import { orderRefunded } from './order-events.js';
import { orderLifecycle, PAID_STATES } from './order-lifecycle.js';
import type { OrderService } from './order.service.js';
import type { PaymentService } from './payment.service.js';
import { PaymentProviderError, type PaymentProvider } from './payments/provider.js';
import type { PrismaClient } from './prisma-client/client.js';
import { LIMITS, OrderInputChecker, refuse } from './validation.js';

export class OrderActions {
  constructor(
    private readonly db: PrismaClient,
    private readonly orders: OrderService,
    private readonly payments: PaymentService,
    private readonly provider: PaymentProvider,
  ) {}

  /**
   * Cancels an order. Unpaid: its PaymentIntent is cancelled first, so it can no longer be paid
   * (one that was paid meanwhile makes the order PAID instead, and the cancellation is refused
   * as the lifecycle says). Paid: staff only; everything captured is refunded.
   */
  async cancel(actor: Actor, orderId: string, reason: string | null | undefined, ownerOnly?: string): Promise<OrderRow> {
    const c = new OrderInputChecker();
    c.text(reason, ['reason'], LIMITS.reason);
    c.throwIfAny();
    const order = await this.db.order.findUnique({ where: { id: orderId } });
    if (!order || (ownerOnly !== undefined && order.personId !== ownerOnly)) return refuse('ORDER_NOT_FOUND', 'no such order', ['orderId']);
    const refusal = orderLifecycle.check(order.status, 'CANCELLED', { actor, at: new Date(), context: { personId: order.personId, deliveredAt: order.deliveredAt } });
    if (refusal) throw Object.assign(refusal, { field: ['orderId'] });

    if (order.status === 'PENDING_PAYMENT' && order.paymentIntentId) {
      try {
        await this.provider.cancelPaymentIntent(order.paymentIntentId, `order-${order.id}-payment-cancel`);
      } catch (err) {
        if (!(err instanceof PaymentProviderError) || err.kind !== 'unexpected_state') throw err;
        // Paid a moment ago: the order becomes PAID, and the customer's cancellation is refused below.
        await this.payments.sync(order.paymentIntentId, actor);
      }
      await this.db.payment.updateMany({ where: { providerPaymentId: order.paymentIntentId, status: 'PENDING' }, data: { status: 'CANCELLED' } });
    }
    const { order: cancelled, from } = await this.orders.transition(orderId, 'CANCELLED', actor, { reason: reason ?? 'cancelled', ownerOnly });
    if (PAID_STATES.includes(from)) await this.refundRest(cancelled, actor, reason ?? 'order cancelled', `order-${orderId}-cancel-refund`);
    return this.db.order.findUniqueOrThrow({ where: { id: orderId } });
  }

  /**
   * Refunds what was captured and not yet refunded, or `amount` of it. The refund row is stored
   * before the provider is asked, under the payment's row lock, so that two refunds racing can
   * never pass what was captured; the provider's idempotency key is the refund's.
   */
  async refundRest(order: OrderRow, actor: Actor, reason: string, key: string, amount?: number): Promise<number> {
    const payment = await this.db.payment.findFirst({ where: { orderId: order.id, status: 'SUCCEEDED' }, orderBy: { createdAt: 'desc' } });
    if (!payment) return 0;
    const refund = await this.db.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ amount_captured: number; amount_refunded: number }[]>`
        SELECT amount_captured, amount_refunded FROM payment WHERE id = ${payment.id}::uuid FOR UPDATE`;
      const left = locked!.amount_captured - locked!.amount_refunded;
      // The same key is the same refund: a retry finishes it and never refunds twice.
      const value = amount ?? left;
      if (value <= 0) return null;
      if (value > left) return refuse('REFUND_EXCEEDS_CAPTURED', `at most ${left} can still be refunded`, ['amount']);
      const existing = await tx.refund.findUnique({ where: { key } });
      if (existing) return existing.providerRefundId ? null : existing;
      await tx.payment.update({ where: { id: payment.id }, data: { amountRefunded: { increment: value } } });
      return tx.refund.create({ data: { id: uuidv7(), orderId: order.id, paymentId: payment.id, key, amount: value, reason, status: 'pending', actor: `${actor.kind}:${actor.id}` } });
    });
    if (!refund) return 0;
    const done = await this.provider.refund({ paymentIntentId: payment.providerPaymentId, amount: refund.amount, reason, idempotencyKey: `refund-${refund.id}` });
    await this.db.$transaction(async (tx) => {
      await tx.refund.update({ where: { id: refund.id }, data: { providerRefundId: done.id, status: done.status } });
      const refunded = await tx.payment.findUniqueOrThrow({ where: { id: payment.id } });
      await recordEvents(tx, [orderRefunded(order, { id: refund.id, amount: refund.amount, reason, refundedTotal: refunded.amountRefunded })]);
    });
    return refund.amount;
  }
}
