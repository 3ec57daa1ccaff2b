import { UserErrorsException, userError, type UserError } from './errors.js';
import { isKnownCurrency } from './money.js';

/** The codes every context's error enum has for malformed input. */
type InputCode = 'INVALID_INPUT' | 'TOO_LONG';

/** Codes people type (promotion codes, partner codes) are case-insensitive: kept trimmed and upper-case. */
export const normalizeCode = (code: string): string => code.trim().toUpperCase();

/** What a shared rule reports to: any context's checker whose codes include `Code`. */
export interface Reporter<Code extends string> {
  add: (code: Code, message: string, field: readonly string[]) => void;
}

/** An ISO 4217 currency code, or nothing. */
export function checkCurrency(c: Reporter<'INVALID_CURRENCY'>, value: string | null | undefined, field: readonly string[]): void {
  if (value !== null && value !== undefined && !isKnownCurrency(value)) c.add('INVALID_CURRENCY', `${value} is not an ISO 4217 currency code`, field);
}

/**
 * Collects userErrors while a mutation's input is checked, so that one answer names every bad
 * field. Each context extends it with its own rules (prices, slugs, codes) and error codes.
 */
export abstract class InputChecker<Code extends string> {
  readonly errors: UserError<Code | InputCode>[] = [];

  /** The context's code for a number outside its range. */
  protected abstract readonly outOfRange: Code;

  readonly add = (code: Code | InputCode, message: string, field: readonly string[]): void => {
    this.errors.push(userError(code, message, field));
  };

  /** Refuses the write with every error collected so far, if there is any. */
  throwIfAny(): void {
    if (this.errors.length > 0) throw new UserErrorsException(this.errors);
  }

  /** Refuses the write with this error and every one collected before it. */
  refuse(code: Code | InputCode, message: string, field: readonly string[]): never {
    this.add(code, message, field);
    throw new UserErrorsException(this.errors);
  }

  range(value: number | null | undefined, field: readonly string[], min: number, max: number, code: Code = this.outOfRange): void {
    if (value === null || value === undefined) return;
    if (!Number.isInteger(value) || value < min || value > max) this.add(code, `${field.at(-1)} must be between ${min} and ${max}`, field);
  }

  /** Returns whether the value passed, so that later checks of the same field can skip a known-bad value. */
  text(value: string | null | undefined, field: readonly string[], max: number, required = false): boolean {
    if (value === null || value === undefined) {
      if (required) this.add('INVALID_INPUT', `${field.at(-1)} is required`, field);
      return !required;
    }
    if (required && value.trim().length === 0) {
      this.add('INVALID_INPUT', `${field.at(-1)} must not be blank`, field);
      return false;
    }
    // Postgres varchar(n) counts characters, not the UTF-16 code units of String.length.
    if ([...value].length > max) {
      this.add('TOO_LONG', `${field.at(-1)} must be at most ${max} characters`, field);
      return false;
    }
    return true;
  }
}

/** The word with its indefinite article, for messages: "an Order", "a Product", "an AMOUNT". */
export const withArticle = (word: string): string => `${/^[AEIOU]/.test(word) ? 'an' : 'a'} ${word}`;
