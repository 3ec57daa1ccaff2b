// The order context's word on a period's payment, through its events (SPEC §5): OrderPaid and
// OrderPaymentFailed of an order that is a subscription period. They settle the period as the
// renewal worker's own read does (period-settlement.ts applies each outcome once, whichever comes
// first), so a first payment the subscriber confirmed later, or a worker that stopped after
// charging, still ends up applied. Orders from carts are skipped.
import { z } from 'zod';
import type { ConsumerSpec } from '../../lib/event-consumer.js';
import type { Logger } from '../../lib/logger.js';
import { eventStream } from '../../lib/outbox.js';
import type { PeriodSettlement } from './period-settlement.js';

const periodOrder = z.object({
  orderId: z.string().min(1),
  subscriptionId: z.string().nullish(),
  subscriptionPeriod: z.number().int().nullish(),
  attempt: z.number().int().min(1).nullish(),
  reason: z.string().nullish(),
});

export function periodOutcomeConsumer(options: { redisPrefix: string; settlement: PeriodSettlement; log: Logger }): ConsumerSpec {
  const { settlement, log } = options;
  const name = 'subscription-period-payments';
  return {
    name,
    stream: eventStream(options.redisPrefix, 'order'),
    types: ['OrderPaid', 'OrderPaymentFailed'],
    async process(event) {
      const data = periodOrder.safeParse(event.data);
      if (!data.success) {
        log.error({ consumer: name, eventId: event.id, issues: data.error.issues }, 'order event data has an unexpected shape; skipped');
        return;
      }
      const { orderId, subscriptionId, subscriptionPeriod, attempt, reason } = data.data;
      if (!subscriptionId || subscriptionPeriod === null || subscriptionPeriod === undefined) return;
      if (event.type === 'OrderPaid') await settlement.settle(subscriptionId, subscriptionPeriod, { kind: 'paid', orderId });
      else await settlement.settle(subscriptionId, subscriptionPeriod, { kind: 'failed', orderId, attempt: attempt ?? 1, reason: reason ?? 'the payment failed' });
    },
  };
}
