import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';

/** What every log line and outbox event of one request carries. */
export interface RequestScope {
  requestId: string;
  traceId: string;
  personId?: string;
  orderId?: string;
  /** Who the writes are by, as the version history records it (lib/versions.ts): `person:<id>`, `service:<name>`, `system:<job>`, `anonymous`. */
  actor?: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Binds a field (e.g. the order id once it is known) to the rest of this request's logs. */
export function bindToScope(fields: Partial<Pick<RequestScope, 'personId' | 'orderId' | 'actor'>>): void {
  const scope = storage.getStore();
  if (scope) Object.assign(scope, fields);
}

const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;

/** Trace id from a W3C traceparent header, or a new one. */
export function traceIdFrom(traceparent: string | undefined): string {
  return traceparent?.match(TRACEPARENT)?.[1] ?? randomBytes(16).toString('hex');
}

/** The trace id a stored trace names: the one in a traceparent, or the value itself when it is a bare trace id. */
export function traceIdIn(trace: string): string {
  return trace.match(TRACEPARENT)?.[1] ?? trace;
}

export function traceparentFor(traceId: string): string {
  return `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
}

export function newRequestId(incoming: string | undefined): string {
  return incoming && /^[\w.:-]{1,100}$/.test(incoming) ? incoming : randomUUID();
}
