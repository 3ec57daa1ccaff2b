// Thin: authorise, call the service, shape the payload. Every total is read from ctx.quote(cart).
import { mayRead, requireRole } from '../../lib/auth.js';
import { toPayload } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { currencyCodeOf } from '../../lib/currencies.js';
import { money } from '../../lib/money.js';
import { actorOf, type Actor } from '../../lib/state-machine.js';
import type { CheckoutView } from './checkout.service.js';
import type { CartContext } from './context.js';
import type { CartErrorCode, Resolvers } from './generated/resolvers-types.js';
import type { CartRow } from './models.js';
import { requestCatalog } from './quote.service.js';
import { staffVersions } from '../../lib/versions.js';
import { cartById } from './cart-reads.js';

export type { CartContext } from './context.js';

const readable = (ctx: CartContext, cart: CartRow | null): CartRow | null => (cart && mayRead(ctx.viewer, cart.personId) ? cart : null);

const findReadable = async (ctx: CartContext, id: string) => (isUuid(id) ? readable(ctx, await cartById(ctx.db, id)) : null);

/**
 * Writes are the cart owner's alone; staff read carts but do not fill them. A refused change
 * answers the cart as it now is, when the caller may read it, so that a client's cache stays
 * right without a refetch.
 */
async function write(ctx: CartContext, cartId: string | null, run: (personId: string) => Promise<CartRow>) {
  const viewer = requireRole(ctx.viewer, 'customer', 'admin', 'support');
  const result = await toPayload<'cart', CartRow, CartErrorCode>('cart', () => run(viewer.personId));
  ctx.afterWrite(result.cart);
  if (result.userErrors.length > 0 && cartId !== null) result.cart = await findReadable(ctx, cartId);
  return result;
}

/** The order context's checkout, with a service token; any other caller gets FORBIDDEN. */
async function checkoutCall(ctx: CartContext, run: (actor: Actor) => Promise<CheckoutView>) {
  const actor = actorOf(requireRole(ctx.viewer, 'service'));
  const { checkout, userErrors } = await toPayload<'checkout', CheckoutView, CartErrorCode>('checkout', () => run(actor));
  ctx.afterWrite();
  return { checkout, userErrors };
}

export const resolvers: Resolvers<CartContext> = {
  Query: {
    myCart: (_root, _args, ctx) => {
      const viewer = requireRole(ctx.viewer, 'customer', 'admin', 'support');
      return ctx.carts.findActive(viewer.personId);
    },
    cart: async (_root, { id }, ctx) => {
      requireRole(ctx.viewer, 'customer', 'admin', 'support');
      return findReadable(ctx, id);
    },
  },
  Mutation: {
    createCart: (_root, { input }, ctx) => write(ctx, null, (personId) => ctx.carts.create(personId, input ?? {}, requestCatalog(ctx.loaders))),
    addCartLine: (_root, { cartId, variantId, quantity }, ctx) => write(ctx, cartId, (personId) => ctx.carts.addLine(personId, cartId, variantId, quantity, requestCatalog(ctx.loaders))),
    updateCartLine: (_root, { cartId, lineId, quantity }, ctx) => write(ctx, cartId, (personId) => ctx.carts.updateLine(personId, cartId, lineId, quantity)),
    removeCartLine: (_root, { cartId, lineId }, ctx) => write(ctx, cartId, (personId) => ctx.carts.removeLine(personId, cartId, lineId)),
    addCartLines: (_root, { cartId, lines }, ctx) => write(ctx, cartId, (personId) => ctx.carts.addLines(personId, cartId, lines, undefined, requestCatalog(ctx.loaders))),
    updateCartLines: (_root, { cartId, lines }, ctx) => write(ctx, cartId, (personId) => ctx.carts.updateLines(personId, cartId, lines)),
    removeCartLines: (_root, { cartId, lineIds }, ctx) => write(ctx, cartId, (personId) => ctx.carts.removeLines(personId, cartId, lineIds)),
    // Guessing codes is what the limit stops: only attempts that fail to apply a code count.
    applyPromotionCode: (_root, { cartId, code }, ctx) =>
      write(ctx, cartId, (personId) => ctx.codeAttempts.countingFailures({ personId, clientAddress: ctx.clientAddress }, () => ctx.carts.applyCode(personId, cartId, code))),
    removePromotionCode: (_root, { cartId, code }, ctx) => write(ctx, cartId, (personId) => ctx.carts.removeCode(personId, cartId, code)),
    beginCartCheckout: (_root, { input }, ctx) => checkoutCall(ctx, (actor) => ctx.checkouts.begin(actor, input)),
    completeCartCheckout: (_root, { cartId, checkoutId }, ctx) => checkoutCall(ctx, (actor) => ctx.checkouts.complete(actor, cartId, checkoutId)),
    reopenCart: (_root, { cartId, checkoutId }, ctx) => checkoutCall(ctx, (actor) => ctx.checkouts.reopen(actor, cartId, checkoutId)),
  },
  CartCheckout: {
    cartId: (checkout) => checkout.cart.id,
    personId: (checkout) => checkout.cart.personId,
    status: (checkout) => checkout.cart.status,
    checkoutId: (checkout) => checkout.cart.checkoutId,
    currencyCode: (checkout) => currencyCodeOf(checkout.cart.currency),
    affiliateCode: (checkout) => checkout.cart.affiliateCode,
    lines: async (checkout) => (await checkout.quote()).lines,
    discounts: async (checkout) => (await checkout.quote()).discounts,
    subtotal: async (checkout) => (await checkout.quote()).subtotal,
    discountTotal: async (checkout) => (await checkout.quote()).discountTotal,
    shipping: async (checkout) => (await checkout.quote()).shipping,
    tax: async (checkout) => (await checkout.quote()).tax,
    total: async (checkout) => (await checkout.quote()).total,
  },
  Cart: {
    __resolveReference: (ref, ctx) => findReadable(ctx, ref.id),
    currencyCode: (cart) => currencyCodeOf(cart.currency),
    lines: async (cart, _args, ctx) => (await ctx.quote(cart)).lines,
    itemCount: async (cart, _args, ctx) => (await ctx.quote(cart)).lines.reduce((n, l) => n + l.quantity, 0),
    appliedCodes: (cart) => cart.appliedCodes,
    discounts: async (cart, _args, ctx) =>
      (await ctx.quote(cart)).totals.discounts.map((d) => ({ ...d, amount: money(d.amount, cart.currency) })),
    subtotal: async (cart, _args, ctx) => money((await ctx.quote(cart)).totals.subtotal, cart.currency),
    discountTotal: async (cart, _args, ctx) => money((await ctx.quote(cart)).totals.discountTotal, cart.currency),
    shippingEstimate: async (cart, _args, ctx) => money((await ctx.quote(cart)).totals.shipping, cart.currency),
    taxEstimate: async (cart, _args, ctx) => money((await ctx.quote(cart)).totals.tax, cart.currency),
    total: async (cart, _args, ctx) => money((await ctx.quote(cart)).totals.total, cart.currency),
    expiresAt: (cart, _args, ctx) => ctx.carts.expiresAt(cart),
    warnings: async (cart, _args, ctx) => (await ctx.quote(cart)).warnings,
    createdAt: (cart) => cart.createdAt,
    updatedAt: (cart) => cart.updatedAt,
    versions: (cart, args, ctx) => staffVersions(ctx, { roots: [cart.id] }, args),
  },
  CartLine: {
    variant: (line) => ({ __typename: 'ProductVariant', id: line.variantId }),
  },
};
