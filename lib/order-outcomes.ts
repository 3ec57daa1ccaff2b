// How the other contexts follow an order's outcome (SPEC §4): when the order context publishes
// OrderPaid or OrderCancelled, the catalog commits or releases the order's stock, the promotion
// context confirms or releases its redemptions, and the cart completes or hands back the cart.
// Each effect is idempotent in its own service (committing twice is committing once, releasing
// an expired reservation releases nothing), so redelivery is harmless. A refusal can never
// succeed on a retry: it is logged and the event acknowledged; an outage is retried. A
// subscription period's order has no cart (cartId null): what is about the cart skips it.
import { z } from 'zod';
import { UserErrorsException } from './errors.js';
import type { ConsumerSpec } from './event-consumer.js';
import type { Logger } from './logger.js';
import { eventStream } from './outbox.js';
import { IllegalTransition, type Actor } from './state-machine.js';

const outcomeData = z.object({
  orderId: z.string().min(1),
  /** Null for a subscription period's order. */
  cartId: z.string().nullish(),
  personId: z.string().nullish(),
  previousStatus: z.string().nullish(),
});

export type OrderOutcome = z.infer<typeof outcomeData>;

/** Whether a cancelled order had been paid (OrderCancelled's previousStatus): its stock left and its cart was checked out. */
export const wasPaid = (order: OrderOutcome): boolean => !!order.previousStatus && order.previousStatus !== 'PENDING_PAYMENT';

/** The order context, acting through its events. */
export const ORDER_CONTEXT: Actor = { kind: 'service', id: 'order' };

export function orderOutcomeConsumer(options: {
  /** The consumer group, e.g. `catalog-order-stock`. */
  name: string;
  redisPrefix: string;
  log: Logger;
  paid: (order: OrderOutcome) => Promise<unknown>;
  cancelled: (order: OrderOutcome) => Promise<unknown>;
}): ConsumerSpec {
  const { name, log } = options;
  return {
    name,
    stream: eventStream(options.redisPrefix, 'order'),
    types: ['OrderPaid', 'OrderCancelled'],
    async process(event) {
      const data = outcomeData.safeParse(event.data);
      if (!data.success) {
        log.error({ consumer: name, eventId: event.id, issues: data.error.issues }, 'order event data has an unexpected shape; skipped');
        return;
      }
      try {
        await (event.type === 'OrderPaid' ? options.paid(data.data) : options.cancelled(data.data));
      } catch (err) {
        if (!(err instanceof UserErrorsException) && !(err instanceof IllegalTransition)) throw err;
        log.error({ consumer: name, eventId: event.id, type: event.type, orderId: data.data.orderId, refusal: err.message }, 'order outcome refused; nothing to retry');
      }
    },
  };
}
