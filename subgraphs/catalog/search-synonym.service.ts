// Admins' search synonym rules (schema/catalog.search.graphql): checked, stored, listed. Searches
// read them through SynonymRules (search-vocabulary.ts), which forgets them here on each change.
import { badUserInput } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { cursorArgument, decodeCursor, encodeCursor, toConnection, type Connection, type PageWindow } from '../../lib/pagination.js';
import type { PrismaClient, SearchSynonym } from './prisma-client/client.js';
import { termKey } from './search-terms.js';
import type { SynonymRules } from './search-vocabulary.js';
import { CatalogInputChecker, refuse } from './validation.js';

export interface SearchSynonymInput {
  kind: 'TWO_WAY' | 'ONE_WAY';
  terms: string[];
}

const TERMS = { min: 2, max: 10 };
const TERM_LENGTH = 100;
const TERM_WORDS = 3;
const MAX_PAGE = 100;
/** Letters, digits, spaces, hyphens and apostrophes. */
const TERM = /^[\p{L}\p{N}][\p{L}\p{N}\p{M} '’-]*$/u;

/** The terms trimmed, with one space between words; refused with every mistake at its position. */
export function checkedTerms(terms: string[]): string[] {
  const c = new CatalogInputChecker();
  const field = (i: number) => ['input', 'terms', String(i)];
  if (terms.length < TERMS.min || terms.length > TERMS.max) c.add('INVALID_INPUT', `a rule has ${TERMS.min} to ${TERMS.max} terms`, ['input', 'terms']);
  const cleaned = terms.map((t) => t.trim().replace(/\s+/gu, ' '));
  const seen = new Set<string>();
  cleaned.forEach((term, i) => {
    if (!c.text(term, field(i), TERM_LENGTH, true)) return;
    if (!TERM.test(term) || termKey(term).length === 0) c.add('INVALID_INPUT', 'a term is letters, digits, spaces, hyphens and apostrophes', field(i));
    else if (term.split(' ').length > TERM_WORDS) c.add('INVALID_INPUT', `a term has at most ${TERM_WORDS} words`, field(i));
    else if (seen.has(termKey(term))) c.add('INVALID_INPUT', `"${term}" is the same term as another of the rule's (case, accents, hyphens and spaces aside)`, field(i));
    seen.add(termKey(term));
  });
  c.throwIfAny();
  return cleaned;
}

export class SearchSynonymService {
  constructor(
    private readonly db: PrismaClient,
    readonly rules: SynonymRules,
  ) {}

  /** Oldest first; the cursor is a rule's id (UUIDv7, in creation order). A backward page is read newest first and turned round. */
  async list(window: PageWindow): Promise<Connection<SearchSynonym> & { nodes: SearchSynonym[] }> {
    const forward = window.direction === 'forward';
    const argument = cursorArgument(window);
    if (window.size < 1 || window.size > MAX_PAGE) throw badUserInput(`${forward ? 'first' : 'last'} must be between 1 and ${MAX_PAGE}`, forward ? 'first' : 'last');
    let from: string | undefined;
    if (window.cursor) {
      const [id] = decodeCursor(window.cursor, argument);
      if (typeof id !== 'string' || !isUuid(id)) throw badUserInput(`${argument} is not a valid cursor`, argument);
      from = id;
    }
    const rows = await this.db.searchSynonym.findMany({
      where: from ? { id: forward ? { gt: from } : { lt: from } } : {},
      orderBy: { id: forward ? 'asc' : 'desc' },
      take: window.size + 1,
    });
    const connection = toConnection(rows, window, (row) => encodeCursor([row.id]));
    return { ...connection, nodes: connection.edges.map((e) => e.node) };
  }

  async create(input: SearchSynonymInput): Promise<SearchSynonym> {
    const terms = checkedTerms(input.terms);
    return this.changed(await this.db.searchSynonym.create({ data: { kind: input.kind, terms } }));
  }

  async update(id: string, input: SearchSynonymInput): Promise<SearchSynonym> {
    const terms = checkedTerms(input.terms);
    const updated = await this.db.searchSynonym.updateMany({ where: { id }, data: { kind: input.kind, terms } });
    if (updated.count === 0) notFound();
    return this.changed(await this.db.searchSynonym.findUniqueOrThrow({ where: { id } }));
  }

  async delete(id: string): Promise<SearchSynonym> {
    const [deleted] = await this.db.$queryRaw<SearchSynonym[]>`
      DELETE FROM search_synonym WHERE id = ${id}::uuid
      RETURNING id, kind, terms, created_at AS "createdAt", updated_at AS "updatedAt"`;
    return this.changed(deleted ?? notFound());
  }

  private changed(rule: SearchSynonym): SearchSynonym {
    this.rules.invalidate();
    return rule;
  }
}

const notFound = (): never => refuse('SYNONYM_NOT_FOUND', 'no search synonym rule has this id', ['id']);
