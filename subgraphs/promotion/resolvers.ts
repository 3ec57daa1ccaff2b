// Thin: authorise, read arguments, call a service, shape the payload. Affiliates answer from
// their own folder (affiliates/resolvers.ts).
import { requireRole } from '../../lib/auth.js';
import { currencyCodeOf } from '../../lib/currencies.js';
import { money } from '../../lib/money.js';
import { pageWindow } from '../../lib/pagination.js';
import { actorOf } from '../../lib/state-machine.js';
import { affiliateResolvers } from './affiliates/resolvers.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { payload } from './validation.js';
import { staffVersions } from '../../lib/versions.js';


export const resolvers: Resolvers = {
  ...affiliateResolvers,
  Query: {
    ...affiliateResolvers.Query,
    promotion: (_root, { id }, ctx) => {
      requireRole(ctx.viewer, 'admin', 'support');
      return ctx.promotions.get(id);
    },
    promotions: (_root, args, ctx) => {
      requireRole(ctx.viewer, 'admin', 'support');
      return ctx.promotions.list(pageWindow(args));
    },
    evaluatePromotions: (_root, { input }, ctx) => {
      requireRole(ctx.viewer, 'service');
      return ctx.evaluation.evaluate(input);
    },
  },
  Mutation: {
    ...affiliateResolvers.Mutation,
    createPromotion: (_root, { input }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return payload('promotion', () => ctx.promotions.create(input));
    },
    updatePromotion: (_root, { id, input }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return payload('promotion', () => ctx.promotions.update(id, input));
    },
    deactivatePromotion: (_root, { id }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return payload('promotion', () => ctx.promotions.deactivate(id));
    },
    reservePromotionRedemptions: (_root, { input }, ctx) => {
      requireRole(ctx.viewer, 'service');
      return payload('redemptions', () => ctx.redemptions.reserve(input.orderId, input.personId, input.redemptions));
    },
    confirmPromotionRedemptions: (_root, { orderId }, ctx) => {
      const actor = actorOf(requireRole(ctx.viewer, 'service'));
      return payload('redemptions', () => ctx.redemptions.confirm(orderId, actor));
    },
    releasePromotionRedemptions: (_root, { orderId }, ctx) => {
      const actor = actorOf(requireRole(ctx.viewer, 'service'));
      return payload('redemptions', () => ctx.redemptions.release(orderId, actor));
    },
  },
  Promotion: {
    __resolveReference: (ref, ctx) => {
      requireRole(ctx.viewer, 'admin', 'support');
      return ctx.promotions.get(ref.id);
    },
    percentOff: (p) => (p.discountType === 'PERCENTAGE' ? p.value : null),
    amountOff: (p) => (p.discountType === 'AMOUNT' && p.currency !== null ? money(p.value, p.currency) : null),
    currencyCode: (p) => (p.currency === null ? null : currencyCodeOf(p.currency)),
    targets: (p) => ({ productIds: p.targetProductIds, variantIds: p.targetVariantIds, categoryIds: p.targetCategoryIds }),
    minSubtotal: (p) => (p.minSubtotal === null || p.currency === null ? null : money(p.minSubtotal, p.currency)),
    usage: (p) => ({ reserved: p.reservedCount, confirmed: p.confirmedCount, total: p.reservedCount + p.confirmedCount }),
    versions: (p, args, ctx) => staffVersions(ctx, { roots: [p.id] }, args),
          },
  PromotionConnection: {
    totalCount: (conn) => conn.count(),
  },
};
