/* Generated from schema/order*.graphql by `npm run codegen`: do not edit. */
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { OrderRow, OrderLineRow, OrderDiscountRow, OrderHistoryRow, PaymentRow, RefundRow, OrderConnectionRow } from '../models.js';
import type { Shipment as ShipmentRow } from '../prisma-client/client.js';
import type { Money as MoneyValue } from '../../../lib/money.js';
import type { RequestContext } from '../../../lib/resolver-context.js';
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

/** What checkout needs. */
export type CheckoutInput = {
  /** The caller's ACTIVE cart. */
  cartId: Scalars['ID']['input'];
  /** The total the shopper was shown (minor units); when the cart now costs another amount the checkout is refused with PRICE_CHANGED. */
  expectedTotal?: InputMaybe<Scalars['SafeInt']['input']>;
  /** Chosen by the client, 1..100 characters, one per purchase: a retry with the same key answers the same order. */
  idempotencyKey: Scalars['String']['input'];
  /** Where the order ships. */
  shippingAddress: AddressInput;
  /** How it ships; it must ship to the address's country in the cart's currency. */
  shippingMethod: ShippingMethod;
};

/** What checkout answers. */
export type CheckoutPayload = {
  __typename?: 'CheckoutPayload';
  /** The order, PENDING_PAYMENT; null when the checkout was refused. */
  order: Maybe<Order>;
  /** Hand it to Stripe.js (or POST it with the publishable key to the local Stripe server) to pay; null when refused. */
  paymentClientSecret: Maybe<Scalars['String']['output']>;
  /** Why the checkout was refused; empty when it succeeded. Nothing stays held after a refusal. */
  userErrors: Array<OrderUserError>;
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

/** A customer subscription, resolved by the subscription context. */
export type CustomerSubscription = {
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

/** What erasePersonalData needs. */
export type ErasePersonalDataInput = {
  /** The person (the identity provider's subject), 1..100 characters. */
  personId: Scalars['ID']['input'];
  /** Why, 1..500 characters: the request it answers. */
  reason: Scalars['String']['input'];
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
  /** Cancels an order: its customer while it is unpaid (the payment is cancelled); support and admin until it ships, refunding what was paid. */
  cancelOrder: OrderPayload;
  /** Service only: cancels a period's unpaid order (its retries ran out, or the subscription ended): the stock it holds is released. Repeating it answers the order unchanged. */
  cancelSubscriptionOrder: SubscriptionOrderPayload;
  /** Service only: charges a period's unpaid order again (a dunning retry); attempt numbers the tries from 1, and a repeat of one attempt charges once. */
  chargeSubscriptionOrder: SubscriptionOrderPayload;
  /**
   * Turns the caller's cart into an order PENDING_PAYMENT: locks the cart, holds the promotions'
   * uses and the stock, snapshots the lines and totals, and creates the payment. Pay with the
   * client secret (Stripe.js, or the local Stripe server offline); the order becomes PAID when the
   * provider says so. The same idempotencyKey answers the same order, however often it is sent.
   * Attempts are rate-limited per person and per client address: beyond the limit the answer is
   * RATE_LIMITED, whose message says when to try again, and nothing is locked, held or charged.
   */
  checkout: CheckoutPayload;
  /** Support and admin: the returned parcel arrived; the order is RETURNED and refunded (everything not yet refunded, unless an amount is given). */
  completeReturn: OrderPayload;
  /**
   * Admin: erases a person's personal data in every context. Their orders, carts, subscriptions,
   * uses of promotion codes and affiliate clicks keep their amounts and lines (the financial
   * records) but no longer name them: their person id becomes the erasure's pseudonym, addresses keep
   * only the country and state (what tax records need), histories name the pseudonym. The contexts
   * do it within seconds of the answer, each on its own. Asking again for the same person answers
   * the same erasure and erases what was written since; the erasure itself is kept (who asked, when,
   * why) without the person id.
   */
  erasePersonalData: PersonalDataErasurePayload;
  /**
   * Service only: the order of one subscription period, placed at most once: a repeat for the same
   * subscription and period (a retried job, a second worker) answers the same order and charges
   * nothing more. Reserves the items' stock for holdSeconds, snapshots the lines (the period's
   * amount spread over them), and charges the card: without a paymentCustomerId (the first charge)
   * it saves the card on a new payment customer for later; with one it charges it off-session.
   * A declined card leaves the order PENDING_PAYMENT with payment FAILED (the subscription's
   * dunning decides what follows); a stock shortage refuses with OUT_OF_STOCK and holds nothing.
   */
  placeSubscriptionOrder: SubscriptionOrderPayload;
  /** Support and admin: refunds part or all of what was captured and not yet refunded; never more. */
  refundOrder: OrderPayload;
  /** The customer: asks to return a delivered order, within 30 days of delivery. */
  requestReturn: OrderPayload;
  /** Admin: a paid order goes into production (AWAITING_PRODUCTION), then is ready to ship (READY_TO_SHIP). */
  updateOrderProduction: OrderPayload;
  /** Support and admin: the parcel's carrier, service and tracking number; status SHIPPED moves a READY_TO_SHIP order to SHIPPED (a tracking number is needed), DELIVERED moves a SHIPPED order to DELIVERED. */
  updateOrderShipping: OrderPayload;
};


export type MutationCancelOrderArgs = {
  orderId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCancelSubscriptionOrderArgs = {
  orderId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationChargeSubscriptionOrderArgs = {
  attempt: Scalars['Int']['input'];
  orderId: Scalars['ID']['input'];
  paymentMethodId?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCheckoutArgs = {
  input: CheckoutInput;
};


export type MutationCompleteReturnArgs = {
  orderId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  refund?: InputMaybe<MoneyInput>;
};


export type MutationErasePersonalDataArgs = {
  input: ErasePersonalDataInput;
};


export type MutationPlaceSubscriptionOrderArgs = {
  input: PlaceSubscriptionOrderInput;
};


export type MutationRefundOrderArgs = {
  amount?: InputMaybe<MoneyInput>;
  orderId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRequestReturnArgs = {
  orderId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationUpdateOrderProductionArgs = {
  orderId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  status: OrderProductionStatus;
};


export type MutationUpdateOrderShippingArgs = {
  input: OrderShippingInput;
  orderId: Scalars['ID']['input'];
};

/** An order a person placed. Its owner, support and admin may read it; for other signed-in callers it is null. */
export type Order = {
  __typename?: 'Order';
  /** When the order was placed. */
  createdAt: Scalars['DateTime']['output'];
  /** The order's currency. */
  currencyCode: CurrencyCode;
  /** What the promotions took off, shipping discounts included. */
  discountTotal: Money;
  /** The promotions the order used. */
  discounts: Array<OrderDiscount>;
  /** Every change of status, oldest first; append-only. */
  history: Array<OrderHistoryEntry>;
  /** The order's id. */
  id: Scalars['ID']['output'];
  /** The lines as they were bought: immutable, whatever the catalog does later. */
  lines: Array<OrderLine>;
  /** Human-readable, e.g. ORD-20261123-7F3K. */
  number: Scalars['String']['output'];
  /** When the payment succeeded. */
  paidAt: Maybe<Scalars['DateTime']['output']>;
  /** The payment provider's PaymentIntent (Stripe's pi_…), once created. */
  paymentIntentId: Maybe<Scalars['String']['output']>;
  /** Payments attempted for the order, with what was captured and refunded. */
  payments: Array<Payment>;
  /** Who placed it. */
  personId: Scalars['ID']['output'];
  /** Refunds, oldest first. */
  refunds: Array<OrderRefund>;
  /** Until when the order's stock is held while it is unpaid; it is cancelled if still unpaid then. */
  reservedUntil: Scalars['DateTime']['output'];
  /** Where the parcel is; null until staff record it. */
  shipping: Maybe<Shipment>;
  /** Where it ships. */
  shippingAddress: Address;
  /** How it ships. */
  shippingMethod: ShippingMethod;
  /** Shipping, before shipping discounts. */
  shippingTotal: Money;
  /** Where the order is in its lifecycle. */
  status: OrderStatus;
  /** The customer subscription this order is a period of; null for an order from a cart. */
  subscription: Maybe<CustomerSubscription>;
  /** Which period of it (0 for the first); null for an order from a cart. */
  subscriptionPeriod: Maybe<Scalars['Int']['output']>;
  /** The lines before discounts. */
  subtotal: Money;
  /** Tax. */
  taxTotal: Money;
  /** What is charged: subtotal − discounts + shipping + tax. */
  total: Money;
  /** Staff (support and admin): every change to this order, of its lines, discounts, payments, refunds and shipment, and of its checkout's progress, newest first (SPEC §3 audit). Null with FORBIDDEN for anyone else. */
  versions: Maybe<EntityVersionConnection>;
};


/** An order a person placed. Its owner, support and admin may read it; for other signed-in callers it is null. */
export type OrderVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of orders. */
export type OrderConnection = {
  __typename?: 'OrderConnection';
  /** The orders of this page, newest first. */
  edges: Array<OrderEdge>;
  /** Where this page sits, and the cursor to ask for the next one. */
  pageInfo: PageInfo;
  /** How many orders match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A promotion an order used. */
export type OrderDiscount = {
  __typename?: 'OrderDiscount';
  /** What it took off the order. */
  amount: Money;
  /** The code typed; null for an automatic promotion. */
  code: Maybe<Scalars['String']['output']>;
  /** The promotion's name when the order was placed. */
  name: Scalars['String']['output'];
  /** The promotion's id. */
  promotionId: Scalars['ID']['output'];
};

/** An order in a page, with its cursor. */
export type OrderEdge = {
  __typename?: 'OrderEdge';
  /** Pass it as after to page on. */
  cursor: Scalars['String']['output'];
  /** The order. */
  node: Order;
};

/** Why an order mutation was refused. */
export type OrderErrorCode =
  /** The cart has no lines. */
  | 'CART_EMPTY'
  /** The cart is expired, checked out or being checked out by another checkout. */
  | 'CART_NOT_ACTIVE'
  /** No cart of yours has this id. */
  | 'CART_NOT_FOUND'
  /** An amount in another currency than the order's. */
  | 'CURRENCY_MISMATCH'
  /** This idempotencyKey was used for another checkout (another cart or address). */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The order's lifecycle refused the change; the message names from and to. */
  | 'ILLEGAL_TRANSITION'
  /** The address is incomplete or malformed; field names the input field. */
  | 'INVALID_ADDRESS'
  /** A malformed value, e.g. an empty idempotency key. */
  | 'INVALID_INPUT'
  /** The cart's subtotal is below a promotion's minimum. */
  | 'MIN_SUBTOTAL_NOT_MET'
  /** Nothing in the cart qualifies for a promotion. */
  | 'NOT_APPLICABLE'
  /** Two promotions of the cart do not combine. */
  | 'NOT_COMBINABLE'
  /** No order of yours has this id. */
  | 'ORDER_NOT_FOUND'
  /** Not enough stock for the lines named in field (one error per line). */
  | 'OUT_OF_STOCK'
  /** The cart's total is no longer the expectedTotal the shopper saw. */
  | 'PRICE_CHANGED'
  /** A promotion of the cart has ended. */
  | 'PROMOTION_EXPIRED'
  /** No active promotion has the cart's code. */
  | 'PROMOTION_NOT_FOUND'
  /** A promotion of the cart has not started. */
  | 'PROMOTION_NOT_YET_VALID'
  /** Too many attempts from this client address or person; the message says in how many seconds to try again. */
  | 'RATE_LIMITED'
  /** A refund would pass what was captured and not yet refunded. */
  | 'REFUND_EXCEEDS_CAPTURED'
  /** The shipping method does not ship to the address in the cart's currency. */
  | 'SHIPPING_METHOD_UNAVAILABLE'
  /** A text longer than its field allows. */
  | 'TOO_LONG'
  /** A shipping record marked SHIPPED needs a tracking number. */
  | 'TRACKING_NUMBER_REQUIRED'
  /** A promotion's total or per-person limit is used up. */
  | 'USAGE_LIMIT_REACHED'
  /** A line's variant is gone or no longer for sale; field names the line. */
  | 'VARIANT_UNAVAILABLE';

/** Which orders a staff listing shows; every field given must hold. */
export type OrderFilter = {
  /** Orders placed at or after this instant. */
  createdFrom?: InputMaybe<Scalars['DateTime']['input']>;
  /** Orders placed before this instant. */
  createdTo?: InputMaybe<Scalars['DateTime']['input']>;
  /** The order with this number (e.g. ORD-20261123-7F3K), case-insensitive. */
  number?: InputMaybe<Scalars['String']['input']>;
  /** Orders of this person. */
  personId?: InputMaybe<Scalars['ID']['input']>;
  /** Orders in any of these states. */
  status?: InputMaybe<Array<OrderStatus>>;
};

/** One change of an order's status. */
export type OrderHistoryEntry = {
  __typename?: 'OrderHistoryEntry';
  /** Who made the change: person:<id>, service:<name> or system:<job>. */
  actor: Scalars['String']['output'];
  /** When. */
  at: Scalars['DateTime']['output'];
  /** The status before; null for the order's creation. */
  from: Maybe<OrderStatus>;
  /** Why, when given. */
  reason: Maybe<Scalars['String']['output']>;
  /** The status after. */
  to: OrderStatus;
};

/** One line of an order, as bought. */
export type OrderLine = {
  __typename?: 'OrderLine';
  /** What promotions took off this line. */
  discountTotal: Money;
  /** The line's id. */
  id: Scalars['ID']['output'];
  /** unitPrice × quantity, before discounts (as in the cart). */
  lineTotal: Money;
  /** The product's name when bought. */
  productName: Scalars['String']['output'];
  /** Units bought. */
  quantity: Scalars['Int']['output'];
  /** The variant's SKU when bought. */
  sku: Scalars['String']['output'];
  /** The price per unit when bought. */
  unitPrice: Money;
  /** The catalog variant (its current data, resolved by the catalog). */
  variant: Maybe<ProductVariant>;
  /** The variant's title when bought. */
  variantTitle: Scalars['String']['output'];
};

/** What an order mutation answers. */
export type OrderPayload = {
  __typename?: 'OrderPayload';
  /** The order after the change; on a refusal, the order as it now is when the caller may read it. */
  order: Maybe<Order>;
  /** Why the change was refused; empty when it succeeded. */
  userErrors: Array<OrderUserError>;
};

/** Where a paid order's production stands. */
export type OrderProductionStatus =
  /** Being made or prepared. */
  | 'AWAITING_PRODUCTION'
  /** Ready to be handed to the carrier. */
  | 'READY_TO_SHIP';

/** Money given back to the customer. */
export type OrderRefund = {
  __typename?: 'OrderRefund';
  /** Who asked for it. */
  actor: Scalars['String']['output'];
  /** How much. */
  amount: Money;
  /** When. */
  createdAt: Scalars['DateTime']['output'];
  /** The refund's id. */
  id: Scalars['ID']['output'];
  /** Why. */
  reason: Maybe<Scalars['String']['output']>;
  /** The provider's status: pending, succeeded, failed. */
  status: Scalars['String']['output'];
};

/** A change to an order's shipping record. */
export type OrderShippingInput = {
  /** The carrier's service, e.g. Ground, up to 100 characters. */
  method?: InputMaybe<Scalars['String']['input']>;
  /** The carrier, e.g. UPS, up to 100 characters. */
  provider?: InputMaybe<Scalars['String']['input']>;
  /** Where the parcel is; SHIPPED and DELIVERED move the order too. */
  status?: InputMaybe<ShipmentStatus>;
  /** The carrier's tracking number, up to 100 characters. */
  trackingNumber?: InputMaybe<Scalars['String']['input']>;
};

/** Where an order is in its lifecycle. */
export type OrderStatus =
  /** Paid, being made or prepared. */
  | 'AWAITING_PRODUCTION'
  /** Cancelled before it shipped; a payment already made is refunded. */
  | 'CANCELLED'
  /** Delivered to the customer. */
  | 'DELIVERED'
  /** The payment succeeded; production has not started. */
  | 'PAID'
  /** Placed, waiting for its payment. */
  | 'PENDING_PAYMENT'
  /** Ready to be handed to the carrier. */
  | 'READY_TO_SHIP'
  /** Returned, and refunded. */
  | 'RETURNED'
  /** Delivered, and the customer asked to return it, within the 30-day return window. */
  | 'RETURN_REQUESTED'
  /** Handed to the carrier. */
  | 'SHIPPED';

/** A change of an order's status, or (snapshot) its status when a subscription started. */
export type OrderStatusEvent = {
  __typename?: 'OrderStatusEvent';
  /** When the change happened; for a snapshot, when the order took its status. */
  occurredAt: Scalars['DateTime']['output'];
  /** The order as it is when the message is sent; select any of its fields, from any subgraph. */
  order: Order;
  /** The status before the change; null for a snapshot and for the order's first status. */
  previousStatus: Maybe<OrderStatus>;
  /** True for the first message of orderStatusChanged, which tells the status the order already had rather than a change. */
  snapshot: Scalars['Boolean']['output'];
  /** The status the order changed to (for a snapshot, the status it has). */
  status: OrderStatus;
};

/** Why an order mutation was refused. */
export type OrderUserError = UserError & {
  __typename?: 'OrderUserError';
  /** Why, as a stable code to act on. */
  code: OrderErrorCode;
  /** Path to the argument or input field at fault, if any, e.g. ["input", "shippingAddress", "postalCode"]. */
  field: Maybe<Array<Scalars['String']['output']>>;
  /** What went wrong, for people. */
  message: Scalars['String']['output'];
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

/** A payment of an order through the payment provider. */
export type Payment = {
  __typename?: 'Payment';
  /** What was asked for. */
  amount: Money;
  /** What the provider captured. */
  captured: Money;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Why it failed, in the provider's words; null unless FAILED. */
  failureMessage: Maybe<Scalars['String']['output']>;
  /** The payment's id. */
  id: Scalars['ID']['output'];
  /** The provider's id for it (Stripe's PaymentIntent id). */
  providerPaymentId: Scalars['String']['output'];
  /** What has been refunded of it. */
  refunded: Money;
  /** Where it stands. */
  status: PaymentStatus;
};

/** Where a payment stands. */
export type PaymentStatus =
  /** Cancelled before it was paid. */
  | 'CANCELLED'
  /** The card was declined or the payment failed. */
  | 'FAILED'
  /** Waiting for the customer to pay. */
  | 'PENDING'
  /** Paid. */
  | 'SUCCEEDED';

/** A person's erasure, as kept for the record: never the person id itself. */
export type PersonalDataErasure = {
  __typename?: 'PersonalDataErasure';
  /** When it was last asked for. */
  lastRunAt: Scalars['DateTime']['output'];
  /** Who asked last. */
  lastRunBy: Scalars['String']['output'];
  /** What replaced the person id in every record: erased:<uuid>. */
  pseudonym: Scalars['String']['output'];
  /** Why, as first given. */
  reason: Scalars['String']['output'];
  /** When it was first asked for. */
  requestedAt: Scalars['DateTime']['output'];
  /** Who asked first (the admin's person id). */
  requestedBy: Scalars['String']['output'];
  /** How often it was asked for: each time erases what was written since. */
  runs: Scalars['Int']['output'];
};

/** What erasePersonalData answers. */
export type PersonalDataErasurePayload = {
  __typename?: 'PersonalDataErasurePayload';
  /** The erasure; null when it was refused. */
  erasure: Maybe<PersonalDataErasure>;
  /** Why it was refused (INVALID_INPUT, TOO_LONG); empty when it was recorded. */
  userErrors: Array<OrderUserError>;
};

/** Service only: what a subscription period's order needs. */
export type PlaceSubscriptionOrderInput = {
  /** What the period costs in all (minor units of currencyCode): the order's total. */
  amount: Scalars['SafeInt']['input'];
  /** ISO 4217. */
  currencyCode: Scalars['String']['input'];
  /** How long, from now, the stock stays held while the order is unpaid (through the dunning window): 60 seconds to 7 days less the payment grace. A duration, not an instant, so that the two contexts' clocks need not agree. */
  holdSeconds: Scalars['Int']['input'];
  /** What the period delivers. */
  items: Array<SubscriptionOrderItemInput>;
  /** The subscriber's payment customer, once a first charge saved the card; null for the first charge (period 0, or the period after a trial). */
  paymentCustomerId?: InputMaybe<Scalars['String']['input']>;
  /** The card. */
  paymentMethodId: Scalars['String']['input'];
  /** The period, 0 for the first. */
  period: Scalars['Int']['input'];
  /** The subscriber. */
  personId: Scalars['ID']['input'];
  /** Where it ships. */
  shippingAddress: AddressInput;
  /** How it ships. */
  shippingMethod: ShippingMethod;
  /** The subscription. */
  subscriptionId: Scalars['ID']['input'];
};

/** A catalog variant, resolved by the catalog subgraph. */
export type ProductVariant = {
  __typename?: 'ProductVariant';
  /** The variant's id. */
  id: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The caller's orders, newest first. */
  myOrders: OrderConnection;
  /** An order by id: its owner, support and admin may read it. */
  order: Maybe<Order>;
  /** Staff only (admin, support): every order matching the filter, newest first. */
  orders: OrderConnection;
  /** Support and admin: the erasure of this person, if one was asked for; null otherwise. */
  personalDataErasure: Maybe<PersonalDataErasure>;
};


export type QueryMyOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPersonalDataErasureArgs = {
  personId: Scalars['ID']['input'];
};

/** An order's parcel. */
export type Shipment = {
  __typename?: 'Shipment';
  /** When it was delivered. */
  deliveredAt: Maybe<Scalars['DateTime']['output']>;
  /** The carrier's service. */
  method: Maybe<Scalars['String']['output']>;
  /** The carrier, e.g. UPS. */
  provider: Maybe<Scalars['String']['output']>;
  /** When it was handed to the carrier. */
  shippedAt: Maybe<Scalars['DateTime']['output']>;
  /** Where the parcel is. */
  status: ShipmentStatus;
  /** The carrier's tracking number. */
  trackingNumber: Maybe<Scalars['String']['output']>;
};

/** Where an order's parcel is. */
export type ShipmentStatus =
  /** Delivered. */
  | 'DELIVERED'
  /** On its way. */
  | 'IN_TRANSIT'
  /** Not handed to the carrier yet. */
  | 'PENDING'
  /** Came back to us. */
  | 'RETURNED'
  /** Handed to the carrier. */
  | 'SHIPPED';

/** How an order ships. */
export type ShippingMethod =
  /** The fastest service. */
  | 'EXPRESS'
  /** The standard service. */
  | 'STANDARD';

/** Live updates, over WebSocket (graphql-ws on /graphql); each message is one event. */
export type Subscription = {
  __typename?: 'Subscription';
  /** Follows every order of the caller: one message per change of status of any of them, from when the subscription starts. */
  myOrderUpdates: OrderStatusEvent;
  /**
   * Follows one order: the first message tells its status when the subscription starts (snapshot:
   * true), then one message per change of status, in order. Its owner, support and admin may
   * follow it; a reconnecting client gets the current status first and so never misses the last.
   */
  orderStatusChanged: OrderStatusEvent;
};


/** Live updates, over WebSocket (graphql-ws on /graphql); each message is one event. */
export type SubscriptionOrderStatusChangedArgs = {
  orderId: Scalars['ID']['input'];
};

/** Service only: one variant a period delivers. */
export type SubscriptionOrderItemInput = {
  /** How many. */
  quantity: Scalars['Int']['input'];
  /** The catalog variant. */
  variantId: Scalars['ID']['input'];
};

/** Service only: a period's order and where its payment stands. */
export type SubscriptionOrderPayload = {
  __typename?: 'SubscriptionOrderPayload';
  /** The order; null when refused. */
  order: Maybe<Order>;
  /** Its latest charge; null when refused. */
  payment: Maybe<SubscriptionOrderPayment>;
  /** Why it was refused (OUT_OF_STOCK, VARIANT_UNAVAILABLE, INVALID_ADDRESS, ORDER_NOT_FOUND, ILLEGAL_TRANSITION). */
  userErrors: Array<OrderUserError>;
};

/** Service only: the latest charge of a period's order. */
export type SubscriptionOrderPayment = {
  __typename?: 'SubscriptionOrderPayment';
  /** The decline or failure, for people; null unless FAILED. */
  failureMessage: Maybe<Scalars['String']['output']>;
  /** For REQUIRES_ACTION: hand it to Stripe.js. */
  paymentClientSecret: Maybe<Scalars['String']['output']>;
  /** The payment customer the card is saved on. */
  paymentCustomerId: Scalars['String']['output'];
  /** The card charged. */
  paymentMethodId: Scalars['String']['output'];
  /** SUCCEEDED, FAILED, REQUIRES_ACTION (the subscriber must confirm: paymentClientSecret) or PROCESSING. */
  status: Scalars['String']['output'];
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
  Order: Order;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}> );
}>;


/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  UserError: ( OrderUserError );
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Address: ResolverTypeWrapper<Address>;
  AddressInput: AddressInput;
  CheckoutInput: CheckoutInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CheckoutPayload: ResolverTypeWrapper<Omit<CheckoutPayload, 'order'> & { order?: Maybe<ResolversTypes['Order']> }>;
  CountryCode: ResolverTypeWrapper<Scalars['CountryCode']['output']>;
  CurrencyCode: CurrencyCode;
  CustomerSubscription: ResolverTypeWrapper<CustomerSubscription>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DiscountLevel: DiscountLevel;
  EntityVersion: ResolverTypeWrapper<EntityVersion>;
  EntityVersionConnection: ResolverTypeWrapper<EntityVersionConnection>;
  EntityVersionEdge: ResolverTypeWrapper<EntityVersionEdge>;
  ErasePersonalDataInput: ErasePersonalDataInput;
  FieldChange: ResolverTypeWrapper<FieldChange>;
  Money: ResolverTypeWrapper<MoneyValue>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<OrderRow>;
  OrderConnection: ResolverTypeWrapper<OrderConnectionRow>;
  OrderDiscount: ResolverTypeWrapper<OrderDiscountRow>;
  OrderEdge: ResolverTypeWrapper<Omit<OrderEdge, 'node'> & { node: ResolversTypes['Order'] }>;
  OrderErrorCode: OrderErrorCode;
  OrderFilter: OrderFilter;
  OrderHistoryEntry: ResolverTypeWrapper<OrderHistoryRow>;
  OrderLine: ResolverTypeWrapper<OrderLineRow>;
  OrderPayload: ResolverTypeWrapper<Omit<OrderPayload, 'order'> & { order?: Maybe<ResolversTypes['Order']> }>;
  OrderProductionStatus: OrderProductionStatus;
  OrderRefund: ResolverTypeWrapper<RefundRow>;
  OrderShippingInput: OrderShippingInput;
  OrderStatus: OrderStatus;
  OrderStatusEvent: ResolverTypeWrapper<Omit<OrderStatusEvent, 'order'> & { order: ResolversTypes['Order'] }>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  OrderUserError: ResolverTypeWrapper<OrderUserError>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Payment: ResolverTypeWrapper<PaymentRow>;
  PaymentStatus: PaymentStatus;
  PersonalDataErasure: ResolverTypeWrapper<PersonalDataErasure>;
  PersonalDataErasurePayload: ResolverTypeWrapper<PersonalDataErasurePayload>;
  PlaceSubscriptionOrderInput: PlaceSubscriptionOrderInput;
  ProductVariant: ResolverTypeWrapper<ProductVariant>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  Shipment: ResolverTypeWrapper<ShipmentRow>;
  ShipmentStatus: ShipmentStatus;
  ShippingMethod: ShippingMethod;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SubscriptionOrderItemInput: SubscriptionOrderItemInput;
  SubscriptionOrderPayload: ResolverTypeWrapper<Omit<SubscriptionOrderPayload, 'order'> & { order?: Maybe<ResolversTypes['Order']> }>;
  SubscriptionOrderPayment: ResolverTypeWrapper<SubscriptionOrderPayment>;
  URL: ResolverTypeWrapper<Scalars['URL']['output']>;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
  VersionOperation: VersionOperation;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Address: Address;
  AddressInput: AddressInput;
  CheckoutInput: CheckoutInput;
  ID: Scalars['ID']['output'];
  CheckoutPayload: Omit<CheckoutPayload, 'order'> & { order?: Maybe<ResolversParentTypes['Order']> };
  CountryCode: Scalars['CountryCode']['output'];
  CustomerSubscription: CustomerSubscription;
  DateTime: Scalars['DateTime']['output'];
  EntityVersion: EntityVersion;
  EntityVersionConnection: EntityVersionConnection;
  EntityVersionEdge: EntityVersionEdge;
  ErasePersonalDataInput: ErasePersonalDataInput;
  FieldChange: FieldChange;
  Money: MoneyValue;
  Int: Scalars['Int']['output'];
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  Order: OrderRow;
  OrderConnection: OrderConnectionRow;
  OrderDiscount: OrderDiscountRow;
  OrderEdge: Omit<OrderEdge, 'node'> & { node: ResolversParentTypes['Order'] };
  OrderFilter: OrderFilter;
  OrderHistoryEntry: OrderHistoryRow;
  OrderLine: OrderLineRow;
  OrderPayload: Omit<OrderPayload, 'order'> & { order?: Maybe<ResolversParentTypes['Order']> };
  OrderRefund: RefundRow;
  OrderShippingInput: OrderShippingInput;
  OrderStatusEvent: Omit<OrderStatusEvent, 'order'> & { order: ResolversParentTypes['Order'] };
  Boolean: Scalars['Boolean']['output'];
  OrderUserError: OrderUserError;
  PageInfo: PageInfo;
  Payment: PaymentRow;
  PersonalDataErasure: PersonalDataErasure;
  PersonalDataErasurePayload: PersonalDataErasurePayload;
  PlaceSubscriptionOrderInput: PlaceSubscriptionOrderInput;
  ProductVariant: ProductVariant;
  Query: Record<PropertyKey, never>;
  SafeInt: Scalars['SafeInt']['output'];
  Shipment: ShipmentRow;
  Subscription: Record<PropertyKey, never>;
  SubscriptionOrderItemInput: SubscriptionOrderItemInput;
  SubscriptionOrderPayload: Omit<SubscriptionOrderPayload, 'order'> & { order?: Maybe<ResolversParentTypes['Order']> };
  SubscriptionOrderPayment: SubscriptionOrderPayment;
  URL: Scalars['URL']['output'];
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
  String: Scalars['String']['output'];
}>;

export type GlobalIdDirectiveArgs = {
  type: Scalars['String']['input'];
};

export type GlobalIdDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = GlobalIdDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AddressResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = ResolversObject<{
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  country?: Resolver<ResolversTypes['CountryCode'], ParentType, ContextType>;
  line1?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  postalCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CheckoutPayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CheckoutPayload'] = ResolversParentTypes['CheckoutPayload']> = ResolversObject<{
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  paymentClientSecret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['OrderUserError']>, ParentType, ContextType>;
}>;

export interface CountryCodeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['CountryCode'], any> {
  name: 'CountryCode';
}

export type CustomerSubscriptionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CustomerSubscription'] = ResolversParentTypes['CustomerSubscription']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EntityVersionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['EntityVersion'] = ResolversParentTypes['EntityVersion']> = ResolversObject<{
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['FieldChange']>, ParentType, ContextType>;
  entity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  entityId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['VersionOperation'], ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type EntityVersionConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['EntityVersionConnection'] = ResolversParentTypes['EntityVersionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['EntityVersionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type EntityVersionEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['EntityVersionEdge'] = ResolversParentTypes['EntityVersionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['EntityVersion'], ParentType, ContextType>;
}>;

export type FieldChangeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['FieldChange'] = ResolversParentTypes['FieldChange']> = ResolversObject<{
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
  formatted?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fractionDigits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cancelOrder?: Resolver<ResolversTypes['OrderPayload'], ParentType, ContextType, RequireFields<MutationCancelOrderArgs, 'orderId'>>;
  cancelSubscriptionOrder?: Resolver<ResolversTypes['SubscriptionOrderPayload'], ParentType, ContextType, RequireFields<MutationCancelSubscriptionOrderArgs, 'orderId' | 'reason'>>;
  chargeSubscriptionOrder?: Resolver<ResolversTypes['SubscriptionOrderPayload'], ParentType, ContextType, RequireFields<MutationChargeSubscriptionOrderArgs, 'attempt' | 'orderId'>>;
  checkout?: Resolver<ResolversTypes['CheckoutPayload'], ParentType, ContextType, RequireFields<MutationCheckoutArgs, 'input'>>;
  completeReturn?: Resolver<ResolversTypes['OrderPayload'], ParentType, ContextType, RequireFields<MutationCompleteReturnArgs, 'orderId'>>;
  erasePersonalData?: Resolver<ResolversTypes['PersonalDataErasurePayload'], ParentType, ContextType, RequireFields<MutationErasePersonalDataArgs, 'input'>>;
  placeSubscriptionOrder?: Resolver<ResolversTypes['SubscriptionOrderPayload'], ParentType, ContextType, RequireFields<MutationPlaceSubscriptionOrderArgs, 'input'>>;
  refundOrder?: Resolver<ResolversTypes['OrderPayload'], ParentType, ContextType, RequireFields<MutationRefundOrderArgs, 'orderId'>>;
  requestReturn?: Resolver<ResolversTypes['OrderPayload'], ParentType, ContextType, RequireFields<MutationRequestReturnArgs, 'orderId' | 'reason'>>;
  updateOrderProduction?: Resolver<ResolversTypes['OrderPayload'], ParentType, ContextType, RequireFields<MutationUpdateOrderProductionArgs, 'orderId' | 'status'>>;
  updateOrderShipping?: Resolver<ResolversTypes['OrderPayload'], ParentType, ContextType, RequireFields<MutationUpdateOrderShippingArgs, 'input' | 'orderId'>>;
}>;

export type OrderResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
  discountTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  discounts?: Resolver<Array<ResolversTypes['OrderDiscount']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['OrderHistoryEntry']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['OrderLine']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  paidAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  paymentIntentId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  payments?: Resolver<Array<ResolversTypes['Payment']>, ParentType, ContextType>;
  personId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  refunds?: Resolver<Array<ResolversTypes['OrderRefund']>, ParentType, ContextType>;
  reservedUntil?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  shipping?: Resolver<Maybe<ResolversTypes['Shipment']>, ParentType, ContextType>;
  shippingAddress?: Resolver<ResolversTypes['Address'], ParentType, ContextType>;
  shippingMethod?: Resolver<ResolversTypes['ShippingMethod'], ParentType, ContextType>;
  shippingTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  subscription?: Resolver<Maybe<ResolversTypes['CustomerSubscription']>, ParentType, ContextType>;
  subscriptionPeriod?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  taxTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  versions?: Resolver<Maybe<ResolversTypes['EntityVersionConnection']>, ParentType, ContextType, Partial<OrderVersionsArgs>>;
}>;

export type OrderConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['OrderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type OrderDiscountResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['OrderDiscount'] = ResolversParentTypes['OrderDiscount']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  promotionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type OrderEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['OrderEdge'] = ResolversParentTypes['OrderEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
}>;

export type OrderHistoryEntryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['OrderHistoryEntry'] = ResolversParentTypes['OrderHistoryEntry']> = ResolversObject<{
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['OrderStatus']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
}>;

export type OrderLineResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['OrderLine'] = ResolversParentTypes['OrderLine']> = ResolversObject<{
  discountTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lineTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  productName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['ProductVariant']>, ParentType, ContextType>;
  variantTitle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type OrderPayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['OrderPayload'] = ResolversParentTypes['OrderPayload']> = ResolversObject<{
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['OrderUserError']>, ParentType, ContextType>;
}>;

export type OrderRefundResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['OrderRefund'] = ResolversParentTypes['OrderRefund']> = ResolversObject<{
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type OrderStatusEventResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['OrderStatusEvent'] = ResolversParentTypes['OrderStatusEvent']> = ResolversObject<{
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  previousStatus?: Resolver<Maybe<ResolversTypes['OrderStatus']>, ParentType, ContextType>;
  snapshot?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
}>;

export type OrderUserErrorResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['OrderUserError'] = ResolversParentTypes['OrderUserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['OrderErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PaymentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Payment'] = ResolversParentTypes['Payment']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  captured?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  failureMessage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  providerPaymentId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refunded?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PaymentStatus'], ParentType, ContextType>;
}>;

export type PersonalDataErasureResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PersonalDataErasure'] = ResolversParentTypes['PersonalDataErasure']> = ResolversObject<{
  lastRunAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lastRunBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pseudonym?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  requestedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  runs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PersonalDataErasurePayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PersonalDataErasurePayload'] = ResolversParentTypes['PersonalDataErasurePayload']> = ResolversObject<{
  erasure?: Resolver<Maybe<ResolversTypes['PersonalDataErasure']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['OrderUserError']>, ParentType, ContextType>;
}>;

export type ProductVariantResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ProductVariant'] = ResolversParentTypes['ProductVariant']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  myOrders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, Partial<QueryMyOrdersArgs>>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<QueryOrderArgs, 'id'>>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, Partial<QueryOrdersArgs>>;
  personalDataErasure?: Resolver<Maybe<ResolversTypes['PersonalDataErasure']>, ParentType, ContextType, RequireFields<QueryPersonalDataErasureArgs, 'personId'>>;
}>;

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type ShipmentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Shipment'] = ResolversParentTypes['Shipment']> = ResolversObject<{
  deliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  method?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  provider?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  shippedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ShipmentStatus'], ParentType, ContextType>;
  trackingNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  myOrderUpdates?: SubscriptionResolver<ResolversTypes['OrderStatusEvent'], "myOrderUpdates", ParentType, ContextType>;
  orderStatusChanged?: SubscriptionResolver<ResolversTypes['OrderStatusEvent'], "orderStatusChanged", ParentType, ContextType, RequireFields<SubscriptionOrderStatusChangedArgs, 'orderId'>>;
}>;

export type SubscriptionOrderPayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SubscriptionOrderPayload'] = ResolversParentTypes['SubscriptionOrderPayload']> = ResolversObject<{
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  payment?: Resolver<Maybe<ResolversTypes['SubscriptionOrderPayment']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['OrderUserError']>, ParentType, ContextType>;
}>;

export type SubscriptionOrderPaymentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['SubscriptionOrderPayment'] = ResolversParentTypes['SubscriptionOrderPayment']> = ResolversObject<{
  failureMessage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  paymentClientSecret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  paymentCustomerId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  paymentMethodId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface UrlScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['URL'], any> {
  name: 'URL';
}

export type UserErrorResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  __resolveType: TypeResolveFn<'OrderUserError', ParentType, ContextType>;
}>;

export type Resolvers<ContextType = RequestContext> = ResolversObject<{
  Address?: AddressResolvers<ContextType>;
  CheckoutPayload?: CheckoutPayloadResolvers<ContextType>;
  CountryCode?: GraphQLScalarType;
  CustomerSubscription?: CustomerSubscriptionResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EntityVersion?: EntityVersionResolvers<ContextType>;
  EntityVersionConnection?: EntityVersionConnectionResolvers<ContextType>;
  EntityVersionEdge?: EntityVersionEdgeResolvers<ContextType>;
  FieldChange?: FieldChangeResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderDiscount?: OrderDiscountResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  OrderHistoryEntry?: OrderHistoryEntryResolvers<ContextType>;
  OrderLine?: OrderLineResolvers<ContextType>;
  OrderPayload?: OrderPayloadResolvers<ContextType>;
  OrderRefund?: OrderRefundResolvers<ContextType>;
  OrderStatusEvent?: OrderStatusEventResolvers<ContextType>;
  OrderUserError?: OrderUserErrorResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Payment?: PaymentResolvers<ContextType>;
  PersonalDataErasure?: PersonalDataErasureResolvers<ContextType>;
  PersonalDataErasurePayload?: PersonalDataErasurePayloadResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  Shipment?: ShipmentResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  SubscriptionOrderPayload?: SubscriptionOrderPayloadResolvers<ContextType>;
  SubscriptionOrderPayment?: SubscriptionOrderPaymentResolvers<ContextType>;
  URL?: GraphQLScalarType;
  UserError?: UserErrorResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = RequestContext> = ResolversObject<{
  globalId?: GlobalIdDirectiveResolver<any, any, ContextType>;
}>;
