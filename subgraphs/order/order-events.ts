// The events the order context publishes (SPEC §5), built in one place from the order row. The
// data shapes are documented in the order README; OrderPaid's is the one the affiliates consumer
// reads (subgraphs/promotion/affiliates/README.md, "Events consumed").
import type { NewEvent } from '../../lib/outbox.js';
import type { OrderRow } from './models.js';
import type { OrderStatus } from './prisma-client/client.js';

const event = (type: string, order: Pick<OrderRow, 'id'>, data: Record<string, unknown>): NewEvent => ({
  type,
  aggregateType: 'Order',
  aggregateId: order.id,
  data: { orderId: order.id, ...data },
});

/** Every order event's common data: a cart's order has cartId, a subscription period's order subscriptionId and subscriptionPeriod (the others null). */
const summary = (order: OrderRow) => ({
  orderNumber: order.number,
  personId: order.personId,
  cartId: order.cartId,
  subscriptionId: order.subscriptionId,
  subscriptionPeriod: order.subscriptionPeriod,
  currencyCode: order.currency,
});

export const orderCreated = (order: OrderRow, lines: { variantId: string; sku: string; quantity: number; unitPrice: number; lineTotal: number }[]) =>
  event('OrderCreated', order, {
    ...summary(order),
    subtotal: order.subtotal,
    discountTotal: order.discountTotal,
    shippingTotal: order.shippingTotal,
    taxTotal: order.taxTotal,
    total: order.total,
    lines,
    reservedUntil: order.reservedUntil.toISOString(),
  });

export const paymentRequested = (order: OrderRow) => event('PaymentRequested', order, { ...summary(order), amount: order.total });

/** Exactly the affiliates consumer's shape (orderPaidData in attribution.service.ts). */
export const orderPaid = (order: OrderRow, paidAt: Date) =>
  event('OrderPaid', order, {
    ...summary(order),
    total: order.total,
    subtotal: order.subtotal,
    discountTotal: order.discountTotal,
    affiliateCode: order.affiliateCode,
    paidAt: paidAt.toISOString(),
  });

export const orderCancelled = (order: OrderRow, from: OrderStatus, reason: string | null) =>
  event('OrderCancelled', order, { ...summary(order), previousStatus: from, reason });

export const orderShipped = (order: OrderRow) => event('OrderShipped', order, summary(order));
export const orderDelivered = (order: OrderRow) => event('OrderDelivered', order, summary(order));

export const orderRefunded = (order: OrderRow, refund: { id: string; amount: number; reason: string | null; refundedTotal: number }) =>
  event('OrderRefunded', order, { ...summary(order), refundId: refund.id, amount: refund.amount, reason: refund.reason, refundedTotal: refund.refundedTotal });

/** A subscription order's charge failed; the order stays PENDING_PAYMENT (the subscription's dunning decides what follows). */
export const orderPaymentFailed = (order: OrderRow, failure: { attempt: number | null; reason: string; at: Date }) =>
  event('OrderPaymentFailed', order, {
    orderNumber: order.number,
    personId: order.personId,
    subscriptionId: order.subscriptionId,
    subscriptionPeriod: order.subscriptionPeriod,
    attempt: failure.attempt,
    reason: failure.reason,
    at: failure.at.toISOString(),
  });

/** Every change of status, for live tracking: from, to, when. */
export const orderStatusChanged = (order: OrderRow, from: OrderStatus | null, to: OrderStatus, at: Date) =>
  event('OrderStatusChanged', order, { personId: order.personId, orderNumber: order.number, from, to, at: at.toISOString() });
