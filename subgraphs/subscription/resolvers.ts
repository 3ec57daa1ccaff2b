// Thin: authorise, call a service, shape the payload. Rows come back from the services as stored;
// subscription-views.ts turns them into the API's shape, and loaders.ts batches their relations.
import { hasRole, mayRead, requireRole } from '../../lib/auth.js';
import { forbidden } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { money } from '../../lib/money.js';
import { actorOf, type Actor } from '../../lib/state-machine.js';
import type { SubscriptionContext } from './context.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { createLoaders, periodKey } from './loaders.js';
import type { PlanRow, SubscriptionRow } from './models.js';
import { listSubscriptions, subscriptionFilterWhere, subscriptionsOf } from './subscription-queries.js';
import {
  currentPeriodView,
  nextBillingAtOf,
  pendingChangeOf,
  periodView,
  shippingAddressOf,
  shippingMethodOf,
  skipsNextPeriod,
} from './subscription-views.js';
import { payload } from './validation.js';
import { staffVersions } from '../../lib/versions.js';

export type { SubscriptionContext } from './context.js';

const readable = (ctx: SubscriptionContext, s: SubscriptionRow | null): SubscriptionRow | null => (s && mayRead(ctx.viewer, s.personId) ? s : null);
const findReadable = async (ctx: SubscriptionContext, id: string) =>
  isUuid(id) ? readable(ctx, await ctx.db.customerSubscription.findUnique({ where: { id } })) : null;

/** An admin's plan write; its payload reads what it wrote. */
async function planWrite(ctx: SubscriptionContext, run: () => Promise<PlanRow>) {
  requireRole(ctx.viewer, 'admin');
  const result = await payload('plan', run);
  ctx.loaders = createLoaders(ctx.db);
  return result;
}

/**
 * A change of a subscription: its subscriber, support or admin (the lifecycle then decides the
 * move), customers limited to their own. A refusal answers the subscription as it now is, when the
 * caller may read it, so that a client's cache stays right.
 */
async function subscriptionWrite(ctx: SubscriptionContext, id: string, run: (actor: Actor, ownerOnly: string | undefined) => Promise<SubscriptionRow>) {
  const viewer = requireRole(ctx.viewer, 'customer', 'admin', 'support');
  const ownerOnly = hasRole(viewer, 'admin', 'support') ? undefined : viewer.personId;
  const result = await payload('subscription', () => run(actorOf(viewer), ownerOnly));
  ctx.loaders = createLoaders(ctx.db);
  if (result.userErrors.length > 0) result.subscription = await findReadable(ctx, id);
  return { ...result, paymentClientSecret: null };
}

export const resolvers: Resolvers = {
  Query: {
    subscriptionPlans: (_root, { includeInactive }, ctx) => {
      // As the catalog's inactive products: asking for what only staff may see is refused, not quietly narrowed.
      if (includeInactive && !hasRole(ctx.viewer, 'admin', 'support')) throw forbidden('Only staff (admin, support) may list inactive plans');
      return ctx.plans.list(includeInactive);
    },
    mySubscriptions: (_root, _args, ctx) => {
      const viewer = requireRole(ctx.viewer, 'customer', 'admin', 'support');
      return subscriptionsOf(ctx.db, viewer.personId);
    },
    customerSubscription: (_root, { id }, ctx) => {
      requireRole(ctx.viewer, 'customer', 'admin', 'support');
      return findReadable(ctx, id);
    },
    customerSubscriptions: (_root, args, ctx) => {
      requireRole(ctx.viewer, 'admin', 'support');
      return listSubscriptions(ctx.db, args, subscriptionFilterWhere(args.filter));
    },
  },
  Mutation: {
    createSubscriptionPlan: (_root, { input }, ctx) => planWrite(ctx, () => ctx.plans.create(input)),
    updateSubscriptionPlan: (_root, { id, input }, ctx) => planWrite(ctx, () => ctx.plans.update(id, input)),
    subscribe: async (_root, { input }, ctx) => {
      const viewer = requireRole(ctx.viewer, 'customer', 'admin', 'support');
      const result = await payload('enrolment', () => ctx.enrolment.subscribe(viewer, input));
      ctx.loaders = createLoaders(ctx.db);
      return { subscription: result.enrolment?.subscription ?? null, paymentClientSecret: result.enrolment?.paymentClientSecret ?? null, userErrors: result.userErrors };
    },
    pauseSubscription: (_root, { id }, ctx) => subscriptionWrite(ctx, id, (actor, ownerOnly) => ctx.actions.pause(actor, id, ownerOnly)),
    resumeSubscription: (_root, { id }, ctx) => subscriptionWrite(ctx, id, (actor, ownerOnly) => ctx.actions.resume(actor, id, ownerOnly)),
    cancelSubscription: (_root, { id, atPeriodEnd }, ctx) =>
      subscriptionWrite(ctx, id, (actor, ownerOnly) => ctx.actions.cancel(actor, id, atPeriodEnd ?? false, ownerOnly)),
    skipNextSubscriptionPeriod: (_root, { id, skip }, ctx) =>
      subscriptionWrite(ctx, id, (actor, ownerOnly) => ctx.actions.skipNextPeriod(actor, id, skip ?? true, ownerOnly)),
    updateSubscriptionPaymentMethod: (_root, { id, paymentMethodId }, ctx) =>
      subscriptionWrite(ctx, id, (actor, ownerOnly) => ctx.actions.updatePaymentMethod(actor, id, paymentMethodId, ownerOnly)),
    changeSubscription: (_root, { id, input }, ctx) => subscriptionWrite(ctx, id, (actor, ownerOnly) => ctx.actions.change(actor, id, input, ownerOnly)),
  },
  SubscriptionPlan: {
    __resolveReference: (ref, ctx) => ctx.loaders.plan.load(ref.id),
    price: (plan) => money(plan.price, plan.currency),
    items: (plan, _args, ctx) => ctx.loaders.itemsByPlan.load(plan.id),
    versions: (plan, args, ctx) => staffVersions(ctx, { roots: [plan.id] }, args),
  },
  SubscriptionPlanItem: {
    variant: (item) => ({ id: item.variantId }),
  },
  CustomerSubscription: {
    __resolveReference: (ref, ctx) => findReadable(ctx, ref.id),
    plan: async (s, _args, ctx) => (await ctx.loaders.plan.load(s.planId))!,
    currentPeriod: async (s, _args, ctx) => currentPeriodView(s, await ctx.loaders.period.load(periodKey(s.id, s.currentPeriod))),
    nextBillingAt: (s) => nextBillingAtOf(s),
    skipsNextPeriod: (s) => skipsNextPeriod(s),
    pendingChange: (s) => pendingChangeOf(s),
    shippingAddress: (s) => shippingAddressOf(s),
    shippingMethod: (s) => shippingMethodOf(s),
    periods: async (s, _args, ctx) => (await ctx.loaders.periodsBySubscription.load(s.id)).map(periodView),
    history: (s, _args, ctx) => ctx.loaders.historyBySubscription.load(s.id),
    versions: (s, args, ctx) => staffVersions(ctx, { roots: [s.id] }, args),
  },
  CustomerSubscriptionConnection: {
    totalCount: (conn) => conn.count(),
  },
  SubscriptionPeriod: {
    order: (p) => (p.orderId ? { id: p.orderId } : null),
  },
  SubscriptionChange: {
    plan: async (change, _args, ctx) => (await ctx.loaders.plan.load(change.planId))!,
  },
  SubscriptionHistoryEntry: {
    from: (entry) => entry.fromStatus,
    to: (entry) => entry.toStatus,
  },
};
