// Payment intents and their status machine, as Stripe runs it for card payments captured at once:
//
//   requires_payment_method ──(payment method given)──▶ requires_confirmation
//   requires_payment_method | requires_confirmation ──confirm──▶ succeeded          (card approved)
//                                                           └──▶ requires_payment_method (declined,
//                                                                 with last_payment_error)
//   any state but succeeded and canceled ──cancel──▶ canceled
//
// Confirming a succeeded or canceled intent, or cancelling one, is refused with Stripe's
// payment_intent_unexpected_state. Each attempt makes a charge (succeeded or failed).
import type Stripe from 'stripe';
import { CURRENCY_CODES, MAXIMUM_CHARGE, minimumCharge } from '../lib/currencies.js';
import { formatMoney, isKnownCurrency } from '../lib/money.js';
import { attach, checkUsable, customerOf, paymentMethodFor } from './customers.js';
import { ApiError, docUrl, fail } from './errors.js';
import type { FormObject } from './form.js';
import { chargeObject, paymentIntentObject, unixNow } from './objects.js';
import { Params } from './params.js';
import type { RequestInfo, Store } from './store.js';

type Intent = Stripe.PaymentIntent;

/** Who is calling: a secret key may do anything; a publishable key only what Stripe.js does, with the client secret. */
export type KeyKind = 'secret' | 'publishable';

const CANCELABLE: readonly Stripe.PaymentIntent.Status[] = ['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action', 'processing'];
const CONFIRMABLE: readonly Stripe.PaymentIntent.Status[] = ['requires_confirmation', 'requires_payment_method'];


function currencyOf(p: Params): string {
  const text = p.requiredString('currency');
  if (!isKnownCurrency(text.toUpperCase())) {
    throw fail.invalidParam('currency', `Invalid currency: ${text.toLowerCase()}. Stripe currently supports these currencies: ${CURRENCY_CODES.map((c) => c.toLowerCase()).join(', ')}`);
  }
  return text.toLowerCase();
}

function checkAmount(amount: number, currency: string): void {
  const minimum = minimumCharge(currency.toUpperCase());
  const shown = (value: number) => formatMoney({ amount: value, currencyCode: currency.toUpperCase() });
  if (amount < minimum) throw fail.invalidParam('amount', `Amount must be at least ${shown(minimum)} ${currency}`, 'amount_too_small');
  if (amount > MAXIMUM_CHARGE) throw fail.invalidParam('amount', `Amount must be no more than ${shown(MAXIMUM_CHARGE)}`, 'amount_too_large');
}

/** `off_session` is a boolean, or Stripe's `one_off` / `recurring`. */
function offSessionOf(p: Params): boolean | null {
  const text = p.string('off_session');
  if (text === 'one_off' || text === 'recurring') return true;
  return p.boolean('off_session');
}

function intentOf(store: Store, id: string): Intent {
  const intent = store.paymentIntents.get(id);
  if (!intent) throw fail.noSuchObject('payment_intent', id);
  return intent;
}

function checkClientSecret(intent: Intent, given: string | null): void {
  if (given === null) throw fail.missingParam('client_secret');
  if (given !== intent.client_secret) {
    throw fail.invalidParam('client_secret', 'The client_secret provided does not match the client_secret associated with the PaymentIntent.');
  }
}

// What a publishable key sees of a payment intent: Stripe.js gets no customer, metadata or charges.
const HIDDEN_FROM_PUBLISHABLE_KEY = ['customer', 'metadata', 'latest_charge', 'amount_received', 'amount_capturable', 'review', 'application', 'application_fee_amount', 'on_behalf_of', 'transfer_data', 'transfer_group', 'statement_descriptor', 'statement_descriptor_suffix', 'payment_record', 'managed_payments'];

export function publishableView(intent: Intent): Record<string, unknown> {
  const view: Record<string, unknown> = { ...intent };
  for (const key of HIDDEN_FROM_PUBLISHABLE_KEY) delete view[key];
  return view;
}

/** One attempt to pay `intent` with `method`: a charge, then succeeded, or declined (a 402 card_error). */
function attemptPayment(store: Store, intent: Intent, method: Stripe.PaymentMethod, request: RequestInfo): void {
  const decline = store.cards.get(method.id)?.decline ?? null;
  const charge = chargeObject(intent, method, decline);
  store.charges.set(charge.id, charge);
  intent.latest_charge = charge.id;
  if (decline) {
    // Stripe takes the failed method off the intent: the customer is to give another.
    intent.status = 'requires_payment_method';
    intent.payment_method = null;
    intent.last_payment_error = {
      type: 'card_error',
      code: decline.code as Stripe.PaymentIntent.LastPaymentError.Code,
      decline_code: decline.declineCode,
      doc_url: docUrl(decline.code),
      message: decline.message,
      charge: charge.id,
      payment_method: structuredClone(method),
      payment_method_type: 'card',
    };
    if (method.customer === null) store.spentPaymentMethods.add(method.id);
    store.record('charge.failed', charge, request);
    store.record('payment_intent.payment_failed', intent, request);
    throw new ApiError(402, { ...intent.last_payment_error, type: 'card_error', message: decline.message, payment_intent: structuredClone(intent) }, { saved: true });
  }
  intent.status = 'succeeded';
  intent.amount_received = intent.amount;
  intent.last_payment_error = null;
  intent.payment_method = method.id;
  const customer = typeof intent.customer === 'string' ? intent.customer : null;
  if (method.customer === null) {
    if (intent.setup_future_usage && customer) attach(store, method, customer, request);
    else store.spentPaymentMethods.add(method.id);
  }
  store.record('charge.succeeded', charge, request);
  store.record('payment_intent.succeeded', intent, request);
}

// In API version 2026-10-28 `payment_method_types` is no longer a parameter: `allowed_payment_method_types` took its place.
const CREATE_PARAMS = [
  'amount', 'currency', 'customer', 'payment_method', 'confirm', 'off_session', 'setup_future_usage', 'metadata',
  'automatic_payment_methods', 'allowed_payment_method_types', 'excluded_payment_method_types', 'description', 'receipt_email', 'capture_method', 'return_url',
  'statement_descriptor', 'statement_descriptor_suffix', 'confirmation_method',
];

export function createPaymentIntent(store: Store, raw: FormObject, request: RequestInfo): Intent {
  const p = new Params(raw, CREATE_PARAMS);
  const amount = p.requiredInteger('amount');
  const currency = currencyOf(p);
  checkAmount(amount, currency);
  const customerId = p.string('customer');
  if (customerId !== null) customerOf(store, customerId, 'customer');
  const automatic = p.object('automatic_payment_methods', ['enabled', 'allow_redirects']);
  if (automatic && automatic.boolean('enabled') === null) throw fail.missingParam('automatic_payment_methods[enabled]');
  const allowRedirects = automatic?.oneOf('allow_redirects', ['always', 'never']) ?? 'always';
  const allowed = p.list('allowed_payment_method_types');
  const excluded = p.list('excluded_payment_method_types');
  if ((allowed !== null && !allowed.includes('card')) || excluded?.includes('card')) {
    throw fail.invalidParam(
      allowed !== null ? 'allowed_payment_method_types' : 'excluded_payment_method_types',
      'The local Stripe server takes card payments only: card must be an allowed payment method type.',
      'payment_intent_invalid_parameter',
    );
  }
  if (p.oneOf('capture_method', ['automatic', 'automatic_async', 'manual']) === 'manual') {
    throw fail.invalidParam('capture_method', 'capture_method=manual is not supported by the local Stripe server: payments are captured at once.');
  }
  p.oneOf('confirmation_method', ['automatic', 'manual']);
  const setupFutureUsage = p.oneOf('setup_future_usage', ['on_session', 'off_session']);
  const confirm = p.boolean('confirm') ?? false;
  const offSession = offSessionOf(p);
  if (offSession !== null && !confirm) throw fail.invalidParam('off_session', 'You can only pass off_session when confirm is true.');
  p.string('return_url');
  const methodId = p.string('payment_method');
  const method = methodId === null ? null : paymentMethodFor(store, methodId, 'payment_method');
  if (method) checkUsable(store, method, customerId);

  const intent = paymentIntentObject({
    amount,
    currency,
    customer: customerId,
    description: p.string('description'),
    metadata: p.metadata() ?? {},
    receiptEmail: p.string('receipt_email'),
    setupFutureUsage,
    // Stripe turns automatic payment methods on unless told otherwise or given the types to allow.
    automaticPaymentMethods: (automatic ? automatic.boolean('enabled') === true : allowed === null) ? { enabled: true, allow_redirects: allowRedirects } : null,
    allowedPaymentMethodTypes: allowed as Stripe.PaymentIntent.AllowedPaymentMethodType[] | null,
    excludedPaymentMethodTypes: excluded as Stripe.PaymentIntent.ExcludedPaymentMethodType[] | null,
    statementDescriptor: p.string('statement_descriptor'),
    statementDescriptorSuffix: p.string('statement_descriptor_suffix'),
  });
  if (method) {
    intent.payment_method = method.id;
    intent.status = 'requires_confirmation';
  }
  store.paymentIntents.set(intent.id, intent);
  store.record('payment_intent.created', intent, request);
  if (confirm) {
    if (!method) throw missingPaymentMethod(intent);
    attemptPayment(store, intent, method, request);
  }
  return intent;
}

export function retrievePaymentIntent(store: Store, id: string, raw: FormObject, key: KeyKind): Intent | Record<string, unknown> {
  const p = new Params(raw, ['client_secret']);
  const intent = intentOf(store, id);
  if (key === 'publishable') {
    checkClientSecret(intent, p.string('client_secret'));
    return publishableView(intent);
  }
  return intent;
}

const missingPaymentMethod = (intent: Intent) =>
  fail.unexpectedState(
    "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
    structuredClone(intent),
  );

const CONFIRM_PARAMS = ['payment_method', 'client_secret', 'return_url', 'off_session', 'setup_future_usage', 'receipt_email', 'use_stripe_sdk'];

export function confirmPaymentIntent(store: Store, id: string, raw: FormObject, request: RequestInfo, key: KeyKind): Intent {
  const p = new Params(raw, CONFIRM_PARAMS);
  const intent = intentOf(store, id);
  if (key === 'publishable') checkClientSecret(intent, p.string('client_secret'));
  if (intent.status === 'succeeded') {
    throw fail.unexpectedState('You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.', structuredClone(intent));
  }
  if (!CONFIRMABLE.includes(intent.status)) {
    throw fail.unexpectedState(
      `You cannot confirm this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be confirmed: ${CONFIRMABLE.join(', ')}.`,
      structuredClone(intent),
    );
  }
  const setupFutureUsage = p.oneOf('setup_future_usage', ['on_session', 'off_session']);
  offSessionOf(p);
  p.string('return_url');
  p.boolean('use_stripe_sdk');
  const methodId = p.string('payment_method') ?? (typeof intent.payment_method === 'string' ? intent.payment_method : null);
  if (methodId === null) throw missingPaymentMethod(intent);
  const customer = typeof intent.customer === 'string' ? intent.customer : null;
  const method = paymentMethodFor(store, methodId, 'payment_method');
  checkUsable(store, method, customer);
  if (setupFutureUsage !== null) intent.setup_future_usage = setupFutureUsage;
  const receiptEmail = p.string('receipt_email');
  if (receiptEmail !== null) intent.receipt_email = receiptEmail;
  attemptPayment(store, intent, method, request);
  return intent;
}

export function cancelPaymentIntent(store: Store, id: string, raw: FormObject, request: RequestInfo): Intent {
  const p = new Params(raw, ['cancellation_reason']);
  const reason = p.oneOf('cancellation_reason', ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned']);
  const intent = intentOf(store, id);
  if (!CANCELABLE.includes(intent.status)) {
    throw fail.unexpectedState(
      `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
      structuredClone(intent),
    );
  }
  intent.status = 'canceled';
  intent.canceled_at = unixNow();
  intent.cancellation_reason = reason;
  store.record('payment_intent.canceled', intent, request);
  return intent;
}
