// A statement's parameters written into its text as literals, for the simple-protocol messages
// lib/db.ts sends (a statement with BEGIN or COMMIT in one round trip): exactly the text pg would
// bind for each, with pg's own escaping.
import pg from 'pg';

/**
 * A parameter written as a literal of unknown type, the text pg would send for it, so that the
 * statement's casts and context resolve it exactly as they would the parameter. Null for a value
 * with no literal here (binary data): such a statement keeps its parameters.
 */
function literalOf(value: unknown): string | null {
  const text = textOf(value);
  return text === undefined ? null : text === null ? 'NULL' : pg.escapeLiteral(text);
}

/** A value as pg sends it as a text parameter (an array as `{…}`, its elements quoted); null for NULL, undefined for binary data. */
function textOf(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (ArrayBuffer.isView(value)) return undefined;
  if (Array.isArray(value)) {
    const elements = value.map((element) => (Array.isArray(element) ? textOf(element) : quotedElement(textOf(element))));
    return elements.includes(undefined) ? undefined : `{${elements.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** An array element as Postgres reads it: NULL, or in double quotes with `"` and `\` escaped. */
function quotedElement(text: string | null | undefined): string | undefined {
  if (text === undefined) return undefined;
  return text === null ? 'NULL' : `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/**
 * A statement's `$n` parameters written in as literals (literalOf), for a simple-protocol message;
 * null when one of them has no literal, or the text has a comment. The text must hold `$n` only as
 * parameters.
 */
export function withLiterals(text: string, values: readonly unknown[]): string | null {
  if (values.length === 0) return text;
  // A literal written into a comment could end it (a newline) and run as SQL: such a text keeps its parameters.
  if (text.includes('--') || text.includes('/*')) return null;
  const literals = values.map(literalOf);
  if (!literals.every((l): l is string => l !== null)) return null;
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const literal = literals[Number(n) - 1];
    if (literal === undefined) throw new Error(`the statement names $${n}, beyond its ${literals.length} parameters`);
    return literal;
  });
}
