import type { JobSpec } from '../../../lib/runtime.js';
import type { InventoryService } from '../inventory.service.js';

/** Returns the stock of unpaid reservations once they pass their expiry. */
export function reservationExpiryJob(inventory: InventoryService, everyMs: number): JobSpec {
  return {
    queueName: 'catalog-reservation-expiry',
    everyMs,
    run: () => inventory.expireOverdue(),
  };
}
