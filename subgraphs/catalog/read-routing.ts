// Which database a request's catalog reads go to. With CATALOG_READ_DATABASE_URL set, a read
// replica takes shoppers' reads: listings and search with their facets, suggestions, product pages,
// and the products, variants and categories the gateway resolves for them (the loaders). Everything
// else reads the primary: writes, and what a write reads inside its transaction (a reservation
// checks and takes stock there); staff, who must see what they have just changed; services (a cart
// pricing its lines, checkout), so that what is charged is never behind the primary; and whatever a
// request reads after it wrote. Without a replica everything reads the primary.
import { hasRole } from '../../lib/auth.js';
import type { CatalogContext } from './context.js';
import { createLoaders } from './loaders.js';

/** The client the request's reads use and its loaders on it; `wrote`: the request has written (resolvers.ts write). */
export function routeReads(ctx: Pick<CatalogContext, 'db' | 'replica' | 'viewer'>, wrote = false): Pick<CatalogContext, 'reads' | 'loaders'> {
  const reads = ctx.replica && !wrote && !hasRole(ctx.viewer, 'admin', 'support', 'service') ? ctx.replica : ctx.db;
  return { reads, loaders: createLoaders(reads) };
}
