// One checkout through the gateway with tracing on (an in-memory exporter): every context's spans
// in the trace the shopper's traceparent started, through the order's calls to cart, promotion and
// catalog, their SQL, and the relay publishing the order's events. The payment is the provider's
// webhook, a trace of its own: OrderPaid is published in it, and the catalog, promotion and cart
// consumers continue it. Job runs that did something are traces of their own, linked from what
// they published.
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventStream, readStream } from '../lib/outbox.js';
import { startTracing, type Tracing } from '../lib/tracing.js';
import { cartApi, createPromotion, createVariants, unique } from '../subgraphs/cart/cart-fixtures.js';
import { ADDRESS, newKey, payWith, rawOrderId } from '../subgraphs/order/order-fixtures.js';
import { startTestStack, type TestStack } from './harness.js';

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let stack: TestStack;

beforeAll(async () => {
  // Before the stack: its services, jobs and consumers all trace.
  tracing = (await startTracing({ exporter }))!;
  stack = await startTestStack({ workers: true, env: { OUTBOX_RELAY_MS: '50', ORDER_RECONCILE_MS: '3600000' } });
}, 60_000);

afterAll(async () => {
  await stack?.close();
  await tracing?.shutdown();
});

const SHOPPER_TRACE = '5b8aa5a2d2c872e8321cf37308d69df2';
const SHOPPER_SPAN = '051581bf3cb55c13';

const PLACE_ORDER = `mutation PlaceOrder($input: CheckoutInput!) {
  checkout(input: $input) { order { id } paymentClientSecret userErrors { code } }
}`;

const spans = () => exporter.getFinishedSpans();
const serviceOf = (span: ReadableSpan) => span.resource.attributes['service.name'];
const byId = (spanId: string | undefined) => spans().find((s) => s.spanContext().spanId === spanId);
const parentOf = (span: ReadableSpan) => byId(span.parentSpanContext?.spanId);
/** The one span matching, failing with what there was when there is not exactly one. */
function only(among: ReadableSpan[], match: (s: ReadableSpan) => boolean, what: string): ReadableSpan {
  const found = among.filter(match);
  if (found.length !== 1) throw new Error(`${found.length} spans are ${what}; there are: ${among.map((s) => `${serviceOf(s)} ${s.name}`).join(', ')}`);
  return found[0]!;
}
/** Whether `span` descends from `ancestor`. */
function within(span: ReadableSpan, ancestor: ReadableSpan): boolean {
  for (let s = parentOf(span); s; s = parentOf(s)) if (s === ancestor) return true;
  return false;
}

describe('a checkout and its payment, traced', () => {
  it('are each one trace across the gateway, the subgraphs, their SQL, the outbox relay and the consumers', async () => {
    const { variantIds } = await createVariants(stack, [{ price: 2500, onHand: 5 }]);
    const code = unique('TRACE').toUpperCase().replaceAll('-', '');
    await createPromotion(stack, { name: 'Ten off', code, discountType: 'PERCENTAGE', percentOff: 10 });
    const shopper = await stack.as(unique('shopper'), 'customer');
    const { cart } = await cartApi(shopper).create(undefined, [{ variantId: variantIds[0]!, quantity: 2 }]);
    expect((await cartApi(shopper).applyCode(cart!.id, code)).userErrors).toEqual([]);

    const input = { cartId: cart!.id, idempotencyKey: newKey(), shippingMethod: 'STANDARD', shippingAddress: ADDRESS };
    const placed = await shopper.request<{ checkout: { order: { id: string }; paymentClientSecret: string; userErrors: unknown[] } }>(PLACE_ORDER, { input }, { traceparent: `00-${SHOPPER_TRACE}-${SHOPPER_SPAN}-01` });
    expect(placed.data?.checkout.userErrors).toEqual([]);
    const orderId = rawOrderId(placed.data!.checkout.order.id);
    expect((await payWith(stack, placed.data!.checkout.paymentClientSecret)).body.status).toBe('succeeded');

    const isOrders = (s: ReadableSpan) => s.attributes['commerce.event.aggregate_id'] === orderId;
    const consumerGroups = () => spans().filter((s) => s.name === 'process OrderPaid' && isOrders(s)).map((s) => s.attributes['messaging.consumer.group.name']);
    await expect.poll(consumerGroups, { timeout: 15_000, interval: 100 }).toEqual(expect.arrayContaining(['catalog-order-stock', 'promotion-order-redemptions', 'cart-order-checkouts']));
    // The relay's run has ended too once its publications have: let the last spans land.
    await expect.poll(() => spans().some((s) => s.name === 'process order-outbox-relay'), { timeout: 5_000 }).toBe(true);

    // The checkout: the trace the shopper's traceparent names.
    const checkout = spans().filter((s) => s.spanContext().traceId === SHOPPER_TRACE);
    const gateway = only(checkout, (s) => serviceOf(s) === 'gateway' && s.kind === SpanKind.SERVER, 'the gateway’s request');
    expect(gateway).toMatchObject({ name: 'POST /graphql', parentSpanContext: { spanId: SHOPPER_SPAN } });
    const gatewayRequest = only(checkout, (s) => s.name === 'gateway.request', 'Apollo Gateway’s request');
    expect(gatewayRequest.attributes['graphql.operation.name']).toBe('PlaceOrder');
    const fetchOrder = only(checkout, (s) => s.name === 'gateway.fetch' && s.attributes.service === 'order', 'the fetch from the order subgraph');
    expect(within(fetchOrder, gateway)).toBe(true);

    const orderRequest = only(checkout, (s) => serviceOf(s) === 'order' && s.kind === SpanKind.SERVER, 'the order subgraph’s request');
    expect(orderRequest).toMatchObject({ name: 'POST /graphql', parentSpanContext: { spanId: fetchOrder.spanContext().spanId } });
    const operation = only(checkout, (s) => serviceOf(s) === 'order' && parentOf(s) === orderRequest, 'the order subgraph’s operation');
    expect(operation.name).toMatch(/^mutation PlaceOrder__order__\d+$/);
    expect(operation.attributes).toMatchObject({ 'graphql.operation.type': 'mutation', 'graphql.operation.name': expect.stringMatching(/^PlaceOrder__order__/) });

    // The saga's calls: a CLIENT span in the order context, the callee's request and operation under it.
    for (const [peer, name] of [
      ['cart', 'mutation BeginCartCheckout'],
      ['promotion', 'mutation ReserveRedemptions'],
      ['catalog', 'mutation ReserveInventory'],
    ] as const) {
      const call = only(checkout, (s) => s.kind === SpanKind.CLIENT && s.name === name, `the order’s ${name}`);
      expect(serviceOf(call)).toBe('order');
      expect(call.attributes['peer.service']).toBe(peer);
      expect(within(call, operation)).toBe(true);
      const served = only(checkout, (s) => serviceOf(s) === peer && s.kind === SpanKind.SERVER && parentOf(s) === call, `the ${peer} subgraph’s request`);
      expect(only(checkout, (s) => parentOf(s) === served, `the ${peer} subgraph’s operation`).name).toBe(name);
    }

    // SQL, as Prisma runs it through the pg adapter or as it goes straight to pg (lib/db.ts), in each
    // context the checkout went through.
    const sql = checkout.filter((s) => s.name === 'prisma:client:db_query' || s.name === 'pg:query');
    expect(sql.every((s) => s.kind === SpanKind.CLIENT && s.attributes['db.system.name'] === 'postgresql')).toBe(true);
    const orderSql = sql.filter((s) => serviceOf(s) === 'order').map((s) => String(s.attributes['db.query.text']));
    expect(orderSql).toEqual(expect.arrayContaining([expect.stringMatching(/INSERT INTO checkout/), expect.stringMatching(/INSERT INTO outbox_event/)]));
    expect(new Set(sql.map(serviceOf))).toEqual(new Set(['order', 'cart', 'promotion', 'catalog']));

    // The relay (on commit, or its periodic job) publishes the order's events as children of the
    // span that recorded them, linked to its run.
    const created = only(checkout, (s) => s.name === 'publish OrderCreated', 'the publication of OrderCreated');
    expect(created).toMatchObject({ kind: SpanKind.PRODUCER, attributes: { 'messaging.system': 'redis', 'commerce.event.type': 'OrderCreated', 'commerce.event.aggregate_id': orderId } });
    expect(serviceOf(created)).toBe('order');
    expect(within(created, operation)).toBe(true);
    const [runLink] = created.links;
    const relayRun = only(spans(), (s) => s.name === 'process order-outbox-relay' && s.spanContext().traceId === runLink?.context.traceId, 'the relay run that published OrderCreated');
    expect(relayRun.attributes).toMatchObject({ 'messaging.destination.name': 'order-outbox-relay', 'commerce.job.result': expect.any(Number) });
    expect(['postgresql', 'bullmq']).toContain(relayRun.attributes['messaging.system']);
    expect(relayRun.parentSpanContext).toBeUndefined();

    // The envelope says the same trace id (the one the logs carry).
    const events = await readStream(stack.runtime.redis, eventStream(stack.config.REDIS_PREFIX, 'order'));
    const orderEvents = events.filter((e) => e.aggregateId === orderId);
    expect(orderEvents.find((e) => e.type === 'OrderCreated')?.traceId).toBe(SHOPPER_TRACE);

    // The payment: the webhook's trace records OrderPaid; its publication and the consumers go on in it.
    const paid = only(spans(), (s) => s.name === 'publish OrderPaid' && isOrders(s), 'the publication of OrderPaid');
    const paymentTrace = paid.spanContext().traceId;
    expect(paymentTrace).not.toBe(SHOPPER_TRACE);
    expect(orderEvents.find((e) => e.type === 'OrderPaid')?.traceId).toBe(paymentTrace);
    const webhook = only(spans(), (s) => s.spanContext().traceId === paymentTrace && serviceOf(s) === 'order' && s.kind === SpanKind.SERVER, 'the order’s webhook request');
    expect(webhook.name).toBe('POST /webhooks/stripe');
    expect(within(paid, webhook)).toBe(true);
    for (const [service, group] of [
      ['catalog', 'catalog-order-stock'],
      ['promotion', 'promotion-order-redemptions'],
      ['cart', 'cart-order-checkouts'],
    ] as const) {
      const consumed = only(spans(), (s) => s.name === 'process OrderPaid' && s.attributes['messaging.consumer.group.name'] === group && isOrders(s), `${group}'s handling of OrderPaid`);
      expect(consumed).toMatchObject({ kind: SpanKind.CONSUMER, parentSpanContext: { traceId: paymentTrace, spanId: paid.spanContext().spanId } });
      expect(serviceOf(consumed)).toBe(service);
      // Its effect's SQL is in the same trace, under it.
      expect(spans().some((s) => (s.name === 'prisma:client:db_query' || s.name === 'pg:query') && within(s, consumed))).toBe(true);
    }
  });
});
