import type { CatalogImport, Category, InventoryLevel, Product, ProductImage, ProductVariant } from './prisma-client/client.js';
import type { Connection } from '../../lib/pagination.js';
import type { ProductQuery } from './product-search.js';

export type ProductRow = Product;
export type VariantRow = ProductVariant;
/**
 * A variant as the API reads it: its row without the times it was created and updated (never
 * shown), and, when read with its details (variant_details(), product_details()), its stock and,
 * when the request showed them, its chosen option values (null when read without), which its
 * fields then answer without a further read or promise.
 */
export type VariantView = Omit<ProductVariant, 'createdAt' | 'updatedAt'> & { options?: SelectedOptionRow[] | null; inventory?: InventoryRow | null };
export type CategoryRow = Category;
/** An image as the API shows it: its row without the time it was created (never shown). */
export type ImageView = Omit<ProductImage, 'createdAt'>;
/** An import as the API reads it: its file's text stays in the database. */
export type CatalogImportRow = Omit<CatalogImport, 'csv'>;
export type InventoryRow = Pick<InventoryLevel, 'onHand' | 'reserved' | 'reorderThreshold' | 'location'>;

export interface SelectedOptionRow {
  name: string;
  value: string;
}

export interface OptionRow {
  id: string;
  name: string;
  position: number;
  values: string[];
}

export interface ReservationRow {
  id: string;
  ownerId: string;
  status: 'ACTIVE' | 'COMMITTED' | 'RELEASED' | 'EXPIRED';
  expiresAt: Date;
  lines: { variantId: string; quantity: number }[];
}

/** A page of products plus the query that produced it, for totalCount and facets on demand. */
export interface ProductConnectionRow extends Connection<ProductRow> {
  query: ProductQuery;
}

export interface CategoryFacetRow {
  categoryId: string;
  count: number;
}
