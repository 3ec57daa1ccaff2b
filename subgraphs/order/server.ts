import express from 'express';
import { readSettings } from '../../lib/config.js';
import { contextAdapter, readingDirectly } from '../../lib/db.js';
import { createLogger } from '../../lib/logger.js';
import { bindToScope } from '../../lib/request-scope.js';
import { describeActor } from '../../lib/state-machine.js';
import { erasureConsumer } from '../../lib/personal-data.js';
import { reconciliationRepairsCounter } from '../../lib/metrics.js';
import { RateLimiter } from '../../lib/rate-limit.js';
import { startSubgraph, type Runtime, type RunningService } from '../../lib/runtime.js';
import { subgraphCall } from '../../lib/subgraph-client.js';
import { CheckoutService, type CheckoutServiceOptions } from './checkout/checkout.service.js';
import { checkoutPeers } from './checkout/peers.js';
import { orderSettings } from './config.js';
import type { OrderContext } from './context.js';
import { OrderActions } from './order-actions.service.js';
import { OrderService } from './order.service.js';
import { PaymentService, WEBHOOK_ACTOR } from './payment.service.js';
import { RefundService } from './refund.service.js';
import { paymentSettings } from './payments/config.js';
import { paymentProviderFrom } from './payments/stripe-provider.js';
import { WebhookSignatureError, type PaymentProvider } from './payments/provider.js';
import { PrismaClient } from './prisma-client/client.js';
import { PersonalDataService, eraseOrderData } from './privacy/personal-data.service.js';
import { createOrderReads } from './order-reads.js';
import { resolvers } from './resolvers.js';
import { catalogVariants } from './subscription-orders/catalog-variants.js';
import { PeriodCharges } from './subscription-orders/period-charges.js';
import { SubscriptionOrderService } from './subscription-orders/subscription-orders.service.js';
import { checkoutRecoveryJob } from './workers/checkout-recovery.js';
import { paymentReconciliationJob } from './workers/payment-reconciliation.js';

/** The order context's services on one database pool, with the peers it calls (at their configured URLs, read per call). */
export function createOrderServices(runtime: Pick<Runtime, 'config' | 'serviceToken'>, overrides: { provider?: PaymentProvider; afterStep?: CheckoutServiceOptions['afterStep'] } = {}) {
  const settings = readSettings(orderSettings, runtime.config);
  const log = createLogger(runtime.config.LOG_LEVEL, 'order');
  const adapter = contextAdapter(runtime.config, 'order');
  const db = readingDirectly(new PrismaClient({ adapter }), adapter);
  const token = () => runtime.serviceToken('order');
  const call = (name: 'cart' | 'catalog' | 'promotion') => subgraphCall({ name, url: () => runtime.config.subgraphUrls[name], token, timeoutMs: 10_000 });
  const peers = checkoutPeers({ cart: call('cart'), catalog: call('catalog'), promotion: call('promotion') });
  const provider = overrides.provider ?? paymentProviderFrom(readSettings(paymentSettings, runtime.config));
  const orders = new OrderService(db);
  const repairs = reconciliationRepairsCounter();
  const payments = new PaymentService(db, provider, orders, log, repairs);
  const checkouts = new CheckoutService({
    db,
    peers,
    payments: provider,
    orders,
    reservationTtlSeconds: settings.ORDER_RESERVATION_TTL_SECONDS,
    now: () => new Date(),
    leaseMs: settings.ORDER_CHECKOUT_LEASE_MS,
    log,
    afterStep: overrides.afterStep,
  });
  const actions = new OrderActions(db, orders, payments, new RefundService(db, provider), provider);
  const subscriptionOrders = new SubscriptionOrderService({
    db,
    catalog: catalogVariants(call('catalog')),
    peers,
    charges: new PeriodCharges(db, provider, payments, log),
    orders,
    actions,
    now: () => new Date(),
  });
  return { db, settings, log, provider, orders, payments, checkouts, actions, subscriptionOrders, personalData: new PersonalDataService(db), repairs };
}

export type OrderServices = ReturnType<typeof createOrderServices>;

export async function startOrder(runtime: Runtime, options: { port?: number; services?: OrderServices } = {}): Promise<RunningService> {
  const services = options.services ?? createOrderServices(runtime);
  const { db, settings, payments, checkouts, actions, subscriptionOrders, personalData, log } = services;
  const checkoutAttempts = new RateLimiter(runtime.redis, {
    purpose: 'checkout',
    redisPrefix: runtime.config.REDIS_PREFIX,
    perPerson: settings.CHECKOUT_ATTEMPTS_PER_MINUTE_PER_PERSON,
    perClient: settings.CHECKOUT_ATTEMPTS_PER_MINUTE_PER_CLIENT,
    what: 'checkout attempts',
  });
  return startSubgraph<OrderContext>({
    name: 'order',
    runtime,
    resolvers,
    db,
    port: options.port,
    context: (base) => ({ ...base, db, reads: createOrderReads(db), checkouts, checkoutAttempts, actions, subscriptionOrders, personalData }),
    metrics: [services.repairs],
    routes: (app) => {
      // The provider signs the raw body: it is verified before anything parses it.
      app.post('/webhooks/stripe', express.raw({ type: () => true, limit: '1mb' }), async (req, res) => {
        bindToScope({ actor: describeActor(WEBHOOK_ACTOR) });
        try {
          const outcome = await payments.handleWebhook(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), req.header('stripe-signature'));
          res.json({ received: true, outcome });
        } catch (err) {
          if (err instanceof WebhookSignatureError) {
            log.warn({ err: err.message }, 'payment webhook refused: bad signature');
            res.status(400).json({ error: 'invalid signature' });
            return;
          }
          log.error({ err }, 'payment webhook not applied; the provider will retry');
          res.status(500).json({ error: 'not applied; retry later' });
        }
      });
    },
    jobs: [
      checkoutRecoveryJob(checkouts, settings.ORDER_CHECKOUT_RECOVERY_MS),
      paymentReconciliationJob(payments, settings.ORDER_RECONCILE_MS, settings.ORDER_RECONCILE_AFTER_MS),
    ],
    consumers: [erasureConsumer({ name: 'order-personal-data-erasure', redisPrefix: runtime.config.REDIS_PREFIX, db, log, erase: eraseOrderData })],
  });
}
