// Thin: authorise, read arguments, call a service, shape the payload (affiliates' part of the
// promotion subgraph; merged into the subgraph's resolvers by ../resolvers.ts).
import { hasRole, requireRole } from '../../../lib/auth.js';
import { badUserInput } from '../../../lib/errors.js';
import { money } from '../../../lib/money.js';
import { pageWindow } from '../../../lib/pagination.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { payload, reportRange } from './affiliate.js';

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
    // Anyone may record a click; a signed-in shopper's is recorded with their person id.
    recordAffiliateClick: (_root, { input }, ctx) => {
      const personId = hasRole(ctx.viewer, 'customer', 'admin', 'support') ? ctx.viewer!.personId : null;
      return payload('click', () => ctx.clicks.record(input, { clientAddress: ctx.clientAddress, personId }));
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
  },
  AffiliatePartnerConnection: {
    totalCount: (conn) => conn.count(),
  },
  AffiliateAttribution: {
    revenue: (a) => money(a.revenue, a.currency),
    commission: (a) => money(a.commission, a.currency),
  },
} satisfies Resolvers;
