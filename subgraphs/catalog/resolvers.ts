// Thin: authorise, read arguments, call a service or loader, shape the payload.
import type { GraphQLResolveInfo } from 'graphql';
import { hasRole, requireRole } from '../../lib/auth.js';
import { badUserInput, forbidden, toPayload } from '../../lib/errors.js';
import { money } from '../../lib/money.js';
import { pageWindow, type PageArgs } from '../../lib/pagination.js';
import { actorOf } from '../../lib/state-machine.js';
import { staffVersions } from '../../lib/versions.js';
import { EXPORT_PAGE_MAX } from './catalog-export.service.js';
import { importUserErrors } from './catalog-import-runs.js';
import type { CatalogContext } from './context.js';
import type { ProductRow } from './models.js';
import type { CatalogErrorCode, Resolvers } from './generated/resolvers-types.js';
import { nodeResolvers } from './node.js';
import { ProductQuery, type ProductFilterInput } from './product-search.js';
import { routeReads } from './read-routing.js';
import { searchResolvers } from './search-resolvers.js';
import { searchSuggestions } from './search-suggestions.js';
import { isStaff, visibleProduct } from './visibility.js';
import { selectsField } from '../../lib/graphql-selection.js';

/**
 * Runs a write and shapes its payload. The request's loaders are replaced after it, on the primary:
 * one document may hold several mutations, and anything read before a write may be stale after it.
 */
async function write<K extends string, T>(ctx: CatalogContext, key: K, run: () => Promise<T>) {
  const result = await toPayload<K, T, CatalogErrorCode>(key, run);
  Object.assign(ctx, routeReads(ctx, true));
  return result;
}
const staffOnly = <T>(ctx: CatalogContext, value: T): T => {
  if (!hasRole(ctx.viewer, 'admin', 'support', 'service')) throw forbidden('Stock figures are for staff only; shoppers see available and quantityAvailable');
  return value;
};

/** `f` of two values each at hand or coming: at once when both are at hand, so GraphQL waits on no promise. */
function withBoth<A, B, R>(a: A | Promise<A>, b: B | Promise<B>, f: (a: A, b: B) => R): R | Promise<R> {
  return a instanceof Promise || b instanceof Promise ? Promise.all([a, b]).then(([x, y]) => f(x, y)) : f(a, b);
}

function listProducts(ctx: CatalogContext, args: PageArgs & { filter?: ProductFilterInput | null; sort?: string | null }, info: GraphQLResolveInfo) {
  const filter = args.filter ?? {};
  if (filter.active === false && !isStaff(ctx)) throw forbidden('Only staff may list inactive products');
  const window = pageWindow(args);
  const query = ProductQuery.create(ctx.reads, filter, (args.sort ?? 'RELEVANCE') as never, () => ctx.searchSynonyms.rules.rules());
  return query.then((q) => q.page(window, { withCount: selectsField(info, 'totalCount') })).then((page) => {
    // The page's rows are whole products: later lookups by id (a variant's product) need no query.
    for (const { node } of page.edges) ctx.loaders.knowProduct(node);
    return page;
  });
}

export const resolvers: Resolvers = {
  ...nodeResolvers,
  Query: {
    ...nodeResolvers.Query,
    ...searchResolvers.Query,
    products: (_root, args, ctx, info) => listProducts(ctx, args, info),
    searchSuggestions: (_root, { query, first }, ctx) => searchSuggestions(ctx.reads, query, first),
    product: async (_root, { id, slug }, ctx) => {
      if ((id == null) === (slug == null)) throw badUserInput('give exactly one of id and slug');
      // By slug, it is kept as the loader's answer for its id: its variants' availability reads it again by id.
      const product = id != null ? await ctx.loaders.product.load(id) : await ctx.loaders.productBySlug(slug!);
      return visibleProduct(ctx, product);
    },
    categories: async (_root, _args, ctx) => (await ctx.loaders.categoryTree()).childrenOf.get(null) ?? [],
    category: async (_root, { id, slug }, ctx) => {
      if ((id == null) === (slug == null)) throw badUserInput('give exactly one of id and slug');
      if (id != null) return ctx.loaders.category.load(id);
      return [...(await ctx.loaders.categoryTree()).byId.values()].find((c) => c.slug === slug) ?? null;
    },
    catalogImport: (_root, { id }, ctx) => {
      requireRole(ctx.viewer, 'admin', 'support');
      return ctx.imports.find(id);
    },
    exportCatalog: async (_root, { first, afterSlug }, ctx) => {
      requireRole(ctx.viewer, 'admin', 'support');
      const size = first ?? 100;
      if (size < 1 || size > EXPORT_PAGE_MAX) throw badUserInput(`first must be between 1 and ${EXPORT_PAGE_MAX}`, 'first');
      return ctx.catalogExport.page(size, afterSlug ?? null);
    },
  },
  Mutation: {
    ...searchResolvers.Mutation,
    createProduct: (_root, { input }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return write(ctx, 'product', () => ctx.products.createProduct(input));
    },
    updateProduct: (_root, { id, input }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return write(ctx, 'product', () => ctx.products.updateProduct(id, input));
    },
    archiveProduct: (_root, { id }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return write(ctx, 'product', () => ctx.products.archiveProduct(id));
    },
    addProductOption: (_root, { productId, input }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return write(ctx, 'product', () => ctx.products.addOption(productId, input));
    },
    updateProductOption: (_root, { id, input }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return write(ctx, 'product', () => ctx.products.updateOption(id, input));
    },
    addProductVariant: (_root, { productId, input }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return write(ctx, 'variant', () => ctx.products.addVariant(productId, input));
    },
    updateProductVariant: (_root, { id, input }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return write(ctx, 'variant', () => ctx.products.updateVariant(id, input));
    },
    addProductImage: (_root, { productId, input }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return write(ctx, 'product', () => ctx.products.addImage(productId, input));
    },
    updateProductImage: (_root, { id, input }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return write(ctx, 'product', () => ctx.products.updateImage(id, input));
    },
    removeProductImage: (_root, { id }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return write(ctx, 'product', () => ctx.products.removeImage(id));
    },
    createCategory: (_root, { input }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return write(ctx, 'category', () => ctx.categories.create(input));
    },
    updateCategory: (_root, { id, input }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      return write(ctx, 'category', () => ctx.categories.update(id, input));
    },
    setInventory: async (_root, { variantId, onHand, reorderThreshold, location }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      const result = await write(ctx, 'inventory', () => ctx.inventory.setOnHand(variantId, onHand, reorderThreshold, location));
      return { ...result, variant: result.inventory ? await ctx.loaders.variant(variantId) : null };
    },
    adjustInventory: async (_root, { variantId, delta, reason }, ctx) => {
      requireRole(ctx.viewer, 'admin');
      const result = await write(ctx, 'inventory', () => ctx.inventory.adjustOnHand(variantId, delta, reason));
      return { ...result, variant: result.inventory ? await ctx.loaders.variant(variantId) : null };
    },
    importCatalog: (_root, { input }, ctx) => {
      const { personId } = requireRole(ctx.viewer, 'admin');
      return write(ctx, 'import', () => ctx.imports.request(input, personId));
    },
    reserveInventory: (_root, { input }, ctx) => {
      requireRole(ctx.viewer, 'service');
      return write(ctx, 'reservation', () => ctx.inventory.reserve(input.ownerId, input.lines, input.ttlSeconds));
    },
    commitInventoryReservation: (_root, { ownerId }, ctx) => {
      const actor = actorOf(requireRole(ctx.viewer, 'service'));
      return write(ctx, 'reservation', () => ctx.inventory.commit(ownerId, actor));
    },
    releaseInventoryReservation: (_root, { ownerId }, ctx) => {
      const actor = actorOf(requireRole(ctx.viewer, 'service'));
      return write(ctx, 'reservation', () => ctx.inventory.release(ownerId, actor));
    },
  },
  Product: {
    __resolveReference: (ref, ctx) => ctx.loaders.product.load(ref.id),
    status: (p) => (p.deletedAt ? 'ARCHIVED' : p.active ? 'ACTIVE' : 'INACTIVE'),
    archived: (p) => p.deletedAt !== null,
    options: (p, _args, ctx) => ctx.loaders.productPart(p.id, 'options'),
    variants: async (p, _args, ctx, info) => {
      // Their chosen options are read with them only when the request shows them.
      const variants = await ctx.loaders.productPart(p.id, selectsField(info, 'options') ? 'variantOptions' : 'variants');
      return isStaff(ctx) ? variants : variants.filter((v) => v.active);
    },
    images: (p, _args, ctx) => ctx.loaders.productPart(p.id, 'images'),
    categories: (p, _args, ctx) => ctx.loaders.categoriesByProduct(p.id),
    priceRange: async (p, _args, ctx) => {
      const active = (await ctx.loaders.productPart(p.id, 'variants')).filter((v) => v.active);
      if (active.length === 0) return null;
      const prices = active.map((v) => v.price);
      const currency = active[0]!.currency;
      return { min: money(Math.min(...prices), currency), max: money(Math.max(...prices), currency) };
    },
    createdAt: (p) => p.createdAt,
    updatedAt: (p) => p.updatedAt,
    // Its options, variants, images and category links are filed under it, option values under their option.
    versions: async (p, args, ctx) => staffVersions(ctx, { roots: [p.id, ...(await ctx.loaders.productPart(p.id, 'options')).map((o) => o.id)] }, args),
  },
  ProductVariant: {
    __resolveReference: (ref, ctx) => ctx.loaders.variant(ref.id),
    options: (v, _args, ctx) => ctx.loaders.selectedOptions(v),
    // A variant's product always exists (a foreign key), as a value when the request has it at hand.
    product: (v, _args, ctx) => ctx.loaders.productOf(v.productId) as ProductRow | Promise<ProductRow>,
    price: (v) => money(v.price, v.currency),
    compareAtPrice: (v) => (v.compareAtPrice === null ? null : money(v.compareAtPrice, v.currency)),
    availableForSale: (v, _args, ctx) =>
      v.active &&
      withBoth(ctx.loaders.productOf(v.productId), ctx.loaders.inventory(v), (product, inventory) => Boolean(product?.active && !product.deletedAt && inventory.onHand - inventory.reserved > 0)),
    quantityAvailable: async (v, _args, ctx) => {
      const inventory = await ctx.loaders.inventory(v);
      return inventory.onHand - inventory.reserved;
    },
    inventory: (v, _args, ctx) => ctx.loaders.inventory(v),
    // Its own rows are filed under its product; its option values, stock and reservations under it.
    versions: (v, args, ctx) => staffVersions(ctx, { roots: [v.id], rows: [v.id] }, args),
  },
  Inventory: {
    // SPEC §6: shoppers see availability; the figures behind it are the staff's (and services').
    onHand: (i, _args, ctx) => staffOnly(ctx, i.onHand),
    reserved: (i, _args, ctx) => staffOnly(ctx, i.reserved),
    available: (i) => i.onHand - i.reserved,
    reorderThreshold: (i, _args, ctx) => staffOnly(ctx, i.reorderThreshold),
    location: (i, _args, ctx) => staffOnly(ctx, i.location),
  },
  Category: {
    __resolveReference: (ref, ctx) => ctx.loaders.category.load(ref.id),
    parent: (c, _args, ctx) => (c.parentId ? ctx.loaders.category.load(c.parentId) : null),
    children: (c, _args, ctx) => ctx.loaders.childrenByCategory.load(c.id),
    products: (c, args, ctx, info) => listProducts(ctx, { ...args, filter: { categoryId: c.id } }, info),
    versions: (c, args, ctx) => staffVersions(ctx, { roots: [c.id] }, args),
  },
  ProductConnection: {
    totalCount: (conn) => conn.query.count(),
    facets: (conn) => conn.query,
    correctedQuery: (conn) => conn.query.correctedQuery,
  },
  ProductFacets: {
    categories: async (query: ProductQuery) => (await query.categoryFacets()),
    options: (query: ProductQuery) => query.optionFacets(),
    priceRanges: (query: ProductQuery) => query.priceFacets(),
  },
  CategoryFacet: {
    category: async (f, _args, ctx) => (await ctx.loaders.category.load(f.categoryId))!,
  },
  InventoryReservation: {
    expiresAt: (r) => r.expiresAt,
  },
  CatalogImport: {
    errors: (row) => importUserErrors(row),
  },
};
