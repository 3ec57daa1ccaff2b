// The promotion context's consumers of other contexts' events: carts created with a partner's
// code are linked to a click, paid orders are credited to partners.
import { z } from 'zod';
import { directTransactions } from '../../../../lib/db.js';
import { idempotentConsumer, type ConsumerSpec } from '../../../../lib/event-consumer.js';
import type { Logger } from '../../../../lib/logger.js';
import { eventStream } from '../../../../lib/outbox.js';
import type { AffiliateAttributionService } from '../attribution.service.js';
import { orderPaidData } from '../attribution.service.js';
import type { AffiliateClickService } from '../click.service.js';
import type { PrismaClient } from '../../prisma-client/client.js';

/** CartCreated's data as the cart subgraph publishes it (README "Affiliates"). */
const cartCreatedData = z.object({
  cartId: z.string().min(1).max(100),
  personId: z.string().max(100).nullish(),
  affiliateCode: z.string().max(64).nullish(),
});

export function affiliateConsumers(options: {
  db: PrismaClient;
  clicks: AffiliateClickService;
  attributions: AffiliateAttributionService;
  redisPrefix: string;
  log: Logger;
}): ConsumerSpec[] {
  const { clicks, attributions, redisPrefix, log } = options;
  // Their effects are raw statements: each event's transaction runs straight on pg.
  const db = directTransactions(options.db);
  return [
    idempotentConsumer({
      name: 'promotion-affiliate-carts',
      stream: eventStream(redisPrefix, 'cart'),
      types: ['CartCreated'],
      db,
      log,
      data: cartCreatedData,
      // Most carts come without a partner's code: those link nothing, and cost no transaction.
      relevant: (cart) => Boolean(cart.affiliateCode),
      handle: (cart, tx) => clicks.linkCart(tx, { cartId: cart.cartId, personId: cart.personId ?? null, affiliateCode: cart.affiliateCode ?? null }).then(() => undefined),
    }),
    idempotentConsumer({
      name: 'promotion-affiliate-orders',
      stream: eventStream(redisPrefix, 'order'),
      types: ['OrderPaid'],
      db,
      log,
      data: orderPaidData,
      // Most orders carry no partner's code and come from carts without a click: no transaction.
      relevant: (order) => attributions.mayEarn(order),
      handle: (order, tx) => attributions.attributeOrder(tx, order).then(() => undefined),
    }),
  ];
}
