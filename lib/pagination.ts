// Relay cursor connections, forwards (first/after) and backwards (last/before), over keyset
// queries: a page is read as size + 1 rows in the direction of travel, the extra row only telling
// whether there is more that way.
import { badUserInput } from './errors.js';
import { isUuid } from './ids.js';

export const MAX_PAGE_SIZE = 250;
export const DEFAULT_PAGE_SIZE = 20;

/** What a client asks of a connection. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * One page to read: `size` items after `cursor` (forward) or before it (backward), in the
 * connection's order. A backward page is read in reverse and turned round by toConnection.
 */
export interface PageWindow {
  direction: 'forward' | 'backward';
  size: number;
  cursor: string | null;
}

function size(value: number, argument: 'first' | 'last'): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) throw badUserInput(`${argument} must be between 0 and ${MAX_PAGE_SIZE}`, argument);
  return value;
}

/** The page the arguments ask for: `first`/`after` or `last`/`before`, not both; 20 forwards by default. */
export function pageWindow(args: PageArgs): PageWindow {
  const forward = args.first != null || args.after != null;
  const backward = args.last != null || args.before != null;
  if (forward && backward) throw badUserInput('give first/after or last/before, not both', args.last != null ? 'last' : 'before');
  if (backward) return { direction: 'backward', size: size(args.last ?? DEFAULT_PAGE_SIZE, 'last'), cursor: args.before ?? null };
  return { direction: 'forward', size: size(args.first ?? DEFAULT_PAGE_SIZE, 'first'), cursor: args.after ?? null };
}

/** Cursors are opaque to clients: base64url JSON of the sort key of a row. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** A cursor's sort key; `argument` names where it came from (after, before) for the error. */
export function decodeCursor(cursor: string, argument = 'after'): unknown[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key)) return key;
  } catch {
    // fall through to the error below
  }
  throw badUserInput(`${argument} is not a valid cursor`, argument);
}

/** The argument a window's cursor came in. */
export const cursorArgument = (window: PageWindow): 'after' | 'before' => (window.direction === 'forward' ? 'after' : 'before');

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/**
 * A connection from up to size + 1 rows read in the window's direction. Going forward, there is a
 * next page when the extra row came, and a previous one when the page starts after a cursor (its
 * row lies before); going backward, the other way round.
 */
export function toConnection<T>(rows: T[], window: PageWindow, cursorOf: (row: T) => string): Connection<T> {
  const more = rows.length > window.size;
  const page = rows.slice(0, window.size);
  if (window.direction === 'backward') page.reverse();
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  const forward = window.direction === 'forward';
  return {
    edges,
    pageInfo: {
      hasNextPage: forward ? more : window.cursor !== null,
      hasPreviousPage: forward ? window.cursor !== null : more,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** A connection whose totalCount is counted only when a client asks for it. */
export interface CountedConnection<T> extends Connection<T> {
  count: () => Promise<number>;
}

/**
 * A page of rows newest first, for tables keyed by UUIDv7 ids (which sort by creation time): the
 * cursor is a row's id. `read` returns up to `take` rows beyond `cursorId` in `order` (desc:
 * older ones, for a forward page; asc: newer ones, for a backward page).
 */
export async function newestFirst<T extends { id: string }>(
  window: PageWindow,
  read: (cursorId: string | undefined, order: 'asc' | 'desc', take: number) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<CountedConnection<T>> {
  let cursorId: string | undefined;
  if (window.cursor) {
    const argument = cursorArgument(window);
    const [id] = decodeCursor(window.cursor, argument);
    if (typeof id !== 'string' || !isUuid(id)) throw badUserInput(`${argument} is not a valid cursor`, argument);
    cursorId = id;
  }
  const rows = await read(cursorId, window.direction === 'forward' ? 'desc' : 'asc', window.size + 1);
  return { ...toConnection(rows, window, (row) => encodeCursor([row.id])), count };
}
