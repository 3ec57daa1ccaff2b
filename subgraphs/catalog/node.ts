// Relay's node and nodes for the whole graph (schema/catalog.node.graphql). The id says its type:
// products, variants and categories are loaded here, with the visibility `product` and `category`
// have; any other Node goes to its owner as a reference, which answers null when it has no such
// object or the caller may not read it.
import { badUserInput } from '../../lib/errors.js';
import { notIssued, parseGlobalId } from '../../lib/global-id.js';
import type { GraphQLResolveInfo } from 'graphql';
import type { CatalogContext } from './context.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { isStaff, visibleProduct } from './visibility.js';

const MAX_NODES = 100;

type Typed = { __typename: string } & Record<string, unknown>;
const typed = <T extends object>(__typename: string, row: T | null): Typed | null => (row ? { ...row, __typename } : null);

async function nodeOf(ctx: CatalogContext, info: GraphQLResolveInfo, id: string, at: string): Promise<Typed | null> {
  const parsed = parseGlobalId(id);
  if (!parsed) throw notIssued(at);
  const { type, rawId } = parsed;
  switch (type) {
    case 'Product':
      return typed(type, visibleProduct(ctx, await ctx.loaders.product.load(rawId)));
    case 'ProductVariant': {
      const variant = await ctx.loaders.variant(rawId);
      if (!variant) return null;
      const product = visibleProduct(ctx, await ctx.loaders.product.load(variant.productId));
      return typed(type, product && (variant.active || isStaff(ctx)) ? variant : null);
    }
    case 'Category':
      return typed(type, await ctx.loaders.category.load(rawId));
  }
  const nodeTypes = info.schema.getPossibleTypes(info.schema.getType('Node') as never).map((t) => t.name);
  if (!nodeTypes.includes(type)) throw badUserInput(`${at} is a ${type} id, and a ${type} is not a Node.`, at);
  // The owner resolves the reference: the wire carries global ids, so the id goes back encoded.
  return { __typename: type, id: rawId };
}

export const nodeResolvers: Pick<Resolvers, 'Node'> & { Query: Pick<NonNullable<Resolvers['Query']>, 'node' | 'nodes'> } = {
  Query: {
    node: (_root, { id }, ctx, info) => nodeOf(ctx, info, id, 'id') as never,
    nodes: (_root, { ids }, ctx, info) => {
      if (ids.length === 0 || ids.length > MAX_NODES) throw badUserInput(`ids must hold 1 to ${MAX_NODES} ids`, 'ids');
      return Promise.all(ids.map((id, i) => nodeOf(ctx, info, id, `ids[${i}]`))) as never;
    },
  },
  Node: {
    __resolveType: (node) => (node as unknown as Typed).__typename as never,
  },
};
