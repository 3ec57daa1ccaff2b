// What the inventory, reservation-expiry and outbox tests share: products with stock created as
// an admin would, the service-only reservation operations, and a SQL view of the stock rows.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { GraphQLClient, TestStack } from '../../test/harness.js';

export interface Stock {
  onHand: number;
  reserved: number;
}

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

/** Creates one product (through the gateway, as an admin) with a variant per entry; returns the variant ids in order. */
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
    variants: variants.map((v, i) => ({ sku: `${slug}-${i}`.toUpperCase(), price: 1000, onHand: v.onHand, reorderThreshold: v.reorderThreshold ?? 0 })),
  };
  const data = await stack.admin.query<{ createProduct: { product: { variants: { id: string; sku: string }[] } | null; userErrors: unknown[] } }>(
    `mutation($input: CreateProductInput!) { createProduct(input: $input) { product { variants { id sku } } userErrors { code message } } }`,
    { input },
  );
  const created = data.createProduct.product;
  if (!created) throw new Error(`createProduct failed: ${JSON.stringify(data.createProduct.userErrors)}`);
  return input.variants.map((v) => created.variants.find((c) => c.sku === v.sku)!.id);
}

/** The service-only reservation operations, called on the catalog subgraph directly. */
export function reservations(client: GraphQLClient) {
  const call = async (field: string, query: string, variables: Record<string, unknown>): Promise<ReservationPayload> => {
    const res = await client.request<Record<string, ReservationPayload>>(query, variables);
    if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors ?? res)}`);
    return res.data[field]!;
  };
  return {
    reserve: (ownerId: string, lines: { variantId: string; quantity: number }[], ttlSeconds?: number) =>
      call('reserveInventory', `mutation($input: ReserveInventoryInput!) { reserveInventory(input: $input) { ${RESERVATION_FIELDS} } }`, {
        input: { ownerId, lines, ttlSeconds },
      }),
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

export async function stockOf(sql: pg.Pool, variantId: string): Promise<Stock> {
  const { rows } = await sql.query<{ on_hand: number; reserved: number }>('SELECT on_hand, reserved FROM inventory_level WHERE variant_id = $1', [variantId]);
  return { onHand: rows[0]!.on_hand, reserved: rows[0]!.reserved };
}
