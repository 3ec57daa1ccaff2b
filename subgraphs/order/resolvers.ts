// Thin: authorise, call the service, shape the payload.
import { hasRole, mayRead, requireRole, type Role } from '../../lib/auth.js';
import { toPayload } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { currencyCodeOf } from '../../lib/currencies.js';
import { money } from '../../lib/money.js';
import { newestFirst, pageWindow, type PageArgs } from '../../lib/pagination.js';
import { actorOf, type Actor } from '../../lib/state-machine.js';
import type { OrderContext } from './context.js';
import type { OrderErrorCode, Resolvers } from './generated/resolvers-types.js';
import type { AddressView, OrderRow } from './models.js';
import { orderFilterWhere } from './order-queries.js';
import { privacyResolvers } from './privacy/resolvers.js';
import type { Prisma } from './prisma-client/client.js';
import type { SubscriptionOrderOutcome } from './subscription-orders/subscription-orders.service.js';
import { staffVersions } from '../../lib/versions.js';
import { orderById } from './order-reads.js';

export type { OrderContext } from './context.js';

const readable = (ctx: OrderContext, order: OrderRow | null): OrderRow | null => (order && mayRead(ctx.viewer, order.personId) ? order : null);
const findReadable = async (ctx: OrderContext, id: string) => (isUuid(id) ? readable(ctx, await orderById(ctx.db, id)) : null);

function listOrders(ctx: OrderContext, args: PageArgs, where: Prisma.OrderWhereInput) {
  return newestFirst(
    pageWindow(args),
    (cursorId, order, take) => ctx.db.order.findMany({ where: { AND: [where, cursorId ? { id: order === 'desc' ? { lt: cursorId } : { gt: cursorId } } : {}] }, orderBy: { id: order }, take }),
    () => ctx.db.order.count({ where }),
  );
}

/**
 * An order mutation: the roles allowed to call it at all (the order lifecycle then decides who may
 * make which move), customers limited to their own orders. A refusal answers the order as it now
 * is, when the caller may read it, so that a client's cache stays right.
 */
async function orderWrite(ctx: OrderContext, orderId: string, roles: Role[], run: (actor: Actor, ownerOnly: string | undefined) => Promise<OrderRow>) {
  const viewer = requireRole(ctx.viewer, ...roles);
  const ownerOnly = hasRole(viewer, 'admin', 'support') ? undefined : viewer.personId;
  const result = await toPayload<'order', OrderRow, OrderErrorCode>('order', () => run(actorOf(viewer), ownerOnly));
  if (result.userErrors.length > 0) result.order = await findReadable(ctx, orderId);
  return result;
}

/**
 * A service-only operation on a subscription period's order: any caller without the service role
 * gets FORBIDDEN. A refusal answers the order as it now is, when there is one.
 */
async function subscriptionOrderCall(ctx: OrderContext, orderId: string | null, run: (actor: Actor) => Promise<SubscriptionOrderOutcome>) {
  const actor = actorOf(requireRole(ctx.viewer, 'service'));
  const { outcome, userErrors } = await toPayload<'outcome', SubscriptionOrderOutcome, OrderErrorCode>('outcome', () => run(actor));
  if (outcome) return { ...outcome, userErrors };
  const order = orderId && isUuid(orderId) ? await orderById(ctx.db, orderId) : null;
  return { order, payment: null, userErrors };
}

export const resolvers: Resolvers<OrderContext> = {
  Query: {
    ...privacyResolvers.Query,
    order: async (_root, { id }, ctx) => {
      requireRole(ctx.viewer, 'customer', 'admin', 'support');
      return findReadable(ctx, id);
    },
    myOrders: (_root, args, ctx) => {
      const viewer = requireRole(ctx.viewer, 'customer', 'admin', 'support');
      return listOrders(ctx, args, { personId: viewer.personId });
    },
    orders: (_root, args, ctx) => {
      requireRole(ctx.viewer, 'admin', 'support');
      return listOrders(ctx, args, orderFilterWhere(args.filter));
    },
  },
  Mutation: {
    ...privacyResolvers.Mutation,
    checkout: async (_root, { input }, ctx) => {
      const viewer = requireRole(ctx.viewer, 'customer', 'admin', 'support');
      // Counted before anything is locked, held or charged: over the limit nothing happens.
      const result = await toPayload<'outcome', Awaited<ReturnType<typeof ctx.checkouts.checkout>>, OrderErrorCode>('outcome', async () => {
        await ctx.checkoutAttempts.attempt({ personId: viewer.personId, clientAddress: ctx.clientAddress });
        return ctx.checkouts.checkout(viewer.personId, input);
      });
      const outcome = result.outcome;
      if (!outcome) return { order: null, paymentClientSecret: null, userErrors: result.userErrors };
      return { order: outcome.order, paymentClientSecret: outcome.clientSecret, userErrors: outcome.userErrors };
    },
    cancelOrder: (_root, { orderId, reason }, ctx) =>
      orderWrite(ctx, orderId, ['customer', 'admin', 'support'], (actor, ownerOnly) => ctx.actions.cancel(actor, orderId, reason, ownerOnly)),
    updateOrderProduction: (_root, { orderId, status, reason }, ctx) =>
      orderWrite(ctx, orderId, ['admin', 'support'], (actor) => ctx.actions.updateProduction(actor, orderId, status, reason)),
    updateOrderShipping: (_root, { orderId, input }, ctx) => orderWrite(ctx, orderId, ['admin', 'support'], (actor) => ctx.actions.updateShipping(actor, orderId, input)),
    refundOrder: (_root, { orderId, amount, reason }, ctx) => orderWrite(ctx, orderId, ['admin', 'support'], (actor) => ctx.actions.refund(actor, orderId, amount, reason)),
    requestReturn: (_root, { orderId, reason }, ctx) =>
      orderWrite(ctx, orderId, ['customer', 'admin', 'support'], (actor, ownerOnly) => ctx.actions.requestReturn(actor, orderId, reason, ownerOnly)),
    completeReturn: (_root, { orderId, refund, reason }, ctx) =>
      orderWrite(ctx, orderId, ['admin', 'support'], (actor) => ctx.actions.completeReturn(actor, orderId, refund, reason)),
    placeSubscriptionOrder: (_root, { input }, ctx) => subscriptionOrderCall(ctx, null, (actor) => ctx.subscriptionOrders.place(actor, input)),
    chargeSubscriptionOrder: (_root, { orderId, attempt, paymentMethodId }, ctx) =>
      subscriptionOrderCall(ctx, orderId, () => ctx.subscriptionOrders.charge(orderId, attempt, paymentMethodId)),
    cancelSubscriptionOrder: (_root, { orderId, reason }, ctx) =>
      subscriptionOrderCall(ctx, orderId, (actor) => ctx.subscriptionOrders.cancel(actor, orderId, reason)),
  },
  Order: {
    __resolveReference: (ref, ctx) => findReadable(ctx, ref.id),
    currencyCode: (order) => currencyCodeOf(order.currency),
    lines: async (order, _args, ctx) => (await ctx.reads.lines.load(order.id)).map((l) => ({ ...l, currency: order.currency })),
    discounts: async (order, _args, ctx) => (await ctx.reads.discounts.load(order.id)).map((d) => ({ ...d, currency: order.currency })),
    subtotal: (order) => money(order.subtotal, order.currency),
    discountTotal: (order) => money(order.discountTotal, order.currency),
    shippingTotal: (order) => money(order.shippingTotal, order.currency),
    taxTotal: (order) => money(order.taxTotal, order.currency),
    total: (order) => money(order.total, order.currency),
    shippingAddress: (order) => order.shippingAddress as unknown as AddressView,
    shippingMethod: (order) => order.shippingMethod as 'STANDARD' | 'EXPRESS',
    payments: (order, _args, ctx) => ctx.reads.payments.load(order.id),
    shipping: async (order, _args, ctx) => (await ctx.reads.shipments.load(order.id))[0] ?? null,
    refunds: async (order, _args, ctx) => (await ctx.reads.refunds.load(order.id)).map((r) => ({ ...r, currency: order.currency })),
    history: (order, _args, ctx) => ctx.reads.history.load(order.id),
    // A reference the subscription subgraph resolves.
    subscription: (order) => (order.subscriptionId ? { __typename: 'CustomerSubscription', id: order.subscriptionId } : null),
    // Its checkout has the order's id.
    versions: (order, args, ctx) => staffVersions(ctx, { roots: [order.id] }, args),
  },
  OrderConnection: {
    totalCount: (conn) => conn.count(),
  },
  OrderLine: {
    variant: (line) => ({ __typename: 'ProductVariant', id: line.variantId }),
    unitPrice: (line) => money(line.unitPrice, line.currency),
    discountTotal: (line) => money(line.discount, line.currency),
    lineTotal: (line) => money(line.lineTotal, line.currency),
  },
  OrderDiscount: {
    amount: (discount) => money(discount.amount, discount.currency),
  },
  OrderHistoryEntry: {
    from: (entry) => entry.fromStatus,
    to: (entry) => entry.toStatus,
  },
  OrderRefund: {
    amount: (refund) => money(refund.amount, refund.currency),
  },
  Payment: {
    amount: (p) => money(p.amount, p.currency),
    captured: (p) => money(p.amountCaptured, p.currency),
    refunded: (p) => money(p.amountRefunded, p.currency),
  },
};
