import { readFileSync } from 'node:fs';
import { pgAdapter } from '../../lib/db.js';
import { startSubgraph, type Runtime, type RunningService } from '../../lib/runtime.js';
import { CartService } from './cart.service.js';
import { catalogSubgraphClient, type CatalogClient } from './catalog.js';
import type { CartContext } from './context.js';
import { createLogger } from '../../lib/logger.js';
import { PrismaClient } from './prisma-client/client.js';
import { promotionSubgraphClient, type PromotionsClient } from './promotions.js';
import { createCartLoaders, quoteCart, readForQuote, type CartQuote } from './quote.service.js';
import { loadRateTables } from './rates.js';
import { resolvers } from './resolvers.js';
import { cartExpiryJob } from './workers/cart-expiry.js';

const typeDefs = readFileSync(new URL('../../schema/cart.graphql', import.meta.url), 'utf8');

export interface CartOptions {
  port?: number;
  /** Who evaluates promotions; by default the promotion subgraph's evaluatePromotions. */
  promotions?: PromotionsClient;
  /** Where variants come from; by default the catalog subgraph's `_entities`. */
  catalog?: CatalogClient;
}

export async function startCart(runtime: Runtime, options: CartOptions = {}): Promise<RunningService> {
  const { config } = runtime;
  const db = new PrismaClient({ adapter: pgAdapter(config.DATABASE_URL, 'cart', config.DATABASE_POOL_SIZE) });
  const token = () => runtime.serviceToken('cart');
  // Subgraph URLs are read per call from runtime.config, which may be updated after start-up.
  const catalog = options.catalog ?? catalogSubgraphClient({ url: () => runtime.config.subgraphUrls.catalog, token });
  const promotions = options.promotions ?? promotionSubgraphClient({ url: () => runtime.config.subgraphUrls.promotion, token });
  const rates = loadRateTables(config.CART_RATES_FILE);
  const carts = new CartService(db, catalog, { promotions, rates, log: createLogger(config.LOG_LEVEL, 'cart') }, config.CART_TTL_DAYS);
  return startSubgraph<CartContext>({
    name: 'cart',
    runtime,
    typeDefs,
    resolvers,
    db,
    port: options.port,
    context: (base) => {
      const quotes = new Map<string, Promise<CartQuote>>();
      const ctx: CartContext = {
        ...base,
        db,
        carts,
        loaders: createCartLoaders(db, catalog),
        afterWrite: () => {
          ctx.loaders = createCartLoaders(db, catalog);
        },
        quote: (cart) => {
          // A cart changed by a mutation comes back with a new updatedAt, so it is priced afresh.
          const key = `${cart.id}@${cart.updatedAt.getTime()}`;
          let quoted = quotes.get(key);
          if (!quoted) {
            quoted = readForQuote(ctx.loaders, cart.id).then((read) => quoteCart({ promotions, rates, log: base.log }, { cart, ...read, promotionsOptional: true }));
            quotes.set(key, quoted);
          }
          return quoted;
        },
      };
      return ctx;
    },
    jobs: [cartExpiryJob(carts, config.CART_EXPIRY_SWEEP_MS)],
  });
}
