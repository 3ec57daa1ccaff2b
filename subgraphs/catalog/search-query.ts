// A shopper's search as Postgres text search (the `shop` configuration: English stemming, accents
// dropped). A plain search (words only) is read into units (search-terms.ts): each matches any of
// its alternatives, the words themselves, joined or with their synonyms; while the last word is
// still being typed (no space after it), it also matches as a prefix (popl finds poplin); a word
// the catalog does not contain is corrected to the nearest word it does (search-vocabulary.ts). A
// search with operators ("phrase", or, -word) is read as websearch_to_tsquery reads it, with the
// prefix as well. The queries are built once, as text, and reach every statement of the listing
// as constants. Ranking, highest first: whole-word matches, then matches by prefix only, then
// corrected matches; within each, ts_rank (name and SKU weigh most, then brand, then
// description); at equal rank (to four places), products in stock first.
import { Prisma, type PrismaClient } from './prisma-client/client.js';
import { correctable, correction, plainWords, synonymIndex, unitsOf, type SynonymRule, type Unit, type Word } from './search-terms.js';
import { lookUp, type Lookup } from './search-vocabulary.js';

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

/** The tsquery texts of a search: whole words, with the last as a prefix, corrected; null when there is none. */
interface Variants {
  whole: Prisma.Sql;
  prefix: Prisma.Sql | null;
  corrected: Prisma.Sql | null;
  correctedQuery: string | null;
}

/** The text-search condition and rank for a search (trimmed of nothing: a trailing space counts). */
export async function readSearch(db: PrismaClient, rules: readonly SynonymRule[], search: string): Promise<SearchQuery> {
  const typing = wordBeingTyped(search);
  const words = plainWords(search);
  const variants = words ? await plainVariants(db, rules, words, typing !== null) : operatorVariants(search, typing);
  const [texts] = await db.$queryRaw<{ whole: string; prefix: string | null; corrected: string | null }[]>`
    SELECT (${variants.whole})::text AS whole, (${variants.prefix ?? Prisma.sql`NULL::tsquery`})::text AS prefix,
           (${variants.corrected ?? Prisma.sql`NULL::tsquery`})::text AS corrected`;
  return queryOf(texts!, variants.correctedQuery);
}

function queryOf(texts: { whole: string; prefix: string | null; corrected: string | null }, correctedQuery: string | null): SearchQuery {
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
function operatorVariants(search: string, typing: { head: string; last: string } | null): Variants {
  const whole = Prisma.sql`websearch_to_tsquery('shop', ${search})`;
  if (!typing) return { whole, prefix: null, corrected: null, correctedQuery: null };
  const prefix = Prisma.sql`to_tsquery('simple', ${`${typing.last}:*`})`;
  return { whole, prefix: typing.head ? Prisma.sql`(websearch_to_tsquery('shop', ${typing.head}) && ${prefix})` : prefix, corrected: null, correctedQuery: null };
}

async function plainVariants(db: PrismaClient, rules: readonly SynonymRule[], words: Word[], typing: boolean): Promise<Variants> {
  const synonyms = synonymIndex(rules);
  const last = words.length - 1;
  const lookups: Lookup[] = [
    ...words.map((w, i): Lookup => ({ key: w.key, kind: typing && i === last ? 'typed' : 'word', correct: correctable(w.key) && !synonyms.has(w.key) })),
    ...words.slice(1).map((w, i): Lookup => ({ key: words[i]!.key + w.key, kind: 'joined', correct: false })),
  ];
  const found = await lookUp(db, lookups);
  const joined = new Set(lookups.filter((l, i) => l.kind === 'joined' && found[i]!.known).map((l) => l.key));
  const isWord = (key: string) => joined.has(key);
  const units = unitsOf(words, synonyms, isWord);
  const whole = Prisma.join(units.map((u) => unitQuery(u)), ' && ');
  const typed = typing && units.at(-1)!.words.length === 1 ? units.at(-1)!.words[0]!.key : null;
  const prefix = typed ? Prisma.join([...units.slice(0, -1).map((u) => unitQuery(u)), unitQuery(units.at(-1)!, typed)], ' && ') : null;

  const replaced = words.map((w, i) => (found[i]!.known ? null : correction(w.key, found[i]!.near)));
  if (replaced.every((r) => r === null)) return { whole, prefix, corrected: null, correctedQuery: null };
  const correctedWords = words.map((w, i) => (replaced[i] ? { raw: replaced[i]!, text: replaced[i]!, key: replaced[i]! } : w));
  const corrected = Prisma.join(unitsOf(correctedWords, synonyms, isWord).map((u) => unitQuery(u)), ' && ');
  return { whole, prefix, corrected, correctedQuery: correctedWords.map((w) => w.raw).join(' ') };
}

/** A unit as a tsquery: any of its phrases, or the prefix being typed. */
function unitQuery(unit: Unit, prefix?: string): Prisma.Sql {
  const phrases = unit.phrases.map((p) => Prisma.sql`phraseto_tsquery('shop', ${p})`);
  if (prefix) phrases.push(Prisma.sql`to_tsquery('simple', ${`${prefix}:*`})`);
  return Prisma.sql`(${Prisma.join(phrases, ' || ')})`;
}
