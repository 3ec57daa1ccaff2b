import type { RequestContext } from '../../lib/resolver-context.js';
import type { CheckoutService } from './checkout/checkout.service.js';
import type { OrderActions } from './order-actions.service.js';
import type { PrismaClient } from './prisma-client/client.js';
import type { SubscriptionOrderService } from './subscription-orders/subscription-orders.service.js';

export interface OrderContext extends RequestContext {
  db: PrismaClient;
  checkouts: CheckoutService;
  actions: OrderActions;
  subscriptionOrders: SubscriptionOrderService;
}
