// What people do to orders after checkout (SPEC §6): cancel, production, shipping, refunds and
// returns. Each checks the order lifecycle through OrderService.transition (which writes the move,
// its history entry and its events in one transaction), and refunds go through RefundService.
import { transactDirectly, type SqlTransaction } from '../../lib/db.js';
import { isUuid } from '../../lib/ids.js';
import { describeActor, type Actor } from '../../lib/state-machine.js';
import type { MoneyInput, OrderProductionStatus, OrderShippingInput } from './generated/resolvers-types.js';
import type { OrderRow } from './models.js';
import { factsOf, orderLifecycle, PAID_STATES } from './order-lifecycle.js';
import { orderById } from './order-reads.js';
import type { OrderService } from './order.service.js';
import { withdrawPayment, type PaymentService } from './payment.service.js';
import { PaymentProviderError, type PaymentProvider } from './payments/provider.js';
import type { PrismaClient } from './prisma-client/client.js';
import type { RefundService } from './refund.service.js';
import { LIMITS, OrderInputChecker, refuse } from './validation.js';

const SHIPPING_TEXT = 100;

export class OrderActions {
  constructor(
    private readonly db: PrismaClient,
    private readonly orders: OrderService,
    private readonly payments: PaymentService,
    private readonly refunds: RefundService,
    private readonly provider: PaymentProvider,
  ) {}

  private async find(orderId: string, ownerOnly?: string): Promise<OrderRow> {
    const order = isUuid(orderId) ? await orderById(this.db, orderId) : null;
    if (!order || (ownerOnly !== undefined && order.personId !== ownerOnly)) return refuse('ORDER_NOT_FOUND', 'no such order', ['orderId']);
    return order;
  }

  private reason(reason: string | null | undefined, field: readonly string[], required = false): string | null {
    const c = new OrderInputChecker();
    c.text(reason, field, LIMITS.reason, required);
    c.throwIfAny();
    return reason?.trim() || null;
  }

  /** An amount of money in the order's currency, in minor units: more than zero unless zero is allowed. */
  private amount(order: OrderRow, money: MoneyInput | null | undefined, field: readonly string[], allowZero = false): number | null {
    if (!money) return null;
    if (money.currencyCode !== order.currency) refuse('CURRENCY_MISMATCH', `the order is in ${order.currency}, not ${money.currencyCode}`, [...field, 'currencyCode']);
    if (!Number.isInteger(money.amount) || money.amount < (allowZero ? 0 : 1)) refuse('INVALID_INPUT', `the amount must be a whole number of minor units${allowZero ? '' : ' above zero'}`, [...field, 'amount']);
    return money.amount;
  }

  /**
   * Cancels an order. Unpaid: its PaymentIntent is cancelled first, so it can no longer be paid
   * (one that was paid meanwhile makes the order PAID instead, and a customer's cancellation is
   * then refused as the lifecycle says). Paid: staff only; everything captured is refunded.
   */
  async cancel(actor: Actor, orderId: string, reason: string | null | undefined, ownerOnly?: string): Promise<OrderRow> {
    const why = this.reason(reason, ['reason']) ?? 'cancelled';
    const order = await this.find(orderId, ownerOnly);
    const refusal = orderLifecycle.check(order.status, 'CANCELLED', { actor, at: new Date(), context: factsOf(order) });
    if (refusal) throw Object.assign(refusal, { field: ['orderId'] });

    if (order.status === 'PENDING_PAYMENT' && order.paymentIntentId) {
      try {
        await withdrawPayment(this.db, this.provider, order.paymentIntentId);
      } catch (err) {
        if (!(err instanceof PaymentProviderError) || err.kind !== 'unexpected_state') throw err;
        // Paid a moment ago: the order becomes PAID, and the lifecycle decides about the cancellation below.
        await this.payments.sync(order.paymentIntentId, actor);
      }
    }
    const { order: cancelled, from } = await this.orders.transition(orderId, 'CANCELLED', actor, { reason: why, ownerOnly });
    if (PAID_STATES.includes(from)) await this.refunds.refund(cancelled, actor, { reason: why, key: `order-${orderId}-cancel-refund` });
    return this.find(orderId);
  }

  /** Admin: production starts (AWAITING_PRODUCTION), then the order is ready to ship. */
  async updateProduction(actor: Actor, orderId: string, status: OrderProductionStatus, reason: string | null | undefined): Promise<OrderRow> {
    const why = this.reason(reason, ['reason']);
    return (await this.orders.transition(orderId, status, actor, { reason: why })).order;
  }

  /**
   * Support and admin: the shipping record changes; SHIPPED and DELIVERED move the order in the
   * same transaction, so the record and the order never disagree.
   */
  async updateShipping(actor: Actor, orderId: string, input: OrderShippingInput): Promise<OrderRow> {
    const c = new OrderInputChecker();
    for (const key of ['provider', 'method', 'trackingNumber'] as const) c.text(input[key], ['input', key], SHIPPING_TEXT);
    c.throwIfAny();
    const order = await this.find(orderId);
    if (order.status === 'PENDING_PAYMENT' || order.status === 'CANCELLED') {
      refuse('ILLEGAL_TRANSITION', `a ${order.status} order has no shipping`, ['orderId']);
    }
    const text = (value: string | null | undefined) => (value === undefined ? undefined : value?.trim() || null);
    const fields = { provider: text(input.provider), method: text(input.method), trackingNumber: text(input.trackingNumber) };
    const at = new Date();
    // The columns this change sets (a field left out stays as it is), with the stamp of the status it reaches.
    const changes = Object.entries({
      ...fields,
      status: input.status ?? undefined,
      shipped_at: input.status === 'SHIPPED' ? at : undefined,
      delivered_at: input.status === 'DELIVERED' ? at : undefined,
    }).filter(([, value]) => value !== undefined);
    const columns = changes.map(([key]) => (key === 'trackingNumber' ? 'tracking_number' : key));
    const write = async (tx: SqlTransaction) => {
      const [shipment] = await tx.$queryRawUnsafe<{ status: string; trackingNumber: string | null }[]>(
        `INSERT INTO shipment (order_id, ${columns.map((c) => `${c}, `).join('')}updated_at)
         VALUES ($1::uuid, ${columns.map((c, i) => `$${i + 2}${c === 'status' ? '::shipment_status' : ''}, `).join('')}now())
         ON CONFLICT (order_id) DO UPDATE SET ${columns.map((c) => `${c} = EXCLUDED.${c}, `).join('')}updated_at = now()
         RETURNING status::text AS status, tracking_number AS "trackingNumber"`,
        orderId, ...changes.map(([, value]) => value),
      );
      if (shipment!.status === 'SHIPPED' && !shipment!.trackingNumber) refuse('TRACKING_NUMBER_REQUIRED', 'a shipped parcel needs its tracking number', ['input', 'trackingNumber']);
    };
    const to = input.status === 'SHIPPED' ? 'SHIPPED' : input.status === 'DELIVERED' ? 'DELIVERED' : null;
    if (to) return (await this.orders.transition(orderId, to, actor, { reason: `shipment ${input.status}`, alongside: write })).order;
    await transactDirectly(this.db, write);
    return this.find(orderId);
  }

  /** Support and admin: part or all of what was captured goes back; never more. */
  async refund(actor: Actor, orderId: string, amount: MoneyInput | null | undefined, reason: string | null | undefined): Promise<OrderRow> {
    const why = this.reason(reason, ['reason']) ?? `refunded by ${describeActor(actor)}`;
    const order = await this.find(orderId);
    const value = this.amount(order, amount, ['amount']);
    const refund = await this.refunds.refund(order, actor, { amount: value, reason: why, field: ['amount'] });
    if (!refund) refuse('REFUND_EXCEEDS_CAPTURED', 'everything captured has been refunded already', ['orderId']);
    return this.find(orderId);
  }

  /** The customer: a delivered order goes back, within the return window. */
  async requestReturn(actor: Actor, orderId: string, reason: string, ownerOnly?: string): Promise<OrderRow> {
    const why = this.reason(reason, ['reason'], true);
    return (await this.orders.transition(orderId, 'RETURN_REQUESTED', actor, { reason: why, ownerOnly })).order;
  }

  /** Support and admin: the parcel came back; the order is RETURNED and refunded. */
  async completeReturn(actor: Actor, orderId: string, refund: MoneyInput | null | undefined, reason: string | null | undefined): Promise<OrderRow> {
    const why = this.reason(reason, ['reason']) ?? 'returned';
    const order = await this.find(orderId);
    const value = this.amount(order, refund, ['refund'], true);
    // Checked before the order moves (the refund itself checks again, under its lock).
    const left = await this.refunds.refundable(orderId);
    if (value !== null && value > left) refuse('REFUND_EXCEEDS_CAPTURED', `at most ${left} can still be refunded`, ['refund', 'amount']);
    const { order: returned } = await this.orders.transition(orderId, 'RETURNED', actor, {
      reason: why,
      alongside: async (tx) => {
        await tx.$executeRawUnsafe(
          `INSERT INTO shipment (order_id, status, updated_at) VALUES ($1::uuid, 'RETURNED', now())
           ON CONFLICT (order_id) DO UPDATE SET status = 'RETURNED', updated_at = now()`,
          orderId,
        );
      },
    });
    if (value !== 0) await this.refunds.refund(returned, actor, { amount: value, reason: why, key: `order-${orderId}-return-refund`, field: ['refund'] });
    return this.find(orderId);
  }
}
