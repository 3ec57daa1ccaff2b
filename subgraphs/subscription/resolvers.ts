import type { RequestContext } from '../../lib/resolver-context.js';
import { money } from '../../lib/money.js';
import type { Resolvers } from './generated/resolvers-types.js';
import type { PrismaClient } from './prisma-client/client.js';

export interface SubscriptionContext extends RequestContext {
  db: PrismaClient;
}

export const resolvers: Resolvers<SubscriptionContext> = {
  Query: {
    subscriptionPlans: (_root, _args, ctx) => ctx.db.subscriptionPlan.findMany({ where: { active: true }, orderBy: [{ price: 'asc' }, { id: 'asc' }] }),
  },
  SubscriptionPlan: {
    __resolveReference: (ref, ctx) => ctx.db.subscriptionPlan.findUnique({ where: { id: ref.id } }),
    price: (plan) => money(plan.price, plan.currency),
  },
};
