/* Generated from schema/cart*.graphql by `npm run codegen`: do not edit. */
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CartRow, CartLineView } from '../models.js';
import type { CartWarning as CartWarningView } from '../validation.js';
import type { CheckoutView } from '../checkout.service.js';
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

/** Service only: what a checkout needs to lock a cart and price it. */
export type BeginCartCheckoutInput = {
  /** The cart to check out. */
  cartId: Scalars['ID']['input'];
  /** The order the checkout is for (the saga's id); the cart remembers it as its checkout owner. */
  checkoutId: Scalars['ID']['input'];
  /** Where the order ships: shipping and tax are priced for it. */
  destination: CartDestinationInput;
  /** The total (minor units) the shopper was shown: when given and the quote's total differs, PRICE_CHANGED, and the cart stays ACTIVE. */
  expectedTotal?: InputMaybe<Scalars['SafeInt']['input']>;
  /** Who is checking out: the cart must be theirs (else CART_NOT_FOUND). */
  personId: Scalars['ID']['input'];
  /** STANDARD or EXPRESS; a method the rate tables do not offer in the cart's currency, or not to the destination, is SHIPPING_METHOD_UNAVAILABLE. */
  shippingMethod: Scalars['String']['input'];
};

/**
 * A person's shopping cart, priced afresh from the catalog and the promotions on every read. Its
 * owner, support and admin may read it; only its owner changes it, and only while it is ACTIVE.
 */
export type Cart = {
  __typename?: 'Cart';
  /** The affiliate partner's code the cart was created with, upper-case; null when none. */
  affiliateCode: Maybe<Scalars['String']['output']>;
  /** Applied promotion codes, upper-case, in the order they were applied. */
  appliedCodes: Array<Scalars['String']['output']>;
  /** When the cart was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The currency of its lines: set by the first line put into an empty cart; USD for a cart that never had one. */
  currencyCode: CurrencyCode;
  /** Every discount, shipping discounts included. */
  discountTotal: Money;
  /** What the promotions take off: one entry per cart-level discount, one per line for item-level ones. */
  discounts: Array<CartDiscount>;
  /** When the cart expires unless it is touched again. */
  expiresAt: Scalars['DateTime']['output'];
  /** The cart's id. */
  id: Scalars['ID']['output'];
  /** Units across all lines. */
  itemCount: Scalars['Int']['output'];
  /** Its lines (at most 100), in the order they were first added, those left out of the totals included. */
  lines: Array<CartLine>;
  /** Shipping for the default method (STANDARD) to the default destination, before shipping discounts. */
  shippingEstimate: Money;
  /** Where the cart is in its lifecycle; only an ACTIVE cart takes changes. */
  status: CartStatus;
  /** Sum of the line totals of the lines whose variant is for sale in the cart's currency (lines with an UNAVAILABLE warning, and every line while the catalog does not answer, are left out). */
  subtotal: Money;
  /** Tax at the default destination's rate (basis points in the rate tables) on the subtotal less its discounts, plus the shipping less its discount where the destination taxes shipping; rounded half up to the minor unit. */
  taxEstimate: Money;
  /** subtotal - discountTotal + shippingEstimate + taxEstimate */
  total: Money;
  /** When the cart was last written: a change to its lines or codes, createCart returning it, or its expiry. */
  updatedAt: Scalars['DateTime']['output'];
  /** Staff (support and admin): every change to this cart and of its lines, newest first (SPEC §3 audit). Null with FORBIDDEN for anyone else. */
  versions: Maybe<EntityVersionConnection>;
  /** Things the shopper should know before checking out: stock, price changes, unavailable variants, codes that no longer apply. */
  warnings: Array<CartWarning>;
};


/**
 * A person's shopping cart, priced afresh from the catalog and the promotions on every read. Its
 * owner, support and admin may read it; only its owner changes it, and only while it is ACTIVE.
 */
export type CartVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** Service only: a cart as its checkout sees it, with its quote. The quote fields are worked out only when asked for. */
export type CartCheckout = {
  __typename?: 'CartCheckout';
  /** The affiliate partner's code the cart was created with, upper-case; null when none. */
  affiliateCode: Maybe<Scalars['String']['output']>;
  /** The cart's id; after reopenCart merged the cart into the person's newer ACTIVE cart, that cart's. */
  cartId: Scalars['ID']['output'];
  /** The checkout (order id) holding the cart, or the one it was checked out by; null for an ACTIVE cart. */
  checkoutId: Maybe<Scalars['ID']['output']>;
  /** The currency of every amount here. */
  currencyCode: CurrencyCode;
  /** Every discount, the shipping discount included: the sum of discounts' amounts. */
  discountTotal: Scalars['SafeInt']['output'];
  /** What each promotion takes off, one entry per promotion, in the order they apply (free shipping included). */
  discounts: Array<CartCheckoutDiscount>;
  /** The priced lines, in the order they were first added. beginCartCheckout prices every line or refuses; the other calls price the cart as its estimate, and leave out lines that cannot be priced, as the cart's totals do. */
  lines: Array<CartCheckoutLine>;
  /** The cart's owner. */
  personId: Scalars['ID']['output'];
  /** Shipping for the method and destination (beginCartCheckout's; STANDARD to the default destination otherwise), before the shipping discount. */
  shipping: Scalars['SafeInt']['output'];
  /** Where the cart is in its lifecycle after the call. */
  status: CartStatus;
  /** Sum of the lines' lineTotal. */
  subtotal: Scalars['SafeInt']['output'];
  /** Tax for the destination, rounded half up to the minor unit. */
  tax: Scalars['SafeInt']['output'];
  /** subtotal - discountTotal + shipping + tax: what the order charges. */
  total: Scalars['SafeInt']['output'];
};

/** Service only: what one promotion takes off a cart being checked out (the amount a redemption records). */
export type CartCheckoutDiscount = {
  __typename?: 'CartCheckoutDiscount';
  /** What it takes off, minor units, more than zero; for free shipping, the shipping it takes off. */
  amount: Scalars['SafeInt']['output'];
  /** The code that unlocked it; null for an automatic promotion. */
  code: Maybe<Scalars['String']['output']>;
  /** The promotion's name. */
  name: Scalars['String']['output'];
  /** The promotion. */
  promotionId: Scalars['ID']['output'];
};

/** Service only: one line of a cart being checked out, with what the order's snapshot keeps of it. */
export type CartCheckoutLine = {
  __typename?: 'CartCheckoutLine';
  /** This line's share of the merchandise discounts (free shipping aside), at most lineTotal. */
  discount: Scalars['SafeInt']['output'];
  /** The cart line. */
  lineId: Scalars['ID']['output'];
  /** unitPrice × quantity, before discounts. */
  lineTotal: Scalars['SafeInt']['output'];
  /** The variant's product. */
  productId: Scalars['ID']['output'];
  /** The product's name. */
  productName: Scalars['String']['output'];
  /** Units, 1..999. */
  quantity: Scalars['Int']['output'];
  /** The variant's SKU. */
  sku: Scalars['String']['output'];
  /** The catalog's price now, minor units. */
  unitPrice: Scalars['SafeInt']['output'];
  /** The catalog variant. */
  variantId: Scalars['ID']['output'];
  /** The variant's title. */
  variantTitle: Scalars['String']['output'];
};

/** Service only: what a checkout call on a cart answers. */
export type CartCheckoutPayload = {
  __typename?: 'CartCheckoutPayload';
  /** The cart after the call; null when it was refused. */
  checkout: Maybe<CartCheckout>;
  /** Why the call was refused; empty when it succeeded. */
  userErrors: Array<CartUserError>;
};

/** Service only: where a cart ships, for its shipping and tax. */
export type CartDestinationInput = {
  /** ISO 3166-1 alpha-2 country code, e.g. US (case-insensitive). */
  country: Scalars['String']['input'];
  /** The region (state, province) for its tax rate, e.g. CA; null for the country's rate. */
  region?: InputMaybe<Scalars['String']['input']>;
};

/** A discount a promotion gives the cart as it is now. */
export type CartDiscount = {
  __typename?: 'CartDiscount';
  /** What it takes off, more than zero: for an item-level discount, off its line. */
  amount: Money;
  /** The code that unlocked it; null for automatic promotions. */
  code: Maybe<Scalars['String']['output']>;
  /** Whether it applies to the cart or to one line. */
  level: DiscountLevel;
  /** The line an item-level discount applies to. */
  lineId: Maybe<Scalars['ID']['output']>;
  /** The promotion's name, for display. */
  name: Scalars['String']['output'];
  /** The promotion giving it. */
  promotionId: Scalars['ID']['output'];
};

/** Why a cart mutation was refused. */
export type CartErrorCode =
  /** The cart has no lines to check out. */
  | 'CART_EMPTY'
  /** The cart is expired, checked out or being checked out: it takes no changes. */
  | 'CART_NOT_ACTIVE'
  /** No cart of yours has this id. */
  | 'CART_NOT_FOUND'
  /** The variant is priced in another currency than the cart's lines. */
  | 'CURRENCY_MISMATCH'
  /** The shop does not sell in the variant's currency. */
  | 'CURRENCY_NOT_SUPPORTED'
  /** The cart's lifecycle refused the change (e.g. checking out a cart that is not ACTIVE). */
  | 'ILLEGAL_TRANSITION'
  /** A malformed value, e.g. a promotion code of several words. */
  | 'INVALID_INPUT'
  /** The cart has no line with this id. */
  | 'LINE_NOT_FOUND'
  /** The cart's subtotal is below the promotion's minimum. */
  | 'MIN_SUBTOTAL_NOT_MET'
  /** Nothing in the cart qualifies for the promotion. */
  | 'NOT_APPLICABLE'
  /** Another promotion worth more applies, and the two do not combine. */
  | 'NOT_COMBINABLE'
  /** The quote's total differs from the expected total. */
  | 'PRICE_CHANGED'
  /** The promotion has ended. */
  | 'PROMOTION_EXPIRED'
  /** No active promotion has this code. */
  | 'PROMOTION_NOT_FOUND'
  /** The promotion has not started. */
  | 'PROMOTION_NOT_YET_VALID'
  /** A quantity outside 1..999, or a line that would pass 999. */
  | 'QUANTITY_OUT_OF_RANGE'
  /** Too many attempts from this client address or person; the message says in how many seconds to try again. */
  | 'RATE_LIMITED'
  /** The rate tables offer no such shipping method in the cart's currency, or not to the destination. */
  | 'SHIPPING_METHOD_UNAVAILABLE'
  /** A text longer than its field allows. */
  | 'TOO_LONG'
  /** The cart already holds the most lines it may (100). */
  | 'TOO_MANY_LINES'
  /** The promotion's total or per-person limit is used up. */
  | 'USAGE_LIMIT_REACHED'
  /** No variant has this id. */
  | 'VARIANT_NOT_FOUND'
  /** The variant or its product is not for sale. */
  | 'VARIANT_UNAVAILABLE';

/** A variant in a cart and how many of it. */
export type CartLine = {
  __typename?: 'CartLine';
  /** This line's share of the discounts: item-level ones on it and its part of cart-level ones (free shipping aside); at most lineTotal. */
  discountTotal: Money;
  /** The line's id (for updateCartLine and removeCartLine). */
  id: Scalars['ID']['output'];
  /** unitPrice × quantity, before discounts. */
  lineTotal: Money;
  /** Units, 1..999. */
  quantity: Scalars['Int']['output'];
  /** The catalog's current price; the price last seen when the catalog does not answer or no longer prices the variant in the cart's currency. */
  unitPrice: Money;
  /** The catalog's variant; null, with an error, when the catalog cannot be reached, so that the rest of the cart still shows. */
  variant: Maybe<ProductVariant>;
};

/** A variant and how many of it. */
export type CartLineInput = {
  /** 1..999 */
  quantity: Scalars['Int']['input'];
  /** The catalog variant; it must be for sale, priced in a currency the shop sells in, and all lines in one currency (the cart's, once it has lines). */
  variantId: Scalars['ID']['input'];
};

/** A line of the cart and its new quantity. */
export type CartLineUpdateInput = {
  /** The line (CartLine.id). */
  lineId: Scalars['ID']['input'];
  /** 1..999 */
  quantity: Scalars['Int']['input'];
};

/** What a cart mutation answers. */
export type CartPayload = {
  __typename?: 'CartPayload';
  /** The cart after the change; when the change was refused, the cart as it now is if the caller may read it (null for a refused createCart). */
  cart: Maybe<Cart>;
  /** Why the change was refused; empty when it was made. */
  userErrors: Array<CartUserError>;
};

/** Where a cart is in its lifecycle. */
export type CartStatus =
  /** The shopper's cart: it takes changes until it expires. */
  | 'ACTIVE'
  /** It became an order; it takes no more changes. */
  | 'CHECKED_OUT'
  /** A checkout is turning it into an order: it takes no changes; a failed checkout hands it back (ACTIVE). */
  | 'CHECKING_OUT'
  /** No activity for CART_TTL_DAYS (30 by default): archived, it takes no more changes, and createCart starts a new cart. */
  | 'EXPIRED';

/** A cart mutation's refusal. */
export type CartUserError = UserError & {
  __typename?: 'CartUserError';
  /** Why, as a stable code to act on. */
  code: CartErrorCode;
  /** Path to the argument or input field at fault, if any, e.g. ["lines", "2", "quantity"]. */
  field: Maybe<Array<Scalars['String']['output']>>;
  /** What went wrong, for people. */
  message: Scalars['String']['output'];
};

/** Something the shopper should know about the cart before checking out. */
export type CartWarning = {
  __typename?: 'CartWarning';
  /** Units available, for OUT_OF_STOCK and INSUFFICIENT_STOCK. */
  available: Maybe<Scalars['Int']['output']>;
  /** What kind of warning, as a stable code. */
  code: CartWarningCode;
  /** The line concerned; null for warnings about the whole cart (codes, unavailable services). */
  lineId: Maybe<Scalars['ID']['output']>;
  /** The warning, for people. */
  message: Scalars['String']['output'];
  /** The price the shopper saw when adding the line, for PRICE_CHANGED. */
  previousUnitPrice: Maybe<Money>;
  /** The code concerned, for PROMOTION_NOT_APPLIED. */
  promotionCode: Maybe<Scalars['String']['output']>;
};

/** Kinds of cart warning. */
export type CartWarningCode =
  /** The catalog did not answer: the lines show the prices last seen and are not in the totals for now. */
  | 'CATALOG_UNAVAILABLE'
  /** Fewer units are available than the line holds (see available); the line stays in the totals. */
  | 'INSUFFICIENT_STOCK'
  /** None of the line's variant is available now (see available); the line stays in the totals. */
  | 'OUT_OF_STOCK'
  /** The variant's price changed since the line was last added to (see previousUnitPrice); the totals use the current price. */
  | 'PRICE_CHANGED'
  /** The promotion service did not answer: the totals show no discounts for now. */
  | 'PROMOTIONS_UNAVAILABLE'
  /** An applied code does not apply to the cart as it is now (see the message); it gives no discount. */
  | 'PROMOTION_NOT_APPLIED'
  /** The variant is no longer for sale; the line is left out of the totals. */
  | 'UNAVAILABLE';

/** What a cart starts with. */
export type CreateCartInput = {
  /** The affiliate partner's code the shopper arrived with. */
  affiliateCode?: InputMaybe<Scalars['String']['input']>;
  /** Lines to start the cart with (or to add to the ACTIVE cart the caller already has), as addCartLines takes them. */
  lines?: InputMaybe<Array<CartLineInput>>;
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
  /** Adds a catalog variant; adding a variant already in the cart increases that line's quantity. */
  addCartLine: CartPayload;
  /** Adds several variants at once, all or none: refusals point at lines.<i>. A variant already in the cart, or given twice, adds to one line. */
  addCartLines: CartPayload;
  /**
   * Applies a promotion code (case-insensitive) if it applies to the cart now; otherwise a userError
   * says why. Codes that fail to apply are rate-limited per person and per client address (code
   * guessing): beyond the limit the answer is RATE_LIMITED, whose message says when to try again.
   */
  applyPromotionCode: CartPayload;
  /** Service only: locks the person's ACTIVE cart for a checkout (CHECKING_OUT) and answers its quote, priced by the same quoteCart as the cart's estimate. A refusal leaves the cart as it was. Repeating it with the same checkoutId answers the quote again, priced afresh. */
  beginCartCheckout: CartCheckoutPayload;
  /** Service only: the checkout's order was paid; the cart it holds becomes CHECKED_OUT. Repeating it answers the cart unchanged. */
  completeCartCheckout: CartCheckoutPayload;
  /** Returns the caller's ACTIVE cart, or creates one. An affiliate code is kept on a cart that has none. */
  createCart: CartPayload;
  /** Removes a line. */
  removeCartLine: CartPayload;
  /** Removes several lines at once, all or none. */
  removeCartLines: CartPayload;
  /** Removes an applied promotion code. */
  removePromotionCode: CartPayload;
  /** Service only: the checkout failed or was cancelled; the cart it holds is ACTIVE again (or, when the person has started a newer ACTIVE cart meanwhile, merged into that one, which the answer then carries). Repeating it answers unchanged. */
  reopenCart: CartCheckoutPayload;
  /** Sets a line's quantity (1..999). */
  updateCartLine: CartPayload;
  /** Sets several lines' quantities (1..999 each) at once, all or none. */
  updateCartLines: CartPayload;
};


export type MutationAddCartLineArgs = {
  cartId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
  variantId: Scalars['ID']['input'];
};


export type MutationAddCartLinesArgs = {
  cartId: Scalars['ID']['input'];
  lines: Array<CartLineInput>;
};


export type MutationApplyPromotionCodeArgs = {
  cartId: Scalars['ID']['input'];
  code: Scalars['String']['input'];
};


export type MutationBeginCartCheckoutArgs = {
  input: BeginCartCheckoutInput;
};


export type MutationCompleteCartCheckoutArgs = {
  cartId: Scalars['ID']['input'];
  checkoutId: Scalars['ID']['input'];
};


export type MutationCreateCartArgs = {
  input?: InputMaybe<CreateCartInput>;
};


export type MutationRemoveCartLineArgs = {
  cartId: Scalars['ID']['input'];
  lineId: Scalars['ID']['input'];
};


export type MutationRemoveCartLinesArgs = {
  cartId: Scalars['ID']['input'];
  lineIds: Array<Scalars['ID']['input']>;
};


export type MutationRemovePromotionCodeArgs = {
  cartId: Scalars['ID']['input'];
  code: Scalars['String']['input'];
};


export type MutationReopenCartArgs = {
  cartId: Scalars['ID']['input'];
  checkoutId: Scalars['ID']['input'];
};


export type MutationUpdateCartLineArgs = {
  cartId: Scalars['ID']['input'];
  lineId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};


export type MutationUpdateCartLinesArgs = {
  cartId: Scalars['ID']['input'];
  lines: Array<CartLineUpdateInput>;
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

export type ProductVariant = {
  __typename?: 'ProductVariant';
  /** The variant's id. */
  id: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** A cart by id: its owner, support and admin may read it. */
  cart: Maybe<Cart>;
  /** The caller's ACTIVE cart, if any. */
  myCart: Maybe<Cart>;
};


export type QueryCartArgs = {
  id: Scalars['ID']['input'];
};

/** How an order ships. */
export type ShippingMethod =
  /** The fastest service. */
  | 'EXPRESS'
  /** The standard service. */
  | 'STANDARD';

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
  Cart: Cart;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Cart:
    ( { __typename: 'Cart' }
    & GraphQLRecursivePick<FederationTypes['Cart'], {"id":true}> );
}>;


/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  UserError: ( CartUserError );
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Address: ResolverTypeWrapper<Address>;
  AddressInput: AddressInput;
  BeginCartCheckoutInput: BeginCartCheckoutInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Cart: ResolverTypeWrapper<CartRow>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CartCheckout: ResolverTypeWrapper<CheckoutView>;
  CartCheckoutDiscount: ResolverTypeWrapper<CartCheckoutDiscount>;
  CartCheckoutLine: ResolverTypeWrapper<CartCheckoutLine>;
  CartCheckoutPayload: ResolverTypeWrapper<Omit<CartCheckoutPayload, 'checkout'> & { checkout?: Maybe<ResolversTypes['CartCheckout']> }>;
  CartDestinationInput: CartDestinationInput;
  CartDiscount: ResolverTypeWrapper<Omit<CartDiscount, 'amount'> & { amount: ResolversTypes['Money'] }>;
  CartErrorCode: CartErrorCode;
  CartLine: ResolverTypeWrapper<CartLineView>;
  CartLineInput: CartLineInput;
  CartLineUpdateInput: CartLineUpdateInput;
  CartPayload: ResolverTypeWrapper<Omit<CartPayload, 'cart'> & { cart?: Maybe<ResolversTypes['Cart']> }>;
  CartStatus: CartStatus;
  CartUserError: ResolverTypeWrapper<CartUserError>;
  CartWarning: ResolverTypeWrapper<CartWarningView>;
  CartWarningCode: CartWarningCode;
  CountryCode: ResolverTypeWrapper<Scalars['CountryCode']['output']>;
  CreateCartInput: CreateCartInput;
  CurrencyCode: CurrencyCode;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DiscountLevel: DiscountLevel;
  EntityVersion: ResolverTypeWrapper<EntityVersion>;
  EntityVersionConnection: ResolverTypeWrapper<EntityVersionConnection>;
  EntityVersionEdge: ResolverTypeWrapper<EntityVersionEdge>;
  FieldChange: ResolverTypeWrapper<FieldChange>;
  Money: ResolverTypeWrapper<MoneyValue>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ProductVariant: ResolverTypeWrapper<ProductVariant>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  ShippingMethod: ShippingMethod;
  URL: ResolverTypeWrapper<Scalars['URL']['output']>;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
  VersionOperation: VersionOperation;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Address: Address;
  AddressInput: AddressInput;
  BeginCartCheckoutInput: BeginCartCheckoutInput;
  ID: Scalars['ID']['output'];
  Cart: CartRow;
  Int: Scalars['Int']['output'];
  CartCheckout: CheckoutView;
  CartCheckoutDiscount: CartCheckoutDiscount;
  CartCheckoutLine: CartCheckoutLine;
  CartCheckoutPayload: Omit<CartCheckoutPayload, 'checkout'> & { checkout?: Maybe<ResolversParentTypes['CartCheckout']> };
  CartDestinationInput: CartDestinationInput;
  CartDiscount: Omit<CartDiscount, 'amount'> & { amount: ResolversParentTypes['Money'] };
  CartLine: CartLineView;
  CartLineInput: CartLineInput;
  CartLineUpdateInput: CartLineUpdateInput;
  CartPayload: Omit<CartPayload, 'cart'> & { cart?: Maybe<ResolversParentTypes['Cart']> };
  CartUserError: CartUserError;
  CartWarning: CartWarningView;
  CountryCode: Scalars['CountryCode']['output'];
  CreateCartInput: CreateCartInput;
  DateTime: Scalars['DateTime']['output'];
  EntityVersion: EntityVersion;
  EntityVersionConnection: EntityVersionConnection;
  EntityVersionEdge: EntityVersionEdge;
  FieldChange: FieldChange;
  Money: MoneyValue;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  ProductVariant: ProductVariant;
  Query: Record<PropertyKey, never>;
  SafeInt: Scalars['SafeInt']['output'];
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

export type CartResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Cart'] = ResolversParentTypes['Cart'], FederationReferenceType extends FederationReferenceTypes['Cart'] = FederationReferenceTypes['Cart']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Cart']> | FederationReferenceType, FederationReferenceType, ContextType>;
  affiliateCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  appliedCodes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
  discountTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  discounts?: Resolver<Array<ResolversTypes['CartDiscount']>, ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  itemCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['CartLine']>, ParentType, ContextType>;
  shippingEstimate?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CartStatus'], ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  taxEstimate?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  versions?: Resolver<Maybe<ResolversTypes['EntityVersionConnection']>, ParentType, ContextType, Partial<CartVersionsArgs>>;
  warnings?: Resolver<Array<ResolversTypes['CartWarning']>, ParentType, ContextType>;
}>;

export type CartCheckoutResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CartCheckout'] = ResolversParentTypes['CartCheckout']> = ResolversObject<{
  affiliateCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cartId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  checkoutId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
  discountTotal?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  discounts?: Resolver<Array<ResolversTypes['CartCheckoutDiscount']>, ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['CartCheckoutLine']>, ParentType, ContextType>;
  personId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  shipping?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CartStatus'], ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  tax?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
}>;

export type CartCheckoutDiscountResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CartCheckoutDiscount'] = ResolversParentTypes['CartCheckoutDiscount']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  promotionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type CartCheckoutLineResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CartCheckoutLine'] = ResolversParentTypes['CartCheckoutLine']> = ResolversObject<{
  discount?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  lineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lineTotal?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  productId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  productName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  variantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  variantTitle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CartCheckoutPayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CartCheckoutPayload'] = ResolversParentTypes['CartCheckoutPayload']> = ResolversObject<{
  checkout?: Resolver<Maybe<ResolversTypes['CartCheckout']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['CartUserError']>, ParentType, ContextType>;
}>;

export type CartDiscountResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CartDiscount'] = ResolversParentTypes['CartDiscount']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  level?: Resolver<ResolversTypes['DiscountLevel'], ParentType, ContextType>;
  lineId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  promotionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type CartLineResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CartLine'] = ResolversParentTypes['CartLine']> = ResolversObject<{
  discountTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lineTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['ProductVariant']>, ParentType, ContextType>;
}>;

export type CartPayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CartPayload'] = ResolversParentTypes['CartPayload']> = ResolversObject<{
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['CartUserError']>, ParentType, ContextType>;
}>;

export type CartUserErrorResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CartUserError'] = ResolversParentTypes['CartUserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['CartErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CartWarningResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CartWarning'] = ResolversParentTypes['CartWarning']> = ResolversObject<{
  available?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['CartWarningCode'], ParentType, ContextType>;
  lineId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  previousUnitPrice?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  promotionCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export interface CountryCodeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['CountryCode'], any> {
  name: 'CountryCode';
}

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
  addCartLine?: Resolver<ResolversTypes['CartPayload'], ParentType, ContextType, RequireFields<MutationAddCartLineArgs, 'cartId' | 'quantity' | 'variantId'>>;
  addCartLines?: Resolver<ResolversTypes['CartPayload'], ParentType, ContextType, RequireFields<MutationAddCartLinesArgs, 'cartId' | 'lines'>>;
  applyPromotionCode?: Resolver<ResolversTypes['CartPayload'], ParentType, ContextType, RequireFields<MutationApplyPromotionCodeArgs, 'cartId' | 'code'>>;
  beginCartCheckout?: Resolver<ResolversTypes['CartCheckoutPayload'], ParentType, ContextType, RequireFields<MutationBeginCartCheckoutArgs, 'input'>>;
  completeCartCheckout?: Resolver<ResolversTypes['CartCheckoutPayload'], ParentType, ContextType, RequireFields<MutationCompleteCartCheckoutArgs, 'cartId' | 'checkoutId'>>;
  createCart?: Resolver<ResolversTypes['CartPayload'], ParentType, ContextType, Partial<MutationCreateCartArgs>>;
  removeCartLine?: Resolver<ResolversTypes['CartPayload'], ParentType, ContextType, RequireFields<MutationRemoveCartLineArgs, 'cartId' | 'lineId'>>;
  removeCartLines?: Resolver<ResolversTypes['CartPayload'], ParentType, ContextType, RequireFields<MutationRemoveCartLinesArgs, 'cartId' | 'lineIds'>>;
  removePromotionCode?: Resolver<ResolversTypes['CartPayload'], ParentType, ContextType, RequireFields<MutationRemovePromotionCodeArgs, 'cartId' | 'code'>>;
  reopenCart?: Resolver<ResolversTypes['CartCheckoutPayload'], ParentType, ContextType, RequireFields<MutationReopenCartArgs, 'cartId' | 'checkoutId'>>;
  updateCartLine?: Resolver<ResolversTypes['CartPayload'], ParentType, ContextType, RequireFields<MutationUpdateCartLineArgs, 'cartId' | 'lineId' | 'quantity'>>;
  updateCartLines?: Resolver<ResolversTypes['CartPayload'], ParentType, ContextType, RequireFields<MutationUpdateCartLinesArgs, 'cartId' | 'lines'>>;
}>;

export type PageInfoResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ProductVariantResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ProductVariant'] = ResolversParentTypes['ProductVariant']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType, RequireFields<QueryCartArgs, 'id'>>;
  myCart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
}>;

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export interface UrlScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['URL'], any> {
  name: 'URL';
}

export type UserErrorResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  __resolveType: TypeResolveFn<'CartUserError', ParentType, ContextType>;
}>;

export type Resolvers<ContextType = RequestContext> = ResolversObject<{
  Address?: AddressResolvers<ContextType>;
  Cart?: CartResolvers<ContextType>;
  CartCheckout?: CartCheckoutResolvers<ContextType>;
  CartCheckoutDiscount?: CartCheckoutDiscountResolvers<ContextType>;
  CartCheckoutLine?: CartCheckoutLineResolvers<ContextType>;
  CartCheckoutPayload?: CartCheckoutPayloadResolvers<ContextType>;
  CartDiscount?: CartDiscountResolvers<ContextType>;
  CartLine?: CartLineResolvers<ContextType>;
  CartPayload?: CartPayloadResolvers<ContextType>;
  CartUserError?: CartUserErrorResolvers<ContextType>;
  CartWarning?: CartWarningResolvers<ContextType>;
  CountryCode?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  EntityVersion?: EntityVersionResolvers<ContextType>;
  EntityVersionConnection?: EntityVersionConnectionResolvers<ContextType>;
  EntityVersionEdge?: EntityVersionEdgeResolvers<ContextType>;
  FieldChange?: FieldChangeResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  URL?: GraphQLScalarType;
  UserError?: UserErrorResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = RequestContext> = ResolversObject<{
  globalId?: GlobalIdDirectiveResolver<any, any, ContextType>;
}>;
