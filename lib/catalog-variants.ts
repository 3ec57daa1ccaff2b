// Asking the catalog about variants from another context: through the catalog subgraph's
// federation entry point (`_entities`), for any number of variants in one request, with the
// caller's service token (lib/subgraph-client.ts; an outage throws). Ids cross the wire as global
// ids; the asking context works with raw ones. Each context reads the fields it needs.
import { globalId } from './global-id.js';
import type { SubgraphCall } from './subgraph-client.js';

export const CATALOG = 'the catalog subgraph';

/**
 * The variants with raw ids `ids`, in the order asked (null where the catalog knows none), each
 * read with `fields`, the selection on ProductVariant, by the query named `operation`.
 */
export async function catalogVariantEntities<Entity>(call: SubgraphCall, operation: string, fields: string, ids: readonly string[]): Promise<(Entity | null)[]> {
  if (ids.length === 0) return [];
  const query = `query ${operation}($representations: [_Any!]!) { _entities(representations: $representations) { ... on ProductVariant { ${fields} } } }`;
  const representations = ids.map((id) => ({ __typename: 'ProductVariant', id: globalId('ProductVariant', id) }));
  return (await call<{ _entities: (Entity | null)[] }>(query, { representations }))._entities;
}

/** Whether a variant is for sale (stock aside): it and its product are active, the product not archived. */
export const isForSale = (variant: { active: boolean; product: { status: string } }): boolean => variant.active && variant.product.status === 'ACTIVE';
