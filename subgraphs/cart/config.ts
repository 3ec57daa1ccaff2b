// The cart's own settings (README "Configuration" in this folder).
import { z } from 'zod';
import { setting } from '../../lib/config.js';

export const cartSettings = z.object({
  /** Days without activity after which a cart expires. */
  CART_TTL_DAYS: setting.int(1, 365).default(30),
  CART_EXPIRY_SWEEP_MS: setting.int(100, 86_400_000).default(60_000),
  /** Shipping and tax rate tables; subgraphs/cart/rates.json when unset. */
  CART_RATES_FILE: setting.text().optional(),
  /**
   * Promotion codes that may fail to apply per minute (code guessing), per person and per client
   * address; an applied code is not counted. A shopper retyping a code stays far below them.
   */
  PROMOTION_CODE_FAILURES_PER_MINUTE_PER_PERSON: setting.int(1, 100_000).default(10),
  PROMOTION_CODE_FAILURES_PER_MINUTE_PER_CLIENT: setting.int(1, 100_000).default(50),
  /**
   * Seconds the cart prices from its copy of a variant's catalog answer (catalog-projection.ts);
   * a copy is dropped sooner when the catalog's events say it changed. 0: ask the catalog on every
   * read. Checkout always asks the catalog.
   */
  CART_CATALOG_MAX_AGE_SECONDS: setting.int(0, 86_400).default(60),
});

export type CartSettings = z.infer<typeof cartSettings>;
