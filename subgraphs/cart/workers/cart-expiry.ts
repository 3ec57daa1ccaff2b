import type { JobSpec } from '../../../lib/runtime.js';
import type { CartService } from '../cart.service.js';

/** Expires and archives carts idle longer than CART_TTL_DAYS. */
export function cartExpiryJob(carts: CartService, everyMs: number): JobSpec {
  return {
    queueName: 'cart-expiry',
    everyMs,
    run: () => carts.expireIdle(),
  };
}
