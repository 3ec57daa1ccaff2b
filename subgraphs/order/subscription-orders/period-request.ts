// What the subscription context asks for when it places a period's order, checked: every fault
// of the input at once, as userErrors with their fields. Pure; the clock is passed in.
import { isUuid } from '../../../lib/ids.js';
import { isKnownCurrency } from '../../../lib/money.js';
import { PAYMENT_GRACE_SECONDS } from '../checkout/checkout-steps.js';
import type { PlaceSubscriptionOrderInput, ShippingMethod } from '../generated/resolvers-types.js';
import type { AddressView } from '../models.js';
import { OrderInputChecker } from '../validation.js';

/** The catalog holds stock for at most 7 days; it holds a period's stock for holdSeconds and the payment grace. */
export const MAX_HOLD_SECONDS = 7 * 24 * 3600 - PAYMENT_GRACE_SECONDS;
/** holdSeconds must leave at least this long for the payment. */
export const MIN_HOLD_SECONDS = 60;
/** A reservation takes at most 100 lines (the catalog's limit); each quantity 1..999. */
const MAX_ITEMS = 100;
const MAX_QUANTITY = 999;
const ID_TEXT = 100;

export interface PeriodRequest {
  subscriptionId: string;
  period: number;
  personId: string;
  items: { variantId: string; quantity: number }[];
  amount: number;
  currencyCode: string;
  shippingAddress: AddressView;
  shippingMethod: ShippingMethod;
  paymentMethodId: string;
  paymentCustomerId: string | null;
  holdUntil: Date;
}

const at = (...path: (string | number)[]) => ['input', ...path.map(String)];

function checkKey(c: OrderInputChecker, input: Pick<PlaceSubscriptionOrderInput, 'subscriptionId' | 'period'>): void {
  if (!isUuid(input.subscriptionId)) c.add('INVALID_INPUT', 'subscriptionId is not a subscription id', at('subscriptionId'));
  c.range(input.period, at('period'), 0, 100_000);
}

/** Enough of the input to find the period's order: the subscription and the period. */
export function checkPeriodKey(input: Pick<PlaceSubscriptionOrderInput, 'subscriptionId' | 'period'>): void {
  const c = new OrderInputChecker();
  checkKey(c, input);
  c.throwIfAny();
}

/** The whole request, or every fault of it (INVALID_INPUT, TOO_LONG, INVALID_ADDRESS). */
export function checkPeriodRequest(input: PlaceSubscriptionOrderInput, now: Date): PeriodRequest {
  const c = new OrderInputChecker();
  checkKey(c, input);
  c.text(input.personId, at('personId'), ID_TEXT, true);
  if (input.items.length < 1 || input.items.length > MAX_ITEMS) c.add('INVALID_INPUT', `a period delivers 1 to ${MAX_ITEMS} items`, at('items'));
  input.items.forEach((item, i) => {
    if (!isUuid(item.variantId)) c.add('VARIANT_UNAVAILABLE', 'no such variant in the catalog', at('items', i, 'variantId'));
    c.range(item.quantity, at('items', i, 'quantity'), 1, MAX_QUANTITY);
  });
  c.range(input.amount, at('amount'), 0, Number.MAX_SAFE_INTEGER);
  const currencyCode = input.currencyCode.trim().toUpperCase();
  if (!isKnownCurrency(currencyCode)) c.add('INVALID_INPUT', `${input.currencyCode} is not an ISO 4217 currency code`, at('currencyCode'));
  const shippingAddress = c.address(input.shippingAddress, at('shippingAddress'));
  c.text(input.paymentMethodId, at('paymentMethodId'), ID_TEXT, true);
  c.text(input.paymentCustomerId, at('paymentCustomerId'), ID_TEXT);
  const paymentCustomerId = input.paymentCustomerId?.trim() || null;
  c.range(input.holdSeconds, at('holdSeconds'), MIN_HOLD_SECONDS, MAX_HOLD_SECONDS);
  c.throwIfAny();
  return {
    subscriptionId: input.subscriptionId,
    period: input.period,
    personId: input.personId.trim(),
    items: input.items.map((i) => ({ variantId: i.variantId, quantity: i.quantity })),
    amount: input.amount,
    currencyCode,
    shippingAddress,
    shippingMethod: input.shippingMethod,
    paymentMethodId: input.paymentMethodId.trim(),
    paymentCustomerId,
    holdUntil: new Date(now.getTime() + input.holdSeconds * 1000),
  };
}
