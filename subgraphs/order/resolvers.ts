import { hasRole, requireRole } from '../../lib/auth.js';
import type { RequestContext } from '../../lib/context.js';
import { isUuid } from '../../lib/ids.js';
import { money, moneyResolvers } from '../../lib/money.js';
import type { Resolvers } from './generated/resolvers-types.js';
import type { Order, PrismaClient } from './prisma-client/client.js';

export interface OrderContext extends RequestContext {
  db: PrismaClient;
}

/** Customers read only their own orders; support and admin read any. */
function readable(ctx: OrderContext, order: Order | null): Order | null {
  if (!order) return null;
  return order.personId === ctx.viewer?.personId || hasRole(ctx.viewer, 'admin', 'support') ? order : null;
}

export const resolvers: Resolvers<OrderContext> = {
  ...moneyResolvers,
  Query: {
    order: async (_root, { id }, ctx) => {
      requireRole(ctx.viewer, 'customer', 'admin', 'support');
      return isUuid(id) ? readable(ctx, await ctx.db.order.findUnique({ where: { id } })) : null;
    },
  },
  Order: {
    __resolveReference: async (ref, ctx) => (isUuid(ref.id) ? readable(ctx, await ctx.db.order.findUnique({ where: { id: ref.id } })) : null),
    total: (order) => money(order.total, order.currency),
    createdAt: (order) => order.createdAt.toISOString(),
  },
};
