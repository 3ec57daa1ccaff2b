// Reading an endpoint's parameters the way Stripe checks them: unknown names are refused
// (parameter_unknown), required ones must be there (parameter_missing), integers and booleans are
// parsed from their form text, and an empty value means "unset" (null).
import { fail } from './errors.js';
import { asList, type FormObject, type FormValue } from './form.js';

/** Parameters any endpoint takes besides its own. */
const ALWAYS_ALLOWED = ['expand'];

const describe = (value: FormValue): string => (typeof value === 'string' ? value : JSON.stringify(value));

export class Params {
  constructor(
    readonly raw: FormObject,
    allowed: readonly string[],
  ) {
    for (const name of Object.keys(raw)) {
      if (!allowed.includes(name) && !ALWAYS_ALLOWED.includes(name)) throw fail.unknownParam(name);
    }
  }

  has(name: string): boolean {
    return this.raw[name] !== undefined;
  }

  /** Text, or null when absent or sent empty. */
  string(name: string): string | null {
    const value = this.raw[name];
    if (value === undefined || value === '') return null;
    if (typeof value !== 'string') throw fail.invalidParam(name, `Invalid string: ${describe(value)}`);
    return value;
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === null) throw fail.missingParam(name);
    return value;
  }

  integer(name: string): number | null {
    const text = this.string(name);
    if (text === null) return null;
    if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw fail.invalidInteger(name, text);
    return Number(text);
  }

  requiredInteger(name: string): number {
    const value = this.integer(name);
    if (value === null) throw fail.missingParam(name);
    return value;
  }

  boolean(name: string): boolean | null {
    const text = this.string(name);
    if (text === null) return null;
    if (text === 'true') return true;
    if (text === 'false') return false;
    throw fail.invalidParam(name, `Invalid boolean: ${text}`);
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T | null {
    const text = this.string(name);
    if (text === null) return null;
    if (!(values as readonly string[]).includes(text)) {
      const choices = values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}` : values[0];
      throw fail.invalidParam(name, `Invalid ${name}: must be one of ${choices}`);
    }
    return text as T;
  }

  /** A nested object parameter (`automatic_payment_methods[enabled]=true`) with its own allowed keys. */
  object(name: string, allowed: readonly string[]): Params | null {
    const value = this.raw[name];
    if (value === undefined || value === '') return null;
    if (typeof value !== 'object' || Array.isArray(value)) throw fail.invalidParam(name, `Invalid object: ${describe(value)}`);
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) throw fail.unknownParam(`${name}[${key}]`);
    }
    return new Params(value, allowed);
  }

  list(name: string): string[] | null {
    const value = this.raw[name];
    if (value === undefined) return null;
    const list = asList(value);
    if (list === null || !list.every((v): v is string => typeof v === 'string')) throw fail.invalidParam(name, `Invalid array`);
    return list;
  }

  expand(): string[] {
    return this.list('expand') ?? [];
  }

  /**
   * Metadata as Stripe keeps it: up to 50 keys of at most 40 characters, values of at most 500;
   * an empty value removes its key and `metadata=` removes them all.
   */
  metadata(current: Record<string, string> = {}): Record<string, string> | null {
    const value = this.raw.metadata;
    if (value === undefined) return null;
    if (value === '') return {};
    if (typeof value !== 'object' || Array.isArray(value)) throw fail.invalidParam('metadata', 'Invalid hash');
    const next = { ...current };
    for (const [key, entry] of Object.entries(value)) {
      if (typeof entry !== 'string') throw fail.invalidParam(`metadata[${key}]`, `Invalid string: ${describe(entry)}`);
      if (key.length > 40) throw fail.invalidParam(`metadata[${key}]`, `Metadata keys can have up to 40 characters; "${key}" has ${key.length}.`);
      if (entry.length > 500) throw fail.invalidParam(`metadata[${key}]`, `Metadata values can have up to 500 characters, but you passed in a value that is ${entry.length} characters.`);
      if (entry === '') delete next[key];
      else next[key] = entry;
    }
    if (Object.keys(next).length > 50) throw fail.invalidParam('metadata', 'You can have up to 50 metadata keys.');
    return next;
  }
}

/** Parameters in a fixed order, so that the same parameters compare equal however they were sent (`x[]` or `x[0]`). */
export function canonical(value: FormValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  const list = asList(value);
  if (list !== null) return `[${list.map(canonical).join(',')}]`;
  const object = value as FormObject;
  const keys = Object.keys(object).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(object[k] as FormValue)}`).join(',')}}`;
}

/** A list as Stripe answers one (https://docs.stripe.com/api/pagination). */
export interface ListObject<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/** One page of `newestFirst` by the list parameters `limit`, `starting_after` and `ending_before`. */
export function pageOf<T extends { id: string }>(newestFirst: T[], p: Params, url: string): ListObject<T> {
  const limit = p.integer('limit') ?? 10;
  if (limit < 1 || limit > 100) throw fail.invalidParam('limit', 'This value must be between 1 and 100.');
  const position = (param: string) => {
    const id = p.string(param);
    if (id === null) return null;
    const index = newestFirst.findIndex((item) => item.id === id);
    if (index === -1) throw fail.invalidParam(param, `No such object: '${id}'`, 'resource_missing');
    return index;
  };
  const after = position('starting_after');
  const before = position('ending_before');
  if (before !== null) {
    const earlier = newestFirst.slice(0, before);
    return { object: 'list', data: earlier.slice(-limit), has_more: earlier.length > limit, url };
  }
  const rest = after === null ? newestFirst : newestFirst.slice(after + 1);
  return { object: 'list', data: rest.slice(0, limit), has_more: rest.length > limit, url };
}
