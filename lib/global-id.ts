// The ids on the wire: opaque and typed. Inside a subgraph a row's id is its UUID; every id the
// API hands out or takes names its type too, so that an id of the wrong type is refused with a
// clear error instead of missing, and Node.id is unique across the graph. Clients must treat ids
// as opaque strings.
//
// The encoding is base64url of the type name, then either a 0 byte and the UUID's 16 bytes (a row
// id, the usual case: shorter than the UUID's own text) or ":" and the raw id as text.
import { GraphQLError } from 'graphql';
import { isUuid } from './ids.js';
import { withArticle } from './input-checker.js';

const TEXT = ':';
const UUID_BYTES = 0;
const TYPE_NAME = /^[A-Z][A-Za-z0-9]*$/;
/** The longest id accepted: a type name and a raw id of at most 100 characters each, encoded. */
const MAX_ENCODED_LENGTH = 300;

export function globalId(type: string, rawId: string): string {
  const name = Buffer.from(type, 'utf8');
  // Only a UUID in its canonical (lower-case) text goes as bytes: decoding gives that text back.
  const raw = isUuid(rawId) && rawId === rawId.toLowerCase()
    ? Buffer.concat([Buffer.of(UUID_BYTES), Buffer.from(rawId.replaceAll('-', ''), 'hex')])
    : Buffer.from(`${TEXT}${rawId}`, 'utf8');
  return Buffer.concat([name, raw]).toString('base64url');
}

/** The type and raw id inside a global id, or null when it is not one this API issued. */
export function parseGlobalId(id: string): { type: string; rawId: string } | null {
  if (id.length === 0 || id.length > MAX_ENCODED_LENGTH || !/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const bytes = Buffer.from(id, 'base64url');
  const at = bytes.findIndex((b) => b === UUID_BYTES || b === TEXT.charCodeAt(0));
  if (at <= 0 || at === bytes.length - 1) return null;
  const type = bytes.subarray(0, at).toString('utf8');
  if (!TYPE_NAME.test(type)) return null;
  const rest = bytes.subarray(at + 1);
  let rawId: string;
  if (bytes[at] === UUID_BYTES) {
    if (rest.length !== 16) return null;
    const hex = rest.toString('hex');
    rawId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  } else {
    rawId = rest.toString('utf8');
  }
  // Re-encoding must give the same id back: this refuses stray bits, padding and a UUID sent as text.
  return globalId(type, rawId) === id ? { type, rawId } : null;
}

/**
 * The raw id inside `id`, which must name a `type`; otherwise a BAD_USER_INPUT error that says
 * where (`at`, e.g. "input.lines[0].variantId") and what it got.
 */
export function rawIdOf(type: string, id: string, at: string): string {
  const parsed = parseGlobalId(id);
  if (!parsed) throw notIssued(at);
  if (parsed.type !== type) throw badId(`${at} must be ${withArticle(type)} id, not ${withArticle(parsed.type)} id.`, at);
  return parsed.rawId;
}

/**
 * The raw id inside an id another subgraph answered: one that is not a `type` id is that
 * subgraph's fault, not the caller's, so it is an internal error rather than BAD_USER_INPUT.
 */
export function rawIdFrom(source: string, type: string, id: string): string {
  const parsed = parseGlobalId(id);
  if (parsed?.type !== type) throw new Error(`${source} answered ${JSON.stringify(id)} where ${withArticle(type)} id belongs`);
  return parsed.rawId;
}

/** The BAD_USER_INPUT error for a string at `at` that is not an id this API issued. */
export function notIssued(at: string): GraphQLError {
  return badId(`${at} is not an id this API issued: ids are opaque strings, used as received.`, at);
}

function badId(message: string, at: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument: at } });
}
