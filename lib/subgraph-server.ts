import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';

import express from 'express';
import { parse } from 'graphql';
import type { Registry } from 'prom-client';
import type { Authenticate, ServiceKeys } from './auth.js';
import { clientAddressOf } from './client-address.js';
import type { RequestContext } from './resolver-context.js';
import { maskErrors } from './errors.js';
import type { HttpService } from './http-service.js';
import type { Logger } from './logger.js';
import { withGlobalIds } from './global-id-schema.js';
import { graphqlMetricsPlugin } from './metrics.js';
import { costDirectivesFrom } from './query-cost.js';
import { costLimit, documentLimits, type QueryLimitSettings } from './query-limits.js';
import { serviceGate } from './service-gate.js';
import { sharedResolvers } from './subgraph-schema.js';
import { bindToScope, currentScope } from './request-scope.js';
import { actorOf, describeActor } from './state-machine.js';
import { graphqlOperationPlugin, traceGraphQLOperation } from './tracing.js';

/**
 * Serves a subgraph's schema on /graphql of the given HTTP service, to the gateway and peer
 * services only (lib/service-gate.ts), with the gateway's document and cost limits. Every
 * request's bearer token is verified here: a subgraph never trusts an identity header set by
 * someone else.
 */
export async function mountSubgraph<C extends RequestContext>(
  http: HttpService,
  options: {
    typeDefs: string;
    resolvers: unknown;
    log: Logger;
    registry: Registry;
    authenticate: Authenticate;
    /** Verify service tokens (the gateway's and the peers') and the gateway's signature on the forwarded client address. */
    keys: ServiceKeys;
    limits: QueryLimitSettings;
    production: boolean;
    context: (base: RequestContext) => C;
    /**
     * Makes this subgraph's reads publicly cacheable for maxAge seconds (the gateway honours the
     * Cache-Control it sends), except for callers for whom `personal` holds.
     */
    publicCache?: { maxAge: number; personal: (context: C) => boolean };
  },
): Promise<ApolloServer<C>> {
  const { log, authenticate } = options;
  const limits = documentLimits(subgraphLimits(options.limits), options.production);
  const server = new ApolloServer<C>({
    // The shared types' resolvers (Money, DateTime) come with every subgraph's own; ids cross the
    // wire as global ids and reach resolvers raw.
    schema: withGlobalIds(
      buildSubgraphSchema({ typeDefs: parse(options.typeDefs), resolvers: { ...sharedResolvers, ...(options.resolvers as object) } } as Parameters<typeof buildSubgraphSchema>[0]),
    ),
    includeStacktraceInErrorResponses: false,
    // bin/serve.ts owns SIGINT/SIGTERM and stops every service in order.
    stopOnTerminationSignals: false,
    formatError: maskErrors(log),
    introspection: !options.production,
    logger: log,
    validationRules: limits.validationRules,
    plugins: [
      ...(limits.plugins as unknown as ApolloServerPlugin<C>[]),
      costLimit<C>(costDirectivesFrom(options.typeDefs), options.limits.QUERY_MAX_COST, { report: false }),
      graphqlMetricsPlugin(options.registry),
      graphqlOperationPlugin<C>(),
      // Traces go to logs, metrics and OpenTelemetry (lib/tracing.ts); Apollo's federated tracing is not used.
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      cacheHeaderPlugin<C>(options.publicCache),
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await server.start();
  http.app.use(
    '/graphql',
    serviceGate(options.keys.serviceSecret),
    express.json({ limit: '1mb' }),
    traceGraphQLOperation,
    expressMiddleware(server, {
      context: async ({ req }) => {
        const viewer = await authenticate(req.header('authorization'));
        bindToScope(viewer ? { personId: viewer.personId, actor: describeActor(actorOf(viewer)) } : { actor: 'anonymous' });
        const requestId = currentScope()?.requestId ?? '';
        return options.context({ viewer, requestId, clientAddress: clientAddressOf(options.keys.clientAddressKey, req), log });
      },
    }),
  );
  return server;
}

/**
 * The gateway's limits, with room for how its query planner rewrites a client's document: named
 * fragments are written out inline (more tokens) and an entity fetch goes through `_entities`
 * (one level deeper). What passes the gateway passes here; a document made up to reach a subgraph
 * around the gateway does not.
 */
function subgraphLimits(limits: QueryLimitSettings): QueryLimitSettings {
  return { ...limits, QUERY_MAX_DEPTH: limits.QUERY_MAX_DEPTH + 1, QUERY_MAX_TOKENS: limits.QUERY_MAX_TOKENS * 4 };
}

/**
 * The Cache-Control the gateway honours: `max-age=N, public` for a query answered without errors
 * to a caller for whom the subgraph's reads are public, `no-store` for everything else. Set here
 * rather than by Apollo's cache-control plugin, which computes a policy field by field (a hook
 * around every resolver, about 5 % of a listing's cost) for a schema that gives no field a hint of
 * its own.
 */
function cacheHeaderPlugin<C extends RequestContext>(publicCache?: { maxAge: number; personal: (context: C) => boolean }): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      const maxAge = publicCache && !publicCache.personal(contextValue) ? publicCache.maxAge : 0;
      return {
        async willSendResponse({ response, operation }) {
          const cacheable = maxAge > 0 && operation?.operation === 'query' && response.body.kind === 'single' && !response.body.singleResult.errors;
          response.http.headers.set('cache-control', cacheable ? `max-age=${maxAge}, public` : 'no-store');
        },
      };
    },
  };
}
