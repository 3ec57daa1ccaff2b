import { IncomingMessage, ServerResponse, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { Registry } from 'prom-client';
import type { Logger } from './logger.js';
import { newRequestId, runInScope, traceIdFrom } from './request-scope.js';
import { withTimeout } from './time.js';
import { traceHttpRequest } from './tracing.js';

export type ReadinessCheck = () => Promise<unknown>;

export interface HttpService {
  app: Express;
  server: Server;
  listen(port: number, host?: string): Promise<number>;
  close(timeoutMs: number): Promise<void>;
}

/**
 * What an error that escaped a route answers: a body the parser refused (too large, not JSON) is
 * the client's fault and says so with its status; anything else is a 500 that names nothing
 * inside, logged here. Both in the GraphQL response shape, so that clients read one format.
 */
function jsonErrors(log: Logger): ErrorRequestHandler {
  return (err: { status?: number; statusCode?: number; type?: string; expose?: boolean; message?: string }, _req, res, next) => {
    if (res.headersSent) return next(err);
    const status = err.status ?? err.statusCode ?? 500;
    if (status >= 500) log.error({ err }, 'request failed');
    const client = status >= 400 && status < 500 && err.expose !== false;
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : client ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    res.status(client ? status : 500).json({ errors: [{ message: client ? (err.message ?? 'Bad request') : 'Internal server error', extensions: { code } }] });
  };
}

/**
 * Node's request and response constructors, making objects born with Express's prototypes. Express
 * otherwise swaps the prototype of every request and response it handles (Object.setPrototypeOf),
 * and V8 then keeps each request's whole object graph through every young-generation collection
 * until a full one. A bare Express route answered 8,900 requests a second and each scavenge copied
 * 6 to 12 MB; with objects born with the prototype (Express's swap is then a no-op), 21,800 and a
 * few KB. They must be constructed by Node's own function on the object itself (`call`), not by
 * Reflect.construct, whose objects V8 treats as the swapped ones. Node's are plain functions
 * today; were they classes, Node's own are used.
 */
function expressClasses(app: Express): { IncomingMessage?: typeof IncomingMessage; ServerResponse?: typeof ServerResponse } {
  const isClass = (f: unknown) => /^class\b/.test(Function.prototype.toString.call(f));
  if (isClass(IncomingMessage) || isClass(ServerResponse)) return {};
  return { IncomingMessage: bornWith(IncomingMessage, app.request), ServerResponse: bornWith(ServerResponse, app.response) };
}

/** A constructor running Node's `base` on objects whose prototype is `prototype`. */
function bornWith<T>(base: T, prototype: object): T {
  const born = function (this: object, ...args: unknown[]) {
    (base as unknown as (...a: unknown[]) => void).apply(this, args);
  };
  born.prototype = prototype;
  return born as unknown as T;
}

/**
 * The HTTP shell every service shares: request id and trace id scope (and while tracing is on, a
 * span per request: lib/tracing.ts), /healthz (the process is up), /readyz (its dependencies
 * answer), /metrics (Prometheus). The caller mounts /graphql.
 */
export function createHttpService(options: {
  /** The service's name (gateway, catalog, …). */
  service: string;
  log: Logger;
  registry: Registry;
  readiness: Record<string, ReadinessCheck>;
}): HttpService {
  const { log, registry, readiness } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((req, res, next) => {
    const requestId = newRequestId(req.header('x-request-id'));
    res.setHeader('x-request-id', requestId);
    traceHttpRequest(options.service, req, res, (spanTraceId) => {
      runInScope({ requestId, traceId: spanTraceId ?? traceIdFrom(req.header('traceparent')) }, next);
    });
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      Object.entries(readiness).map(async ([name, check]) => {
        try {
          await withTimeout(check(), 2000, 'timed out after 2000 ms');
          return [name, 'ok'] as const;
        } catch (err) {
          log.warn({ err, dependency: name }, 'readiness check failed');
          return [name, (err as Error).message] as const;
        }
      }),
    );
    const ready = results.every(([, status]) => status === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results) });
  });
  app.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', registry.contentType);
    res.send(await registry.metrics());
  });
  const server = createServer(expressClasses(app));
  server.keepAliveTimeout = 65_000;
  // Once closing, every answer says `Connection: close`, those in flight at the signal included:
  // a client then opens a new connection for its next request (and finds the port closed) instead
  // of sending it on a kept-alive one just as the server closes that, which loses it unread.
  let closing = false;
  const inFlight = new Set<ServerResponse>();
  const lastOnConnection = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('connection', 'close');
  };
  server.on('request', (_req, res: ServerResponse) => {
    if (closing) return lastOnConnection(res);
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });
  server.on('request', app);
  return {
    app,
    server,
    listen(port, host = '0.0.0.0') {
      // Last, after every route the caller mounted: errors answer as JSON, never Express's HTML page.
      app.use(jsonErrors(log));
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      });
    },
    async close(timeoutMs) {
      if (!server.listening) return;
      closing = true;
      inFlight.forEach(lastOnConnection);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections become idle only when their in-flight request ends: close them as
      // they do, and cut whatever is still open at the deadline.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
      server.closeIdleConnections();
      await closed;
      clearInterval(sweep);
      clearTimeout(deadline);
    },
  };
}
