// The cart's reads on a shopper's request path (the cart and its lines before and after a change),
// straight through pg (lib/db.ts readRows; a change's own transaction: transactDirectly): the rows
// Prisma's Cart and CartLine models give, without its query compiler.
import { readRows, type SqlClient } from '../../lib/db.js';
import type { CartRow } from './models.js';
import { Prisma, type CartLine } from './prisma-client/client.js';

const CART_COLUMNS = Prisma.sql`id, person_id AS "personId", status::text AS status, currency, applied_codes AS "appliedCodes",
  affiliate_code AS "affiliateCode", checkout_id AS "checkoutId", last_activity_at AS "lastActivityAt", archived_at AS "archivedAt",
  created_at AS "createdAt", updated_at AS "updatedAt"`;
const LINE_COLUMNS = Prisma.sql`id, cart_id AS "cartId", variant_id AS "variantId", quantity, seen_unit_price AS "seenUnitPrice",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The cart with this id (a uuid), or null. */
export async function cartById(db: SqlClient, id: string): Promise<CartRow | null> {
  const [cart] = await readRows<CartRow>(db, Prisma.sql`SELECT ${CART_COLUMNS} FROM cart WHERE id = ${id}::uuid`);
  return cart ?? null;
}

/** The lines of these carts, each cart's in the order they were added. */
export function linesOf(db: SqlClient, cartIds: readonly string[]): Promise<CartLine[]> {
  return readRows<CartLine>(db, Prisma.sql`SELECT ${LINE_COLUMNS} FROM cart_line WHERE cart_id = ANY(${[...cartIds]}::uuid[]) ORDER BY created_at, id`);
}

/** Marks the cart's activity, in a change's transaction, and answers the cart as changed. */
export async function touchCart(tx: SqlClient, id: string, at: Date): Promise<CartRow> {
  const statement = Prisma.sql`UPDATE cart SET last_activity_at = ${at}, updated_at = now() WHERE id = ${id}::uuid RETURNING ${CART_COLUMNS}`;
  const [cart] = await tx.$queryRawUnsafe<CartRow[]>(statement.text, ...statement.values);
  return cart!;
}
