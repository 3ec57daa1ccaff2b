// The order context's calls to the other contexts during checkout, each a service-only operation
// asked with a service token (lib/subgraph-client.ts). Ids cross the wire as global ids; the
// order context works with raw ones. A refusal comes back as userErrors; an outage throws.
import { globalId, rawIdFrom } from '../../../lib/global-id.js';
import type { UserError } from '../../../lib/errors.js';
import type { SubgraphCall } from '../../../lib/subgraph-client.js';

/** The cart's quote for checkout, as the cart's own pricing computed it (minor units). */
export interface CartQuote {
  cartId: string;
  personId: string;
  currencyCode: string;
  affiliateCode: string | null;
  lines: QuoteLine[];
  discounts: QuoteDiscount[];
  subtotal: number;
  discountTotal: number;
  shipping: number;
  tax: number;
  total: number;
}

export interface QuoteLine {
  lineId: string;
  variantId: string;
  productId: string;
  sku: string;
  productName: string;
  variantTitle: string;
  unitPrice: number;
  quantity: number;
  discount: number;
  lineTotal: number;
}

export interface QuoteDiscount {
  promotionId: string;
  name: string;
  code: string | null;
  amount: number;
}

/** A peer's answer: what it did, or why it refused. */
export type Answer<T> = { ok: true; value: T } | { ok: false; userErrors: UserError[] };

export interface BeginCheckout {
  cartId: string;
  personId: string;
  checkoutId: string;
  shippingMethod: string;
  destination: { country: string; region: string | null };
  expectedTotal: number | null;
}

export interface CheckoutPeers {
  beginCartCheckout(input: BeginCheckout): Promise<Answer<CartQuote>>;
  completeCartCheckout(cartId: string, checkoutId: string): Promise<Answer<unknown>>;
  reopenCart(cartId: string, checkoutId: string): Promise<Answer<unknown>>;
  reserveRedemptions(orderId: string, personId: string, redemptions: { promotionId: string; amount: number }[]): Promise<Answer<unknown>>;
  releaseRedemptions(orderId: string): Promise<Answer<unknown>>;
  /** A repeat for the same owner answers the reservation the first call made, in whatever status it now has. */
  reserveInventory(ownerId: string, lines: { variantId: string; quantity: number }[], ttlSeconds: number): Promise<Answer<{ expiresAt: Date; status: string }>>;
  releaseInventory(ownerId: string): Promise<Answer<unknown>>;
}

const ERRORS = 'userErrors { field message code }';
const QUOTE = `cartId personId currencyCode affiliateCode subtotal discountTotal shipping tax total
  lines { lineId variantId productId sku productName variantTitle unitPrice quantity discount lineTotal }
  discounts { promotionId name code amount }`;

const BEGIN = `mutation BeginCartCheckout($input: BeginCartCheckoutInput!) { beginCartCheckout(input: $input) { checkout { ${QUOTE} } ${ERRORS} } }`;
const COMPLETE = `mutation CompleteCartCheckout($cartId: ID!, $checkoutId: ID!) { completeCartCheckout(cartId: $cartId, checkoutId: $checkoutId) { checkout { cartId } ${ERRORS} } }`;
const REOPEN = `mutation ReopenCart($cartId: ID!, $checkoutId: ID!) { reopenCart(cartId: $cartId, checkoutId: $checkoutId) { checkout { cartId } ${ERRORS} } }`;
const RESERVE_REDEMPTIONS = `mutation ReserveRedemptions($input: ReservePromotionRedemptionsInput!) { reservePromotionRedemptions(input: $input) { redemptions { status } ${ERRORS} } }`;
const RELEASE_REDEMPTIONS = `mutation ReleaseRedemptions($orderId: ID!) { releasePromotionRedemptions(orderId: $orderId) { redemptions { status } ${ERRORS} } }`;
const RESERVE_INVENTORY = `mutation ReserveInventory($input: ReserveInventoryInput!) { reserveInventory(input: $input) { reservation { status expiresAt } ${ERRORS} } }`;
const RELEASE_INVENTORY = `mutation ReleaseInventory($ownerId: ID!) { releaseInventoryReservation(ownerId: $ownerId) { reservation { status } ${ERRORS} } }`;

interface Payload {
  userErrors: UserError[];
}

function answer<P extends Payload, T>(payload: P, value: (p: P) => T): Answer<T> {
  return payload.userErrors.length > 0 ? { ok: false, userErrors: payload.userErrors } : { ok: true, value: value(payload) };
}

const CART = 'the cart subgraph';

function quoteFromTheWire(q: CartQuote): CartQuote {
  return {
    ...q,
    cartId: rawIdFrom(CART, 'Cart', q.cartId),
    lines: q.lines.map((l) => ({
      ...l,
      lineId: rawIdFrom(CART, 'CartLine', l.lineId),
      variantId: rawIdFrom(CART, 'ProductVariant', l.variantId),
      productId: rawIdFrom(CART, 'Product', l.productId),
    })),
    discounts: q.discounts.map((d) => ({ ...d, promotionId: rawIdFrom(CART, 'Promotion', d.promotionId) })),
  };
}

export function checkoutPeers(call: { cart: SubgraphCall; catalog: SubgraphCall; promotion: SubgraphCall }): CheckoutPeers {
  const order = (id: string) => globalId('Order', id);
  return {
    async beginCartCheckout(input) {
      const variables = {
        input: {
          cartId: globalId('Cart', input.cartId),
          personId: input.personId,
          checkoutId: order(input.checkoutId),
          shippingMethod: input.shippingMethod,
          destination: input.destination,
          expectedTotal: input.expectedTotal,
        },
      };
      const data = await call.cart<{ beginCartCheckout: Payload & { checkout: CartQuote | null } }>(BEGIN, variables);
      return answer(data.beginCartCheckout, (p) => quoteFromTheWire(p.checkout!));
    },
    async completeCartCheckout(cartId, checkoutId) {
      const data = await call.cart<{ completeCartCheckout: Payload }>(COMPLETE, { cartId: globalId('Cart', cartId), checkoutId: order(checkoutId) });
      return answer(data.completeCartCheckout, () => null);
    },
    async reopenCart(cartId, checkoutId) {
      const data = await call.cart<{ reopenCart: Payload }>(REOPEN, { cartId: globalId('Cart', cartId), checkoutId: order(checkoutId) });
      return answer(data.reopenCart, () => null);
    },
    async reserveRedemptions(orderId, personId, redemptions) {
      const input = { orderId: order(orderId), personId, redemptions: redemptions.map((r) => ({ promotionId: globalId('Promotion', r.promotionId), amount: r.amount })) };
      const data = await call.promotion<{ reservePromotionRedemptions: Payload }>(RESERVE_REDEMPTIONS, { input });
      return answer(data.reservePromotionRedemptions, () => null);
    },
    async releaseRedemptions(orderId) {
      const data = await call.promotion<{ releasePromotionRedemptions: Payload }>(RELEASE_REDEMPTIONS, { orderId: order(orderId) });
      return answer(data.releasePromotionRedemptions, () => null);
    },
    async reserveInventory(ownerId, lines, ttlSeconds) {
      const input = { ownerId: order(ownerId), ttlSeconds, lines: lines.map((l) => ({ variantId: globalId('ProductVariant', l.variantId), quantity: l.quantity })) };
      const data = await call.catalog<{ reserveInventory: Payload & { reservation: { expiresAt: string; status: string } | null } }>(RESERVE_INVENTORY, { input });
      return answer(data.reserveInventory, (p) => ({ expiresAt: new Date(p.reservation!.expiresAt), status: p.reservation!.status }));
    },
    async releaseInventory(ownerId) {
      const data = await call.catalog<{ releaseInventoryReservation: Payload }>(RELEASE_INVENTORY, { ownerId: order(ownerId) });
      return answer(data.releaseInventoryReservation, () => null);
    },
  };
}
