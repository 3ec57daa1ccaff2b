// Thin: authorise, read arguments, call a service, shape the payload (affiliates' part of the
// promotion subgraph; merged into the subgraph's resolvers by ../resolvers.ts).
import { hasRole, requireRole } from '../../../lib/auth.js';
import { badUserInput, forbidden } from '../../../lib/errors.js';
import { money } from '../../../lib/money.js';
import { pageWindow } from '../../../lib/pagination.js';
import type { PromotionContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { payload, reportRange } from './affiliate.js';
import { staffVersions } from '../../../lib/versions.js';

// What a partner earns is staff's business: anyone may record a click, whose answer names the partner.
const staffOnly = <T>(ctx: PromotionContext, value: T): T => {
  if (!hasRole(ctx.viewer, 'admin', 'support', 'service')) throw forbidden('Commission rates are for staff only');
  return value;
};

export const affiliateResolvers = {
  Query: {
    affiliatePartner: (_root, { id }, ctx) => {
      requireRole(ctx.viewer, 'admin', 'support');
      return ctx.partners.get(id);
    },
    affiliatePartners: (_root, args, ctx) => {
      requireRole(ctx.viewer, 'admin', 'support');
      return ctx.partners.list(pageWindow(args));
    },
    affiliateReport: (_root, { partnerId, from, to, direction }, ctx) => {
      requireRole(ctx.viewer, 'admin', 'support');
      const range = reportRange(from, to, direction ?? 'INBOUND');
      if ('error' in range) throw badUserInput(range.error, range.field);
      return ctx.attributions.report(partnerId, range);
    },
  },
  Mutation: {
    createAffiliatePartner: (_root, { input }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return payload('partner', () => ctx.partners.create(input));
    },
    updateAffiliatePartner: (_root, { id, input }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return payload('partner', () => ctx.partners.update(id, input));
    },
    deactivateAffiliatePartner: (_root, { id }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return payload('partner', () => ctx.partners.deactivate(id));
    },
    // Anyone may record a click; a signed-in shopper's is recorded with their person id. Every
    // call counts against the limit, refused ones too, so codes cannot be probed for free.
    recordAffiliateClick: (_root, { input }, ctx) => {
      const personId = hasRole(ctx.viewer, 'customer', 'admin', 'support') ? ctx.viewer!.personId : null;
      return payload('click', async () => {
        await ctx.clickAttempts.attempt({ personId, clientAddress: ctx.clientAddress });
        return ctx.clicks.record(input, personId);
      });
    },
    recordOutboundReferral: (_root, { input }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return payload('attribution', () => ctx.attributions.recordOutbound(input));
    },
  },
  AffiliatePartner: {
    __resolveReference: (ref, ctx) => {
      requireRole(ctx.viewer, 'admin', 'support');
      return ctx.partners.get(ref.id);
    },
    commissionRate: (partner, _args, ctx) => staffOnly(ctx, partner.commissionRate),
    versions: (partner, args, ctx) => staffVersions(ctx, { roots: [partner.id] }, args),
  },
  AffiliatePartnerConnection: {
    totalCount: (conn) => conn.count(),
  },
  AffiliateAttribution: {
    revenue: (a) => money(a.revenue, a.currency),
    commission: (a) => money(a.commission, a.currency),
  },
} satisfies Resolvers;
