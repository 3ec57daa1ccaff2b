// What the inventory, reservation-expiry and outbox tests share: products with stock created as
// an admin would, the service-only reservation operations, and a SQL view of the stock rows.
// Ids are the API's (global ids) wherever a test holds them; SQL and events hold the raw ids
// inside (`rawId` from catalog-fixtures).
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { globalId } from '../../lib/global-id.js';
import type { GraphQLClient, GraphQLResponse, TestStack } from '../../test/harness.js';
import { rawId } from './catalog-fixtures.js';

export { badIdError, rawId, unknownId } from './catalog-fixtures.js';

export interface Stock {
  onHand: number;
  reserved: number;
}

/** A reservation as the API answers it: its id, ownerId (an Order id) and variant ids are global ids. */
export interface ReservationPayload {
  reservation: {
    id: string;
    ownerId: string;
    status: string;
    expiresAt: string;
    lines: { variantId: string; quantity: number }[];
  } | null;
  userErrors: { field: string[] | null; message: string; code: string }[];
}

const RESERVATION_FIELDS = 'reservation { id ownerId status expiresAt lines { variantId quantity } } userErrors { field message code }';

export const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`;

/** A new order's id as the API takes it: reservations are held for an Order (their owner). */
export const orderId = (): string => globalId('Order', randomUUID());

/** Creates one product (through the gateway, as an admin) with a variant per entry; returns the variant ids (the API's) in order. */
export async function createVariants(
  stack: TestStack,
  variants: { onHand: number; reorderThreshold?: number }[],
  product: { active?: boolean } = {},
): Promise<string[]> {
  const slug = unique('stock');
  const input = {
    slug,
    name: `Product ${slug}`,
    active: product.active ?? true,
    variants: variants.map((v, i) => ({ sku: `${slug}-${i}`.toUpperCase(), price: { amount: 1000, currencyCode: 'USD' }, onHand: v.onHand, reorderThreshold: v.reorderThreshold ?? 0 })),
  };
  const data = await stack.admin.query<{ createProduct: { product: { variants: { id: string; sku: string }[] } | null; userErrors: unknown[] } }>(
    `mutation($input: CreateProductInput!) { createProduct(input: $input) { product { variants { id sku } } userErrors { code message } } }`,
    { input },
  );
  const created = data.createProduct.product;
  if (!created) throw new Error(`createProduct failed: ${JSON.stringify(data.createProduct.userErrors)}`);
  return input.variants.map((v) => created.variants.find((c) => c.sku === v.sku)!.id);
}

const RESERVE = `mutation($input: ReserveInventoryInput!) { reserveInventory(input: $input) { ${RESERVATION_FIELDS} } }`;

/** The service-only reservation operations, called on the catalog subgraph directly with the API's ids (owners from `orderId`). */
export function reservations(client: GraphQLClient) {
  const call = async (field: string, query: string, variables: Record<string, unknown>): Promise<ReservationPayload> => {
    const res = await client.request<Record<string, ReservationPayload>>(query, variables);
    if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors ?? res)}`);
    return res.data[field]!;
  };
  return {
    reserve: (ownerId: string, lines: { variantId: string; quantity: number }[], ttlSeconds?: number) =>
      call('reserveInventory', RESERVE, { input: { ownerId, lines, ttlSeconds } }),
    /** reserve, answered with the whole response: for input the API refuses with a GraphQL error. */
    reserveRequest: (ownerId: string, lines: { variantId: string; quantity: number }[]): Promise<GraphQLResponse<{ reserveInventory: ReservationPayload | null }>> =>
      client.request(RESERVE, { input: { ownerId, lines } }),
    commit: (ownerId: string) =>
      call('commitInventoryReservation', `mutation($ownerId: ID!) { commitInventoryReservation(ownerId: $ownerId) { ${RESERVATION_FIELDS} } }`, { ownerId }),
    release: (ownerId: string) =>
      call('releaseInventoryReservation', `mutation($ownerId: ID!) { releaseInventoryReservation(ownerId: $ownerId) { ${RESERVATION_FIELDS} } }`, { ownerId }),
  };
}

/** A connection to the test database in the catalog schema, for checks the API does not expose. */
export function catalogSql(stack: TestStack): pg.Pool {
  return new pg.Pool({ connectionString: stack.databaseUrl, max: 4, options: '-c search_path=catalog' });
}

/** The stock row of the variant with this id (the API's). */
export async function stockOf(sql: pg.Pool, variantId: string): Promise<Stock> {
  const { rows } = await sql.query<{ on_hand: number; reserved: number }>('SELECT on_hand, reserved FROM inventory_level WHERE variant_id = $1', [
    rawId('ProductVariant', variantId),
  ]);
  return { onHand: rows[0]!.on_hand, reserved: rows[0]!.reserved };
}
