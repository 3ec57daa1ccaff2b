// A shopper's search as Postgres text search (the `shop` configuration: English stemming, accents
// dropped). A plain search (words only) is read into units (search-terms.ts): each matches any of
// its alternatives, the words themselves, joined or with their synonyms; while the last word is
// still being typed (no space after it), it also matches as a prefix (popl finds poplin); a word
// the catalog does not contain is corrected to the nearest word it does (search-vocabulary.ts). A
// search with operators ("phrase", or, -word) is read as websearch_to_tsquery reads it, with the
// prefix as well. The queries are built once, as tsquery text (a plain search's in one statement
// with its words' lookup), and reach every statement of the listing as constants. Ranking,
// highest first: whole-word matches, then matches by prefix only, then corrected matches; within
// each, ts_rank (name and SKU weigh most, then brand and categories, then description); at equal
// rank (to four places), products in stock first.
import { Prisma, type PrismaClient } from './prisma-client/client.js';
import { candidatePhrases, correctable, correction, plainWords, synonymIndex, unitsOf, type SynonymRule, type Unit, type Word } from './search-terms.js';
import { lookUp, type Lookup } from './search-vocabulary.js';
import { readRows } from '../../lib/db.js';

/** The search vector a query runs against (product.search_vector, product-aggregate.ts). */
const VECTOR = Prisma.sql`p.search_vector`;

/** A word a shopper may still be typing: letters and digits only (no -not, no "phrase", no SKU punctuation). */
const PLAIN_WORD = /^[\p{L}\p{N}]+$/u;

/** Tiers of the rank (ts_rank stays below 1 here). */
const TIER = { whole: 20, prefix: 10, corrected: 0 } as const;

/** What an equally ranked product in stock gains over one out of stock: less than the ranks' last place. */
const IN_STOCK = 0.00001;

export interface SearchQuery {
  /** Whether a product (alias p) matches. */
  matches: Prisma.Sql;
  /** Its relevance, higher first (double precision). */
  rank: Prisma.Sql;
  /** The search with its unknown words corrected, when any was. */
  correctedQuery: string | null;
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

/** The tsquery texts of a search's tiers: whole words, with the last as a prefix, corrected; null where there is none. */
interface Tiers {
  whole: string;
  prefix: string | null;
  corrected: string | null;
}

/** The text-search condition and rank for a search (trimmed of nothing: a trailing space counts). */
export async function readSearch(db: PrismaClient, rules: readonly SynonymRule[], search: string): Promise<SearchQuery> {
  const typing = wordBeingTyped(search);
  const words = plainWords(search);
  if (!words) return queryOf(await operatorTiers(db, search, typing), null);
  const { tiers, correctedQuery } = await plainTiers(db, rules, words, typing !== null);
  return queryOf(tiers, correctedQuery);
}

function queryOf(texts: Tiers, correctedQuery: string | null): SearchQuery {
  // An empty query (only stop words) matches nothing; Postgres would say so in a notice.
  const all: [number, string | null][] = [
    [TIER.whole, texts.whole],
    [TIER.prefix, texts.prefix],
    [TIER.corrected, texts.corrected],
  ];
  const tiers = all.filter((t): t is [number, string] => !!t[1]);
  if (tiers.length === 0) return { matches: Prisma.sql`false`, rank: Prisma.sql`0::float8`, correctedQuery: null };
  const matches = tiers.map(([, text]) => Prisma.sql`${VECTOR} @@ ${text}::tsquery`);
  const cases = tiers.map(([tier, text]) => Prisma.sql`WHEN ${VECTOR} @@ ${text}::tsquery THEN ${tier} + ts_rank(${VECTOR}, ${text}::tsquery)`);
  const inStock = Prisma.sql`EXISTS (SELECT 1 FROM product_variant sv JOIN inventory_level si ON si.variant_id = sv.id
    WHERE sv.product_id = p.id AND sv.active AND si.on_hand - si.reserved > 0)`;
  return {
    matches: Prisma.sql`(${Prisma.join(matches, ' OR ')})`,
    rank: Prisma.sql`(round((CASE ${Prisma.join(cases, ' ')} ELSE 0 END)::numeric, 4)::float8 + CASE WHEN ${inStock} THEN ${IN_STOCK}::float8 ELSE 0 END)`,
    correctedQuery: texts.corrected ? correctedQuery : null,
  };
}

/** websearch_to_tsquery's reading, and the last word as a prefix ('simple': no stemming of a half-typed word). */
async function operatorTiers(db: PrismaClient, search: string, typing: { head: string; last: string } | null): Promise<Tiers> {
  const prefix = typing ? Prisma.sql`to_tsquery('simple', ${`${typing.last}:*`})` : null;
  const typed = prefix && typing!.head ? Prisma.sql`(websearch_to_tsquery('shop', ${typing!.head}) && ${prefix})` : prefix;
  const [row] = await readRows<{ whole: string; prefix: string | null }>(
    db,
    Prisma.sql`SELECT websearch_to_tsquery('shop', ${search})::text AS whole, (${typed ?? Prisma.sql`NULL::tsquery`})::text AS prefix`,
  );
  return { whole: row!.whole, prefix: row!.prefix, corrected: null };
}

/**
 * A plain search's tiers, from one statement that looks its words up and parses every phrase its
 * units may have; a second parses the corrected words' phrases, when a word is corrected.
 */
async function plainTiers(db: PrismaClient, rules: readonly SynonymRule[], words: Word[], typing: boolean): Promise<{ tiers: Tiers; correctedQuery: string | null }> {
  const synonyms = synonymIndex(rules);
  const last = words.length - 1;
  const lookups: Lookup[] = [
    ...words.map((w, i): Lookup => ({ key: w.key, kind: typing && i === last ? 'typed' : 'word', correct: correctable(w.key) && !synonyms.has(w.key) })),
    ...words.slice(1).map((w, i): Lookup => ({ key: words[i]!.key + w.key, kind: 'joined', correct: false })),
  ];
  const phrases = candidatePhrases(words, synonyms);
  const { found, texts } = await lookUp(db, lookups, phrases);
  const parsed = new Map(phrases.map((p, i) => [p, texts[i]!]));
  const joined = new Set(lookups.filter((l, i) => l.kind === 'joined' && found[i]!.known).map((l) => l.key));
  const isWord = (key: string) => joined.has(key);
  const units = unitsOf(words, synonyms, isWord);
  const unitText = (unit: Unit, prefix?: string) => anyOf([...unit.phrases.map((p) => parsed.get(p) ?? ''), ...(prefix ? [`'${prefix}':*`] : [])]);
  const whole = allOf(units.map((u) => unitText(u)));
  const typed = typing && units.at(-1)!.words.length === 1 ? units.at(-1)!.words[0]!.key : null;
  const prefix = typed ? allOf([...units.slice(0, -1).map((u) => unitText(u)), unitText(units.at(-1)!, typed)]) : null;

  const replaced = words.map((w, i) => (found[i]!.known ? null : correction(w.key, found[i]!.near)));
  if (replaced.every((r) => r === null)) return { tiers: { whole, prefix, corrected: null }, correctedQuery: null };
  const correctedWords = words.map((w, i) => (replaced[i] ? { raw: replaced[i]!, text: replaced[i]!, key: replaced[i]! } : w));
  const correctedUnits = unitsOf(correctedWords, synonyms, isWord);
  const missing = [...new Set(correctedUnits.flatMap((u) => u.phrases).filter((p) => !parsed.has(p)))];
  const more = await lookUp(db, [], missing);
  missing.forEach((p, i) => parsed.set(p, more.texts[i]!));
  return { tiers: { whole, prefix, corrected: allOf(correctedUnits.map((u) => unitText(u))) }, correctedQuery: correctedWords.map((w) => w.raw).join(' ') };
}

/** tsquery texts joined by | or &, each in parentheses; empty ones (stop words only) left out, as Postgres's || and && leave them. */
const joinedBy = (operator: string) => (parts: string[]): string => {
  const kept = parts.filter((p) => p.length > 0);
  return kept.length === 1 ? kept[0]! : kept.map((p) => `( ${p} )`).join(` ${operator} `);
};
const anyOf = joinedBy('|');
const allOf = joinedBy('&');
