// The promotion engine: what a cart earns from its candidate promotions. Pure: no I/O, no clock
// (the caller passes `now`), integer minor units throughout.
//
// Rules (also in the README, "Promotion"):
//
// 1. Eligibility. Each promotion passes its conditions in this order; the first that fails is the
//    reason a code is refused: active (PROMOTION_NOT_FOUND), started (PROMOTION_NOT_YET_VALID),
//    not ended (PROMOTION_EXPIRED; validTo is exclusive), total and per-person limits
//    (USAGE_LIMIT_REACHED; per person only when the shopper is known), the cart has lines and is in
//    the promotion's currency when it has one, and an ITEM promotion targets one of its lines
//    (NOT_APPLICABLE), the cart's subtotal before any discount reaches minSubtotal
//    (MIN_SUBTOTAL_NOT_MET). Eligibility never depends on the other promotions.
// 2. Combination. The eligible promotions form candidate sets: all stackable ones together (the
//    stack), and each exclusive one alone. The set with the largest total discount (lines plus
//    shipping) wins. Ties go to a non-empty stack, then to the exclusive promotion with the higher
//    priority, then to the lower promotion id. Eligible codes outside the winning set are refused
//    with NOT_COMBINABLE.
// 3. Order of application within the winning set: ITEM level before CART level; within a level
//    PERCENTAGE, then AMOUNT, then FREE_SHIPPING; then higher priority first, then lower id. Each
//    discount applies to what the earlier ones left, so two stacked 10% promotions take 19%.
// 4. Amounts. PERCENTAGE: value% of what is left of the lines it applies to (all lines for CART,
//    the targeted lines for ITEM), rounded half up to the minor unit. AMOUNT at CART level: value
//    off the cart once; at ITEM level: value off each targeted unit. FREE_SHIPPING: what is left of
//    the shipping amount. No discount ever exceeds what is left, so no line, no shipping and no
//    total goes below zero.
// 5. Allocation. A discount computed over several lines is split across them in proportion to what
//    is left of each (largest-remainder rounding in minor units; ties go to the earlier line), so
//    the allocations always add up to the discount exactly. ITEM-level AMOUNT is per line already.
// 6. Output. Discounts in application order, only those above zero; a chosen promotion whose
//    discount comes to zero (free shipping on a cart that ships free) still counts as applied.
//    One code result per input code, in input order; codes match case-insensitively.

import { normalizeCode } from '../../lib/input-checker.js';
import { fractionOf } from '../../lib/money.js';

export type DiscountType = 'PERCENTAGE' | 'AMOUNT' | 'FREE_SHIPPING';
export type DiscountLevel = 'CART' | 'ITEM';
export type EngineErrorCode =
  | 'PROMOTION_NOT_FOUND'
  | 'PROMOTION_EXPIRED'
  | 'PROMOTION_NOT_YET_VALID'
  | 'MIN_SUBTOTAL_NOT_MET'
  | 'USAGE_LIMIT_REACHED'
  | 'NOT_APPLICABLE'
  | 'NOT_COMBINABLE';

export interface CartLine {
  lineId: string;
  variantId: string;
  productId: string;
  categoryIds: readonly string[];
  /** Minor units per unit. */
  unitPrice: number;
  quantity: number;
}

/** What an admin sets on a promotion, as stored: the admin API writes it, the engine reads it. */
export interface PromotionTerms {
  name: string;
  code: string | null;
  automatic: boolean;
  discountType: DiscountType;
  /** Whole percent for PERCENTAGE, minor units for AMOUNT, 0 for FREE_SHIPPING. */
  value: number;
  currency: string | null;
  level: DiscountLevel;
  targetProductIds: readonly string[];
  targetVariantIds: readonly string[];
  targetCategoryIds: readonly string[];
  minSubtotal: number | null;
  /** Inclusive; null: from the start. */
  validFrom: Date | null;
  /** Exclusive; null: open-ended. */
  validTo: Date | null;
  maxRedemptions: number | null;
  maxRedemptionsPerPerson: number | null;
  stackable: boolean;
  priority: number;
  active: boolean;
}

/** A promotion as the engine sees it, with its usage so far. */
export interface PromotionRule extends PromotionTerms {
  id: string;
  /** Uses held or confirmed by every order. */
  uses: number;
  /** Uses held or confirmed by the shopper's orders (0 for anonymous shoppers). */
  personUses: number;
}

/** A stored promotion with its counters, and how often this shopper has used it, as the engine's rule. */
export function ruleOf(promotion: PromotionTerms & { id: string; reservedCount: number; confirmedCount: number }, personUses: number): PromotionRule {
  return { ...promotion, uses: promotion.reservedCount + promotion.confirmedCount, personUses };
}

export interface EvaluationInput {
  lines: readonly CartLine[];
  currency: string;
  /** Minor units, before discounts. */
  shippingAmount: number;
  /** Automatic promotions and the promotions the codes name; others are ignored for codes. */
  promotions: readonly PromotionRule[];
  codes: readonly string[];
  now: Date;
  personId: string | null;
}

export interface DiscountAllocation {
  lineId: string;
  amount: number;
}

export interface EvaluatedDiscount {
  promotionId: string;
  name: string;
  code: string | null;
  level: DiscountLevel;
  discountType: DiscountType;
  amount: number;
  allocations: DiscountAllocation[];
}

export interface CodeResult {
  code: string;
  applied: boolean;
  error: EngineErrorCode | null;
  message: string | null;
}

export interface Evaluation {
  discounts: EvaluatedDiscount[];
  codeResults: CodeResult[];
  shippingDiscount: number;
  discountTotal: number;
}

/** What the conditions on a use of a promotion see: when, and by whom. */
export interface UseFacts {
  now: Date;
  personId: string | null;
}

/** What the conditions see of the cart. */
export interface CartFacts extends UseFacts {
  lines: readonly CartLine[];
  currency: string;
  subtotal: number;
}

export interface Refusal {
  error: EngineErrorCode;
  message: string;
}

/** One condition a promotion must meet: a code, and a check returning why not (or null). */
export interface PromotionCondition<Facts extends UseFacts = CartFacts> {
  code: string;
  check(promotion: PromotionRule, facts: Facts): Refusal | null;
}

const refuse = (error: EngineErrorCode, message: string): Refusal => ({ error, message });

export const isTargeted = (line: CartLine, p: PromotionTerms): boolean =>
  p.targetProductIds.includes(line.productId) || p.targetVariantIds.includes(line.variantId) || line.categoryIds.some((c) => p.targetCategoryIds.includes(c));

/** The validity window, [validFrom, validTo): the one place that says whether a promotion runs at `now`. */
export function windowRefusal(p: Pick<PromotionTerms, 'validFrom' | 'validTo'>, now: Date): Refusal | null {
  if (p.validFrom && now < p.validFrom) return refuse('PROMOTION_NOT_YET_VALID', `this promotion starts at ${p.validFrom.toISOString()}`);
  if (p.validTo && now >= p.validTo) return refuse('PROMOTION_EXPIRED', `this promotion ended at ${p.validTo.toISOString()}`);
  return null;
}

const lineTotal = (line: CartLine): number => line.unitPrice * line.quantity;

/**
 * Whether anyone may use the promotion now, whatever the cart: what the evaluation checks first
 * and what a redemption checks again under the promotion's row lock.
 */
export const AVAILABILITY: readonly PromotionCondition<UseFacts>[] = [
  { code: 'active', check: (p) => (p.active ? null : refuse('PROMOTION_NOT_FOUND', 'this promotion is not available')) },
  { code: 'running', check: (p, { now }) => windowRefusal(p, now) },
  {
    code: 'totalLimit',
    check: (p) => (p.maxRedemptions !== null && p.uses >= p.maxRedemptions ? refuse('USAGE_LIMIT_REACHED', 'this promotion has been used up') : null),
  },
  {
    code: 'personLimit',
    check: (p, { personId }) =>
      personId !== null && p.maxRedemptionsPerPerson !== null && p.personUses >= p.maxRedemptionsPerPerson
        ? refuse('USAGE_LIMIT_REACHED', `this promotion can be used ${p.maxRedemptionsPerPerson} time(s) per person`)
        : null,
  },
];

/** The conditions, in the order that decides which refusal a code gets. */
export const CONDITIONS: readonly PromotionCondition[] = [
  ...AVAILABILITY,
  { code: 'cartHasLines', check: (_p, cart) => (cart.lines.length > 0 ? null : refuse('NOT_APPLICABLE', 'the cart is empty')) },
  {
    code: 'currency',
    check: (p, cart) => (p.currency && p.currency !== cart.currency ? refuse('NOT_APPLICABLE', `this promotion applies to ${p.currency} carts only`) : null),
  },
  {
    code: 'targetsInCart',
    check: (p, cart) =>
      p.level === 'ITEM' && !cart.lines.some((l) => isTargeted(l, p)) ? refuse('NOT_APPLICABLE', 'no item in the cart qualifies for this promotion') : null,
  },
  {
    code: 'minSubtotal',
    check: (p, cart) =>
      p.minSubtotal !== null && cart.subtotal < p.minSubtotal ? refuse('MIN_SUBTOTAL_NOT_MET', `the cart subtotal must be at least ${p.minSubtotal} (minor units)`) : null,
  },
];

export function firstRefusal<Facts extends UseFacts>(promotion: PromotionRule, facts: Facts, conditions: readonly PromotionCondition<Facts>[]): Refusal | null {
  for (const condition of conditions) {
    const refusal = condition.check(promotion, facts);
    if (refusal) return refusal;
  }
  return null;
}

/** What is left to discount while a set of promotions applies: per line, and of shipping. */
export interface Remaining {
  lines: number[];
  shipping: number;
}

/** What one action takes: per line (same order as the cart's lines) and from shipping. */
export interface Taken {
  lines: number[];
  shipping: number;
}

/** One kind of discount: a code (the discount type) and how much it takes from what is left. */
export interface PromotionAction {
  code: DiscountType;
  apply(promotion: PromotionRule, lines: readonly CartLine[], left: Remaining): Taken;
}

/**
 * Splits `amount` (at most the sum of the weights) in proportion to the weights, in whole units:
 * each share is rounded down and the units still missing go to the largest remainders (ties to
 * the earlier index). BigInt keeps amount × weight exact beyond 2^53.
 */
export function allocateProportionally(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (amount <= 0 || total <= 0) return weights.map(() => 0);
  if (amount > total) throw new RangeError(`cannot allocate ${amount} over a total of ${total}`);
  const a = BigInt(amount);
  const t = BigInt(total);
  const shares = weights.map((w) => Number((a * BigInt(w)) / t));
  const remainders = weights.map((w) => (a * BigInt(w)) % t);
  let missing = amount - shares.reduce((x, y) => x + y, 0);
  const byRemainder = weights.map((_, i) => i).sort((i, j) => (remainders[j]! > remainders[i]! ? 1 : remainders[j]! < remainders[i]! ? -1 : i - j));
  for (const i of byRemainder) {
    if (missing === 0) break;
    shares[i]! += 1;
    missing -= 1;
  }
  return shares;
}

/** The lines a promotion discounts: every line for CART level, the targeted ones for ITEM level. */
const appliesTo = (p: PromotionRule, line: CartLine): boolean => p.level === 'CART' || isTargeted(line, p);

function spread(p: PromotionRule, lines: readonly CartLine[], left: Remaining, amountOf: (base: number) => number): Taken {
  const weights = lines.map((line, i) => (appliesTo(p, line) ? left.lines[i]! : 0));
  const base = weights.reduce((a, b) => a + b, 0);
  return { lines: allocateProportionally(Math.min(amountOf(base), base), weights), shipping: 0 };
}

export const ACTIONS: Record<DiscountType, PromotionAction> = {
  PERCENTAGE: {
    code: 'PERCENTAGE',
    apply: (p, lines, left) => spread(p, lines, left, (base) => fractionOf(base, p.value, 100)),
  },
  AMOUNT: {
    code: 'AMOUNT',
    apply: (p, lines, left) =>
      p.level === 'CART'
        ? spread(p, lines, left, () => p.value)
        : { lines: lines.map((line, i) => (appliesTo(p, line) ? Math.min(p.value * line.quantity, left.lines[i]!) : 0)), shipping: 0 },
  },
  FREE_SHIPPING: {
    code: 'FREE_SHIPPING',
    apply: (_p, lines, left) => ({ lines: lines.map(() => 0), shipping: left.shipping }),
  },
};

const LEVEL_ORDER: Record<DiscountLevel, number> = { ITEM: 0, CART: 1 };
const TYPE_ORDER: Record<DiscountType, number> = { PERCENTAGE: 0, AMOUNT: 1, FREE_SHIPPING: 2 };
const byId = (a: PromotionRule, b: PromotionRule) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Rule 3: the order discounts apply in. */
export function applicationOrder(a: PromotionRule, b: PromotionRule): number {
  return LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || TYPE_ORDER[a.discountType] - TYPE_ORDER[b.discountType] || b.priority - a.priority || byId(a, b);
}

interface Outcome {
  promotions: PromotionRule[];
  discounts: EvaluatedDiscount[];
  total: number;
}

/** Applies a set of promotions in application order, each to what the earlier ones left. */
function applySet(set: readonly PromotionRule[], lines: readonly CartLine[], shippingAmount: number): Outcome {
  const ordered = [...set].sort(applicationOrder);
  const left: Remaining = { lines: lines.map(lineTotal), shipping: shippingAmount };
  const discounts: EvaluatedDiscount[] = [];
  let total = 0;
  for (const p of ordered) {
    const taken = ACTIONS[p.discountType].apply(p, lines, left);
    taken.lines.forEach((amount, i) => (left.lines[i]! -= amount));
    left.shipping -= taken.shipping;
    const amount = taken.lines.reduce((a, b) => a + b, 0) + taken.shipping;
    total += amount;
    if (amount === 0) continue;
    discounts.push({
      promotionId: p.id,
      name: p.name,
      code: p.code,
      level: p.level,
      discountType: p.discountType,
      amount,
      allocations: lines.map((line, i) => ({ lineId: line.lineId, amount: taken.lines[i]! })).filter((a) => a.amount > 0),
    });
  }
  return { promotions: ordered, discounts, total };
}

/** Rule 2: the stack of stackables against each exclusive alone; the larger total discount wins. */
function bestOutcome(eligible: readonly PromotionRule[], lines: readonly CartLine[], shippingAmount: number): Outcome {
  const stack = eligible.filter((p) => p.stackable);
  const exclusives = eligible.filter((p) => !p.stackable).sort((a, b) => b.priority - a.priority || byId(a, b));
  const options = [...(stack.length > 0 || exclusives.length === 0 ? [applySet(stack, lines, shippingAmount)] : []), ...exclusives.map((p) => applySet([p], lines, shippingAmount))];
  // Options are listed in tie-break order, so the first with the largest total wins.
  return options.reduce((best, option) => (option.total > best.total ? option : best));
}

export function evaluatePromotions(input: EvaluationInput): Evaluation {
  const cart: CartFacts = {
    lines: input.lines,
    currency: input.currency,
    subtotal: input.lines.reduce((sum, l) => sum + lineTotal(l), 0),
    now: input.now,
    personId: input.personId,
  };
  const codes = new Set(input.codes.map(normalizeCode));
  // Promotions with a code take part only when the shopper gave it; the others are automatic.
  const candidates = input.promotions.filter((p) => p.code === null || codes.has(p.code));
  const refusals = new Map(candidates.map((p) => [p.id, firstRefusal(p, cart, CONDITIONS)]));
  const eligible = candidates.filter((p) => refusals.get(p.id) === null);
  const outcome = bestOutcome(eligible, input.lines, input.shippingAmount);
  const chosen = new Set(outcome.promotions.map((p) => p.id));
  const winners = outcome.promotions.map((p) => p.code ?? p.name).join(', ');

  const codeResults = input.codes.map((typed): CodeResult => {
    const code = normalizeCode(typed);
    const promotion = candidates.find((p) => p.code === code);
    if (!promotion) return { code, applied: false, error: 'PROMOTION_NOT_FOUND', message: `no promotion has the code ${code}` };
    const refusal = refusals.get(promotion.id);
    if (refusal) return { code, applied: false, ...refusal };
    if (!chosen.has(promotion.id)) return { code, applied: false, error: 'NOT_COMBINABLE', message: `${code} cannot be combined with ${winners}` };
    return { code, applied: true, error: null, message: null };
  });

  const shippingDiscount = outcome.discounts.filter((d) => d.discountType === 'FREE_SHIPPING').reduce((sum, d) => sum + d.amount, 0);
  return { discounts: outcome.discounts, codeResults, shippingDiscount, discountTotal: outcome.total };
}
