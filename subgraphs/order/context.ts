import type { RateLimiter } from '../../lib/rate-limit.js';
import type { RequestContext } from '../../lib/resolver-context.js';
import type { CheckoutService } from './checkout/checkout.service.js';
import type { OrderActions } from './order-actions.service.js';
import type { OrderReads } from './order-reads.js';
import type { PrismaClient } from './prisma-client/client.js';
import type { PersonalDataService } from './privacy/personal-data.service.js';
import type { SubscriptionOrderService } from './subscription-orders/subscription-orders.service.js';

export interface OrderContext extends RequestContext {
  db: PrismaClient;
  /** This request's batched reads of what orders show (order-reads.ts). */
  reads: OrderReads;
  checkouts: CheckoutService;
  /** checkout's rate limit (CHECKOUT_ATTEMPTS_PER_MINUTE_*). */
  checkoutAttempts: RateLimiter;
  actions: OrderActions;
  subscriptionOrders: SubscriptionOrderService;
  personalData: PersonalDataService;
}
