// A shopper's search as Postgres text search, as they type it: websearch_to_tsquery's reading of
// the words ("quoted phrases", or, -not), and, while the last word is still being typed (no space
// after it), that word as a prefix too: `popl` finds poplin. Whole-word matches rank above matches
// by prefix only.
import { Prisma } from './prisma-client/client.js';

/** The search vector a query runs against (product.search_vector, product-aggregate.ts). */
const VECTOR = Prisma.sql`p.search_vector`;

/** A word a shopper may still be typing: letters and digits only (no -not, no "phrase", no SKU punctuation). */
const PLAIN_WORD = /^[\p{L}\p{N}]+$/u;

/** Ranks whole-word matches above every match by prefix only (ts_rank stays below 1 here). */
const WHOLE_WORDS = 10;

export interface SearchQuery {
  /** Whether a product (alias p) matches. */
  matches: Prisma.Sql;
  /** Its relevance, higher first. */
  rank: Prisma.Sql;
}

/**
 * The last word as the shopper is typing it, with what comes before it; null when the search
 * ends with a space, an operator or inside a phrase (then only whole words match).
 */
export function wordBeingTyped(search: string): { head: string; last: string } | null {
  if (/\s$/u.test(search) || (search.match(/"/g)?.length ?? 0) % 2 === 1) return null;
  const words = search.trim().split(/\s+/u);
  const last = words.at(-1) ?? '';
  if (!PLAIN_WORD.test(last) || last.toLowerCase() === 'or') return null;
  return { head: words.slice(0, -1).join(' '), last };
}

/** The text-search condition and rank for a search (trimmed of nothing: a trailing space counts). */
export function searchQuery(search: string): SearchQuery {
  const whole = Prisma.sql`websearch_to_tsquery('english', ${search})`;
  const typing = wordBeingTyped(search);
  if (!typing) return { matches: Prisma.sql`${VECTOR} @@ ${whole}`, rank: Prisma.sql`ts_rank(${VECTOR}, ${whole})` };
  // The prefix keeps its letters ('simple': no stemming of a half-typed word); the words before it
  // are read as whole words, as they would be without it.
  const prefix = Prisma.sql`to_tsquery('simple', ${`${typing.last}:*`})`;
  const typed = typing.head ? Prisma.sql`(websearch_to_tsquery('english', ${typing.head}) && ${prefix})` : prefix;
  return {
    matches: Prisma.sql`(${VECTOR} @@ ${whole} OR ${VECTOR} @@ ${typed})`,
    rank: Prisma.sql`(CASE WHEN ${VECTOR} @@ ${whole} THEN ${WHOLE_WORDS}::real + ts_rank(${VECTOR}, ${whole}) ELSE ts_rank(${VECTOR}, ${typed}) END)`,
  };
}
