import { readSettings } from '../../lib/config.js';
import { erasureConsumer } from '../../lib/personal-data.js';
import { cancelRunningSubscriptions, eraseSubscriptionData } from './personal-data.js';
import { contextAdapter, readingDirectly } from '../../lib/db.js';
import { createLogger } from '../../lib/logger.js';
import { startSubgraph, type Runtime, type RunningService } from '../../lib/runtime.js';
import { subgraphCall } from '../../lib/subgraph-client.js';
import { catalogSubgraphClient } from './catalog.js';
import { subscriptionSettings } from './config.js';
import { EnrolmentService } from './enrolment.js';
import { orderPeer, type OrderPeer } from './order-peer.js';
import { periodOutcomeConsumer } from './order-outcomes.js';
import { PeriodSettlement } from './period-settlement.js';
import { Renewals } from './renewals.js';
import type { SubscriptionContext } from './context.js';
import { createLoaders } from './loaders.js';
import { PlanService } from './plan.service.js';
import { PrismaClient } from './prisma-client/client.js';
import { resolvers } from './resolvers.js';
import { SubscriptionActions } from './subscription-actions.service.js';
import { SubscriptionService } from './subscription.service.js';

/**
 * The subscription context's services on one database pool, with the peers it asks (at their
 * configured URLs, read per call). `now` is the clock every rule reads (tests move it); `orders`
 * wraps the order context's client (tests stop a worker half-way with it).
 */
export function createSubscriptionServices(runtime: Pick<Runtime, 'config' | 'serviceToken'>, options: { now?: () => Date; orders?: (peer: OrderPeer) => OrderPeer } = {}) {
  const now = options.now ?? (() => new Date());
  const settings = readSettings(subscriptionSettings, runtime.config);
  const log = createLogger(runtime.config.LOG_LEVEL, 'subscription');
  const adapter = contextAdapter(runtime.config, 'subscription');
  const db = readingDirectly(new PrismaClient({ adapter }), adapter);
  const call = (name: 'catalog' | 'order') =>
    subgraphCall({ name, url: () => runtime.config.subgraphUrls[name], token: () => runtime.serviceToken('subscription'), timeoutMs: 15_000 });
  const catalog = catalogSubgraphClient(call('catalog'));
  const peer = orderPeer(call('order'));
  const orders = options.orders ? options.orders(peer) : peer;
  const policy = { retryDays: settings.SUBSCRIPTION_RETRY_DAYS, outcome: settings.SUBSCRIPTION_DUNNING_OUTCOME };
  const settlement = new PeriodSettlement(db, orders, policy, now, log);
  const renewals = new Renewals(db, orders, settlement, policy, now, log, settings.SUBSCRIPTION_RENEWAL_BATCH);
  const subscriptions = new SubscriptionService(db, now);
  return {
    db,
    settings,
    log,
    catalog,
    settlement,
    renewals,
    plans: new PlanService(db, catalog),
    subscriptions,
    actions: new SubscriptionActions(subscriptions),
    enrolment: new EnrolmentService(db, renewals, now),
  };
}

export type SubscriptionServices = ReturnType<typeof createSubscriptionServices>;

export async function startSubscription(runtime: Runtime, options: { port?: number; services?: SubscriptionServices } = {}): Promise<RunningService> {
  const services = options.services ?? createSubscriptionServices(runtime);
  const { db, plans, actions, enrolment, settings } = services;
  return startSubgraph<SubscriptionContext>({
    name: 'subscription',
    runtime,
    resolvers,
    db,
    port: options.port,
    context: (base) => ({ ...base, db, plans, actions, enrolment, loaders: createLoaders(db) }),
    jobs: [{ queueName: 'subscription-renewals', everyMs: settings.SUBSCRIPTION_RENEWAL_MS, run: () => services.renewals.runDue() }],
    consumers: [
      periodOutcomeConsumer({ redisPrefix: runtime.config.REDIS_PREFIX, settlement: services.settlement, log: services.log }),
      erasureConsumer({
        name: 'subscription-personal-data-erasure',
        redisPrefix: runtime.config.REDIS_PREFIX,
        db,
        log: services.log,
        prepare: (erasure) => cancelRunningSubscriptions(db, actions, erasure),
        erase: eraseSubscriptionData,
      }),
    ],
  });
}
