// The storefront requests the benchmark sends: what each scenario asks, which viewer asks it,
// the variables it rotates through, and what a broken answer looks like.

export type Viewer = 'anonymous' | 'customer';

export interface Fixtures {
  /** Slugs of live products, as the storefront links to them. */
  slugs: string[];
  /** Variants a shopper can put in a cart (for sale, in stock). */
  variantIds: string[];
}

/**
 * One storefront request shape. Requests cycle through `variables`, so that a scenario reads
 * many rows rather than one hot, cached one; `problem` says what is wrong with an answer that has
 * no GraphQL errors but would still render an empty or broken page.
 */
export interface Scenario {
  name: string;
  description: string;
  viewer: Viewer;
  query: string;
  variables(fixtures: Fixtures): Record<string, unknown>[];
  problem(data: Record<string, any>): string | null;
  /**
   * Shoppers of their own (each a customer token and an ACTIVE cart): requests rotate through
   * them and carry the shopper's `cartId`, as many storefront sessions would.
   */
  shoppers?: number;
}

const MONEY = 'amount currencyCode formatted';

const SEARCH_TERMS = [
  'shirt', 'linen', 'merino wool', 'leather boots', 'sneaker', 'cashmere', 'denim', 'backpack',
  'organic cotton tee', 'jacket', 'suede', 'dress', 'socks', 'canvas tote', 'chelsea boot', 'hoodie',
  'wallet', 'beanie', 'loafer', 'knit',
];

export const SCENARIOS: Scenario[] = [
  {
    name: 'listing',
    description: 'listing page: the 24 newest products with variants, stock, images, categories, price range and total',
    viewer: 'anonymous',
    query: `query ListingPage($first: Int!) {
      products(first: $first, sort: NEWEST) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node {
          id slug name brand
          priceRange { min { ${MONEY} } max { ${MONEY} } }
          images { url altText }
          categories { id slug name }
          variants { id sku title availableForSale price { ${MONEY} } compareAtPrice { ${MONEY} } inventory { available } }
        } }
      }
    }`,
    variables: () => [{ first: 24 }],
    problem: (data) => (data.products?.edges?.length === 24 ? null : `expected 24 products, got ${data.products?.edges?.length}`),
  },
  {
    name: 'search',
    description: 'full-text search, 24 results by relevance with category, option and price facets',
    viewer: 'customer',
    query: `query SearchPage($search: String!) {
      products(first: 24, filter: { search: $search }, sort: RELEVANCE) {
        totalCount
        facets {
          categories { category { id slug name } count }
          options { name values { value count } }
          priceRanges { min max count }
        }
        edges { node { id slug name brand priceRange { min { ${MONEY} } max { ${MONEY} } } images { url altText } } }
      }
    }`,
    variables: () => SEARCH_TERMS.map((search) => ({ search })),
    problem: (data) => (data.products?.edges?.length > 0 ? null : 'the search found nothing'),
  },
  {
    name: 'product',
    description: 'product page by slug, rotating through every live product',
    viewer: 'customer',
    query: `query ProductPage($slug: String!) {
      product(slug: $slug) {
        id slug name description brand
        options { name values }
        variants { id sku title availableForSale options { name value } price { ${MONEY} } compareAtPrice { ${MONEY} } inventory { available } }
        images { url altText position }
        categories { id slug name parent { id slug name } }
        priceRange { min { ${MONEY} } max { ${MONEY} } }
      }
    }`,
    variables: (fixtures) => fixtures.slugs.map((slug) => ({ slug })),
    problem: (data) => (data.product?.variants?.length > 0 ? null : 'no product, or one without variants'),
  },
  {
    name: 'add-to-cart',
    description: 'add to cart: 200 shoppers each adding one unit of rotating variants to their own cart, answered with the priced cart',
    viewer: 'customer',
    shoppers: 200,
    query: `mutation AddToCart($cartId: ID!, $variantId: ID!) {
      addCartLine(cartId: $cartId, variantId: $variantId, quantity: 1) {
        cart { id itemCount lines { id quantity unitPrice { ${MONEY} } lineTotal { ${MONEY} } } subtotal { ${MONEY} } total { ${MONEY} } }
        userErrors { code message }
      }
    }`,
    // Forty variants per shopper keeps each cart under its 100-line limit however long the run.
    variables: (fixtures) => fixtures.variantIds.slice(0, 40).map((variantId) => ({ variantId })),
    problem: (data) => {
      const errors = data.addCartLine?.userErrors ?? [];
      return errors.length ? `userErrors ${JSON.stringify(errors)}` : data.addCartLine?.cart ? null : 'no cart';
    },
  },
];
