// The events a stock change raises, shared by every writer of stock levels (inventory.service.ts,
// the bulk import). Pure.
import type { NewEvent } from '../../lib/outbox.js';

/** A stock level after a change, with what was available and the threshold before it. */
export interface LevelChange {
  on_hand: number;
  reserved: number;
  reorder_threshold: number;
  location: string;
  previous_available: number;
  previous_threshold: number;
}

/**
 * InventoryLow fires when a change makes a variant low on stock (available at or below its reorder
 * threshold) that was not before: by taking stock away or by raising the threshold.
 */
export function lowStockEvent(variantId: string, row: LevelChange): NewEvent[] {
  const available = row.on_hand - row.reserved;
  if (available > row.reorder_threshold || row.previous_available <= row.previous_threshold) return [];
  return [
    {
      type: 'InventoryLow',
      aggregateType: 'ProductVariant',
      aggregateId: variantId,
      data: { variantId, available, reorderThreshold: row.reorder_threshold, location: row.location },
    },
  ];
}

/**
 * Stock on hand was set, adjusted or imported: the product's variants show other stock, so a
 * copy kept elsewhere (the cart's, subgraphs/cart/catalog-projection.ts) is out of date.
 * Reservations have events of their own; committing one leaves what is available as it was.
 */
export function stockChangedEvent(productId: string): NewEvent {
  return { type: 'ProductUpdated', aggregateType: 'Product', aggregateId: productId, data: { productId, changed: ['inventory'] } };
}
