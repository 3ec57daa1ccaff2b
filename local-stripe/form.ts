// Stripe's v1 API takes parameters as application/x-www-form-urlencoded pairs with bracketed
// keys (`metadata[order_id]=42`, `expand[0]=latest_charge`, `expand[]=customer`), in the body
// of a POST and in the query string of a GET. The official SDKs send exactly that (never JSON);
// Stripe.js and curl send `key[]=` lists. This turns such a string into nested plain values.

/** A decoded parameter: text, a list (`a[]=`) or an object of further parameters. */
export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    // A stray % is kept as typed rather than failing the whole request.
    return text.replace(/\+/g, ' ');
  }
}

/** `a[b][0][]` → ['a', 'b', '0', '']; a key without brackets is one segment. */
function keySegments(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0) return [key];
  const segments = [key.slice(0, open)];
  const pattern = /\[([^\]]*)\]/g;
  let match: RegExpExecArray | null;
  let end = open;
  while ((match = pattern.exec(key)) !== null) {
    if (match.index !== end) break;
    segments.push(match[1] ?? '');
    end = pattern.lastIndex;
  }
  // Text after the last bracket (`a[b]c`) is not Stripe's syntax: keep the key whole.
  return end === key.length ? segments : [key];
}

function assignInList(list: FormValue[], segments: string[], value: string): void {
  if (segments.length === 0) {
    list.push(value);
    return;
  }
  // `a[][b]=1&a[][c]=2&a[][b]=3` starts a new element each time a key repeats, as qs does.
  const last = list[list.length - 1];
  const reuse = last !== undefined && typeof last === 'object' && !Array.isArray(last) && !((segments[0] as string) in last);
  const element: FormObject = reuse ? (last as FormObject) : {};
  if (!reuse) list.push(element);
  assignInObject(element, segments, value);
}

function assignInObject(target: FormObject, segments: string[], value: string): void {
  const [head, ...rest] = segments as [string, ...string[]];
  // `__proto__[x]=1` would reach Object.prototype: no Stripe parameter has that name.
  if (head === '__proto__') return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const child = Object.hasOwn(target, head) ? target[head] : undefined;
  if (rest[0] === '') {
    const list = Array.isArray(child) ? child : [];
    target[head] = list;
    assignInList(list, rest.slice(1), value);
    return;
  }
  const object = child !== undefined && typeof child === 'object' && !Array.isArray(child) ? child : {};
  target[head] = object;
  assignInObject(object, rest, value);
}

/** Decodes `a=1&b[c]=2&d[]=3&d[]=4` into `{ a: '1', b: { c: '2' }, d: ['3', '4'] }`. */
export function decodeForm(text: string): FormObject {
  const result: FormObject = {};
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decodeComponent(pair.slice(eq + 1));
    if (key === '') continue;
    assignInObject(result, keySegments(key), value);
  }
  return result;
}

/**
 * A list parameter as a JS array, however it was sent: `x[]=a&x[]=b` (a list already) or the
 * SDK's indexed `x[0]=a&x[1]=b` (an object with numeric keys, kept as one until a list is asked
 * for, so that `metadata[0]=…` stays an object).
 */
export function asList(value: FormValue | undefined): FormValue[] | null {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return value === '' ? [] : null;
  const keys = Object.keys(value);
  if (!keys.every((k) => /^\d+$/.test(k))) return null;
  return keys.sort((a, b) => Number(a) - Number(b)).map((k) => value[k] as FormValue);
}
