// A cart's lines, changed several at once or one by one: the same checks and the same SQL either
// way, all lines or none. Each change runs inside the cart's locked transaction (CartService).
import { randomUUID } from 'node:crypto';
import type { SqlTransaction } from '../../lib/db.js';
import { isUuid } from '../../lib/ids.js';
import type { Money } from '../../lib/money.js';
import type { NewEvent } from '../../lib/outbox.js';
import type { CatalogClient } from './catalog.js';
import { CartInputChecker, LIMITS } from './validation.js';

type Tx = SqlTransaction;

/** Where a refusal about the i-th line (or one of its fields) points in the mutation's arguments. */
export interface LinePaths {
  list: string[];
  at(index: number, name?: string): string[];
}

/** `lines: [...]`-style arguments: `lines.2.quantity`. */
export const linesAt = (list: string[]): LinePaths => ({ list, at: (i, name) => [...list, String(i), ...(name ? [name] : [])] });

/** The one-line mutations' arguments: `variantId`, `quantity`, `lineId`. */
export const ONE_LINE: LinePaths = { list: [], at: (_i, name = 'lineId') => [name] };

export interface LineToAdd {
  variantId: string;
  quantity: number;
}

export interface LineUpdate {
  lineId: string;
  quantity: number;
}

/** A line ready to go into a cart: its variant is for sale at `price`; `index` is where the input named it first. */
export interface PreparedLine {
  variantId: string;
  quantity: number;
  price: Money;
  index: number;
}

/** The cart row as a line change sees it, under its lock. */
export interface CartForLines {
  id: string;
  person_id: string;
  currency: string;
}

export type LineEvent = (cart: CartForLines, change: 'LINE_ADDED' | 'LINE_UPDATED' | 'LINE_REMOVED', details: Record<string, unknown>) => NewEvent;

function checkCount(c: CartInputChecker, count: number, paths: LinePaths): void {
  if (count === 0 || count > LIMITS.lines) c.add('INVALID_INPUT', `give 1 to ${LIMITS.lines} lines`, paths.list);
}

/**
 * Checks lines to add and asks the catalog about all their variants at once. Repeats of a variant
 * add up into one line; every variant must be for sale, in a currency the shop sells in, and all
 * in one currency.
 */
export async function prepareLines(catalog: CatalogClient, currencies: ReadonlySet<string>, lines: LineToAdd[], paths: LinePaths, alongside: readonly string[] = []): Promise<PreparedLine[]> {
  const c = new CartInputChecker();
  checkCount(c, lines.length, paths);
  const merged = new Map<string, { quantity: number; index: number }>();
  lines.forEach((line, i) => {
    c.quantity(line.quantity, paths.at(i, 'quantity'));
    if (!isUuid(line.variantId)) c.add('VARIANT_NOT_FOUND', 'no such variant', paths.at(i, 'variantId'));
    const seen = merged.get(line.variantId);
    if (seen) seen.quantity += line.quantity;
    else merged.set(line.variantId, { quantity: line.quantity, index: i });
  });
  c.throwIfAny();
  for (const { quantity, index } of merged.values()) {
    if (quantity > LIMITS.quantity) c.add('QUANTITY_OUT_OF_RANGE', `a line holds at most ${LIMITS.quantity} units`, paths.at(index, 'quantity'));
  }
  c.throwIfAny();

  const ids = [...merged.keys()];
  // `alongside`: variants the caller reads next, asked for in the same call (answered after ours).
  const variants = await catalog.variants([...ids, ...alongside.filter((id) => !merged.has(id))]);
  const prepared: PreparedLine[] = [];
  ids.forEach((variantId, i) => {
    const variant = variants[i] ?? null;
    const { quantity, index } = merged.get(variantId)!;
    c.variant(variant, currencies, paths.at(index, 'variantId'));
    if (variant) prepared.push({ variantId, quantity, price: variant.price, index });
  });
  c.throwIfAny();
  const currency = prepared[0]!.price.currencyCode;
  for (const line of prepared) c.currency(currency, true, line.price.currencyCode, paths.at(line.index, 'variantId'));
  c.throwIfAny();
  return prepared;
}

/**
 * Puts prepared lines into the locked cart: a variant already there adds to its line, and the
 * unit price the shopper saw is refreshed (they have seen the current one). An empty cart takes
 * the lines' currency. Refused whole when a line would pass 999 units or the cart 100 lines.
 * One statement writes and reports the cart as it was before (its CTEs all see that); a refusal
 * found in the report then rolls the whole change back with the transaction.
 */
export async function addLines(tx: Tx, cart: CartForLines, lines: PreparedLine[], paths: LinePaths, event: LineEvent): Promise<NewEvent[]> {
  const c = new CartInputChecker();
  const first = lines[0]!;
  const [report] = await tx.$queryRaw<{ lines: number; variants: string[] | null; stored: { id: string; variant_id: string; quantity: number }[] }[]>`
    WITH before AS (SELECT count(*)::int AS lines, array_agg(variant_id::text) AS variants FROM cart_line WHERE cart_id = ${cart.id}::uuid),
    currency AS (UPDATE cart SET currency = ${first.price.currencyCode} WHERE id = ${cart.id}::uuid AND (SELECT lines FROM before) = 0),
    stored AS (
      INSERT INTO cart_line (id, cart_id, variant_id, quantity, seen_unit_price, updated_at)
      SELECT l.id, ${cart.id}::uuid, l.variant_id, l.quantity, l.price, now()
        FROM unnest(${lines.map(() => randomUUID())}::uuid[], ${lines.map((l) => l.variantId)}::uuid[], ${lines.map((l) => l.quantity)}::int[], ${lines.map((l) => l.price.amount)}::int[])
          AS l(id, variant_id, quantity, price)
      ON CONFLICT (cart_id, variant_id) DO UPDATE
         SET quantity = cart_line.quantity + EXCLUDED.quantity, seen_unit_price = EXCLUDED.seen_unit_price, updated_at = now()
       WHERE cart_line.quantity + EXCLUDED.quantity <= ${LIMITS.quantity}
      RETURNING id, variant_id::text, quantity)
    SELECT before.lines, before.variants, (SELECT coalesce(json_agg(stored), '[]'::json) FROM stored) AS stored FROM before`;
  const present = new Set(report!.variants ?? []);
  c.currency(cart.currency, report!.lines > 0, first.price.currencyCode, paths.at(first.index, 'variantId'));
  c.throwIfAny();
  const added = lines.filter((l) => !present.has(l.variantId));
  if (report!.lines + added.length > LIMITS.lines) {
    return c.refuse('TOO_MANY_LINES', `a cart holds at most ${LIMITS.lines} lines`, added.length === lines.length && lines.length > 1 ? paths.list : paths.at(added[0]!.index, 'variantId'));
  }
  const byVariant = new Map(report!.stored.map((row) => [row.variant_id, row]));
  for (const line of lines) {
    if (!byVariant.has(line.variantId)) c.add('QUANTITY_OUT_OF_RANGE', `a line holds at most ${LIMITS.quantity} units`, paths.at(line.index, 'quantity'));
  }
  c.throwIfAny();
  return lines.map((line) => {
    const row = byVariant.get(line.variantId)!;
    return event(cart, 'LINE_ADDED', { lineId: row.id, variantId: line.variantId, added: line.quantity, quantity: row.quantity });
  });
}

/** Checks quantity changes before the cart is locked: 1..999 each, each line once. */
export function checkUpdates(updates: LineUpdate[], paths: LinePaths): void {
  const c = new CartInputChecker();
  checkCount(c, updates.length, paths);
  const seen = new Set<string>();
  updates.forEach((u, i) => {
    c.quantity(u.quantity, paths.at(i, 'quantity'));
    if (seen.has(u.lineId)) c.add('INVALID_INPUT', 'each line once', paths.at(i, 'lineId'));
    seen.add(u.lineId);
  });
  c.throwIfAny();
}

/** Sets lines' quantities; refused whole when one of the lines is not in the cart. */
export async function updateLines(tx: Tx, cart: CartForLines, updates: LineUpdate[], paths: LinePaths, event: LineEvent): Promise<NewEvent[]> {
  const known = updates.filter((u) => isUuid(u.lineId));
  const stored = await tx.$queryRaw<{ id: string; variant_id: string }[]>`
    UPDATE cart_line l SET quantity = u.quantity, updated_at = now()
      FROM unnest(${known.map((u) => u.lineId)}::uuid[], ${known.map((u) => u.quantity)}::int[]) AS u(id, quantity)
     WHERE l.id = u.id AND l.cart_id = ${cart.id}::uuid
    RETURNING l.id::text, l.variant_id::text`;
  const found = new Map(stored.map((row) => [row.id, row]));
  refuseMissing(updates.map((u) => u.lineId), found, paths, 'lineId');
  return updates.map((u) => event(cart, 'LINE_UPDATED', { lineId: u.lineId, variantId: found.get(u.lineId)!.variant_id, quantity: u.quantity }));
}

/** Removes lines; refused whole when one of them is not in the cart. */
export async function removeLines(tx: Tx, cart: CartForLines, lineIds: string[], paths: LinePaths, event: LineEvent): Promise<NewEvent[]> {
  const c = new CartInputChecker();
  checkCount(c, lineIds.length, paths);
  c.throwIfAny();
  const stored = await tx.$queryRaw<{ id: string; variant_id: string }[]>`
    DELETE FROM cart_line WHERE id = ANY(${lineIds.filter(isUuid)}::uuid[]) AND cart_id = ${cart.id}::uuid RETURNING id::text, variant_id::text`;
  const found = new Map(stored.map((row) => [row.id, row]));
  refuseMissing(lineIds, found, paths);
  return [...found.values()].map((row) => event(cart, 'LINE_REMOVED', { lineId: row.id, variantId: row.variant_id }));
}

function refuseMissing(lineIds: string[], found: ReadonlyMap<string, unknown>, paths: LinePaths, name?: string): void {
  const c = new CartInputChecker();
  lineIds.forEach((id, i) => {
    if (!found.has(id)) c.add('LINE_NOT_FOUND', 'no such line in this cart', paths.at(i, name));
  });
  c.throwIfAny();
}
