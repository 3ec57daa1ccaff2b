// Customers and their payment methods: a test card id (`pm_card_visa`) becomes a PaymentMethod
// of its own when used; one saved to a customer (attached, or through a payment with
// setup_future_usage) can be charged again, off-session; one used without being saved cannot.
import type Stripe from 'stripe';
import { ApiError, docUrl, fail } from './errors.js';
import type { FormObject } from './form.js';
import { customerObject, paymentMethodObject } from './objects.js';
import { Params, pageOf, type ListObject } from './params.js';
import type { RequestInfo, Store } from './store.js';
import { testCard } from './test-cards.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function createCustomer(store: Store, raw: FormObject, request: RequestInfo): Stripe.Customer {
  const p = new Params(raw, ['email', 'name', 'phone', 'description', 'metadata']);
  const email = p.string('email');
  if (email !== null && !EMAIL.test(email)) throw fail.invalidParam('email', `Invalid email address: ${email}`, 'email_invalid');
  const customer = customerObject({
    email,
    name: p.string('name'),
    phone: p.string('phone'),
    description: p.string('description'),
    metadata: p.metadata() ?? {},
  });
  store.customers.set(customer.id, customer);
  store.record('customer.created', customer, request);
  return customer;
}

export function customerOf(store: Store, id: string, param: string | null): Stripe.Customer {
  const customer = store.customers.get(id);
  if (!customer) throw param === null ? fail.noSuchObject('customer', id) : fail.noSuchParamObject('customer', id, param);
  return customer;
}

/**
 * The payment method an id names: a new one made from a test card id, or one made earlier.
 * `param` names the parameter it came in (null: the URL path).
 */
export function paymentMethodFor(store: Store, id: string, param: string | null): Stripe.PaymentMethod {
  const card = testCard(id);
  if (card) {
    const method = paymentMethodObject(card);
    store.paymentMethods.set(method.id, method);
    store.cards.set(method.id, card);
    return method;
  }
  const method = store.paymentMethods.get(id);
  if (!method) throw param === null ? fail.noSuchObject('PaymentMethod', id) : fail.noSuchParamObject('PaymentMethod', id, param);
  return method;
}

/** Refuses a payment method that may not pay for `customer`'s payment. */
export function checkUsable(store: Store, method: Stripe.PaymentMethod, customer: string | null): void {
  if (store.spentPaymentMethods.has(method.id)) {
    throw fail.invalidParam(
      'payment_method',
      'The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, shared with a connected account without Customer attachment, or was detached from a Customer. It may not be used again. To use a PaymentMethod multiple times, you must attach it to a Customer first.',
    );
  }
  if (method.customer !== null && method.customer !== customer) {
    throw fail.invalidParam(
      'payment_method',
      customer === null
        ? `The provided PaymentMethod ${method.id} is attached to a Customer; pass that Customer (customer) with the PaymentIntent to use it.`
        : `The provided PaymentMethod ${method.id} belongs to a different Customer than ${customer}.`,
    );
  }
}

/** Saves `method` to `customer` (Stripe's "attach"). */
export function attach(store: Store, method: Stripe.PaymentMethod, customer: string, request: RequestInfo): void {
  method.customer = customer;
  store.record('payment_method.attached', method, request);
}

export function attachPaymentMethod(store: Store, id: string, raw: FormObject, request: RequestInfo): Stripe.PaymentMethod {
  const p = new Params(raw, ['customer']);
  const customer = customerOf(store, p.requiredString('customer'), 'customer').id;
  const method = paymentMethodFor(store, id, null);
  if (method.customer === customer) return method;
  if (method.customer !== null) throw fail.stateRefused('The payment method you provided has already been attached to a customer.', undefined, 'payment_method');
  checkUsable(store, method, customer);
  const card = store.cards.get(method.id);
  const decline = card?.declinesOnAttach ? card.decline : null;
  if (decline) {
    store.spentPaymentMethods.add(method.id);
    throw new ApiError(
      402,
      { type: 'card_error', code: decline.code, decline_code: decline.declineCode, doc_url: docUrl(decline.code), message: decline.message, payment_method: structuredClone(method) },
      { saved: true },
    );
  }
  attach(store, method, customer, request);
  return method;
}

export function detachPaymentMethod(store: Store, id: string, raw: FormObject, request: RequestInfo): Stripe.PaymentMethod {
  new Params(raw, []);
  const method = paymentMethodFor(store, id, null);
  if (method.customer === null) {
    throw fail.stateRefused('The payment method you provided is not attached to a customer so detachment is impossible.', undefined, 'payment_method');
  }
  const previous = method.customer;
  method.customer = null;
  store.spentPaymentMethods.add(method.id);
  store.record('payment_method.detached', method, request, { customer: previous });
  return method;
}

/** `GET /v1/payment_methods?customer=…&type=card` and `GET /v1/customers/:id/payment_methods`. */
export function listPaymentMethods(store: Store, raw: FormObject, customerInPath: string | null): ListObject<Stripe.PaymentMethod> {
  const p = new Params(raw, customerInPath ? ['type', 'limit', 'starting_after', 'ending_before', 'allow_redisplay'] : ['customer', 'type', 'limit', 'starting_after', 'ending_before']);
  const customer = customerInPath ?? p.string('customer');
  if (customer !== null) customerOf(store, customer, customerInPath ? null : 'customer');
  const type = p.string('type');
  const methods = [...store.paymentMethods.values()].filter(
    (m) => (customer === null ? m.customer !== null : m.customer === customer) && (type === null || m.type === type),
  );
  const url = customerInPath ? `/v1/customers/${customerInPath}/payment_methods` : '/v1/payment_methods';
  return pageOf(methods.reverse(), p, url);
}
