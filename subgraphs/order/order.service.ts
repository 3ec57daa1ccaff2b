// Orders after checkout: every change of status goes through transition(), which locks the order
// row, asks the order lifecycle, writes the move conditionally, appends the history entry and
// records the move's events, all in one transaction. An order is made by insertOrder, with its
// lines, discounts and first history entry. Both are raw SQL, so that they run straight on pg
// (lib/db.ts transactDirectly) past Prisma's query compiler: each purchase makes one order and
// moves it at least once.
import { v7 as uuidv7 } from 'uuid';
import { QUEUED_WRITE, transactDirectly, type SqlTransaction, type TransactionalSqlClient } from '../../lib/db.js';
import { recordEvents, type NewEvent } from '../../lib/outbox.js';
import { describeActor, type Actor } from '../../lib/state-machine.js';
import type { OrderRow } from './models.js';
import type { OrderDiscount, OrderLine } from './prisma-client/client.js';
import { orderCancelled, orderDelivered, orderPaid, orderShipped, orderStatusChanged } from './order-events.js';
import { factsOf, orderLifecycle, type OrderStatus } from './order-lifecycle.js';
import { orderNumber } from './checkout/order-number.js';
import { ORDER_COLUMNS } from './order-reads.js';
import { refuse } from './validation.js';

export interface TransitionOptions {
  reason?: string | null;
  /** The input field that named the order, for a refusal. */
  field?: readonly string[];
  /** Further writes of the same move, in its transaction, after the status changed (payments, refunds). */
  alongside?: (tx: SqlTransaction, order: OrderRow) => Promise<NewEvent[] | void>;
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
const STAMPS: Partial<Record<OrderStatus, 'paid_at' | 'delivered_at' | 'cancelled_at'>> = { PAID: 'paid_at', DELIVERED: 'delivered_at', CANCELLED: 'cancelled_at' };

/** The events a move records besides OrderStatusChanged. */
function eventsOf(order: OrderRow, from: OrderStatus, to: OrderStatus, at: Date, reason: string | null): NewEvent[] {
  const events = [orderStatusChanged(order, from, to, at)];
  if (to === 'PAID') events.push(orderPaid(order, at));
  if (to === 'CANCELLED') events.push(orderCancelled(order, from, reason));
  if (to === 'SHIPPED') events.push(orderShipped(order));
  if (to === 'DELIVERED') events.push(orderDelivered(order));
  return events;
}

/** The history entry's columns, for its one INSERT in each statement that appends one. */
const HISTORY_INSERT = `INSERT INTO order_history (id, order_id, from_status, to_status, actor, reason, at)`;

/** A new order as insertOrder takes it: everything but its number, which it draws. */
export interface NewOrder {
  id: string;
  personId: string;
  currency: string;
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  taxTotal: number;
  total: number;
  cartId?: string | null;
  subscriptionId?: string | null;
  subscriptionPeriod?: number | null;
  affiliateCode?: string | null;
  shippingAddress: object;
  shippingMethod: string;
  idempotencyKey: string;
  reservedUntil: Date;
  createdAt: Date;
}

export type NewOrderLine = Omit<OrderLine, 'orderId'>;
export type NewOrderDiscount = Omit<OrderDiscount, 'orderId'>;

/**
 * Inserts a new PENDING_PAYMENT order under a number of its own, with its lines, its discounts and
 * its first history entry, in one statement; answers the order. A number already taken (one in a
 * million per day's orders) draws another. Null when an order with its id exists already (a retry,
 * or a racing request).
 */
export async function insertOrder(
  tx: SqlTransaction,
  order: NewOrder,
  content: { lines: NewOrderLine[]; discounts: NewOrderDiscount[]; actor: Actor; reason: string },
  numberOf: (at: Date) => string = orderNumber,
): Promise<OrderRow | null> {
  const lines = JSON.stringify(content.lines);
  const discounts = JSON.stringify(content.discounts);
  for (let draw = 1; draw <= 5; draw++) {
    const [inserted] = await tx.$queryRawUnsafe<OrderRow[]>(
      `WITH o AS (
         INSERT INTO "order" (id, number, person_id, status, currency, subtotal, discount_total, shipping_total, tax_total, total, cart_id,
                              subscription_id, subscription_period, affiliate_code, shipping_address, shipping_method, idempotency_key,
                              reserved_until, created_at, updated_at)
         VALUES ($1::uuid, $2, $3, 'PENDING_PAYMENT', $4, $5, $6, $7, $8, $9, $10::uuid, $11::uuid, $12, $13, $14::jsonb, $15, $16, $17, $18, now())
         ON CONFLICT DO NOTHING
         RETURNING ${ORDER_COLUMNS}),
       l AS (
         INSERT INTO order_line (id, order_id, position, cart_line_id, variant_id, product_id, sku, product_name, variant_title, unit_price, quantity, discount, line_total)
         SELECT x.id, o.id, x.position, x."cartLineId", x."variantId", x."productId", x.sku, x."productName", x."variantTitle", x."unitPrice", x.quantity, x.discount, x."lineTotal"
           FROM o, jsonb_to_recordset($19::jsonb) AS x(id uuid, position int, "cartLineId" uuid, "variantId" uuid, "productId" uuid, sku text,
                                                       "productName" text, "variantTitle" text, "unitPrice" int, quantity int, discount int, "lineTotal" int)),
       d AS (
         INSERT INTO order_discount (order_id, promotion_id, name, code, amount)
         SELECT o.id, x."promotionId", x.name, x.code, x.amount FROM o, jsonb_to_recordset($20::jsonb) AS x("promotionId" uuid, name text, code text, amount int)),
       h AS (
         ${HISTORY_INSERT} SELECT $21::uuid, o.id, NULL::order_status, 'PENDING_PAYMENT'::order_status, $22::text, $23::text, $18::timestamptz FROM o)
       SELECT * FROM o`,
      order.id, numberOf(order.createdAt), order.personId, order.currency, order.subtotal, order.discountTotal, order.shippingTotal,
      order.taxTotal, order.total, order.cartId ?? null, order.subscriptionId ?? null, order.subscriptionPeriod ?? null, order.affiliateCode ?? null,
      JSON.stringify(order.shippingAddress), order.shippingMethod, order.idempotencyKey, order.reservedUntil, order.createdAt,
      lines, discounts, uuidv7(), describeActor(content.actor), content.reason,
    );
    if (inserted) return inserted;
    const [existing] = await tx.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "order" WHERE id = $1::uuid`, order.id);
    if (existing) return null;
  }
  throw new Error(`order ${order.id} could not be inserted: no free order number, or another order holds its place`);
}

export class OrderService {
  constructor(
    private readonly db: TransactionalSqlClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Moves an order to `to` as `actor`: refused (ILLEGAL_TRANSITION) when the lifecycle does not
   * allow it; nothing happens when the order is there already. Concurrent moves queue on the row
   * lock, and the write is conditional on the states that lead to `to`.
   */
  async transition(orderId: string, to: OrderStatus, actor: Actor, options: TransitionOptions = {}): Promise<TransitionResult> {
    const field = options.field ?? ['orderId'];
    return transactDirectly(this.db, async (tx) => {
      const [current] = await tx.$queryRawUnsafe<OrderRow[]>(`SELECT ${ORDER_COLUMNS} FROM "order" WHERE id = $1::uuid FOR UPDATE`, orderId);
      if (!current || (options.ownerOnly !== undefined && current.personId !== options.ownerOnly)) return refuse('ORDER_NOT_FOUND', 'no such order', field);
      const at = this.now();
      const from = current.status;
      const decision = orderLifecycle.decide(from, to, { actor, at, context: factsOf(current) }, field);
      if (decision === 'stay') return { order: current, moved: false, from };

      const stamp = STAMPS[to];
      const reason = options.reason ?? null;
      // The move and its history entry in one statement, answered by the UPDATE itself (RETURNING);
      // under the row lock it cannot miss.
      const [order] = await tx.$queryRawUnsafe<OrderRow[]>(
        `WITH moved AS (
           UPDATE "order" SET status = $2::order_status${stamp ? `, ${stamp} = $3::timestamptz` : ''}, updated_at = now()
            WHERE id = $1::uuid AND status = ANY($4::order_status[])
           RETURNING ${ORDER_COLUMNS}),
         h AS (${HISTORY_INSERT} SELECT $5::uuid, id, $6::order_status, $2::order_status, $7::text, $8::text, $3::timestamptz FROM moved)
         SELECT * FROM moved`,
        orderId, to, at, orderLifecycle.sourcesOf(to), uuidv7(), from, describeActor(actor), reason,
      );
      if (!order) throw new Error(`order ${orderId} did not move from ${from} to ${to} under its lock`);
      const extra = (await options.alongside?.(tx, order)) ?? [];
      await recordEvents(tx, [...eventsOf(order, from, to, at, reason), ...extra], { last: true });
      return { order, moved: true, from };
    }, QUEUED_WRITE);
  }
}
