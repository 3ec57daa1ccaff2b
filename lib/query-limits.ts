// What a GraphQL server of ours refuses before it runs anything: documents too deep, with too many
// aliases, tokens or directives (GraphQL Armor's validation rules), and operations that cost too
// much for the items they ask for (query-cost.ts, with the request's variables). The gateway
// applies them to clients; every subgraph applies them again, so that a caller who reached one
// directly (lib/service-gate.ts lets only the gateway and peers in) still meets them.
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, getVariableValues, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { setting } from './config.js';
import { fragmentsOf, operationCost, type CostDirectives } from './query-cost.js';

/** The limits' settings (README "Configuration"), the same for the gateway and the subgraphs. */
export const queryLimitSettings = z.object({
  QUERY_MAX_DEPTH: setting.int(2, 100).default(12),
  /** The most an operation may cost (lib/query-cost.ts): objects asked for, lists multiplied by their size. */
  QUERY_MAX_COST: setting.int(10, 10_000_000).default(50_000),
  QUERY_MAX_ALIASES: setting.int(1, 1000).default(20),
  QUERY_MAX_TOKENS: setting.int(50, 100_000).default(3000),
  QUERY_MAX_DIRECTIVES: setting.int(1, 1000).default(50),
});

export type QueryLimitSettings = z.infer<typeof queryLimitSettings>;

/** How many operations' costs (each with one set of variables) are kept, the most recently used. */
const KNOWN_COSTS = 10_000;

/** The size of a list whose @listSize says nothing and whose request gives no slicing argument. */
export const DEFAULT_LIST_SIZE = 10;

/** Depth, aliases, tokens and directives are bounded while the document is validated. */
export function documentLimits(settings: QueryLimitSettings, production: boolean) {
  return new ApolloArmor({
    maxDepth: { n: settings.QUERY_MAX_DEPTH },
    // The cost is ours (costLimit below): Armor's model reads neither variables nor list sizes.
    costLimit: { enabled: false },
    maxAliases: { n: settings.QUERY_MAX_ALIASES },
    maxTokens: { n: settings.QUERY_MAX_TOKENS },
    maxDirectives: { n: settings.QUERY_MAX_DIRECTIVES },
    blockFieldSuggestion: { enabled: production },
  }).protect();
}

export function tooCostly(cost: number, limit: number): GraphQLError {
  return new GraphQLError(`This operation costs ${cost}, more than the limit of ${limit}: ask for fewer items (first/last) or fewer nested lists.`, {
    extensions: { code: 'QUERY_TOO_COSTLY', cost, limit, http: { status: 400 } },
  });
}

/**
 * Refuses an operation whose cost, with the request's variables, passes the limit; an answered
 * one tells the client what it cost (`extensions.cost`, unless `report` is false), so that client
 * teams can see how close their queries come.
 */
export function costLimit<C extends object>(directives: CostDirectives, limit: number, options: { report?: boolean } = {}): ApolloServerPlugin<C> {
  // A repeated operation (a listing, a product page) is costed once per set of variables, not on
  // every request: by the hash of its text (Apollo Server's), its name and its variables.
  const known = new LRUCache<string, { cost: number | null }>({ max: KNOWN_COSTS });
  const costOf = (schema: GraphQLSchema, queryHash: string, document: DocumentNode, operation: OperationDefinitionNode, given: Record<string, unknown>) => {
    const key = `${queryHash}\n${operation.name?.value ?? ''}\n${JSON.stringify(given)}`;
    let costed = known.get(key);
    if (!costed) {
      const variables = getVariableValues(schema, operation.variableDefinitions ?? [], given);
      // Variables that do not fit their types are refused by execution, with its own message.
      const cost = variables.errors ? null : operationCost({ schema, operation, fragments: fragmentsOf(document), variables: variables.coerced, directives, defaultListSize: DEFAULT_LIST_SIZE });
      known.set(key, (costed = { cost }));
    }
    return costed.cost ?? undefined;
  };
  return {
    async requestDidStart() {
      let estimated: number | undefined;
      return {
        async didResolveOperation({ schema, queryHash, document, operation, request }) {
          if (!operation) return;
          estimated = costOf(schema, queryHash, document, operation, request.variables ?? {});
          if (estimated !== undefined && estimated > limit) throw tooCostly(estimated, limit);
        },
        async willSendResponse({ response }) {
          if (options.report === false || estimated === undefined || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: { estimated, limit } };
        },
      };
    },
  };
}
