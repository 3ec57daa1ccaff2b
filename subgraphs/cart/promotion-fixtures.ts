// An in-process PromotionsClient for tests, until the promotion subgraph's evaluatePromotions is
// in this branch: a few promotion kinds with just enough rules to drive the cart's behaviour.
import { applyBasisPoints } from './pricing.js';
import type { CodeResult, EvaluatePromotionsInput, PromotionDiscount, PromotionEvaluation, PromotionsClient } from './promotions.js';

export interface FakePromotion {
  id: string;
  name: string;
  /** null: automatic, applied whenever it applies. */
  code: string | null;
  discountType: 'PERCENTAGE' | 'AMOUNT' | 'FREE_SHIPPING';
  /** Whole percent for PERCENTAGE, minor units for AMOUNT. */
  value: number;
  /** Item-level promotions target these products. */
  productIds?: string[];
  minSubtotal?: number;
  /** Refuse with this error, e.g. PROMOTION_EXPIRED. */
  refuse?: string;
}

export interface FakePromotions extends PromotionsClient {
  calls: EvaluatePromotionsInput[];
  /** While set, evaluate throws (the promotion service is down). */
  down: boolean;
}

export function fakePromotions(promotions: FakePromotion[]): FakePromotions {
  const fake: FakePromotions = {
    calls: [],
    down: false,
    async evaluate(input) {
      fake.calls.push(input);
      if (fake.down) throw new Error('promotion subgraph unreachable');
      return evaluate(promotions, input);
    },
  };
  return fake;
}

function evaluate(promotions: FakePromotion[], input: EvaluatePromotionsInput): PromotionEvaluation {
  const subtotal = input.lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
  const discounts: PromotionDiscount[] = [];
  let shippingDiscount = 0;
  const apply = (p: FakePromotion): CodeResult['error'] => {
    if (p.refuse) return p.refuse;
    if (p.minSubtotal !== undefined && subtotal < p.minSubtotal) return 'MIN_SUBTOTAL_NOT_MET';
    const targets = p.productIds ? input.lines.filter((l) => p.productIds!.includes(l.productId)) : input.lines;
    if (targets.length === 0) return 'NOT_APPLICABLE';
    const base = { promotionId: p.id, name: p.name, code: p.code, discountType: p.discountType };
    if (p.discountType === 'FREE_SHIPPING') {
      shippingDiscount = input.shippingAmount;
      discounts.push({ ...base, level: 'CART', amount: input.shippingAmount, allocations: [] });
    } else if (p.productIds) {
      const allocations = targets.map((l) => ({ lineId: l.lineId, amount: applyBasisPoints(l.unitPrice * l.quantity, p.value * 100) }));
      discounts.push({ ...base, level: 'ITEM', amount: allocations.reduce((s, a) => s + a.amount, 0), allocations });
    } else {
      const amount = p.discountType === 'PERCENTAGE' ? applyBasisPoints(subtotal, p.value * 100) : Math.min(p.value, subtotal);
      discounts.push({ ...base, level: 'CART', amount, allocations: [] });
    }
    return null;
  };
  for (const p of promotions) if (p.code === null) apply(p);
  const codeResults = input.codes.map((code): CodeResult => {
    const p = promotions.find((x) => x.code?.toUpperCase() === code.toUpperCase());
    const error = p ? apply(p) : 'PROMOTION_NOT_FOUND';
    return { code, applied: error === null, error, message: error ? `${code}: ${error}` : null };
  });
  return { discounts, codeResults, shippingDiscount, discountTotal: discounts.reduce((s, d) => s + d.amount, 0) };
}
