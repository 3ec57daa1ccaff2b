// What the cart needs to know about catalog variants, asked of the catalog subgraph through its
// federation entry point (`_entities`), for any number of variants in one request. Ids cross the
// wire as global ids; the cart works with raw ones.
import { GraphQLError } from 'graphql';
import { globalId, rawIdFrom } from '../../lib/global-id.js';

const SOURCE = 'the catalog subgraph';
import type { Money } from '../../lib/money.js';

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

const ENTITIES = `query CartVariants($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on ProductVariant {
      id sku title price { amount currencyCode } active availableForSale inventory { available }
      product { id name status categories { id } }
    }
  }
}`;

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
    id: rawIdFrom(SOURCE, 'ProductVariant', v.id),
    sku: v.sku,
    title: v.title,
    price: v.price,
    forSale: v.active && v.product.status === 'ACTIVE',
    available: v.inventory.available,
    productId: rawIdFrom(SOURCE, 'Product', v.product.id),
    productName: v.product.name,
    categoryIds: v.product.categories.map((c) => rawIdFrom(SOURCE, 'Category', c.id)),
  };
}

/** `url` is read on every call: the catalog may move (tests start it on a free port). */
export function catalogSubgraphClient(options: { url: () => string; token: () => Promise<string>; timeoutMs?: number }): CatalogClient {
  return {
    async variants(ids) {
      if (ids.length === 0) return [];
      const res = await fetch(options.url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await options.token()}` },
        body: JSON.stringify({ query: ENTITIES, variables: { representations: ids.map((id) => ({ __typename: 'ProductVariant', id: globalId('ProductVariant', id) })) } }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
      const body = (await res.json().catch(() => ({}))) as { data?: { _entities?: (EntityVariant | null)[] }; errors?: { message: string }[] };
      const entities = body.data?._entities;
      if (!res.ok || !entities || body.errors?.length) {
        throw new GraphQLError(`catalog subgraph answered ${res.status}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
      }
      return entities.map((v) => (v ? toCatalogVariant(v) : null));
    },
  };
}
