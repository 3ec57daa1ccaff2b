import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPHS, defaultSubgraphUrl } from '../lib/subgraphs.js';

export const SCHEMA_DIR = path.resolve(import.meta.dirname, '..', 'schema');
export const SUPERGRAPH_PATH = path.join(SCHEMA_DIR, 'supergraph.graphql');

export function subgraphSdl(name: string): string {
  return readFileSync(path.join(SCHEMA_DIR, `${name}.graphql`), 'utf8');
}

/** Composes schema/<subgraph>.graphql (or the SDL given) into the supergraph SDL, or returns the composition errors. */
export function composeSupergraph(sdlOf: (name: string) => string = subgraphSdl): { supergraphSdl: string } | { errors: string[] } {
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
