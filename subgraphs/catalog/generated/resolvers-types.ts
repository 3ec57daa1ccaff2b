/* Generated from schema/catalog*.graphql by `npm run codegen`: do not edit. */
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ProductRow, VariantView, CategoryRow, ImageView, OptionRow, InventoryRow, ReservationRow, ProductConnectionRow, CategoryFacetRow, CatalogImportRow } from '../models.js';
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
  /** A country as its ISO 3166-1 alpha-2 code in capitals, e.g. US, DE, GB. */
  CountryCode: { input: string; output: string; }
  /** An instant in UTC, as ISO 8601 (RFC 3339), e.g. 2026-11-30T12:00:00.000Z. Inputs may carry any offset; answers are always UTC. */
  DateTime: { input: Date; output: Date; }
  /** An integer up to ±(2^53 − 1), exact in JSON and JavaScript: GraphQL's Int stops at 2^31 − 1. */
  SafeInt: { input: number; output: number; }
  /** An absolute URL (RFC 3986), e.g. https://cdn.example.com/tee.jpg; answered normalized (lower-case scheme and host, escaped spaces). */
  URL: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A postal address. */
export type Address = {
  __typename?: 'Address';
  /** City or town. */
  city: Scalars['String']['output'];
  /** The country. */
  country: Scalars['CountryCode']['output'];
  /** Street and number. */
  line1: Scalars['String']['output'];
  /** Apartment, floor, building. */
  line2: Maybe<Scalars['String']['output']>;
  /** Who receives it. */
  name: Maybe<Scalars['String']['output']>;
  /** Postal or ZIP code. */
  postalCode: Scalars['String']['output'];
  /** State, province or region code, e.g. CA. */
  state: Maybe<Scalars['String']['output']>;
};

/** A postal address given to the API. */
export type AddressInput = {
  /** City or town, 1..100 characters. */
  city: Scalars['String']['input'];
  /** The country (ISO 3166-1 alpha-2). */
  country: Scalars['CountryCode']['input'];
  /** Street and number, 1..200 characters. */
  line1: Scalars['String']['input'];
  /** Apartment, floor, building, up to 200 characters. */
  line2?: InputMaybe<Scalars['String']['input']>;
  /** Who receives it, up to 200 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Postal or ZIP code, 1..20 characters. */
  postalCode: Scalars['String']['input'];
  /** State, province or region code (e.g. CA), up to 50 characters. */
  state?: InputMaybe<Scalars['String']['input']>;
};

export type AffiliatePartner = Node & {
  __typename?: 'AffiliatePartner';
  /** The partner's id. */
  id: Scalars['ID']['output'];
};

export type Cart = Node & {
  __typename?: 'Cart';
  /** The cart's id. */
  id: Scalars['ID']['output'];
};

/** Why a catalog mutation was refused. */
export type CatalogErrorCode =
  /** Stock on hand cannot go below what is reserved. */
  | 'BELOW_RESERVED'
  /** A category cannot sit under itself or one of its descendants. */
  | 'CATEGORY_CYCLE'
  /** No category has this id. */
  | 'CATEGORY_NOT_FOUND'
  /** The file to import could not be read: its URL did not answer 200 in time, it is larger than the limit, or it is not UTF-8 text. */
  | 'FILE_UNREADABLE'
  /** A lifecycle refused the change, e.g. committing a released reservation. */
  | 'ILLEGAL_TRANSITION'
  /** No image has this id. */
  | 'IMAGE_NOT_FOUND'
  /** Not enough stock available for the reservation. */
  | 'INSUFFICIENT_STOCK'
  /** Not an ISO 4217 currency code, or a price in another currency than the variant's. */
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
  /** No search synonym rule has this id. */
  | 'SYNONYM_NOT_FOUND'
  /** A text longer than its field allows. */
  | 'TOO_LONG'
  /** No variant has this id. */
  | 'VARIANT_NOT_FOUND'
  /** The variant or its product is not for sale. */
  | 'VARIANT_UNAVAILABLE';

/** A bulk import of the catalog from a CSV file: what was asked, how far it got and what it changed. Staff read it. */
export type CatalogImport = {
  __typename?: 'CatalogImport';
  /** Categories it created for the file's category paths. */
  categoriesCreated: Scalars['Int']['output'];
  /** When it was requested. */
  createdAt: Scalars['DateTime']['output'];
  /** Whether it only checks and counts. */
  dryRun: Scalars['Boolean']['output'];
  /** How many errors the file has; errors lists the first 100. */
  errorCount: Scalars['Int']['output'];
  /**
   * The file's errors in line order, the first 100. Each error's field is [line, column]: the line
   * of the file the row starts on (the header is line 1) and the column's name from the header, or
   * [line] alone when the row as a whole is at fault; null when the file could not be fetched or
   * read at all.
   */
  errors: Array<CatalogUserError>;
  /** When it ended; null until SUCCEEDED or FAILED. */
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  /** The import's id. */
  id: Scalars['ID']['output'];
  /** Products the import created (for a dry run: would create). */
  productsCreated: Scalars['Int']['output'];
  /** Products the file names that already were as it says, stock aside. */
  productsUnchanged: Scalars['Int']['output'];
  /** Products whose own fields, categories, options, variants or images it changed. */
  productsUpdated: Scalars['Int']['output'];
  /** Rows written so far: each batch of products counts once it is committed. */
  rowsDone: Scalars['Int']['output'];
  /** Rows left out because they (or their product's first row) have errors. */
  rowsSkipped: Scalars['Int']['output'];
  /** Rows in the file after the header line; null until the file is read. */
  rowsTotal: Maybe<Scalars['Int']['output']>;
  /** Whether rows with errors are left out (true) or stop the import (false). */
  skipInvalid: Scalars['Boolean']['output'];
  /** When a worker started it; null while QUEUED. */
  startedAt: Maybe<Scalars['DateTime']['output']>;
  /** Where it stands. */
  status: CatalogImportStatus;
  /** Where the file was fetched from; null for a file sent as text. */
  url: Maybe<Scalars['URL']['output']>;
  /** Variants it created. */
  variantsCreated: Scalars['Int']['output'];
  /** Variants that already were as the file says. */
  variantsUnchanged: Scalars['Int']['output'];
  /** Variants whose fields, option values or stock it changed. */
  variantsUpdated: Scalars['Int']['output'];
};

/** Where an import stands. */
export type CatalogImportStatus =
  /**
   * Stopped: the file could not be read, it had errors and skipInvalid was false (nothing was
   * written), or the catalog changed under a batch (the batches before it stay; importing again
   * completes it). With no error that says why, it stopped on an internal error, which is logged.
   */
  | 'FAILED'
  /** Waiting for a worker. */
  | 'QUEUED'
  /** Being checked or written; rowsDone grows as batches of products are written. */
  | 'RUNNING'
  /** Done: every row without an error is in the catalog (or, for a dry run, counted). */
  | 'SUCCEEDED';

/** A catalog mutation's refusal. */
export type CatalogUserError = UserError & {
  __typename?: 'CatalogUserError';
  /** Why, as a stable code to act on. */
  code: CatalogErrorCode;
  /** Path to the input field at fault, if any, e.g. ["input", "variants", "0", "sku"]. */
  field: Maybe<Array<Scalars['String']['output']>>;
  /** What went wrong, for people. */
  message: Scalars['String']['output'];
};

/** A category of the catalog's tree: a product may be in several. Anyone may read. */
export type Category = Node & {
  __typename?: 'Category';
  /** The categories directly under it, by sortOrder, then name. */
  children: Array<Category>;
  /** The category's id. */
  id: Scalars['ID']['output'];
  /** Its name, at most 120 characters. */
  name: Scalars['String']['output'];
  /** The category it sits under; null for a root category. */
  parent: Maybe<Category>;
  /** Live products in this category or any of its descendants. */
  products: ProductConnection;
  /** Its URL name, unique among categories: lower-case letters and digits joined by single hyphens, at most 160 characters. */
  slug: Scalars['String']['output'];
  /** Orders it among its siblings, lowest first (then by name); -1,000,000..1,000,000, default 0. */
  sortOrder: Scalars['Int']['output'];
  /** Staff (support and admin): every change to this category, newest first (SPEC §3 audit). Null with FORBIDDEN for anyone else. */
  versions: Maybe<EntityVersionConnection>;
};


/** A category of the catalog's tree: a product may be in several. Anyone may read. */
export type CategoryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<ProductSort>;
};


/** A category of the catalog's tree: a product may be in several. Anyone may read. */
export type CategoryVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A category and how many matching products it holds; sorted by count, highest first. */
export type CategoryFacet = {
  __typename?: 'CategoryFacet';
  /** The category. */
  category: Category;
  /** Matching products in the category or any of its descendants, each counted once. */
  count: Scalars['Int']['output'];
};

/** What a category mutation answers. */
export type CategoryPayload = {
  __typename?: 'CategoryPayload';
  /** The category after the change; null when it was refused. */
  category: Maybe<Category>;
  /** Why the change was refused; empty when it was made. */
  userErrors: Array<CatalogUserError>;
};

/** A new category. */
export type CreateCategoryInput = {
  /** Not blank, at most 120 characters; stored trimmed. */
  name: Scalars['String']['input'];
  /** The category to sit under (CATEGORY_NOT_FOUND when it does not exist); omitted, the category is a root. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** Lower-case letters and digits joined by single hyphens, at most 160 characters, unique among categories (SLUG_TAKEN). */
  slug: Scalars['String']['input'];
  /** Orders it among its siblings, lowest first, -1,000,000..1,000,000; 0 when left out. */
  sortOrder?: InputMaybe<Scalars['Int']['input']>;
};

/** A new product, with what it starts with. */
export type CreateProductInput = {
  /** Whether it is for sale from the start. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** At most 120 characters; none when omitted. */
  brand?: InputMaybe<Scalars['String']['input']>;
  /** The categories to list it in; an unknown one is CATEGORY_NOT_FOUND. */
  categoryIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** At most 10,000 characters; empty when omitted. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Its images, at most 50; an image without a position takes its index in this list. */
  images?: InputMaybe<Array<ProductImageInput>>;
  /** Not blank, at most 200 characters; stored trimmed. */
  name: Scalars['String']['input'];
  /** Its options, at most 10, names unique ignoring case. */
  options?: InputMaybe<Array<ProductOptionInput>>;
  /** Lower-case letters and digits joined by single hyphens, at most 160 characters, unique among products (SLUG_TAKEN). */
  slug: Scalars['String']['input'];
  /** Its variants, at most 250, SKUs unique; their options must be among the options given here. */
  variants?: InputMaybe<Array<ProductVariantInput>>;
};

/** ISO 4217 codes of the currencies in use today. */
export type CurrencyCode =
  /** United Arab Emirates Dirham. */
  | 'AED'
  /** Afghan Afghani. */
  | 'AFN'
  /** Albanian Lek. */
  | 'ALL'
  /** Armenian Dram. */
  | 'AMD'
  /** Netherlands Antillean Guilder. */
  | 'ANG'
  /** Angolan Kwanza. */
  | 'AOA'
  /** Argentine Peso. */
  | 'ARS'
  /** Australian Dollar. */
  | 'AUD'
  /** Aruban Florin. */
  | 'AWG'
  /** Azerbaijani Manat. */
  | 'AZN'
  /** Bosnia-Herzegovina Convertible Mark. */
  | 'BAM'
  /** Barbadian Dollar. */
  | 'BBD'
  /** Bangladeshi Taka. */
  | 'BDT'
  /** Bulgarian Lev. */
  | 'BGN'
  /** Bahraini Dinar. */
  | 'BHD'
  /** Burundian Franc. */
  | 'BIF'
  /** Bermudian Dollar. */
  | 'BMD'
  /** Brunei Dollar. */
  | 'BND'
  /** Bolivian Boliviano. */
  | 'BOB'
  /** Brazilian Real. */
  | 'BRL'
  /** Bahamian Dollar. */
  | 'BSD'
  /** Bhutanese Ngultrum. */
  | 'BTN'
  /** Botswanan Pula. */
  | 'BWP'
  /** Belarusian Ruble. */
  | 'BYN'
  /** Belize Dollar. */
  | 'BZD'
  /** Canadian Dollar. */
  | 'CAD'
  /** Congolese Franc. */
  | 'CDF'
  /** Swiss Franc. */
  | 'CHF'
  /** Chilean Peso. */
  | 'CLP'
  /** Chinese Yuan. */
  | 'CNY'
  /** Colombian Peso. */
  | 'COP'
  /** Costa Rican Colón. */
  | 'CRC'
  /** Cuban Peso. */
  | 'CUP'
  /** Cape Verdean Escudo. */
  | 'CVE'
  /** Czech Koruna. */
  | 'CZK'
  /** Djiboutian Franc. */
  | 'DJF'
  /** Danish Krone. */
  | 'DKK'
  /** Dominican Peso. */
  | 'DOP'
  /** Algerian Dinar. */
  | 'DZD'
  /** Egyptian Pound. */
  | 'EGP'
  /** Eritrean Nakfa. */
  | 'ERN'
  /** Ethiopian Birr. */
  | 'ETB'
  /** Euro. */
  | 'EUR'
  /** Fijian Dollar. */
  | 'FJD'
  /** Falkland Islands Pound. */
  | 'FKP'
  /** British Pound. */
  | 'GBP'
  /** Georgian Lari. */
  | 'GEL'
  /** Ghanaian Cedi. */
  | 'GHS'
  /** Gibraltar Pound. */
  | 'GIP'
  /** Gambian Dalasi. */
  | 'GMD'
  /** Guinean Franc. */
  | 'GNF'
  /** Guatemalan Quetzal. */
  | 'GTQ'
  /** Guyanese Dollar. */
  | 'GYD'
  /** Hong Kong Dollar. */
  | 'HKD'
  /** Honduran Lempira. */
  | 'HNL'
  /** Haitian Gourde. */
  | 'HTG'
  /** Hungarian Forint. */
  | 'HUF'
  /** Indonesian Rupiah. */
  | 'IDR'
  /** Israeli New Shekel. */
  | 'ILS'
  /** Indian Rupee. */
  | 'INR'
  /** Iraqi Dinar. */
  | 'IQD'
  /** Iranian Rial. */
  | 'IRR'
  /** Icelandic Króna. */
  | 'ISK'
  /** Jamaican Dollar. */
  | 'JMD'
  /** Jordanian Dinar. */
  | 'JOD'
  /** Japanese Yen. */
  | 'JPY'
  /** Kenyan Shilling. */
  | 'KES'
  /** Kyrgyz Som. */
  | 'KGS'
  /** Cambodian Riel. */
  | 'KHR'
  /** Comorian Franc. */
  | 'KMF'
  /** North Korean Won. */
  | 'KPW'
  /** South Korean Won. */
  | 'KRW'
  /** Kuwaiti Dinar. */
  | 'KWD'
  /** Cayman Islands Dollar. */
  | 'KYD'
  /** Kazakhstani Tenge. */
  | 'KZT'
  /** Laotian Kip. */
  | 'LAK'
  /** Lebanese Pound. */
  | 'LBP'
  /** Sri Lankan Rupee. */
  | 'LKR'
  /** Liberian Dollar. */
  | 'LRD'
  /** Lesotho Loti. */
  | 'LSL'
  /** Libyan Dinar. */
  | 'LYD'
  /** Moroccan Dirham. */
  | 'MAD'
  /** Moldovan Leu. */
  | 'MDL'
  /** Malagasy Ariary. */
  | 'MGA'
  /** Macedonian Denar. */
  | 'MKD'
  /** Myanmar Kyat. */
  | 'MMK'
  /** Mongolian Tugrik. */
  | 'MNT'
  /** Macanese Pataca. */
  | 'MOP'
  /** Mauritanian Ouguiya. */
  | 'MRU'
  /** Mauritian Rupee. */
  | 'MUR'
  /** Maldivian Rufiyaa. */
  | 'MVR'
  /** Malawian Kwacha. */
  | 'MWK'
  /** Mexican Peso. */
  | 'MXN'
  /** Malaysian Ringgit. */
  | 'MYR'
  /** Mozambican Metical. */
  | 'MZN'
  /** Namibian Dollar. */
  | 'NAD'
  /** Nigerian Naira. */
  | 'NGN'
  /** Nicaraguan Córdoba. */
  | 'NIO'
  /** Norwegian Krone. */
  | 'NOK'
  /** Nepalese Rupee. */
  | 'NPR'
  /** New Zealand Dollar. */
  | 'NZD'
  /** Omani Rial. */
  | 'OMR'
  /** Panamanian Balboa. */
  | 'PAB'
  /** Peruvian Sol. */
  | 'PEN'
  /** Papua New Guinean Kina. */
  | 'PGK'
  /** Philippine Peso. */
  | 'PHP'
  /** Pakistani Rupee. */
  | 'PKR'
  /** Polish Zloty. */
  | 'PLN'
  /** Paraguayan Guarani. */
  | 'PYG'
  /** Qatari Riyal. */
  | 'QAR'
  /** Romanian Leu. */
  | 'RON'
  /** Serbian Dinar. */
  | 'RSD'
  /** Russian Ruble. */
  | 'RUB'
  /** Rwandan Franc. */
  | 'RWF'
  /** Saudi Riyal. */
  | 'SAR'
  /** Solomon Islands Dollar. */
  | 'SBD'
  /** Seychellois Rupee. */
  | 'SCR'
  /** Sudanese Pound. */
  | 'SDG'
  /** Swedish Krona. */
  | 'SEK'
  /** Singapore Dollar. */
  | 'SGD'
  /** Saint Helena Pound. */
  | 'SHP'
  /** Sierra Leonean Leone. */
  | 'SLE'
  /** Somali Shilling. */
  | 'SOS'
  /** Surinamese Dollar. */
  | 'SRD'
  /** South Sudanese Pound. */
  | 'SSP'
  /** São Tomé and Príncipe Dobra. */
  | 'STN'
  /** Salvadoran Colón. */
  | 'SVC'
  /** Syrian Pound. */
  | 'SYP'
  /** Swazi Lilangeni. */
  | 'SZL'
  /** Thai Baht. */
  | 'THB'
  /** Tajikistani Somoni. */
  | 'TJS'
  /** Turkmenistani Manat. */
  | 'TMT'
  /** Tunisian Dinar. */
  | 'TND'
  /** Tongan Paʻanga. */
  | 'TOP'
  /** Turkish Lira. */
  | 'TRY'
  /** Trinidad and Tobago Dollar. */
  | 'TTD'
  /** New Taiwan Dollar. */
  | 'TWD'
  /** Tanzanian Shilling. */
  | 'TZS'
  /** Ukrainian Hryvnia. */
  | 'UAH'
  /** Ugandan Shilling. */
  | 'UGX'
  /** US Dollar. */
  | 'USD'
  /** Uruguayan Peso. */
  | 'UYU'
  /** Uzbekistani Som. */
  | 'UZS'
  /** Venezuelan Bolívar. */
  | 'VES'
  /** Vietnamese Dong. */
  | 'VND'
  /** Vanuatu Vatu. */
  | 'VUV'
  /** Samoan Tala. */
  | 'WST'
  /** Central African CFA Franc. */
  | 'XAF'
  /** East Caribbean Dollar. */
  | 'XCD'
  /** Caribbean Guilder. */
  | 'XCG'
  /** West African CFA Franc. */
  | 'XOF'
  /** CFP Franc. */
  | 'XPF'
  /** Yemeni Rial. */
  | 'YER'
  /** South African Rand. */
  | 'ZAR'
  /** Zambian Kwacha. */
  | 'ZMW'
  /** Zimbabwe Gold. */
  | 'ZWG'
  /** Zimbabwean Dollar (2009–2024). */
  | 'ZWL';

export type CustomerSubscription = Node & {
  __typename?: 'CustomerSubscription';
  /** The subscription's id. */
  id: Scalars['ID']['output'];
};

/** What a discount applies to: the same for a promotion (what it discounts) and for a cart's discount (what it took off). */
export type DiscountLevel =
  /** The whole cart: every line. */
  | 'CART'
  /** Only the lines of the targeted products, variants or categories. */
  | 'ITEM';

/**
 * One change to a stored record, as the database recorded it with the change (SPEC §3 audit): who,
 * when and what. Staff only (support and admin): each entity's `versions` lists its own.
 */
export type EntityVersion = {
  __typename?: 'EntityVersion';
  /**
   * Who: person:<id> (a signed-in person), anonymous (a shopper not signed in), service:<name> (another
   * subgraph, for its own part of a flow such as checkout), system:<job> (a job or event consumer, e.g.
   * system:cart-expiry), or unattributed (a write outside any request or job: a migration, a script).
   */
  actor: Scalars['String']['output'];
  /** When: the start of the transaction that made the change, UTC. */
  at: Scalars['DateTime']['output'];
  /** Each column that changed, in name order; a new record lists its columns that are not null, a deleted one all its columns. */
  changes: Array<FieldChange>;
  /** The record's table: the entity's own (e.g. product) or one of its parts' (e.g. product_variant, inventory_level). */
  entity: Scalars['String']['output'];
  /** The record's key in its table; for a record keyed by several columns, their values joined by ':'. */
  entityId: Scalars['String']['output'];
  /** What happened to the record. */
  operation: VersionOperation;
  /** The request that made it (the x-request-id its logs carry); null when unattributed. */
  requestId: Maybe<Scalars['String']['output']>;
};

/** A page of versions, newest first. */
export type EntityVersionConnection = {
  __typename?: 'EntityVersionConnection';
  /** The versions of this page. */
  edges: Array<EntityVersionEdge>;
  /** Where this page sits, and the cursor to ask for the next one. */
  pageInfo: PageInfo;
};

/** A version in a page, with its cursor. */
export type EntityVersionEdge = {
  __typename?: 'EntityVersionEdge';
  /** Pass it as after to page on. */
  cursor: Scalars['String']['output'];
  /** The version. */
  node: EntityVersion;
};

/** One column's change, its values as JSON text (a string is quoted, a date is ISO 8601 text); personal data erased is "(erased)". */
export type FieldChange = {
  __typename?: 'FieldChange';
  /** The column, e.g. unit_price. */
  field: Scalars['String']['output'];
  /** The value before; null for a new record or a column that was null. */
  from: Maybe<Scalars['String']['output']>;
  /** The value after; null for a deleted record or a column now null. */
  to: Maybe<Scalars['String']['output']>;
};

/** A catalog file to import: exactly one of csv and url (INVALID_INPUT otherwise). */
export type ImportCatalogInput = {
  /** The file's text (UTF-8 CSV). A request is at most 1 MB: larger files go by url. */
  csv?: InputMaybe<Scalars['String']['input']>;
  /** true: the file is checked and what it would change counted, and nothing is written. */
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  /** true: rows with errors are left out and the others imported; false: a file with any error imports nothing. */
  skipInvalid?: InputMaybe<Scalars['Boolean']['input']>;
  /** Where the catalog fetches the file: an http(s) URL (INVALID_URL otherwise) that answers 200 within CATALOG_IMPORT_FETCH_TIMEOUT_MS with at most CATALOG_IMPORT_MAX_BYTES; otherwise the import fails with FILE_UNREADABLE. */
  url?: InputMaybe<Scalars['URL']['input']>;
};

/** What importCatalog answers. */
export type ImportCatalogPayload = {
  __typename?: 'ImportCatalogPayload';
  /** The import, QUEUED; null when the request was refused. */
  import: Maybe<CatalogImport>;
  /** Why the request was refused (both csv and url, neither, a URL that is not http(s), a file over the size limit); empty when it was queued. Errors in the file are the import's. */
  userErrors: Array<CatalogUserError>;
};

/** A variant's stock. Everyone sees what is available; the figures behind it are for staff (admin, support) and services. */
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

/** What a stock mutation answers. */
export type InventoryPayload = {
  __typename?: 'InventoryPayload';
  /** Its stock after the change; null when the change was refused. */
  inventory: Maybe<Inventory>;
  /** Why the change was refused; empty when it was made. */
  userErrors: Array<CatalogUserError>;
  /** The variant whose stock changed; null when the change was refused. */
  variant: Maybe<ProductVariant>;
};

/** Service only: stock held for one owner (an order) while it is paid for. */
export type InventoryReservation = {
  __typename?: 'InventoryReservation';
  /** When an ACTIVE reservation expires and its units return to available. */
  expiresAt: Scalars['DateTime']['output'];
  /** The reservation's id. */
  id: Scalars['ID']['output'];
  /** What is held: one line per variant, in variant-id order. */
  lines: Array<InventoryReservationLine>;
  /** Who the stock is held for (the order's id). */
  ownerId: Scalars['ID']['output'];
  /** Where it is in its lifecycle. */
  status: InventoryReservationStatus;
};

/** Service only: units of one variant held by a reservation. */
export type InventoryReservationLine = {
  __typename?: 'InventoryReservationLine';
  /** Units held. */
  quantity: Scalars['Int']['output'];
  /** The variant's id. */
  variantId: Scalars['ID']['output'];
};

/** Service only: what a reservation mutation answers. */
export type InventoryReservationPayload = {
  __typename?: 'InventoryReservationPayload';
  /** The owner's reservation after the call; null when it was refused. */
  reservation: Maybe<InventoryReservation>;
  /** Why the call was refused; empty when it succeeded. */
  userErrors: Array<CatalogUserError>;
};

/** Service only: where a reservation is in its lifecycle. */
export type InventoryReservationStatus =
  /** The stock is held until expiresAt. */
  | 'ACTIVE'
  /** The order was paid: the held units left stock (on hand and reserved both fell). */
  | 'COMMITTED'
  /** Nobody committed or released it before expiresAt: the expiry job made the units available again. */
  | 'EXPIRED'
  /** The order was cancelled: the held units are available again. */
  | 'RELEASED';

/** An amount of money: integer minor units in a currency, e.g. 1250 USD is $12.50. */
export type Money = {
  __typename?: 'Money';
  /** Integer minor units (cents for USD, yen for JPY, fils for KWD), up to 2^53 − 1: sums in reports outgrow 32 bits. */
  amount: Scalars['SafeInt']['output'];
  /** The currency (ISO 4217). */
  currencyCode: CurrencyCode;
  /** For display, e.g. $12.50. */
  formatted: Scalars['String']['output'];
  /** Digits after the decimal point in this currency: 2 for USD, 0 for JPY, 3 for KWD. amount / 10^fractionDigits is the amount in major units. */
  fractionDigits: Scalars['Int']['output'];
};

/** An amount of money given to the API: integer minor units in a currency, e.g. { amount: 1250, currencyCode: USD } is $12.50. */
export type MoneyInput = {
  /** Integer minor units (cents for USD, yen for JPY); the field taking it says its range. */
  amount: Scalars['SafeInt']['input'];
  /** The currency (ISO 4217). */
  currencyCode: CurrencyCode;
};

/**
 * Changes. Each answers a payload with what it changed and `userErrors`: a business refusal changes
 * nothing and comes back there with a stable `code`; GraphQL errors are for bad requests
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN) and outages. Carts are changed by their owners (a
 * signed-in customer, support or admin, each on their own cart); the catalog, promotions and
 * affiliates by admins, except affiliate clicks, which anyone may record.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** Admin: adds an image (at most 50 per product); without a position it goes after the last one. */
  addProductImage: ProductPayload;
  /** Admin: adds an option (at most 10 per product) with its values, after the product's other options. */
  addProductOption: ProductPayload;
  /** Admin: adds a variant (at most 250 per product) with its initial stock. */
  addProductVariant: ProductVariantPayload;
  /** Adds `delta` (negative to remove) to the stock on hand, atomically. */
  adjustInventory: InventoryPayload;
  /** Soft delete: the product leaves the storefront and searches; its rows and history stay. */
  archiveProduct: ProductPayload;
  /** Service only: the held stock leaves the warehouse (the order was paid). */
  commitInventoryReservation: InventoryReservationPayload;
  /** Admin: creates a category, at the root unless parentId is given. */
  createCategory: CategoryPayload;
  /** Admin: creates a product with its options, variants (with their initial stock), images and categories, all or nothing. */
  createProduct: ProductPayload;
  /**
   * Admin: adds a synonym rule. TWO_WAY: a search for any of its terms also finds what each of the
   * others finds (tee, t-shirt). ONE_WAY: a search for the first term also finds what the others
   * find, and not the other way round (hoodie finds sweatshirts; sweatshirt does not find hoodies).
   * Searches read the rules anew within CATALOG_SYNONYM_CACHE_MS (5 s by default).
   */
  createSearchSynonym: SearchSynonymPayload;
  /** Admin: removes a rule; the payload carries it as it was. */
  deleteSearchSynonym: SearchSynonymPayload;
  /**
   * Admin: imports products, variants, categories, prices and stock from a CSV file, sent as text or
   * fetched from a URL. The import is queued and runs as a job; read its progress with
   * catalogImport(id). Products are matched by slug and variants by SKU: what the file describes is
   * created or updated, what already matches it is left untouched (a second import of the same file
   * changes nothing), and nothing is deleted. A file with any error imports nothing unless
   * skipInvalid is true.
   */
  importCatalog: ImportCatalogPayload;
  /** Service only: the held stock returns to available (the order was cancelled). */
  releaseInventoryReservation: InventoryReservationPayload;
  /** Admin: deletes an image; the other images keep their positions. */
  removeProductImage: ProductPayload;
  /** Service only: holds stock for every line or for none; repeat calls with the same owner return the same reservation. */
  reserveInventory: InventoryReservationPayload;
  /** Sets the stock on hand (it may not fall below what is reserved). */
  setInventory: InventoryPayload;
  /** Changes the fields given; omitted ones keep their values, and parentId: null moves the category to the root. */
  updateCategory: CategoryPayload;
  /** Admin: changes a product's own fields. Refused for an archived product (PRODUCT_ARCHIVED). */
  updateProduct: ProductPayload;
  /** Admin: replaces an image's url; its alt text and position change when given. */
  updateProductImage: ProductPayload;
  /**
   * Admin: sets an option's name and its values, in the order given. Values left out are removed,
   * unless variants use them (OPTION_VALUE_IN_USE); new ones are added.
   */
  updateProductOption: ProductPayload;
  /** Admin: changes a variant of a product that is not archived. Its currency and stock are not changed here (stock: setInventory, adjustInventory). */
  updateProductVariant: ProductVariantPayload;
  /** Admin: replaces a rule's kind and terms. */
  updateSearchSynonym: SearchSynonymPayload;
};


/**
 * Changes. Each answers a payload with what it changed and `userErrors`: a business refusal changes
 * nothing and comes back there with a stable `code`; GraphQL errors are for bad requests
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN) and outages. Carts are changed by their owners (a
 * signed-in customer, support or admin, each on their own cart); the catalog, promotions and
 * affiliates by admins, except affiliate clicks, which anyone may record.
 */
export type MutationAddProductImageArgs = {
  input: ProductImageInput;
  productId: Scalars['ID']['input'];
};


/**
 * Changes. Each answers a payload with what it changed and `userErrors`: a business refusal changes
 * nothing and comes back there with a stable `code`; GraphQL errors are for bad requests
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN) and outages. Carts are changed by their owners (a
 * signed-in customer, support or admin, each on their own cart); the catalog, promotions and
 * affiliates by admins, except affiliate clicks, which anyone may record.
 */
export type MutationAddProductOptionArgs = {
  input: ProductOptionInput;
  productId: Scalars['ID']['input'];
};


/**
 * Changes. Each answers a payload with what it changed and `userErrors`: a business refusal changes
 * nothing and comes back there with a stable `code`; GraphQL errors are for bad requests
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN) and outages. Carts are changed by their owners (a
 * signed-in customer, support or admin, each on their own cart); the catalog, promotions and
 * affiliates by admins, except affiliate clicks, which anyone may record.
 */
export type MutationAddProductVariantArgs = {
  input: ProductVariantInput;
  productId: Scalars['ID']['input'];
};


/**
 * Changes. Each answers a payload with what it changed and `userErrors`: a business refusal changes
 * nothing and comes back there with a stable `code`; GraphQL errors are for bad requests
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN) and outages. Carts are changed by their owners (a
 * signed-in customer, support or admin, each on their own cart); the catalog, promotions and
 * affiliates by admins, except affiliate clicks, which anyone may record.
 */
export type MutationAdjustInventoryArgs = {
  delta: Scalars['Int']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  variantId: Scalars['ID']['input'];
};


/**
 * Changes. Each answers a payload with what it changed and `userErrors`: a business refusal changes
 * nothing and comes back there with a stable `code`; GraphQL errors are for bad requests
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN) and outages. Carts are changed by their owners (a
 * signed-in customer, support or admin, each on their own cart); the catalog, promotions and
 * affiliates by admins, except affiliate clicks, which anyone may record.
 */
export type MutationArchiveProductArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Changes. Each answers a payload with what it changed and `userErrors`: a business refusal changes
 * nothing and comes back there with a stable `code`; GraphQL errors are for bad requests
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN) and outages. Carts are changed by their owners (a
 * signed-in customer, support or admin, each on their own cart); the catalog, promotions and
 * affiliates by admins, except affiliate clicks, which anyone may record.
 */
export type MutationCommitInventoryReservationArgs = {
  ownerId: Scalars['ID']['input'];
};


/**
 * Changes. Each answers a payload with what it changed and `userErrors`: a business refusal changes
 * nothing and comes back there with a stable `code`; GraphQL errors are for bad requests
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN) and outages. Carts are changed by their owners (a
 * signed-in customer, support or admin, each on their own cart); the catalog, promotions and
 * affiliates by admins, except affiliate clicks, which anyone may record.
 */
export type MutationCreateCategoryArgs = {
  input: CreateCategoryInput;
};


/**
 * Changes. Each answers a payload with what it changed and `userErrors`: a business refusal changes
 * nothing and comes back there with a stable `code`; GraphQL errors are for bad requests
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN) and outages. Carts are changed by their owners (a
 * signed-in customer, support or admin, each on their own cart); the catalog, promotions and
 * affiliates by admins, except affiliate clicks, which anyone may record.
 */
export type MutationCreateProductArgs = {
  input: CreateProductInput;
};


/**
 * Changes. Each answers a payload with what it changed and `userErrors`: a business refusal changes
 * nothing and comes back there with a stable `code`; GraphQL errors are for bad requests
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN) and outages. Carts are changed by their owners (a
 * signed-in customer, support or admin, each on their own cart); the catalog, promotions and
 * affiliates by admins, except affiliate clicks, which anyone may record.
 */
export type MutationCreateSearchSynonymArgs = {
  input: SearchSynonymInput;
};


/**
 * Changes. Each answers a payload with what it changed and `userErrors`: a business refusal changes
 * nothing and comes back there with a stable `code`; GraphQL errors are for bad requests
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN) and outages. Carts are changed by their owners (a
 * signed-in customer, support or admin, each on their own cart); the catalog, promotions and
 * affiliates by admins, except affiliate clicks, which anyone may record.
 */
export type MutationDeleteSearchSynonymArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Changes. Each answers a payload with what it changed and `userErrors`: a business refusal changes
 * nothing and comes back there with a stable `code`; GraphQL errors are for bad requests
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN) and outages. Carts are changed by their owners (a
 * signed-in customer, support or admin, each on their own cart); the catalog, promotions and
 * affiliates by admins, except affiliate clicks, which anyone may record.
 */
export type MutationImportCatalogArgs = {
  input: ImportCatalogInput;
};


/**
 * Changes. Each answers a payload with what it changed and `userErrors`: a business refusal changes
 * nothing and comes back there with a stable `code`; GraphQL errors are for bad requests
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN) and outages. Carts are changed by their owners (a
 * signed-in customer, support or admin, each on their own cart); the catalog, promotions and
 * affiliates by admins, except affiliate clicks, which anyone may record.
 */
export type MutationReleaseInventoryReservationArgs = {
  ownerId: Scalars['ID']['input'];
};


/**
 * Changes. Each answers a payload with what it changed and `userErrors`: a business refusal changes
 * nothing and comes back there with a stable `code`; GraphQL errors are for bad requests
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN) and outages. Carts are changed by their owners (a
 * signed-in customer, support or admin, each on their own cart); the catalog, promotions and
 * affiliates by admins, except affiliate clicks, which anyone may record.
 */
export type MutationRemoveProductImageArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Changes. Each answers a payload with what it changed and `userErrors`: a business refusal changes
 * nothing and comes back there with a stable `code`; GraphQL errors are for bad requests
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN) and outages. Carts are changed by their owners (a
 * signed-in customer, support or admin, each on their own cart); the catalog, promotions and
 * affiliates by admins, except affiliate clicks, which anyone may record.
 */
export type MutationReserveInventoryArgs = {
  input: ReserveInventoryInput;
};


/**
 * Changes. Each answers a payload with what it changed and `userErrors`: a business refusal changes
 * nothing and comes back there with a stable `code`; GraphQL errors are for bad requests
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN) and outages. Carts are changed by their owners (a
 * signed-in customer, support or admin, each on their own cart); the catalog, promotions and
 * affiliates by admins, except affiliate clicks, which anyone may record.
 */
export type MutationSetInventoryArgs = {
  location?: InputMaybe<Scalars['String']['input']>;
  onHand: Scalars['Int']['input'];
  reorderThreshold?: InputMaybe<Scalars['Int']['input']>;
  variantId: Scalars['ID']['input'];
};


/**
 * Changes. Each answers a payload with what it changed and `userErrors`: a business refusal changes
 * nothing and comes back there with a stable `code`; GraphQL errors are for bad requests
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN) and outages. Carts are changed by their owners (a
 * signed-in customer, support or admin, each on their own cart); the catalog, promotions and
 * affiliates by admins, except affiliate clicks, which anyone may record.
 */
export type MutationUpdateCategoryArgs = {
  id: Scalars['ID']['input'];
  input: UpdateCategoryInput;
};


/**
 * Changes. Each answers a payload with what it changed and `userErrors`: a business refusal changes
 * nothing and comes back there with a stable `code`; GraphQL errors are for bad requests
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN) and outages. Carts are changed by their owners (a
 * signed-in customer, support or admin, each on their own cart); the catalog, promotions and
 * affiliates by admins, except affiliate clicks, which anyone may record.
 */
export type MutationUpdateProductArgs = {
  id: Scalars['ID']['input'];
  input: UpdateProductInput;
};


/**
 * Changes. Each answers a payload with what it changed and `userErrors`: a business refusal changes
 * nothing and comes back there with a stable `code`; GraphQL errors are for bad requests
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN) and outages. Carts are changed by their owners (a
 * signed-in customer, support or admin, each on their own cart); the catalog, promotions and
 * affiliates by admins, except affiliate clicks, which anyone may record.
 */
export type MutationUpdateProductImageArgs = {
  id: Scalars['ID']['input'];
  input: ProductImageInput;
};


/**
 * Changes. Each answers a payload with what it changed and `userErrors`: a business refusal changes
 * nothing and comes back there with a stable `code`; GraphQL errors are for bad requests
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN) and outages. Carts are changed by their owners (a
 * signed-in customer, support or admin, each on their own cart); the catalog, promotions and
 * affiliates by admins, except affiliate clicks, which anyone may record.
 */
export type MutationUpdateProductOptionArgs = {
  id: Scalars['ID']['input'];
  input: ProductOptionInput;
};


/**
 * Changes. Each answers a payload with what it changed and `userErrors`: a business refusal changes
 * nothing and comes back there with a stable `code`; GraphQL errors are for bad requests
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN) and outages. Carts are changed by their owners (a
 * signed-in customer, support or admin, each on their own cart); the catalog, promotions and
 * affiliates by admins, except affiliate clicks, which anyone may record.
 */
export type MutationUpdateProductVariantArgs = {
  id: Scalars['ID']['input'];
  input: UpdateProductVariantInput;
};


/**
 * Changes. Each answers a payload with what it changed and `userErrors`: a business refusal changes
 * nothing and comes back there with a stable `code`; GraphQL errors are for bad requests
 * (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN) and outages. Carts are changed by their owners (a
 * signed-in customer, support or admin, each on their own cart); the catalog, promotions and
 * affiliates by admins, except affiliate clicks, which anyone may record.
 */
export type MutationUpdateSearchSynonymArgs = {
  id: Scalars['ID']['input'];
  input: SearchSynonymInput;
};

/** An object that can be fetched again by its id alone (Query.node), e.g. by a Relay client. */
export type Node = {
  /** Globally unique and typed; opaque: pass it back as received. */
  id: Scalars['ID']['output'];
};

/** An option name with the values matching products have for it. */
export type OptionFacet = {
  __typename?: 'OptionFacet';
  /** The option's name, in one of the spellings the products use. */
  name: Scalars['String']['output'];
  /** Its values, the most frequent first. */
  values: Array<OptionValueFacet>;
};

/** An option value and how many matching products have it. */
export type OptionValueFacet = {
  __typename?: 'OptionValueFacet';
  /** Products with an active variant that has this value and meets the rest of the filter: the listing's total with this value in place of the filter's entry for this option. */
  count: Scalars['Int']['output'];
  /** The value, in one of the spellings the products use. */
  value: Scalars['String']['output'];
};

/** One option condition of a filter: the option named has one of the values. */
export type OptionValueFilter = {
  /** The option's name, ignoring case. */
  name: Scalars['String']['input'];
  /** Values that match, any one of them, ignoring case. */
  values: Array<Scalars['String']['input']>;
};

export type Order = Node & {
  __typename?: 'Order';
  /** The order's id. */
  id: Scalars['ID']['output'];
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

/** The lowest and highest price of a product's active variants, in the currency of its first active variant. */
export type PriceRange = {
  __typename?: 'PriceRange';
  /** The highest price. */
  max: Money;
  /** The lowest price. */
  min: Money;
};

/** A price bucket in minor units: min inclusive, max exclusive (null: no upper bound). */
export type PriceRangeFacet = {
  __typename?: 'PriceRangeFacet';
  /** Matching products with an active variant priced in the bucket; a product may count in several buckets. */
  count: Scalars['Int']['output'];
  /** The bucket's upper bound, minor units, exclusive; null for the last bucket. */
  max: Maybe<Scalars['Int']['output']>;
  /** The lowest price in the bucket, minor units, inclusive. */
  min: Scalars['Int']['output'];
};

/**
 * A product, sold as one or more variants. Anyone may read. Shoppers and anonymous callers find live
 * products only (active and not archived) and see their active variants; staff (admin, support) see
 * everything. A product that is no longer live is still reached through a variant that points at it
 * (e.g. from a cart line).
 */
export type Product = Node & {
  __typename?: 'Product';
  /**
   * Whether it is for sale (status ACTIVE).
   * @deprecated Use status: one field instead of two booleans that could be read apart. Removal after 2027-03-01.
   */
  active: Scalars['Boolean']['output'];
  /**
   * Whether it was archived (status ARCHIVED).
   * @deprecated Use status: one field instead of two booleans that could be read apart. Removal after 2027-03-01.
   */
  archived: Scalars['Boolean']['output'];
  /** Its brand, at most 120 characters; null when none is set. */
  brand: Maybe<Scalars['String']['output']>;
  /** The categories it is listed in, by their sortOrder, then name. */
  categories: Array<Category>;
  /** When the product was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Its description, at most 10,000 characters; empty when there is none. */
  description: Scalars['String']['output'];
  /** The product's id. */
  id: Scalars['ID']['output'];
  /** Its images (at most 50) in position order. */
  images: Array<ProductImage>;
  /** Its name, at most 200 characters. */
  name: Scalars['String']['output'];
  /** Its options (e.g. size, colour), at most 10, in position order. */
  options: Array<ProductOption>;
  /** Lowest and highest price among the active variants; null when there are none. */
  priceRange: Maybe<PriceRange>;
  /** Its URL name, unique among products: lower-case letters and digits joined by single hyphens, at most 160 characters. */
  slug: Scalars['String']['output'];
  /** Where the product stands: on sale, hidden from shoppers, or archived for good. */
  status: ProductStatus;
  /** When its own fields last changed (updateProduct, archiveProduct); changes to its options, variants and images leave it. */
  updatedAt: Scalars['DateTime']['output'];
  /** Its variants (at most 250) in the order they were added: the active ones for shoppers, all of them for staff. */
  variants: Array<ProductVariant>;
  /** Staff (support and admin): every change to this product and of its options, option values, variants, images and category links, newest first (SPEC §3 audit). Null with FORBIDDEN for anyone else. */
  versions: Maybe<EntityVersionConnection>;
};


/**
 * A product, sold as one or more variants. Anyone may read. Shoppers and anonymous callers find live
 * products only (active and not archived) and see their active variants; staff (admin, support) see
 * everything. A product that is no longer live is still reached through a variant that points at it
 * (e.g. from a cart line).
 */
export type ProductVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of products (a Relay connection), with the total and the facets of everything the filter matches. */
export type ProductConnection = {
  __typename?: 'ProductConnection';
  /**
   * When filter.search has a word no product contains: the search with each such word replaced by
   * the closest word the catalog does contain (a few letters apart: shrit is shirt), whose matches
   * are listed after every exact match. Null when no word was replaced.
   */
  correctedQuery: Maybe<Scalars['String']['output']>;
  /** The products of this page, in the requested order. */
  edges: Array<ProductEdge>;
  /** Counts to narrow the listing down, disjunctive: each facet counts with the filter's other conditions, not its own dimension's (with Size M chosen, Size still counts every size). */
  facets: ProductFacets;
  /** Where this page sits, and the cursors to ask for the next or previous one. */
  pageInfo: PageInfo;
  /** How many products match the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A product in a page, with its cursor. */
export type ProductEdge = {
  __typename?: 'ProductEdge';
  /** Where this product sits in the order; pass it as after (or before) to page on. Valid for the same sort only. */
  cursor: Scalars['String']['output'];
  /** The product. */
  node: Product;
};

/** What the products matching a filter have, counted to narrow a listing down. Each facet leaves out the filter's condition on its own dimension and applies all the others. */
export type ProductFacets = {
  __typename?: 'ProductFacets';
  /** Categories with matching products (the filter's categoryId left out), each counting its descendants' products too. */
  categories: Array<CategoryFacet>;
  /** Option names on the matching products' active variants, names and values grouped ignoring case, by name; an option the filter narrows counts without its own entry, the rest of the filter holding on the same variant. */
  options: Array<OptionFacet>;
  /** Six fixed buckets of active-variant prices in minor units, lowest first: [0, 2500), [2500, 5000), [5000, 10000), [10000, 20000), [20000, 50000) and 50000 up; the filter's price bounds left out, only prices in its currency when minPrice or maxPrice gives one. */
  priceRanges: Array<PriceRangeFacet>;
};

/**
 * Which products to list; every condition given must hold. Price, options and inStock must all hold
 * on one and the same active variant.
 */
export type ProductFilter = {
  /** Staff (admin, support) only may ask for inactive products (false); everyone else sees active ones. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** This category and all of its descendants. */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** true: only products with an active variant that has stock available; false or null: no condition. */
  inStock?: InputMaybe<Scalars['Boolean']['input']>;
  /** The highest price, inclusive, in the currency of minPrice; at least minPrice (otherwise a BAD_USER_INPUT error). */
  maxPrice?: InputMaybe<MoneyInput>;
  /** The lowest price, inclusive: a product matches when one of its active variants is priced in this currency at or above it (and at or below maxPrice). */
  minPrice?: InputMaybe<MoneyInput>;
  /** Each entry must match (values within an entry are alternatives) on one and the same variant. */
  options?: InputMaybe<Array<OptionValueFilter>>;
  /**
   * Minor units in any currency, inclusive; at least priceMin.
   * @deprecated Use maxPrice, which says its currency. Removal after 2027-03-01.
   */
  priceMax?: InputMaybe<Scalars['Int']['input']>;
  /**
   * Minor units in any currency, inclusive. Not with minPrice or maxPrice (BAD_USER_INPUT).
   * @deprecated Use minPrice, which says its currency. Removal after 2027-03-01.
   */
  priceMin?: InputMaybe<Scalars['Int']['input']>;
  /**
   * Full-text search over name, brand, description and SKU, at most 200 characters, ignoring case
   * and accents (cafe finds café), with English stemming (shirts finds shirt). A hyphenated word is
   * also one word (t-shirt, tshirt and t shirt meet), and the admins' synonym rules apply
   * (searchSynonyms). As you type: while the last word has no space after it, it also matches as the
   * beginning of a word (popl finds poplin), below whole-word matches. A word no product contains is
   * corrected to the closest one that does (correctedQuery), below every exact match. Quoted
   * phrases, `or` and `-word` are read as a web search engine does, with no synonyms or corrections.
   * Among equally relevant products, those in stock come first.
   */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** A picture of a product. */
export type ProductImage = {
  __typename?: 'ProductImage';
  /** Text describing the image for people who cannot see it, at most 300 characters; null when not set. */
  altText: Maybe<Scalars['String']['output']>;
  /** The image's id (for updateProductImage and removeProductImage). */
  id: Scalars['ID']['output'];
  /** Its place among the product's images, 0..10,000, lowest first; positions may have gaps and repeat. */
  position: Scalars['Int']['output'];
  /** Where the image is: an absolute http(s) URL, at most 2048 characters. */
  url: Scalars['URL']['output'];
};

/** An image of a product. */
export type ProductImageInput = {
  /** Text describing the image, at most 300 characters. */
  altText?: InputMaybe<Scalars['String']['input']>;
  /** Its place among the product's images, 0..10,000, lowest first. */
  position?: InputMaybe<Scalars['Int']['input']>;
  /** An absolute http(s) URL, at most 2048 characters (INVALID_URL). */
  url: Scalars['URL']['input'];
};

/** A way a product varies, e.g. Size with the values S, M and L; each variant picks at most one value of it. */
export type ProductOption = {
  __typename?: 'ProductOption';
  /** The option's id (for updateProductOption). */
  id: Scalars['ID']['output'];
  /** Its name, at most 60 characters, unique within the product ignoring case. */
  name: Scalars['String']['output'];
  /** Its place among the product's options, from 0, in the order they were added. */
  position: Scalars['Int']['output'];
  /** Its values, 1 to 100 of at most 60 characters each, unique ignoring case, in the order given. */
  values: Array<Scalars['String']['output']>;
};

/** An option and its values. */
export type ProductOptionInput = {
  /** Not blank, at most 60 characters, unique within the product ignoring case (OPTION_TAKEN); stored trimmed. */
  name: Scalars['String']['input'];
  /** 1 to 100 values, each not blank, at most 60 characters, unique ignoring case; kept in this order. */
  values: Array<Scalars['String']['input']>;
};

/** What a product mutation answers. */
export type ProductPayload = {
  __typename?: 'ProductPayload';
  /** The product after the change; null when it was refused. */
  product: Maybe<Product>;
  /** Why the change was refused; empty when it was made. */
  userErrors: Array<CatalogUserError>;
};

/** The order of a product listing; ties go by id. */
export type ProductSort =
  /** By name, A to Z. */
  | 'NAME_ASC'
  /** By name, Z to A. */
  | 'NAME_DESC'
  /** Most recently created first. */
  | 'NEWEST'
  /** By the lowest active-variant price, cheapest first; products without an active variant come last. */
  | 'PRICE_ASC'
  /** By the lowest active-variant price, dearest first; products without an active variant come last. */
  | 'PRICE_DESC'
  /** Best match for filter.search first; without a search, the same as NEWEST. */
  | 'RELEVANCE';

/** Where a product stands. */
export type ProductStatus =
  /** On sale: shoppers see it (and its active variants). */
  | 'ACTIVE'
  /** Archived (soft deleted): off the storefront for good; it takes no more changes, and carts and orders still resolve it. */
  | 'ARCHIVED'
  /** Hidden from shoppers (active: false in its inputs); staff see and change it. */
  | 'INACTIVE';

/**
 * One purchasable version of a product (e.g. the shirt in size M), with its own SKU, price and stock.
 * Anyone may read; Product.variants lists only the active ones for shoppers.
 */
export type ProductVariant = Node & {
  __typename?: 'ProductVariant';
  /** Whether the variant is for sale; inactive variants are seen by staff only. */
  active: Scalars['Boolean']['output'];
  /** True when the variant is active, its product is live, and stock is available. */
  availableForSale: Scalars['Boolean']['output'];
  /** A reference price to show the price against (e.g. struck through), in the same currency; null when none is set. Nothing is charged from it. */
  compareAtPrice: Maybe<Money>;
  /** The variant's id. */
  id: Scalars['ID']['output'];
  /** Stock: its available units for everyone, the figures behind them for staff. */
  inventory: Inventory;
  /** The option values it has, one per option at most, in the product's option order. */
  options: Array<SelectedOption>;
  /** Its price: 0..1,000,000,000 minor units, in the currency set when the variant was created. */
  price: Money;
  /** The product it belongs to. */
  product: Product;
  /** Units a shopper can buy now: on hand less what checkouts hold. */
  quantityAvailable: Scalars['Int']['output'];
  /** The variant's stock-keeping unit, unique across the catalog, at most 64 characters. */
  sku: Scalars['String']['output'];
  /** Its title, at most 200 characters; unless set, its option values joined by " / " (e.g. "M / Red"), or the SKU when it has none. */
  title: Scalars['String']['output'];
  /** Staff (support and admin): every change to this variant, of its option values, its stock level and the stock reservations that held it, newest first (SPEC §3 audit). Null with FORBIDDEN for anyone else. */
  versions: Maybe<EntityVersionConnection>;
  /** Its weight in grams, 0..10,000,000; null when not set. */
  weightGrams: Maybe<Scalars['Int']['output']>;
};


/**
 * One purchasable version of a product (e.g. the shirt in size M), with its own SKU, price and stock.
 * Anyone may read; Product.variants lists only the active ones for shoppers.
 */
export type ProductVariantVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A new variant. */
export type ProductVariantInput = {
  /** Whether it is for sale from the start. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** A reference price to show the price against, 0..1,000,000,000 minor units in the price's currency (INVALID_CURRENCY otherwise); none when omitted. */
  compareAtPrice?: InputMaybe<MoneyInput>;
  /** Initial stock on hand. */
  onHand?: InputMaybe<Scalars['Int']['input']>;
  /** One value for each option it has (each option once); an option or value the product lacks is OPTION_VALUE_NOT_FOUND. */
  options?: InputMaybe<Array<SelectedOptionInput>>;
  /** 0..1,000,000,000 minor units (INVALID_PRICE); its currency is the variant's, fixed once the variant exists. */
  price: MoneyInput;
  /** The low-stock threshold, 0..1,000,000; 5 when omitted. */
  reorderThreshold?: InputMaybe<Scalars['Int']['input']>;
  /** Not blank, at most 64 characters, unique across the catalog (SKU_TAKEN). */
  sku: Scalars['String']['input'];
  /** At most 200 characters; when omitted, the option values joined by " / " (e.g. "M / Red"), or the SKU when it has none. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** Weight in grams, 0..10,000,000; none when omitted. */
  weightGrams?: InputMaybe<Scalars['Int']['input']>;
};

/** What a variant mutation answers. */
export type ProductVariantPayload = {
  __typename?: 'ProductVariantPayload';
  /** Why the change was refused; empty when it was made. */
  userErrors: Array<CatalogUserError>;
  /** The variant after the change; null when it was refused. */
  variant: Maybe<ProductVariant>;
};

export type Promotion = Node & {
  __typename?: 'Promotion';
  /** The promotion's id. */
  id: Scalars['ID']['output'];
};

/**
 * The commerce API: the catalog, carts, orders, subscription plans, promotions and affiliates.
 * Shoppers (role customer) and anonymous callers read the catalog; each other part says who may
 * read or change it. Money is integer minor units; lists that grow are Relay connections.
 */
export type Query = {
  __typename?: 'Query';
  /** Staff (admin, support): an import and how far it got; null when no import has this id. */
  catalogImport: Maybe<CatalogImport>;
  /** The category tree: root categories in sort order; follow `children` for the rest. */
  categories: Array<Category>;
  /**
   * One category by id or slug (exactly one of them; both or neither is a BAD_USER_INPUT error);
   * null when no category has it. Anyone may read.
   */
  category: Maybe<Category>;
  /**
   * Staff (admin, support): the catalog as CSV in the import format, header line first: every
   * variant of up to `first` products, in slug order, after the product `afterSlug`. Archived
   * products are left out. A page with fewer than `first` products is the last; to read on, pass the
   * last row's product_slug as `afterSlug` and drop the next page's header line. For the whole
   * catalog at once: `npm run catalog:export`.
   */
  exportCatalog: Scalars['String']['output'];
  /**
   * The object with this id, of any type that implements Node; null when none has it or the
   * caller may not read it. Another subgraph's object is checked by its owner, which is asked
   * only when the selection holds a field beyond `id` and `__typename`. An id that is not a
   * Node's is a BAD_USER_INPUT error.
   */
  node: Maybe<Node>;
  /** The objects with these ids, in their order, each null as `node` would answer it. */
  nodes: Array<Maybe<Node>>;
  /** One product by id or slug (exactly one of them). */
  product: Maybe<Product>;
  /**
   * Products matching `filter`, in `sort` order. `first` is at most 250 (default 20).
   * RELEVANCE needs `filter.search`; without it the order is NEWEST.
   * Archived products never appear; inactive ones only to staff who ask for `active: false`.
   */
  products: ProductConnection;
  /**
   * Suggestions for a search box as the shopper types: names of live products, categories and
   * brands in which every word of `query` begins a word, ignoring case and accents (cafe finds Café;
   * popl finds Poplin), a hyphenated word also read joined (tsh finds T-Shirt), and a word's English
   * stem counting as the word (boots finds Boot). Within a kind, those in which more of the query's
   * words are whole words (or their plurals) come first, then the shorter, then the more popular,
   * then A to Z. Up to `first` in all: up to 3 categories and 2 brands (3/8 and 1/4 of `first`,
   * rounded down, when that is fewer), products for the rest, and room one kind leaves unused goes to
   * the others; listed categories first, then brands, then products. A query with no letters or
   * digits answers an empty list. Anyone may read.
   */
  searchSuggestions: Array<SearchSuggestion>;
  /** Admin: the search synonym rules, oldest first (a Relay connection: first/after, or last/before). */
  searchSynonyms: SearchSynonymConnection;
};


/**
 * The commerce API: the catalog, carts, orders, subscription plans, promotions and affiliates.
 * Shoppers (role customer) and anonymous callers read the catalog; each other part says who may
 * read or change it. Money is integer minor units; lists that grow are Relay connections.
 */
export type QueryCatalogImportArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The commerce API: the catalog, carts, orders, subscription plans, promotions and affiliates.
 * Shoppers (role customer) and anonymous callers read the catalog; each other part says who may
 * read or change it. Money is integer minor units; lists that grow are Relay connections.
 */
export type QueryCategoryArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


/**
 * The commerce API: the catalog, carts, orders, subscription plans, promotions and affiliates.
 * Shoppers (role customer) and anonymous callers read the catalog; each other part says who may
 * read or change it. Money is integer minor units; lists that grow are Relay connections.
 */
export type QueryExportCatalogArgs = {
  afterSlug?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * The commerce API: the catalog, carts, orders, subscription plans, promotions and affiliates.
 * Shoppers (role customer) and anonymous callers read the catalog; each other part says who may
 * read or change it. Money is integer minor units; lists that grow are Relay connections.
 */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The commerce API: the catalog, carts, orders, subscription plans, promotions and affiliates.
 * Shoppers (role customer) and anonymous callers read the catalog; each other part says who may
 * read or change it. Money is integer minor units; lists that grow are Relay connections.
 */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/**
 * The commerce API: the catalog, carts, orders, subscription plans, promotions and affiliates.
 * Shoppers (role customer) and anonymous callers read the catalog; each other part says who may
 * read or change it. Money is integer minor units; lists that grow are Relay connections.
 */
export type QueryProductArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};


/**
 * The commerce API: the catalog, carts, orders, subscription plans, promotions and affiliates.
 * Shoppers (role customer) and anonymous callers read the catalog; each other part says who may
 * read or change it. Money is integer minor units; lists that grow are Relay connections.
 */
export type QueryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProductFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<ProductSort>;
};


/**
 * The commerce API: the catalog, carts, orders, subscription plans, promotions and affiliates.
 * Shoppers (role customer) and anonymous callers read the catalog; each other part says who may
 * read or change it. Money is integer minor units; lists that grow are Relay connections.
 */
export type QuerySearchSuggestionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


/**
 * The commerce API: the catalog, carts, orders, subscription plans, promotions and affiliates.
 * Shoppers (role customer) and anonymous callers read the catalog; each other part says who may
 * read or change it. Money is integer minor units; lists that grow are Relay connections.
 */
export type QuerySearchSynonymsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** Service only: stock to hold for an owner (an order). */
export type ReserveInventoryInput = {
  /** 1 to 100 lines; lines for one variant are held together, at most 999 units per variant. */
  lines: Array<ReserveInventoryLineInput>;
  /** Who the stock is held for: the order's id; one reservation per owner. */
  ownerId: Scalars['ID']['input'];
  /** How long the stock is held before the expiry worker returns it (default 15 minutes). */
  ttlSeconds?: InputMaybe<Scalars['Int']['input']>;
};

/** Service only: units of one variant to hold. */
export type ReserveInventoryLineInput = {
  /** Units to hold, 1..999; more than are available is INSUFFICIENT_STOCK. */
  quantity: Scalars['Int']['input'];
  /** The variant; it must exist (VARIANT_NOT_FOUND) and be for sale (VARIANT_UNAVAILABLE). */
  variantId: Scalars['ID']['input'];
};

/** One suggestion for a search box: what to show, and what it stands for. */
export type SearchSuggestion = {
  __typename?: 'SearchSuggestion';
  /** The category of a CATEGORY suggestion (categories may share a name: their parents tell them apart); null for the other kinds. */
  category: Maybe<Category>;
  /** What it stands for. */
  kind: SearchSuggestionKind;
  /** The product of a PRODUCT suggestion (of several live products with that name, the newest); null for the other kinds. */
  product: Maybe<Product>;
  /** What the box shows: the product's name, the category's name or the brand, as the catalog spells it. */
  text: Scalars['String']['output'];
};

/** What a search suggestion stands for; popularity, which breaks ties, is counted in live products. */
export type SearchSuggestionKind =
  /** A brand of live products (a search for it lists them); popularity: its live products. */
  | 'BRAND'
  /** A category with live products in it or below it; popularity: those products. */
  | 'CATEGORY'
  /** A live product's name (names differing only in case or accents are one); popularity: the live products with that name. */
  | 'PRODUCT';

/** A synonym rule for product search. */
export type SearchSynonym = {
  __typename?: 'SearchSynonym';
  /** When it was added. */
  createdAt: Scalars['DateTime']['output'];
  /** The rule's id. */
  id: Scalars['ID']['output'];
  /** How it reads its terms. */
  kind: SearchSynonymKind;
  /**
   * Its terms as the admin wrote them: words or short phrases, compared with a search ignoring case,
   * accents, hyphens and spaces (t-shirt, T Shirt and tshirt are one term).
   */
  terms: Array<Scalars['String']['output']>;
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of synonym rules (a Relay connection). */
export type SearchSynonymConnection = {
  __typename?: 'SearchSynonymConnection';
  /** The rules with their cursors. */
  edges: Array<SearchSynonymEdge>;
  /** The rules. */
  nodes: Array<SearchSynonym>;
  /** Where this page stands. */
  pageInfo: PageInfo;
};

/** A rule with its cursor. */
export type SearchSynonymEdge = {
  __typename?: 'SearchSynonymEdge';
  /** Where the rule stands, for after. */
  cursor: Scalars['String']['output'];
  /** The rule. */
  node: SearchSynonym;
};

/** A synonym rule's kind and terms. */
export type SearchSynonymInput = {
  /** How it reads its terms. */
  kind: SearchSynonymKind;
  /**
   * 2..10 distinct terms (INVALID_INPUT otherwise), each 1..100 characters of letters, digits, spaces,
   * hyphens and apostrophes, at most 3 words (INVALID_INPUT otherwise). ONE_WAY: the first is the term
   * searched for.
   */
  terms: Array<Scalars['String']['input']>;
};

/** How a synonym rule reads its terms. */
export type SearchSynonymKind =
  /** The first term also finds what the others find; they do not find it. */
  | 'ONE_WAY'
  /** Every term finds what each of the others finds. */
  | 'TWO_WAY';

/** What a synonym change answers. */
export type SearchSynonymPayload = {
  __typename?: 'SearchSynonymPayload';
  /** The rule after the change (before it, for deleteSearchSynonym); null when refused. */
  synonym: Maybe<SearchSynonym>;
  /** Why it was refused (INVALID_INPUT, SYNONYM_NOT_FOUND); empty when it was done. */
  userErrors: Array<CatalogUserError>;
};

/** An option value a variant has, e.g. Size: M. */
export type SelectedOption = {
  __typename?: 'SelectedOption';
  /** The option's name, as the product spells it. */
  name: Scalars['String']['output'];
  /** The value, as the product's option spells it. */
  value: Scalars['String']['output'];
};

/** A value a variant has for one of its product's options. */
export type SelectedOptionInput = {
  /** An option of the product, ignoring case (otherwise OPTION_VALUE_NOT_FOUND). */
  name: Scalars['String']['input'];
  /** One of the option's values, ignoring case; stored as the option spells it. */
  value: Scalars['String']['input'];
};

/** How an order ships. */
export type ShippingMethod =
  /** The fastest service. */
  | 'EXPRESS'
  /** The standard service. */
  | 'STANDARD';

export type SubscriptionPlan = Node & {
  __typename?: 'SubscriptionPlan';
  /** The plan's id. */
  id: Scalars['ID']['output'];
};

/** What changes about a category: only the fields given. */
export type UpdateCategoryInput = {
  /** Not blank, at most 120 characters; stored trimmed. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The category to move under; it must exist (CATEGORY_NOT_FOUND) and not be this category or one under it (CATEGORY_CYCLE). null moves it to the root. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** Lower-case letters and digits joined by single hyphens, at most 160 characters, unique among categories (SLUG_TAKEN). */
  slug?: InputMaybe<Scalars['String']['input']>;
  /** Orders it among its siblings, lowest first, -1,000,000..1,000,000. */
  sortOrder?: InputMaybe<Scalars['Int']['input']>;
};

/** A product's new field values: omitted or null fields keep their values, except brand, which null clears. */
export type UpdateProductInput = {
  /** Whether it is for sale. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** At most 120 characters; null clears it. */
  brand?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the product's categories. */
  categoryIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** At most 10,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Not blank, at most 200 characters; stored trimmed. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Lower-case letters and digits joined by single hyphens, at most 160 characters, unique among products (SLUG_TAKEN). */
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** A variant's new field values: omitted fields keep their values; null keeps them too for sku, title, price and active, and clears compareAtPrice and weightGrams. */
export type UpdateProductVariantInput = {
  /** Whether it is for sale. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** 0..1,000,000,000 minor units in the variant's currency; null clears it. */
  compareAtPrice?: InputMaybe<MoneyInput>;
  /** Replaces the variant's option values (each option once); omitted or null keeps them. */
  options?: InputMaybe<Array<SelectedOptionInput>>;
  /** 0..1,000,000,000 minor units, in the variant's currency: a variant's currency does not change (INVALID_CURRENCY). */
  price?: InputMaybe<MoneyInput>;
  /** Not blank, at most 64 characters, unique across the catalog (SKU_TAKEN). */
  sku?: InputMaybe<Scalars['String']['input']>;
  /** At most 200 characters. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** Grams, 0..10,000,000; null clears it. */
  weightGrams?: InputMaybe<Scalars['Int']['input']>;
};

/** A business failure a mutation refused with; every payload's error type implements it, with a code from its context's *ErrorCode enum. */
export type UserError = {
  /** Path to the input field at fault, if any, e.g. ["input", "lines", "2", "quantity"]. */
  field: Maybe<Array<Scalars['String']['output']>>;
  /** What went wrong, for people. */
  message: Scalars['String']['output'];
};

/** What happened to a record. */
export type VersionOperation =
  /** Deleted. */
  | 'DELETE'
  /** Created. */
  | 'INSERT'
  /** Changed. */
  | 'UPDATE';

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
  AffiliatePartner: AffiliatePartner;
  Cart: Cart;
  Category: Category;
  CustomerSubscription: CustomerSubscription;
  Node: Node;
  Order: Order;
  Product: Product;
  ProductVariant: ProductVariant;
  Promotion: Promotion;
  SubscriptionPlan: SubscriptionPlan;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  AffiliatePartner:
    ( { __typename: 'AffiliatePartner' }
    & GraphQLRecursivePick<FederationTypes['AffiliatePartner'], {"id":true}> );
  Cart:
    ( { __typename: 'Cart' }
    & GraphQLRecursivePick<FederationTypes['Cart'], {"id":true}> );
  Category:
    ( { __typename: 'Category' }
    & GraphQLRecursivePick<FederationTypes['Category'], {"id":true}> );
  CustomerSubscription:
    ( { __typename: 'CustomerSubscription' }
    & GraphQLRecursivePick<FederationTypes['CustomerSubscription'], {"id":true}> );
  Node:
    ( { __typename: 'Node' }
    & GraphQLRecursivePick<FederationTypes['Node'], {"id":true}> );
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}> );
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"id":true}> );
  ProductVariant:
    ( { __typename: 'ProductVariant' }
    & GraphQLRecursivePick<FederationTypes['ProductVariant'], {"id":true}> );
  Promotion:
    ( { __typename: 'Promotion' }
    & GraphQLRecursivePick<FederationTypes['Promotion'], {"id":true}> );
  SubscriptionPlan:
    ( { __typename: 'SubscriptionPlan' }
    & GraphQLRecursivePick<FederationTypes['SubscriptionPlan'], {"id":true}> );
}>;


/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  Node:
    | ( AffiliatePartner )
    | ( Cart )
    | ( CategoryRow )
    | ( CustomerSubscription )
    | ( Order )
    | ( ProductRow )
    | ( VariantView )
    | ( Promotion )
    | ( SubscriptionPlan )
  ;
  UserError: ( CatalogUserError );
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Address: ResolverTypeWrapper<Address>;
  AddressInput: AddressInput;
  AffiliatePartner: ResolverTypeWrapper<AffiliatePartner>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Cart: ResolverTypeWrapper<Cart>;
  CatalogErrorCode: CatalogErrorCode;
  CatalogImport: ResolverTypeWrapper<CatalogImportRow>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CatalogImportStatus: CatalogImportStatus;
  CatalogUserError: ResolverTypeWrapper<CatalogUserError>;
  Category: ResolverTypeWrapper<CategoryRow>;
  CategoryFacet: ResolverTypeWrapper<CategoryFacetRow>;
  CategoryPayload: ResolverTypeWrapper<Omit<CategoryPayload, 'category'> & { category?: Maybe<ResolversTypes['Category']> }>;
  CountryCode: ResolverTypeWrapper<Scalars['CountryCode']['output']>;
  CreateCategoryInput: CreateCategoryInput;
  CreateProductInput: CreateProductInput;
  CurrencyCode: CurrencyCode;
  CustomerSubscription: ResolverTypeWrapper<CustomerSubscription>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DiscountLevel: DiscountLevel;
  EntityVersion: ResolverTypeWrapper<EntityVersion>;
  EntityVersionConnection: ResolverTypeWrapper<EntityVersionConnection>;
  EntityVersionEdge: ResolverTypeWrapper<EntityVersionEdge>;
  FieldChange: ResolverTypeWrapper<FieldChange>;
  ImportCatalogInput: ImportCatalogInput;
  ImportCatalogPayload: ResolverTypeWrapper<Omit<ImportCatalogPayload, 'import'> & { import?: Maybe<ResolversTypes['CatalogImport']> }>;
  Inventory: ResolverTypeWrapper<InventoryRow>;
  InventoryPayload: ResolverTypeWrapper<Omit<InventoryPayload, 'inventory' | 'variant'> & { inventory?: Maybe<ResolversTypes['Inventory']>, variant?: Maybe<ResolversTypes['ProductVariant']> }>;
  InventoryReservation: ResolverTypeWrapper<ReservationRow>;
  InventoryReservationLine: ResolverTypeWrapper<InventoryReservationLine>;
  InventoryReservationPayload: ResolverTypeWrapper<Omit<InventoryReservationPayload, 'reservation'> & { reservation?: Maybe<ResolversTypes['InventoryReservation']> }>;
  InventoryReservationStatus: InventoryReservationStatus;
  Money: ResolverTypeWrapper<MoneyValue>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  OptionFacet: ResolverTypeWrapper<OptionFacet>;
  OptionValueFacet: ResolverTypeWrapper<OptionValueFacet>;
  OptionValueFilter: OptionValueFilter;
  Order: ResolverTypeWrapper<Order>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PriceRange: ResolverTypeWrapper<Omit<PriceRange, 'max' | 'min'> & { max: ResolversTypes['Money'], min: ResolversTypes['Money'] }>;
  PriceRangeFacet: ResolverTypeWrapper<PriceRangeFacet>;
  Product: ResolverTypeWrapper<ProductRow>;
  ProductConnection: ResolverTypeWrapper<ProductConnectionRow>;
  ProductEdge: ResolverTypeWrapper<Omit<ProductEdge, 'node'> & { node: ResolversTypes['Product'] }>;
  ProductFacets: ResolverTypeWrapper<ProductQuery>;
  ProductFilter: ProductFilter;
  ProductImage: ResolverTypeWrapper<ImageView>;
  ProductImageInput: ProductImageInput;
  ProductOption: ResolverTypeWrapper<OptionRow>;
  ProductOptionInput: ProductOptionInput;
  ProductPayload: ResolverTypeWrapper<Omit<ProductPayload, 'product'> & { product?: Maybe<ResolversTypes['Product']> }>;
  ProductSort: ProductSort;
  ProductStatus: ProductStatus;
  ProductVariant: ResolverTypeWrapper<VariantView>;
  ProductVariantInput: ProductVariantInput;
  ProductVariantPayload: ResolverTypeWrapper<Omit<ProductVariantPayload, 'variant'> & { variant?: Maybe<ResolversTypes['ProductVariant']> }>;
  Promotion: ResolverTypeWrapper<Promotion>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReserveInventoryInput: ReserveInventoryInput;
  ReserveInventoryLineInput: ReserveInventoryLineInput;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  SearchSuggestion: ResolverTypeWrapper<Omit<SearchSuggestion, 'category' | 'product'> & { category?: Maybe<ResolversTypes['Category']>, product?: Maybe<ResolversTypes['Product']> }>;
  SearchSuggestionKind: SearchSuggestionKind;
  SearchSynonym: ResolverTypeWrapper<SearchSynonym>;
  SearchSynonymConnection: ResolverTypeWrapper<SearchSynonymConnection>;
  SearchSynonymEdge: ResolverTypeWrapper<SearchSynonymEdge>;
  SearchSynonymInput: SearchSynonymInput;
  SearchSynonymKind: SearchSynonymKind;
  SearchSynonymPayload: ResolverTypeWrapper<SearchSynonymPayload>;
  SelectedOption: ResolverTypeWrapper<SelectedOption>;
  SelectedOptionInput: SelectedOptionInput;
  ShippingMethod: ShippingMethod;
  SubscriptionPlan: ResolverTypeWrapper<SubscriptionPlan>;
  URL: ResolverTypeWrapper<Scalars['URL']['output']>;
  UpdateCategoryInput: UpdateCategoryInput;
  UpdateProductInput: UpdateProductInput;
  UpdateProductVariantInput: UpdateProductVariantInput;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
  VersionOperation: VersionOperation;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Address: Address;
  AddressInput: AddressInput;
  AffiliatePartner: AffiliatePartner | FederationReferenceTypes['AffiliatePartner'];
  ID: Scalars['ID']['output'];
  Cart: Cart | FederationReferenceTypes['Cart'];
  CatalogImport: CatalogImportRow;
  Int: Scalars['Int']['output'];
  Boolean: Scalars['Boolean']['output'];
  CatalogUserError: CatalogUserError;
  Category: CategoryRow;
  CategoryFacet: CategoryFacetRow;
  CategoryPayload: Omit<CategoryPayload, 'category'> & { category?: Maybe<ResolversParentTypes['Category']> };
  CountryCode: Scalars['CountryCode']['output'];
  CreateCategoryInput: CreateCategoryInput;
  CreateProductInput: CreateProductInput;
  CustomerSubscription: CustomerSubscription | FederationReferenceTypes['CustomerSubscription'];
  DateTime: Scalars['DateTime']['output'];
  EntityVersion: EntityVersion;
  EntityVersionConnection: EntityVersionConnection;
  EntityVersionEdge: EntityVersionEdge;
  FieldChange: FieldChange;
  ImportCatalogInput: ImportCatalogInput;
  ImportCatalogPayload: Omit<ImportCatalogPayload, 'import'> & { import?: Maybe<ResolversParentTypes['CatalogImport']> };
  Inventory: InventoryRow;
  InventoryPayload: Omit<InventoryPayload, 'inventory' | 'variant'> & { inventory?: Maybe<ResolversParentTypes['Inventory']>, variant?: Maybe<ResolversParentTypes['ProductVariant']> };
  InventoryReservation: ReservationRow;
  InventoryReservationLine: InventoryReservationLine;
  InventoryReservationPayload: Omit<InventoryReservationPayload, 'reservation'> & { reservation?: Maybe<ResolversParentTypes['InventoryReservation']> };
  Money: MoneyValue;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  OptionFacet: OptionFacet;
  OptionValueFacet: OptionValueFacet;
  OptionValueFilter: OptionValueFilter;
  Order: Order | FederationReferenceTypes['Order'];
  PageInfo: PageInfo;
  PriceRange: Omit<PriceRange, 'max' | 'min'> & { max: ResolversParentTypes['Money'], min: ResolversParentTypes['Money'] };
  PriceRangeFacet: PriceRangeFacet;
  Product: ProductRow;
  ProductConnection: ProductConnectionRow;
  ProductEdge: Omit<ProductEdge, 'node'> & { node: ResolversParentTypes['Product'] };
  ProductFacets: ProductQuery;
  ProductFilter: ProductFilter;
  ProductImage: ImageView;
  ProductImageInput: ProductImageInput;
  ProductOption: OptionRow;
  ProductOptionInput: ProductOptionInput;
  ProductPayload: Omit<ProductPayload, 'product'> & { product?: Maybe<ResolversParentTypes['Product']> };
  ProductVariant: VariantView;
  ProductVariantInput: ProductVariantInput;
  ProductVariantPayload: Omit<ProductVariantPayload, 'variant'> & { variant?: Maybe<ResolversParentTypes['ProductVariant']> };
  Promotion: Promotion | FederationReferenceTypes['Promotion'];
  Query: Record<PropertyKey, never>;
  ReserveInventoryInput: ReserveInventoryInput;
  ReserveInventoryLineInput: ReserveInventoryLineInput;
  SafeInt: Scalars['SafeInt']['output'];
  SearchSuggestion: Omit<SearchSuggestion, 'category' | 'product'> & { category?: Maybe<ResolversParentTypes['Category']>, product?: Maybe<ResolversParentTypes['Product']> };
  SearchSynonym: SearchSynonym;
  SearchSynonymConnection: SearchSynonymConnection;
  SearchSynonymEdge: SearchSynonymEdge;
  SearchSynonymInput: SearchSynonymInput;
  SearchSynonymPayload: SearchSynonymPayload;
  SelectedOption: SelectedOption;
  SelectedOptionInput: SelectedOptionInput;
  SubscriptionPlan: SubscriptionPlan | FederationReferenceTypes['SubscriptionPlan'];
  URL: Scalars['URL']['output'];
  UpdateCategoryInput: UpdateCategoryInput;
  UpdateProductInput: UpdateProductInput;
  UpdateProductVariantInput: UpdateProductVariantInput;
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
  String: Scalars['String']['output'];
}>;

export type GlobalIdDirectiveArgs = {
  type: Scalars['String']['input'];
};

export type GlobalIdDirectiveResolver<Result, Parent, ContextType = CatalogContext, Args = GlobalIdDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AddressResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = ResolversObject<{
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  country?: Resolver<ResolversTypes['CountryCode'], ParentType, ContextType>;
  line1?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  postalCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type AffiliatePartnerResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['AffiliatePartner'] = ResolversParentTypes['AffiliatePartner'], FederationReferenceType extends FederationReferenceTypes['AffiliatePartner'] = FederationReferenceTypes['AffiliatePartner']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['AffiliatePartner']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CartResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Cart'] = ResolversParentTypes['Cart'], FederationReferenceType extends FederationReferenceTypes['Cart'] = FederationReferenceTypes['Cart']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Cart']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CatalogImportResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['CatalogImport'] = ResolversParentTypes['CatalogImport']> = ResolversObject<{
  categoriesCreated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  errorCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['CatalogUserError']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  productsCreated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  productsUnchanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  productsUpdated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rowsDone?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rowsSkipped?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rowsTotal?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  skipInvalid?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CatalogImportStatus'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['URL']>, ParentType, ContextType>;
  variantsCreated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  variantsUnchanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  variantsUpdated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, RequireFields<CategoryProductsArgs, 'sort'>>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sortOrder?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versions?: Resolver<Maybe<ResolversTypes['EntityVersionConnection']>, ParentType, ContextType, Partial<CategoryVersionsArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CategoryFacetResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['CategoryFacet'] = ResolversParentTypes['CategoryFacet']> = ResolversObject<{
  category?: Resolver<ResolversTypes['Category'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CategoryPayloadResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['CategoryPayload'] = ResolversParentTypes['CategoryPayload']> = ResolversObject<{
  category?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['CatalogUserError']>, ParentType, ContextType>;
}>;

export interface CountryCodeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['CountryCode'], any> {
  name: 'CountryCode';
}

export type CustomerSubscriptionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['CustomerSubscription'] = ResolversParentTypes['CustomerSubscription'], FederationReferenceType extends FederationReferenceTypes['CustomerSubscription'] = FederationReferenceTypes['CustomerSubscription']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CustomerSubscription']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EntityVersionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['EntityVersion'] = ResolversParentTypes['EntityVersion']> = ResolversObject<{
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['FieldChange']>, ParentType, ContextType>;
  entity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  entityId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['VersionOperation'], ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type EntityVersionConnectionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['EntityVersionConnection'] = ResolversParentTypes['EntityVersionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['EntityVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type EntityVersionEdgeResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['EntityVersionEdge'] = ResolversParentTypes['EntityVersionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['EntityVersion'], ParentType, ContextType>;
}>;

export type FieldChangeResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['FieldChange'] = ResolversParentTypes['FieldChange']> = ResolversObject<{
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ImportCatalogPayloadResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['ImportCatalogPayload'] = ResolversParentTypes['ImportCatalogPayload']> = ResolversObject<{
  import?: Resolver<Maybe<ResolversTypes['CatalogImport']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['CatalogUserError']>, ParentType, ContextType>;
}>;

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
  amount?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
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
  createSearchSynonym?: Resolver<ResolversTypes['SearchSynonymPayload'], ParentType, ContextType, RequireFields<MutationCreateSearchSynonymArgs, 'input'>>;
  deleteSearchSynonym?: Resolver<ResolversTypes['SearchSynonymPayload'], ParentType, ContextType, RequireFields<MutationDeleteSearchSynonymArgs, 'id'>>;
  importCatalog?: Resolver<ResolversTypes['ImportCatalogPayload'], ParentType, ContextType, RequireFields<MutationImportCatalogArgs, 'input'>>;
  releaseInventoryReservation?: Resolver<ResolversTypes['InventoryReservationPayload'], ParentType, ContextType, RequireFields<MutationReleaseInventoryReservationArgs, 'ownerId'>>;
  removeProductImage?: Resolver<ResolversTypes['ProductPayload'], ParentType, ContextType, RequireFields<MutationRemoveProductImageArgs, 'id'>>;
  reserveInventory?: Resolver<ResolversTypes['InventoryReservationPayload'], ParentType, ContextType, RequireFields<MutationReserveInventoryArgs, 'input'>>;
  setInventory?: Resolver<ResolversTypes['InventoryPayload'], ParentType, ContextType, RequireFields<MutationSetInventoryArgs, 'onHand' | 'variantId'>>;
  updateCategory?: Resolver<ResolversTypes['CategoryPayload'], ParentType, ContextType, RequireFields<MutationUpdateCategoryArgs, 'id' | 'input'>>;
  updateProduct?: Resolver<ResolversTypes['ProductPayload'], ParentType, ContextType, RequireFields<MutationUpdateProductArgs, 'id' | 'input'>>;
  updateProductImage?: Resolver<ResolversTypes['ProductPayload'], ParentType, ContextType, RequireFields<MutationUpdateProductImageArgs, 'id' | 'input'>>;
  updateProductOption?: Resolver<ResolversTypes['ProductPayload'], ParentType, ContextType, RequireFields<MutationUpdateProductOptionArgs, 'id' | 'input'>>;
  updateProductVariant?: Resolver<ResolversTypes['ProductVariantPayload'], ParentType, ContextType, RequireFields<MutationUpdateProductVariantArgs, 'id' | 'input'>>;
  updateSearchSynonym?: Resolver<ResolversTypes['SearchSynonymPayload'], ParentType, ContextType, RequireFields<MutationUpdateSearchSynonymArgs, 'id' | 'input'>>;
}>;

export type NodeResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node'], FederationReferenceType extends FederationReferenceTypes['Node'] = FederationReferenceTypes['Node']> = ResolversObject<{
  __resolveType: TypeResolveFn<'AffiliatePartner' | 'Cart' | 'Category' | 'CustomerSubscription' | 'Order' | 'Product' | 'ProductVariant' | 'Promotion' | 'SubscriptionPlan', ParentType, ContextType>;
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Node']> | FederationReferenceType, FederationReferenceType, ContextType>;
}>;

export type OptionFacetResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['OptionFacet'] = ResolversParentTypes['OptionFacet']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['OptionValueFacet']>, ParentType, ContextType>;
}>;

export type OptionValueFacetResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['OptionValueFacet'] = ResolversParentTypes['OptionValueFacet']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type OrderResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
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
  status?: Resolver<ResolversTypes['ProductStatus'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  variants?: Resolver<Array<ResolversTypes['ProductVariant']>, ParentType, ContextType>;
  versions?: Resolver<Maybe<ResolversTypes['EntityVersionConnection']>, ParentType, ContextType, Partial<ProductVersionsArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProductConnectionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['ProductConnection'] = ResolversParentTypes['ProductConnection']> = ResolversObject<{
  correctedQuery?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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
  url?: Resolver<ResolversTypes['URL'], ParentType, ContextType>;
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
  versions?: Resolver<Maybe<ResolversTypes['EntityVersionConnection']>, ParentType, ContextType, Partial<ProductVariantVersionsArgs>>;
  weightGrams?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ProductVariantPayloadResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['ProductVariantPayload'] = ResolversParentTypes['ProductVariantPayload']> = ResolversObject<{
  userErrors?: Resolver<Array<ResolversTypes['CatalogUserError']>, ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['ProductVariant']>, ParentType, ContextType>;
}>;

export type PromotionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Promotion'] = ResolversParentTypes['Promotion'], FederationReferenceType extends FederationReferenceTypes['Promotion'] = FederationReferenceTypes['Promotion']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Promotion']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  catalogImport?: Resolver<Maybe<ResolversTypes['CatalogImport']>, ParentType, ContextType, RequireFields<QueryCatalogImportArgs, 'id'>>;
  categories?: Resolver<Array<ResolversTypes['Category']>, ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType, Partial<QueryCategoryArgs>>;
  exportCatalog?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<QueryExportCatalogArgs, 'first'>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  nodes?: Resolver<Array<Maybe<ResolversTypes['Node']>>, ParentType, ContextType, RequireFields<QueryNodesArgs, 'ids'>>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType, Partial<QueryProductArgs>>;
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, RequireFields<QueryProductsArgs, 'sort'>>;
  searchSuggestions?: Resolver<Array<ResolversTypes['SearchSuggestion']>, ParentType, ContextType, RequireFields<QuerySearchSuggestionsArgs, 'first' | 'query'>>;
  searchSynonyms?: Resolver<ResolversTypes['SearchSynonymConnection'], ParentType, ContextType, Partial<QuerySearchSynonymsArgs>>;
}>;

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type SearchSuggestionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['SearchSuggestion'] = ResolversParentTypes['SearchSuggestion']> = ResolversObject<{
  category?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SearchSuggestionKind'], ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SearchSynonymResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['SearchSynonym'] = ResolversParentTypes['SearchSynonym']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SearchSynonymKind'], ParentType, ContextType>;
  terms?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type SearchSynonymConnectionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['SearchSynonymConnection'] = ResolversParentTypes['SearchSynonymConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['SearchSynonymEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['SearchSynonym']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type SearchSynonymEdgeResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['SearchSynonymEdge'] = ResolversParentTypes['SearchSynonymEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['SearchSynonym'], ParentType, ContextType>;
}>;

export type SearchSynonymPayloadResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['SearchSynonymPayload'] = ResolversParentTypes['SearchSynonymPayload']> = ResolversObject<{
  synonym?: Resolver<Maybe<ResolversTypes['SearchSynonym']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['CatalogUserError']>, ParentType, ContextType>;
}>;

export type SelectedOptionResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['SelectedOption'] = ResolversParentTypes['SelectedOption']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SubscriptionPlanResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['SubscriptionPlan'] = ResolversParentTypes['SubscriptionPlan'], FederationReferenceType extends FederationReferenceTypes['SubscriptionPlan'] = FederationReferenceTypes['SubscriptionPlan']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['SubscriptionPlan']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export interface UrlScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['URL'], any> {
  name: 'URL';
}

export type UserErrorResolvers<ContextType = CatalogContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  __resolveType: TypeResolveFn<'CatalogUserError', ParentType, ContextType>;
}>;

export type Resolvers<ContextType = CatalogContext> = ResolversObject<{
  Address?: AddressResolvers<ContextType>;
  AffiliatePartner?: AffiliatePartnerResolvers<ContextType>;
  Cart?: CartResolvers<ContextType>;
  CatalogImport?: CatalogImportResolvers<ContextType>;
  CatalogUserError?: CatalogUserErrorResolvers<ContextType>;
  Category?: CategoryResolvers<ContextType>;
  CategoryFacet?: CategoryFacetResolvers<ContextType>;
  CategoryPayload?: CategoryPayloadResolvers<ContextType>;
  CountryCode?: GraphQLScalarType;
  CustomerSubscription?: CustomerSubscriptionResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EntityVersion?: EntityVersionResolvers<ContextType>;
  EntityVersionConnection?: EntityVersionConnectionResolvers<ContextType>;
  EntityVersionEdge?: EntityVersionEdgeResolvers<ContextType>;
  FieldChange?: FieldChangeResolvers<ContextType>;
  ImportCatalogPayload?: ImportCatalogPayloadResolvers<ContextType>;
  Inventory?: InventoryResolvers<ContextType>;
  InventoryPayload?: InventoryPayloadResolvers<ContextType>;
  InventoryReservation?: InventoryReservationResolvers<ContextType>;
  InventoryReservationLine?: InventoryReservationLineResolvers<ContextType>;
  InventoryReservationPayload?: InventoryReservationPayloadResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  OptionFacet?: OptionFacetResolvers<ContextType>;
  OptionValueFacet?: OptionValueFacetResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
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
  Promotion?: PromotionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  SearchSuggestion?: SearchSuggestionResolvers<ContextType>;
  SearchSynonym?: SearchSynonymResolvers<ContextType>;
  SearchSynonymConnection?: SearchSynonymConnectionResolvers<ContextType>;
  SearchSynonymEdge?: SearchSynonymEdgeResolvers<ContextType>;
  SearchSynonymPayload?: SearchSynonymPayloadResolvers<ContextType>;
  SelectedOption?: SelectedOptionResolvers<ContextType>;
  SubscriptionPlan?: SubscriptionPlanResolvers<ContextType>;
  URL?: GraphQLScalarType;
  UserError?: UserErrorResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = CatalogContext> = ResolversObject<{
  globalId?: GlobalIdDirectiveResolver<any, any, ContextType>;
}>;
