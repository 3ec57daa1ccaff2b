/* Generated from schema/promotion*.graphql by `npm run codegen`: do not edit. */
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PromotionRow, PromotionConnectionRow } from '../models.js';
import type { AffiliatePartnerRow, AffiliatePartnerConnectionRow, AffiliateClickRow, AffiliateAttributionRow, AffiliateReportRow } from '../affiliates/models.js';
import type { Money as MoneyValue } from '../../../lib/money.js';
import type { PromotionContext } from '../context.js';
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

/** An order credited to a partner, with the commission on it. */
export type AffiliateAttribution = {
  __typename?: 'AffiliateAttribution';
  /** revenue × commissionRate / 10000, rounded half up to the minor unit. */
  commission: Money;
  /** The partner's rate when the order was credited (its OrderPaid event processed, or the referral recorded), in basis points. */
  commissionRate: Scalars['Int']['output'];
  /** Who referred whom: INBOUND, we owe the commission; OUTBOUND, the partner does. */
  direction: AffiliateDirection;
  /** OUTBOUND: the partner's order reference. */
  externalRef: Maybe<Scalars['String']['output']>;
  /** The attribution's id. */
  id: Scalars['ID']['output'];
  /** When the order was paid (INBOUND), or the occurredAt recorded (OUTBOUND). */
  occurredAt: Scalars['DateTime']['output'];
  /** INBOUND: our order. */
  orderId: Maybe<Scalars['ID']['output']>;
  /** INBOUND: our order's number, when known; null for OUTBOUND. */
  orderNumber: Maybe<Scalars['String']['output']>;
  /** The partner credited. */
  partner: AffiliatePartner;
  /** The commission base: for INBOUND, the order's subtotal less all its discounts (a shipping discount too), never below 0, without shipping or tax; for OUTBOUND, the revenue recorded. */
  revenue: Money;
};

/** What recordOutboundReferral answers. */
export type AffiliateAttributionPayload = {
  __typename?: 'AffiliateAttributionPayload';
  /** The attribution stored (by this call or, for a repeat, the first one); null when refused. */
  attribution: Maybe<AffiliateAttribution>;
  /** Why it was refused; empty when it succeeded. */
  userErrors: Array<AffiliateUserError>;
};

/** A recorded visit through a partner's link. Clicks are deleted after two years. */
export type AffiliateClick = {
  __typename?: 'AffiliateClick';
  /** When the click was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** The click's id. */
  id: Scalars['ID']['output'];
  /** The partner whose link it was. */
  partner: AffiliatePartner;
  /** The page the visitor came from; null when not given. */
  referrer: Maybe<Scalars['String']['output']>;
  /** The landing page. */
  url: Scalars['URL']['output'];
};

/** What recordAffiliateClick answers. */
export type AffiliateClickPayload = {
  __typename?: 'AffiliateClickPayload';
  /** The click recorded; null when it was refused. */
  click: Maybe<AffiliateClick>;
  /** Why it was refused (PARTNER_NOT_FOUND, RATE_LIMITED, bad input); empty when it was recorded. */
  userErrors: Array<AffiliateUserError>;
};

/** Who referred the shopper to whom, and so who owes the commission. */
export type AffiliateDirection =
  /** A partner referred the shopper to us; we owe the commission. */
  | 'INBOUND'
  /** We referred the shopper to the partner; the partner owes the commission. */
  | 'OUTBOUND';

/** Why an affiliate mutation was refused. */
export type AffiliateErrorCode =
  /** Another partner has this code. */
  | 'CODE_TAKEN'
  /** Codes are 3 to 64 letters, digits, '-' or '_'. */
  | 'INVALID_CODE'
  /** Not an ISO 4217 currency code. */
  | 'INVALID_CURRENCY'
  /** A malformed value, or one missing that is required. */
  | 'INVALID_INPUT'
  /** A value outside its range (a commission rate 0..10000, amounts). */
  | 'INVALID_VALUE'
  /** No partner has this id, or no active one this code. */
  | 'PARTNER_NOT_FOUND'
  /** Too many attempts from this client address or person; the message says in how many seconds to try again. */
  | 'RATE_LIMITED'
  /** A text longer than its field allows. */
  | 'TOO_LONG';

/** A partner who refers shoppers to us or to whom we refer them, earning or owing commission. Admin and support may read it; a click's answer shows its partner to anyone, except the commission rate. */
export type AffiliatePartner = {
  __typename?: 'AffiliatePartner';
  /** Whether its code records clicks and earns commission. */
  active: Scalars['Boolean']['output'];
  /** Matched case-insensitively, shown upper-case. */
  code: Scalars['String']['output'];
  /** Basis points (0..10000): 1000 is 10 % of the commission base. Staff (admin, support) only: null, with a FORBIDDEN error, for anyone else (a click's answer names its partner). */
  commissionRate: Maybe<Scalars['Int']['output']>;
  /** When the partner was added. */
  createdAt: Scalars['DateTime']['output'];
  /** The partner's id. */
  id: Scalars['ID']['output'];
  /** The partner's name, at most 120 characters. */
  name: Scalars['String']['output'];
  /** When the partner last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Staff (support and admin): every change to this partner and of the commissions attributed to it, newest first (SPEC §3 audit). Null with FORBIDDEN for anyone else. */
  versions: Maybe<EntityVersionConnection>;
};


/** A partner who refers shoppers to us or to whom we refer them, earning or owing commission. Admin and support may read it; a click's answer shows its partner to anyone, except the commission rate. */
export type AffiliatePartnerVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of affiliate partners (a Relay connection). */
export type AffiliatePartnerConnection = {
  __typename?: 'AffiliatePartnerConnection';
  /** The partners of this page, newest first. */
  edges: Array<AffiliatePartnerEdge>;
  /** Where this page sits, and the cursors to ask for the next or previous one. */
  pageInfo: PageInfo;
  /** How many partners there are, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A partner in a page, with its cursor. */
export type AffiliatePartnerEdge = {
  __typename?: 'AffiliatePartnerEdge';
  /** Where this partner sits in the order; pass it as after (or before) to page on. */
  cursor: Scalars['String']['output'];
  /** The partner. */
  node: AffiliatePartner;
};

/** What a partner mutation answers. */
export type AffiliatePartnerPayload = {
  __typename?: 'AffiliatePartnerPayload';
  /** The partner after the change; null when it was refused. */
  partner: Maybe<AffiliatePartner>;
  /** Why the change was refused; empty when it was made. */
  userErrors: Array<AffiliateUserError>;
};

/** A partner's results over a range of time [from, to), in one direction. */
export type AffiliateReport = {
  __typename?: 'AffiliateReport';
  /** Of those clicks, the ones linked to a cart. */
  carts: Scalars['Int']['output'];
  /** Clicks made in the range. */
  clicks: Scalars['Int']['output'];
  /** Sum of their commissions, one entry per currency (same order as revenue). */
  commission: Array<Money>;
  /** Which orders are counted. */
  direction: AffiliateDirection;
  /** Start of the range, inclusive. */
  from: Scalars['DateTime']['output'];
  /** Orders paid in the range and attributed to the partner in this direction. */
  orders: Scalars['Int']['output'];
  /** The partner. */
  partner: AffiliatePartner;
  /** Sum of the orders' commission bases, one entry per currency (by code). */
  revenue: Array<Money>;
  /** End of the range, exclusive. */
  to: Scalars['DateTime']['output'];
};

/** An affiliate mutation's refusal. */
export type AffiliateUserError = UserError & {
  __typename?: 'AffiliateUserError';
  /** Why, as a stable code to act on. */
  code: AffiliateErrorCode;
  /** Path to the input field at fault, if any, e.g. ["input", "commissionRate"]. */
  field: Maybe<Array<Scalars['String']['output']>>;
  /** What went wrong, for people. */
  message: Scalars['String']['output'];
};

/** A new affiliate partner. */
export type CreateAffiliatePartnerInput = {
  /** Whether its code records clicks and earns commission from the start. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** 3 to 64 letters, digits, '-' or '_'; stored upper-case. */
  code: Scalars['String']['input'];
  /** Basis points, 0..10000 (1000 is 10 %). */
  commissionRate: Scalars['Int']['input'];
  /** Not blank, at most 120 characters; stored trimmed. */
  name: Scalars['String']['input'];
};

/** A new promotion. */
export type CreatePromotionInput = {
  /** Whether it applies from the start. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** AMOUNT: the money taken off, 1..1,000,000,000 minor units (INVALID_VALUE); its currency is the promotion's. Only with AMOUNT. */
  amountOff?: InputMaybe<MoneyInput>;
  /** Whether it applies without a code; an automatic promotion must have no code (INVALID_CODE). */
  automatic?: InputMaybe<Scalars['Boolean']['input']>;
  /** Required unless automatic; stored upper-case. */
  code?: InputMaybe<Scalars['String']['input']>;
  /** Carts in this currency only; null: any currency. Taken from amountOff or minSubtotal when they are given; a different one is INVALID_CURRENCY. */
  currencyCode?: InputMaybe<CurrencyCode>;
  /** What kind of discount it gives. */
  discountType: DiscountType;
  /** Whether it discounts the whole cart or the targeted items. */
  level?: InputMaybe<DiscountLevel>;
  /** The most uses by all orders together, 1..1,000,000,000; no limit when omitted. */
  maxRedemptions?: InputMaybe<Scalars['Int']['input']>;
  /** The most uses by one person's orders, 1..1,000,000,000; no limit when omitted. */
  maxRedemptionsPerPerson?: InputMaybe<Scalars['Int']['input']>;
  /** The subtotal before discounts a cart must reach, 0..1,000,000,000 minor units, in the promotion's currency; none when omitted. */
  minSubtotal?: InputMaybe<MoneyInput>;
  /** Not blank, at most 120 characters; stored trimmed. */
  name: Scalars['String']['input'];
  /** PERCENTAGE: the whole percent taken off, 1..100 (INVALID_VALUE); only with PERCENTAGE. */
  percentOff?: InputMaybe<Scalars['Int']['input']>;
  /** -1,000,000..1,000,000; higher goes first among promotions of the same kind and wins ties. */
  priority?: InputMaybe<Scalars['Int']['input']>;
  /** Whether it combines with other stackable promotions; an exclusive one (false) applies alone. */
  stackable?: InputMaybe<Scalars['Boolean']['input']>;
  /** ITEM level only, and then at least one id; at most 500 ids in all (INVALID_TARGETS). */
  targets?: InputMaybe<PromotionTargetsInput>;
  /** ISO 8601 instants. */
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  /** Exclusive end; after validFrom (INVALID_DATES). Open-ended when omitted. */
  validTo?: InputMaybe<Scalars['DateTime']['input']>;
  /**
   * Whole percent for PERCENTAGE, minor units of currencyCode for AMOUNT; not with percentOff or amountOff (INVALID_INPUT).
   * @deprecated Use percentOff or amountOff, which say what the number is. Removal after 2027-03-01.
   */
  value?: InputMaybe<Scalars['Int']['input']>;
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

/** Service only: a discount's share of one line. */
export type DiscountAllocation = {
  __typename?: 'DiscountAllocation';
  /** Minor units, > 0. */
  amount: Scalars['Int']['output'];
  /** The line (PromotionLineInput.lineId). */
  lineId: Scalars['ID']['output'];
};

/** What a discount applies to: the same for a promotion (what it discounts) and for a cart's discount (what it took off). */
export type DiscountLevel =
  /** The whole cart: every line. */
  | 'CART'
  /** Only the lines of the targeted products, variants or categories. */
  | 'ITEM';

/** What kind of discount a promotion gives. Discounts apply one after another, each to what the earlier ones left. */
export type DiscountType =
  /** value minor units: off the cart once at CART level, off each targeted unit at ITEM level. */
  | 'AMOUNT'
  /** Takes off what is left of the shipping: the cart ships free. */
  | 'FREE_SHIPPING'
  /** value percent of what is left of its lines (all for CART level, the targeted ones for ITEM), rounded half up to the minor unit. */
  | 'PERCENTAGE';

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

/** Service only: what one promotion takes off the cart. */
export type EvaluatedDiscount = {
  __typename?: 'EvaluatedDiscount';
  /** Per line; sums to amount (empty for FREE_SHIPPING). */
  allocations: Array<DiscountAllocation>;
  /** Minor units, > 0. */
  amount: Scalars['Int']['output'];
  /** Its code; null for an automatic promotion. */
  code: Maybe<Scalars['String']['output']>;
  /** What kind of discount it is. */
  discountType: DiscountType;
  /** Whether it applies to the cart or to targeted items. */
  level: DiscountLevel;
  /** The promotion's name. */
  name: Scalars['String']['output'];
  /** The promotion. */
  promotionId: Scalars['ID']['output'];
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
  /** Service only: the order was paid; the held uses become confirmed. Idempotent. */
  confirmPromotionRedemptions: PromotionRedemptionsPayload;
  /** Admin: adds an affiliate partner. */
  createAffiliatePartner: AffiliatePartnerPayload;
  /** Admin: creates a promotion. The rules between its fields are checked together; a refusal names every field at fault. */
  createPromotion: PromotionPayload;
  /** The partner's code stops recording clicks and earning commission; its history stays. */
  deactivateAffiliatePartner: AffiliatePartnerPayload;
  /** The promotion stops applying to carts; redemptions already held stay valid. */
  deactivatePromotion: PromotionPayload;
  /**
   * A visit through a partner's link, by anyone (signed in or not). Rate-limited per client address
   * and per person: beyond AFFILIATE_CLICKS_PER_MINUTE the answer is RATE_LIMITED, whose message says
   * when to try again. The partner's commissionRate is for staff only.
   */
  recordAffiliateClick: AffiliateClickPayload;
  /** Admin: an order our shop referred to a partner (OUTBOUND). Idempotent by (partner, externalRef). */
  recordOutboundReferral: AffiliateAttributionPayload;
  /** Service only: the order was cancelled or expired; its uses (held or confirmed) return. Idempotent. */
  releasePromotionRedemptions: PromotionRedemptionsPayload;
  /** Service only: holds one use of each promotion for the order (checkout). Idempotent by order id. */
  reservePromotionRedemptions: PromotionRedemptionsPayload;
  /** Omitted fields keep their values. A new rate applies to the paid orders credited from now on (when their OrderPaid event is processed). */
  updateAffiliatePartner: AffiliatePartnerPayload;
  /** Omitted fields keep their values; an explicit null clears a nullable one. */
  updatePromotion: PromotionPayload;
};


export type MutationConfirmPromotionRedemptionsArgs = {
  orderId: Scalars['ID']['input'];
};


export type MutationCreateAffiliatePartnerArgs = {
  input: CreateAffiliatePartnerInput;
};


export type MutationCreatePromotionArgs = {
  input: CreatePromotionInput;
};


export type MutationDeactivateAffiliatePartnerArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeactivatePromotionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRecordAffiliateClickArgs = {
  input: RecordAffiliateClickInput;
};


export type MutationRecordOutboundReferralArgs = {
  input: RecordOutboundReferralInput;
};


export type MutationReleasePromotionRedemptionsArgs = {
  orderId: Scalars['ID']['input'];
};


export type MutationReservePromotionRedemptionsArgs = {
  input: ReservePromotionRedemptionsInput;
};


export type MutationUpdateAffiliatePartnerArgs = {
  id: Scalars['ID']['input'];
  input: UpdateAffiliatePartnerInput;
};


export type MutationUpdatePromotionArgs = {
  id: Scalars['ID']['input'];
  input: UpdatePromotionInput;
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

/**
 * A discount a cart earns automatically or with a code, off the whole cart or off targeted items,
 * when it meets the promotion's conditions. Admins manage promotions; support may read them.
 */
export type Promotion = {
  __typename?: 'Promotion';
  /** Whether it applies at all: an inactive promotion gives no discount, and its code is PROMOTION_NOT_FOUND. */
  active: Scalars['Boolean']['output'];
  /** AMOUNT: the money taken off; null for the other types. */
  amountOff: Maybe<Money>;
  /** Applies to every cart that meets its conditions, without a code. */
  automatic: Scalars['Boolean']['output'];
  /** Codes are matched case-insensitively and shown upper-case; null for automatic promotions. */
  code: Maybe<Scalars['String']['output']>;
  /** When the promotion was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Carts in this currency only; null: any currency. */
  currencyCode: Maybe<CurrencyCode>;
  /** What kind of discount it gives. */
  discountType: DiscountType;
  /** The promotion's id. */
  id: Scalars['ID']['output'];
  /** Whether it discounts the whole cart or the targeted items. */
  level: DiscountLevel;
  /** The most uses by all orders together (held and confirmed, see usage); null: no limit. */
  maxRedemptions: Maybe<Scalars['Int']['output']>;
  /** The most uses by one person's orders; null: no limit. Only checked when the shopper is known. */
  maxRedemptionsPerPerson: Maybe<Scalars['Int']['output']>;
  /** Subtotal before discounts that the cart must reach. */
  minSubtotal: Maybe<Money>;
  /** Its name, at most 120 characters; shoppers see it on the cart's discounts. */
  name: Scalars['String']['output'];
  /** PERCENTAGE: the whole percent taken off (1..100); null for the other types. */
  percentOff: Maybe<Scalars['Int']['output']>;
  /** Breaks ties and orders promotions of the same kind: higher first. */
  priority: Scalars['Int']['output'];
  /** Stackable promotions combine with each other; an exclusive one applies alone. */
  stackable: Scalars['Boolean']['output'];
  /** ITEM level: the products, variants and categories whose lines are discounted. */
  targets: PromotionTargets;
  /** When it last changed: an edit, or a use held, confirmed or released. */
  updatedAt: Scalars['DateTime']['output'];
  /** Its uses so far. */
  usage: PromotionUsage;
  /** Inclusive: the promotion starts at this instant; null: no start. */
  validFrom: Maybe<Scalars['DateTime']['output']>;
  /** Exclusive: the promotion ends at this instant. */
  validTo: Maybe<Scalars['DateTime']['output']>;
  /**
   * Whole percent (1..100) for PERCENTAGE, minor units for AMOUNT, 0 for FREE_SHIPPING.
   * @deprecated Use percentOff or amountOff, which say what the number is. Removal after 2027-03-01.
   */
  value: Scalars['Int']['output'];
  /** Staff (support and admin): every change to this promotion and of its uses (redemptions), newest first (SPEC §3 audit). Null with FORBIDDEN for anyone else. */
  versions: Maybe<EntityVersionConnection>;
};


/**
 * A discount a cart earns automatically or with a code, off the whole cart or off targeted items,
 * when it meets the promotion's conditions. Admins manage promotions; support may read them.
 */
export type PromotionVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** Service only: whether one code the shopper gave applies. */
export type PromotionCodeResult = {
  __typename?: 'PromotionCodeResult';
  /** Whether its promotion is among the discounts applied (even at zero, e.g. free shipping on a cart that ships free). */
  applied: Scalars['Boolean']['output'];
  /** The code, normalised (trimmed, upper-case). */
  code: Scalars['String']['output'];
  /** Why it does not apply: the first condition it fails, or NOT_COMBINABLE; null when applied. */
  error: Maybe<PromotionErrorCode>;
  /** Why it does not apply, for people; null when applied. */
  message: Maybe<Scalars['String']['output']>;
};

/** A page of promotions (a Relay connection). */
export type PromotionConnection = {
  __typename?: 'PromotionConnection';
  /** The promotions of this page, newest first. */
  edges: Array<PromotionEdge>;
  /** Where this page sits, and the cursors to ask for the next or previous one. */
  pageInfo: PageInfo;
  /** How many promotions there are, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A promotion in a page, with its cursor. */
export type PromotionEdge = {
  __typename?: 'PromotionEdge';
  /** Where this promotion sits in the order; pass it as after (or before) to page on. */
  cursor: Scalars['String']['output'];
  /** The promotion. */
  node: Promotion;
};

/** Why a promotion mutation was refused, or why a code does not apply to a cart. */
export type PromotionErrorCode =
  /** Another promotion has this code. */
  | 'CODE_TAKEN'
  /** A lifecycle refused the change, e.g. confirming redemptions that were released. */
  | 'ILLEGAL_TRANSITION'
  /** Codes are 3 to 64 letters, digits, '-' or '_'. */
  | 'INVALID_CODE'
  /** Not an ISO 4217 currency code, one missing where the promotion needs it, or money in two currencies. */
  | 'INVALID_CURRENCY'
  /** validTo must be after validFrom. */
  | 'INVALID_DATES'
  /** A malformed value, or one missing that is required. */
  | 'INVALID_INPUT'
  /** Targets are for ITEM level only, and an ITEM promotion needs at least one. */
  | 'INVALID_TARGETS'
  /** A value outside its range (percent 1..100, amounts, limits, priority). */
  | 'INVALID_VALUE'
  /** maxRedemptions cannot go below the uses already held or confirmed. */
  | 'LIMIT_BELOW_USAGE'
  /** The cart's subtotal is below the promotion's minimum. */
  | 'MIN_SUBTOTAL_NOT_MET'
  /** Nothing in the cart qualifies (no targeted item, another currency, an empty cart). */
  | 'NOT_APPLICABLE'
  /** Another promotion worth more applies, and the two do not combine. */
  | 'NOT_COMBINABLE'
  /** The promotion has ended (validTo is past). */
  | 'PROMOTION_EXPIRED'
  /** No promotion has this id, or no active one this code. */
  | 'PROMOTION_NOT_FOUND'
  /** The promotion has not started (validFrom is ahead). */
  | 'PROMOTION_NOT_YET_VALID'
  /** A text longer than its field allows. */
  | 'TOO_LONG'
  /** The total or the per-person limit is used up. */
  | 'USAGE_LIMIT_REACHED';

/** Service only: what the promotions take off a cart. */
export type PromotionEvaluation = {
  __typename?: 'PromotionEvaluation';
  /** Exactly one per input code, same order; `code` is the normalised (trimmed, upper-case) code. */
  codeResults: Array<PromotionCodeResult>;
  /** Sum of the discounts' amounts, shippingDiscount included. */
  discountTotal: Scalars['Int']['output'];
  /** In the order they apply. */
  discounts: Array<EvaluatedDiscount>;
  /** What FREE_SHIPPING promotions take off the shipping, minor units, at most shippingAmount. */
  shippingDiscount: Scalars['Int']['output'];
};

/** Service only: a cart to price promotions into. Malformed input is a BAD_USER_INPUT error, not a userError. */
export type PromotionEvaluationInput = {
  /** As the shopper typed them; matched case-insensitively. */
  codes: Array<Scalars['String']['input']>;
  /** The cart's currency. */
  currencyCode: CurrencyCode;
  /** The cart's priced lines, at most 1000, each lineId once. */
  lines: Array<PromotionLineInput>;
  /** For per-person limits; null for anonymous shoppers. */
  personId?: InputMaybe<Scalars['ID']['input']>;
  /** Minor units, before discounts. */
  shippingAmount: Scalars['Int']['input'];
};

/** Service only: one cart line, with what ITEM-level targets match against. */
export type PromotionLineInput = {
  /** The categories the product is directly in. */
  categoryIds: Array<Scalars['ID']['input']>;
  /** The cart line's id, unique in the input; allocations point back at it. */
  lineId: Scalars['ID']['input'];
  /** The variant's product. */
  productId: Scalars['ID']['input'];
  /** Units, 1..100,000. */
  quantity: Scalars['Int']['input'];
  /** Minor units. */
  unitPrice: Scalars['Int']['input'];
  /** The line's variant. */
  variantId: Scalars['ID']['input'];
};

/** What a promotion mutation answers. */
export type PromotionPayload = {
  __typename?: 'PromotionPayload';
  /** The promotion after the change; null when it was refused. */
  promotion: Maybe<Promotion>;
  /** Why the change was refused; empty when it was made. */
  userErrors: Array<PromotionUserError>;
};

/** Service only: one use of a promotion by one order. */
export type PromotionRedemption = {
  __typename?: 'PromotionRedemption';
  /** Minor units the order was discounted by this promotion. */
  amount: Scalars['Int']['output'];
  /** The order using it. */
  orderId: Scalars['ID']['output'];
  /** The promotion used. */
  promotionId: Scalars['ID']['output'];
  /** Where the use is in its lifecycle. */
  status: RedemptionStatus;
};

/** Service only: one promotion an order uses. */
export type PromotionRedemptionInput = {
  /** Minor units the order was discounted by this promotion. */
  amount: Scalars['Int']['input'];
  /** The promotion; it must be available now (active, running, within its limits). */
  promotionId: Scalars['ID']['input'];
};

/** Service only: what a redemption mutation answers. */
export type PromotionRedemptionsPayload = {
  __typename?: 'PromotionRedemptionsPayload';
  /** The order's redemptions after the call, in promotion-id order; null when it was refused. */
  redemptions: Maybe<Array<PromotionRedemption>>;
  /** Why the call was refused; empty when it succeeded. */
  userErrors: Array<PromotionUserError>;
};

/** What an ITEM-level promotion discounts: a cart line qualifies when any of these ids matches it. All empty for CART level. */
export type PromotionTargets = {
  __typename?: 'PromotionTargets';
  /** Catalog categories whose products qualify (a product in the category itself; subcategories do not count). */
  categoryIds: Array<Scalars['ID']['output']>;
  /** Catalog products whose variants qualify. */
  productIds: Array<Scalars['ID']['output']>;
  /** Catalog variants that qualify. */
  variantIds: Array<Scalars['ID']['output']>;
};

/** The ids an ITEM-level promotion discounts; each at most 100 characters, repeats dropped. Not checked against the catalog. */
export type PromotionTargetsInput = {
  /** Catalog category ids (products directly in them). */
  categoryIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Catalog product ids. */
  productIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Catalog variant ids. */
  variantIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** How often a promotion has been used. */
export type PromotionUsage = {
  __typename?: 'PromotionUsage';
  /** Uses by paid orders. */
  confirmed: Scalars['Int']['output'];
  /** Uses held by unpaid orders. */
  reserved: Scalars['Int']['output'];
  /** reserved + confirmed: what counts against maxRedemptions. */
  total: Scalars['Int']['output'];
};

/** A promotion mutation's refusal. */
export type PromotionUserError = UserError & {
  __typename?: 'PromotionUserError';
  /** Why, as a stable code to act on. */
  code: PromotionErrorCode;
  /** Path to the input field at fault, if any, e.g. ["input", "value"]. */
  field: Maybe<Array<Scalars['String']['output']>>;
  /** What went wrong, for people. */
  message: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** An affiliate partner by id (admin and support). */
  affiliatePartner: Maybe<AffiliatePartner>;
  /** Every affiliate partner, newest first (admin and support). `first` is at most 250 (default 20). */
  affiliatePartners: AffiliatePartnerConnection;
  /**
   * A partner's results over [from, to) (ISO 8601 instants, UTC; admin and support): clicks made,
   * those clicks that led to a cart, and the orders attributed in the direction asked for.
   */
  affiliateReport: Maybe<AffiliateReport>;
  /** Service only: what a cart earns from automatic promotions and the given codes. */
  evaluatePromotions: PromotionEvaluation;
  /** A promotion by id (admin and support). */
  promotion: Maybe<Promotion>;
  /** Every promotion, newest first (admin and support). `first` is at most 250 (default 20). */
  promotions: PromotionConnection;
};


export type QueryAffiliatePartnerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAffiliatePartnersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAffiliateReportArgs = {
  direction?: InputMaybe<AffiliateDirection>;
  from: Scalars['DateTime']['input'];
  partnerId: Scalars['ID']['input'];
  to: Scalars['DateTime']['input'];
};


export type QueryEvaluatePromotionsArgs = {
  input: PromotionEvaluationInput;
};


export type QueryPromotionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPromotionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A visit through a partner's link. */
export type RecordAffiliateClickInput = {
  /** The partner's code from the link, case-insensitive; unknown, malformed or inactive is PARTNER_NOT_FOUND. */
  code: Scalars['String']['input'];
  /** At most 2048 characters. */
  referrer?: InputMaybe<Scalars['String']['input']>;
  /** The landing page, at most 2048 characters. */
  url: Scalars['URL']['input'];
};

/** An order our shop referred to a partner. */
export type RecordOutboundReferralInput = {
  /** The partner's order reference. */
  externalRef: Scalars['String']['input'];
  /** ISO 8601 instant the order was paid; default now. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The partner; it must be active (PARTNER_NOT_FOUND). */
  partnerId: Scalars['ID']['input'];
  /** The commission base: the partner's order net of discounts, shipping and tax, 0..1,000,000,000 minor units. */
  revenue: MoneyInput;
};

/** Where one use of a promotion by one order is in its lifecycle. */
export type RedemptionStatus =
  /** The order was paid; it counts against the limits. */
  | 'CONFIRMED'
  /** The order was cancelled or expired; it no longer counts. */
  | 'RELEASED'
  /** Held at checkout for an unpaid order; it counts against the limits. */
  | 'RESERVED';

/** Service only: the promotions an order uses. */
export type ReservePromotionRedemptionsInput = {
  /** The order's id; a repeated call for it answers what the first call stored. */
  orderId: Scalars['ID']['input'];
  /** Who placed it, 1 to 100 characters; for per-person limits. */
  personId: Scalars['ID']['input'];
  /** At most 20, each promotion once; all are held or none. */
  redemptions: Array<PromotionRedemptionInput>;
};

/** How an order ships. */
export type ShippingMethod =
  /** The fastest service. */
  | 'EXPRESS'
  /** The standard service. */
  | 'STANDARD';

/** A partner's new field values: omitted or null fields keep their values. */
export type UpdateAffiliatePartnerInput = {
  /** Whether its code records clicks and earns commission. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** 3 to 64 letters, digits, '-' or '_', unique (CODE_TAKEN); stored upper-case. */
  code?: InputMaybe<Scalars['String']['input']>;
  /** Basis points, 0..10000; applies to orders credited from now on. */
  commissionRate?: InputMaybe<Scalars['Int']['input']>;
  /** Not blank, at most 120 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A promotion's new field values. Omitted fields keep their values; null keeps them too for the
 * non-null fields (name, automatic, discountType, value, level, stackable, priority, active) and
 * clears the others. Limits are as in CreatePromotionInput.
 */
export type UpdatePromotionInput = {
  /** Whether it applies; false is the same as deactivatePromotion. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** AMOUNT: the money taken off, 1..1,000,000,000 minor units; its currency becomes the promotion's. Only with AMOUNT. */
  amountOff?: InputMaybe<MoneyInput>;
  /** Whether it applies without a code. */
  automatic?: InputMaybe<Scalars['Boolean']['input']>;
  /** 3 to 64 letters, digits, '-' or '_'; stored upper-case. Null removes it (for an automatic promotion). */
  code?: InputMaybe<Scalars['String']['input']>;
  /** Carts in this currency only; null: any currency (not allowed for AMOUNT or with minSubtotal). */
  currencyCode?: InputMaybe<CurrencyCode>;
  /** What kind of discount it gives; with FREE_SHIPPING the value becomes 0. */
  discountType?: InputMaybe<DiscountType>;
  /** Whether it discounts the whole cart or the targeted items. */
  level?: InputMaybe<DiscountLevel>;
  /** Not below the uses already held or confirmed (LIMIT_BELOW_USAGE); null: no limit. */
  maxRedemptions?: InputMaybe<Scalars['Int']['input']>;
  /** Null: no limit. */
  maxRedemptionsPerPerson?: InputMaybe<Scalars['Int']['input']>;
  /** In the promotion's currency; null removes the minimum. */
  minSubtotal?: InputMaybe<MoneyInput>;
  /** Not blank, at most 120 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** PERCENTAGE: the whole percent taken off, 1..100; only with PERCENTAGE. */
  percentOff?: InputMaybe<Scalars['Int']['input']>;
  /** -1,000,000..1,000,000; higher first. */
  priority?: InputMaybe<Scalars['Int']['input']>;
  /** Whether it combines with other stackable promotions. */
  stackable?: InputMaybe<Scalars['Boolean']['input']>;
  /** Replaces the targets. */
  targets?: InputMaybe<PromotionTargetsInput>;
  /** Inclusive start; null: no start. */
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  /** Exclusive end; null: open-ended. */
  validTo?: InputMaybe<Scalars['DateTime']['input']>;
  /**
   * Whole percent for PERCENTAGE, minor units for AMOUNT; not with percentOff or amountOff.
   * @deprecated Use percentOff or amountOff, which say what the number is. Removal after 2027-03-01.
   */
  value?: InputMaybe<Scalars['Int']['input']>;
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
  Promotion: Promotion;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  AffiliatePartner:
    ( { __typename: 'AffiliatePartner' }
    & GraphQLRecursivePick<FederationTypes['AffiliatePartner'], {"id":true}> );
  Promotion:
    ( { __typename: 'Promotion' }
    & GraphQLRecursivePick<FederationTypes['Promotion'], {"id":true}> );
}>;


/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  UserError:
    | ( AffiliateUserError )
    | ( PromotionUserError )
  ;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Address: ResolverTypeWrapper<Address>;
  AddressInput: AddressInput;
  AffiliateAttribution: ResolverTypeWrapper<AffiliateAttributionRow>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AffiliateAttributionPayload: ResolverTypeWrapper<Omit<AffiliateAttributionPayload, 'attribution'> & { attribution?: Maybe<ResolversTypes['AffiliateAttribution']> }>;
  AffiliateClick: ResolverTypeWrapper<AffiliateClickRow>;
  AffiliateClickPayload: ResolverTypeWrapper<Omit<AffiliateClickPayload, 'click'> & { click?: Maybe<ResolversTypes['AffiliateClick']> }>;
  AffiliateDirection: AffiliateDirection;
  AffiliateErrorCode: AffiliateErrorCode;
  AffiliatePartner: ResolverTypeWrapper<AffiliatePartnerRow>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  AffiliatePartnerConnection: ResolverTypeWrapper<AffiliatePartnerConnectionRow>;
  AffiliatePartnerEdge: ResolverTypeWrapper<Omit<AffiliatePartnerEdge, 'node'> & { node: ResolversTypes['AffiliatePartner'] }>;
  AffiliatePartnerPayload: ResolverTypeWrapper<Omit<AffiliatePartnerPayload, 'partner'> & { partner?: Maybe<ResolversTypes['AffiliatePartner']> }>;
  AffiliateReport: ResolverTypeWrapper<AffiliateReportRow>;
  AffiliateUserError: ResolverTypeWrapper<AffiliateUserError>;
  CountryCode: ResolverTypeWrapper<Scalars['CountryCode']['output']>;
  CreateAffiliatePartnerInput: CreateAffiliatePartnerInput;
  CreatePromotionInput: CreatePromotionInput;
  CurrencyCode: CurrencyCode;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DiscountAllocation: ResolverTypeWrapper<DiscountAllocation>;
  DiscountLevel: DiscountLevel;
  DiscountType: DiscountType;
  EntityVersion: ResolverTypeWrapper<EntityVersion>;
  EntityVersionConnection: ResolverTypeWrapper<EntityVersionConnection>;
  EntityVersionEdge: ResolverTypeWrapper<EntityVersionEdge>;
  EvaluatedDiscount: ResolverTypeWrapper<EvaluatedDiscount>;
  FieldChange: ResolverTypeWrapper<FieldChange>;
  Money: ResolverTypeWrapper<MoneyValue>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Promotion: ResolverTypeWrapper<PromotionRow>;
  PromotionCodeResult: ResolverTypeWrapper<PromotionCodeResult>;
  PromotionConnection: ResolverTypeWrapper<PromotionConnectionRow>;
  PromotionEdge: ResolverTypeWrapper<Omit<PromotionEdge, 'node'> & { node: ResolversTypes['Promotion'] }>;
  PromotionErrorCode: PromotionErrorCode;
  PromotionEvaluation: ResolverTypeWrapper<PromotionEvaluation>;
  PromotionEvaluationInput: PromotionEvaluationInput;
  PromotionLineInput: PromotionLineInput;
  PromotionPayload: ResolverTypeWrapper<Omit<PromotionPayload, 'promotion'> & { promotion?: Maybe<ResolversTypes['Promotion']> }>;
  PromotionRedemption: ResolverTypeWrapper<PromotionRedemption>;
  PromotionRedemptionInput: PromotionRedemptionInput;
  PromotionRedemptionsPayload: ResolverTypeWrapper<PromotionRedemptionsPayload>;
  PromotionTargets: ResolverTypeWrapper<PromotionTargets>;
  PromotionTargetsInput: PromotionTargetsInput;
  PromotionUsage: ResolverTypeWrapper<PromotionUsage>;
  PromotionUserError: ResolverTypeWrapper<PromotionUserError>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordAffiliateClickInput: RecordAffiliateClickInput;
  RecordOutboundReferralInput: RecordOutboundReferralInput;
  RedemptionStatus: RedemptionStatus;
  ReservePromotionRedemptionsInput: ReservePromotionRedemptionsInput;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  ShippingMethod: ShippingMethod;
  URL: ResolverTypeWrapper<Scalars['URL']['output']>;
  UpdateAffiliatePartnerInput: UpdateAffiliatePartnerInput;
  UpdatePromotionInput: UpdatePromotionInput;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
  VersionOperation: VersionOperation;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Address: Address;
  AddressInput: AddressInput;
  AffiliateAttribution: AffiliateAttributionRow;
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  AffiliateAttributionPayload: Omit<AffiliateAttributionPayload, 'attribution'> & { attribution?: Maybe<ResolversParentTypes['AffiliateAttribution']> };
  AffiliateClick: AffiliateClickRow;
  AffiliateClickPayload: Omit<AffiliateClickPayload, 'click'> & { click?: Maybe<ResolversParentTypes['AffiliateClick']> };
  AffiliatePartner: AffiliatePartnerRow;
  Boolean: Scalars['Boolean']['output'];
  AffiliatePartnerConnection: AffiliatePartnerConnectionRow;
  AffiliatePartnerEdge: Omit<AffiliatePartnerEdge, 'node'> & { node: ResolversParentTypes['AffiliatePartner'] };
  AffiliatePartnerPayload: Omit<AffiliatePartnerPayload, 'partner'> & { partner?: Maybe<ResolversParentTypes['AffiliatePartner']> };
  AffiliateReport: AffiliateReportRow;
  AffiliateUserError: AffiliateUserError;
  CountryCode: Scalars['CountryCode']['output'];
  CreateAffiliatePartnerInput: CreateAffiliatePartnerInput;
  CreatePromotionInput: CreatePromotionInput;
  DateTime: Scalars['DateTime']['output'];
  DiscountAllocation: DiscountAllocation;
  EntityVersion: EntityVersion;
  EntityVersionConnection: EntityVersionConnection;
  EntityVersionEdge: EntityVersionEdge;
  EvaluatedDiscount: EvaluatedDiscount;
  FieldChange: FieldChange;
  Money: MoneyValue;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Promotion: PromotionRow;
  PromotionCodeResult: PromotionCodeResult;
  PromotionConnection: PromotionConnectionRow;
  PromotionEdge: Omit<PromotionEdge, 'node'> & { node: ResolversParentTypes['Promotion'] };
  PromotionEvaluation: PromotionEvaluation;
  PromotionEvaluationInput: PromotionEvaluationInput;
  PromotionLineInput: PromotionLineInput;
  PromotionPayload: Omit<PromotionPayload, 'promotion'> & { promotion?: Maybe<ResolversParentTypes['Promotion']> };
  PromotionRedemption: PromotionRedemption;
  PromotionRedemptionInput: PromotionRedemptionInput;
  PromotionRedemptionsPayload: PromotionRedemptionsPayload;
  PromotionTargets: PromotionTargets;
  PromotionTargetsInput: PromotionTargetsInput;
  PromotionUsage: PromotionUsage;
  PromotionUserError: PromotionUserError;
  Query: Record<PropertyKey, never>;
  RecordAffiliateClickInput: RecordAffiliateClickInput;
  RecordOutboundReferralInput: RecordOutboundReferralInput;
  ReservePromotionRedemptionsInput: ReservePromotionRedemptionsInput;
  SafeInt: Scalars['SafeInt']['output'];
  URL: Scalars['URL']['output'];
  UpdateAffiliatePartnerInput: UpdateAffiliatePartnerInput;
  UpdatePromotionInput: UpdatePromotionInput;
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
  String: Scalars['String']['output'];
}>;

export type GlobalIdDirectiveArgs = {
  type: Scalars['String']['input'];
};

export type GlobalIdDirectiveResolver<Result, Parent, ContextType = PromotionContext, Args = GlobalIdDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AddressResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = ResolversObject<{
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  country?: Resolver<ResolversTypes['CountryCode'], ParentType, ContextType>;
  line1?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  postalCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type AffiliateAttributionResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['AffiliateAttribution'] = ResolversParentTypes['AffiliateAttribution']> = ResolversObject<{
  commission?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  commissionRate?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  direction?: Resolver<ResolversTypes['AffiliateDirection'], ParentType, ContextType>;
  externalRef?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  orderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  orderNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  partner?: Resolver<ResolversTypes['AffiliatePartner'], ParentType, ContextType>;
  revenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type AffiliateAttributionPayloadResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['AffiliateAttributionPayload'] = ResolversParentTypes['AffiliateAttributionPayload']> = ResolversObject<{
  attribution?: Resolver<Maybe<ResolversTypes['AffiliateAttribution']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['AffiliateUserError']>, ParentType, ContextType>;
}>;

export type AffiliateClickResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['AffiliateClick'] = ResolversParentTypes['AffiliateClick']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  partner?: Resolver<ResolversTypes['AffiliatePartner'], ParentType, ContextType>;
  referrer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  url?: Resolver<ResolversTypes['URL'], ParentType, ContextType>;
}>;

export type AffiliateClickPayloadResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['AffiliateClickPayload'] = ResolversParentTypes['AffiliateClickPayload']> = ResolversObject<{
  click?: Resolver<Maybe<ResolversTypes['AffiliateClick']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['AffiliateUserError']>, ParentType, ContextType>;
}>;

export type AffiliatePartnerResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['AffiliatePartner'] = ResolversParentTypes['AffiliatePartner'], FederationReferenceType extends FederationReferenceTypes['AffiliatePartner'] = FederationReferenceTypes['AffiliatePartner']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['AffiliatePartner']> | FederationReferenceType, FederationReferenceType, ContextType>;
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  commissionRate?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  versions?: Resolver<Maybe<ResolversTypes['EntityVersionConnection']>, ParentType, ContextType, Partial<AffiliatePartnerVersionsArgs>>;
}>;

export type AffiliatePartnerConnectionResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['AffiliatePartnerConnection'] = ResolversParentTypes['AffiliatePartnerConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AffiliatePartnerEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AffiliatePartnerEdgeResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['AffiliatePartnerEdge'] = ResolversParentTypes['AffiliatePartnerEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AffiliatePartner'], ParentType, ContextType>;
}>;

export type AffiliatePartnerPayloadResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['AffiliatePartnerPayload'] = ResolversParentTypes['AffiliatePartnerPayload']> = ResolversObject<{
  partner?: Resolver<Maybe<ResolversTypes['AffiliatePartner']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['AffiliateUserError']>, ParentType, ContextType>;
}>;

export type AffiliateReportResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['AffiliateReport'] = ResolversParentTypes['AffiliateReport']> = ResolversObject<{
  carts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  clicks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  commission?: Resolver<Array<ResolversTypes['Money']>, ParentType, ContextType>;
  direction?: Resolver<ResolversTypes['AffiliateDirection'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  orders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  partner?: Resolver<ResolversTypes['AffiliatePartner'], ParentType, ContextType>;
  revenue?: Resolver<Array<ResolversTypes['Money']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type AffiliateUserErrorResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['AffiliateUserError'] = ResolversParentTypes['AffiliateUserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['AffiliateErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export interface CountryCodeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['CountryCode'], any> {
  name: 'CountryCode';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DiscountAllocationResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['DiscountAllocation'] = ResolversParentTypes['DiscountAllocation']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type EntityVersionResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['EntityVersion'] = ResolversParentTypes['EntityVersion']> = ResolversObject<{
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['FieldChange']>, ParentType, ContextType>;
  entity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  entityId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['VersionOperation'], ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type EntityVersionConnectionResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['EntityVersionConnection'] = ResolversParentTypes['EntityVersionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['EntityVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type EntityVersionEdgeResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['EntityVersionEdge'] = ResolversParentTypes['EntityVersionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['EntityVersion'], ParentType, ContextType>;
}>;

export type EvaluatedDiscountResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['EvaluatedDiscount'] = ResolversParentTypes['EvaluatedDiscount']> = ResolversObject<{
  allocations?: Resolver<Array<ResolversTypes['DiscountAllocation']>, ParentType, ContextType>;
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  discountType?: Resolver<ResolversTypes['DiscountType'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['DiscountLevel'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  promotionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type FieldChangeResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['FieldChange'] = ResolversParentTypes['FieldChange']> = ResolversObject<{
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
  formatted?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fractionDigits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  confirmPromotionRedemptions?: Resolver<ResolversTypes['PromotionRedemptionsPayload'], ParentType, ContextType, RequireFields<MutationConfirmPromotionRedemptionsArgs, 'orderId'>>;
  createAffiliatePartner?: Resolver<ResolversTypes['AffiliatePartnerPayload'], ParentType, ContextType, RequireFields<MutationCreateAffiliatePartnerArgs, 'input'>>;
  createPromotion?: Resolver<ResolversTypes['PromotionPayload'], ParentType, ContextType, RequireFields<MutationCreatePromotionArgs, 'input'>>;
  deactivateAffiliatePartner?: Resolver<ResolversTypes['AffiliatePartnerPayload'], ParentType, ContextType, RequireFields<MutationDeactivateAffiliatePartnerArgs, 'id'>>;
  deactivatePromotion?: Resolver<ResolversTypes['PromotionPayload'], ParentType, ContextType, RequireFields<MutationDeactivatePromotionArgs, 'id'>>;
  recordAffiliateClick?: Resolver<ResolversTypes['AffiliateClickPayload'], ParentType, ContextType, RequireFields<MutationRecordAffiliateClickArgs, 'input'>>;
  recordOutboundReferral?: Resolver<ResolversTypes['AffiliateAttributionPayload'], ParentType, ContextType, RequireFields<MutationRecordOutboundReferralArgs, 'input'>>;
  releasePromotionRedemptions?: Resolver<ResolversTypes['PromotionRedemptionsPayload'], ParentType, ContextType, RequireFields<MutationReleasePromotionRedemptionsArgs, 'orderId'>>;
  reservePromotionRedemptions?: Resolver<ResolversTypes['PromotionRedemptionsPayload'], ParentType, ContextType, RequireFields<MutationReservePromotionRedemptionsArgs, 'input'>>;
  updateAffiliatePartner?: Resolver<ResolversTypes['AffiliatePartnerPayload'], ParentType, ContextType, RequireFields<MutationUpdateAffiliatePartnerArgs, 'id' | 'input'>>;
  updatePromotion?: Resolver<ResolversTypes['PromotionPayload'], ParentType, ContextType, RequireFields<MutationUpdatePromotionArgs, 'id' | 'input'>>;
}>;

export type PageInfoResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PromotionResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['Promotion'] = ResolversParentTypes['Promotion'], FederationReferenceType extends FederationReferenceTypes['Promotion'] = FederationReferenceTypes['Promotion']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Promotion']> | FederationReferenceType, FederationReferenceType, ContextType>;
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  amountOff?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  automatic?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currencyCode?: Resolver<Maybe<ResolversTypes['CurrencyCode']>, ParentType, ContextType>;
  discountType?: Resolver<ResolversTypes['DiscountType'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['DiscountLevel'], ParentType, ContextType>;
  maxRedemptions?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  maxRedemptionsPerPerson?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  minSubtotal?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  percentOff?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stackable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  targets?: Resolver<ResolversTypes['PromotionTargets'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  usage?: Resolver<ResolversTypes['PromotionUsage'], ParentType, ContextType>;
  validFrom?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versions?: Resolver<Maybe<ResolversTypes['EntityVersionConnection']>, ParentType, ContextType, Partial<PromotionVersionsArgs>>;
}>;

export type PromotionCodeResultResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['PromotionCodeResult'] = ResolversParentTypes['PromotionCodeResult']> = ResolversObject<{
  applied?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['PromotionErrorCode']>, ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PromotionConnectionResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['PromotionConnection'] = ResolversParentTypes['PromotionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PromotionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PromotionEdgeResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['PromotionEdge'] = ResolversParentTypes['PromotionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Promotion'], ParentType, ContextType>;
}>;

export type PromotionEvaluationResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['PromotionEvaluation'] = ResolversParentTypes['PromotionEvaluation']> = ResolversObject<{
  codeResults?: Resolver<Array<ResolversTypes['PromotionCodeResult']>, ParentType, ContextType>;
  discountTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  discounts?: Resolver<Array<ResolversTypes['EvaluatedDiscount']>, ParentType, ContextType>;
  shippingDiscount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PromotionPayloadResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['PromotionPayload'] = ResolversParentTypes['PromotionPayload']> = ResolversObject<{
  promotion?: Resolver<Maybe<ResolversTypes['Promotion']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['PromotionUserError']>, ParentType, ContextType>;
}>;

export type PromotionRedemptionResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['PromotionRedemption'] = ResolversParentTypes['PromotionRedemption']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  promotionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RedemptionStatus'], ParentType, ContextType>;
}>;

export type PromotionRedemptionsPayloadResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['PromotionRedemptionsPayload'] = ResolversParentTypes['PromotionRedemptionsPayload']> = ResolversObject<{
  redemptions?: Resolver<Maybe<Array<ResolversTypes['PromotionRedemption']>>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['PromotionUserError']>, ParentType, ContextType>;
}>;

export type PromotionTargetsResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['PromotionTargets'] = ResolversParentTypes['PromotionTargets']> = ResolversObject<{
  categoryIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  productIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  variantIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type PromotionUsageResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['PromotionUsage'] = ResolversParentTypes['PromotionUsage']> = ResolversObject<{
  confirmed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PromotionUserErrorResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['PromotionUserError'] = ResolversParentTypes['PromotionUserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['PromotionErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  affiliatePartner?: Resolver<Maybe<ResolversTypes['AffiliatePartner']>, ParentType, ContextType, RequireFields<QueryAffiliatePartnerArgs, 'id'>>;
  affiliatePartners?: Resolver<ResolversTypes['AffiliatePartnerConnection'], ParentType, ContextType, Partial<QueryAffiliatePartnersArgs>>;
  affiliateReport?: Resolver<Maybe<ResolversTypes['AffiliateReport']>, ParentType, ContextType, RequireFields<QueryAffiliateReportArgs, 'direction' | 'from' | 'partnerId' | 'to'>>;
  evaluatePromotions?: Resolver<ResolversTypes['PromotionEvaluation'], ParentType, ContextType, RequireFields<QueryEvaluatePromotionsArgs, 'input'>>;
  promotion?: Resolver<Maybe<ResolversTypes['Promotion']>, ParentType, ContextType, RequireFields<QueryPromotionArgs, 'id'>>;
  promotions?: Resolver<ResolversTypes['PromotionConnection'], ParentType, ContextType, Partial<QueryPromotionsArgs>>;
}>;

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export interface UrlScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['URL'], any> {
  name: 'URL';
}

export type UserErrorResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  __resolveType: TypeResolveFn<'AffiliateUserError' | 'PromotionUserError', ParentType, ContextType>;
}>;

export type Resolvers<ContextType = PromotionContext> = ResolversObject<{
  Address?: AddressResolvers<ContextType>;
  AffiliateAttribution?: AffiliateAttributionResolvers<ContextType>;
  AffiliateAttributionPayload?: AffiliateAttributionPayloadResolvers<ContextType>;
  AffiliateClick?: AffiliateClickResolvers<ContextType>;
  AffiliateClickPayload?: AffiliateClickPayloadResolvers<ContextType>;
  AffiliatePartner?: AffiliatePartnerResolvers<ContextType>;
  AffiliatePartnerConnection?: AffiliatePartnerConnectionResolvers<ContextType>;
  AffiliatePartnerEdge?: AffiliatePartnerEdgeResolvers<ContextType>;
  AffiliatePartnerPayload?: AffiliatePartnerPayloadResolvers<ContextType>;
  AffiliateReport?: AffiliateReportResolvers<ContextType>;
  AffiliateUserError?: AffiliateUserErrorResolvers<ContextType>;
  CountryCode?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  DiscountAllocation?: DiscountAllocationResolvers<ContextType>;
  EntityVersion?: EntityVersionResolvers<ContextType>;
  EntityVersionConnection?: EntityVersionConnectionResolvers<ContextType>;
  EntityVersionEdge?: EntityVersionEdgeResolvers<ContextType>;
  EvaluatedDiscount?: EvaluatedDiscountResolvers<ContextType>;
  FieldChange?: FieldChangeResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Promotion?: PromotionResolvers<ContextType>;
  PromotionCodeResult?: PromotionCodeResultResolvers<ContextType>;
  PromotionConnection?: PromotionConnectionResolvers<ContextType>;
  PromotionEdge?: PromotionEdgeResolvers<ContextType>;
  PromotionEvaluation?: PromotionEvaluationResolvers<ContextType>;
  PromotionPayload?: PromotionPayloadResolvers<ContextType>;
  PromotionRedemption?: PromotionRedemptionResolvers<ContextType>;
  PromotionRedemptionsPayload?: PromotionRedemptionsPayloadResolvers<ContextType>;
  PromotionTargets?: PromotionTargetsResolvers<ContextType>;
  PromotionUsage?: PromotionUsageResolvers<ContextType>;
  PromotionUserError?: PromotionUserErrorResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  URL?: GraphQLScalarType;
  UserError?: UserErrorResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = PromotionContext> = ResolversObject<{
  globalId?: GlobalIdDirectiveResolver<any, any, ContextType>;
}>;
