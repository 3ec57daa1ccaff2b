// After payment, through the gateway: production (admin), shipping and delivery (support, admin),
// a return within the window (customer) completed with its refund (staff), refunds that never
// pass what was captured even when they race, cancellation rules per actor, the staff and the
// customer listings, and a history the database will not let anyone rewrite.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cartApi, createVariants, unique } from '../subgraphs/cart/cart-fixtures.js';
import { ORDER_FIELDS, orderApi, payWith, rawOrderId, sqlIn, type OrderView, type UserErrorView } from '../subgraphs/order/order-fixtures.js';
import { startTestStack, type GraphQLClient, type TestStack } from './harness.js';

let stack: TestStack;
let sql: pg.Pool;
let support: GraphQLClient;

beforeAll(async () => {
  stack = await startTestStack({ workers: true, env: { OUTBOX_RELAY_MS: '50', ORDER_RECONCILE_MS: '3600000' } });
  sql = sqlIn(stack, 'order');
  support = await stack.as('sam', 'support');
}, 60_000);

afterAll(async () => {
  await sql?.end();
  await stack?.close();
});

type FullOrder = OrderView & { refunds: { amount: { amount: number }; reason: string | null; status: string; actor: string }[]; shipping: Record<string, unknown> | null };
type Payload = { order: FullOrder | null; userErrors: UserErrorView[] };
const FULL = `${ORDER_FIELDS} shipping { provider method trackingNumber status shippedAt deliveredAt } refunds { amount { amount } reason status actor }`;

async function mutate(client: GraphQLClient, field: string, args: string, variables: Record<string, unknown>): Promise<Payload> {
  const data = await client.query<Record<string, Payload>>(`mutation(${args}) { ${field}(${Object.keys(variables).map((k) => `${k}: $${k}`).join(', ')}) { order { ${FULL} } userErrors { field message code } } }`, variables);
  return data[field]!;
}
const production = (client: GraphQLClient, orderId: string, status: string) => mutate(client, 'updateOrderProduction', '$orderId: ID!, $status: OrderProductionStatus!', { orderId, status });
const shipping = (client: GraphQLClient, orderId: string, input: Record<string, unknown>) => mutate(client, 'updateOrderShipping', '$orderId: ID!, $input: OrderShippingInput!', { orderId, input });
const refund = (client: GraphQLClient, orderId: string, amount?: number) =>
  amount === undefined
    ? mutate(client, 'refundOrder', '$orderId: ID!', { orderId })
    : mutate(client, 'refundOrder', '$orderId: ID!, $amount: MoneyInput', { orderId, amount: { amount, currencyCode: 'USD' } });
const requestReturn = (client: GraphQLClient, orderId: string, reason: string) => mutate(client, 'requestReturn', '$orderId: ID!, $reason: String!', { orderId, reason });
const completeReturn = (client: GraphQLClient, orderId: string) => mutate(client, 'completeReturn', '$orderId: ID!', { orderId });
const codes = (p: Payload) => p.userErrors.map((e) => e.code);

/** A customer's order of one 40.00 item, paid. */
async function paidOrder() {
  const { variantIds } = await createVariants(stack, [{ price: 4000, onHand: 10 }]);
  const customer = await stack.as(unique('buyer'), 'customer');
  const { cart } = await cartApi(customer).create(undefined, [{ variantId: variantIds[0]!, quantity: 1 }]);
  const orders = orderApi(customer);
  const placed = await orders.checkout({ cartId: cart!.id });
  await payWith(stack, placed.paymentClientSecret!);
  await expect.poll(async () => (await orders.order(placed.order!.id))?.status, { timeout: 15_000, interval: 50 }).toBe('PAID');
  return { customer, orders, order: (await orders.order(placed.order!.id))! };
}

describe('an order after payment', () => {
  it('goes through production, shipping, delivery and a return with its refund, each move by whom it is for', async () => {
    const { customer, order } = await paidOrder();
    expect(codes(await production(support, order.id, 'AWAITING_PRODUCTION'))).toEqual(['ILLEGAL_TRANSITION']);
    expect((await production(stack.admin, order.id, 'AWAITING_PRODUCTION')).order?.status).toBe('AWAITING_PRODUCTION');
    expect((await production(stack.admin, order.id, 'READY_TO_SHIP')).order?.status).toBe('READY_TO_SHIP');

    const noTracking = await shipping(support, order.id, { provider: 'UPS', status: 'SHIPPED' });
    expect(noTracking.userErrors).toEqual([{ code: 'TRACKING_NUMBER_REQUIRED', field: ['input', 'trackingNumber'], message: expect.any(String) }]);
    expect(noTracking.order?.status).toBe('READY_TO_SHIP');
    const shipped = await shipping(support, order.id, { provider: 'UPS', method: 'Ground', trackingNumber: '1Z999', status: 'SHIPPED' });
    expect(shipped.order).toMatchObject({ status: 'SHIPPED', shipping: { provider: 'UPS', method: 'Ground', trackingNumber: '1Z999', status: 'SHIPPED' } });
    expect((await shipping(support, order.id, { status: 'IN_TRANSIT' })).order).toMatchObject({ status: 'SHIPPED', shipping: { status: 'IN_TRANSIT' } });
    expect((await customer.request(`mutation($id: ID!) { updateOrderShipping(orderId: $id, input: { status: DELIVERED }) { order { id } } }`, { id: order.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const delivered = await shipping(support, order.id, { status: 'DELIVERED' });
    expect(delivered.order).toMatchObject({ status: 'DELIVERED', shipping: { status: 'DELIVERED', deliveredAt: expect.any(String) } });

    expect(codes(await requestReturn(await stack.as(unique('other'), 'customer'), order.id, 'not mine'))).toEqual(['ORDER_NOT_FOUND']);
    const asked = await requestReturn(customer, order.id, 'too small');
    expect(asked.order?.status).toBe('RETURN_REQUESTED');
    const returned = await completeReturn(support, order.id);
    expect(returned.order).toMatchObject({ status: 'RETURNED', shipping: { status: 'RETURNED' } });
    expect(returned.order?.refunds).toEqual([{ amount: { amount: order.total.amount }, reason: 'returned', status: 'succeeded', actor: 'person:sam' }]);
    expect(returned.order?.payments[0]?.refunded.amount).toBe(order.total.amount);
    expect(returned.order?.history.map((h) => h.to)).toEqual(['PENDING_PAYMENT', 'PAID', 'AWAITING_PRODUCTION', 'READY_TO_SHIP', 'SHIPPED', 'DELIVERED', 'RETURN_REQUESTED', 'RETURNED']);
    const events = (await sql.query(`SELECT type FROM outbox_event WHERE aggregate_id = $1 ORDER BY occurred_at`, [rawOrderId(order.id)])).rows.map((r) => r.type);
    expect(events).toEqual(expect.arrayContaining(['OrderCreated', 'PaymentRequested', 'OrderPaid', 'OrderShipped', 'OrderDelivered', 'OrderRefunded']));
  });

  it('refuses a return past the 30-day window', async () => {
    const { customer, order } = await paidOrder();
    for (const status of ['AWAITING_PRODUCTION', 'READY_TO_SHIP']) await production(stack.admin, order.id, status);
    await shipping(support, order.id, { trackingNumber: 'T1', status: 'SHIPPED' });
    await shipping(support, order.id, { status: 'DELIVERED' });
    await sql.query(`UPDATE "order" SET delivered_at = now() - interval '31 days' WHERE id = $1`, [rawOrderId(order.id)]);
    const late = await requestReturn(customer, order.id, 'changed my mind');
    expect(late.userErrors).toEqual([expect.objectContaining({ code: 'ILLEGAL_TRANSITION', message: expect.stringMatching(/within 30 days of delivery/) })]);
    expect(late.order?.status).toBe('DELIVERED');
  });

  it('refunds in parts, never more than was captured, also when refunds race', async () => {
    const { order } = await paidOrder();
    const total = order.total.amount;
    expect((await refund(support, order.id, 1000)).order?.payments[0]?.refunded.amount).toBe(1000);
    const racing = await Promise.all([refund(support, order.id, total - 1500), refund(stack.admin, order.id, total - 1500)]);
    expect(racing.map(codes).sort()).toEqual([[], ['REFUND_EXCEEDS_CAPTURED']]);
    expect(codes(await refund(support, order.id, 501))).toEqual(['REFUND_EXCEEDS_CAPTURED']);
    const rest = await refund(support, order.id);
    expect(rest.order?.payments[0]?.refunded.amount).toBe(total);
    expect(rest.order?.refunds.map((r) => r.amount.amount)).toEqual([1000, total - 1500, 500]);
    expect(codes(await refund(support, order.id))).toEqual(['REFUND_EXCEEDS_CAPTURED']);
    const refunded = stack.stripe!.events().filter((e) => e.type === 'charge.refunded');
    expect(refunded.length).toBeGreaterThanOrEqual(3);
  });

  it('is cancelled by staff with a full refund, never by its customer once paid', async () => {
    const { orders, order } = await paidOrder();
    const refused = await orders.cancel(order.id, 'too late');
    expect(refused.userErrors).toEqual([{ code: 'ILLEGAL_TRANSITION', field: ['orderId'], message: expect.stringMatching(/from PAID to CANCELLED: only support, admin/) }]);
    expect(refused.order?.status).toBe('PAID');
    const cancelled = await mutate(support, 'cancelOrder', '$orderId: ID!, $reason: String', { orderId: order.id, reason: 'out of production capacity' });
    expect(cancelled.order).toMatchObject({ status: 'CANCELLED', refunds: [{ amount: { amount: order.total.amount }, status: 'succeeded' }] });
    expect(cancelled.order?.history.at(-1)).toMatchObject({ from: 'PAID', to: 'CANCELLED', actor: 'person:sam', reason: 'out of production capacity' });
  });

  it('is cancelled by its customer while unpaid, and its payment can no longer be made', async () => {
    const { variantIds } = await createVariants(stack, [{ price: 1200, onHand: 3 }]);
    const customer = await stack.as(unique('buyer'), 'customer');
    const { cart } = await cartApi(customer).create(undefined, [{ variantId: variantIds[0]!, quantity: 1 }]);
    const placed = await orderApi(customer).checkout({ cartId: cart!.id });
    const cancelled = await orderApi(customer).cancel(placed.order!.id, 'found it cheaper');
    expect(cancelled.order).toMatchObject({ status: 'CANCELLED', payments: [{ status: 'CANCELLED' }] });
    expect((await payWith(stack, placed.paymentClientSecret!)).status).toBe(400);
  });
});

describe('order listings and history', () => {
  it('lists a customer’s own orders newest first, and staff filter every order', async () => {
    const { customer, order } = await paidOrder();
    const second = await paidOrder();
    const mine = await customer.query<{ myOrders: { totalCount: number; edges: { node: { id: string } }[] } }>(`{ myOrders(first: 10) { totalCount edges { node { id } } } }`);
    expect(mine.myOrders).toEqual({ totalCount: 1, edges: [{ node: { id: order.id } }] });
    const byNumber = await support.query<{ orders: { totalCount: number; edges: { node: { id: string } }[] } }>(`query($n: String) { orders(filter: { number: $n }) { totalCount edges { node { id } } } }`, {
      n: second.order.number.toLowerCase(),
    });
    expect(byNumber.orders).toEqual({ totalCount: 1, edges: [{ node: { id: second.order.id } }] });
    const paid = await support.query<{ orders: { edges: { node: { id: string; status: string } }[] } }>(`{ orders(first: 250, filter: { status: [PAID] }) { edges { node { id status } } } }`);
    expect(paid.orders.edges.map((e) => e.node.status)).not.toContain('PENDING_PAYMENT');
    expect(paid.orders.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining([order.id, second.order.id]));
    expect((await customer.request(`{ orders { totalCount } }`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('cannot be changed or removed, even in SQL', async () => {
    const { order } = await paidOrder();
    await expect(sql.query(`UPDATE order_history SET reason = 'rewritten' WHERE order_id = $1`, [rawOrderId(order.id)])).rejects.toThrow(/append-only/);
    await expect(sql.query(`DELETE FROM order_history WHERE order_id = $1`, [rawOrderId(order.id)])).rejects.toThrow(/append-only/);
  });
});
