// Time is UTC everywhere: instants travel as ISO 8601 strings and live as Dates.

export const DAY_MS = 24 * 3600 * 1000;

/** An ISO 8601 instant with a date, e.g. 2026-11-27T00:00:00Z, or null (Date alone also parses free text like "March 7"). */
export function parseInstant(value: string): Date | null {
  const date = new Date(value);
  return /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(date.getTime()) ? date : null;
}
