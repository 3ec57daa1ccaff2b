// What a subscription period's order needs to know about the variants it delivers, asked of the
// catalog subgraph through its federation entry point (`_entities`) with a service token, as the
// cart asks it (subgraphs/cart/catalog.ts). Ids cross the wire as global ids; the order context
// works with raw ones. An outage throws (lib/subgraph-client.ts).
import { globalId, rawIdFrom } from '../../../lib/global-id.js';
import type { SubgraphCall } from '../../../lib/subgraph-client.js';

const SOURCE = 'the catalog subgraph';

export interface VariantSnapshot {
  id: string;
  productId: string;
  sku: string;
  productName: string;
  variantTitle: string;
  /** Minor units of `currencyCode`. */
  unitPrice: number;
  currencyCode: string;
  /** The variant and its product are active and not archived (stock aside). */
  forSale: boolean;
}

export interface CatalogVariants {
  /** The variants in the order asked, null for ids the catalog does not know. */
  variants(ids: readonly string[]): Promise<(VariantSnapshot | null)[]>;
}

const ENTITIES = `query SubscriptionOrderVariants($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on ProductVariant { id sku title active price { amount currencyCode } product { id name status } }
  }
}`;

interface EntityVariant {
  id: string;
  sku: string;
  title: string;
  active: boolean;
  price: { amount: number; currencyCode: string };
  product: { id: string; name: string; status: 'ACTIVE' | 'INACTIVE' | 'ARCHIVED' };
}

export function catalogVariants(call: SubgraphCall): CatalogVariants {
  return {
    async variants(ids) {
      if (ids.length === 0) return [];
      const representations = ids.map((id) => ({ __typename: 'ProductVariant', id: globalId('ProductVariant', id) }));
      const { _entities } = await call<{ _entities: (EntityVariant | null)[] }>(ENTITIES, { representations });
      return _entities.map((v) =>
        v
          ? {
              id: rawIdFrom(SOURCE, 'ProductVariant', v.id),
              productId: rawIdFrom(SOURCE, 'Product', v.product.id),
              sku: v.sku,
              productName: v.product.name,
              variantTitle: v.title,
              unitPrice: v.price.amount,
              currencyCode: v.price.currencyCode,
              forSale: v.active && v.product.status === 'ACTIVE',
            }
          : null,
      );
    },
  };
}
