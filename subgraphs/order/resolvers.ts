import { mayRead, requireRole } from '../../lib/auth.js';
import type { RequestContext } from '../../lib/resolver-context.js';
import { isUuid } from '../../lib/ids.js';
import { money } from '../../lib/money.js';
import type { Resolvers } from './generated/resolvers-types.js';
import type { Order, PrismaClient } from './prisma-client/client.js';

export interface OrderContext extends RequestContext {
  db: PrismaClient;
}

const readable = (ctx: OrderContext, order: Order | null): Order | null => (order && mayRead(ctx.viewer, order.personId) ? order : null);

export const resolvers: Resolvers<OrderContext> = {
  Query: {
    order: async (_root, { id }, ctx) => {
      requireRole(ctx.viewer, 'customer', 'admin', 'support');
      return isUuid(id) ? readable(ctx, await ctx.db.order.findUnique({ where: { id } })) : null;
    },
  },
  Order: {
    __resolveReference: async (ref, ctx) => (isUuid(ref.id) ? readable(ctx, await ctx.db.order.findUnique({ where: { id: ref.id } })) : null),
    total: (order) => money(order.total, order.currency),
      },
};
