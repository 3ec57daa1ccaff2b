// Thin: authorise, read arguments, call a service, shape the payload.
import { hasRole, requireRole } from '../../lib/auth.js';
import { badUserInput, toPayload } from '../../lib/errors.js';
import { money, moneyResolvers } from '../../lib/money.js';
import { pageSize } from '../../lib/pagination.js';
import { reportRange } from './affiliate.js';
import type { PromotionErrorCode, Resolvers } from './generated/resolvers-types.js';

const write = <K extends string, T>(key: K, run: () => Promise<T>) => toPayload<K, T, PromotionErrorCode>(key, run);
const iso = (d: Date | null) => d?.toISOString() ?? null;

export const resolvers: Resolvers = {
  ...moneyResolvers,
  Query: {
    promotion: (_root, { id }, ctx) => {
      requireRole(ctx.viewer, 'admin', 'support');
      return ctx.promotions.get(id);
    },
    promotions: (_root, { first, after }, ctx) => {
      requireRole(ctx.viewer, 'admin', 'support');
      return ctx.promotions.list(pageSize(first), after);
    },
    evaluatePromotions: (_root, { input }, ctx) => {
      requireRole(ctx.viewer, 'service');
      return ctx.evaluation.evaluate(input);
    },
    affiliatePartner: (_root, { id }, ctx) => {
      requireRole(ctx.viewer, 'admin', 'support');
      return ctx.partners.get(id);
    },
    affiliatePartners: (_root, { first, after }, ctx) => {
      requireRole(ctx.viewer, 'admin', 'support');
      return ctx.partners.list(pageSize(first), after);
    },
    affiliateReport: (_root, { partnerId, from, to, direction }, ctx) => {
      requireRole(ctx.viewer, 'admin', 'support');
      const range = reportRange(from, to, direction ?? 'INBOUND');
      if ('error' in range) throw badUserInput(range.error, range.field);
      return ctx.attributions.report(partnerId, range);
    },
  },
  Mutation: {
    createPromotion: (_root, { input }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return write('promotion', () => ctx.promotions.create(input));
    },
    updatePromotion: (_root, { id, input }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return write('promotion', () => ctx.promotions.update(id, input));
    },
    deactivatePromotion: (_root, { id }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return write('promotion', () => ctx.promotions.deactivate(id));
    },
    reservePromotionRedemptions: (_root, { input }, ctx) => {
      requireRole(ctx.viewer, 'service');
      return write('redemptions', () => ctx.redemptions.reserve(input.orderId, input.personId, input.redemptions));
    },
    confirmPromotionRedemptions: (_root, { orderId }, ctx) => {
      requireRole(ctx.viewer, 'service');
      return write('redemptions', () => ctx.redemptions.confirm(orderId));
    },
    releasePromotionRedemptions: (_root, { orderId }, ctx) => {
      requireRole(ctx.viewer, 'service');
      return write('redemptions', () => ctx.redemptions.release(orderId));
    },
    createAffiliatePartner: (_root, { input }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return write('partner', () => ctx.partners.create(input));
    },
    updateAffiliatePartner: (_root, { id, input }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return write('partner', () => ctx.partners.update(id, input));
    },
    deactivateAffiliatePartner: (_root, { id }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return write('partner', () => ctx.partners.deactivate(id));
    },
    // Anyone may record a click; a signed-in shopper's is recorded with their person id.
    recordAffiliateClick: (_root, { input }, ctx) => {
      const personId = hasRole(ctx.viewer, 'customer', 'admin', 'support') ? ctx.viewer!.personId : null;
      return write('click', () => ctx.clicks.record(input, { clientAddress: ctx.clientAddress, personId }));
    },
    recordOutboundReferral: (_root, { input }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return write('attribution', () => ctx.attributions.recordOutbound(input));
    },
  },
  Promotion: {
    __resolveReference: (ref, ctx) => {
      requireRole(ctx.viewer, 'admin', 'support');
      return ctx.promotions.get(ref.id);
    },
    currencyCode: (p) => p.currency,
    targets: (p) => ({ productIds: p.targetProductIds, variantIds: p.targetVariantIds, categoryIds: p.targetCategoryIds }),
    minSubtotal: (p) => (p.minSubtotal === null || p.currency === null ? null : money(p.minSubtotal, p.currency)),
    validFrom: (p) => iso(p.validFrom),
    validTo: (p) => iso(p.validTo),
    usage: (p) => ({ reserved: p.reservedCount, confirmed: p.confirmedCount, total: p.reservedCount + p.confirmedCount }),
    createdAt: (p) => p.createdAt.toISOString(),
    updatedAt: (p) => p.updatedAt.toISOString(),
  },
  PromotionConnection: {
    totalCount: (conn) => conn.count(),
  },
  AffiliatePartner: {
    __resolveReference: (ref, ctx) => {
      requireRole(ctx.viewer, 'admin', 'support');
      return ctx.partners.get(ref.id);
    },
    createdAt: (p) => p.createdAt.toISOString(),
    updatedAt: (p) => p.updatedAt.toISOString(),
  },
  AffiliatePartnerConnection: {
    totalCount: (conn) => conn.count(),
  },
  AffiliateClick: {
    createdAt: (c) => c.createdAt.toISOString(),
  },
  AffiliateAttribution: {
    revenue: (a) => money(a.revenue, a.currency),
    commission: (a) => money(a.commission, a.currency),
    occurredAt: (a) => a.occurredAt.toISOString(),
  },
  AffiliateReport: {
    from: (r) => r.from.toISOString(),
    to: (r) => r.to.toISOString(),
  },
};
