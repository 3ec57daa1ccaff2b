// What the subscription context asks the catalog: whether the variants a plan delivers exist and
// are for sale. Asked through the catalog subgraph's federation entry point (`_entities`) with a
// service token, for every variant of a plan in one request, as the cart does; the catalog's tables
// are never read. Ids cross the wire as global ids; this context works with raw ones.
import { globalId, rawIdFrom } from '../../lib/global-id.js';
import type { SubgraphCall } from '../../lib/subgraph-client.js';

const SOURCE = 'the catalog subgraph';

export interface CatalogVariantState {
  id: string;
  /** The variant and its product are active and not archived (stock aside: a plan may name a variant out of stock today). */
  forSale: boolean;
}

export interface CatalogClient {
  /** The variants in the order asked, null for ids the catalog does not know. */
  variants(ids: readonly string[]): Promise<(CatalogVariantState | null)[]>;
}

const ENTITIES = `query SubscriptionPlanVariants($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on ProductVariant { id active product { status } }
  }
}`;

interface EntityVariant {
  id: string;
  active: boolean;
  product: { status: 'ACTIVE' | 'INACTIVE' | 'ARCHIVED' };
}

/** Asks the catalog through `call` (lib/subgraph-client.ts: a service token, the catalog's URL read per call, an outage thrown). */
export function catalogSubgraphClient(call: SubgraphCall): CatalogClient {
  return {
    async variants(ids) {
      if (ids.length === 0) return [];
      const representations = ids.map((id) => ({ __typename: 'ProductVariant', id: globalId('ProductVariant', id) }));
      const { _entities } = await call<{ _entities: (EntityVariant | null)[] }>(ENTITIES, { representations });
      return _entities.map((v) => (v ? { id: rawIdFrom(SOURCE, 'ProductVariant', v.id), forSale: v.active && v.product.status === 'ACTIVE' } : null));
    },
  };
}
