/** The bounded contexts. Order matters only for ports: catalog 4001 … promotion 4005. */
export const SUBGRAPHS = ['catalog', 'cart', 'order', 'subscription', 'promotion'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

export function defaultSubgraphPort(name: SubgraphName): number {
  return 4001 + SUBGRAPHS.indexOf(name);
}

export function defaultSubgraphUrl(name: SubgraphName): string {
  return `http://127.0.0.1:${defaultSubgraphPort(name)}/graphql`;
}
