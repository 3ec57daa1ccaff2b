// What the cart needs to know about catalog variants, asked of the catalog subgraph through its
// federation entry point (lib/catalog-variants.ts), for any number of variants in one request.
import { CATALOG, catalogVariantEntities, isForSale } from '../../lib/catalog-variants.js';
import { rawIdFrom } from '../../lib/global-id.js';
import type { Money } from '../../lib/money.js';
import type { SubgraphCall } from '../../lib/subgraph-client.js';

export interface CatalogVariant {
  id: string;
  sku: string;
  title: string;
  price: Money;
  /** The variant and its product are active and not archived (stock aside). */
  forSale: boolean;
  available: number;
  productId: string;
  /** The product's name, for the checkout's snapshot of the line. */
  productName: string;
  categoryIds: string[];
}

export interface CatalogClient {
  /** The variants in the order asked, null for ids the catalog does not know. */
  variants(ids: readonly string[]): Promise<(CatalogVariant | null)[]>;
}

const FIELDS = `id sku title price { amount currencyCode } active availableForSale inventory { available }
  product { id name status categories { id } }`;

interface EntityVariant {
  id: string;
  sku: string;
  title: string;
  price: Money;
  active: boolean;
  availableForSale: boolean;
  inventory: { available: number };
  product: { id: string; name: string; status: 'ACTIVE' | 'INACTIVE' | 'ARCHIVED'; categories: { id: string }[] };
}

export function toCatalogVariant(v: EntityVariant): CatalogVariant {
  return {
    id: rawIdFrom(CATALOG, 'ProductVariant', v.id),
    sku: v.sku,
    title: v.title,
    price: v.price,
    forSale: isForSale(v),
    available: v.inventory.available,
    productId: rawIdFrom(CATALOG, 'Product', v.product.id),
    productName: v.product.name,
    categoryIds: v.product.categories.map((c) => rawIdFrom(CATALOG, 'Category', c.id)),
  };
}

/** Asks the catalog through `call` (lib/subgraph-client.ts: a service token, the catalog's URL read per call, an outage thrown). */
export function catalogSubgraphClient(call: SubgraphCall): CatalogClient {
  return {
    async variants(ids) {
      return (await catalogVariantEntities<EntityVariant>(call, 'CartVariants', FIELDS, ids)).map((v) => (v ? toCatalogVariant(v) : null));
    },
  };
}
