// Test helpers: admin writes, the service contract as the cart and order subgraphs call it, and
// direct SQL on the promotion schema. The API speaks global ids (lib/global-id.ts), the database
// raw UUIDs: rawPromotionId turns one into the other for SQL.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { globalId, rawIdOf } from '../../lib/global-id.js';
import { startTestStack, type GraphQLClient, type GraphQLResponse, type TestStack, type TestStackOptions } from '../../test/harness.js';

export const PROMOTION_FIELDS = `id name code automatic discountType percentOff amountOff { amount currencyCode formatted } value currencyCode level
  targets { productIds variantIds categoryIds } minSubtotal { amount currencyCode formatted }
  validFrom validTo maxRedemptions maxRedemptionsPerPerson stackable priority active
  usage { reserved confirmed total } createdAt updatedAt`;

export interface UserErrorView {
  field: string[] | null;
  message: string;
  code: string;
}

export interface PromotionPayloadView {
  promotion: Record<string, any> | null;
  userErrors: UserErrorView[];
}

export const codesOf = (errors: UserErrorView[]) => errors.map((e) => [e.code, e.field?.join('.') ?? null]);

let seq = 0;
/** A code no other test uses (codes are unique across the database). */
export const uniqueCode = (prefix = 'CODE') => `${prefix}${Date.now().toString(36).toUpperCase()}${(seq++).toString(36).toUpperCase()}`;

export function promotionAdmin(client: GraphQLClient) {
  return {
    create: async (input: Record<string, unknown>): Promise<PromotionPayloadView> =>
      (
        await client.query<{ createPromotion: PromotionPayloadView }>(
          `mutation($input: CreatePromotionInput!) { createPromotion(input: $input) { promotion { ${PROMOTION_FIELDS} } userErrors { field message code } } }`,
          { input },
        )
      ).createPromotion,
    update: async (id: string, input: Record<string, unknown>): Promise<PromotionPayloadView> =>
      (
        await client.query<{ updatePromotion: PromotionPayloadView }>(
          `mutation($id: ID!, $input: UpdatePromotionInput!) { updatePromotion(id: $id, input: $input) { promotion { ${PROMOTION_FIELDS} } userErrors { field message code } } }`,
          { id, input },
        )
      ).updatePromotion,
    deactivate: async (id: string): Promise<PromotionPayloadView> =>
      (
        await client.query<{ deactivatePromotion: PromotionPayloadView }>(
          `mutation($id: ID!) { deactivatePromotion(id: $id) { promotion { ${PROMOTION_FIELDS} } userErrors { field message code } } }`,
          { id },
        )
      ).deactivatePromotion,
    /** Creates and returns the promotion's id, failing on userErrors. */
    async createOk(input: Record<string, unknown>): Promise<string> {
      const payload = await this.create(input);
      if (!payload.promotion) throw new Error(`createPromotion refused: ${JSON.stringify(payload.userErrors)}`);
      return payload.promotion.id as string;
    },
  };
}

export interface RedemptionsPayloadView {
  redemptions: { promotionId: string; orderId: string; status: string; amount: number }[] | null;
  userErrors: UserErrorView[];
}

export const EVALUATE = `query($input: PromotionEvaluationInput!) {
  evaluatePromotions(input: $input) {
    discounts { promotionId name code level discountType amount allocations { lineId amount } }
    codeResults { code applied error message }
    shippingDiscount discountTotal
  }
}`;

const REDEMPTIONS = 'redemptions { promotionId orderId status amount } userErrors { field message code }';
const RESERVE = `mutation($input: ReservePromotionRedemptionsInput!) { reservePromotionRedemptions(input: $input) { ${REDEMPTIONS} } }`;

/** The service-only operations, called as the cart and order subgraphs call them. */
export function promotionService(client: GraphQLClient) {
  const mutate = async (query: string, variables: Record<string, unknown>, key: string): Promise<RedemptionsPayloadView> => {
    const res = await client.request<Record<string, RedemptionsPayloadView>>(query, variables);
    if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors ?? res)}`);
    return res.data[key]!;
  };
  return {
    evaluate: (input: Record<string, unknown>): Promise<GraphQLResponse<{ evaluatePromotions: any }>> => client.request(EVALUATE, { input }),
    reserve: (orderId: string, personId: string, redemptions: { promotionId: string; amount: number }[]) =>
      mutate(RESERVE, { input: { orderId, personId, redemptions } }, 'reservePromotionRedemptions'),
    /** Like reserve, but answers the response as it is, GraphQL errors included. */
    tryReserve: (orderId: string, personId: string, redemptions: { promotionId: string; amount: number }[]) =>
      client.request<{ reservePromotionRedemptions: RedemptionsPayloadView }>(RESERVE, { input: { orderId, personId, redemptions } }),
    confirm: (orderId: string) => mutate(`mutation($orderId: ID!) { confirmPromotionRedemptions(orderId: $orderId) { ${REDEMPTIONS} } }`, { orderId }, 'confirmPromotionRedemptions'),
    release: (orderId: string) => mutate(`mutation($orderId: ID!) { releasePromotionRedemptions(orderId: $orderId) { ${REDEMPTIONS} } }`, { orderId }, 'releasePromotionRedemptions'),
  };
}

/** A fresh order id as the order subgraph sends it: a global Order id (the raw id a UUID). */
export const orderId = () => globalId('Order', randomUUID());

/** The promotion's row id (promotion.id, promotion_id) inside a Promotion id the API answered. */
export const rawPromotionId = (id: string): string => rawIdOf('Promotion', id, 'promotionId');

/** A well-formed Promotion id that no promotion has. */
export const unknownPromotionId = (): string => globalId('Promotion', randomUUID());

export function promotionSql(stack: TestStack): pg.Pool {
  return new pg.Pool({ connectionString: stack.databaseUrl, max: 2, options: '-c search_path=promotion' });
}

/** The stored counters of a promotion, by its API id. */
export async function countersOf(sql: pg.Pool, promotionId: string): Promise<{ reserved: number; confirmed: number }> {
  const { rows } = await sql.query('SELECT reserved_count AS reserved, confirmed_count AS confirmed FROM promotion WHERE id = $1', [rawPromotionId(promotionId)]);
  return rows[0];
}

/** The global CartLine id of the cart line whose raw id is `raw` (what allocations point back at). */
export const cartLineId = (raw: string): string => globalId('CartLine', raw);

/** A cart line as the cart subgraph sends it, its ids global: `lineId` is the line's raw id. */
export const cartLine = (lineId: string, unitPrice: number, quantity = 1, more: Record<string, unknown> = {}) => ({
  lineId: cartLineId(lineId),
  variantId: globalId('ProductVariant', `variant-${lineId}`),
  productId: globalId('Product', `product-${lineId}`),
  categoryIds: [],
  unitPrice,
  quantity,
  ...more,
});

export interface PromotionTestStack {
  stack: TestStack;
  sql: pg.Pool;
  customer: GraphQLClient;
  support: GraphQLClient;
}

/** The stack a promotion test file runs on (started before its tests, closed after), with a customer, support and SQL on the promotion schema. */
export function usePromotionTestStack(options: TestStackOptions = {}): PromotionTestStack {
  const env = {} as PromotionTestStack;
  beforeAll(async () => {
    env.stack = await startTestStack(options);
    env.sql = promotionSql(env.stack);
    env.customer = await env.stack.as('customer-1', 'customer');
    env.support = await env.stack.as('support-1', 'support');
  });
  afterAll(async () => {
    await env.sql?.end();
    await env.stack?.close();
  });
  return env;
}
