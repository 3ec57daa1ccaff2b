// The order context's reads on a request's path, straight through pg (lib/db.ts readRows, past
// Prisma's query compiler): an order by id, and what an order shows (its lines, discounts,
// payments, shipment, refunds and history), each batched per request (DataLoader), so that a page
// of orders costs one statement per relation asked for, not one per order. The rows are those of
// Prisma's models; the column lists here are also what the order's writes answer (order.service.ts
// insertOrder and transition, payment.service.ts recordOrderPayment).
import DataLoader from 'dataloader';
import { readRows, type SqlClient } from '../../lib/db.js';
import { Prisma } from './prisma-client/client.js';
import type { OrderDiscount, OrderHistory, OrderLine, Payment, Refund, Shipment } from './prisma-client/client.js';
import type { OrderRow } from './models.js';

/** An order's columns as its Prisma model names them, for a SELECT or a RETURNING. */
export const ORDER_COLUMNS = `id, number, person_id AS "personId", status::text AS status, currency, subtotal,
  discount_total AS "discountTotal", shipping_total AS "shippingTotal", tax_total AS "taxTotal", total, cart_id AS "cartId",
  subscription_id AS "subscriptionId", subscription_period AS "subscriptionPeriod", affiliate_code AS "affiliateCode",
  shipping_address AS "shippingAddress", shipping_method AS "shippingMethod", payment_intent_id AS "paymentIntentId",
  idempotency_key AS "idempotencyKey", reserved_until AS "reservedUntil", paid_at AS "paidAt", delivered_at AS "deliveredAt",
  cancelled_at AS "cancelledAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** A payment's columns as its Prisma model names them. */
export const PAYMENT_COLUMNS = `id, order_id AS "orderId", provider, provider_payment_id AS "providerPaymentId", status::text AS status,
  amount, amount_captured AS "amountCaptured", amount_refunded AS "amountRefunded", currency, failure_code AS "failureCode",
  failure_message AS "failureMessage", attempt, customer_id AS "customerId", payment_method_id AS "paymentMethodId",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The order with this id (a uuid), or null. */
export async function orderById(db: SqlClient, id: string): Promise<OrderRow | null> {
  const [order] = await readRows<OrderRow>(db, Prisma.sql`SELECT ${Prisma.raw(ORDER_COLUMNS)} FROM "order" WHERE id = ${id}::uuid`);
  return order ?? null;
}

/** Each order's rows of one relation, in the order the statement lists them. */
function perOrder<Row extends { orderId: string }>(db: SqlClient, read: (orderIds: string[]) => Prisma.Sql) {
  return new DataLoader<string, Row[]>(async (orderIds) => {
    const found = new Map<string, Row[]>(orderIds.map((id) => [id, []]));
    for (const row of await readRows<Row>(db, read([...orderIds]))) found.get(row.orderId)!.push(row);
    return orderIds.map((id) => found.get(id)!);
  });
}

/** What an order shows besides its row, read per request in one statement per relation. */
export function createOrderReads(db: SqlClient) {
  return {
    lines: perOrder<OrderLine>(
      db,
      (ids) => Prisma.sql`SELECT id, order_id AS "orderId", position, cart_line_id AS "cartLineId", variant_id AS "variantId",
          product_id AS "productId", sku, product_name AS "productName", variant_title AS "variantTitle", unit_price AS "unitPrice",
          quantity, discount, line_total AS "lineTotal"
        FROM order_line WHERE order_id = ANY(${ids}::uuid[]) ORDER BY order_id, position`,
    ),
    discounts: perOrder<OrderDiscount>(
      db,
      (ids) => Prisma.sql`SELECT order_id AS "orderId", promotion_id AS "promotionId", name, code, amount
        FROM order_discount WHERE order_id = ANY(${ids}::uuid[]) ORDER BY order_id, promotion_id`,
    ),
    payments: perOrder<Payment>(
      db,
      (ids) => Prisma.sql`SELECT ${Prisma.raw(PAYMENT_COLUMNS)}
        FROM payment WHERE order_id = ANY(${ids}::uuid[]) ORDER BY order_id, created_at, id`,
    ),
    shipments: perOrder<Shipment>(
      db,
      (ids) => Prisma.sql`SELECT order_id AS "orderId", provider, method, tracking_number AS "trackingNumber", status::text AS status,
          shipped_at AS "shippedAt", delivered_at AS "deliveredAt", updated_at AS "updatedAt"
        FROM shipment WHERE order_id = ANY(${ids}::uuid[])`,
    ),
    refunds: perOrder<Refund>(
      db,
      (ids) => Prisma.sql`SELECT id, order_id AS "orderId", payment_id AS "paymentId", provider_refund_id AS "providerRefundId", key,
          amount, reason, status, actor, created_at AS "createdAt"
        FROM refund WHERE order_id = ANY(${ids}::uuid[]) ORDER BY order_id, created_at, id`,
    ),
    history: perOrder<OrderHistory>(
      db,
      (ids) => Prisma.sql`SELECT id, order_id AS "orderId", from_status::text AS "fromStatus", to_status::text AS "toStatus", actor, reason, at
        FROM order_history WHERE order_id = ANY(${ids}::uuid[]) ORDER BY order_id, at, id`,
    ),
  };
}

export type OrderReads = ReturnType<typeof createOrderReads>;

/** The payment of this PaymentIntent, or null. */
export async function paymentOfIntent(db: SqlClient, paymentIntentId: string): Promise<Payment | null> {
  const [payment] = await readRows<Payment>(db, Prisma.sql`SELECT ${Prisma.raw(PAYMENT_COLUMNS)} FROM payment WHERE provider_payment_id = ${paymentIntentId}`);
  return payment ?? null;
}

/** A webhook's first read, in one statement: whether its event was handled already, and the payment of its PaymentIntent. */
export async function webhookTarget(db: SqlClient, eventId: string, paymentIntentId: string): Promise<{ seen: boolean; payment: Payment | null }> {
  const [row] = await readRows<Partial<Payment> & { seen: boolean }>(
    db,
    Prisma.sql`SELECT EXISTS (SELECT 1 FROM provider_event WHERE id = ${eventId}) AS seen, p.*
                 FROM (SELECT 1) one LEFT JOIN (SELECT ${Prisma.raw(PAYMENT_COLUMNS)} FROM payment WHERE provider_payment_id = ${paymentIntentId}) p ON true`,
  );
  const { seen, ...payment } = row!;
  return { seen, payment: payment.id ? (payment as Payment) : null };
}
