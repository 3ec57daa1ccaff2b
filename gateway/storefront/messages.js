// What the shopper reads when something is refused: the API's stable error codes (CartErrorCode,
// OrderErrorCode, PromotionErrorCode in schema/api.graphql) and Stripe's card errors, in plain
// words. A code without words here falls back to the API's own message.

const USER_ERRORS = {
  // Carts
  CART_NOT_FOUND: 'We could not find your cart. Please reload the page.',
  CART_NOT_ACTIVE: 'Your cart cannot be changed right now: it is being checked out or has expired. Please reload the page in a moment.',
  ILLEGAL_TRANSITION: 'That cannot be done at this stage.',
  LINE_NOT_FOUND: 'That item is no longer in your cart.',
  VARIANT_NOT_FOUND: 'That product no longer exists.',
  VARIANT_UNAVAILABLE: 'Sorry, that item is no longer for sale.',
  QUANTITY_OUT_OF_RANGE: 'Please choose a quantity from 1 to 999.',
  TOO_MANY_LINES: 'Your cart is full: it holds at most 100 different items.',
  CURRENCY_MISMATCH: 'That item is priced in another currency than the rest of your cart.',
  CURRENCY_NOT_SUPPORTED: 'Sorry, we do not sell in that item’s currency.',
  INVALID_INPUT: 'Please check what you entered.',
  TOO_LONG: 'That is too long. Please shorten it.',
  // Promotion codes
  PROMOTION_NOT_FOUND: 'We don’t recognise that promotion code. Please check the spelling.',
  PROMOTION_EXPIRED: 'Sorry, that promotion has ended.',
  PROMOTION_NOT_YET_VALID: 'That promotion has not started yet.',
  MIN_SUBTOTAL_NOT_MET: 'Your cart does not reach the minimum spend for that code yet.',
  USAGE_LIMIT_REACHED: 'Sorry, that code has been used as often as it may be.',
  NOT_APPLICABLE: 'That code does not apply to anything in your cart.',
  NOT_COMBINABLE: 'That code cannot be combined with a better offer already in your cart.',
  // Checkout and orders
  CART_EMPTY: 'Your cart is empty.',
  OUT_OF_STOCK: 'Sorry, we do not have enough of an item in stock. Please lower its quantity or remove it.',
  INVALID_ADDRESS: 'Please check the address.',
  SHIPPING_METHOD_UNAVAILABLE: 'We cannot ship that way to this address. Please choose another shipping method.',
  PRICE_CHANGED: 'Prices changed since you looked. Please review your cart.',
  IDEMPOTENCY_KEY_REUSED: 'Your details changed while the order was being placed. Please place the order again.',
  ORDER_NOT_FOUND: 'We could not find that order.',
  // Rate limits (checkout attempts, promotion codes that did not apply) count over one minute.
  RATE_LIMITED: 'You have tried that too many times in a short while. Please wait up to a minute, then try again.',
};

/** Words for one userError `{ field, message, code }`. */
export function userErrorText(error) {
  return USER_ERRORS[error.code] ?? error.message;
}

/** Words for an ApiError (api.js), a refusal already in words (kind 'refused'), or anything else thrown while talking to the shop. */
export function failureText(error) {
  switch (error?.kind) {
    case 'network':
      return 'We could not reach the shop. Please check your connection and try again.';
    case 'unauthenticated':
      return 'Your session has ended. Please sign in again.';
    case 'input':
      return 'The shop could not read that request. Please check what you entered.';
    case 'refused':
      return error.message;
    default:
      return 'Something went wrong on our side. Please try again in a moment.';
  }
}

const DECLINES = {
  insufficient_funds: 'Your card was declined: it has insufficient funds. Please use another card.',
  lost_card: 'Your card was declined. Please use another card.',
  stolen_card: 'Your card was declined. Please use another card.',
  expired_card: 'Your card has expired. Please use another card.',
  incorrect_cvc: 'Your card’s security code is incorrect.',
  incorrect_number: 'Your card number is incorrect.',
  processing_error: 'We could not process your card. Please try again.',
  card_declined: 'Your card was declined. Please use another card.',
};

/** Words for a Stripe error object (`{ type, code, decline_code, message }`), as Stripe answers a confirmation. */
export function paymentErrorText(error) {
  const known = DECLINES[error?.decline_code] ?? DECLINES[error?.code];
  if (known) return known;
  // Stripe words card errors for the cardholder; other errors are for developers.
  return error?.type === 'card_error' && error.message ? error.message : 'We could not take the payment. Please try again.';
}
