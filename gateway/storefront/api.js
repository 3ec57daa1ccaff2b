// The storefront's only way to the shop: the public GraphQL API (schema/api.graphql) over HTTP,
// and the operations it sends. Business refusals come back in each payload's userErrors and are
// the caller's to show; this file turns transport and GraphQL errors into an ApiError.

export class ApiError extends Error {
  /** kind: 'network' (no answer), 'unauthenticated' (the token is gone or expired), 'input' (the API refused the request), 'server'. */
  constructor(kind, message) {
    super(message ?? kind);
    this.kind = kind;
  }
}

/** `request(query, variables)` → data, with the session's token; fields that failed on their own (path set) answer null. */
export function createApi(graphqlPath, token) {
  return async function request(query, variables = {}) {
    let res;
    try {
      const bearer = token();
      res = await fetch(graphqlPath, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new ApiError('network');
    }
    const body = await res.json().catch(() => null);
    if (!body) throw new ApiError('server', `HTTP ${res.status}`);
    const errors = body.errors ?? [];
    const code = errors[0]?.extensions?.code;
    if (code === 'UNAUTHENTICATED' || res.status === 401) throw new ApiError('unauthenticated', errors[0]?.message);
    // A cart line whose variant the catalog could not answer is null with an error; the rest still shows.
    if (body.data && errors.every((e) => Array.isArray(e.path))) return body.data;
    throw new ApiError(code === 'BAD_USER_INPUT' ? 'input' : 'server', errors[0]?.message);
  };
}

const USER_ERRORS = 'userErrors { field message code }';

export const SEARCH = `query Search($filter: ProductFilter, $first: Int) {
  products(first: $first, filter: $filter) {
    totalCount
    edges { node { id name brand priceRange { min { formatted } max { formatted } } images { url altText } } }
    facets {
      categories { category { id name } count }
      options { name values { value count } }
    }
  }
}`;

export const PRODUCT = `query Product($id: ID!) {
  product(id: $id) {
    id name brand description
    images { url altText }
    options { name values }
    variants {
      id title sku availableForSale quantityAvailable
      options { name value }
      price { amount formatted }
      compareAtPrice { formatted }
    }
  }
}`;

const CART = `id status itemCount appliedCodes
  lines {
    id quantity
    variant { id title options { value } product { id name } }
    unitPrice { formatted } lineTotal { formatted } discountTotal { amount formatted }
  }
  discounts { name code amount { formatted } }
  subtotal { formatted } discountTotal { amount formatted } shippingEstimate { formatted } taxEstimate { formatted } total { amount formatted }
  warnings { code message lineId }`;

const CART_PAYLOAD = `{ cart { ${CART} } ${USER_ERRORS} }`;

export const MY_CART = `query MyCart { myCart { ${CART} } }`;
export const CREATE_CART = `mutation CreateCart { createCart ${CART_PAYLOAD} }`;
export const ADD_CART_LINE = `mutation AddCartLine($cartId: ID!, $variantId: ID!, $quantity: Int!) { addCartLine(cartId: $cartId, variantId: $variantId, quantity: $quantity) ${CART_PAYLOAD} }`;
export const UPDATE_CART_LINE = `mutation UpdateCartLine($cartId: ID!, $lineId: ID!, $quantity: Int!) { updateCartLine(cartId: $cartId, lineId: $lineId, quantity: $quantity) ${CART_PAYLOAD} }`;
export const REMOVE_CART_LINE = `mutation RemoveCartLine($cartId: ID!, $lineId: ID!) { removeCartLine(cartId: $cartId, lineId: $lineId) ${CART_PAYLOAD} }`;
export const APPLY_PROMOTION_CODE = `mutation ApplyPromotionCode($cartId: ID!, $code: String!) { applyPromotionCode(cartId: $cartId, code: $code) ${CART_PAYLOAD} }`;
export const REMOVE_PROMOTION_CODE = `mutation RemovePromotionCode($cartId: ID!, $code: String!) { removePromotionCode(cartId: $cartId, code: $code) ${CART_PAYLOAD} }`;

/** What the order page shows; the live subscription selects the same. */
const ORDER = `id number status createdAt shippingMethod
  lines { id sku productName variantTitle quantity unitPrice { formatted } lineTotal { formatted } discountTotal { amount formatted } }
  discounts { name code amount { formatted } }
  subtotal { formatted } discountTotal { amount formatted } shippingTotal { formatted } taxTotal { formatted } total { amount formatted }
  shippingAddress { name line1 line2 city state postalCode country }
  shipping { provider method trackingNumber status }
  history { from to reason at }`;

export const CHECKOUT = `mutation Checkout($input: CheckoutInput!) { checkout(input: $input) { order { id } paymentClientSecret ${USER_ERRORS} } }`;
export const ORDER_PAGE = `query OrderPage($id: ID!) { order(id: $id) { ${ORDER} } }`;
export const MY_ORDERS = `query MyOrders { myOrders(first: 20) { edges { node { id number status createdAt total { formatted } } } } }`;
export const ORDER_STATUS_CHANGED = `subscription OrderStatusChanged($orderId: ID!) {
  orderStatusChanged(orderId: $orderId) { status previousStatus occurredAt snapshot order { ${ORDER} } }
}`;
