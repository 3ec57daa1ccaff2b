// The promotion context's consumers of other contexts' events: carts created with a partner's
// code are linked to a click, paid orders are credited to partners.
import { z } from 'zod';
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
  const { db, clicks, attributions, redisPrefix, log } = options;
  return [
    idempotentConsumer({
      name: 'promotion-affiliate-carts',
      stream: eventStream(redisPrefix, 'cart'),
      types: ['CartCreated'],
      db,
      handle: async (event, tx) => {
        const data = cartCreatedData.safeParse(event.data);
        // A malformed event can never succeed; it is recorded as processed and reported.
        if (!data.success) return log.error({ eventId: event.id, issues: data.error.issues }, 'CartCreated event has an unexpected shape; skipped');
        await clicks.linkCart(tx, { cartId: data.data.cartId, personId: data.data.personId ?? null, affiliateCode: data.data.affiliateCode ?? null });
      },
    }),
    idempotentConsumer({
      name: 'promotion-affiliate-orders',
      stream: eventStream(redisPrefix, 'order'),
      types: ['OrderPaid'],
      db,
      handle: async (event, tx) => {
        const data = orderPaidData.safeParse(event.data);
        if (!data.success) return log.error({ eventId: event.id, issues: data.error.issues }, 'OrderPaid event has an unexpected shape; skipped');
        await attributions.attributeOrder(tx, data.data);
      },
    }),
  ];
}
