// Orders after checkout: every change of status goes through transition(), which locks the order
// row, asks the order lifecycle, writes the move conditionally, appends the history entry and
// records the move's events, all in one transaction.
import { v7 as uuidv7 } from 'uuid';
import { QUEUED_WRITE } from '../../lib/db.js';
import { recordEvents, type NewEvent } from '../../lib/outbox.js';
import { describeActor, type Actor } from '../../lib/state-machine.js';
import type { OrderRow } from './models.js';
import { orderCancelled, orderDelivered, orderPaid, orderShipped, orderStatusChanged } from './order-events.js';
import { factsOf, orderLifecycle, type OrderStatus } from './order-lifecycle.js';
import { orderNumber } from './checkout/order-number.js';
import type { Prisma, PrismaClient } from './prisma-client/client.js';
import { refuse } from './validation.js';

export type Tx = Prisma.TransactionClient;

export interface TransitionOptions {
  reason?: string | null;
  /** The input field that named the order, for a refusal. */
  field?: readonly string[];
  /** Further writes of the same move, in its transaction, after the status changed (payments, refunds). */
  alongside?: (tx: Tx, order: OrderRow) => Promise<NewEvent[] | void>;
  /** Refuses (ORDER_NOT_FOUND) when the order is not this person's. */
  ownerOnly?: string;
}

export interface TransitionResult {
  order: OrderRow;
  /** False when the order was already in the state asked for (nothing changed). */
  moved: boolean;
  from: OrderStatus;
}

/** Stamps a move sets on the order besides its status. */
const STAMPS: Partial<Record<OrderStatus, 'paidAt' | 'deliveredAt' | 'cancelledAt'>> = { PAID: 'paidAt', DELIVERED: 'deliveredAt', CANCELLED: 'cancelledAt' };

/** The events a move records besides OrderStatusChanged. */
function eventsOf(order: OrderRow, from: OrderStatus, to: OrderStatus, at: Date, reason: string | null): NewEvent[] {
  const events = [orderStatusChanged(order, from, to, at)];
  if (to === 'PAID') events.push(orderPaid(order, at));
  if (to === 'CANCELLED') events.push(orderCancelled(order, from, reason));
  if (to === 'SHIPPED') events.push(orderShipped(order));
  if (to === 'DELIVERED') events.push(orderDelivered(order));
  return events;
}

export async function appendHistory(tx: Tx, entry: { orderId: string; from: OrderStatus | null; to: OrderStatus; actor: Actor; reason: string | null; at: Date }) {
  await tx.orderHistory.create({
    data: { id: uuidv7(), orderId: entry.orderId, fromStatus: entry.from, toStatus: entry.to, actor: describeActor(entry.actor), reason: entry.reason, at: entry.at },
  });
}

/**
 * Inserts a new order under a number of its own (a collision, one in a million per day's orders,
 * draws another). False when an order with its id exists already (a retry, or a racing request).
 */
export async function insertNumberedOrder(tx: Tx, data: Omit<Prisma.OrderCreateManyInput, 'number'>, at: Date): Promise<boolean> {
  for (let draw = 1; draw <= 5; draw++) {
    const { count } = await tx.order.createMany({ data: [{ ...data, number: orderNumber(at) }], skipDuplicates: true });
    if (count === 1) return true;
    if (await tx.order.findUnique({ where: { id: data.id }, select: { id: true } })) return false;
  }
  throw new Error(`order ${data.id} could not be inserted: no free order number, or another order holds its place`);
}

export class OrderService {
  constructor(
    private readonly db: PrismaClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Moves an order to `to` as `actor`: refused (ILLEGAL_TRANSITION) when the lifecycle does not
   * allow it; nothing happens when the order is there already. Concurrent moves queue on the row
   * lock, and the write is conditional on the states that lead to `to`.
   */
  async transition(orderId: string, to: OrderStatus, actor: Actor, options: TransitionOptions = {}): Promise<TransitionResult> {
    const field = options.field ?? ['orderId'];
    return this.db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "order" WHERE id = ${orderId}::uuid FOR UPDATE`;
      const current = locked.length ? await tx.order.findUnique({ where: { id: orderId } }) : null;
      if (!current || (options.ownerOnly !== undefined && current.personId !== options.ownerOnly)) return refuse('ORDER_NOT_FOUND', 'no such order', field);
      const at = this.now();
      const from = current.status;
      const decision = orderLifecycle.decide(from, to, { actor, at, context: factsOf(current) }, field);
      if (decision === 'stay') return { order: current, moved: false, from };

      const stamp = STAMPS[to];
      // Answered by the UPDATE itself (RETURNING); under the row lock it cannot miss.
      const order = await tx.order.update({
        where: { id: orderId, status: { in: orderLifecycle.sourcesOf(to) } },
        data: { status: to, ...(stamp ? { [stamp]: at } : {}) },
      });
      const reason = options.reason ?? null;
      await appendHistory(tx, { orderId, from, to, actor, reason, at });
      const extra = (await options.alongside?.(tx, order)) ?? [];
      await recordEvents(tx, [...eventsOf(order, from, to, at, reason), ...extra]);
      return { order, moved: true, from };
    }, QUEUED_WRITE);
  }
}
