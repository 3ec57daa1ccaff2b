// What the gateway refuses before any subgraph is called: documents too deep, with too many
// aliases, tokens or directives (GraphQL Armor's validation rules), and operations that cost too
// much for the items they ask for (query-cost.ts, with the request's variables).
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, getVariableValues, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { GatewaySettings } from './config.js';
import { fragmentsOf, operationCost, type CostDirectives } from './query-cost.js';

/** How many sets of variables one document's costs are kept for; past it, they are worked out afresh. */
const KNOWN_VARIABLE_SETS = 100;

/** The size of a list whose @listSize says nothing and whose request gives no slicing argument. */
export const DEFAULT_LIST_SIZE = 10;

/** Depth, aliases, tokens and directives are bounded while the document is validated. */
export function documentLimits(settings: GatewaySettings, production: boolean) {
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
 * one tells the client what it cost (`extensions.cost`), so that client teams can see how close
 * their queries come.
 */
export function costLimit<C extends object>(directives: CostDirectives, limit: number): ApolloServerPlugin<C> {
  // Apollo Server keeps one parsed document per query text, so a repeated operation (a listing,
  // a product page) is costed once per set of variables, not on every request.
  const known = new WeakMap<DocumentNode, Map<string, number | null>>();
  const costOf = (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, given: Record<string, unknown>) => {
    const key = `${operation.name?.value ?? ''}\n${JSON.stringify(given)}`;
    let costs = known.get(document);
    if (!costs) known.set(document, (costs = new Map()));
    if (!costs.has(key)) {
      if (costs.size >= KNOWN_VARIABLE_SETS) costs.clear();
      const variables = getVariableValues(schema, operation.variableDefinitions ?? [], given);
      // Variables that do not fit their types are refused by execution, with its own message.
      costs.set(key, variables.errors ? null : operationCost({ schema, operation, fragments: fragmentsOf(document), variables: variables.coerced, directives, defaultListSize: DEFAULT_LIST_SIZE }));
    }
    return costs.get(key) ?? undefined;
  };
  return {
    async requestDidStart() {
      let estimated: number | undefined;
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          estimated = costOf(schema, document, operation, request.variables ?? {});
          if (estimated !== undefined && estimated > limit) throw tooCostly(estimated, limit);
        },
        async willSendResponse({ response }) {
          if (estimated === undefined || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: { estimated, limit } };
        },
      };
    },
  };
}
