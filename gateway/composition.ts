import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SCHEMA_DIR, subgraphTypeDefs } from '../lib/subgraph-schema.js';
import { SUBGRAPHS, defaultSubgraphUrl, type SubgraphName } from '../lib/subgraph-names.js';

export const SUPERGRAPH_PATH = path.join(SCHEMA_DIR, 'supergraph.graphql');

/** Composes each subgraph's SDL in schema/ (or the SDL given) into the supergraph SDL, or returns the composition errors. */
export function composeSupergraph(sdlOf: (name: SubgraphName) => string = subgraphTypeDefs): { supergraphSdl: string } | { errors: string[] } {
  const result = composeServices(
    SUBGRAPHS.map((name) => ({
      name,
      // The URL baked in is the local default; the gateway and Router override it per environment.
      url: defaultSubgraphUrl(name),
      typeDefs: parse(sdlOf(name)),
    })),
  );
  if (result.errors) return { errors: result.errors.map((e) => e.message) };
  return { supergraphSdl: result.supergraphSdl };
}
