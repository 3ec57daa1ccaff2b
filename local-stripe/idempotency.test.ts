// Idempotency keys as Stripe keeps them: one effect per key, the answer replayed, other
// parameters refused, concurrent requests with one key serialized.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyKeys } from './idempotency.js';
import { startServer, type Running } from './local-stripe-fixtures.js';

let running: Running;
let stripe: Stripe;

beforeAll(async () => {
  running = await startServer();
  stripe = running.stripe;
});
afterAll(() => running.server.close());

const params: Stripe.PaymentIntentCreateParams = { amount: 2_000, currency: 'usd', metadata: { order_id: 'order-7' }, allowed_payment_method_types: ['card'] };
const createdCount = () => running.server.events().filter((e) => e.type === 'payment_intent.created').length;

async function refusal(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof Stripe.errors.StripeError) return err;
    throw err;
  }
  throw new Error('expected Stripe to refuse');
}

describe('idempotency keys', () => {
  it('replay the first answer for the same parameters, with no second effect', async () => {
    const before = createdCount();
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: 'order-7' });
    const second = await stripe.paymentIntents.create(params, { idempotencyKey: 'order-7' });
    expect(second.id).toBe(first.id);
    expect(second.client_secret).toBe(first.client_secret);
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(second.lastResponse.headers['original-request']).toBe(first.lastResponse.requestId);
    expect(createdCount()).toBe(before + 1);
  });

  it('refuse the same key with other parameters or on another endpoint', async () => {
    await stripe.paymentIntents.create(params, { idempotencyKey: 'order-8' });
    const other = await refusal(stripe.paymentIntents.create({ ...params, amount: 2_001 }, { idempotencyKey: 'order-8' }));
    expect(other).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(other).toMatchObject({ statusCode: 400, rawType: 'idempotency_error' });
    expect(other.message).toBe(
      "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than 'order-8' if you meant to execute a different request.",
    );
    const elsewhere = await refusal(stripe.customers.create({}, { idempotencyKey: 'order-8' }));
    expect(elsewhere).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(elsewhere.message).toMatch(/only be used for the same endpoint/);
  });

  it('belong to one API key', async () => {
    const mine = await stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'shared-key' });
    const theirs = await new Stripe('sk_test_someone_else', { host: '127.0.0.1', port: running.server.port, protocol: 'http' }).customers.create(
      { email: 'a@example.com' },
      { idempotencyKey: 'shared-key' },
    );
    expect(theirs.id).not.toBe(mine.id);
  });

  it('let ten concurrent requests with one key make one payment intent', async () => {
    const before = createdCount();
    const answers = await Promise.all(Array.from({ length: 10 }, () => stripe.paymentIntents.create(params, { idempotencyKey: 'order-9' })));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(answers.filter((a) => a.lastResponse.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    expect(createdCount()).toBe(before + 1);
  });

  it('replay a decline without charging again', async () => {
    const intent = await stripe.paymentIntents.create(params);
    const confirm = () => stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclined' }, { idempotencyKey: `confirm-${intent.id}` });
    const first = await refusal(confirm());
    const replay = await refusal(confirm());
    expect(replay).toMatchObject({ statusCode: 402, decline_code: 'generic_decline', charge: first.charge });
    expect(replay.headers?.['idempotent-replayed']).toBe('true');
    expect(running.server.events().filter((e) => e.type === 'charge.failed' && e.data.object.payment_intent === intent.id)).toHaveLength(1);
  });

  it('are at most 255 characters', async () => {
    const long = await refusal(stripe.customers.create({}, { idempotencyKey: 'k'.repeat(256) }));
    expect(long).toMatchObject({ statusCode: 400, param: 'Idempotency-Key' });
  });

  it('keep no answer for a request refused while its parameters were checked', async () => {
    const refused = await refusal(stripe.paymentIntents.create({ ...params, currency: 'xxx' }, { idempotencyKey: 'order-10' }));
    expect(refused.param).toBe('currency');
    const corrected = await stripe.paymentIntents.create(params, { idempotencyKey: 'order-10' });
    expect(corrected.status).toBe('requires_payment_method');
  });
});

describe('IdempotencyKeys', () => {
  it('forgets a key after 24 hours', async () => {
    let now = 0;
    const keys = new IdempotencyKeys(() => now);
    let runs = 0;
    const run = () =>
      keys.run({ apiKey: 'sk_test_a', key: 'k', endpoint: 'POST /v1/customers', parameters: '{}' }, () => ({ status: 200, body: String(++runs), requestId: 'req_1', keep: true }));
    expect((await run()).body).toBe('1');
    now = 23 * 3600 * 1000;
    expect(await run()).toMatchObject({ body: '1', replayed: true });
    now = 25 * 3600 * 1000;
    expect(await run()).toMatchObject({ body: '2', replayed: false });
  });
});
