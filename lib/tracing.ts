// OpenTelemetry traces with one trace id end to end: the gateway's request and its subgraph
// fetches, each subgraph's HTTP requests and GraphQL operations, calls between subgraphs, Prisma's
// SQL, the outbox relay, event consumers and recurring jobs. Off unless an OTLP endpoint is set
// (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT); while off, none of the SDK is
// loaded and every helper here just runs its function. Tests start it with an in-memory exporter.
// While it is on, the request scope's trace id (logs, events) is the active span's.
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  createContextKey,
  propagation,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
  type SpanOptions,
  type Tracer,
  type TracerProvider,
} from '@opentelemetry/api';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ReadableSpan, Span as SdkSpan, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE, ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { currentScope, traceparentFor } from './request-scope.js';

/** Attributes of our own spans that the semantic conventions' stable set does not name yet. */
export const ATTR = {
  graphqlOperationName: 'graphql.operation.name',
  graphqlOperationType: 'graphql.operation.type',
  peerService: 'peer.service',
  messagingSystem: 'messaging.system',
  messagingOperationType: 'messaging.operation.type',
  messagingDestination: 'messaging.destination.name',
  messagingMessageId: 'messaging.message.id',
  messagingConsumerGroup: 'messaging.consumer.group.name',
  eventType: 'commerce.event.type',
  aggregateId: 'commerce.event.aggregate_id',
  /** Marks the root span of a recurring job's run. */
  jobQueue: 'commerce.job.queue',
  /** What a run returned when it was a number: how many things it did. */
  jobResult: 'commerce.job.result',
} as const;

/** The service (gateway, catalog, …) a span belongs to: its resource's service.name. */
const SERVICE = createContextKey('commerce service');
/** The span of the GraphQL operation a subgraph is serving, named once the operation is known. */
const OPERATION = createContextKey('commerce graphql operation span');

const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

let tracer: Tracer | null = null;

export const tracingOn = (): boolean => tracer !== null;

export interface Tracing {
  /** Exports what is still buffered and turns tracing off. */
  shutdown(): Promise<void>;
}

/**
 * Turns tracing on when an OTLP endpoint is configured (or `exporter` is given, as tests do) and
 * returns its handle; otherwise leaves it off, loading none of the SDK, and returns null. Spans are
 * exported in batches over OTLP (http/protobuf; the exporter reads the OTEL_EXPORTER_OTLP_*
 * settings), or at once to `exporter`. Each service's spans carry its name as service.name
 * (OTEL_SERVICE_NAME, when set, names them all); spans outside any service carry `service`.
 */
export async function startTracing(options: { env?: Record<string, string | undefined>; exporter?: SpanExporter; service?: string } = {}): Promise<Tracing | null> {
  const env = options.env ?? process.env;
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!options.exporter && (!endpoint || env.OTEL_SDK_DISABLED === 'true')) return null;
  if (tracer) throw new Error('tracing is already on');
  const [{ AsyncLocalStorageContextManager }, { W3CTraceContextPropagator }, { defaultResource, detectResources, envDetector, resourceFromAttributes }, sdk, { PrismaInstrumentation }] =
    await Promise.all([
      import('@opentelemetry/context-async-hooks'),
      import('@opentelemetry/core'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/sdk-trace-base'),
      import('@prisma/instrumentation'),
    ]);
  const exporter = options.exporter ?? new (await import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter();
  const processor = new IdleJobRunFilter(options.exporter ? new sdk.SimpleSpanProcessor(exporter) : new sdk.BatchSpanProcessor(exporter));
  const fromEnv = detectResources({ detectors: [envDetector] });
  const providers = new Map<string, TracerProvider>();
  const providerOf = (service: string) => {
    let provider = providers.get(service);
    if (!provider) {
      const resource = defaultResource().merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: service })).merge(fromEnv);
      provider = new sdk.BasicTracerProvider({ resource, spanProcessors: [processor] });
      providers.set(service, provider);
    }
    return provider;
  };
  const fallback = options.service ?? 'commerce';
  const provider = new ServiceTracerProvider((ctx) => providerOf((ctx.getValue(SERVICE) as string | undefined) ?? fallback));
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  // Prisma's client (its query compiler over the driver adapter too) makes its spans through the
  // helper this puts on globalThis: operation, compile, db_query with the SQL, transactions.
  // Serializing the result is CPU work too small to be worth a span per query.
  const prisma = new PrismaInstrumentation({ ignoreSpanTypes: ['prisma:client:serialize'] });
  prisma.setTracerProvider(provider);
  prisma.enable();
  tracer = provider.getTracer('commerce');
  return {
    async shutdown() {
      tracer = null;
      prisma.disable();
      await processor.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

/**
 * A tracer per service in one process (in development every service runs in one): each span goes
 * to the provider of the service in its parent context, so its resource names that service.
 */
class ServiceTracerProvider implements TracerProvider {
  constructor(private readonly providerOf: (ctx: Context) => TracerProvider) {}

  getTracer(name: string, version?: string, options?: { schemaUrl?: string }): Tracer {
    return new ServiceTracer((ctx) => this.providerOf(ctx).getTracer(name, version, options));
  }
}

class ServiceTracer implements Tracer {
  constructor(private readonly tracerOf: (ctx: Context) => Tracer) {}

  startSpan(name: string, options?: SpanOptions, ctx: Context = context.active()): Span {
    return this.tracerOf(ctx).startSpan(name, options, ctx);
  }

  startActiveSpan<F extends (span: Span) => unknown>(name: string, fn: F): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(name: string, options: SpanOptions, fn: F): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(name: string, options: SpanOptions, ctx: Context, fn: F): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(name: string, ...args: unknown[]): ReturnType<F> {
    const fn = args.at(-1) as F;
    const options = args.length > 1 ? (args[0] as SpanOptions) : undefined;
    const parent = args.length > 2 ? (args[1] as Context) : context.active();
    const span = this.startSpan(name, options, parent);
    return context.with(trace.setSpan(parent, span), () => fn(span)) as ReturnType<F>;
  }
}

/**
 * Holds the spans of each recurring job's run until the run ends, and drops them all when it did
 * nothing (returned 0): an outbox relay polling every 500 ms per context would otherwise be most
 * of what is exported. Runs that did something, or return no count, are exported whole.
 */
class IdleJobRunFilter implements SpanProcessor {
  private readonly runs = new Map<string, ReadableSpan[]>();

  constructor(private readonly next: SpanProcessor) {}

  onStart(span: SdkSpan, parent: Context): void {
    if (!span.parentSpanContext && span.attributes[ATTR.jobQueue] !== undefined) this.runs.set(span.spanContext().traceId, []);
    this.next.onStart(span, parent);
  }

  onEnd(span: ReadableSpan): void {
    const { traceId } = span.spanContext();
    const held = this.runs.get(traceId);
    if (!held) return this.next.onEnd(span);
    if (span.parentSpanContext) {
      held.push(span);
      return;
    }
    this.runs.delete(traceId);
    if (span.attributes[ATTR.jobResult] === 0) return;
    for (const child of held) this.next.onEnd(child);
    this.next.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}

export interface SpanSpec {
  kind?: SpanKind;
  attributes?: Attributes;
  links?: Link[];
  /** The parent context (see `newTrace`, `continuedTrace`); the active one when not given. Only called when tracing is on. */
  parent?: () => Context;
}

/**
 * Runs `fn` in a new active span that ends when it settles, recording a thrown error; when tracing
 * is off, just runs `fn` (with no span).
 */
export function inSpan<T>(name: string, spec: SpanSpec, fn: (span: Span | undefined) => Promise<T>): Promise<T> {
  if (!tracer) return fn(undefined);
  const options: SpanOptions = { kind: spec.kind, attributes: spec.attributes, links: spec.links };
  return tracer.startActiveSpan(name, options, spec.parent?.() ?? context.active(), async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      failed(span, err);
      throw err;
    } finally {
      span.end();
    }
  });
}

function failed(span: Span, err: unknown): void {
  const error = err instanceof Error ? err : new Error(String(err));
  span.recordException(error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
}

/** A context that starts a new trace in `service`. */
export const newTrace = (service?: string): Context => (service ? ROOT_CONTEXT.setValue(SERVICE, service) : ROOT_CONTEXT);

/** A context that continues the trace a W3C traceparent names (a new one when it names none), in `service`. */
export const continuedTrace = (traceparent: string | undefined, service?: string): Context =>
  traceparent ? propagation.extract(newTrace(service), { traceparent }) : newTrace(service);

/** The active span's trace id while tracing is on; undefined when it is off. */
export function activeTraceId(): string | undefined {
  return tracer ? trace.getSpanContext(context.active())?.traceId : undefined;
}

/**
 * The W3C trace context headers for a call made now: the active span's while tracing is on, else a
 * traceparent with `traceId` (by default the request scope's), so that the callee's logs carry it.
 */
export function traceHeaders(traceId: string | undefined = currentScope()?.traceId): Record<string, string> {
  if (tracer) {
    const headers: Record<string, string> = {};
    propagation.inject(context.active(), headers);
    if (headers.traceparent) return headers;
  }
  return traceId ? { traceparent: traceparentFor(traceId) } : {};
}

/**
 * Serves one HTTP request in `service`: while tracing is on, in a SERVER span continuing the
 * caller's traceparent (health and metrics requests have none). `next` is handed the request's
 * trace id: the span's, or undefined when there is no span.
 */
export function traceHttpRequest(service: string, req: IncomingMessage & { path: string }, res: ServerResponse, next: (traceId: string | undefined) => void): void {
  if (!tracer || UNTRACED_PATHS.has(req.path)) return next(undefined);
  const parent = propagation.extract(newTrace(service), req.headers);
  const method = req.method ?? 'GET';
  const span = tracer.startSpan(`${method} ${req.path}`, { kind: SpanKind.SERVER, attributes: { [ATTR_HTTP_REQUEST_METHOD]: method } }, parent);
  res.once('close', () => {
    span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
    // A path nothing serves is not a route: one name for all of them.
    if (res.statusCode === 404) span.updateName(method);
    else span.setAttribute(ATTR_HTTP_ROUTE, req.path);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(trace.setSpan(parent, span), () => next(span.spanContext().traceId));
}

/**
 * Express middleware before a subgraph's GraphQL handler: the request runs in a span of its own,
 * which graphqlOperationPlugin names after the operation once it is known.
 */
export function traceGraphQLOperation(_req: IncomingMessage, res: ServerResponse, next: () => void): void {
  if (!tracer) return next();
  const span = tracer.startSpan('graphql');
  res.once('close', () => span.end());
  const active = context.active();
  context.with(trace.setSpan(active, span).setValue(OPERATION, span), next);
}

/** Names the span traceGraphQLOperation started `<type> <name>` (`<type>` when anonymous), and marks it failed when the operation has errors. */
export function graphqlOperationPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const span = context.active().getValue(OPERATION) as Span | undefined;
      if (!span) return;
      return {
        async didResolveOperation({ operation, operationName }) {
          const type = operation?.operation ?? 'query';
          span.updateName(operationName ? `${type} ${operationName}` : type);
          span.setAttribute(ATTR.graphqlOperationType, type);
          if (operationName) span.setAttribute(ATTR.graphqlOperationName, operationName);
        },
        async didEncounterErrors({ errors }) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: errors[0]?.message });
        },
      };
    },
  };
}

/**
 * The trace to store with events recorded now: while tracing is on, the traceparent of the span
 * recording them (so their publication continues that trace); else the request's trace id.
 */
export function traceToRecord(): string | null {
  if (tracer) {
    const { traceparent } = traceHeaders();
    if (traceparent) return traceparent;
  }
  return currentScope()?.traceId ?? null;
}

export interface Publication {
  /** What the stream entry carries for its consumers: the publishing span's traceparent (tracing on). */
  traceparent?: string;
  end(error?: unknown): void;
}

/**
 * Starts the PRODUCER span of publishing one event to `stream`: a child of the span that recorded
 * it (from the stored traceparent), so the event's trace goes on past the relay, and linked to the
 * relay's run, which is a trace of its own. An event stored without a traceparent is published in
 * the relay's trace.
 */
export function startPublication(event: { id: string; type: string; aggregateId: string; recordedTrace: string | null }, stream: string): Publication {
  if (!tracer) return { end() {} };
  const active = context.active();
  const run = trace.getSpanContext(active);
  const recorded = event.recordedTrace ? trace.getSpanContext(propagation.extract(ROOT_CONTEXT, { traceparent: event.recordedTrace })) : undefined;
  const span = tracer.startSpan(
    `publish ${event.type}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        [ATTR.messagingSystem]: 'redis',
        [ATTR.messagingOperationType]: 'send',
        [ATTR.messagingDestination]: stream,
        [ATTR.messagingMessageId]: event.id,
        [ATTR.eventType]: event.type,
        [ATTR.aggregateId]: event.aggregateId,
      },
      links: recorded && run ? [{ context: run }] : [],
    },
    recorded ? trace.setSpanContext(active, recorded) : active,
  );
  const headers: Record<string, string> = {};
  propagation.inject(trace.setSpan(active, span), headers);
  return {
    traceparent: headers.traceparent,
    end(error) {
      if (error) failed(span, error);
      span.end();
    },
  };
}
