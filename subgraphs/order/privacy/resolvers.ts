// Thin: only an admin erases a person; support and admin may see whether one was erased.
import { requireRole } from '../../../lib/auth.js';
import { toPayload } from '../../../lib/errors.js';
import type { OrderContext } from '../context.js';
import type { OrderErrorCode, Resolvers } from '../generated/resolvers-types.js';
import type { PersonalDataErasure } from '../prisma-client/client.js';

export const privacyResolvers: Pick<Required<Resolvers<OrderContext>>, 'Query' | 'Mutation'> = {
  Query: {
    personalDataErasure: (_root, { personId }, ctx) => {
      requireRole(ctx.viewer, 'admin', 'support');
      return ctx.personalData.find(personId);
    },
  },
  Mutation: {
    erasePersonalData: (_root, { input }, ctx) => {
      const viewer = requireRole(ctx.viewer, 'admin');
      return toPayload<'erasure', PersonalDataErasure, OrderErrorCode>('erasure', () => ctx.personalData.requestErasure(input, viewer.personId));
    },
  },
};
