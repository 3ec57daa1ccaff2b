import { AsyncLocalStorage } from 'node:async_hooks';
import { randomFillSync, randomUUID } from 'node:crypto';

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
  return traceparent?.match(TRACEPARENT)?.[1] ?? randomHex(16);
}

/** The trace id a stored trace names: the one in a traceparent, or the value itself when it is a bare trace id. */
export function traceIdIn(trace: string): string {
  return trace.match(TRACEPARENT)?.[1] ?? trace;
}

export function traceparentFor(traceId: string): string {
  return `00-${traceId}-${randomHex(8)}-01`;
}

/**
 * Random bytes as hex, drawn from a pool filled 4 KiB at a time, as randomUUID does: a
 * randomBytes call per trace and span id was about 2 % of the gateway's CPU on small requests.
 */
const pool = Buffer.alloc(4096);
let drawn = pool.length;
function randomHex(bytes: number): string {
  if (drawn + bytes > pool.length) {
    randomFillSync(pool);
    drawn = 0;
  }
  drawn += bytes;
  return pool.toString('hex', drawn - bytes, drawn);
}

export function newRequestId(incoming: string | undefined): string {
  return incoming && /^[\w.:-]{1,100}$/.test(incoming) ? incoming : randomUUID();
}
