/* Generated from schema/catalog*.graphql by `npm run codegen`: do not edit. */
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ProductRow, VariantRow, CategoryRow, ImageRow, OptionRow, InventoryRow, ReservationRow, ProductConnectionRow, CategoryFacetRow } from '../models.js';
import type { Money as MoneyValue } from '../../../lib/money.js';
import type { ProductQuery } from '../product-search.js';
import type { CatalogContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in UTC, as ISO 8601 (RFC 3339), e.g. 2026-11-30T12:00:00.000Z. Inputs may carry any offset; answers are always UTC. */
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type CatalogErrorCode =
  /** Stock on hand cannot go below what is reserved. */
  | 'BELOW_RESERVED'
  /** A category cannot sit under itself or one of its descendants. */
  | 'CATEGORY_CYCLE'
  /** No category has this id. */
  | 'CATEGORY_NOT_FOUND'
  /** A lifecycle refused the change, e.g. committing a released reservation. */
  | 'ILLEGAL_TRANSITION'
  /** No image has this id. */
  | 'IMAGE_NOT_FOUND'
  /** Not enough stock available for the reservation. */
  | 'INSUFFICIENT_STOCK'
  /** Not an ISO 4217 currency code. */
  | 'INVALID_CURRENCY'
  /** A malformed value, or one missing that is required. */
  | 'INVALID_INPUT'
  /** A price that is not a whole number of minor units in range. */
  | 'INVALID_PRICE'
  /** Not an absolute http(s) URL. */
  | 'INVALID_URL'
  /** No product option has this id. */
  | 'OPTION_NOT_FOUND'
  /** The product already has an option of this name, or the option this value. */
  | 'OPTION_TAKEN'
  /** Variants still use an option value the change would remove. */
  | 'OPTION_VALUE_IN_USE'
  /** The product has no such option, or the option no such value. */
  | 'OPTION_VALUE_NOT_FOUND'
  /** The product is archived and takes no more changes. */
  | 'PRODUCT_ARCHIVED'
  /** No product has this id. */
  | 'PRODUCT_NOT_FOUND'
  /** A quantity outside its range. */
  | 'QUANTITY_OUT_OF_RANGE'
  /** No reservation is held for this owner. */
  | 'RESERVATION_NOT_FOUND'
  /** Another variant has this SKU. */
  | 'SKU_TAKEN'
  /** Another product has this slug (or another category, for categories). */
  | 'SLUG_TAKEN'
  /** A text longer than its field allows. */
  | 'TOO_LONG'
  /** No variant has this id. */
  | 'VARIANT_NOT_FOUND'
  /** The variant or its product is not for sale. */
  | 'VARIANT_UNAVAILABLE';

export type CatalogUserError = UserError & {
  __typename?: 'CatalogUserError';
  code: CatalogErrorCode;
  field: Maybe<Array<Scalars['String']['output']>>;
  message: Scalars['String']['output'];
};

export type Category = {
  __typename?: 'Category';
  children: Array<Category>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  parent: Maybe<Category>;
  /** Live products in this category or any of its descendants. */
  products: ProductConnection;
  slug: Scalars['String']['output'];
  sortOrder: Scalars['Int']['output'];
};


export type CategoryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<ProductSort>;
};

export type CategoryFacet = {
  __typename?: 'CategoryFacet';
  category: Category;
  count: Scalars['Int']['output'];
};

export type CategoryInput = {
  name: Scalars['String']['input'];
  parentId?: InputMaybe<Scalars['ID']['input']>;
  slug: Scalars['String']['input'];
  sortOrder?: InputMaybe<Scalars['Int']['input']>;
};

export type CategoryPayload = {
  __typename?: 'CategoryPayload';
  category: Maybe<Category>;
  userErrors: Array<CatalogUserError>;
};

export type CreateProductInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  brand?: InputMaybe<Scalars['String']['input']>;
  categoryIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  description?: InputMaybe<Scalars['String']['input']>;
  images?: InputMaybe<Array<ProductImageInput>>;
  name: Scalars['String']['input'];
  options?: InputMaybe<Array<ProductOptionInput>>;
  slug: Scalars['String']['input'];
  variants?: InputMaybe<Array<ProductVariantInput>>;
};

/** ISO 4217 codes of the currencies in use today. */
export type CurrencyCode =
  | 'AED'
  | 'AFN'
  | 'ALL'
  | 'AMD'
  | 'ANG'
  | 'AOA'
  | 'ARS'
  | 'AUD'
  | 'AWG'
  | 'AZN'
  | 'BAM'
  | 'BBD'
  | 'BDT'
  | 'BGN'
  | 'BHD'
  | 'BIF'
  | 'BMD'
  | 'BND'
  | 'BOB'
  | 'BRL'
  | 'BSD'
  | 'BTN'
  | 'BWP'
  | 'BYN'
  | 'BZD'
  | 'CAD'
  | 'CDF'
  | 'CHF'
  | 'CLP'
  | 'CNY'
  | 'COP'
  | 'CRC'
  | 'CUP'
  | 'CVE'
  | 'CZK'
  | 'DJF'
  | 'DKK'
  | 'DOP'
  | 'DZD'
  | 'EGP'
  | 'ERN'
  | 'ETB'
  | 'EUR'
  | 'FJD'
  | 'FKP'
  | 'GBP'
  | 'GEL'
  | 'GHS'
  | 'GIP'
  | 'GMD'
  | 'GNF'
  | 'GTQ'
  | 'GYD'
  | 'HKD'
  | 'HNL'
  | 'HTG'
  | 'HUF'
  | 'IDR'
  | 'ILS'
  | 'INR'
  | 'IQD'
  | 'IRR'
  | 'ISK'
  | 'JMD'
  | 'JOD'
  | 'JPY'
  | 'KES'
  | 'KGS'
  | 'KHR'
  | 'KMF'
  | 'KPW'
  | 'KRW'
  | 'KWD'
  | 'KYD'
  | 'KZT'
  | 'LAK'
  | 'LBP'
  | 'LKR'
  | 'LRD'
  | 'LSL'
  | 'LYD'
  | 'MAD'
  | 'MDL'
  | 'MGA'
  | 'MKD'
  | 'MMK'
  | 'MNT'
  | 'MOP'
  | 'MRU'
  | 'MUR'
  | 'MVR'
  | 'MWK'
  | 'MXN'
  | 'MYR'
  | 'MZN'
  | 'NAD'
  | 'NGN'
  | 'NIO'
  | 'NOK'
  | 'NPR'
  | 'NZD'
  | 'OMR'
  | 'PAB'
  | 'PEN'
  | 'PGK'
  | 'PHP'
  | 'PKR'
  | 'PLN'
  | 'PYG'
  | 'QAR'
  | 'RON'
  | 'RSD'
  | 'RUB'
  | 'RWF'
  | 'SAR'
  | 'SBD'
  | 'SCR'
  | 'SDG'
  | 'SEK'
  | 'SGD'
  | 'SHP'
  | 'SLE'
  | 'SOS'
  | 'SRD'
  | 'SSP'
  | 'STN'
  | 'SVC'
  | 'SYP'
  | 'SZL'
  | 'THB'
  | 'TJS'
  | 'TMT'
  | 'TND'
  | 'TOP'
  | 'TRY'
  | 'TTD'
  | 'TWD'
  | 'TZS'
  | 'UAH'
  | 'UGX'
  | 'USD'
  | 'UYU'
  | 'UZS'
  | 'VES'
  | 'VND'
  | 'VUV'
  | 'WST'
  | 'XAF'
  | 'XCD'
  | 'XCG'
  | 'XOF'
  | 'XPF'
  | 'YER'
  | 'ZAR'
  | 'ZMW'
  | 'ZWG'
  | 'ZWL';

export type Inventory = {
  __typename?: 'Inventory';
  /** Units a shopper can buy now: onHand − reserved. */
  available: Scalars['Int']['output'];
  /** Where the stock is kept. Staff only, as onHand. */
  location: Maybe<Scalars['String']['output']>;
  /** Units in stock. Staff (admin, support) only: null, with a FORBIDDEN error, for anyone else. */
  onHand: Maybe<Scalars['Int']['output']>;
  /** At or below this many available units the variant is low on stock (InventoryLow). Staff only, as onHand. */
  reorderThreshold: Maybe<Scalars['Int']['output']>;
  /** Units held by checkouts not yet paid. Staff only, as onHand. */
  reserved: Maybe<Scalars['Int']['output']>;
};

export type InventoryPayload = {
  __typename?: 'InventoryPayload';
  inventory: Maybe<Inventory>;
  userErrors: Array<CatalogUserError>;
  variant: Maybe<ProductVariant>;
};

export type InventoryReservation = {
  __typename?: 'InventoryReservation';
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  lines: Array<InventoryReservationLine>;
  ownerId: Scalars['ID']['output'];
  status: InventoryReservationStatus;
};

export type InventoryReservationLine = {
  __typename?: 'InventoryReservationLine';
  quantity: Scalars['Int']['output'];
  variantId: Scalars['ID']['output'];
};

export type InventoryReservationPayload = {
  __typename?: 'InventoryReservationPayload';
  reservation: Maybe<InventoryReservation>;
  userErrors: Array<CatalogUserError>;
};

export type InventoryReservationStatus =
  | 'ACTIVE'
  | 'COMMITTED'
  | 'EXPIRED'
  | 'RELEASED';

/** An amount of money: integer minor units in a currency, e.g. 1250 USD is $12.50. */
export type Money = {
  __typename?: 'Money';
  /** Integer minor units (cents for USD, yen for JPY, fils for KWD). */
  amount: Scalars['Int']['output'];
  /** The currency (ISO 4217). */
  currencyCode: CurrencyCode;
  /** For display, e.g. $12.50. */
  formatted: Scalars['String']['output'];
  /** Digits after the decimal point in this currency: 2 for USD, 0 for JPY, 3 for KWD. amount / 10^fractionDigits is the amount in major units. */
  fractionDigits: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  addProductImage: ProductPayload;
  addProductOption: ProductPayload;
  addProductVariant: ProductVariantPayload;
  /** Adds `delta` (negative to remove) to the stock on hand, atomically. */
  adjustInventory: InventoryPayload;
  /** Soft delete: the product leaves the storefront and searches; its rows and history stay. */
  archiveProduct: ProductPayload;
  /** Service only: the held stock leaves the warehouse (the order was paid). */
  commitInventoryReservation: InventoryReservationPayload;
  createCategory: CategoryPayload;
  createProduct: ProductPayload;
  /** Service only: the held stock returns to available (the order was cancelled). */
  releaseInventoryReservation: InventoryReservationPayload;
  removeProductImage: ProductPayload;
  /** Service only: holds stock for every line or for none; repeat calls with the same owner return the same reservation. */
  reserveInventory: InventoryReservationPayload;
  /** Sets the stock on hand (it may not fall below what is reserved). */
  setInventory: InventoryPayload;
  /** Omitted parentId and sortOrder keep their values; parentId: null moves the category to the root. */
  updateCategory: CategoryPayload;
  updateProduct: ProductPayload;
  updateProductImage: ProductPayload;
  /** Renames an option or adds values to it; values in use by variants cannot be removed. */
  updateProductOption: ProductPayload;
  updateProductVariant: ProductVariantPayload;
};


export type MutationAddProductImageArgs = {
  input: ProductImageInput;
  productId: Scalars['ID']['input'];
};


export type MutationAddProductOptionArgs = {
  input: ProductOptionInput;
  productId: Scalars['ID']['input'];
};


export type MutationAddProductVariantArgs = {
  input: ProductVariantInput;
  productId: Scalars['ID']['input'];
};


export type MutationAdjustInventoryArgs = {
  delta: Scalars['Int']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  variantId: Scalars['ID']['input'];
};


export type MutationArchiveProductArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCommitInventoryReservationArgs = {
  ownerId: Scalars['ID']['input'];
};


export type MutationCreateCategoryArgs = {
  input: CategoryInput;
};


export type MutationCreateProductArgs = {
  input: CreateProductInput;
};


export type MutationReleaseInventoryReservationArgs = {
  ownerId: Scalars['ID']['input'];
};


export type MutationRemoveProductImageArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReserveInventoryArgs = {
  input: ReserveInventoryInput;
};


export type MutationSetInventoryArgs = {
  location?: InputMaybe<Scalars['String']['input']>;
  onHand: Scalars['Int']['input'];
  reorderThreshold?: InputMaybe<Scalars['Int']['input']>;
  variantId: Scalars['ID']['input'];
};


export type MutationUpdateCategoryArgs = {
  id: Scalars['ID']['input'];
  input: CategoryInput;
};


export type MutationUpdateProductArgs = {
  id: Scalars['ID']['input'];
  input: UpdateProductInput;
};


export type MutationUpdateProductImageArgs = {
  id: Scalars['ID']['input'];
  input: ProductImageInput;
};


export type MutationUpdateProductOptionArgs = {
  id: Scalars['ID']['input'];
  input: ProductOptionInput;
};


export type MutationUpdateProductVariantArgs = {
  id: Scalars['ID']['input'];
  input: UpdateProductVariantInput;
};

export type OptionFacet = {
  __typename?: 'OptionFacet';
  name: Scalars['String']['output'];
  values: Array<OptionValueFacet>;
};

export type OptionValueFacet = {
  __typename?: 'OptionValueFacet';
  count: Scalars['Int']['output'];
  value: Scalars['String']['output'];
};

export type OptionValueFilter = {
  name: Scalars['String']['input'];
  values: Array<Scalars['String']['input']>;
};

/** Where a page of a connection sits: Relay's PageInfo. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last item of the page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** Whether there are items after this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether there are items before this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first item of the page. */
  startCursor: Maybe<Scalars['String']['output']>;
};

export type PriceRange = {
  __typename?: 'PriceRange';
  max: Money;
  min: Money;
};

/** A price bucket in minor units: min inclusive, max exclusive (null: no upper bound). */
export type PriceRangeFacet = {
  __typename?: 'PriceRangeFacet';
  count: Scalars['Int']['output'];
  max: Maybe<Scalars['Int']['output']>;
  min: Scalars['Int']['output'];
};

export type Product = {
  __typename?: 'Product';
  active: Scalars['Boolean']['output'];
  archived: Scalars['Boolean']['output'];
  brand: Maybe<Scalars['String']['output']>;
  categories: Array<Category>;
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  images: Array<ProductImage>;
  name: Scalars['String']['output'];
  options: Array<ProductOption>;
  /** Lowest and highest price among the active variants; null when there are none. */
  priceRange: Maybe<PriceRange>;
  slug: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  variants: Array<ProductVariant>;
};

export type ProductConnection = {
  __typename?: 'ProductConnection';
  edges: Array<ProductEdge>;
  /** Counts over every product matching the current filter. */
  facets: ProductFacets;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ProductEdge = {
  __typename?: 'ProductEdge';
  cursor: Scalars['String']['output'];
  node: Product;
};

export type ProductFacets = {
  __typename?: 'ProductFacets';
  /** Categories with matching products, each counting its descendants' products too. */
  categories: Array<CategoryFacet>;
  options: Array<OptionFacet>;
  priceRanges: Array<PriceRangeFacet>;
};

export type ProductFilter = {
  /** Staff (admin, support) only may ask for inactive products (false); everyone else sees active ones. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** This category and all of its descendants. */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  inStock?: InputMaybe<Scalars['Boolean']['input']>;
  /** Each entry must match (values within an entry are alternatives) on one and the same variant. */
  options?: InputMaybe<Array<OptionValueFilter>>;
  priceMax?: InputMaybe<Scalars['Int']['input']>;
  /** Minor units, inclusive; a product matches when one of its variants does. */
  priceMin?: InputMaybe<Scalars['Int']['input']>;
  /** Full-text search over name, brand, description and SKU. */
  search?: InputMaybe<Scalars['String']['input']>;
};

export type ProductImage = {
  __typename?: 'ProductImage';
  altText: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  position: Scalars['Int']['output'];
  url: Scalars['String']['output'];
};

export type ProductImageInput = {
  altText?: InputMaybe<Scalars['String']['input']>;
  position?: InputMaybe<Scalars['Int']['input']>;
  url: Scalars['String']['input'];
};

export type ProductOption = {
  __typename?: 'ProductOption';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  position: Scalars['Int']['output'];
  values: Array<Scalars['String']['output']>;
};

export type ProductOptionInput = {
  name: Scalars['String']['input'];
  values: Array<Scalars['String']['input']>;
};

export type ProductPayload = {
  __typename?: 'ProductPayload';
  product: Maybe<Product>;
  userErrors: Array<CatalogUserError>;
};

export type ProductSort =
  | 'NAME_ASC'
  | 'NAME_DESC'
  | 'NEWEST'
  | 'PRICE_ASC'
  | 'PRICE_DESC'
  | 'RELEVANCE';

export type ProductVariant = {
  __typename?: 'ProductVariant';
  active: Scalars['Boolean']['output'];
  /** True when the variant is active, its product is live, and stock is available. */
  availableForSale: Scalars['Boolean']['output'];
  compareAtPrice: Maybe<Money>;
  id: Scalars['ID']['output'];
  /** Stock: its available units for everyone, the figures behind them for staff. */
  inventory: Inventory;
  options: Array<SelectedOption>;
  price: Money;
  product: Product;
  /** Units a shopper can buy now: on hand less what checkouts hold. */
  quantityAvailable: Scalars['Int']['output'];
  sku: Scalars['String']['output'];
  title: Scalars['String']['output'];
  weightGrams: Maybe<Scalars['Int']['output']>;
};

export type ProductVariantInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  compareAtPrice?: InputMaybe<Scalars['Int']['input']>;
  currencyCode?: InputMaybe<CurrencyCode>;
  /** Initial stock on hand. */
  onHand?: InputMaybe<Scalars['Int']['input']>;
  options?: InputMaybe<Array<SelectedOptionInput>>;
  /** Minor units. */
  price: Scalars['Int']['input'];
  reorderThreshold?: InputMaybe<Scalars['Int']['input']>;
  sku: Scalars['String']['input'];
  title?: InputMaybe<Scalars['String']['input']>;
  weightGrams?: InputMaybe<Scalars['Int']['input']>;
};

export type ProductVariantPayload = {
  __typename?: 'ProductVariantPayload';
  userErrors: Array<CatalogUserError>;
  variant: Maybe<ProductVariant>;
};

/**
 * The catalog: products, their options and variants, categories, images and stock.
 * Anyone may read active products; only admins change them.
 */
export type Query = {
  __typename?: 'Query';
  /** The category tree: root categories in sort order; follow `children` for the rest. */
  categories: Array<Category>;
  category: Maybe<Category>;
  /** One product by id or slug (exactly one of them). */
  product: Maybe<Product>;
  /**
   * Products matching `filter`, in `sort` order. `first` is at most 250 (default 20).
   * RELEVANCE needs `filter.search`; without it the order is NEWEST.
   * Archived products never appear; inactive ones only to staff who ask for `active: false`.
   */
  products: ProductConnection;
};


/**
 * The catalog: products, their options and variants, categories, images and stock.
 * Anyone may read active products; only admins change them.
 */
export type QueryCategoryArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


/**
 * The catalog: products, their options and variants, categories, images and stock.
 * Anyone may read active products; only admins change them.
 */
export type QueryProductArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


/**
 * The catalog: products, their options and variants, categories, images and stock.
 * Anyone may read active products; only admins change them.
 */
export type QueryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProductFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<ProductSort>;
};

export type ReserveInventoryInput = {
  lines: Array<ReserveInventoryLineInput>;
  ownerId: Scalars['ID']['input'];
  /** How long the stock is held before the expiry worker returns it (default 15 minutes). */
  ttlSeconds?: InputMaybe<Scalars['Int']['input']>;
};

export type ReserveInventoryLineInput = {
  quantity: Scalars['Int']['input'];
  variantId: Scalars['ID']['input'];
};

export type SelectedOption = {
  __typename?: 'SelectedOption';
  name: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

export type SelectedOptionInput = {
  name: Scalars['String']['input'];
  value: Scalars['String']['input'];
};

export type UpdateProductInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  brand?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the product's categories. */
  categoryIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateProductVariantInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  compareAtPrice?: InputMaybe<Scalars['Int']['input']>;
  options?: InputMaybe<Array<SelectedOptionInput>>;
  price?: InputMaybe<Scalars['Int']['input']>;
  sku?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
  weightGrams?: InputMaybe<Scalars['Int']['input']>;
};

/** A business failure a mutation refused with; every payload's error type implements it, with a code from its context's *ErrorCode enum. */
export type UserError = {
  /** Path to the input field at fault, if any, e.g. ["input", "lines", "2", "quantity"]. */
  field: Maybe<Array<Scalars['String']['output']>>;
  /** What went wrong, for people. */
  message: Scalars['String']['output'];
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Category: Category;
  Product: Product;
  ProductVariant: ProductVariant;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Category:
    ( { __typename: 'Category' }
    & GraphQLRecursivePick<FederationTypes['Category'], {"id":true}> );
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"id":true}> );
  ProductVariant:
    ( { __typename: 'ProductVariant' }
    & GraphQLRecursivePick<FederationTypes['ProductVariant'], {"id":true}> );
}>;


/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  UserError: ( CatalogUserError );
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  CatalogErrorCode: CatalogErrorCode;
  CatalogUserError: ResolverTypeWrapper<CatalogUserError>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Category: ResolverTypeWrapper<CategoryRow>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CategoryFacet: ResolverTypeWrapper<CategoryFacetRow>;
  CategoryInput: CategoryInput;
  CategoryPayload: ResolverTypeWrapper<Omit<CategoryPayload, 'category'> & { category?: Maybe<ResolversTypes['Category']> }>;
  CreateProductInput: CreateProductInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CurrencyCode: CurrencyCode;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Inventory: ResolverTypeWrapper<InventoryRow>;
  InventoryPayload: ResolverTypeWrapper<Omit<InventoryPayload, 'inventory' | 'variant'> & { inventory?: Maybe<ResolversTypes['Inventory']>, variant?: Maybe<ResolversTypes['ProductVariant']> }>;
  InventoryReservation: ResolverTypeWrapper<ReservationRow>;
  InventoryReservationLine: ResolverTypeWrapper<InventoryReservationLine>;
  InventoryReservationPayload: ResolverTypeWrapper<Omit<InventoryReservationPayload, 'reservation'> & { reservation?: Maybe<ResolversTypes['InventoryReservation']> }>;
  InventoryReservationStatus: InventoryReservationStatus;
  Money: ResolverTypeWrapper<MoneyValue>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OptionFacet: ResolverTypeWrapper<OptionFacet>;
  OptionValueFacet: ResolverTypeWrapper<OptionValueFacet>;
  OptionValueFilter: OptionValueFilter;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PriceRange: ResolverTypeWrapper<Omit<PriceRange, 'max' | 'min'> & { max: ResolversTypes['Money'], min: ResolversTypes['Money'] }>;
  PriceRangeFacet: ResolverTypeWrapper<PriceRangeFacet>;
  Product: ResolverTypeWrapper<ProductRow>;
  ProductConnection: ResolverTypeWrapper<ProductConnectionRow>;
  ProductEdge: ResolverTypeWrapper<Omit<ProductEdge, 'node'> & { node: ResolversTypes['Product'] }>;
  ProductFacets: ResolverTypeWrapper<ProductQuery>;
  ProductFilter: ProductFilter;
  ProductImage: ResolverTypeWrapper<ImageRow>;
  ProductImageInput: ProductImageInput;
  ProductOption: ResolverTypeWrapper<OptionRow>;
  ProductOptionInput: ProductOptionInput;
  ProductPayload: ResolverTypeWrapper<Omit<ProductPayload, 'product'> & { product?: Maybe<ResolversTypes['Product']> }>;
  ProductSort: ProductSort;
  ProductVariant: ResolverTypeWrapper<VariantRow>;
  ProductVariantInput: ProductVariantInput;
  ProductVariantPayload: ResolverTypeWrapper<Omit<ProductVariantPayload, 'variant'> & { variant?: Maybe<ResolversTypes['ProductVariant']> }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReserveInventoryInput: ReserveInventoryInput;
  ReserveInventoryLineInput: ReserveInventoryLineInput;
  SelectedOption: ResolverTypeWrapper<SelectedOption>;
  SelectedOptionInput: SelectedOptionInput;
  UpdateProductInput: UpdateProductInput;
  UpdateProductVariantInput: UpdateProductVariantInput;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  CatalogUserError: CatalogUserError;
  String: Scalars['String']['output'];
  Category: CategoryRow;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  CategoryFacet: CategoryFacetRow;
  CategoryInput: CategoryInput;
  CategoryPayload: Omit<CategoryPayload, 'category'> & { category?: Maybe<ResolversParentTypes['Category']> };
  CreateProductInput: CreateProductInput;
  Boolean: Scalars['Boolean']['output'];
  DateTime: Scalars['DateTime']['output'];
  Inventory: InventoryRow;
  InventoryPayload: Omit<InventoryPayload, 'inventory' | 'variant'> & { inventory?: Maybe<ResolversParentTypes['Inventory']>, variant?: Maybe<ResolversParentTypes['ProductVariant']> };
  InventoryReservation: ReservationRow;
  InventoryReservationLine: InventoryReservationLine;
  InventoryReservationPayload: Omit<InventoryReservationPayload, 'reservation'> & { reservation?: Maybe<ResolversParentTypes['InventoryReservation']> };
  Money: MoneyValue;
  Mutation: Record<PropertyKey, never>;
  OptionFacet: OptionFacet;
  OptionValueFacet: OptionValueFacet;
  OptionValueFilter: OptionValueFilter;
  PageInfo: PageInfo;
  PriceRange: Omit<PriceRange, 'max' | 'min'> & { max: ResolversParentTypes['Money'], min: ResolversParentTypes['Money'] };
  PriceRangeFacet: PriceRangeFacet;
  Product: ProductRow;
  ProductConnection: ProductConnectionRow;
  ProductEdge: Omit<ProductEdge, 'node'> & { node: ResolversParentTypes['Product'] };
  ProductFacets: ProductQuery;
  ProductFilter: ProductFilter;
  ProductImage: ImageRow;
  ProductImageInput: ProductImageInput;
  ProductOption: OptionRow;
  ProductOptionInput: ProductOptionInput;
  ProductPayload: Omit<ProductPayload, 'product'> & { product?: Maybe<ResolversParentTypes['Product']> };
  ProductVariant: VariantRow;
  ProductVariantInput: ProductVariantInput;
  ProductVariantPayload: Omit<ProductVariantPayload, 'variant'> & { variant?: Maybe<ResolversParentTypes['ProductVariant']> };
  Query: Record<PropertyKey, never>;
  ReserveInventoryInput: ReserveInventoryInput;
  ReserveInventoryLineInput: ReserveInventoryLineInput;
  SelectedOption: SelectedOption;
  SelectedOptionInput: SelectedOptionInput;
  UpdateProductInput: UpdateProductInput;
  UpdateProductVariantInput: UpdateProductVariantInput;
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
}>;

export type CatalogUserErrorResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['CatalogUserError'] = ResolversParentTypes['CatalogUserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['CatalogErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CategoryResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Category'] = ResolversParentTypes['Category'], FederationReferenceType extends FederationReferenceTypes['Category'] = FederationReferenceTypes['Category']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Category']> | FederationReferenceType, FederationReferenceType, ContextType>;
  children?: Resolver<Array<ResolversTypes['Category']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType>;
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, RequireFields<CategoryProductsArgs, 'first' | 'sort'>>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sortOrder?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CategoryFacetResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['CategoryFacet'] = ResolversParentTypes['CategoryFacet']> = ResolversObject<{
  category?: Resolver<ResolversTypes['Category'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CategoryPayloadResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['CategoryPayload'] = ResolversParentTypes['CategoryPayload']> = ResolversObject<{
  category?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['CatalogUserError']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type InventoryResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Inventory'] = ResolversParentTypes['Inventory']> = ResolversObject<{
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  onHand?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  reorderThreshold?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  reserved?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type InventoryPayloadResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['InventoryPayload'] = ResolversParentTypes['InventoryPayload']> = ResolversObject<{
  inventory?: Resolver<Maybe<ResolversTypes['Inventory']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['CatalogUserError']>, ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['ProductVariant']>, ParentType, ContextType>;
}>;

export type InventoryReservationResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['InventoryReservation'] = ResolversParentTypes['InventoryReservation']> = ResolversObject<{
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['InventoryReservationLine']>, ParentType, ContextType>;
  ownerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InventoryReservationStatus'], ParentType, ContextType>;
}>;

export type InventoryReservationLineResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['InventoryReservationLine'] = ResolversParentTypes['InventoryReservationLine']> = ResolversObject<{
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type InventoryReservationPayloadResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['InventoryReservationPayload'] = ResolversParentTypes['InventoryReservationPayload']> = ResolversObject<{
  reservation?: Resolver<Maybe<ResolversTypes['InventoryReservation']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['CatalogUserError']>, ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
  formatted?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fractionDigits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addProductImage?: Resolver<ResolversTypes['ProductPayload'], ParentType, ContextType, RequireFields<MutationAddProductImageArgs, 'input' | 'productId'>>;
  addProductOption?: Resolver<ResolversTypes['ProductPayload'], ParentType, ContextType, RequireFields<MutationAddProductOptionArgs, 'input' | 'productId'>>;
  addProductVariant?: Resolver<ResolversTypes['ProductVariantPayload'], ParentType, ContextType, RequireFields<MutationAddProductVariantArgs, 'input' | 'productId'>>;
  adjustInventory?: Resolver<ResolversTypes['InventoryPayload'], ParentType, ContextType, RequireFields<MutationAdjustInventoryArgs, 'delta' | 'variantId'>>;
  archiveProduct?: Resolver<ResolversTypes['ProductPayload'], ParentType, ContextType, RequireFields<MutationArchiveProductArgs, 'id'>>;
  commitInventoryReservation?: Resolver<ResolversTypes['InventoryReservationPayload'], ParentType, ContextType, RequireFields<MutationCommitInventoryReservationArgs, 'ownerId'>>;
  createCategory?: Resolver<ResolversTypes['CategoryPayload'], ParentType, ContextType, RequireFields<MutationCreateCategoryArgs, 'input'>>;
  createProduct?: Resolver<ResolversTypes['ProductPayload'], ParentType, ContextType, RequireFields<MutationCreateProductArgs, 'input'>>;
  releaseInventoryReservation?: Resolver<ResolversTypes['InventoryReservationPayload'], ParentType, ContextType, RequireFields<MutationReleaseInventoryReservationArgs, 'ownerId'>>;
  removeProductImage?: Resolver<ResolversTypes['ProductPayload'], ParentType, ContextType, RequireFields<MutationRemoveProductImageArgs, 'id'>>;
  reserveInventory?: Resolver<ResolversTypes['InventoryReservationPayload'], ParentType, ContextType, RequireFields<MutationReserveInventoryArgs, 'input'>>;
  setInventory?: Resolver<ResolversTypes['InventoryPayload'], ParentType, ContextType, RequireFields<MutationSetInventoryArgs, 'onHand' | 'variantId'>>;
  updateCategory?: Resolver<ResolversTypes['CategoryPayload'], ParentType, ContextType, RequireFields<MutationUpdateCategoryArgs, 'id' | 'input'>>;
  updateProduct?: Resolver<ResolversTypes['ProductPayload'], ParentType, ContextType, RequireFields<MutationUpdateProductArgs, 'id' | 'input'>>;
  updateProductImage?: Resolver<ResolversTypes['ProductPayload'], ParentType, ContextType, RequireFields<MutationUpdateProductImageArgs, 'id' | 'input'>>;
  updateProductOption?: Resolver<ResolversTypes['ProductPayload'], ParentType, ContextType, RequireFields<MutationUpdateProductOptionArgs, 'id' | 'input'>>;
  updateProductVariant?: Resolver<ResolversTypes['ProductVariantPayload'], ParentType, ContextType, RequireFields<MutationUpdateProductVariantArgs, 'id' | 'input'>>;
}>;

export type OptionFacetResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['OptionFacet'] = ResolversParentTypes['OptionFacet']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['OptionValueFacet']>, ParentType, ContextType>;
}>;

export type OptionValueFacetResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['OptionValueFacet'] = ResolversParentTypes['OptionValueFacet']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PriceRangeResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['PriceRange'] = ResolversParentTypes['PriceRange']> = ResolversObject<{
  max?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  min?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type PriceRangeFacetResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['PriceRangeFacet'] = ResolversParentTypes['PriceRangeFacet']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  max?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  min?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ProductResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  archived?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  brand?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  categories?: Resolver<Array<ResolversTypes['Category']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  images?: Resolver<Array<ResolversTypes['ProductImage']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['ProductOption']>, ParentType, ContextType>;
  priceRange?: Resolver<Maybe<ResolversTypes['PriceRange']>, ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  variants?: Resolver<Array<ResolversTypes['ProductVariant']>, ParentType, ContextType>;
}>;

export type ProductConnectionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['ProductConnection'] = ResolversParentTypes['ProductConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ProductEdge']>, ParentType, ContextType>;
  facets?: Resolver<ResolversTypes['ProductFacets'], ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ProductEdgeResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['ProductEdge'] = ResolversParentTypes['ProductEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
}>;

export type ProductFacetsResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['ProductFacets'] = ResolversParentTypes['ProductFacets']> = ResolversObject<{
  categories?: Resolver<Array<ResolversTypes['CategoryFacet']>, ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['OptionFacet']>, ParentType, ContextType>;
  priceRanges?: Resolver<Array<ResolversTypes['PriceRangeFacet']>, ParentType, ContextType>;
}>;

export type ProductImageResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['ProductImage'] = ResolversParentTypes['ProductImage']> = ResolversObject<{
  altText?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ProductOptionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['ProductOption'] = ResolversParentTypes['ProductOption']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ProductPayloadResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['ProductPayload'] = ResolversParentTypes['ProductPayload']> = ResolversObject<{
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['CatalogUserError']>, ParentType, ContextType>;
}>;

export type ProductVariantResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['ProductVariant'] = ResolversParentTypes['ProductVariant'], FederationReferenceType extends FederationReferenceTypes['ProductVariant'] = FederationReferenceTypes['ProductVariant']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ProductVariant']> | FederationReferenceType, FederationReferenceType, ContextType>;
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  availableForSale?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  compareAtPrice?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inventory?: Resolver<ResolversTypes['Inventory'], ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['SelectedOption']>, ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  quantityAvailable?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weightGrams?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type ProductVariantPayloadResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['ProductVariantPayload'] = ResolversParentTypes['ProductVariantPayload']> = ResolversObject<{
  userErrors?: Resolver<Array<ResolversTypes['CatalogUserError']>, ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['ProductVariant']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  categories?: Resolver<Array<ResolversTypes['Category']>, ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType, Partial<QueryCategoryArgs>>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType, Partial<QueryProductArgs>>;
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, RequireFields<QueryProductsArgs, 'first' | 'sort'>>;
}>;

export type SelectedOptionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['SelectedOption'] = ResolversParentTypes['SelectedOption']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  __resolveType: TypeResolveFn<'CatalogUserError', ParentType, ContextType>;
}>;

export type Resolvers<ContextType = CatalogContext> = ResolversObject<{
  CatalogUserError?: CatalogUserErrorResolvers<ContextType>;
  Category?: CategoryResolvers<ContextType>;
  CategoryFacet?: CategoryFacetResolvers<ContextType>;
  CategoryPayload?: CategoryPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Inventory?: InventoryResolvers<ContextType>;
  InventoryPayload?: InventoryPayloadResolvers<ContextType>;
  InventoryReservation?: InventoryReservationResolvers<ContextType>;
  InventoryReservationLine?: InventoryReservationLineResolvers<ContextType>;
  InventoryReservationPayload?: InventoryReservationPayloadResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OptionFacet?: OptionFacetResolvers<ContextType>;
  OptionValueFacet?: OptionValueFacetResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PriceRange?: PriceRangeResolvers<ContextType>;
  PriceRangeFacet?: PriceRangeFacetResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductConnection?: ProductConnectionResolvers<ContextType>;
  ProductEdge?: ProductEdgeResolvers<ContextType>;
  ProductFacets?: ProductFacetsResolvers<ContextType>;
  ProductImage?: ProductImageResolvers<ContextType>;
  ProductOption?: ProductOptionResolvers<ContextType>;
  ProductPayload?: ProductPayloadResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  ProductVariantPayload?: ProductVariantPayloadResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SelectedOption?: SelectedOptionResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
}>;

