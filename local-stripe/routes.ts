// The endpoints: method, path and what each does. A route marked `publishable` may also be called
// with a publishable key (as Stripe.js calls it), which must then send the client secret.
import { attachPaymentMethod, createCustomer, customerOf, detachPaymentMethod, listPaymentMethods } from './customers.js';
import { fail } from './errors.js';
import type { FormObject } from './form.js';
import { cancelPaymentIntent, confirmPaymentIntent, createPaymentIntent, retrievePaymentIntent, type KeyKind } from './payment-intents.js';
import { Params, pageOf } from './params.js';
import { createRefund, retrieveRefund } from './refunds.js';
import type { RequestInfo, Store } from './store.js';

export interface Call {
  store: Store;
  params: FormObject;
  /** The `:id` in the path, if the route has one. */
  id: string;
  request: RequestInfo;
  key: KeyKind;
}

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  pattern: RegExp;
  publishable: boolean;
  handle(call: Call): object;
}

const route = (method: Route['method'], path: string, handle: Route['handle'], publishable = false): Route => ({
  method,
  path,
  pattern: new RegExp(`^${path.replace(':id', '([^/]+)')}$`),
  handle,
  publishable,
});

/** A retrieve that takes no parameters besides `expand`. */
function retrieve<T>(kind: string, lookup: (store: Store, id: string) => T | undefined): Route['handle'] {
  return ({ store, id, params }) => {
    new Params(params, []);
    const found = lookup(store, id);
    if (found === undefined) throw fail.noSuchObject(kind, id);
    return found as object;
  };
}

export const ROUTES: readonly Route[] = [
  route('POST', '/v1/customers', (c) => createCustomer(c.store, c.params, c.request)),
  route('GET', '/v1/customers/:id', retrieve('customer', (store, id) => store.customers.get(id))),
  route('GET', '/v1/customers/:id/payment_methods', (c) => listPaymentMethods(c.store, c.params, customerOf(c.store, c.id, null).id)),

  route('POST', '/v1/payment_intents', (c) => createPaymentIntent(c.store, c.params, c.request)),
  route('GET', '/v1/payment_intents/:id', (c) => retrievePaymentIntent(c.store, c.id, c.params, c.key), true),
  route('POST', '/v1/payment_intents/:id/confirm', (c) => confirmPaymentIntent(c.store, c.id, c.params, c.request, c.key), true),
  route('POST', '/v1/payment_intents/:id/cancel', (c) => cancelPaymentIntent(c.store, c.id, c.params, c.request)),

  route('GET', '/v1/payment_methods', (c) => listPaymentMethods(c.store, c.params, null)),
  route('GET', '/v1/payment_methods/:id', retrieve('PaymentMethod', (store, id) => store.paymentMethods.get(id))),
  route('POST', '/v1/payment_methods/:id/attach', (c) => attachPaymentMethod(c.store, c.id, c.params, c.request)),
  route('POST', '/v1/payment_methods/:id/detach', (c) => detachPaymentMethod(c.store, c.id, c.params, c.request)),

  route('GET', '/v1/charges/:id', retrieve('charge', (store, id) => store.charges.get(id))),

  route('POST', '/v1/refunds', (c) => createRefund(c.store, c.params, c.request)),
  route('GET', '/v1/refunds/:id', (c) => retrieveRefund(c.store, c.id, c.params)),

  route('GET', '/v1/events', ({ store, params }) => {
    const p = new Params(params, ['type', 'limit', 'starting_after', 'ending_before']);
    const type = p.string('type');
    const matches = (t: string) => type === null || (type.endsWith('.*') ? t.startsWith(type.slice(0, -1)) : t === type);
    return pageOf(store.events.filter((e) => matches(e.type)).reverse(), p, '/v1/events');
  }),
  route('GET', '/v1/events/:id', retrieve('event', (store, id) => store.event(id))),
];

export type Match = { route: Route; id: string } | { methodNotAllowed: true } | null;

/** The route for a request, its `:id`, or why there is none. */
export function matchRoute(method: string, path: string): Match {
  let pathKnown = false;
  for (const candidate of ROUTES) {
    const found = candidate.pattern.exec(path);
    if (!found) continue;
    pathKnown = true;
    if (candidate.method === method) return { route: candidate, id: decodeURIComponent(found[1] ?? '') };
  }
  return pathKnown ? { methodNotAllowed: true } : null;
}
