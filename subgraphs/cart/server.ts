import { readSettings } from '../../lib/config.js';
import { erasureConsumer } from '../../lib/personal-data.js';
import { eraseCartData } from './personal-data.js';
import { contextAdapter, readingDirectly } from '../../lib/db.js';
import { createLogger } from '../../lib/logger.js';
import { RateLimiter } from '../../lib/rate-limit.js';
import { startSubgraph, type Runtime, type RunningService } from '../../lib/runtime.js';
import { cartLifetime } from './cart-lifetime.js';
import { CartService } from './cart.service.js';
import { catalogSubgraphClient } from './catalog.js';
import { catalogProjectionConsumer, projectedCatalog } from './catalog-projection.js';
import { CartCheckoutService } from './checkout.service.js';
import { cartSettings } from './config.js';
import type { CartContext } from './context.js';
import { PrismaClient } from './prisma-client/client.js';
import { promotionSubgraphClient } from './promotions.js';
import { createCartLoaders, quoteCart, readForQuote, type CartQuote } from './quote.service.js';
import { loadRateTables } from './rates.js';
import { resolvers } from './resolvers.js';
import { cartExpiryJob } from './workers/cart-expiry.js';
import { ORDER_CONTEXT, orderOutcomeConsumer, wasPaid } from '../../lib/order-outcomes.js';
import { subgraphCall } from '../../lib/subgraph-client.js';
import { catalogCopiesCounter } from '../../lib/metrics.js';
import { readAutomaticPromotions } from '../../lib/automatic-promotions.js';

/**
 * The cart's services on one database pool, with the catalog and promotion subgraphs it asks (per
 * call, at their configured URLs): `catalog` asks the catalog itself (checkout), `projected` answers
 * from the cart's copy of its answers first (carts).
 */
export function createCartServices(runtime: Pick<Runtime, 'config' | 'serviceToken' | 'redis'>) {
  const settings = readSettings(cartSettings, runtime.config);
  const adapter = contextAdapter(runtime.config, 'cart');
  const db = readingDirectly(new PrismaClient({ adapter }), adapter);
  const token = () => runtime.serviceToken('cart');
  // Subgraph URLs are read per call from runtime.config, which may be updated after start-up.
  const catalog = catalogSubgraphClient(subgraphCall({ name: 'catalog', url: () => runtime.config.subgraphUrls.catalog, token }));
  const promotions = promotionSubgraphClient(subgraphCall({ name: 'promotion', url: () => runtime.config.subgraphUrls.promotion, token }));
  const quoting = {
    promotions,
    // One Redis read instead of the promotion subgraph, for a cart without codes when no automatic promotion could apply.
    automaticPromotions: () => readAutomaticPromotions(runtime.redis, runtime.config.REDIS_PREFIX),
    rates: loadRateTables(settings.CART_RATES_FILE),
    log: createLogger(runtime.config.LOG_LEVEL, 'cart'),
  };
  const lifetime = cartLifetime(settings.CART_TTL_DAYS);
  // Carts are priced from the cart's copy of the catalog's answers; checkout asks the catalog itself.
  const copies = catalogCopiesCounter();
  const projected = projectedCatalog(db, catalog, { maxAgeSeconds: settings.CART_CATALOG_MAX_AGE_SECONDS, log: quoting.log, copies });
  const carts = new CartService(db, projected, quoting, lifetime);
  const checkouts = new CartCheckoutService(db, catalog, quoting, carts, lifetime);
  return { db, catalog, projected, quoting, carts, checkouts, settings, copies };
}

export async function startCart(runtime: Runtime, options: { port?: number } = {}): Promise<RunningService> {
  const { db, projected, quoting, carts, checkouts, settings, copies } = createCartServices(runtime);
  const codeAttempts = new RateLimiter(runtime.redis, {
    purpose: 'promotion-code-failures',
    redisPrefix: runtime.config.REDIS_PREFIX,
    perPerson: settings.PROMOTION_CODE_FAILURES_PER_MINUTE_PER_PERSON,
    perClient: settings.PROMOTION_CODE_FAILURES_PER_MINUTE_PER_CLIENT,
    what: 'promotion codes that did not apply',
  });
  return startSubgraph<CartContext>({
    name: 'cart',
    runtime,
    resolvers,
    db,
    port: options.port,
    context: (base) => {
      const quotes = new Map<string, Promise<CartQuote>>();
      const ctx: CartContext = {
        ...base,
        db,
        carts,
        checkouts,
        codeAttempts,
        loaders: createCartLoaders(db, projected),
        // The lines read before a write are stale after it; what the catalog answered in this
        // request is not (a cart's write changes nothing there), so its answers price the result.
        afterWrite: (changed) => {
          ctx.loaders.lines.clearAll();
          if (changed && 'committedLines' in changed) ctx.loaders.lines.prime(changed.id, changed.committedLines);
        },
        quote: (cart) => {
          // A cart changed by a mutation comes back with a new updatedAt, so it is priced afresh.
          const key = `${cart.id}@${cart.updatedAt.getTime()}`;
          let quoted = quotes.get(key);
          if (!quoted) {
            quoted = readForQuote(ctx.loaders, cart.id, base.log).then((read) => quoteCart({ ...quoting, log: base.log }, { cart, ...read, promotionsOptional: true }));
            quotes.set(key, quoted);
          }
          return quoted;
        },
      };
      return ctx;
    },
    jobs: [cartExpiryJob(carts, settings.CART_EXPIRY_SWEEP_MS)],
    metrics: [copies],
    // A paid order's cart is checked out; a cancelled order's cart is handed back to its shopper.
    consumers: [
      orderOutcomeConsumer({
        name: 'cart-order-checkouts',
        redisPrefix: runtime.config.REDIS_PREFIX,
        log: createLogger(runtime.config.LOG_LEVEL, 'cart'),
        paid: async ({ orderId, cartId }) => cartId && checkouts.complete(ORDER_CONTEXT, cartId, orderId),
        // A paid order's cart was checked out for good; an unpaid one's goes back to its shopper.
        cancelled: async (order) => (order.cartId && !wasPaid(order) ? checkouts.reopen(ORDER_CONTEXT, order.cartId, order.orderId) : undefined),
      }),
      erasureConsumer({ name: 'cart-personal-data-erasure', redisPrefix: runtime.config.REDIS_PREFIX, db, log: createLogger(runtime.config.LOG_LEVEL, 'cart'), erase: eraseCartData }),
      ...(settings.CART_CATALOG_MAX_AGE_SECONDS > 0 ? [catalogProjectionConsumer({ redisPrefix: runtime.config.REDIS_PREFIX, db, log: createLogger(runtime.config.LOG_LEVEL, 'cart') })] : []),
    ],
  });
}
