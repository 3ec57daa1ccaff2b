import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { isAbstractType, parse, type GraphQLSchema } from 'graphql';
import { SCHEMA_DIR, subgraphTypeDefs } from '../lib/subgraph-schema.js';
import { SUBGRAPHS, defaultSubgraphUrl, type SubgraphName } from '../lib/subgraph-names.js';

export const SUPERGRAPH_PATH = path.join(SCHEMA_DIR, 'supergraph.graphql');
export const POSSIBLE_TYPES_PATH = path.join(SCHEMA_DIR, 'possible-types.json');
/** The public API schema clients code against (the supergraph without its @inaccessible parts), for client codegen and the schema lint. */
export const API_SCHEMA_PATH = path.join(SCHEMA_DIR, 'api.graphql');
/** The API schema as last released: a change that breaks it must be announced (ANNOUNCED_BREAKS_PATH). */
export const API_BASELINE_PATH = path.join(SCHEMA_DIR, 'api.released.graphql');
export const ANNOUNCED_BREAKS_PATH = path.join(SCHEMA_DIR, 'announced-breaks.json');

/**
 * Each interface and union of the API schema with the object types that can stand for it, in the
 * shape Apollo Client's `possibleTypes` and urql's graphcache take: what a client would otherwise
 * learn by introspection, which production turns off.
 */
export function possibleTypesOf(schema: GraphQLSchema): Record<string, string[]> {
  const abstract = Object.values(schema.getTypeMap()).filter(isAbstractType).filter((t) => !t.name.startsWith('__'));
  return Object.fromEntries(
    abstract
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((t) => [t.name, schema.getPossibleTypes(t).map((p) => p.name).sort()]),
  );
}

export type Composition = { supergraphSdl: string; apiSchema: () => GraphQLSchema } | { errors: string[] };

/**
 * Composes each subgraph's SDL in schema/ (or the SDL given) into the supergraph SDL and the API
 * schema clients see (the supergraph without its @inaccessible parts), or returns the
 * composition errors.
 */
export function composeSupergraph(sdlOf: (name: SubgraphName) => string = subgraphTypeDefs): Composition {
  const result = composeServices(
    SUBGRAPHS.map((name) => ({
      name,
      // The URL baked in is the local default; the gateway and Router override it per environment.
      url: defaultSubgraphUrl(name),
      typeDefs: parse(sdlOf(name)),
    })),
  );
  if (result.errors) return { errors: result.errors.map((e) => e.message) };
  return { supergraphSdl: result.supergraphSdl, apiSchema: () => result.schema.toAPISchema().toGraphQLJSSchema() };
}
