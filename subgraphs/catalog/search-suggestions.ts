// Suggestions for a search box as the shopper types (Query.searchSuggestions): live product names,
// categories and brands in which every word typed begins a word, ignoring case and accents, a
// word's English stem counting as the word and a hyphen allowed between any two letters. Postgres
// finds and ranks up to `first` of each kind in one call, search_suggestions() (migration
// 20261204120000_search_suggestions holds the rules in full, and
// 20261206000000_search_suggestions_found_once the statement as it is now): more of the query's
// words matching a whole word first, then the shorter, then the more popular, then A to Z.
// A function because each connection keeps its plan: planned per call the statement cost several
// times its execution. Here the kinds share `first` by quotas (mix), so that products never crowd
// out the categories and brands that narrow a search most.
import { badUserInput } from '../../lib/errors.js';
import type { CategoryRow, ProductRow } from './models.js';
import { Prisma, type PrismaClient } from './prisma-client/client.js';
import { readRows } from '../../lib/db.js';

const SUGGESTION_QUERY_MAX = 100;
const SUGGESTIONS_MAX = 20;

type SuggestionKind = 'PRODUCT' | 'CATEGORY' | 'BRAND';

export interface Suggestion {
  kind: SuggestionKind;
  text: string;
  product: ProductRow | null;
  category: CategoryRow | null;
}

/** The order kinds are listed in: categories narrow a search most, products least. */
const LISTED: SuggestionKind[] = ['CATEGORY', 'BRAND', 'PRODUCT'];
/** Who takes the room a kind leaves unused, first to last. */
const FILLED: SuggestionKind[] = ['PRODUCT', 'CATEGORY', 'BRAND'];

/** How many of each kind a list of `first` holds when every kind has enough: 3 categories and 2 brands at 8 and above. */
export function quotas(first: number): Record<SuggestionKind, number> {
  const category = Math.min(3, Math.floor((first * 3) / 8));
  const brand = Math.min(2, Math.floor(first / 4));
  return { CATEGORY: category, BRAND: brand, PRODUCT: first - category - brand };
}

/** Up to `first` of the ranked suggestions of each kind, by quota, the room one kind leaves going to the others. */
function mix(ranked: Record<SuggestionKind, Suggestion[]>, first: number): Suggestion[] {
  const quota = quotas(first);
  const taken = Object.fromEntries(LISTED.map((k) => [k, Math.min(quota[k], ranked[k].length)])) as Record<SuggestionKind, number>;
  let room = first - LISTED.reduce((sum, k) => sum + taken[k], 0);
  for (const kind of FILLED) {
    const more = Math.min(room, ranked[kind].length - taken[kind]);
    taken[kind] += more;
    room -= more;
  }
  return LISTED.flatMap((k) => ranked[k].slice(0, taken[k]));
}

/** The arguments checked: the query trimmed (empty: nothing to suggest), `first` 1..20, 8 when not given. */
function checkedArguments(query: string, first: number | null | undefined): { query: string; first: number } {
  const trimmed = query.trim();
  if (trimmed.length > SUGGESTION_QUERY_MAX) throw badUserInput(`query must be at most ${SUGGESTION_QUERY_MAX} characters`, 'query');
  const size = first ?? 8;
  if (size < 1 || size > SUGGESTIONS_MAX) throw badUserInput(`first must be between 1 and ${SUGGESTIONS_MAX}`, 'first');
  return { query: trimmed, first: size };
}

interface SuggestionRecord {
  kind: SuggestionKind;
  text: string;
  id: string | null;
  slug: string | null;
  name: string | null;
  description: string | null;
  brand: string | null;
  active: boolean | null;
  minPrice: number | null;
  createdAt: Date | null;
  updatedAt: Date | null;
  deletedAt: Date | null;
  parentId: string | null;
  sortOrder: number | null;
}

function suggestionOf(r: SuggestionRecord): Suggestion {
  const { kind, text } = r;
  if (kind === 'PRODUCT') {
    const product = { id: r.id!, slug: r.slug!, name: r.name!, description: r.description!, brand: r.brand, active: r.active!, minPrice: r.minPrice, createdAt: r.createdAt!, updatedAt: r.updatedAt!, deletedAt: r.deletedAt };
    return { kind, text, product, category: null };
  }
  if (kind === 'CATEGORY') {
    const category = { id: r.id!, slug: r.slug!, name: r.name!, parentId: r.parentId, sortOrder: r.sortOrder!, createdAt: r.createdAt!, updatedAt: r.updatedAt! };
    return { kind, text, product: null, category };
  }
  return { kind, text, product: null, category: null };
}

/** Up to `first` suggestions for what the shopper has typed: each kind ranked in SQL, mixed here. */
export async function searchSuggestions(db: PrismaClient, typed: string, requested?: number | null): Promise<Suggestion[]> {
  const { query, first } = checkedArguments(typed, requested);
  if (query === '') return [];
  const rows = await readRows<SuggestionRecord>(db, Prisma.sql`SELECT * FROM search_suggestions(${query}, ${first}::integer)`);
  const ranked: Record<SuggestionKind, Suggestion[]> = { PRODUCT: [], CATEGORY: [], BRAND: [] };
  for (const row of rows) ranked[row.kind].push(suggestionOf(row));
  return mix(ranked, first);
}
