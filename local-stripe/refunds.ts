// Refunds of a succeeded payment: partial ones allowed, their sum never more than the charge
// took. Each updates the charge's amount_refunded and refunded (true once all is given back).
import type Stripe from 'stripe';
import { formatMoney } from '../lib/money.js';
import { fail } from './errors.js';
import type { FormObject } from './form.js';
import { refundObject } from './objects.js';
import { Params } from './params.js';
import type { RequestInfo, Store } from './store.js';

function chargeToRefund(store: Store, p: Params): Stripe.Charge {
  const intentId = p.string('payment_intent');
  const chargeId = p.string('charge');
  if (intentId === null && chargeId === null) {
    throw fail.invalidParam('payment_intent', 'One of the following params should be provided for this request: payment_intent or charge.', 'parameter_missing');
  }
  if (chargeId !== null) {
    const charge = store.charges.get(chargeId);
    if (!charge) throw fail.noSuchParamObject('charge', chargeId, 'charge');
    if (intentId !== null && charge.payment_intent !== intentId) {
      throw fail.invalidParam('charge', `Charge ${chargeId} does not belong to PaymentIntent ${intentId}.`);
    }
    return charge;
  }
  const intent = store.paymentIntents.get(intentId as string);
  if (!intent) throw fail.noSuchParamObject('payment_intent', intentId as string, 'payment_intent');
  const charge = intent.status === 'succeeded' && typeof intent.latest_charge === 'string' ? store.charges.get(intent.latest_charge) : undefined;
  if (!charge) throw fail.invalidParam('payment_intent', `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`);
  return charge;
}

export function createRefund(store: Store, raw: FormObject, request: RequestInfo): Stripe.Refund {
  const p = new Params(raw, ['payment_intent', 'charge', 'amount', 'reason', 'metadata', 'instructions_email']);
  const amount = p.integer('amount');
  if (amount !== null && amount < 1) throw fail.invalidParam('amount', 'Invalid positive integer', 'parameter_invalid_integer');
  const reason = p.oneOf('reason', ['duplicate', 'fraudulent', 'requested_by_customer']);
  const metadata = p.metadata() ?? {};
  p.string('instructions_email');
  const charge = chargeToRefund(store, p);
  if (charge.status !== 'succeeded') throw fail.invalidParam('charge', `Charge ${charge.id} has not succeeded, so it cannot be refunded.`, 'charge_not_refundable');
  const unrefunded = charge.amount_captured - charge.amount_refunded;
  if (unrefunded === 0) throw fail.invalidParam('charge', `Charge ${charge.id} has already been refunded.`, 'charge_already_refunded');
  if (amount !== null && amount > unrefunded) {
    const shown = (value: number) => formatMoney({ amount: value, currencyCode: charge.currency.toUpperCase() });
    throw fail.invalidParam('amount', `Refund amount (${shown(amount)}) is greater than unrefunded amount on charge (${shown(unrefunded)})`, 'amount_too_large');
  }
  const refund = refundObject(charge, { amount: amount ?? unrefunded, reason, metadata });
  store.refunds.set(refund.id, refund);
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += refund.amount;
  charge.refunded = charge.amount_refunded === charge.amount_captured;
  store.record('refund.created', refund, request);
  store.record('charge.refunded', charge, request, previous);
  return refund;
}

export function retrieveRefund(store: Store, id: string, raw: FormObject): Stripe.Refund {
  new Params(raw, []);
  const refund = store.refunds.get(id);
  if (!refund) throw fail.noSuchObject('refund', id);
  return refund;
}
