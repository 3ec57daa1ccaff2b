// Refunds: partial ones, the rest, never more than was charged; each shows on the charge.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Running } from './local-stripe-fixtures.js';

let running: Running;
let stripe: Stripe;

beforeAll(async () => {
  running = await startServer();
  stripe = running.stripe;
});
afterAll(() => running.server.close());

async function refusal(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof Stripe.errors.StripeError) return err;
    throw err;
  }
  throw new Error('expected Stripe to refuse');
}

const paidIntent = () =>
  stripe.paymentIntents.create({ amount: 10_000, currency: 'usd', payment_method: 'pm_card_visa', confirm: true, allowed_payment_method_types: ['card'] });

describe('refunds', () => {
  it('give back part, then the rest, and refuse one more', async () => {
    const intent = await paidIntent();
    const part = await stripe.refunds.create({ payment_intent: intent.id, amount: 2_500, reason: 'requested_by_customer', metadata: { order_id: 'o-1' } });
    expect(part).toMatchObject({ object: 'refund', amount: 2_500, status: 'succeeded', payment_intent: intent.id, charge: intent.latest_charge, currency: 'usd', reason: 'requested_by_customer' });
    expect(part.id).toMatch(/^re_/);
    let charge = await stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 2_500, refunded: false });

    const rest = await stripe.refunds.create({ payment_intent: intent.id });
    expect(rest.amount).toBe(7_500);
    charge = await stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 10_000, refunded: true });
    expect((await stripe.refunds.retrieve(part.id)).amount).toBe(2_500);

    const more = await refusal(stripe.refunds.create({ payment_intent: intent.id, amount: 1 }));
    expect(more).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(more).toMatchObject({ statusCode: 400, code: 'charge_already_refunded', message: `Charge ${charge.id} has already been refunded.` });

    const refunded = running.server.events().filter((e) => e.type === 'charge.refunded' && e.data.object.payment_intent === intent.id);
    expect(refunded.map((e) => [e.data.object.amount_refunded, e.data.object.refunded])).toEqual([
      [2_500, false],
      [10_000, true],
    ]);
    expect(refunded[0]?.data.previous_attributes).toEqual({ amount_refunded: 0, refunded: false });
  });

  it('refuse more than is left on the charge', async () => {
    const intent = await paidIntent();
    await stripe.refunds.create({ payment_intent: intent.id, amount: 9_000 });
    const tooMuch = await refusal(stripe.refunds.create({ payment_intent: intent.id, amount: 1_001 }));
    expect(tooMuch).toMatchObject({ statusCode: 400, code: 'amount_too_large', param: 'amount', message: 'Refund amount ($10.01) is greater than unrefunded amount on charge ($10.00)' });
    expect((await stripe.refunds.create({ charge: intent.latest_charge as string, amount: 1_000 })).amount).toBe(1_000);
  });

  it('need a payment that succeeded', async () => {
    const unpaid = await stripe.paymentIntents.create({ amount: 1_000, currency: 'usd' });
    const refused = await refusal(stripe.refunds.create({ payment_intent: unpaid.id }));
    expect(refused).toMatchObject({ statusCode: 400, param: 'payment_intent' });
    const unknown = await refusal(stripe.refunds.create({ payment_intent: 'pi_nothing' }));
    expect(unknown).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'payment_intent' });
    const none = await refusal(stripe.refunds.retrieve('re_nothing'));
    expect(none).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  it('with one idempotency key refund once', async () => {
    const intent = await paidIntent();
    const first = await stripe.refunds.create({ payment_intent: intent.id, amount: 100 }, { idempotencyKey: `refund-${intent.id}` });
    const again = await stripe.refunds.create({ payment_intent: intent.id, amount: 100 }, { idempotencyKey: `refund-${intent.id}` });
    expect(again.id).toBe(first.id);
    expect((await stripe.charges.retrieve(intent.latest_charge as string)).amount_refunded).toBe(100);
  });
});
