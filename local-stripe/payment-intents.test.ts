// The local server driven through the official SDK, as our services drive real Stripe.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventTypesFor, sdkFor, startServer, type Running } from './local-stripe-fixtures.js';

let running: Running;
let stripe: Stripe;

beforeAll(async () => {
  running = await startServer();
  stripe = running.stripe;
});
afterAll(() => running.server.close());

const newIntent = (extra: Partial<Stripe.PaymentIntentCreateParams> = {}) =>
  stripe.paymentIntents.create({ amount: 4_250, currency: 'eur', metadata: { order_id: 'order-1' }, allowed_payment_method_types: ['card'], ...extra });

async function refusal(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof Stripe.errors.StripeError) return err;
    throw err;
  }
  throw new Error('expected Stripe to refuse');
}

describe('payment intents', () => {
  it('are paid with the visa test card: succeeded, with a charge, and an event for each change', async () => {
    const created = await newIntent({ description: 'Order ORD-1' });
    expect(created).toMatchObject({
      object: 'payment_intent',
      status: 'requires_payment_method',
      amount: 4_250,
      currency: 'eur',
      metadata: { order_id: 'order-1' },
      amount_received: 0,
      latest_charge: null,
      livemode: false,
    });
    expect(created.id).toMatch(/^pi_\w{24}$/);
    expect(created.client_secret).toMatch(new RegExp(`^${created.id}_secret_\\w+$`));

    const paid = await stripe.paymentIntents.confirm(created.id, { payment_method: 'pm_card_visa', expand: ['latest_charge'] });
    expect(paid.status).toBe('succeeded');
    expect(paid.amount_received).toBe(4_250);
    expect(paid.payment_method).toMatch(/^pm_\w+$/);
    expect(paid.payment_method).not.toBe('pm_card_visa');
    const charge = paid.latest_charge as Stripe.Charge;
    expect(charge).toMatchObject({ object: 'charge', status: 'succeeded', paid: true, amount: 4_250, amount_refunded: 0, refunded: false, payment_intent: paid.id });
    expect(charge.id).toMatch(/^ch_/);
    expect(charge.payment_method_details?.card).toMatchObject({ brand: 'visa', last4: '4242' });

    expect(eventTypesFor(running.server, paid.id)).toEqual(['payment_intent.created', 'charge.succeeded', 'payment_intent.succeeded']);
    const succeeded = running.server.events().find((e) => e.type === 'payment_intent.succeeded' && e.data.object.id === paid.id);
    expect(succeeded).toMatchObject({ object: 'event', api_version: Stripe.API_VERSION, livemode: false, pending_webhooks: 0, data: { object: { status: 'succeeded' } } });
    expect(succeeded?.request.idempotency_key).toMatch(/^stripe-node-retry-/);
    const retrieved = await stripe.events.retrieve(succeeded?.id as string);
    expect(retrieved.type).toBe('payment_intent.succeeded');
  });

  it('are declined with Stripe\'s card error, stay payable, and succeed on a retry with another card', async () => {
    const intent = await newIntent();
    const declined = await refusal(stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclined' }));
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(declined).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' });
    expect(declined.payment_intent).toMatchObject({ id: intent.id, status: 'requires_payment_method' });
    expect(declined.charge).toMatch(/^ch_/);

    const after = await stripe.paymentIntents.retrieve(intent.id);
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error).toMatchObject({ type: 'card_error', code: 'card_declined', decline_code: 'generic_decline' });
    expect(after.payment_method).toBeNull();

    const paid = await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
    expect(paid.status).toBe('succeeded');
    expect(paid.last_payment_error).toBeNull();
    expect(eventTypesFor(running.server, intent.id)).toEqual([
      'payment_intent.created',
      'charge.failed',
      'payment_intent.payment_failed',
      'charge.succeeded',
      'payment_intent.succeeded',
    ]);
  });

  it('say why a card is declined: insufficient funds', async () => {
    const intent = await newIntent();
    const declined = await refusal(stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclinedInsufficientFunds' }));
    expect(declined).toMatchObject({ code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' });
  });

  it('can be created and confirmed at once', async () => {
    const paid = await newIntent({ payment_method: 'pm_card_mastercard', confirm: true });
    expect(paid.status).toBe('succeeded');
  });

  it('are canceled from a payable state, and a canceled one cannot be confirmed', async () => {
    const intent = await newIntent();
    const canceled = await stripe.paymentIntents.cancel(intent.id, { cancellation_reason: 'abandoned' });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    expect(canceled.canceled_at).toBeGreaterThan(0);
    expect(eventTypesFor(running.server, intent.id)).toEqual(['payment_intent.created', 'payment_intent.canceled']);

    const again = await refusal(stripe.paymentIntents.cancel(intent.id));
    expect(again).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
    const confirm = await refusal(stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' }));
    expect(confirm).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
    expect(confirm.message).toMatch(/status of canceled/);
  });

  it('refuse to cancel or confirm again once succeeded', async () => {
    const paid = await newIntent({ payment_method: 'pm_card_visa', confirm: true });
    const cancel = await refusal(stripe.paymentIntents.cancel(paid.id));
    expect(cancel).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(cancel).toMatchObject({ code: 'payment_intent_unexpected_state', type: 'StripeInvalidRequestError' });
    expect(cancel.message).toMatch(/You cannot cancel this PaymentIntent because it has a status of succeeded/);
    expect(cancel.payment_intent?.status).toBe('succeeded');
    const confirm = await refusal(stripe.paymentIntents.confirm(paid.id, { payment_method: 'pm_card_visa' }));
    expect(confirm.code).toBe('payment_intent_unexpected_state');
  });

  it('answer Stripe\'s errors for unknown ids, missing, unknown and invalid parameters', async () => {
    const missing = await refusal(stripe.paymentIntents.retrieve('pi_nothing'));
    expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id', message: "No such payment_intent: 'pi_nothing'" });
    const noAmount = await refusal(stripe.paymentIntents.create({ currency: 'usd' } as Stripe.PaymentIntentCreateParams));
    expect(noAmount).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'amount' });
    const unknown = await refusal(stripe.paymentIntents.create({ amount: 100, currency: 'usd', colour: 'red' } as Stripe.PaymentIntentCreateParams));
    expect(unknown).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'colour' });
    const tooSmall = await refusal(stripe.paymentIntents.create({ amount: 10, currency: 'usd' }));
    expect(tooSmall).toMatchObject({ code: 'amount_too_small', message: 'Amount must be at least $0.50 usd' });
    const noCustomer = await refusal(newIntent({ customer: 'cus_nobody' }));
    expect(noCustomer).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'customer' });
    const removed = await refusal(stripe.paymentIntents.create({ amount: 500, currency: 'usd', payment_method_types: ['card'] } as Stripe.PaymentIntentCreateParams));
    expect(removed).toMatchObject({ code: 'parameter_unknown', param: 'payment_method_types' });
    const notCard = await refusal(newIntent({ allowed_payment_method_types: ['paypal'] }));
    expect(notCard).toMatchObject({ statusCode: 400, param: 'allowed_payment_method_types' });
    const noCard = await refusal(newIntent({ payment_method: 'pm_card_unknown' }));
    expect(noCard).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'payment_method' });
  });

  it('refuse requests without a test secret key', async () => {
    const anonymous = await refusal(sdkFor(running.server, 'sk_live_0123456789abcdef').paymentIntents.retrieve('pi_x'));
    expect(anonymous).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(anonymous).toMatchObject({ statusCode: 401, message: 'Invalid API Key provided: sk_live_************cdef' });
    const response = await fetch(`${running.server.url}/v1/payment_intents`, { method: 'POST' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error', message: expect.stringMatching(/^You did not provide an API key/) } });
  });
});

describe('a publishable key (a browser paying offline)', () => {
  const asBrowser = (path: string, form: Record<string, string>, method = 'POST') => {
    const body = new URLSearchParams({ key: running.server.publishableKey, ...form }).toString();
    return method === 'GET'
      ? fetch(`${running.server.url}${path}?${body}`)
      : fetch(`${running.server.url}${path}`, { method, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
  };

  it('confirms and reads a payment intent with its client secret', async () => {
    const intent = await newIntent();
    const read = await asBrowser(`/v1/payment_intents/${intent.id}`, { client_secret: intent.client_secret as string }, 'GET');
    expect(read.status).toBe(200);
    const view = (await read.json()) as Record<string, unknown>;
    expect(view).toMatchObject({ id: intent.id, status: 'requires_payment_method', amount: 4_250 });
    expect(view).not.toHaveProperty('metadata');
    expect(view).not.toHaveProperty('customer');

    const paid = await asBrowser(`/v1/payment_intents/${intent.id}/confirm`, { client_secret: intent.client_secret as string, payment_method: 'pm_card_visa' });
    expect(paid.status).toBe(200);
    expect(await paid.json()).toMatchObject({ status: 'succeeded' });
  });

  it('is refused without the right client secret, and anywhere else', async () => {
    const intent = await newIntent();
    const wrong = await asBrowser(`/v1/payment_intents/${intent.id}/confirm`, { client_secret: `${intent.id}_secret_wrong`, payment_method: 'pm_card_visa' });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { type: 'invalid_request_error', param: 'client_secret' } });
    const none = await asBrowser(`/v1/payment_intents/${intent.id}/confirm`, { payment_method: 'pm_card_visa' });
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({ error: { code: 'parameter_missing', param: 'client_secret' } });
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('requires_payment_method');

    const elsewhere = await refusal(sdkFor(running.server, running.server.publishableKey).paymentIntents.create({ amount: 500, currency: 'usd' }));
    expect(elsewhere).toMatchObject({ statusCode: 401, code: 'secret_key_required' });
  });
});

describe('saved cards', () => {
  it('are saved by a payment with setup_future_usage and charged again off-session', async () => {
    const customer = await stripe.customers.create({ email: 'ada@example.com', metadata: { person_id: 'p-1' } });
    expect(customer).toMatchObject({ object: 'customer', email: 'ada@example.com', metadata: { person_id: 'p-1' } });
    expect((await stripe.customers.retrieve(customer.id)).id).toBe(customer.id);

    const first = await newIntent({ customer: customer.id, setup_future_usage: 'off_session', payment_method: 'pm_card_visa', confirm: true });
    expect(first.status).toBe('succeeded');
    const saved = await stripe.paymentMethods.list({ customer: customer.id, type: 'card' });
    expect(saved.data).toHaveLength(1);
    expect(saved.data[0]).toMatchObject({ id: first.payment_method, customer: customer.id, card: { brand: 'visa', last4: '4242' } });
    expect((await stripe.customers.listPaymentMethods(customer.id)).data.map((m) => m.id)).toEqual([first.payment_method]);

    const renewal = await stripe.paymentIntents.create({
      amount: 1_999,
      currency: 'eur',
      customer: customer.id,
      payment_method: first.payment_method as string,
      confirm: true,
      off_session: true,
    });
    expect(renewal).toMatchObject({ status: 'succeeded', amount_received: 1_999, payment_method: first.payment_method });
  });

  it('a card used once without a customer cannot be used again, nor one of another customer', async () => {
    const once = await newIntent({ payment_method: 'pm_card_visa', confirm: true });
    const reuse = await refusal(newIntent({ payment_method: once.payment_method as string, confirm: true }));
    expect(reuse).toMatchObject({ statusCode: 400, param: 'payment_method' });
    expect(reuse.message).toMatch(/previously used with a PaymentIntent without Customer attachment/);

    const [ada, bob] = await Promise.all([stripe.customers.create({}), stripe.customers.create({})]);
    const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: ada.id });
    const other = await refusal(newIntent({ customer: bob.id, payment_method: card.id, confirm: true, off_session: true }));
    expect(other).toMatchObject({ statusCode: 400, param: 'payment_method' });
  });

  it('a saved card gone bad is declined off-session', async () => {
    const customer = await stripe.customers.create({});
    const card = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id });
    expect(card.customer).toBe(customer.id);
    const declined = await refusal(newIntent({ customer: customer.id, payment_method: card.id, confirm: true, off_session: true }));
    expect(declined).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'generic_decline' });
    expect(declined.payment_intent?.status).toBe('requires_payment_method');

    const refused = await refusal(stripe.paymentMethods.attach('pm_card_chargeDeclined', { customer: customer.id }));
    expect(refused).toMatchObject({ statusCode: 402, code: 'card_declined' });
  });
});
