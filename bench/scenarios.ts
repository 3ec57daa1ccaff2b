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
  /**
   * Measured without the gateway's response cache: a stack the bench starts for such scenarios
   * alone runs with CATALOG_CACHE_MAX_AGE=0 unless the environment sets it (bench/run.ts).
   */
  uncached?: boolean;
}

const MONEY = 'amount currencyCode formatted';

/**
 * What a shopper types into the search box, letter by letter: the first 1 to 6 letters of each
 * word of the live products' slugs (their brands' and names' words), shuffled (the same way every
 * run) so that consecutive requests ask for different words.
 */
export function typedPrefixes(slugs: string[]): { query: string }[] {
  const words = [...new Set(slugs.flatMap((slug) => slug.split('-')).filter((w) => /^[a-z]{3,}$/.test(w)))].sort();
  const prefixes = words.flatMap((w) => Array.from({ length: Math.min(6, w.length) }, (_, i) => w.slice(0, i + 1)));
  let seed = 20_261_204;
  const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
  for (let i = prefixes.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [prefixes[i], prefixes[j]] = [prefixes[j]!, prefixes[i]!];
  }
  return prefixes.map((query) => ({ query }));
}

const SEARCH_TERMS = [
  'shirt', 'linen', 'merino wool', 'leather boots', 'sneaker', 'cashmere', 'denim', 'backpack',
  'organic cotton tee', 'jacket', 'suede', 'dress', 'socks', 'canvas tote', 'chelsea boot', 'hoodie',
  'wallet', 'beanie', 'loafer', 'knit',
];

const ADD_TO_CART: Scenario = {
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
};

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
    // Issue 14's comparison with the closest peer: the same shape as its catalog page.
    name: 'catalog-page',
    description: 'catalog page as issue 14 compares it with the peer: 20 products with their variants (id, title, price, stock) and the total',
    viewer: 'anonymous',
    query: `query CatalogPage($first: Int!) {
      products(first: $first) {
        totalCount
        edges { node { id name variants { id title price { amount currencyCode } inventory { available } } } }
      }
    }`,
    variables: () => [{ first: 20 }],
    problem: (data) => (data.products?.edges?.length === 20 ? null : `expected 20 products, got ${data.products?.edges?.length}`),
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
    name: 'suggest',
    description: 'search box suggestions as the shopper types (1 to 6 letters of the catalog\'s words), uncached: 8 of products, categories and brands',
    viewer: 'customer',
    uncached: true,
    query: `query Suggest($query: String!) {
      searchSuggestions(query: $query, first: 8) { kind text product { id slug } category { id slug } }
    }`,
    variables: (fixtures) => typedPrefixes(fixtures.slugs),
    // Every prefix begins a word of a live product's brand or name.
    problem: (data) => (data.searchSuggestions?.length > 0 ? null : 'no suggestion for the beginning of a catalog word'),
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
  ADD_TO_CART,
  {
    ...ADD_TO_CART,
    name: 'add-to-growing-cart',
    description: 'add to cart: 10 shoppers each adding one unit of the next of 40 variants to their own cart, which grows to 40 lines, answered with the priced cart',
    shoppers: 10,
  },
];
