// Queries answered straight from one subgraph. When the query planner answers a query with one
// fetch from one subgraph that asks exactly what the client asked (the same selections, in the
// same order, with the same variables), the subgraph's data is already the answer: Apollo
// Gateway's result shaping, which rebuilds it field by field against the operation (about a fifth
// of the gateway's CPU on a catalog page), would give back an equal object. Such a query, once the
// gateway has planned it, is sent to that subgraph as the gateway would send it (the same data
// source: headers, signed context, cache policy, timing) and its data returned as it came.
// Everything else goes through Apollo Gateway: other plans, mutations, and any answer with errors
// or none (an outage), which the gateway then shapes and reports as always from that same answer
// (its fetch is handed what the direct one got: `replaying`), without asking the subgraph again.
// The first request of an operation always goes through the gateway, which plans it; `learn` sees
// the plan.
import type { ApolloGateway, Experimental_DidResolveQueryPlanCallback, GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayGraphQLResponse, GatewayInterface } from '@apollo/server-gateway-interface';
import { trace } from '@opentelemetry/api';
import { Counter, type Registry } from 'prom-client';
import {
  getNamedType,
  getVariableValues,
  isEnumType,
  Kind,
  parse,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

type PlanInfo = Parameters<Experimental_DidResolveQueryPlanCallback>[0];
type Fetch = Extract<NonNullable<PlanInfo['queryPlan']['node']>, { kind: 'Fetch' }>;

interface Route {
  service: GraphQLDataSource;
  fetch: Fetch;
  /** The API schema and the client's variables, which are checked against it as the gateway does (a subgraph knows values clients may not use). */
  apiSchema: GraphQLSchema;
  variableDefinitions: OperationDefinitionNode['variableDefinitions'];
}

/** GraphQLDataSourceRequestKind.INCOMING_OPERATION (the package's index exports only its type). */
const INCOMING_OPERATION = 'incoming operation' as Extract<GraphQLDataSourceProcessOptions, { incomingRequestContext: unknown }>['kind'];

/** Under this tracer's `gateway.request` span, as Apollo Gateway's own requests are. */
const tracer = trace.getTracer('gateway/direct-answers');

/** What a direct fetch got, for the gateway's own fetch of the same request. */
type Outcome = { response: GatewayGraphQLResponse } | { error: unknown };

export interface DirectAnswers {
  /** Apollo Gateway's `experimental_didResolveQueryPlan`: learns which operations may be answered directly. */
  learn: Experimental_DidResolveQueryPlanCallback;
  /** The gateway Apollo Server runs: `gateway`, with the queries learnt answered directly. */
  wrap(gateway: ApolloGateway): GatewayInterface;
  /** A subgraph's data source for Apollo Gateway: a request whose direct fetch fell back gets what that fetch got. */
  replaying(source: GraphQLDataSource): GraphQLDataSource;
}

/** Learns from the gateway's plans for this supergraph; counts what it answers in `registry`. */
export function directAnswers(supergraphSdl: string, registry: Registry): DirectAnswers {
  const hidden = enumsWithInaccessibleValues(parse(supergraphSdl));
  // By document (Apollo Server keeps one per query text) and operation name.
  let routes = new WeakMap<DocumentNode, Map<string, Route | null>>();
  const answered = new Counter({
    name: 'gateway_direct_answers_total',
    help: 'Queries answered straight from the one subgraph that answers them as asked, without the gateway reshaping the answer',
    labelNames: ['subgraph'],
    registers: [registry],
  });

  const replays = new WeakMap<GatewayGraphQLRequestContext, Outcome>();

  const routeOf = (rc: GatewayGraphQLRequestContext) => routes.get(rc.document)?.get(rc.request.operationName ?? '');

  const learn: Experimental_DidResolveQueryPlanCallback = ({ queryPlan, serviceMap, operationContext, requestContext }) => {
    let byName = routes.get(requestContext.document);
    if (!byName) routes.set(requestContext.document, (byName = new Map()));
    const name = requestContext.request.operationName ?? '';
    if (byName.has(name)) return;
    const node = queryPlan.node;
    const service = node?.kind === 'Fetch' ? serviceMap[node.serviceName] : undefined;
    const direct =
      node?.kind === 'Fetch' &&
      service !== undefined &&
      answersAsAsked(operationContext.operation, operationContext.fragments, node) &&
      !readsHidden(operationContext.schema, operationContext.operation, hidden);
    byName.set(name, direct ? { service, fetch: node, apiSchema: operationContext.schema, variableDefinitions: operationContext.operation.variableDefinitions } : null);
  };

  const answer = async (rc: GatewayGraphQLRequestContext, route: Route, executor: GatewayExecutor) => {
    const provided = rc.request.variables ?? {};
    // Variables the API schema refuses (an @inaccessible enum value or input field among them) never reach the subgraph: the gateway refuses them.
    if (route.variableDefinitions?.length && getVariableValues(route.apiSchema, route.variableDefinitions, provided).errors) return executor(rc);
    // As the gateway picks them: own properties only, onto an object without a prototype (a variable may be named __proto__).
    const variables: Record<string, unknown> = Object.create(null);
    for (const name of route.fetch.variableUsages ?? []) if (Object.hasOwn(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
    const outcome = await tracer.startActiveSpan('gateway.request', async (span): Promise<Outcome> => {
      try {
        span.setAttribute('graphql.operation.name', rc.operationName ?? '');
        span.setAttribute('gateway.direct', route.fetch.serviceName);
        const response = await route.service.process({
          kind: INCOMING_OPERATION,
          request: { query: route.fetch.operation, variables, operationName: route.fetch.operationName },
          incomingRequestContext: rc,
          context: rc.context,
          document: route.fetch.operationDocumentNode,
          pathInIncomingRequest: [],
        });
        return { response };
      } catch (error) {
        return { error };
      } finally {
        span.end();
      }
    });
    if ('response' in outcome && outcome.response.data && !outcome.response.errors?.length) {
      answered.inc({ subgraph: route.fetch.serviceName });
      return { data: outcome.response.data };
    }
    // Errors, no data, or the fetch failed: the gateway shapes and reports it from what this fetch got.
    replays.set(rc, outcome);
    try {
      return await executor(rc);
    } finally {
      replays.delete(rc);
    }
  };

  return {
    learn,
    wrap: (gateway) => ({
      async load(options) {
        const { schema, executor } = await gateway.load(options);
        return {
          schema,
          executor: (rc) => {
            // Traced requests, and those asking for their query plan (outside production), get what the gateway adds.
            const inspected = rc.metrics?.captureTraces || rc.request.http?.headers.has('apollo-query-plan-experimental');
            const route = rc.operation?.operation === 'query' && !inspected ? routeOf(rc) : undefined;
            return route ? answer(rc, route, executor) : executor(rc);
          },
        };
      },
      onSchemaLoadOrUpdate: (callback) =>
        gateway.onSchemaLoadOrUpdate((loaded) => {
          // A new supergraph plans anew.
          routes = new WeakMap();
          callback(loaded);
        }),
      stop: () => gateway.stop(),
    }),
    replaying: (source) => ({
      async process(options) {
        const rc = 'incomingRequestContext' in options ? options.incomingRequestContext : undefined;
        const replay = rc && replays.get(rc);
        if (!replay) return source.process(options);
        replays.delete(rc);
        if ('error' in replay) throw replay.error;
        return replay.response;
      },
    }),
  };
}

/**
 * Whether the fetch asks what the client asked: the same selections, variables and directives,
 * printed alike (a fragment of the client's, a __typename or key the planner adds, a rewrite of
 * the answer or anything else the planner changes makes them differ).
 */
function answersAsAsked(operation: OperationDefinitionNode, fragments: Record<string, unknown>, fetch: Fetch): boolean {
  if (operation.operation !== 'query' || fetch.operationKind !== 'query' || Object.keys(fragments).length > 0) return false;
  if (fetch.requires || fetch.inputRewrites?.length || fetch.outputRewrites?.length || fetch.contextRewrites?.length || fetch.hasDefers) return false;
  // The planner keeps the fetch's document only in some modes; its text is always there.
  const definitions = (fetch.operationDocumentNode ?? parse(fetch.operation)).definitions;
  const fetched = definitions[0];
  if (definitions.length !== 1 || fetched?.kind !== Kind.OPERATION_DEFINITION) return false;
  const printed = (nodes: readonly ASTNode[] | undefined) => (nodes ?? []).map((n) => print(n)).join(' ');
  return (
    printed(operation.variableDefinitions) === printed(fetched.variableDefinitions) &&
    printed(operation.directives) === printed(fetched.directives) &&
    print(operation.selectionSet) === print(fetched.selectionSet)
  );
}

/**
 * Whether the operation reads an enum some of whose values clients may not see: the gateway turns
 * such a value into null and an error, which the subgraph's answer would not.
 */
function readsHidden(apiSchema: GraphQLSchema, operation: OperationDefinitionNode, hidden: ReadonlySet<string>): boolean {
  if (hidden.size === 0) return false;
  const types = new TypeInfo(apiSchema);
  let reads = false;
  visit(
    operation,
    visitWithTypeInfo(types, {
      Field() {
        const type = getNamedType(types.getType());
        if (type && isEnumType(type) && hidden.has(type.name)) reads = true;
      },
    }),
  );
  return reads;
}

/** Enum types of the supergraph with at least one value marked @inaccessible. */
function enumsWithInaccessibleValues(supergraph: DocumentNode): Set<string> {
  const names = new Set<string>();
  visit(supergraph, {
    EnumTypeDefinition(node) {
      if (node.values?.some((v) => v.directives?.some((d) => d.name.value === 'inaccessible'))) names.add(node.name.value);
    },
  });
  return names;
}
