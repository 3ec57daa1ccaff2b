import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';

import express from 'express';
import { parse } from 'graphql';
import type { Registry } from 'prom-client';
import type { KeyObject } from 'node:crypto';
import type { Authenticate } from './auth.js';
import { clientAddressOf } from './client-address.js';
import type { RequestContext } from './resolver-context.js';
import { maskErrors } from './errors.js';
import type { HttpService } from './http-service.js';
import type { Logger } from './logger.js';
import { withGlobalIds } from './global-id-schema.js';
import { graphqlMetricsPlugin } from './metrics.js';
import { sharedResolvers } from './subgraph-schema.js';
import { bindToScope, currentScope } from './request-scope.js';
import { graphqlOperationPlugin, traceGraphQLOperation } from './tracing.js';

/**
 * Serves a subgraph's schema on /graphql of the given HTTP service. Every request's bearer
 * token is verified here: a subgraph never trusts an identity header set by someone else.
 */
export async function mountSubgraph<C extends RequestContext>(
  http: HttpService,
  options: {
    typeDefs: string;
    resolvers: unknown;
    log: Logger;
    registry: Registry;
    authenticate: Authenticate;
    /** Verifies the gateway's signature on the forwarded client address. */
    serviceSecret: KeyObject;
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
    plugins: [
      graphqlMetricsPlugin(options.registry),
      graphqlOperationPlugin<C>(),
      // Traces go to logs, metrics and OpenTelemetry (lib/tracing.ts); Apollo's federated tracing is not used.
      ApolloServerPluginInlineTraceDisabled(),
      ...(options.publicCache ? publicCachePlugins(options.publicCache) : []),
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await server.start();
  http.app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    traceGraphQLOperation,
    expressMiddleware(server, {
      context: async ({ req }) => {
        const viewer = await authenticate(req.header('authorization'));
        if (viewer) bindToScope({ personId: viewer.personId });
        const requestId = currentScope()?.requestId ?? '';
        return options.context({ viewer, requestId, clientAddress: clientAddressOf(options.serviceSecret, req), log });
      },
    }),
  );
  return server;
}

function publicCachePlugins<C extends RequestContext>({ maxAge, personal }: { maxAge: number; personal: (context: C) => boolean }): ApolloServerPlugin<C>[] {
  return [
    ApolloServerPluginCacheControl({ defaultMaxAge: maxAge }),
    {
      async requestDidStart({ contextValue }) {
        if (!personal(contextValue)) return;
        return {
          async executionDidStart({ overallCachePolicy }) {
            overallCachePolicy.restrict({ maxAge: 0 });
          },
        };
      },
    },
  ];
}
