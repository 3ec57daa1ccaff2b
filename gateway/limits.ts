// What the gateway refuses before any subgraph is called: documents too deep, with too many
// aliases, tokens or directives (GraphQL Armor's validation rules), and operations that cost too
// much for the items they ask for (query-cost.ts, with the request's variables).
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, getVariableValues, type FragmentDefinitionNode } from 'graphql';
import type { GatewaySettings } from './config.js';
import { operationCost, type CostDirectives } from './query-cost.js';

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
  return {
    async requestDidStart() {
      let estimated: number | undefined;
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          // Variables that do not fit their types are refused by execution, with its own message.
          if (variables.errors) return;
          const fragments = Object.fromEntries(
            document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
          );
          estimated = operationCost({ schema, operation, fragments, variables: variables.coerced, directives, defaultListSize: DEFAULT_LIST_SIZE });
          if (estimated > limit) throw tooCostly(estimated, limit);
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
