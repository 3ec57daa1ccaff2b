// The ids on the wire: opaque and typed. Inside a subgraph a row's id is its UUID; every id the
// API hands out or takes names its type too (base64url of "<Type>:<raw id>"), so that an id of
// the wrong type is refused with a clear error instead of missing, and Node.id is unique across
// the graph. Clients must treat ids as opaque strings.
import { GraphQLError } from 'graphql';

const SEPARATOR = ':';
/** The longest id accepted: a type name and a raw id of at most 100 characters each, encoded. */
const MAX_ENCODED_LENGTH = 300;

export function globalId(type: string, rawId: string): string {
  return Buffer.from(`${type}${SEPARATOR}${rawId}`, 'utf8').toString('base64url');
}

/** The type and raw id inside a global id, or null when it is not one this API issued. */
export function parseGlobalId(id: string): { type: string; rawId: string } | null {
  if (id.length === 0 || id.length > MAX_ENCODED_LENGTH || !/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const at = text.indexOf(SEPARATOR);
  if (at <= 0 || at === text.length - 1) return null;
  const type = text.slice(0, at);
  if (!/^[A-Z][A-Za-z0-9]*$/.test(type)) return null;
  // Re-encoding must give the same text back: this refuses ids with stray bits or padding.
  const rawId = text.slice(at + 1);
  return globalId(type, rawId) === id ? { type, rawId } : null;
}

/**
 * The raw id inside `id`, which must name a `type`; otherwise a BAD_USER_INPUT error that says
 * where (`at`, e.g. "input.lines[0].variantId") and what it got.
 */
export function rawIdOf(type: string, id: string, at: string): string {
  const parsed = parseGlobalId(id);
  if (!parsed) throw badId(`${at} is not an id this API issued: ids are opaque strings, used as received.`, at);
  if (parsed.type !== type) throw badId(`${at} must be ${article(type)} ${type} id, not ${article(parsed.type)} ${parsed.type} id.`, at);
  return parsed.rawId;
}

/**
 * The raw id inside an id another subgraph answered: one that is not a `type` id is that
 * subgraph's fault, not the caller's, so it is an internal error rather than BAD_USER_INPUT.
 */
export function rawIdFrom(source: string, type: string, id: string): string {
  const parsed = parseGlobalId(id);
  if (parsed?.type !== type) throw new Error(`${source} answered ${JSON.stringify(id)} where ${article(type)} ${type} id belongs`);
  return parsed.rawId;
}

const article = (word: string) => (/^[AEIOU]/.test(word) ? 'an' : 'a');

function badId(message: string, at: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument: at } });
}
