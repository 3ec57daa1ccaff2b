// An order's lifecycle (SPEC §3 "Order"), after Vendure's typed order machine: the states, who
// may move an order along each edge, and the return window. Pure: the actor, the time and what
// the guards need about the order are passed in; the write that follows is conditional in SQL.
import { describeActor, defineMachine, type Actor, type Guard } from '../../lib/state-machine.js';
import type { Role } from '../../lib/auth.js';
import type { OrderStatus } from './prisma-client/client.js';

export type { OrderStatus };

/** What the guards need to know about the order that moves. */
export interface OrderFacts {
  personId: string;
  deliveredAt: Date | null;
  /** The customer subscription whose period's order it is; null for an order from a cart. */
  subscriptionId: string | null;
}

/** What the guards need, read from the order's row. */
export const factsOf = (order: OrderFacts): OrderFacts => ({ personId: order.personId, deliveredAt: order.deliveredAt, subscriptionId: order.subscriptionId });

/** The service that places and cancels subscription periods' orders (its service token's name). */
export const SUBSCRIPTION_SERVICE = 'subscription';

/** Returns may be asked for this long after delivery. */
export const RETURN_WINDOW_DAYS = 30;
const RETURN_WINDOW_MS = RETURN_WINDOW_DAYS * 86_400_000;

type OrderGuard = Guard<OrderStatus, OrderFacts>;

const isPerson = (actor: Actor, ...roles: Role[]) => actor.kind === 'person' && actor.roles.some((r) => roles.includes(r));
const isOwner = (actor: Actor, facts: OrderFacts) => actor.kind === 'person' && actor.id === facts.personId;

/** The subscription context, about an order of one of its subscriptions (never a cart's). */
const isSubscriptionService = (actor: Actor, facts: OrderFacts) => actor.kind === 'service' && actor.id === SUBSCRIPTION_SERVICE && facts.subscriptionId !== null;

/**
 * Lets through the kinds of callers named: `owner` (the customer who placed it), staff roles,
 * `system` (our jobs and the payment webhook), `subscription` (the subscription service, for its
 * subscriptions' orders).
 */
function allow(...who: ('owner' | 'admin' | 'support' | 'system' | 'subscription')[]): OrderGuard {
  return ({ actor, context }) => {
    const ok =
      (who.includes('owner') && isOwner(actor, context)) ||
      (who.includes('system') && actor.kind === 'system') ||
      (who.includes('subscription') && isSubscriptionService(actor, context)) ||
      who.some((w) => (w === 'admin' || w === 'support') && isPerson(actor, w));
    return ok ? null : `only ${who.join(', ')} may do this, not ${describeActor(actor)}`;
  };
}

const withinReturnWindow: OrderGuard = (request) => {
  const denied = allow('owner')(request);
  if (denied) return denied;
  const delivered = request.context.deliveredAt;
  if (!delivered) return 'the order has no delivery date';
  return request.at.getTime() - delivered.getTime() <= RETURN_WINDOW_MS
    ? null
    : `returns may be asked for within ${RETURN_WINDOW_DAYS} days of delivery (delivered ${delivered.toISOString()})`;
};

export const orderLifecycle = defineMachine<OrderStatus, OrderFacts>({
  name: 'order',
  transitions: {
    PENDING_PAYMENT: ['PAID', 'CANCELLED'],
    PAID: ['AWAITING_PRODUCTION', 'CANCELLED'],
    AWAITING_PRODUCTION: ['READY_TO_SHIP', 'CANCELLED'],
    READY_TO_SHIP: ['SHIPPED', 'CANCELLED'],
    SHIPPED: ['DELIVERED'],
    DELIVERED: ['RETURN_REQUESTED'],
    RETURN_REQUESTED: ['RETURNED'],
    CANCELLED: [],
    RETURNED: [],
  },
  guards: {
    // The payment provider's word, through the webhook or reconciliation.
    'PENDING_PAYMENT->PAID': allow('system'),
    // The customer while it is unpaid; a failed, cancelled or expired payment; staff too; the
    // subscription context for a period's order whose retries ran out or whose subscription ended.
    'PENDING_PAYMENT->CANCELLED': allow('owner', 'support', 'admin', 'system', 'subscription'),
    // Once paid, only staff cancel, and the payment is refunded.
    'PAID->CANCELLED': allow('support', 'admin'),
    'AWAITING_PRODUCTION->CANCELLED': allow('support', 'admin'),
    'READY_TO_SHIP->CANCELLED': allow('support', 'admin'),
    'PAID->AWAITING_PRODUCTION': allow('admin'),
    'AWAITING_PRODUCTION->READY_TO_SHIP': allow('admin'),
    'READY_TO_SHIP->SHIPPED': allow('support', 'admin'),
    'SHIPPED->DELIVERED': allow('support', 'admin', 'system'),
    'DELIVERED->RETURN_REQUESTED': withinReturnWindow,
    'RETURN_REQUESTED->RETURNED': allow('support', 'admin'),
  },
  // The provider saying "paid" again (a late or repeated webhook) about an order that went on since.
  settles: { PAID: ['AWAITING_PRODUCTION', 'READY_TO_SHIP', 'SHIPPED', 'DELIVERED', 'RETURN_REQUESTED', 'RETURNED'] },
});

/** States in which the order holds a captured payment that a cancellation must refund. */
export const PAID_STATES: readonly OrderStatus[] = ['PAID', 'AWAITING_PRODUCTION', 'READY_TO_SHIP'];
