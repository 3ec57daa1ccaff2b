// The Stripe provider against the local Stripe-compatible server: the same SDK calls as against
// real Stripe, on a free port.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../../../local-stripe/local-stripe-fixtures.js';
import { startLocalStripe, type LocalStripe } from '../../../local-stripe/server.js';
import { PaymentProviderError, WebhookSignatureError, type PaymentProvider } from './provider.js';
import { stripeProvider } from './stripe-provider.js';

let server: LocalStripe;
let receiver: Receiver;
let provider: PaymentProvider;
/** The SDK straight at the server, for what the provider does not do (attaching a card, reading metadata). */
let stripe: Stripe;
let keys = 0;
const key = (name: string) => `${name}-${++keys}-${Date.now()}`;

beforeAll(async () => {
  receiver = await startReceiver();
  server = await startLocalStripe({ port: 0, webhookUrl: receiver.url, retry: { delaysMs: [10] } });
  provider = stripeProvider({ secretKey: 'sk_test_local', webhookSecret: server.webhookSecret, apiBase: server.url, maxNetworkRetries: 0, timeoutMs: 5_000 });
  stripe = new Stripe('sk_test_local', { host: '127.0.0.1', port: server.port, protocol: 'http' });
});
afterAll(async () => {
  await server.close();
  await receiver.close();
});

async function providerError(promise: Promise<unknown>): Promise<PaymentProviderError> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(PaymentProviderError);
  return error as PaymentProviderError;
}

const newIntent = (orderId: string, extra: { amount?: number; customerId?: string; setupFutureUsage?: boolean } = {}) =>
  provider.createPaymentIntent({ orderId, amount: extra.amount ?? 12_345, currency: 'eur', customerId: extra.customerId, setupFutureUsage: extra.setupFutureUsage, description: `Order ${orderId}`, idempotencyKey: orderId });

describe('stripeProvider payment intents', () => {
  it('creates one per order, paid with a card', async () => {
    const orderId = key('order');
    const created = await newIntent(orderId);
    expect(created).toMatchObject({
      status: 'requires_payment_method',
      amount: 12_345,
      amountReceived: 0,
      currency: 'EUR',
      orderId,
      customerId: null,
      paymentMethodId: null,
      latestChargeId: null,
      amountRefunded: 0,
      lastError: null,
    });
    expect(created.clientSecret).toMatch(new RegExp(`^${created.id}_secret_`));

    const paid = await provider.confirmPaymentIntent(created.id, { paymentMethodId: 'pm_card_visa', idempotencyKey: key('confirm') });
    expect(paid).toMatchObject({ id: created.id, status: 'succeeded', amountReceived: 12_345, lastError: null, orderId });
    expect(paid.latestChargeId).toMatch(/^ch_/);
    expect(paid.paymentMethodId).toMatch(/^pm_/);
    expect(await provider.retrievePaymentIntent(created.id)).toEqual(paid);
  });

  it('answers the same payment intent for the same key, and refuses the key with another amount', async () => {
    const orderId = key('order');
    const first = await newIntent(orderId);
    const again = await newIntent(orderId);
    expect(again.id).toBe(first.id);
    const other = await providerError(newIntent(orderId, { amount: 1 }));
    expect(other).toMatchObject({ kind: 'idempotency', statusCode: 400 });
  });

  it('resolves a decline with the error, and the intent stays payable', async () => {
    const intent = await newIntent(key('order'));
    const declined = await provider.confirmPaymentIntent(intent.id, { paymentMethodId: 'pm_card_chargeDeclined', idempotencyKey: key('confirm') });
    expect(declined).toMatchObject({
      status: 'requires_payment_method',
      amountReceived: 0,
      paymentMethodId: null,
      lastError: { code: 'card_declined', declineCode: 'generic_decline', message: 'Your card was declined.' },
    });
    const insufficient = await provider.confirmPaymentIntent(intent.id, { paymentMethodId: 'pm_card_chargeDeclinedInsufficientFunds', idempotencyKey: key('confirm') });
    expect(insufficient.lastError?.declineCode).toBe('insufficient_funds');
    expect((await provider.confirmPaymentIntent(intent.id, { paymentMethodId: 'pm_card_visa', idempotencyKey: key('confirm') })).status).toBe('succeeded');
  });

  it('cancels, answers an already canceled one, and refuses a succeeded one', async () => {
    const intent = await newIntent(key('order'));
    expect((await provider.cancelPaymentIntent(intent.id, key('cancel'))).status).toBe('canceled');
    expect((await provider.cancelPaymentIntent(intent.id, key('cancel'))).status).toBe('canceled');

    const paid = await newIntent(key('order'));
    await provider.confirmPaymentIntent(paid.id, { paymentMethodId: 'pm_card_visa', idempotencyKey: key('confirm') });
    const refused = await providerError(provider.cancelPaymentIntent(paid.id, key('cancel')));
    expect(refused).toMatchObject({ kind: 'unexpected_state', code: 'payment_intent_unexpected_state' });
    const confirmAgain = await providerError(provider.confirmPaymentIntent(paid.id, { paymentMethodId: 'pm_card_visa', idempotencyKey: key('confirm') }));
    expect(confirmAgain.kind).toBe('unexpected_state');
  });

  it('says an unknown payment intent is an invalid request, and an unreachable Stripe unavailable', async () => {
    expect(await providerError(provider.retrievePaymentIntent('pi_nothing'))).toMatchObject({ kind: 'invalid_request', code: 'resource_missing', statusCode: 404 });
    const nowhere = stripeProvider({ secretKey: 'sk_test_local', webhookSecret: server.webhookSecret, apiBase: 'http://127.0.0.1:1', maxNetworkRetries: 0 });
    expect((await providerError(nowhere.retrievePaymentIntent('pi_x'))).kind).toBe('unavailable');
  });
});

describe('stripeProvider customers and saved cards', () => {
  it('saves the card of a first payment and charges it again off-session', async () => {
    const customer = await provider.createCustomer({ personId: 'person-1', email: 'ada@example.com', idempotencyKey: key('customer') });
    expect(customer.id).toMatch(/^cus_/);
    expect((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({ email: 'ada@example.com', metadata: { person_id: 'person-1' } });

    const first = await newIntent(key('order'), { customerId: customer.id, setupFutureUsage: true });
    expect(first.customerId).toBe(customer.id);
    const paid = await provider.confirmPaymentIntent(first.id, { paymentMethodId: 'pm_card_visa', idempotencyKey: key('confirm') });
    const saved = await provider.savedPaymentMethods(customer.id);
    expect(saved).toEqual([{ id: paid.paymentMethodId, brand: 'visa', last4: '4242' }]);

    const renewalOrder = key('order');
    const renewal = await provider.chargeOffSession({ customerId: customer.id, paymentMethodId: saved[0]?.id as string, orderId: renewalOrder, amount: 2_500, currency: 'EUR', idempotencyKey: renewalOrder });
    expect(renewal).toMatchObject({ status: 'succeeded', amountReceived: 2_500, orderId: renewalOrder, customerId: customer.id, currency: 'EUR' });
  });

  it('resolves an off-session decline with the error', async () => {
    const customer = await provider.createCustomer({ personId: 'person-2', idempotencyKey: key('customer') });
    const card = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id });
    const orderId = key('order');
    const declined = await provider.chargeOffSession({ customerId: customer.id, paymentMethodId: card.id, orderId, amount: 2_500, currency: 'EUR', idempotencyKey: orderId });
    expect(declined).toMatchObject({ status: 'requires_payment_method', orderId, lastError: { code: 'card_declined', declineCode: 'generic_decline' } });
  });
});

describe('stripeProvider refunds', () => {
  it('refunds part, then the rest, and refuses more than was paid', async () => {
    const intent = await newIntent(key('order'), { amount: 10_000 });
    await provider.confirmPaymentIntent(intent.id, { paymentMethodId: 'pm_card_visa', idempotencyKey: key('confirm') });

    const part = await provider.refund({ paymentIntentId: intent.id, amount: 3_000, reason: 'Damaged in transit', idempotencyKey: key('refund') });
    expect(part).toMatchObject({ paymentIntentId: intent.id, amount: 3_000, status: 'succeeded', currency: 'EUR' });
    expect((await stripe.refunds.retrieve(part.id)).metadata).toEqual({ reason: 'Damaged in transit' });
    expect((await provider.retrievePaymentIntent(intent.id)).amountRefunded).toBe(3_000);

    const tooMuch = await providerError(provider.refund({ paymentIntentId: intent.id, amount: 7_001, idempotencyKey: key('refund') }));
    expect(tooMuch).toMatchObject({ kind: 'invalid_request', code: 'amount_too_large' });

    const restKey = key('refund');
    const rest = await provider.refund({ paymentIntentId: intent.id, amount: 7_000, reason: 'requested_by_customer', idempotencyKey: restKey });
    expect((await stripe.refunds.retrieve(rest.id)).reason).toBe('requested_by_customer');
    expect((await provider.refund({ paymentIntentId: intent.id, amount: 7_000, reason: 'requested_by_customer', idempotencyKey: restKey })).id).toBe(rest.id);
    expect((await provider.retrievePaymentIntent(intent.id)).amountRefunded).toBe(10_000);

    const more = await providerError(provider.refund({ paymentIntentId: intent.id, amount: 1, idempotencyKey: key('refund') }));
    expect(more).toMatchObject({ kind: 'invalid_request', code: 'charge_already_refunded' });
  });
});

describe('stripeProvider.parseWebhook', () => {
  const sign = (payload: string, options: { secret?: string; timestamp?: number } = {}) =>
    stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? server.webhookSecret, timestamp: options.timestamp });

  it('reads the events the server delivers, each naming its payment intent', async () => {
    await server.drainWebhooks();
    receiver.deliveries.length = 0;
    const intent = await newIntent(key('order'));
    await provider.confirmPaymentIntent(intent.id, { paymentMethodId: 'pm_card_visa', idempotencyKey: key('confirm') });
    await provider.refund({ paymentIntentId: intent.id, amount: 100, idempotencyKey: key('refund') });
    await server.drainWebhooks();

    const events = receiver.deliveries
      .map((d) => provider.parseWebhook(Buffer.from(d.body), d.headers['stripe-signature'] as string))
      .filter((e) => e.paymentIntentId === intent.id);
    expect(events.map((e) => [e.type, e.paymentIntentId])).toEqual([
      ['payment_intent.created', intent.id],
      ['charge.succeeded', intent.id],
      ['payment_intent.succeeded', intent.id],
      ['refund.created', intent.id],
      ['charge.refunded', intent.id],
    ]);
    expect(events[0]?.id).toMatch(/^evt_/);
    expect(events[0]?.objectId).toBe(intent.id);
    expect(events[0]?.created).toBeInstanceOf(Date);
    expect(Math.abs((events[0]?.created.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
  });

  it('refuses a bad signature, a stale one, a missing one and a body that is not an event', () => {
    const event = JSON.stringify({ id: 'evt_1', object: 'event', type: 'payment_intent.succeeded', created: 1, data: { object: { id: 'pi_1', object: 'payment_intent' } } });
    expect(provider.parseWebhook(event, sign(event))).toMatchObject({ id: 'evt_1', paymentIntentId: 'pi_1' });

    expect(() => provider.parseWebhook(event, sign(event, { secret: 'whsec_someone_else' }))).toThrow(WebhookSignatureError);
    expect(() => provider.parseWebhook(event.replace('pi_1', 'pi_2'), sign(event))).toThrow(WebhookSignatureError);
    expect(() => provider.parseWebhook(event, sign(event, { timestamp: Math.floor(Date.now() / 1000) - 301 }))).toThrow(/tolerance/);
    expect(provider.parseWebhook(event, sign(event, { timestamp: Math.floor(Date.now() / 1000) - 280 })).id).toBe('evt_1');
    expect(() => provider.parseWebhook(event, undefined)).toThrow(WebhookSignatureError);
    expect(() => provider.parseWebhook(event, 'garbage')).toThrow(WebhookSignatureError);
    expect(() => provider.parseWebhook('not json at all', sign('not json at all'))).toThrow(WebhookSignatureError);
    expect(() => provider.parseWebhook('{"hello":"world"}', sign('{"hello":"world"}'))).toThrow(WebhookSignatureError);
    expect(() => provider.parseWebhook('', sign(''))).toThrow(WebhookSignatureError);
  });
});
