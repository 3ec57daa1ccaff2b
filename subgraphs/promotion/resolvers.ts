import { requireRole } from '../../lib/auth.js';
import type { RequestContext } from '../../lib/context.js';
import { isUuid } from '../../lib/ids.js';
import type { Resolvers } from './generated/resolvers-types.js';
import type { PrismaClient } from './prisma-client/client.js';

export interface PromotionContext extends RequestContext {
  db: PrismaClient;
}

export const resolvers: Resolvers<PromotionContext> = {
  Query: {
    promotion: (_root, { id }, ctx) => {
      requireRole(ctx.viewer, 'admin', 'support');
      return isUuid(id) ? ctx.db.promotion.findUnique({ where: { id } }) : null;
    },
  },
  Promotion: {
    __resolveReference: (ref, ctx) => {
      requireRole(ctx.viewer, 'admin', 'support');
      return ctx.db.promotion.findUnique({ where: { id: ref.id } });
    },
    createdAt: (p) => p.createdAt.toISOString(),
  },
};
