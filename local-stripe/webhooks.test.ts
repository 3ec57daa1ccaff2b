// Webhooks: each event POSTed signed as Stripe signs them (checked with the SDK's own
// verification), retried until a 2xx, given up after a bounded number of attempts.
import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { startReceiver, startServer, type Receiver, type Running } from './local-stripe-fixtures.js';
import { LOCAL_STRIPE_WEBHOOK_SECRET } from './keys.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function setUp(options: Parameters<typeof startServer>[0] = {}): Promise<Running & { receiver: Receiver }> {
  const receiver = await startReceiver();
  const running = await startServer({ webhookUrl: receiver.url, retry: { delaysMs: [10, 20, 40] }, ...options });
  closers.push(() => running.server.close(), () => receiver.close());
  return { ...running, receiver };
}

const pay = (stripe: Stripe, paymentMethod = 'pm_card_visa') =>
  stripe.paymentIntents.create({ amount: 3_000, currency: 'gbp', metadata: { order_id: 'o-1' }, payment_method: paymentMethod, confirm: true, allowed_payment_method_types: ['card'] });

describe('webhooks', () => {
  it('deliver every event, in order, signed so that the SDK verifies them', async () => {
    const { server, stripe, receiver } = await setUp();
    expect(server.webhookSecret).toBe(LOCAL_STRIPE_WEBHOOK_SECRET);
    const intent = await pay(stripe);
    await server.drainWebhooks();

    const events = receiver.deliveries.map((d) => stripe.webhooks.constructEvent(d.body, d.headers['stripe-signature'] as string, server.webhookSecret, 300));
    expect(events.map((e) => e.type)).toEqual(['payment_intent.created', 'charge.succeeded', 'payment_intent.succeeded']);
    const succeeded = events[2] as Stripe.PaymentIntentSucceededEvent;
    expect(succeeded.data.object).toMatchObject({ id: intent.id, status: 'succeeded', metadata: { order_id: 'o-1' } });
    expect(succeeded).toMatchObject({ object: 'event', livemode: false, pending_webhooks: 1, api_version: Stripe.API_VERSION });
    expect(receiver.deliveries[0]?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(receiver.deliveries[0]?.headers['stripe-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    // Delivered: nothing pending any more.
    expect(server.events().every((e) => e.pending_webhooks === 0)).toBe(true);

    const tampered = receiver.deliveries[0]?.body.replace('"gbp"', '"usd"') as string;
    expect(() => stripe.webhooks.constructEvent(tampered, receiver.deliveries[0]?.headers['stripe-signature'] as string, server.webhookSecret)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it('send only the event types the endpoint subscribes to, keeping the others with nothing pending', async () => {
    const { server, stripe, receiver } = await setUp({ webhookEvents: ['payment_intent.succeeded', 'charge.refunded'] });
    const intent = await pay(stripe);
    await stripe.refunds.create({ payment_intent: intent.id, amount: 1_000 });
    await server.drainWebhooks();
    expect(receiver.deliveries.map((d) => (JSON.parse(d.body) as { type: string }).type)).toEqual(['payment_intent.succeeded', 'charge.refunded']);
    const kept = server.events().filter((e) => e.type === 'payment_intent.created' || e.type === 'charge.succeeded');
    expect(kept.map((e) => [e.type, e.pending_webhooks])).toEqual([['payment_intent.created', 0], ['charge.succeeded', 0]]);
  });

  it('sign with the secret given', async () => {
    const { server, stripe, receiver } = await setUp({ webhookSecret: 'whsec_test_given' });
    await pay(stripe);
    await server.drainWebhooks();
    const delivery = receiver.deliveries[0];
    expect(stripe.webhooks.constructEvent(delivery?.body as string, delivery?.headers['stripe-signature'] as string, 'whsec_test_given').type).toBe('payment_intent.created');
  });

  it('retry a delivery answered with a 500 until it is taken, and keep the order', async () => {
    const { server, stripe, receiver } = await setUp();
    receiver.answer = (_delivery, index) => (index < 2 ? 500 : 200);
    await pay(stripe);
    await server.drainWebhooks();
    const types = receiver.deliveries.map((d) => (JSON.parse(d.body) as { type: string }).type);
    expect(types).toEqual(['payment_intent.created', 'payment_intent.created', 'payment_intent.created', 'charge.succeeded', 'payment_intent.succeeded']);
    // Each attempt is signed anew, and each verifies.
    for (const d of receiver.deliveries) expect(() => stripe.webhooks.constructEvent(d.body, d.headers['stripe-signature'] as string, server.webhookSecret)).not.toThrow();
  });

  it('give up on an endpoint that never answers 2xx after the bounded attempts', async () => {
    const { server, stripe, receiver } = await setUp({ retry: { delaysMs: [5, 5] } });
    receiver.answer = () => 503;
    const intent = await stripe.paymentIntents.create({ amount: 3_000, currency: 'gbp' });
    await server.drainWebhooks();
    expect(receiver.deliveries).toHaveLength(3);
    expect(server.events().find((e) => e.data.object.id === intent.id)?.pending_webhooks).toBe(1);
  });

  it('count an answer that does not come in time as a failure, and an endpoint that is down', async () => {
    const { server, stripe, receiver } = await setUp({ retry: { delaysMs: [5], timeoutMs: 400 } });
    receiver.answer = () => null;
    await stripe.customers.create({});
    await server.drainWebhooks();
    expect(receiver.deliveries).toHaveLength(2);
    await receiver.close();
    await stripe.customers.create({});
    await server.drainWebhooks();
    expect(server.events().map((e) => e.pending_webhooks)).toEqual([1, 1]);
  });

  it('go to the address a function names at the time of delivery, and not at all without one', async () => {
    const receiver = await startReceiver();
    const endpoint: { url?: string } = {};
    const running = await startServer({ webhookUrl: () => endpoint.url, retry: { delaysMs: [5] } });
    closers.push(() => running.server.close(), () => receiver.close());
    await running.stripe.customers.create({});
    endpoint.url = receiver.url;
    await running.stripe.customers.create({});
    await running.server.drainWebhooks();
    expect(receiver.deliveries).toHaveLength(1);
    expect(running.server.events().map((e) => e.pending_webhooks)).toEqual([0, 0]);
  });
});
