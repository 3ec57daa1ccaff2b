// Subscription rules that need no I/O: what a plan may be, what a change may ask, and the refusal
// helpers bound to the subscription context's codes. Every fault is a userError with a stable code
// and the path of the input field at fault.
import { refuse as refuseWith, toPayload } from '../../lib/errors.js';
import { InputChecker } from '../../lib/input-checker.js';
import { MAXIMUM_CHARGE, minimumCharge } from '../../lib/currencies.js';
import { formatMoney } from '../../lib/money.js';
import type {
  BillingInterval,
  CreateSubscriptionPlanInput,
  MoneyInput,
  SubscriptionErrorCode,
  SubscriptionPlanItemInput,
  UpdateSubscriptionPlanInput,
} from './generated/resolvers-types.js';
import type { PlanRow } from './models.js';

/** Refuses a subscription write with one userError. */
export const refuse = refuseWith<SubscriptionErrorCode>;

/** A subscription mutation's payload: `{ [key]: result }`, or the userErrors it was refused with. */
export const payload = <K extends string, T>(key: K, run: () => Promise<T>) => toPayload<K, T, SubscriptionErrorCode>(key, run);

export const LIMITS = {
  name: 120,
  description: 2000,
  intervalCount: { min: 1, max: 52 },
  trialDays: { min: 0, max: 365 },
  items: { min: 1, max: 20 },
  itemQuantity: { min: 1, max: 1000 },
  quantity: { min: 1, max: 100 },
  paymentMethodId: 100,
  /** The most one period may charge (a plan's price times the quantity): Stripe's largest charge, which also fits the period's Postgres integer. */
  charge: MAXIMUM_CHARGE,
} as const;

export class SubscriptionInputChecker extends InputChecker<SubscriptionErrorCode> {
  protected readonly outOfRange = 'INVALID_INPUT';

  /** Text of at most `max` characters (Postgres counts characters, not UTF-16 units), answered trimmed; blank is null, or a fault when required. */
  textOf(value: string, field: readonly string[], max: number, required: boolean): string | null {
    const trimmed = value.trim();
    if (trimmed.length === 0) {
      if (required) this.add('INVALID_INPUT', `${field.at(-1)} must not be blank`, field);
      return null;
    }
    if ([...trimmed].length > max) this.add('INVALID_INPUT', `${field.at(-1)} must be at most ${max} characters`, field);
    return trimmed;
  }

  /** A price per delivery: at least the currency's smallest charge, at most the largest. */
  price(price: MoneyInput, field: readonly string[]): void {
    const minimum = minimumCharge(price.currencyCode);
    if (!Number.isInteger(price.amount) || price.amount < minimum || price.amount > LIMITS.charge) {
      const shown = (amount: number) => formatMoney({ amount, currencyCode: price.currencyCode });
      this.add('INVALID_INPUT', `price must be between ${shown(minimum)} and ${shown(LIMITS.charge)} (in minor units ${minimum}..${LIMITS.charge})`, [...field, 'amount']);
    }
  }

  /** 1..20 different variants, each 1..1000 per delivery. */
  items(items: readonly SubscriptionPlanItemInput[], field: readonly string[]): void {
    const { min, max } = LIMITS.items;
    if (items.length < min || items.length > max) this.add('INVALID_INPUT', `a plan delivers ${min} to ${max} different variants`, field);
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const at = [...field, String(i)];
      if (seen.has(item.variantId)) this.add('INVALID_INPUT', 'this variant is listed twice: give it once, with the quantity wanted', [...at, 'variantId']);
      seen.add(item.variantId);
      this.range(item.quantity, [...at, 'quantity'], LIMITS.itemQuantity.min, LIMITS.itemQuantity.max);
    });
  }
}

/** A plan's fields as stored, with its items in delivery order. */
export interface PlanFields {
  name: string;
  description: string | null;
  price: number;
  currency: string;
  interval: BillingInterval;
  intervalCount: number;
  trialDays: number;
  active: boolean;
  items: { variantId: string; quantity: number }[];
}

const INPUT = ['input'];
const at = (name: string) => [...INPUT, name];

/** A new plan's fields, every fault added to `c`. */
export function newPlanFields(c: SubscriptionInputChecker, input: CreateSubscriptionPlanInput): PlanFields {
  const name = c.textOf(input.name, at('name'), LIMITS.name, true) ?? '';
  const description = input.description == null ? null : c.textOf(input.description, at('description'), LIMITS.description, false);
  c.price(input.price, at('price'));
  const intervalCount = input.intervalCount ?? 1;
  const trialDays = input.trialDays ?? 0;
  c.range(intervalCount, at('intervalCount'), LIMITS.intervalCount.min, LIMITS.intervalCount.max);
  c.range(trialDays, at('trialDays'), LIMITS.trialDays.min, LIMITS.trialDays.max);
  c.items(input.items, at('items'));
  return {
    name,
    description,
    price: input.price.amount,
    currency: input.price.currencyCode,
    interval: input.interval,
    intervalCount,
    trialDays,
    active: input.active ?? true,
    items: input.items.map((i) => ({ variantId: i.variantId, quantity: i.quantity })),
  };
}

/**
 * What an update changes, every fault added to `c`: a field left out (or null, where the plan
 * must have a value) stays; a null description clears it. A plan keeps its currency: subscriptions
 * on it were charged in it (CURRENCY_MISMATCH; a plan in another currency is another plan).
 */
export function planChanges(c: SubscriptionInputChecker, input: UpdateSubscriptionPlanInput, current: PlanRow): Partial<PlanFields> {
  const changes: Partial<PlanFields> = {};
  if (input.name != null) changes.name = c.textOf(input.name, at('name'), LIMITS.name, true) ?? '';
  if (input.description !== undefined) changes.description = input.description === null ? null : c.textOf(input.description, at('description'), LIMITS.description, false);
  if (input.price != null) {
    if (input.price.currencyCode !== current.currency) {
      c.add('CURRENCY_MISMATCH', `the plan is in ${current.currency}, not ${input.price.currencyCode}: a plan keeps its currency`, [...at('price'), 'currencyCode']);
    } else {
      c.price(input.price, at('price'));
      changes.price = input.price.amount;
    }
  }
  if (input.trialDays != null) {
    c.range(input.trialDays, at('trialDays'), LIMITS.trialDays.min, LIMITS.trialDays.max);
    changes.trialDays = input.trialDays;
  }
  if (input.items != null) {
    c.items(input.items, at('items'));
    changes.items = input.items.map((i) => ({ variantId: i.variantId, quantity: i.quantity }));
  }
  if (input.active != null) changes.active = input.active;
  return changes;
}
