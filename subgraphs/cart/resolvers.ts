import { mayRead, requireRole } from '../../lib/auth.js';
import type { RequestContext } from '../../lib/context.js';
import { isUuid } from '../../lib/ids.js';
import type { Resolvers } from './generated/resolvers-types.js';
import type { PrismaClient } from './prisma-client/client.js';
import type { Cart } from './prisma-client/client.js';

export interface CartContext extends RequestContext {
  db: PrismaClient;
}

const readable = (ctx: CartContext, cart: Cart | null): Cart | null => (cart && mayRead(ctx.viewer, cart.personId) ? cart : null);

export const resolvers: Resolvers<CartContext> = {
  Query: {
    myCart: (_root, _args, ctx) => {
      const viewer = requireRole(ctx.viewer, 'customer', 'admin', 'support');
      return ctx.db.cart.findFirst({ where: { personId: viewer.personId, status: 'ACTIVE' } });
    },
    cart: async (_root, { id }, ctx) => {
      requireRole(ctx.viewer, 'customer', 'admin', 'support');
      return isUuid(id) ? readable(ctx, await ctx.db.cart.findUnique({ where: { id } })) : null;
    },
  },
  Cart: {
    __resolveReference: async (ref, ctx) => (isUuid(ref.id) ? readable(ctx, await ctx.db.cart.findUnique({ where: { id: ref.id } })) : null),
    currencyCode: (cart) => cart.currency,
    createdAt: (cart) => cart.createdAt.toISOString(),
    updatedAt: (cart) => cart.updatedAt.toISOString(),
  },
};
