// Input rules for promotion writes: pure functions returning userErrors, no I/O.
import { refuse as refuseWith, toPayload } from '../../lib/errors.js';
import { InputChecker, checkCurrency, normalizeCode, withArticle, type Reporter } from '../../lib/input-checker.js';
import type { DiscountLevel, DiscountType, PromotionErrorCode } from './generated/resolvers-types.js';
import type { PromotionTerms } from './promotion-engine.js';

export const LIMITS = {
  name: 120,
  code: 64,
  targets: 500,
  targetId: 100,
  /** Minor units: amounts off and minimum subtotals (Postgres integer). */
  amount: 1_000_000_000,
  redemptions: 1_000_000_000,
  priority: 1_000_000,
  ownerId: 100,
  redemptionsPerOrder: 20,
} as const;

/** Promotion and partner codes as stored: upper-case letters, digits, '-' and '_', 3 to 64 characters. */
const CODE = /^[A-Z0-9][A-Z0-9_-]{2,63}$/;

export const isCodeShaped = (code: string): boolean => CODE.test(code);

/** A promotion's or a partner's code, as stored. */
export function checkCodeFormat(c: Reporter<'INVALID_CODE'>, code: string, field: readonly string[]): void {
  if (!isCodeShaped(code)) c.add('INVALID_CODE', "a code is 3 to 64 letters, digits, '-' or '_', starting with a letter or digit", field);
}

/** Refuses a promotion write with one userError. */
export const refuse = refuseWith<PromotionErrorCode>;

/** A promotion mutation's payload: `{ [key]: result }`, or the userErrors it was refused with. */
export const payload = <K extends string, T>(key: K, run: () => Promise<T>) => toPayload<K, T, PromotionErrorCode>(key, run);

export class PromotionInputChecker extends InputChecker<PromotionErrorCode> {
  protected readonly outOfRange = 'INVALID_VALUE';
}

/** The terms as stored, with the arrays the admin API writes. */
export interface PromotionFields extends PromotionTerms {
  targetProductIds: string[];
  targetVariantIds: string[];
  targetCategoryIds: string[];
}

export interface TargetsInput {
  productIds?: string[] | null;
  variantIds?: string[] | null;
  categoryIds?: string[] | null;
}

interface MoneyInput {
  amount: number;
  currencyCode: string;
}

/** Create and update inputs alike: on update, an omitted (undefined) field keeps its value and null clears a nullable one. */
export interface PromotionInput {
  name?: string | null;
  code?: string | null;
  automatic?: boolean | null;
  discountType?: DiscountType | null;
  percentOff?: number | null;
  amountOff?: MoneyInput | null;
  /** Deprecated: percentOff or amountOff.amount. */
  value?: number | null;
  currencyCode?: string | null;
  level?: DiscountLevel | null;
  targets?: TargetsInput | null;
  minSubtotal?: MoneyInput | null;
  validFrom?: Date | null;
  validTo?: Date | null;
  maxRedemptions?: number | null;
  maxRedemptionsPerPerson?: number | null;
  stackable?: boolean | null;
  priority?: number | null;
  active?: boolean | null;
}

/** What a new promotion has unless the input says otherwise. */
export const PROMOTION_DEFAULTS: PromotionFields = {
  name: '',
  code: null,
  automatic: false,
  discountType: 'PERCENTAGE',
  value: 0,
  currency: null,
  level: 'CART',
  targetProductIds: [],
  targetVariantIds: [],
  targetCategoryIds: [],
  minSubtotal: null,
  validFrom: null,
  validTo: null,
  maxRedemptions: null,
  maxRedemptionsPerPerson: null,
  stackable: true,
  priority: 0,
  active: true,
};

function targetIds(c: PromotionInputChecker, ids: string[] | null | undefined, field: string[]): string[] {
  const list = ids ?? [];
  list.forEach((id, i) => c.text(id, [...field, String(i)], LIMITS.targetId, true));
  return [...new Set(list)];
}

/**
 * The promotion an input describes: the input over `base` (the stored promotion on update, the
 * defaults on create), normalised (code upper-case, FREE_SHIPPING value 0), then checked whole,
 * so that rules between fields hold whichever of them an update changes.
 */
export function promotionFields(c: PromotionInputChecker, input: PromotionInput, base: PromotionTerms | null): PromotionFields {
  const creating = base === null;
  const from = base ?? PROMOTION_DEFAULTS;
  const pick = <K extends keyof PromotionInput, V>(key: K, current: V, read: (v: NonNullable<PromotionInput[K]>) => V, clearable: boolean): V => {
    const v = input[key];
    if (v === undefined || (v === null && !clearable)) return current;
    return v === null ? (null as V) : read(v as NonNullable<PromotionInput[K]>);
  };
  const field = (name: string) => ['input', name];

  if (creating || input.name != null) c.text(input.name, field('name'), LIMITS.name, true);
  const targets = input.targets;
  const discountType = pick('discountType', from.discountType, (v) => v, false);
  const discount = discountOf(c, input, discountType);
  const missing = !discount && discountType !== 'FREE_SHIPPING' && (creating || discountType !== from.discountType);
  if (missing) {
    const needed = discountType === 'AMOUNT' ? 'amountOff' : 'percentOff';
    c.add('INVALID_VALUE', `${withArticle(discountType)} promotion needs ${needed}`, field(needed));
  }
  const fields: PromotionFields = {
    name: pick('name', from.name, (v) => v.trim(), false),
    code: pick('code', from.code, (v) => normalizeCode(v), true),
    automatic: pick('automatic', from.automatic, (v) => v, false),
    discountType,
    value: discount?.value ?? from.value,
    currency: currencyOf(c, input, from.currency),
    level: pick('level', from.level, (v) => v, false),
    targetProductIds: targets === undefined ? [...from.targetProductIds] : targetIds(c, targets?.productIds, ['input', 'targets', 'productIds']),
    targetVariantIds: targets === undefined ? [...from.targetVariantIds] : targetIds(c, targets?.variantIds, ['input', 'targets', 'variantIds']),
    targetCategoryIds: targets === undefined ? [...from.targetCategoryIds] : targetIds(c, targets?.categoryIds, ['input', 'targets', 'categoryIds']),
    minSubtotal: pick('minSubtotal', from.minSubtotal, (v) => v.amount, true),
    validFrom: input.validFrom === undefined ? from.validFrom : input.validFrom,
    validTo: input.validTo === undefined ? from.validTo : input.validTo,
    maxRedemptions: pick('maxRedemptions', from.maxRedemptions, (v) => v, true),
    maxRedemptionsPerPerson: pick('maxRedemptionsPerPerson', from.maxRedemptionsPerPerson, (v) => v, true),
    stackable: pick('stackable', from.stackable, (v) => v, false),
    priority: pick('priority', from.priority, (v) => v, false),
    active: pick('active', from.active, (v) => v, false),
  };
  if (fields.discountType === 'FREE_SHIPPING') fields.value = 0;
  checkPromotion(c, fields, missing ? null : (discount?.field ?? field(discountType === 'AMOUNT' ? 'amountOff' : 'percentOff')));
  return fields;
}

/**
 * The discount's number, from the field its type takes (percentOff for PERCENTAGE, amountOff for
 * AMOUNT) or the deprecated value, with the path errors about it point at; undefined when the
 * input gives none (an update keeps the stored one).
 */
function discountOf(c: PromotionInputChecker, input: PromotionInput, type: DiscountType): { value: number; field: string[] } | undefined {
  const given = (['percentOff', 'amountOff', 'value'] as const).filter((name) => input[name] != null);
  if (given.length > 1) c.add('INVALID_INPUT', 'give one of percentOff, amountOff and value', ['input', given[1]!]);
  if (input.percentOff != null && type !== 'PERCENTAGE') c.add('INVALID_VALUE', 'percentOff is for PERCENTAGE promotions', ['input', 'percentOff']);
  if (input.amountOff != null && type !== 'AMOUNT') c.add('INVALID_VALUE', 'amountOff is for AMOUNT promotions', ['input', 'amountOff']);
  if (input.percentOff != null) return { value: input.percentOff, field: ['input', 'percentOff'] };
  if (input.amountOff != null) return { value: input.amountOff.amount, field: ['input', 'amountOff', 'amount'] };
  if (input.value != null) return { value: input.value, field: ['input', 'value'] };
  return undefined;
}

/**
 * The promotion's currency: the one its money inputs (amountOff, minSubtotal) and currencyCode
 * agree on, or the stored one when the input names none. Disagreeing ones are INVALID_CURRENCY.
 */
function currencyOf(c: PromotionInputChecker, input: PromotionInput, current: string | null): string | null {
  const named: [string | null, string[]][] = [];
  if (input.currencyCode !== undefined) named.push([input.currencyCode, ['input', 'currencyCode']]);
  if (input.amountOff) named.push([input.amountOff.currencyCode, ['input', 'amountOff', 'currencyCode']]);
  if (input.minSubtotal) named.push([input.minSubtotal.currencyCode, ['input', 'minSubtotal', 'currencyCode']]);
  if (named.length === 0) return current;
  const [currency] = named[0]!;
  for (const [code, field] of named.slice(1)) {
    if (code !== currency) c.add('INVALID_CURRENCY', `a promotion has one currency: ${code} is not ${currency ?? 'none'}`, field);
  }
  return currency;
}


/**
 * Rules between a promotion's fields; errors point at the input field to change. `discountField`
 * is where the discount's number came from, null when it is missing (and already reported).
 */
export function checkPromotion(c: PromotionInputChecker, p: PromotionFields, discountField: string[] | null): void {
  const field = (name: string) => ['input', name];
  if (p.automatic && p.code !== null) c.add('INVALID_CODE', 'automatic promotions have no code', field('code'));
  if (!p.automatic && p.code === null) c.add('INVALID_CODE', 'a promotion needs a code unless it is automatic', field('code'));
  if (p.code !== null) checkCodeFormat(c, p.code, field('code'));

  if (discountField && p.discountType === 'PERCENTAGE') c.range(p.value, discountField, 1, 100);
  if (discountField && p.discountType === 'AMOUNT') c.range(p.value, discountField, 1, LIMITS.amount);
  c.range(p.minSubtotal, ['input', 'minSubtotal', 'amount'], 0, LIMITS.amount);
  c.range(p.maxRedemptions, field('maxRedemptions'), 1, LIMITS.redemptions);
  c.range(p.maxRedemptionsPerPerson, field('maxRedemptionsPerPerson'), 1, LIMITS.redemptions);
  c.range(p.priority, field('priority'), -LIMITS.priority, LIMITS.priority);

  checkCurrency(c, p.currency, field('currencyCode'));
  if (p.currency === null && p.discountType === 'AMOUNT') c.add('INVALID_CURRENCY', 'an AMOUNT promotion needs a currency (amountOff gives it)', field('currencyCode'));
  if (p.currency === null && p.minSubtotal !== null) c.add('INVALID_CURRENCY', 'a minimum subtotal needs a currency', field('currencyCode'));

  if (p.validFrom && p.validTo && p.validTo <= p.validFrom) c.add('INVALID_DATES', 'validTo must be after validFrom', field('validTo'));

  const targets = p.targetProductIds.length + p.targetVariantIds.length + p.targetCategoryIds.length;
  if (p.level === 'CART' && targets > 0) c.add('INVALID_TARGETS', 'targets are for ITEM-level promotions only', field('targets'));
  if (p.level === 'ITEM' && targets === 0) c.add('INVALID_TARGETS', 'an ITEM-level promotion needs at least one product, variant or category', field('targets'));
  if (targets > LIMITS.targets) c.add('INVALID_TARGETS', `at most ${LIMITS.targets} targets`, field('targets'));
}
