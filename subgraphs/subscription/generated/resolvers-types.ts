/* Generated from schema/subscription*.graphql by `npm run codegen`: do not edit. */
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { SubscriptionPlan as SubscriptionPlanRow } from '../prisma-client/client.js';
import type { Money as MoneyValue } from '../../../lib/money.js';
import type { RequestContext } from '../../../lib/resolver-context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
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

/** What a discount applies to: the same for a promotion (what it discounts) and for a cart's discount (what it took off). */
export type DiscountLevel =
  /** The whole cart: every line. */
  | 'CART'
  /** Only the lines of the targeted products, variants or categories. */
  | 'ITEM';

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

export type Query = {
  __typename?: 'Query';
  /** Active plans, cheapest first. */
  subscriptionPlans: Array<SubscriptionPlan>;
};

/** A plan a customer can subscribe to: a price charged once every intervalCount intervals. Anyone may read. */
export type SubscriptionPlan = {
  __typename?: 'SubscriptionPlan';
  /** The plan's id. */
  id: Scalars['ID']['output'];
  /** The unit of the billing period. */
  interval: BillingInterval;
  /** How many intervals one billing period lasts, e.g. 2 with MONTHLY bills every two months. */
  intervalCount: Scalars['Int']['output'];
  /** Its name, at most 120 characters. */
  name: Scalars['String']['output'];
  /** What each billing period costs. */
  price: Money;
  /** Days of free trial before the first charge; 0 for none. */
  trialDays: Scalars['Int']['output'];
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
  SubscriptionPlan: SubscriptionPlan;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  SubscriptionPlan:
    ( { __typename: 'SubscriptionPlan' }
    & GraphQLRecursivePick<FederationTypes['SubscriptionPlan'], {"id":true}> );
}>;


/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  UserError: never;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  BillingInterval: BillingInterval;
  CountryCode: ResolverTypeWrapper<Scalars['CountryCode']['output']>;
  CurrencyCode: CurrencyCode;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DiscountLevel: DiscountLevel;
  Money: ResolverTypeWrapper<MoneyValue>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  MoneyInput: MoneyInput;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  SubscriptionPlan: ResolverTypeWrapper<SubscriptionPlanRow>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  URL: ResolverTypeWrapper<Scalars['URL']['output']>;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  CountryCode: Scalars['CountryCode']['output'];
  DateTime: Scalars['DateTime']['output'];
  Money: MoneyValue;
  Int: Scalars['Int']['output'];
  MoneyInput: MoneyInput;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Query: Record<PropertyKey, never>;
  SafeInt: Scalars['SafeInt']['output'];
  SubscriptionPlan: SubscriptionPlanRow;
  ID: Scalars['ID']['output'];
  URL: Scalars['URL']['output'];
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
  String: Scalars['String']['output'];
}>;

export type GlobalIdDirectiveArgs = {
  type: Scalars['String']['input'];
};

export type GlobalIdDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = GlobalIdDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface CountryCodeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['CountryCode'], any> {
  name: 'CountryCode';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MoneyResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
  formatted?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fractionDigits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  subscriptionPlans?: Resolver<Array<ResolversTypes['SubscriptionPlan']>, ParentType, ContextType>;
}>;

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type SubscriptionPlanResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SubscriptionPlan'] = ResolversParentTypes['SubscriptionPlan'], FederationReferenceType extends FederationReferenceTypes['SubscriptionPlan'] = FederationReferenceTypes['SubscriptionPlan']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['SubscriptionPlan']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  interval?: Resolver<ResolversTypes['BillingInterval'], ParentType, ContextType>;
  intervalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  trialDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export interface UrlScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['URL'], any> {
  name: 'URL';
}

export type UserErrorResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  __resolveType: TypeResolveFn<null, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = RequestContext> = ResolversObject<{
  CountryCode?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  SubscriptionPlan?: SubscriptionPlanResolvers<ContextType>;
  URL?: GraphQLScalarType;
  UserError?: UserErrorResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = RequestContext> = ResolversObject<{
  globalId?: GlobalIdDirectiveResolver<any, any, ContextType>;
}>;
