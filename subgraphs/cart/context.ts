import type { RateLimiter } from '../../lib/rate-limit.js';
import type { RequestContext } from '../../lib/resolver-context.js';
import type { ChangedCart } from './cart-reads.js';
import type { CartService } from './cart.service.js';
import type { CartCheckoutService } from './checkout.service.js';
import type { CartRow } from './models.js';
import type { PrismaClient } from './prisma-client/client.js';
import type { CartLoaders, CartQuote } from './quote.service.js';

export interface CartContext extends RequestContext {
  db: PrismaClient;
  carts: CartService;
  checkouts: CartCheckoutService;
  loaders: CartLoaders;
  /** applyPromotionCode's limit on codes that fail to apply (PROMOTION_CODE_FAILURES_PER_MINUTE_*). */
  codeAttempts: RateLimiter;
  /**
   * Forgets the lines read before a write (one document may hold several mutations); the
   * catalog's answers stay. A changed cart's lines as committed are kept for pricing it.
   */
  afterWrite(changed?: CartRow | ChangedCart | null): void;
  /** The cart priced as of now, worked out once per request and cart version. */
  quote(cart: CartRow): Promise<CartQuote>;
}
