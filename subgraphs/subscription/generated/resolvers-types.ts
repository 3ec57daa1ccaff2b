/* Generated from schema/subscription*.graphql by `npm run codegen`: do not edit. */
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PlanRow, PlanItemRow, SubscriptionRow, SubscriptionConnectionRow, PeriodView, SubscriptionChangeView, SubscriptionEventRow } from '../models.js';
import type { Money as MoneyValue } from '../../../lib/money.js';
import type { SubscriptionContext } from '../context.js';
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

/** The unit a plan's billing period is counted in. */
export type BillingInterval =
  /** A month. */
  | 'MONTHLY'
  /** Three months. */
  | 'QUARTERLY'
  /** A week. */
  | 'WEEKLY'
  /** A year. */
  | 'YEARLY';

/** Changes from the next period. */
export type ChangeSubscriptionInput = {
  /** Another active plan in the same currency. */
  planId?: InputMaybe<Scalars['ID']['input']>;
  /** 1..100. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
};

/** A new plan. */
export type CreateSubscriptionPlanInput = {
  /** Whether new subscriptions may choose it (default true). */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** Up to 2,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The unit of the billing period. */
  interval: BillingInterval;
  /** How many intervals a period lasts, 1..52 (default 1). */
  intervalCount?: InputMaybe<Scalars['Int']['input']>;
  /** What each period delivers: 1..20 different variants, each 1..1000. */
  items: Array<SubscriptionPlanItemInput>;
  /** 1..120 characters. */
  name: Scalars['String']['input'];
  /** What each period costs, per delivery: at least the currency's smallest charge (e.g. 50 cents). */
  price: MoneyInput;
  /** Days of free trial, 0..365 (default 0). */
  trialDays?: InputMaybe<Scalars['Int']['input']>;
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

/** A customer's subscription to a plan: an order and a charge every period. */
export type CustomerSubscription = {
  __typename?: 'CustomerSubscription';
  /** True when it ends at the current period's end instead of renewing. */
  cancelAtPeriodEnd: Scalars['Boolean']['output'];
  /** When it was cancelled; null while it is not. */
  cancelledAt: Maybe<Scalars['DateTime']['output']>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The period being served: the last one billed, or being billed. */
  currentPeriod: SubscriptionPeriod;
  /** What happened to it, oldest first; append-only. */
  history: Array<SubscriptionHistoryEntry>;
  /** The subscription's id. */
  id: Scalars['ID']['output'];
  /** When the next renewal (or, while PAST_DUE, the next retry) is charged; null while paused or cancelled, or when it ends at this period's end. */
  nextBillingAt: Maybe<Scalars['DateTime']['output']>;
  /** A change of plan or quantity that starts with the next period; null when none is asked for. */
  pendingChange: Maybe<SubscriptionChange>;
  /** Each period billed or skipped, newest first. */
  periods: Array<SubscriptionPeriod>;
  /** Who subscribed. */
  personId: Scalars['ID']['output'];
  /** The plan it bills; a change asked for starts with the next period (pendingChange). */
  plan: SubscriptionPlan;
  /** How many of the plan's deliveries each period brings (1..100). */
  quantity: Scalars['Int']['output'];
  /** Where each period's order ships. */
  shippingAddress: Address;
  /** How each period's order ships. */
  shippingMethod: ShippingMethod;
  /** True when the subscriber asked to skip the next period: it is neither delivered nor charged. */
  skipsNextPeriod: Scalars['Boolean']['output'];
  /** Where it stands. */
  status: CustomerSubscriptionStatus;
  /** When the free trial ends; null without a trial. */
  trialEndsAt: Maybe<Scalars['DateTime']['output']>;
  /** Staff (support and admin): every change to this subscription and of its billing periods, newest first (SPEC §3 audit). Null with FORBIDDEN for anyone else. */
  versions: Maybe<EntityVersionConnection>;
};


/** A customer's subscription to a plan: an order and a charge every period. */
export type CustomerSubscriptionVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of subscriptions. */
export type CustomerSubscriptionConnection = {
  __typename?: 'CustomerSubscriptionConnection';
  /** The subscriptions of this page, newest first. */
  edges: Array<CustomerSubscriptionEdge>;
  /** Where this page sits, and the cursor to ask for the next one. */
  pageInfo: PageInfo;
  /** How many subscriptions match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A subscription in a page. */
export type CustomerSubscriptionEdge = {
  __typename?: 'CustomerSubscriptionEdge';
  /** Where it sits, for after/before. */
  cursor: Scalars['String']['output'];
  /** The subscription. */
  node: CustomerSubscription;
};

/** Which subscriptions a staff listing shows; every field given must hold. */
export type CustomerSubscriptionFilter = {
  /** Subscriptions whose next billing is before this instant. */
  nextBillingBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Subscriptions of this person. */
  personId?: InputMaybe<Scalars['ID']['input']>;
  /** Subscriptions to this plan. */
  planId?: InputMaybe<Scalars['ID']['input']>;
  /** Subscriptions in any of these states. */
  status?: InputMaybe<Array<CustomerSubscriptionStatus>>;
};

/** Where a subscription stands. */
export type CustomerSubscriptionStatus =
  /** Billing and delivering every period. */
  | 'ACTIVE'
  /** Ended; it bills nothing more. */
  | 'CANCELLED'
  /** A renewal's payment failed; it is retried on a schedule (dunning). */
  | 'PAST_DUE'
  /** Neither billed nor delivered until resumed. */
  | 'PAUSED'
  /** Waiting for its first payment. */
  | 'PENDING';

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

export type Mutation = {
  __typename?: 'Mutation';
  /** Cancels a subscription: now (the default), or at the end of the current period (atPeriodEnd: true), which bills nothing more. Its subscriber, support or admin. */
  cancelSubscription: SubscriptionPayload;
  /** Changes the plan or the quantity from the next period. Its subscriber, support or admin. */
  changeSubscription: SubscriptionPayload;
  /** Admin only: a new plan. */
  createSubscriptionPlan: SubscriptionPlanPayload;
  /** Pauses an ACTIVE or PAST_DUE subscription: nothing is billed or delivered until it is resumed. Its subscriber, support or admin. */
  pauseSubscription: SubscriptionPayload;
  /** Resumes a PAUSED subscription: the next period starts now and is billed now, then every period from now. Its subscriber, support or admin. */
  resumeSubscription: SubscriptionPayload;
  /** Skips the next period of an ACTIVE subscription: neither delivered nor charged; the one after bills as usual. Asking again undoes it. Its subscriber, support or admin. */
  skipNextSubscriptionPeriod: SubscriptionPayload;
  /**
   * Subscribes the caller to an active plan: the subscription and its first order (placed by the
   * order context, stock reserved like any order). Without a trial it is PENDING until the first
   * payment succeeds; with one it is ACTIVE at once and the first charge comes when the trial ends.
   * The same idempotencyKey answers the same subscription, however often it is sent.
   */
  subscribe: SubscriptionPayload;
  /** Charges another card from now on. A PAST_DUE subscription is charged with it at once (by the renewal job), and becomes ACTIVE when that succeeds. Its subscriber, support or admin. */
  updateSubscriptionPaymentMethod: SubscriptionPayload;
  /** Admin only: changes a plan; subscriptions already on it bill its new price from their next period. */
  updateSubscriptionPlan: SubscriptionPlanPayload;
};


export type MutationCancelSubscriptionArgs = {
  atPeriodEnd?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
};


export type MutationChangeSubscriptionArgs = {
  id: Scalars['ID']['input'];
  input: ChangeSubscriptionInput;
};


export type MutationCreateSubscriptionPlanArgs = {
  input: CreateSubscriptionPlanInput;
};


export type MutationPauseSubscriptionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationResumeSubscriptionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSkipNextSubscriptionPeriodArgs = {
  id: Scalars['ID']['input'];
  skip?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationSubscribeArgs = {
  input: SubscribeInput;
};


export type MutationUpdateSubscriptionPaymentMethodArgs = {
  id: Scalars['ID']['input'];
  paymentMethodId: Scalars['String']['input'];
};


export type MutationUpdateSubscriptionPlanArgs = {
  id: Scalars['ID']['input'];
  input: UpdateSubscriptionPlanInput;
};

/** An order, resolved by the order context. */
export type Order = {
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

/** A catalog variant, resolved by the catalog. */
export type ProductVariant = {
  __typename?: 'ProductVariant';
  /** The variant's id. */
  id: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** A subscription by id: its subscriber, support and admin may read it; null for an unknown id or one the caller may not read. */
  customerSubscription: Maybe<CustomerSubscription>;
  /** Staff only (admin, support): every subscription matching the filter, newest first. */
  customerSubscriptions: CustomerSubscriptionConnection;
  /** The caller's subscriptions, newest first. */
  mySubscriptions: Array<CustomerSubscription>;
  /** Active plans, cheapest first. Staff (admin, support) may ask for inactive ones too. */
  subscriptionPlans: Array<SubscriptionPlan>;
};


export type QueryCustomerSubscriptionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomerSubscriptionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CustomerSubscriptionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySubscriptionPlansArgs = {
  includeInactive?: InputMaybe<Scalars['Boolean']['input']>;
};

/** How an order ships. */
export type ShippingMethod =
  /** The fastest service. */
  | 'EXPRESS'
  /** The standard service. */
  | 'STANDARD';

/** What subscribing needs. */
export type SubscribeInput = {
  /** Chosen by the client, 1..100 characters: a retry with the same key answers the same subscription. */
  idempotencyKey: Scalars['String']['input'];
  /** The card to charge now and every period: a payment method id (on the local Stripe server a test card such as pm_card_visa). */
  paymentMethodId: Scalars['String']['input'];
  /** An active plan. */
  planId: Scalars['ID']['input'];
  /** How many of the plan's deliveries each period (1..100, default 1). */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Where each period's order ships. */
  shippingAddress: AddressInput;
  /** How each period's order ships (default STANDARD). */
  shippingMethod?: InputMaybe<ShippingMethod>;
};

/** A change that starts with the next period. */
export type SubscriptionChange = {
  __typename?: 'SubscriptionChange';
  /** The plan from the next period. */
  plan: SubscriptionPlan;
  /** The quantity from the next period. */
  quantity: Scalars['Int']['output'];
};

/** Why a subscription mutation was refused. */
export type SubscriptionErrorCode =
  /** The plan's currency differs from the subscription's. */
  | 'CURRENCY_MISMATCH'
  /** The idempotency key was used for another subscription request. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The subscription's status does not allow this (e.g. resuming one that is not paused). */
  | 'ILLEGAL_TRANSITION'
  /** The address is incomplete or malformed; field names the input field. */
  | 'INVALID_ADDRESS'
  /** An input is out of range or malformed; field names it. */
  | 'INVALID_INPUT'
  /** The plan's items are out of stock now. */
  | 'OUT_OF_STOCK'
  /** The card was declined; message says why. */
  | 'PAYMENT_FAILED'
  /** The plan is not active: no new subscription may choose it. */
  | 'PLAN_INACTIVE'
  /** No plan has this id (or it is not for sale). */
  | 'PLAN_NOT_FOUND'
  /** No subscription of yours has this id. */
  | 'SUBSCRIPTION_NOT_FOUND'
  /** A variant of the plan is unknown or not for sale; field names it. */
  | 'VARIANT_UNAVAILABLE';

/** What can happen to a subscription. */
export type SubscriptionEventKind =
  /** The first payment went through, or a trial started. */
  | 'ACTIVATED'
  /** Cancelled. */
  | 'CANCELLATION'
  /** It will end at the current period's end. */
  | 'CANCELLATION_SCHEDULED'
  /** Plan or quantity changes from the next period. */
  | 'CHANGED'
  /** Subscribed. */
  | 'CREATED'
  /** Payments failed; retries are scheduled. */
  | 'PAST_DUE'
  /** Paused: by the subscriber, staff, or when retries ran out. */
  | 'PAUSED'
  /** A payment failed. */
  | 'PAYMENT_FAILED'
  /** A period was renewed: its order placed and paid. */
  | 'RENEWAL'
  /** Resumed; billing starts again from the resume. */
  | 'RESUMED'
  /** The next period is skipped. */
  | 'SKIPPED';

/** One thing that happened to a subscription. */
export type SubscriptionHistoryEntry = {
  __typename?: 'SubscriptionHistoryEntry';
  /** Who did it: person:<id>, service:<name> or system:<job>. */
  actor: Scalars['String']['output'];
  /** When. */
  at: Scalars['DateTime']['output'];
  /** The status before; null for its creation. */
  from: Maybe<CustomerSubscriptionStatus>;
  /** What happened. */
  kind: SubscriptionEventKind;
  /** The period it concerns, if any. */
  period: Maybe<Scalars['Int']['output']>;
  /** Why, when given (e.g. the card's decline). */
  reason: Maybe<Scalars['String']['output']>;
  /** The status after. */
  to: CustomerSubscriptionStatus;
};

/** What a subscription mutation answers. */
export type SubscriptionPayload = {
  __typename?: 'SubscriptionPayload';
  /** When the first payment needs the subscriber (e.g. 3-D Secure): hand it to Stripe.js; null otherwise. */
  paymentClientSecret: Maybe<Scalars['String']['output']>;
  /** The subscription; null when refused. */
  subscription: Maybe<CustomerSubscription>;
  /** Why it was refused; empty when it succeeded. */
  userErrors: Array<SubscriptionUserError>;
};

/** One billing period of a subscription. */
export type SubscriptionPeriod = {
  __typename?: 'SubscriptionPeriod';
  /** What it costs (the plan's price times the quantity). */
  amount: Maybe<Money>;
  /** When it ends: the next period starts then. */
  endsAt: Scalars['DateTime']['output'];
  /** 0 for the first period, then 1, 2, … */
  index: Scalars['Int']['output'];
  /** The period's order; null when skipped or not placed yet. */
  order: Maybe<Order>;
  /** When it starts. */
  startsAt: Scalars['DateTime']['output'];
  /** Whether it was paid, skipped, or failed; null for the current period when it is not billed yet. */
  status: Maybe<SubscriptionPeriodStatus>;
};

/** What became of a period's bill. */
export type SubscriptionPeriodStatus =
  /** Its order is placed and its payment is under way (or being retried). */
  | 'BILLING'
  /** Cancelled with the subscription before it was paid. */
  | 'CANCELLED'
  /** Its payment failed for good; its order was cancelled and everything it held released. */
  | 'FAILED'
  /** Paid. */
  | 'PAID'
  /** Skipped at the subscriber's request: neither delivered nor charged. */
  | 'SKIPPED';

/** A plan a customer can subscribe to: a price charged once every intervalCount intervals. Anyone may read. */
export type SubscriptionPlan = {
  __typename?: 'SubscriptionPlan';
  /** Whether new subscriptions may choose it; existing ones keep billing either way. */
  active: Scalars['Boolean']['output'];
  /** What it is, for shoppers; at most 2,000 characters. */
  description: Maybe<Scalars['String']['output']>;
  /** The plan's id. */
  id: Scalars['ID']['output'];
  /** The unit of the billing period. */
  interval: BillingInterval;
  /** How many intervals one billing period lasts, e.g. 2 with MONTHLY bills every two months. */
  intervalCount: Scalars['Int']['output'];
  /** What each period delivers, in order. */
  items: Array<SubscriptionPlanItem>;
  /** Its name, at most 120 characters. */
  name: Scalars['String']['output'];
  /** What each billing period costs, for one of the plan's deliveries (a subscription's quantity multiplies it). */
  price: Money;
  /** Days of free trial before the first charge; 0 for none. */
  trialDays: Scalars['Int']['output'];
  /** Staff (support and admin): every change to this plan and of its items, newest first (SPEC §3 audit). Null with FORBIDDEN for anyone else. */
  versions: Maybe<EntityVersionConnection>;
};


/** A plan a customer can subscribe to: a price charged once every intervalCount intervals. Anyone may read. */
export type SubscriptionPlanVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** One catalog variant a plan delivers each period. */
export type SubscriptionPlanItem = {
  __typename?: 'SubscriptionPlanItem';
  /** How many of it, per delivery. */
  quantity: Scalars['Int']['output'];
  /** The variant delivered. */
  variant: ProductVariant;
};

/** One variant a plan delivers. */
export type SubscriptionPlanItemInput = {
  /** How many per delivery, 1..1000. */
  quantity: Scalars['Int']['input'];
  /** The catalog variant; it must exist and be for sale. */
  variantId: Scalars['ID']['input'];
};

/** What a plan mutation answers. */
export type SubscriptionPlanPayload = {
  __typename?: 'SubscriptionPlanPayload';
  /** The plan; null when refused. */
  plan: Maybe<SubscriptionPlan>;
  /** Why it was refused; empty when it succeeded. */
  userErrors: Array<SubscriptionUserError>;
};

/** Why a subscription mutation was refused. */
export type SubscriptionUserError = UserError & {
  __typename?: 'SubscriptionUserError';
  /** Why, as a stable code to act on. */
  code: SubscriptionErrorCode;
  /** Path to the argument or input field at fault, if any. */
  field: Maybe<Array<Scalars['String']['output']>>;
  /** What went wrong, for people. */
  message: Scalars['String']['output'];
};

/** Changes to a plan. */
export type UpdateSubscriptionPlanInput = {
  /** Whether new subscriptions may choose it. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** Up to 2,000 characters; null clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** What each period delivers, replacing the list, from each subscription's next period. */
  items?: InputMaybe<Array<SubscriptionPlanItemInput>>;
  /** 1..120 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** What each period costs from each subscription's next period. */
  price?: InputMaybe<MoneyInput>;
  /** Days of free trial for new subscriptions. */
  trialDays?: InputMaybe<Scalars['Int']['input']>;
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
  CustomerSubscription: CustomerSubscription;
  SubscriptionPlan: SubscriptionPlan;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  CustomerSubscription:
    ( { __typename: 'CustomerSubscription' }
    & GraphQLRecursivePick<FederationTypes['CustomerSubscription'], {"id":true}> );
  SubscriptionPlan:
    ( { __typename: 'SubscriptionPlan' }
    & GraphQLRecursivePick<FederationTypes['SubscriptionPlan'], {"id":true}> );
}>;


/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  UserError: ( SubscriptionUserError );
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Address: ResolverTypeWrapper<Address>;
  AddressInput: AddressInput;
  BillingInterval: BillingInterval;
  ChangeSubscriptionInput: ChangeSubscriptionInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CountryCode: ResolverTypeWrapper<Scalars['CountryCode']['output']>;
  CreateSubscriptionPlanInput: CreateSubscriptionPlanInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CurrencyCode: CurrencyCode;
  CustomerSubscription: ResolverTypeWrapper<SubscriptionRow>;
  CustomerSubscriptionConnection: ResolverTypeWrapper<SubscriptionConnectionRow>;
  CustomerSubscriptionEdge: ResolverTypeWrapper<Omit<CustomerSubscriptionEdge, 'node'> & { node: ResolversTypes['CustomerSubscription'] }>;
  CustomerSubscriptionFilter: CustomerSubscriptionFilter;
  CustomerSubscriptionStatus: CustomerSubscriptionStatus;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DiscountLevel: DiscountLevel;
  EntityVersion: ResolverTypeWrapper<EntityVersion>;
  EntityVersionConnection: ResolverTypeWrapper<EntityVersionConnection>;
  EntityVersionEdge: ResolverTypeWrapper<EntityVersionEdge>;
  FieldChange: ResolverTypeWrapper<FieldChange>;
  Money: ResolverTypeWrapper<MoneyValue>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<Order>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  ProductVariant: ResolverTypeWrapper<ProductVariant>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  ShippingMethod: ShippingMethod;
  SubscribeInput: SubscribeInput;
  SubscriptionChange: ResolverTypeWrapper<SubscriptionChangeView>;
  SubscriptionErrorCode: SubscriptionErrorCode;
  SubscriptionEventKind: SubscriptionEventKind;
  SubscriptionHistoryEntry: ResolverTypeWrapper<SubscriptionEventRow>;
  SubscriptionPayload: ResolverTypeWrapper<Omit<SubscriptionPayload, 'subscription'> & { subscription?: Maybe<ResolversTypes['CustomerSubscription']> }>;
  SubscriptionPeriod: ResolverTypeWrapper<PeriodView>;
  SubscriptionPeriodStatus: SubscriptionPeriodStatus;
  SubscriptionPlan: ResolverTypeWrapper<PlanRow>;
  SubscriptionPlanItem: ResolverTypeWrapper<PlanItemRow>;
  SubscriptionPlanItemInput: SubscriptionPlanItemInput;
  SubscriptionPlanPayload: ResolverTypeWrapper<Omit<SubscriptionPlanPayload, 'plan'> & { plan?: Maybe<ResolversTypes['SubscriptionPlan']> }>;
  SubscriptionUserError: ResolverTypeWrapper<SubscriptionUserError>;
  URL: ResolverTypeWrapper<Scalars['URL']['output']>;
  UpdateSubscriptionPlanInput: UpdateSubscriptionPlanInput;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
  VersionOperation: VersionOperation;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Address: Address;
  AddressInput: AddressInput;
  ChangeSubscriptionInput: ChangeSubscriptionInput;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  CountryCode: Scalars['CountryCode']['output'];
  CreateSubscriptionPlanInput: CreateSubscriptionPlanInput;
  Boolean: Scalars['Boolean']['output'];
  CustomerSubscription: SubscriptionRow;
  CustomerSubscriptionConnection: SubscriptionConnectionRow;
  CustomerSubscriptionEdge: Omit<CustomerSubscriptionEdge, 'node'> & { node: ResolversParentTypes['CustomerSubscription'] };
  CustomerSubscriptionFilter: CustomerSubscriptionFilter;
  DateTime: Scalars['DateTime']['output'];
  EntityVersion: EntityVersion;
  EntityVersionConnection: EntityVersionConnection;
  EntityVersionEdge: EntityVersionEdge;
  FieldChange: FieldChange;
  Money: MoneyValue;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  Order: Order;
  PageInfo: PageInfo;
  ProductVariant: ProductVariant;
  Query: Record<PropertyKey, never>;
  SafeInt: Scalars['SafeInt']['output'];
  SubscribeInput: SubscribeInput;
  SubscriptionChange: SubscriptionChangeView;
  SubscriptionHistoryEntry: SubscriptionEventRow;
  SubscriptionPayload: Omit<SubscriptionPayload, 'subscription'> & { subscription?: Maybe<ResolversParentTypes['CustomerSubscription']> };
  SubscriptionPeriod: PeriodView;
  SubscriptionPlan: PlanRow;
  SubscriptionPlanItem: PlanItemRow;
  SubscriptionPlanItemInput: SubscriptionPlanItemInput;
  SubscriptionPlanPayload: Omit<SubscriptionPlanPayload, 'plan'> & { plan?: Maybe<ResolversParentTypes['SubscriptionPlan']> };
  SubscriptionUserError: SubscriptionUserError;
  URL: Scalars['URL']['output'];
  UpdateSubscriptionPlanInput: UpdateSubscriptionPlanInput;
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
  String: Scalars['String']['output'];
}>;

export type GlobalIdDirectiveArgs = {
  type: Scalars['String']['input'];
};

export type GlobalIdDirectiveResolver<Result, Parent, ContextType = SubscriptionContext, Args = GlobalIdDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AddressResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = ResolversObject<{
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  country?: Resolver<ResolversTypes['CountryCode'], ParentType, ContextType>;
  line1?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  postalCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export interface CountryCodeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['CountryCode'], any> {
  name: 'CountryCode';
}

export type CustomerSubscriptionResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['CustomerSubscription'] = ResolversParentTypes['CustomerSubscription'], FederationReferenceType extends FederationReferenceTypes['CustomerSubscription'] = FederationReferenceTypes['CustomerSubscription']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CustomerSubscription']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cancelAtPeriodEnd?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currentPeriod?: Resolver<ResolversTypes['SubscriptionPeriod'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['SubscriptionHistoryEntry']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  nextBillingAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  pendingChange?: Resolver<Maybe<ResolversTypes['SubscriptionChange']>, ParentType, ContextType>;
  periods?: Resolver<Array<ResolversTypes['SubscriptionPeriod']>, ParentType, ContextType>;
  personId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['SubscriptionPlan'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shippingAddress?: Resolver<ResolversTypes['Address'], ParentType, ContextType>;
  shippingMethod?: Resolver<ResolversTypes['ShippingMethod'], ParentType, ContextType>;
  skipsNextPeriod?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CustomerSubscriptionStatus'], ParentType, ContextType>;
  trialEndsAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  versions?: Resolver<Maybe<ResolversTypes['EntityVersionConnection']>, ParentType, ContextType, Partial<CustomerSubscriptionVersionsArgs>>;
}>;

export type CustomerSubscriptionConnectionResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['CustomerSubscriptionConnection'] = ResolversParentTypes['CustomerSubscriptionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['CustomerSubscriptionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CustomerSubscriptionEdgeResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['CustomerSubscriptionEdge'] = ResolversParentTypes['CustomerSubscriptionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CustomerSubscription'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EntityVersionResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['EntityVersion'] = ResolversParentTypes['EntityVersion']> = ResolversObject<{
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['FieldChange']>, ParentType, ContextType>;
  entity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  entityId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['VersionOperation'], ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type EntityVersionConnectionResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['EntityVersionConnection'] = ResolversParentTypes['EntityVersionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['EntityVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type EntityVersionEdgeResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['EntityVersionEdge'] = ResolversParentTypes['EntityVersionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['EntityVersion'], ParentType, ContextType>;
}>;

export type FieldChangeResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['FieldChange'] = ResolversParentTypes['FieldChange']> = ResolversObject<{
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
  formatted?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fractionDigits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cancelSubscription?: Resolver<ResolversTypes['SubscriptionPayload'], ParentType, ContextType, RequireFields<MutationCancelSubscriptionArgs, 'id'>>;
  changeSubscription?: Resolver<ResolversTypes['SubscriptionPayload'], ParentType, ContextType, RequireFields<MutationChangeSubscriptionArgs, 'id' | 'input'>>;
  createSubscriptionPlan?: Resolver<ResolversTypes['SubscriptionPlanPayload'], ParentType, ContextType, RequireFields<MutationCreateSubscriptionPlanArgs, 'input'>>;
  pauseSubscription?: Resolver<ResolversTypes['SubscriptionPayload'], ParentType, ContextType, RequireFields<MutationPauseSubscriptionArgs, 'id'>>;
  resumeSubscription?: Resolver<ResolversTypes['SubscriptionPayload'], ParentType, ContextType, RequireFields<MutationResumeSubscriptionArgs, 'id'>>;
  skipNextSubscriptionPeriod?: Resolver<ResolversTypes['SubscriptionPayload'], ParentType, ContextType, RequireFields<MutationSkipNextSubscriptionPeriodArgs, 'id' | 'skip'>>;
  subscribe?: Resolver<ResolversTypes['SubscriptionPayload'], ParentType, ContextType, RequireFields<MutationSubscribeArgs, 'input'>>;
  updateSubscriptionPaymentMethod?: Resolver<ResolversTypes['SubscriptionPayload'], ParentType, ContextType, RequireFields<MutationUpdateSubscriptionPaymentMethodArgs, 'id' | 'paymentMethodId'>>;
  updateSubscriptionPlan?: Resolver<ResolversTypes['SubscriptionPlanPayload'], ParentType, ContextType, RequireFields<MutationUpdateSubscriptionPlanArgs, 'id' | 'input'>>;
}>;

export type OrderResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ProductVariantResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['ProductVariant'] = ResolversParentTypes['ProductVariant']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  customerSubscription?: Resolver<Maybe<ResolversTypes['CustomerSubscription']>, ParentType, ContextType, RequireFields<QueryCustomerSubscriptionArgs, 'id'>>;
  customerSubscriptions?: Resolver<ResolversTypes['CustomerSubscriptionConnection'], ParentType, ContextType, Partial<QueryCustomerSubscriptionsArgs>>;
  mySubscriptions?: Resolver<Array<ResolversTypes['CustomerSubscription']>, ParentType, ContextType>;
  subscriptionPlans?: Resolver<Array<ResolversTypes['SubscriptionPlan']>, ParentType, ContextType, RequireFields<QuerySubscriptionPlansArgs, 'includeInactive'>>;
}>;

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type SubscriptionChangeResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['SubscriptionChange'] = ResolversParentTypes['SubscriptionChange']> = ResolversObject<{
  plan?: Resolver<ResolversTypes['SubscriptionPlan'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type SubscriptionHistoryEntryResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['SubscriptionHistoryEntry'] = ResolversParentTypes['SubscriptionHistoryEntry']> = ResolversObject<{
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['CustomerSubscriptionStatus']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SubscriptionEventKind'], ParentType, ContextType>;
  period?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['CustomerSubscriptionStatus'], ParentType, ContextType>;
}>;

export type SubscriptionPayloadResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['SubscriptionPayload'] = ResolversParentTypes['SubscriptionPayload']> = ResolversObject<{
  paymentClientSecret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subscription?: Resolver<Maybe<ResolversTypes['CustomerSubscription']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['SubscriptionUserError']>, ParentType, ContextType>;
}>;

export type SubscriptionPeriodResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['SubscriptionPeriod'] = ResolversParentTypes['SubscriptionPeriod']> = ResolversObject<{
  amount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  endsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['SubscriptionPeriodStatus']>, ParentType, ContextType>;
}>;

export type SubscriptionPlanResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['SubscriptionPlan'] = ResolversParentTypes['SubscriptionPlan'], FederationReferenceType extends FederationReferenceTypes['SubscriptionPlan'] = FederationReferenceTypes['SubscriptionPlan']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['SubscriptionPlan']> | FederationReferenceType, FederationReferenceType, ContextType>;
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  interval?: Resolver<ResolversTypes['BillingInterval'], ParentType, ContextType>;
  intervalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['SubscriptionPlanItem']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  trialDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versions?: Resolver<Maybe<ResolversTypes['EntityVersionConnection']>, ParentType, ContextType, Partial<SubscriptionPlanVersionsArgs>>;
}>;

export type SubscriptionPlanItemResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['SubscriptionPlanItem'] = ResolversParentTypes['SubscriptionPlanItem']> = ResolversObject<{
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  variant?: Resolver<ResolversTypes['ProductVariant'], ParentType, ContextType>;
}>;

export type SubscriptionPlanPayloadResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['SubscriptionPlanPayload'] = ResolversParentTypes['SubscriptionPlanPayload']> = ResolversObject<{
  plan?: Resolver<Maybe<ResolversTypes['SubscriptionPlan']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['SubscriptionUserError']>, ParentType, ContextType>;
}>;

export type SubscriptionUserErrorResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['SubscriptionUserError'] = ResolversParentTypes['SubscriptionUserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['SubscriptionErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export interface UrlScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['URL'], any> {
  name: 'URL';
}

export type UserErrorResolvers<ContextType = SubscriptionContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  __resolveType: TypeResolveFn<'SubscriptionUserError', ParentType, ContextType>;
}>;

export type Resolvers<ContextType = SubscriptionContext> = ResolversObject<{
  Address?: AddressResolvers<ContextType>;
  CountryCode?: GraphQLScalarType;
  CustomerSubscription?: CustomerSubscriptionResolvers<ContextType>;
  CustomerSubscriptionConnection?: CustomerSubscriptionConnectionResolvers<ContextType>;
  CustomerSubscriptionEdge?: CustomerSubscriptionEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EntityVersion?: EntityVersionResolvers<ContextType>;
  EntityVersionConnection?: EntityVersionConnectionResolvers<ContextType>;
  EntityVersionEdge?: EntityVersionEdgeResolvers<ContextType>;
  FieldChange?: FieldChangeResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  SubscriptionChange?: SubscriptionChangeResolvers<ContextType>;
  SubscriptionHistoryEntry?: SubscriptionHistoryEntryResolvers<ContextType>;
  SubscriptionPayload?: SubscriptionPayloadResolvers<ContextType>;
  SubscriptionPeriod?: SubscriptionPeriodResolvers<ContextType>;
  SubscriptionPlan?: SubscriptionPlanResolvers<ContextType>;
  SubscriptionPlanItem?: SubscriptionPlanItemResolvers<ContextType>;
  SubscriptionPlanPayload?: SubscriptionPlanPayloadResolvers<ContextType>;
  SubscriptionUserError?: SubscriptionUserErrorResolvers<ContextType>;
  URL?: GraphQLScalarType;
  UserError?: UserErrorResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = SubscriptionContext> = ResolversObject<{
  globalId?: GlobalIdDirectiveResolver<any, any, ContextType>;
}>;
