import { reservationExpiriesCounter } from '../../../lib/metrics.js';
import type { JobSpec } from '../../../lib/runtime.js';
import type { InventoryService } from '../inventory.service.js';

/** Returns the stock of unpaid reservations once they pass their expiry, counting them. */
export function reservationExpiryJob(inventory: InventoryService, everyMs: number): JobSpec {
  const expired = reservationExpiriesCounter();
  return {
    queueName: 'catalog-reservation-expiry',
    everyMs,
    metrics: [expired],
    run: async () => {
      const count = await inventory.expireOverdue();
      expired.inc(count);
      return count;
    },
  };
}
