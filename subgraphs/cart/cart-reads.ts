// The cart's reads on a shopper's request path (the cart and its lines before and after a change),
// straight through pg (lib/db.ts readRows; a change's own transaction: transactDirectly): the rows
// Prisma's Cart and CartLine models give, without its query compiler.
import { queryAndCommit, readRows, type SqlClient } from '../../lib/db.js';
import { insertEvents, type NewEvent } from '../../lib/outbox.js';
import type { CartRow } from './models.js';
import { Prisma, type CartLine, type CartStatus } from './prisma-client/client.js';
import type { StoredLine } from './validation.js';

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

/** The person's ACTIVE cart (one at most), or null; in a transaction, as it stands there. */
export async function activeCartOf(db: SqlClient, personId: string): Promise<CartRow | null> {
  const [cart] = await readRows<CartRow>(db, Prisma.sql`SELECT ${CART_COLUMNS} FROM cart WHERE person_id = ${personId} AND status = 'ACTIVE'`);
  return cart ?? null;
}

/** The lines of these carts, each cart's in the order they were added. */
export function linesOf(db: SqlClient, cartIds: readonly string[]): Promise<CartLine[]> {
  return readRows<CartLine>(db, Prisma.sql`SELECT ${LINE_COLUMNS} FROM cart_line WHERE cart_id = ANY(${[...cartIds]}::uuid[]) ORDER BY created_at, id`);
}

/** A cart as a change left it, with its lines as they were when the change committed. */
export type ChangedCart = CartRow & { committedLines: StoredLine[] };

/**
 * Marks the cart's activity, in a change's transaction, records the change's events, and answers
 * the cart as changed with its lines, all in one statement (the request prices its answer from
 * them instead of reading them again). The change's last statement: COMMIT goes with it.
 */
export async function touchCart(tx: SqlClient, id: string, at: Date, events: NewEvent[]): Promise<ChangedCart> {
  const recorded = events.length > 0 ? insertEvents(events, 2) : null;
  const text = `${recorded ? `WITH recorded AS (${recorded.text}) ` : ''}
    UPDATE cart SET last_activity_at = $1, updated_at = now() WHERE id = $2::uuid
    RETURNING ${CART_COLUMNS.text}, (${COMMITTED_LINES}) AS "committedLines"`;
  const [cart] = await queryAndCommit<ChangedCart[]>(tx, text, at, id, ...(recorded?.values ?? []));
  return cart!;
}

/**
 * Moves the locked cart from one of `from` to `to` (taking `checkoutId` as its checkout when one
 * is given), records the move's events and answers the cart as moved, all in one statement: the
 * change's last, so COMMIT goes with it. Null when the cart was not in `from`.
 */
export async function moveCart(
  tx: SqlClient,
  move: { id: string; to: CartStatus; from: readonly CartStatus[]; checkoutId?: string },
  events: NewEvent[],
): Promise<CartRow | null> {
  const recorded = events.length > 0 ? insertEvents(events, 4) : null;
  const text = `${recorded ? `WITH recorded AS (${recorded.text}) ` : ''}
    UPDATE cart SET status = $1::cart_status, checkout_id = coalesce($2::uuid, checkout_id), updated_at = now()
     WHERE id = $3::uuid AND status = ANY($4::cart_status[])
    RETURNING ${CART_COLUMNS.text}`;
  const [cart] = await queryAndCommit<CartRow[]>(tx, text, move.to, move.checkoutId ?? null, move.id, move.from, ...(recorded?.values ?? []));
  return cart ?? null;
}

/**
 * The cart's lines as StoredLine objects (with each line's `updatedAt`, as JSON text, when asked),
 * in the order linesOf gives them: a subquery for a column of a statement on the cart row.
 */
export const storedLinesOfCart = (withUpdatedAt = false) =>
  `SELECT coalesce(json_agg(json_build_object('id', l.id, 'variantId', l.variant_id, 'quantity', l.quantity, 'seenUnitPrice', l.seen_unit_price${
    withUpdatedAt ? `, 'updatedAt', l.updated_at` : ''
  }) ORDER BY l.created_at, l.id), '[]'::json) FROM cart_line l WHERE l.cart_id = cart.id`;

const COMMITTED_LINES = storedLinesOfCart();
