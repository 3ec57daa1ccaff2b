// The gateway's API schema knows the shared custom scalars (DateTime) by name only, so it would
// pass any value through and leave the refusal to a subgraph, whose HTTP 400 the gateway can only
// report as an internal error. Parsing inputs with the same implementations the subgraphs use
// refuses a bad value at the edge, as BAD_USER_INPUT, before any query plan runs.
import type { ApolloServerPlugin } from '@apollo/server';
import { isScalarType } from 'graphql';
import { SHARED_SCALARS } from '../lib/subgraph-schema.js';

export function sharedScalarParsing<C extends object>(): ApolloServerPlugin<C> {
  return {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate({ apiSchema }) {
          for (const [name, implementation] of Object.entries(SHARED_SCALARS)) {
            const type = apiSchema.getType(name);
            if (!isScalarType(type)) continue;
            type.parseValue = implementation.parseValue.bind(implementation);
            type.parseLiteral = implementation.parseLiteral.bind(implementation);
          }
        },
      };
    },
  };
}
