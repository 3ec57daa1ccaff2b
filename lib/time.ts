// Time is UTC everywhere: instants travel as ISO 8601 (the DateTime scalar) and live as Dates.

export const DAY_MS = 24 * 3600 * 1000;
