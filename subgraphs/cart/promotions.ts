// The cart's view of the promotion subgraph: one question ("what do these codes and the automatic
// promotions take off this cart?"), asked of its service-only evaluatePromotions over HTTP. Ids
// cross the wire as global ids; the cart works with raw ones.
import { GraphQLError } from 'graphql';
import { globalId, rawIdFrom } from '../../lib/global-id.js';

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

/**
 * Calls the promotion subgraph's service-only `evaluatePromotions` with a service token. `url` is
 * read on every call: the subgraph may move (tests start it on a free port after the cart).
 */
export function promotionSubgraphClient(options: { url: () => string; token: () => Promise<string>; timeoutMs?: number }): PromotionsClient {
  return {
    async evaluate(input) {
      const res = await fetch(options.url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await options.token()}` },
        body: JSON.stringify({ query: EVALUATE, variables: { input: onTheWire(input) } }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
      const body = (await res.json().catch(() => ({}))) as { data?: { evaluatePromotions?: PromotionEvaluation }; errors?: { message: string }[] };
      const evaluation = body.data?.evaluatePromotions;
      if (!res.ok || !evaluation) {
        throw new GraphQLError(`promotion subgraph answered ${res.status}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
      }
      return fromTheWire(evaluation);
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
