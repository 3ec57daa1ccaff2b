import { userError, type UserError } from './errors.js';

/** The codes every context's error enum has for malformed input. */
type InputCode = 'INVALID_INPUT' | 'TOO_LONG';

/**
 * Collects userErrors while a mutation's input is checked, so that one answer names every bad
 * field. Each context extends it with its own rules (prices, slugs, codes) and error codes.
 */
export class InputChecker<Code extends string> {
  readonly errors: UserError<Code | InputCode>[] = [];

  add(code: Code | InputCode, message: string, field: string[]): void {
    this.errors.push(userError(code, message, field));
  }

  /** Returns whether the value passed, so that later checks of the same field can skip a known-bad value. */
  text(value: string | null | undefined, field: string[], max: number, required = false): boolean {
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
