// Thin: the admins' search synonym rules (schema/catalog.search.graphql), admin only.
import { requireRole } from '../../lib/auth.js';
import { toPayload } from '../../lib/errors.js';
import { pageWindow } from '../../lib/pagination.js';
import type { CatalogErrorCode, Resolvers } from './generated/resolvers-types.js';

type Query = NonNullable<Resolvers['Query']>;
type Mutation = NonNullable<Resolvers['Mutation']>;

/** A synonym write's payload: the rule, or the userErrors that refused it. */
const synonymPayload = <T>(run: () => Promise<T>) => toPayload<'synonym', T, CatalogErrorCode>('synonym', run);

export const searchResolvers: { Query: Pick<Query, 'searchSynonyms'>; Mutation: Pick<Mutation, 'createSearchSynonym' | 'updateSearchSynonym' | 'deleteSearchSynonym'> } = {
  Query: {
    searchSynonyms: (_root, args, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return ctx.searchSynonyms.list(pageWindow({ ...args, first: args.first ?? (args.last == null && args.before == null ? 50 : undefined) }));
    },
  },
  Mutation: {
    createSearchSynonym: (_root, { input }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return synonymPayload(() => ctx.searchSynonyms.create(input));
    },
    updateSearchSynonym: (_root, { id, input }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return synonymPayload(() => ctx.searchSynonyms.update(id, input));
    },
    deleteSearchSynonym: (_root, { id }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return synonymPayload(() => ctx.searchSynonyms.delete(id));
    },
  },
};
