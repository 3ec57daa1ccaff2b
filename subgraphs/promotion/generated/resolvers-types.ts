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
  /** An instant in UTC, as ISO 8601 (RFC 3339), e.g. 2026-11-30T12:00:00.000Z. Inputs may carry any offset; answers are always UTC. */
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type AffiliateAttribution = {
  __typename?: 'AffiliateAttribution';
  commission: Money;
  /** The partner's rate when the order was paid, in basis points. */
  commissionRate: Scalars['Int']['output'];
  direction: AffiliateDirection;
  /** OUTBOUND: the partner's order reference. */
  externalRef: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** INBOUND: our order. */
  orderId: Maybe<Scalars['ID']['output']>;
  orderNumber: Maybe<Scalars['String']['output']>;
  partner: AffiliatePartner;
  revenue: Money;
};

export type AffiliateAttributionPayload = {
  __typename?: 'AffiliateAttributionPayload';
  attribution: Maybe<AffiliateAttribution>;
  userErrors: Array<AffiliateUserError>;
};

export type AffiliateClick = {
  __typename?: 'AffiliateClick';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  partner: AffiliatePartner;
  referrer: Maybe<Scalars['String']['output']>;
  url: Scalars['String']['output'];
};

export type AffiliateClickPayload = {
  __typename?: 'AffiliateClickPayload';
  click: Maybe<AffiliateClick>;
  userErrors: Array<AffiliateUserError>;
};

export type AffiliateDirection =
  /** A partner referred the shopper to us; we owe the commission. */
  | 'INBOUND'
  /** We referred the shopper to the partner; the partner owes the commission. */
  | 'OUTBOUND';

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
  /** No active affiliate partner has this code (or id). */
  | 'PARTNER_NOT_FOUND'
  /** Too many requests from this client; the message says when to retry. */
  | 'RATE_LIMITED'
  /** A text longer than its field allows. */
  | 'TOO_LONG';

export type AffiliatePartner = {
  __typename?: 'AffiliatePartner';
  active: Scalars['Boolean']['output'];
  /** Matched case-insensitively, shown upper-case. */
  code: Scalars['String']['output'];
  /** Basis points (0..10000): 1000 is 10 % of the commission base. */
  commissionRate: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type AffiliatePartnerConnection = {
  __typename?: 'AffiliatePartnerConnection';
  edges: Array<AffiliatePartnerEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AffiliatePartnerEdge = {
  __typename?: 'AffiliatePartnerEdge';
  cursor: Scalars['String']['output'];
  node: AffiliatePartner;
};

export type AffiliatePartnerPayload = {
  __typename?: 'AffiliatePartnerPayload';
  partner: Maybe<AffiliatePartner>;
  userErrors: Array<AffiliateUserError>;
};

export type AffiliateReport = {
  __typename?: 'AffiliateReport';
  /** Of those clicks, the ones linked to a cart. */
  carts: Scalars['Int']['output'];
  /** Clicks made in the range. */
  clicks: Scalars['Int']['output'];
  /** Sum of their commissions, one entry per currency (same order as revenue). */
  commission: Array<Money>;
  direction: AffiliateDirection;
  from: Scalars['DateTime']['output'];
  /** Orders paid in the range and attributed to the partner in this direction. */
  orders: Scalars['Int']['output'];
  partner: AffiliatePartner;
  /** Sum of the orders' commission bases, one entry per currency (by code). */
  revenue: Array<Money>;
  to: Scalars['DateTime']['output'];
};

export type AffiliateUserError = UserError & {
  __typename?: 'AffiliateUserError';
  code: AffiliateErrorCode;
  field: Maybe<Array<Scalars['String']['output']>>;
  message: Scalars['String']['output'];
};

export type CreateAffiliatePartnerInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** 3 to 64 letters, digits, '-' or '_'; stored upper-case. */
  code: Scalars['String']['input'];
  commissionRate: Scalars['Int']['input'];
  name: Scalars['String']['input'];
};

export type CreatePromotionInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  automatic?: InputMaybe<Scalars['Boolean']['input']>;
  /** Required unless automatic; stored upper-case. */
  code?: InputMaybe<Scalars['String']['input']>;
  /** Required for AMOUNT and with minSubtotal. */
  currencyCode?: InputMaybe<CurrencyCode>;
  discountType: DiscountType;
  level?: InputMaybe<PromotionLevel>;
  maxRedemptions?: InputMaybe<Scalars['Int']['input']>;
  maxRedemptionsPerPerson?: InputMaybe<Scalars['Int']['input']>;
  minSubtotal?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
  priority?: InputMaybe<Scalars['Int']['input']>;
  stackable?: InputMaybe<Scalars['Boolean']['input']>;
  targets?: InputMaybe<PromotionTargetsInput>;
  /** ISO 8601 instants. */
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  validTo?: InputMaybe<Scalars['DateTime']['input']>;
  /** Whole percent (1..100) for PERCENTAGE, minor units for AMOUNT; ignored (stored as 0) for FREE_SHIPPING. */
  value: Scalars['Int']['input'];
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

export type DiscountAllocation = {
  __typename?: 'DiscountAllocation';
  amount: Scalars['Int']['output'];
  lineId: Scalars['ID']['output'];
};

export type DiscountType =
  | 'AMOUNT'
  | 'FREE_SHIPPING'
  | 'PERCENTAGE';

export type EvaluatedDiscount = {
  __typename?: 'EvaluatedDiscount';
  /** Per line; sums to amount (empty for FREE_SHIPPING). */
  allocations: Array<DiscountAllocation>;
  /** Minor units, > 0. */
  amount: Scalars['Int']['output'];
  code: Maybe<Scalars['String']['output']>;
  discountType: DiscountType;
  level: PromotionLevel;
  name: Scalars['String']['output'];
  promotionId: Scalars['ID']['output'];
};

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
  /** Service only: the order was paid; the held uses become confirmed. Idempotent. */
  confirmPromotionRedemptions: PromotionRedemptionsPayload;
  createAffiliatePartner: AffiliatePartnerPayload;
  createPromotion: PromotionPayload;
  /** The partner's code stops recording clicks and earning commission; its history stays. */
  deactivateAffiliatePartner: AffiliatePartnerPayload;
  /** The promotion stops applying to carts; redemptions already held stay valid. */
  deactivatePromotion: PromotionPayload;
  /**
   * A visit through a partner's link, by anyone (signed in or not). Rate-limited per client:
   * beyond AFFILIATE_CLICKS_PER_MINUTE the answer is RATE_LIMITED.
   */
  recordAffiliateClick: AffiliateClickPayload;
  /** Admin: an order our shop referred to a partner (OUTBOUND). Idempotent by (partner, externalRef). */
  recordOutboundReferral: AffiliateAttributionPayload;
  /** Service only: the order was cancelled or expired; its uses (held or confirmed) return. Idempotent. */
  releasePromotionRedemptions: PromotionRedemptionsPayload;
  /** Service only: holds one use of each promotion for the order (checkout). Idempotent by order id. */
  reservePromotionRedemptions: PromotionRedemptionsPayload;
  /** Omitted fields keep their values. A new rate applies to orders paid from now on. */
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

export type Promotion = {
  __typename?: 'Promotion';
  active: Scalars['Boolean']['output'];
  /** Applies to every cart that meets its conditions, without a code. */
  automatic: Scalars['Boolean']['output'];
  /** Codes are matched case-insensitively and shown upper-case; null for automatic promotions. */
  code: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Carts in this currency only; null: any currency. */
  currencyCode: Maybe<CurrencyCode>;
  discountType: DiscountType;
  id: Scalars['ID']['output'];
  level: PromotionLevel;
  maxRedemptions: Maybe<Scalars['Int']['output']>;
  maxRedemptionsPerPerson: Maybe<Scalars['Int']['output']>;
  /** Subtotal before discounts that the cart must reach. */
  minSubtotal: Maybe<Money>;
  name: Scalars['String']['output'];
  /** Breaks ties and orders promotions of the same kind: higher first. */
  priority: Scalars['Int']['output'];
  /** Stackable promotions combine with each other; an exclusive one applies alone. */
  stackable: Scalars['Boolean']['output'];
  /** ITEM level: the products, variants and categories whose lines are discounted. */
  targets: PromotionTargets;
  updatedAt: Scalars['DateTime']['output'];
  usage: PromotionUsage;
  validFrom: Maybe<Scalars['DateTime']['output']>;
  /** Exclusive: the promotion ends at this instant. */
  validTo: Maybe<Scalars['DateTime']['output']>;
  /** Whole percent (1..100) for PERCENTAGE, minor units for AMOUNT, 0 for FREE_SHIPPING. */
  value: Scalars['Int']['output'];
};

export type PromotionCodeResult = {
  __typename?: 'PromotionCodeResult';
  applied: Scalars['Boolean']['output'];
  code: Scalars['String']['output'];
  error: Maybe<PromotionErrorCode>;
  message: Maybe<Scalars['String']['output']>;
};

export type PromotionConnection = {
  __typename?: 'PromotionConnection';
  edges: Array<PromotionEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PromotionEdge = {
  __typename?: 'PromotionEdge';
  cursor: Scalars['String']['output'];
  node: Promotion;
};

export type PromotionErrorCode =
  /** Another promotion has this code. */
  | 'CODE_TAKEN'
  /** A lifecycle refused the change, e.g. confirming redemptions that were released. */
  | 'ILLEGAL_TRANSITION'
  /** Codes are 3 to 64 letters, digits, '-' or '_'. */
  | 'INVALID_CODE'
  /** Not an ISO 4217 currency code, or one missing where the promotion needs it. */
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
  /** No active promotion has this code (or id). */
  | 'PROMOTION_NOT_FOUND'
  /** The promotion has not started (validFrom is ahead). */
  | 'PROMOTION_NOT_YET_VALID'
  /** A text longer than its field allows. */
  | 'TOO_LONG'
  /** The total or the per-person limit is used up. */
  | 'USAGE_LIMIT_REACHED';

export type PromotionEvaluation = {
  __typename?: 'PromotionEvaluation';
  /** Exactly one per input code, same order; `code` is the normalised (trimmed, upper-case) code. */
  codeResults: Array<PromotionCodeResult>;
  /** Sum of the discounts' amounts, shippingDiscount included. */
  discountTotal: Scalars['Int']['output'];
  /** In the order they apply. */
  discounts: Array<EvaluatedDiscount>;
  shippingDiscount: Scalars['Int']['output'];
};

export type PromotionEvaluationInput = {
  /** As the shopper typed them; matched case-insensitively. */
  codes: Array<Scalars['String']['input']>;
  currencyCode: CurrencyCode;
  lines: Array<PromotionLineInput>;
  /** For per-person limits; null for anonymous shoppers. */
  personId?: InputMaybe<Scalars['ID']['input']>;
  /** Minor units, before discounts. */
  shippingAmount: Scalars['Int']['input'];
};

export type PromotionLevel =
  | 'CART'
  | 'ITEM';

export type PromotionLineInput = {
  categoryIds: Array<Scalars['ID']['input']>;
  lineId: Scalars['ID']['input'];
  productId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
  /** Minor units. */
  unitPrice: Scalars['Int']['input'];
  variantId: Scalars['ID']['input'];
};

export type PromotionPayload = {
  __typename?: 'PromotionPayload';
  promotion: Maybe<Promotion>;
  userErrors: Array<PromotionUserError>;
};

export type PromotionRedemption = {
  __typename?: 'PromotionRedemption';
  amount: Scalars['Int']['output'];
  orderId: Scalars['ID']['output'];
  promotionId: Scalars['ID']['output'];
  status: RedemptionStatus;
};

export type PromotionRedemptionInput = {
  /** Minor units the order was discounted by this promotion. */
  amount: Scalars['Int']['input'];
  promotionId: Scalars['ID']['input'];
};

export type PromotionRedemptionsPayload = {
  __typename?: 'PromotionRedemptionsPayload';
  redemptions: Maybe<Array<PromotionRedemption>>;
  userErrors: Array<PromotionUserError>;
};

export type PromotionTargets = {
  __typename?: 'PromotionTargets';
  categoryIds: Array<Scalars['ID']['output']>;
  productIds: Array<Scalars['ID']['output']>;
  variantIds: Array<Scalars['ID']['output']>;
};

export type PromotionTargetsInput = {
  categoryIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  productIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  variantIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

export type PromotionUsage = {
  __typename?: 'PromotionUsage';
  /** Uses by paid orders. */
  confirmed: Scalars['Int']['output'];
  /** Uses held by unpaid orders. */
  reserved: Scalars['Int']['output'];
  /** reserved + confirmed: what counts against maxRedemptions. */
  total: Scalars['Int']['output'];
};

export type PromotionUserError = UserError & {
  __typename?: 'PromotionUserError';
  code: PromotionErrorCode;
  field: Maybe<Array<Scalars['String']['output']>>;
  message: Scalars['String']['output'];
};

/**
 * Promotions: codes and automatic promotions, the engine that prices them into a cart, and the
 * redemptions that hold one use per order. Admins manage promotions; support may read them.
 * The engine's rules are documented in subgraphs/promotion/README.md. Affiliates, the other half
 * of this subgraph, are in promotion.affiliates.graphql.
 */
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


/**
 * Promotions: codes and automatic promotions, the engine that prices them into a cart, and the
 * redemptions that hold one use per order. Admins manage promotions; support may read them.
 * The engine's rules are documented in subgraphs/promotion/README.md. Affiliates, the other half
 * of this subgraph, are in promotion.affiliates.graphql.
 */
export type QueryAffiliatePartnerArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Promotions: codes and automatic promotions, the engine that prices them into a cart, and the
 * redemptions that hold one use per order. Admins manage promotions; support may read them.
 * The engine's rules are documented in subgraphs/promotion/README.md. Affiliates, the other half
 * of this subgraph, are in promotion.affiliates.graphql.
 */
export type QueryAffiliatePartnersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Promotions: codes and automatic promotions, the engine that prices them into a cart, and the
 * redemptions that hold one use per order. Admins manage promotions; support may read them.
 * The engine's rules are documented in subgraphs/promotion/README.md. Affiliates, the other half
 * of this subgraph, are in promotion.affiliates.graphql.
 */
export type QueryAffiliateReportArgs = {
  direction?: InputMaybe<AffiliateDirection>;
  from: Scalars['DateTime']['input'];
  partnerId: Scalars['ID']['input'];
  to: Scalars['DateTime']['input'];
};


/**
 * Promotions: codes and automatic promotions, the engine that prices them into a cart, and the
 * redemptions that hold one use per order. Admins manage promotions; support may read them.
 * The engine's rules are documented in subgraphs/promotion/README.md. Affiliates, the other half
 * of this subgraph, are in promotion.affiliates.graphql.
 */
export type QueryEvaluatePromotionsArgs = {
  input: PromotionEvaluationInput;
};


/**
 * Promotions: codes and automatic promotions, the engine that prices them into a cart, and the
 * redemptions that hold one use per order. Admins manage promotions; support may read them.
 * The engine's rules are documented in subgraphs/promotion/README.md. Affiliates, the other half
 * of this subgraph, are in promotion.affiliates.graphql.
 */
export type QueryPromotionArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Promotions: codes and automatic promotions, the engine that prices them into a cart, and the
 * redemptions that hold one use per order. Admins manage promotions; support may read them.
 * The engine's rules are documented in subgraphs/promotion/README.md. Affiliates, the other half
 * of this subgraph, are in promotion.affiliates.graphql.
 */
export type QueryPromotionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type RecordAffiliateClickInput = {
  code: Scalars['String']['input'];
  /** At most 2048 characters. */
  referrer?: InputMaybe<Scalars['String']['input']>;
  /** The landing page, at most 2048 characters. */
  url: Scalars['String']['input'];
};

export type RecordOutboundReferralInput = {
  currencyCode: CurrencyCode;
  /** The partner's order reference. */
  externalRef: Scalars['String']['input'];
  /** ISO 8601 instant the order was paid; default now. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  partnerId: Scalars['ID']['input'];
  /** The commission base in minor units (the partner's order net of discounts, shipping and tax). */
  revenue: Scalars['Int']['input'];
};

export type RedemptionStatus =
  | 'CONFIRMED'
  | 'RELEASED'
  | 'RESERVED';

export type ReservePromotionRedemptionsInput = {
  orderId: Scalars['ID']['input'];
  personId: Scalars['ID']['input'];
  redemptions: Array<PromotionRedemptionInput>;
};

export type UpdateAffiliatePartnerInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  code?: InputMaybe<Scalars['String']['input']>;
  commissionRate?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

export type UpdatePromotionInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  automatic?: InputMaybe<Scalars['Boolean']['input']>;
  code?: InputMaybe<Scalars['String']['input']>;
  currencyCode?: InputMaybe<CurrencyCode>;
  discountType?: InputMaybe<DiscountType>;
  level?: InputMaybe<PromotionLevel>;
  maxRedemptions?: InputMaybe<Scalars['Int']['input']>;
  maxRedemptionsPerPerson?: InputMaybe<Scalars['Int']['input']>;
  minSubtotal?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  priority?: InputMaybe<Scalars['Int']['input']>;
  stackable?: InputMaybe<Scalars['Boolean']['input']>;
  /** Replaces the targets. */
  targets?: InputMaybe<PromotionTargetsInput>;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  validTo?: InputMaybe<Scalars['DateTime']['input']>;
  value?: InputMaybe<Scalars['Int']['input']>;
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
  AffiliateAttribution: ResolverTypeWrapper<AffiliateAttributionRow>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
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
  CreateAffiliatePartnerInput: CreateAffiliatePartnerInput;
  CreatePromotionInput: CreatePromotionInput;
  CurrencyCode: CurrencyCode;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DiscountAllocation: ResolverTypeWrapper<DiscountAllocation>;
  DiscountType: DiscountType;
  EvaluatedDiscount: ResolverTypeWrapper<EvaluatedDiscount>;
  Money: ResolverTypeWrapper<MoneyValue>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Promotion: ResolverTypeWrapper<PromotionRow>;
  PromotionCodeResult: ResolverTypeWrapper<PromotionCodeResult>;
  PromotionConnection: ResolverTypeWrapper<PromotionConnectionRow>;
  PromotionEdge: ResolverTypeWrapper<Omit<PromotionEdge, 'node'> & { node: ResolversTypes['Promotion'] }>;
  PromotionErrorCode: PromotionErrorCode;
  PromotionEvaluation: ResolverTypeWrapper<PromotionEvaluation>;
  PromotionEvaluationInput: PromotionEvaluationInput;
  PromotionLevel: PromotionLevel;
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
  UpdateAffiliatePartnerInput: UpdateAffiliatePartnerInput;
  UpdatePromotionInput: UpdatePromotionInput;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AffiliateAttribution: AffiliateAttributionRow;
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
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
  CreateAffiliatePartnerInput: CreateAffiliatePartnerInput;
  CreatePromotionInput: CreatePromotionInput;
  DateTime: Scalars['DateTime']['output'];
  DiscountAllocation: DiscountAllocation;
  EvaluatedDiscount: EvaluatedDiscount;
  Money: MoneyValue;
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
  UpdateAffiliatePartnerInput: UpdateAffiliatePartnerInput;
  UpdatePromotionInput: UpdatePromotionInput;
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
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
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AffiliateClickPayloadResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['AffiliateClickPayload'] = ResolversParentTypes['AffiliateClickPayload']> = ResolversObject<{
  click?: Resolver<Maybe<ResolversTypes['AffiliateClick']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['AffiliateUserError']>, ParentType, ContextType>;
}>;

export type AffiliatePartnerResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['AffiliatePartner'] = ResolversParentTypes['AffiliatePartner'], FederationReferenceType extends FederationReferenceTypes['AffiliatePartner'] = FederationReferenceTypes['AffiliatePartner']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['AffiliatePartner']> | FederationReferenceType, FederationReferenceType, ContextType>;
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  commissionRate?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
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

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DiscountAllocationResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['DiscountAllocation'] = ResolversParentTypes['DiscountAllocation']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type EvaluatedDiscountResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['EvaluatedDiscount'] = ResolversParentTypes['EvaluatedDiscount']> = ResolversObject<{
  allocations?: Resolver<Array<ResolversTypes['DiscountAllocation']>, ParentType, ContextType>;
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  discountType?: Resolver<ResolversTypes['DiscountType'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['PromotionLevel'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  promotionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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
  automatic?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currencyCode?: Resolver<Maybe<ResolversTypes['CurrencyCode']>, ParentType, ContextType>;
  discountType?: Resolver<ResolversTypes['DiscountType'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['PromotionLevel'], ParentType, ContextType>;
  maxRedemptions?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  maxRedemptionsPerPerson?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  minSubtotal?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stackable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  targets?: Resolver<ResolversTypes['PromotionTargets'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  usage?: Resolver<ResolversTypes['PromotionUsage'], ParentType, ContextType>;
  validFrom?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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
  affiliatePartners?: Resolver<ResolversTypes['AffiliatePartnerConnection'], ParentType, ContextType, RequireFields<QueryAffiliatePartnersArgs, 'first'>>;
  affiliateReport?: Resolver<Maybe<ResolversTypes['AffiliateReport']>, ParentType, ContextType, RequireFields<QueryAffiliateReportArgs, 'direction' | 'from' | 'partnerId' | 'to'>>;
  evaluatePromotions?: Resolver<ResolversTypes['PromotionEvaluation'], ParentType, ContextType, RequireFields<QueryEvaluatePromotionsArgs, 'input'>>;
  promotion?: Resolver<Maybe<ResolversTypes['Promotion']>, ParentType, ContextType, RequireFields<QueryPromotionArgs, 'id'>>;
  promotions?: Resolver<ResolversTypes['PromotionConnection'], ParentType, ContextType, RequireFields<QueryPromotionsArgs, 'first'>>;
}>;

export type UserErrorResolvers<ContextType = PromotionContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  __resolveType: TypeResolveFn<'AffiliateUserError' | 'PromotionUserError', ParentType, ContextType>;
}>;

export type Resolvers<ContextType = PromotionContext> = ResolversObject<{
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
  DateTime?: GraphQLScalarType;
  DiscountAllocation?: DiscountAllocationResolvers<ContextType>;
  EvaluatedDiscount?: EvaluatedDiscountResolvers<ContextType>;
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
  UserError?: UserErrorResolvers<ContextType>;
}>;

