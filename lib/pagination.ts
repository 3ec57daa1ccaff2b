import { badUserInput } from './errors.js';
import { isUuid } from './ids.js';

export const MAX_PAGE_SIZE = 250;

/** Validates `first`: 0..250. */
export function pageSize(first: number | null | undefined, fallback = 20): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 0 and ${MAX_PAGE_SIZE}`, 'first');
  }
  return n;
}

/** Cursors are opaque to clients: base64url JSON of the sort key of the last row seen. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string): unknown[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key)) return key;
  } catch {
    // fall through to the error below
  }
  throw badUserInput('after is not a valid cursor', 'after');
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Builds a connection from up to first + 1 rows (the extra row only tells whether there is a next page). */
export function toConnection<T>(rows: T[], first: number, after: string | null | undefined, cursorOf: (row: T) => string): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(after),
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
 * cursor is the last id seen, and `read` returns up to `take` rows with ids below `beforeId`.
 */
export async function newestFirst<T extends { id: string }>(
  first: number,
  after: string | null | undefined,
  read: (beforeId: string | undefined, take: number) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<CountedConnection<T>> {
  let beforeId: string | undefined;
  if (after) {
    const [id] = decodeCursor(after);
    if (typeof id !== 'string' || !isUuid(id)) throw badUserInput('after is not a valid cursor', 'after');
    beforeId = id;
  }
  const rows = await read(beforeId, first + 1);
  return { ...toConnection(rows, first, after, (row) => encodeCursor([row.id])), count };
}
