// Time is UTC everywhere: instants travel as ISO 8601 (the DateTime scalar) and live as Dates.

export const DAY_MS = 24 * 3600 * 1000;

/** What withTimeout rejects with when the answer does not come in time. */
export class TimeoutError extends Error {}

/** The promise's outcome, or a TimeoutError (`message`) once `ms` have passed without one; the promise is left to settle on its own. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message = `no answer in ${ms} ms`): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new TimeoutError(message)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether the promise settled, either way, within `ms`. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  try {
    await withTimeout(promise, ms);
  } catch (err) {
    if (err instanceof TimeoutError) return false;
  }
  return true;
}
