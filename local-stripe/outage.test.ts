// Playing an outage: down, the API resets connections and no webhook goes out; slow, answers come
// late but the request took effect at once; afterwards everything stored is still there.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkFor, startReceiver, startServer, type Receiver, type Running } from './local-stripe-fixtures.js';

let running: Running;
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
  running = await startServer({ webhookUrl: receiver.url, retry: { delaysMs: [300] } });
});
afterAll(async () => {
  await running?.server.close();
  await receiver?.close();
});

const create = (key: string) => running.stripe.paymentIntents.create({ amount: 1000, currency: 'usd', allowed_payment_method_types: ['card'] }, { idempotencyKey: key });

describe('an outage of the local Stripe server', () => {
  it('down: connections are reset and no webhook goes out; afterwards what was stored is still there', async () => {
    // The receiver refuses the first attempt; the retry would come while the server is down.
    receiver.answer = () => 500;
    const before = await create('before-outage');
    await expect.poll(() => receiver.deliveries.length).toBe(1);
    running.server.outage({ kind: 'down' });
    receiver.answer = () => 200;
    await expect(sdkFor(running.server).paymentIntents.retrieve(before.id)).rejects.toBeInstanceOf(Stripe.errors.StripeConnectionError);
    await running.server.drainWebhooks();
    running.server.outage(null);
    expect((await running.stripe.paymentIntents.retrieve(before.id)).status).toBe('requires_payment_method');
    // The delivery was given up, not resumed.
    await running.server.drainWebhooks();
    expect(receiver.deliveries).toHaveLength(1);
    expect(running.server.events().map((e) => e.type)).toEqual(['payment_intent.created']);
  });

  it('slow: a client that gives up first does not learn that its request took effect', async () => {
    running.server.outage({ kind: 'slow', delayMs: 1000 });
    const impatient = new Stripe('sk_test_local', { host: '127.0.0.1', port: running.server.port, protocol: 'http', maxNetworkRetries: 0, timeout: 200 });
    await expect(impatient.paymentIntents.create({ amount: 1500, currency: 'usd', allowed_payment_method_types: ['card'] })).rejects.toBeInstanceOf(Stripe.errors.StripeConnectionError);
    running.server.outage(null);
    const made = running.server.events().filter((e) => e.type === 'payment_intent.created' && (e.data.object as { amount: number }).amount === 1500);
    expect(made).toHaveLength(1);
    expect((await sdkFor(running.server).paymentIntents.retrieve((made[0]!.data.object as { id: string }).id)).amount).toBe(1500);
  });
});
