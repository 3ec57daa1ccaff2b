// What a subscription period's order needs to know about the variants it delivers, asked of the
// catalog subgraph as every context asks it (lib/catalog-variants.ts).
import { CATALOG, catalogVariantEntities, isForSale } from '../../../lib/catalog-variants.js';
import { rawIdFrom } from '../../../lib/global-id.js';
import type { SubgraphCall } from '../../../lib/subgraph-client.js';

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

const FIELDS = 'id sku title active price { amount currencyCode } product { id name status }';

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
      const found = await catalogVariantEntities<EntityVariant>(call, 'SubscriptionOrderVariants', FIELDS, ids);
      return found.map((v) =>
        v
          ? {
              id: rawIdFrom(CATALOG, 'ProductVariant', v.id),
              productId: rawIdFrom(CATALOG, 'Product', v.product.id),
              sku: v.sku,
              productName: v.product.name,
              variantTitle: v.title,
              unitPrice: v.price.amount,
              currencyCode: v.price.currencyCode,
              forSale: isForSale(v),
            }
          : null,
      );
    },
  };
}
