// The objects the server holds (in memory, for the life of the process) and the events their
// changes make. Every change goes through `record`, which keeps the event and hands it to webhook
// delivery.
import type Stripe from 'stripe';
import { fail } from './errors.js';
import { newId, unixNow } from './objects.js';
import type { TestCard } from './test-cards.js';

/** Stripe's event object (https://docs.stripe.com/api/events/object). */
export interface StripeEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
  livemode: false;
  /** Webhook deliveries not yet answered with a 2xx. */
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

/** The API request a change comes from, named in its events. */
export interface RequestInfo {
  id: string;
  idempotencyKey: string | null;
}

/**
 * Events about one payment are delivered in the order they happened: a payment intent's, its
 * charges' and its refunds' share one queue.
 */
function orderingKey(object: Record<string, unknown>): string {
  if ((object.object === 'charge' || object.object === 'refund') && typeof object.payment_intent === 'string') return object.payment_intent;
  return String(object.id);
}

export class Store {
  readonly customers = new Map<string, Stripe.Customer>();
  readonly paymentIntents = new Map<string, Stripe.PaymentIntent>();
  readonly charges = new Map<string, Stripe.Charge>();
  readonly refunds = new Map<string, Stripe.Refund>();
  readonly paymentMethods = new Map<string, Stripe.PaymentMethod>();
  /** The test card behind each payment method, which decides how its charges go. */
  readonly cards = new Map<string, TestCard>();
  /** Payment methods used once without being saved to a customer: Stripe refuses them after that. */
  readonly spentPaymentMethods = new Set<string>();
  readonly events: StripeEvent[] = [];
  private readonly eventsById = new Map<string, StripeEvent>();

  constructor(
    private readonly options: {
      apiVersion: string;
      /** Queues the event for delivery; answers how many deliveries are pending (0 or 1). */
      publish: (event: StripeEvent, orderingKey: string) => number;
    },
  ) {}

  /** An object of any kind by its id, going by the id's prefix as Stripe's ids allow. */
  find(id: string): object | undefined {
    const prefix = id.slice(0, id.indexOf('_'));
    switch (prefix) {
      case 'cus':
        return this.customers.get(id);
      case 'pi':
        return this.paymentIntents.get(id);
      case 'ch':
        return this.charges.get(id);
      case 're':
        return this.refunds.get(id);
      case 'pm':
        return this.paymentMethods.get(id);
      case 'evt':
        return this.eventsById.get(id);
      default:
        return undefined;
    }
  }

  event(id: string): StripeEvent | undefined {
    return this.eventsById.get(id);
  }

  /** Records that `object` changed (as it is now) and hands the event to delivery. */
  record(type: string, object: object, request: RequestInfo, previous?: Record<string, unknown>): StripeEvent {
    const snapshot = structuredClone(object) as Record<string, unknown>;
    const event: StripeEvent = {
      id: newId('evt'),
      object: 'event',
      api_version: this.options.apiVersion,
      created: unixNow(),
      data: previous ? { object: snapshot, previous_attributes: previous } : { object: snapshot },
      livemode: false,
      pending_webhooks: 0,
      request: { id: request.id, idempotency_key: request.idempotencyKey },
      type,
    };
    this.events.push(event);
    this.eventsById.set(event.id, event);
    event.pending_webhooks = this.options.publish(event, orderingKey(snapshot));
    return event;
  }

  /** A copy of `object` with the ids at the given paths (`latest_charge`, `data.customer`) replaced by their objects. */
  expanded<T extends object>(object: T, paths: readonly string[]): T {
    if (paths.length === 0) return object;
    const copy = structuredClone(object) as Record<string, unknown>;
    for (const path of paths) this.expandPath(copy, path.split('.'), path);
    return copy as T;
  }

  private expandPath(target: Record<string, unknown>, segments: string[], path: string): void {
    const [head, ...rest] = segments as [string, ...string[]];
    if (target.object === 'list' && head === 'data' && Array.isArray(target.data)) {
      for (const item of target.data as Record<string, unknown>[]) this.expandPath(item, rest, path);
      return;
    }
    const cannot = () => fail.invalidParam('expand', `This property cannot be expanded (${path}).`);
    if (!Object.hasOwn(target, head)) throw cannot();
    let value = target[head];
    if (typeof value === 'string') {
      const found = this.find(value);
      if (!found) throw cannot();
      value = structuredClone(found);
      target[head] = value;
    } else if (value !== null && typeof value !== 'object') {
      throw cannot();
    }
    if (rest.length > 0 && value !== null && typeof value === 'object') this.expandPath(value as Record<string, unknown>, rest, path);
  }
}
