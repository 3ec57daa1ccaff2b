// What the subscription context asks the catalog: whether the variants a plan delivers exist and
// are for sale, for every variant of a plan in one request (lib/catalog-variants.ts); the
// catalog's tables are never read.
import { CATALOG, catalogVariantEntities, isForSale } from '../../lib/catalog-variants.js';
import { rawIdFrom } from '../../lib/global-id.js';
import type { SubgraphCall } from '../../lib/subgraph-client.js';

export interface CatalogVariantState {
  id: string;
  /** The variant and its product are active and not archived (stock aside: a plan may name a variant out of stock today). */
  forSale: boolean;
}

export interface CatalogClient {
  /** The variants in the order asked, null for ids the catalog does not know. */
  variants(ids: readonly string[]): Promise<(CatalogVariantState | null)[]>;
}

const FIELDS = 'id active product { status }';

interface EntityVariant {
  id: string;
  active: boolean;
  product: { status: 'ACTIVE' | 'INACTIVE' | 'ARCHIVED' };
}

/** Asks the catalog through `call` (lib/subgraph-client.ts: a service token, the catalog's URL read per call, an outage thrown). */
export function catalogSubgraphClient(call: SubgraphCall): CatalogClient {
  return {
    async variants(ids) {
      const found = await catalogVariantEntities<EntityVariant>(call, 'SubscriptionPlanVariants', FIELDS, ids);
      return found.map((v) => (v ? { id: rawIdFrom(CATALOG, 'ProductVariant', v.id), forSale: isForSale(v) } : null));
    },
  };
}
