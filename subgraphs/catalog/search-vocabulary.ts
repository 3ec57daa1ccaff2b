// What a search asks of the catalog's words before it runs (search-query.ts): which of the
// shopper's words the catalog contains, and for those it does not, the nearest words it does.
// The vocabulary is the search_word table (the search_words migration; product-aggregate.ts adds
// each product's words), with a trigram index that serves both similarity (%) and LIKE 'prefix%'.
// And the admins' synonym rules, read from search_synonym at most every CATALOG_SYNONYM_CACHE_MS.
import { Prisma, type PrismaClient } from './prisma-client/client.js';
import type { SynonymRule } from './search-terms.js';
import { readRows } from '../../lib/db.js';

/**
 * How a key is looked up: `word` a whole word (known when a catalog word shares its English stem,
 * so that jackets is known from jacket), `typed` the word being typed (known when a catalog word
 * starts with it), `joined` two words run together (known when the catalog has it as one word).
 */
export type LookupKind = 'word' | 'typed' | 'joined';

export interface Lookup {
  key: string;
  kind: LookupKind;
  /** Whether to find the nearest words when it is not known. */
  correct: boolean;
}

export interface LookupResult {
  known: boolean;
  /** Catalog words near it, most similar first (empty unless asked for and not known). */
  near: string[];
}

/**
 * One call for all the words of a search (the search_lookup function of the search_words
 * migration, whose plans each connection keeps): each lookup's answer, and each phrase as the
 * tsquery text phraseto_tsquery makes of it (stemmed, accents dropped; '' for stop words only).
 * Candidates for a correction: trigram-similar words, and words of about its length that begin
 * with its first two letters (a swap of neighbours shares few trigrams: shrit, shirt).
 */
export async function lookUp(db: PrismaClient, lookups: readonly Lookup[], phrases: readonly string[]): Promise<{ found: LookupResult[]; texts: string[] }> {
  const [row] = await readRows<{ result: { found: { known: boolean; near: string[] | null }[]; texts: string[] } }>(
    db,
    Prisma.sql`SELECT search_lookup(${lookups.map((l) => l.key)}::text[], ${lookups.map((l) => l.kind)}::text[], ${lookups.map((l) => l.correct)}::boolean[], ${[...phrases]}::text[]) AS result`,
  );
  const { found, texts } = row!.result;
  return { found: found.map((r) => ({ known: r.known, near: r.near ?? [] })), texts };
}

/** The synonym rules, read again once they are older than `maxAgeMs` or after a change here. */
export class SynonymRules {
  private cached: { at: number; rules: Promise<SynonymRule[]> } | null = null;

  constructor(
    private readonly db: PrismaClient,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  rules(): Promise<SynonymRule[]> {
    if (!this.cached || this.now() - this.cached.at > this.maxAgeMs) {
      const rules = this.db.searchSynonym.findMany({ select: { kind: true, terms: true } });
      this.cached = { at: this.now(), rules };
      rules.catch(() => (this.cached = null));
    }
    return this.cached.rules;
  }

  /** After a change in this process: the next search reads the rules again. */
  invalidate(): void {
    this.cached = null;
  }
}
