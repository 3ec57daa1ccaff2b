// Who sees what of the catalog: staff (admin, support) everything, others live products only.
import { hasRole } from '../../lib/auth.js';
import type { CatalogContext } from './context.js';
import type { ProductRow } from './models.js';

export const isStaff = (ctx: CatalogContext) => hasRole(ctx.viewer, 'admin', 'support');

/** Customers and anonymous callers see live products only (active and not archived); staff see everything. */
export const visibleProduct = (ctx: CatalogContext, p: ProductRow | null) => (p && (isStaff(ctx) || (p.active && !p.deletedAt)) ? p : null);
