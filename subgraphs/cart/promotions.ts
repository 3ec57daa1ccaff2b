// The cart's view of the promotion subgraph: one question ("what do these codes and the automatic
// promotions take off this cart?"), asked of its service-only evaluatePromotions over HTTP. Ids
// cross the wire as global ids; the cart works with raw ones.
import { globalId, rawIdFrom } from '../../lib/global-id.js';
import type { SubgraphCall } from '../../lib/subgraph-client.js';

const SOURCE = 'the promotion subgraph';

export interface PromotionLine {
  lineId: string;
  variantId: string;
  productId: string;
  categoryIds: string[];
  unitPrice: number;
  quantity: number;
}

export interface EvaluatePromotionsInput {
  personId: string | null;
  currencyCode: string;
  codes: string[];
  lines: PromotionLine[];
  shippingAmount: number;
}

export interface PromotionDiscount {
  promotionId: string;
  name: string;
  code: string | null;
  level: 'CART' | 'ITEM';
  discountType: string;
  amount: number;
  allocations: { lineId: string; amount: number }[];
}

export interface CodeResult {
  code: string;
  applied: boolean;
  /** A promotion error code (PROMOTION_NOT_FOUND, MIN_SUBTOTAL_NOT_MET, …) when not applied. */
  error: string | null;
  message: string | null;
}

export interface PromotionEvaluation {
  discounts: PromotionDiscount[];
  /** One per input code, in the same order. */
  codeResults: CodeResult[];
  shippingDiscount: number;
  discountTotal: number;
}

export interface PromotionsClient {
  evaluate(input: EvaluatePromotionsInput): Promise<PromotionEvaluation>;
}

export const NO_PROMOTIONS: PromotionEvaluation = { discounts: [], codeResults: [], shippingDiscount: 0, discountTotal: 0 };

const EVALUATE = `query EvaluatePromotions($input: PromotionEvaluationInput!) {
  evaluatePromotions(input: $input) {
    discounts { promotionId name code level discountType amount allocations { lineId amount } }
    codeResults { code applied error message }
    shippingDiscount
    discountTotal
  }
}`;

/** Asks the promotion subgraph's service-only `evaluatePromotions` through `call` (lib/subgraph-client.ts: a service token, the URL read per call, an outage thrown). */
export function promotionSubgraphClient(call: SubgraphCall): PromotionsClient {
  return {
    async evaluate(input) {
      const { evaluatePromotions } = await call<{ evaluatePromotions: PromotionEvaluation }>(EVALUATE, { input: onTheWire(input) });
      return fromTheWire(evaluatePromotions);
    },
  };
}

const onTheWire = (input: EvaluatePromotionsInput): EvaluatePromotionsInput => ({
  ...input,
  lines: input.lines.map((l) => ({
    ...l,
    lineId: globalId('CartLine', l.lineId),
    variantId: globalId('ProductVariant', l.variantId),
    productId: globalId('Product', l.productId),
    categoryIds: l.categoryIds.map((id) => globalId('Category', id)),
  })),
});

const fromTheWire = (evaluation: PromotionEvaluation): PromotionEvaluation => ({
  ...evaluation,
  discounts: evaluation.discounts.map((d) => ({
    ...d,
    promotionId: rawIdFrom(SOURCE, 'Promotion', d.promotionId),
    allocations: d.allocations.map((a) => ({ ...a, lineId: rawIdFrom(SOURCE, 'CartLine', a.lineId) })),
  })),
});
