import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { randomBytes, randomUUID } from 'node:crypto';
import { hasRole, type ServiceKeys, type Viewer } from '../lib/auth.js';
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_SIGNATURE_HEADER, callerAddress, signClientAddress } from '../lib/client-address.js';
import { readSettings } from '../lib/config.js';
import { maskErrors } from '../lib/errors.js';
import { createHttpService } from '../lib/http-service.js';
import { createLogger } from '../lib/logger.js';
import { createRegistry, graphqlMetricsPlugin, outcomeOf, subgraphFetchMetrics, type Outcome } from '../lib/metrics.js';
import { bindToScope, currentScope } from '../lib/request-scope.js';
import { SERVICE_TOKEN_HEADER, serviceCredential } from '../lib/service-gate.js';
import type { Runtime, RunningService } from '../lib/runtime.js';
import type { SubgraphName } from '../lib/subgraph-names.js';
import { traceHeaders } from '../lib/tracing.js';
import { POSSIBLE_TYPES_PATH, SUPERGRAPH_PATH } from './composition.js';
import { gatewaySettings } from './config.js';
import { costLimit, documentLimits } from '../lib/query-limits.js';
import { PERSISTED_QUERY_TTL_SECONDS, redisKeyValueCache } from './persisted-queries.js';
import { sharedResponseCache } from './response-cache.js';
import { directAnswers } from './direct-answers.js';
import { sharedScalarParsing } from './scalars.js';
import { subgraphFetcher } from './subgraph-fetcher.js';
import { costDirectivesFrom } from '../lib/query-cost.js';
import { forwardPaymentWebhooks } from './webhooks.js';
import { mountStorefront } from './storefront.js';
import { serveSubscriptions, type RunOperation } from './subscriptions/server.js';
import { eventStream } from '../lib/outbox.js';

export interface GatewayContext {
  authorization?: string;
  viewer: Viewer | null;
  requestId: string;
  traceId: string;
  /** Where the request came from (lib/client-address.ts). */
  clientAddress: string | null;
}

/**
 * Sends the gateway's own service token (subgraphs answer only the gateway and peers:
 * lib/service-gate.ts), the caller's token (subgraphs verify it themselves), the request id, the
 * trace and the caller's address, signed so that subgraphs can trust it; times each fetch of a
 * client's operation when given `timeFetch`.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly credential: () => Promise<string>;

  constructor(
    config: { url: string },
    private readonly keys: ServiceKeys,
    private readonly timeFetch?: (operationName: string) => (outcome: Outcome) => void,
  ) {
    // undici's request() (subgraph-fetcher.ts) rather than Apollo's default make-fetch-happen, whose
    // HTTP-cache and agent layers it never needs (a subgraph's answers are not HTTP-cached here).
    super({ ...config, fetcher: subgraphFetcher });
    this.credential = serviceCredential(keys.serviceSecret, 'gateway');
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    // Only a client's operation has one; health checks and schema loads are not timed.
    if (!this.timeFetch || !('incomingRequestContext' in options)) return super.process(options);
    const done = this.timeFetch(options.incomingRequestContext.operationName ?? 'anonymous');
    try {
      const response = await super.process(options);
      done(outcomeOf(response.errors));
      return response;
    } catch (err) {
      done('error');
      throw err;
    }
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const headers = request.http?.headers;
    if (!headers) return;
    headers.set(SERVICE_TOKEN_HEADER, await this.credential());
    if (!('requestId' in context)) return;
    if (context.authorization) headers.set('authorization', context.authorization);
    headers.set('x-request-id', context.requestId);
    // While tracing is on, Apollo Gateway's gateway.fetch span is the subgraph request's parent.
    for (const [name, value] of Object.entries(traceHeaders(context.traceId))) headers.set(name, value);
    if (context.clientAddress) {
      headers.set(CLIENT_ADDRESS_HEADER, context.clientAddress);
      headers.set(CLIENT_ADDRESS_SIGNATURE_HEADER, signClientAddress(this.keys.clientAddressKey, context.clientAddress));
    }
  }
}

export async function startGateway(runtime: Runtime, options: { port?: number } = {}): Promise<RunningService> {
  const { config, authenticate, redis } = runtime;
  const settings = readSettings(gatewaySettings, config);
  const log = createLogger(config.LOG_LEVEL, 'gateway');
  const registry = createRegistry('gateway');
  const timeFetch = subgraphFetchMetrics(registry);
  const subgraphUrls = config.subgraphUrls;
  // Apollo Gateway otherwise reports usage to Apollo and probes cloud metadata endpoints
  // (AWS, GCP, Azure) from every instance; an operator may still opt in explicitly.
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const supergraphSdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
  // Queries one subgraph answers as asked skip the gateway's result shaping (gateway/direct-answers.ts).
  const direct = directAnswers(supergraphSdl, registry);
  const gateway = new ApolloGateway({
    supergraphSdl,
    experimental_didResolveQueryPlan: direct.learn,
    buildService: ({ name }) =>
      direct.replaying(new ForwardingDataSource({ url: subgraphUrls[name as SubgraphName] }, runtime.serviceKeys, (operation) => timeFetch(name, operation))),
    logger: log,
  });
  const http = createHttpService({
    service: 'gateway',
    log,
    registry,
    readiness: {
      redis: () => redis.ping(),
      ...Object.fromEntries(
        Object.entries(subgraphUrls).map(([name, url]) => [
          name,
          async () => {
            // Which subgraph is down, and when one answers not ready, which of its dependencies.
            const res = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(1500) }).catch(() => {
              throw new Error(`does not answer at ${new URL(url).host}`);
            });
            if (res.ok) return;
            const body = (await res.json().catch(() => null)) as { checks?: Record<string, string> } | null;
            const failing = Object.entries(body?.checks ?? {}).filter(([, status]) => status !== 'ok');
            throw new Error(failing.length > 0 ? `not ready: ${failing.map(([dep, why]) => `${dep} (${why})`).join(', ')}` : `not ready (HTTP ${res.status})`);
          },
        ]),
      ),
    },
  });
  const production = config.NODE_ENV === 'production';
  const limits = documentLimits(settings, production);
  const costDirectives = costDirectivesFrom(supergraphSdl);
  // Repeated public reads from memory, without an expiry stampede (gateway/response-cache.ts); staff always go through.
  const responseCache = sharedResponseCache<GatewayContext>({
    shared: ({ viewer }) => !hasRole(viewer, 'admin', 'support'),
    staleSeconds: settings.RESPONSE_CACHE_STALE_SECONDS,
    maxBytes: settings.RESPONSE_CACHE_MAX_MB * 1024 * 1024,
    registry,
    log,
  });
  const server = new ApolloServer<GatewayContext>({
    gateway: direct.wrap(gateway),
    csrfPrevention: true,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    // bin/serve.ts owns SIGINT/SIGTERM and stops every service in order.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    persistedQueries: { cache: redisKeyValueCache(redis, `${config.REDIS_PREFIX}:apq:`), ttl: PERSISTED_QUERY_TTL_SECONDS },
    formatError: maskErrors(log),
    stringifyResult: responseCache.stringifyResult,
    validationRules: limits.validationRules,
    plugins: [
      // armor's typings come from Apollo Server's CommonJS build; the plugin objects are the same.
      ...(limits.plugins as unknown as ApolloServerPlugin<GatewayContext>[]),
      sharedScalarParsing<GatewayContext>(),
      costLimit<GatewayContext>(costDirectives, settings.QUERY_MAX_COST),
      graphqlMetricsPlugin(registry),
      responseCache.plugin,
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  responseCache.refreshWith((request, contextValue) => server.executeOperation(request, { contextValue }));
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate((loaded) => (apiSchema = loaded.apiSchema));
  await server.start();
  http.app.set('trust proxy', settings.TRUST_PROXY);
  const origins = settings.CORS_ORIGINS === '*' ? true : settings.CORS_ORIGINS.split(',').map((o) => o.trim());
  // What clients need to cache interfaces and unions right without introspection (off in production).
  const possibleTypes = readFileSync(POSSIBLE_TYPES_PATH, 'utf8');
  http.app.get('/possible-types.json', cors({ origin: origins }), (_req, res) => {
    res.setHeader('cache-control', 'public, max-age=300');
    res.type('json').send(possibleTypes);
  });
  forwardPaymentWebhooks(http.app, { orderUrl: () => config.subgraphUrls.order, log });
  mountStorefront(http.app, { config, log });
  http.app.use(
    '/graphql',
    cors({ origin: origins, exposedHeaders: ['x-request-id'] }),
    express.json({ limit: '1mb' }),
    expressMiddleware(server, {
      context: async ({ req }) => {
        const authorization = req.header('authorization');
        let viewer: Viewer | null;
        try {
          viewer = await authenticate(authorization);
        } catch (err) {
          const message = err instanceof Error ? err.message : 'Token is invalid';
          throw new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
        }
        if (viewer) bindToScope({ personId: viewer.personId });
        const scope = currentScope();
        return { authorization, viewer, requestId: scope?.requestId ?? '', traceId: scope?.traceId ?? '', clientAddress: callerAddress(req) };
      },
    }),
  );
  const runOperation: RunOperation = async (document, variables, { authorization, viewer }) => {
    const response = await server.executeOperation(
      { query: document, variables },
      { contextValue: { authorization, viewer, requestId: randomUUID(), traceId: randomBytes(16).toString('hex'), clientAddress: null } },
    );
    if (response.body.kind !== 'single') throw new Error('an incremental answer where one result was expected');
    return response.body.singleResult as Awaited<ReturnType<RunOperation>>;
  };
  const subscriptions = serveSubscriptions({
    httpServer: http.server,
    schema: apiSchema!,
    runOperation,
    authenticate,
    redis,
    orderEvents: eventStream(config.REDIS_PREFIX, 'order'),
    prefix: config.REDIS_PREFIX,
    settings,
    validationRules: limits.validationRules,
    costDirectives,
    log,
    registry,
  });
  const port = await http.listen(options.port ?? config.PORT);
  log.info({ port }, 'gateway listening');
  return {
    name: 'gateway',
    port,
    log,
    async close() {
      await subscriptions.close();
      await http.close(config.SHUTDOWN_TIMEOUT_MS / 2);
      await server.stop();
    },
  };
}
