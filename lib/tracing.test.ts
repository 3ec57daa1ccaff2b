// Tracing at the HTTP and subgraph-call boundaries, off (no OTLP endpoint) and on (an in-memory
// exporter); the whole journey across contexts is test/checkout-tracing.test.ts.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpService } from './http-service.js';
import { currentScope, runInScope } from './request-scope.js';
import { SubgraphUnavailable, subgraphCall } from './subgraph-client.js';
import { ATTR, inSpan, newTrace, startTracing, tracingOn, type Tracing } from './tracing.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE}-${CALLER_SPAN}-01`;

/** An HTTP service whose /probe answers the request scope's trace id (what logs carry) and the active span's. */
async function probeService() {
  const http = createHttpService({ service: 'probe', log: pino({ level: 'silent' }), registry: new Registry(), readiness: {} });
  http.app.get('/probe', (_req, res) => {
    res.json({ scope: currentScope()?.traceId, span: trace.getActiveSpan()?.spanContext().traceId ?? null });
  });
  const port = await http.listen(0, '127.0.0.1');
  const get = async (path: string, headers: Record<string, string> = {}) => (await fetch(`http://127.0.0.1:${port}${path}`, { headers })).json() as Promise<{ scope?: string; span: string | null }>;
  return { get, close: () => http.close(1000) };
}

/** A stand-in subgraph that keeps the traceparent of each call and answers `body`. */
async function fakeSubgraph(body: unknown = { data: { done: true } }) {
  const traceparents: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    traceparents.push(req.headers.traceparent as string | undefined);
    req.resume();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const call = subgraphCall({ name: 'cart', url: () => url, token: async () => 'service-token' });
  return { call, traceparents, close: () => new Promise((resolve) => server.close(resolve)) };
}

const BEGIN = 'mutation BeginCartCheckout($cartId: ID!) { beginCartCheckout(cartId: $cartId) { done } }';

describe('with no OTLP endpoint, tracing is off', () => {
  it('stays off and runs everything as it is, with no span', async () => {
    expect(await startTracing({ env: {} })).toBeNull();
    expect(await startTracing({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SDK_DISABLED: 'true' } })).toBeNull();
    expect(tracingOn()).toBe(false);
    expect(await inSpan('anything', {}, async (span) => span)).toBeUndefined();
  });

  it('keeps the caller’s trace id in the request scope', async () => {
    const probe = await probeService();
    try {
      expect(await probe.get('/probe', { traceparent: TRACEPARENT })).toEqual({ scope: TRACE, span: null });
      expect((await probe.get('/probe')).scope).toMatch(/^[\da-f]{32}$/);
    } finally {
      await probe.close();
    }
  });

  it('sends the request’s trace id on to the subgraphs it calls', async () => {
    const subgraph = await fakeSubgraph();
    try {
      await runInScope({ requestId: 'r-1', traceId: TRACE }, () => subgraph.call(BEGIN, { cartId: 'c' }));
      expect(subgraph.traceparents).toEqual([expect.stringMatching(new RegExp(`^00-${TRACE}-[\\da-f]{16}-01$`))]);
    } finally {
      await subgraph.close();
    }
  });
});

describe('with tracing on', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;

  beforeAll(async () => {
    tracing = (await startTracing({ exporter, service: 'tests' }))!;
  });
  afterAll(() => tracing?.shutdown());
  beforeEach(() => exporter.reset());

  const spans = () => exporter.getFinishedSpans();
  const serviceOf = (span: { resource: { attributes: Record<string, unknown> } }) => span.resource.attributes['service.name'];

  it('serves a request in a SERVER span continuing the caller’s trace, whose trace id the request scope carries', async () => {
    const probe = await probeService();
    try {
      expect(await probe.get('/probe', { traceparent: TRACEPARENT })).toEqual({ scope: TRACE, span: TRACE });
    } finally {
      await probe.close();
    }
    const [server] = spans();
    expect(spans()).toHaveLength(1);
    expect(server).toMatchObject({ name: 'GET /probe', kind: SpanKind.SERVER, parentSpanContext: { traceId: TRACE, spanId: CALLER_SPAN } });
    expect(server!.attributes).toMatchObject({ 'http.request.method': 'GET', 'http.route': '/probe', 'http.response.status_code': 200 });
    expect(serviceOf(server!)).toBe('probe');
  });

  it('starts a trace for a request that brings none, and leaves health and metrics requests out', async () => {
    const probe = await probeService();
    try {
      const { scope, span } = await probe.get('/probe');
      expect(scope).toMatch(/^[\da-f]{32}$/);
      expect(span).toBe(scope);
      await probe.get('/healthz');
    } finally {
      await probe.close();
    }
    expect(spans().map((s) => s.name)).toEqual(['GET /probe']);
  });

  it('calls another subgraph from a CLIENT span named after the operation, passing that span on as the parent', async () => {
    const subgraph = await fakeSubgraph();
    try {
      await inSpan('checkout', { parent: () => newTrace('order') }, () => subgraph.call(BEGIN, { cartId: 'c' }));
    } finally {
      await subgraph.close();
    }
    const client = spans().find((s) => s.kind === SpanKind.CLIENT)!;
    expect(client).toMatchObject({ name: 'mutation BeginCartCheckout', attributes: { 'peer.service': 'cart', 'graphql.operation.type': 'mutation', 'graphql.operation.name': 'BeginCartCheckout', 'http.response.status_code': 200 } });
    expect(serviceOf(client)).toBe('order');
    const { traceId, spanId } = client.spanContext();
    expect(subgraph.traceparents).toEqual([`00-${traceId}-${spanId}-01`]);
  });

  it('marks the CLIENT span of a call that failed', async () => {
    const subgraph = await fakeSubgraph({ errors: [{ message: 'boom' }] });
    try {
      await expect(subgraph.call(BEGIN, { cartId: 'c' })).rejects.toBeInstanceOf(SubgraphUnavailable);
    } finally {
      await subgraph.close();
    }
    expect(spans()[0]).toMatchObject({ name: 'mutation BeginCartCheckout', status: { code: SpanStatusCode.ERROR, message: expect.stringMatching(/boom/) } });
  });

  it('exports a recurring job’s run, with what it did inside, only when the run did something', async () => {
    const run = (result: number) =>
      inSpan('process order-outbox-relay', { kind: SpanKind.CONSUMER, parent: () => newTrace('order'), attributes: { [ATTR.jobQueue]: 'order-outbox-relay' } }, async (span) => {
        await inSpan('prisma:client:db_query', {}, async () => undefined);
        span?.setAttribute(ATTR.jobResult, result);
      });
    await run(0);
    expect(spans()).toEqual([]);
    await run(3);
    expect(spans().map((s) => s.name)).toEqual(['prisma:client:db_query', 'process order-outbox-relay']);
  });
});
