// What the subscription resolvers receive: rows as stored, or small views of them (codegen maps the
// SDL's types to these). A service answers a row; the resolvers turn it into the API's shape.
import type { Money } from '../../lib/money.js';
import type { CountedConnection } from '../../lib/pagination.js';
import type {
  CustomerSubscription,
  SubscriptionEvent,
  SubscriptionPeriodStatus,
  SubscriptionPlan,
  SubscriptionPlanItem,
} from './prisma-client/client.js';

export type PlanRow = SubscriptionPlan;
export type PlanItemRow = SubscriptionPlanItem;
export type SubscriptionRow = CustomerSubscription;
export type SubscriptionEventRow = SubscriptionEvent;
export type SubscriptionConnectionRow = CountedConnection<SubscriptionRow>;

/** One period as the API shows it: a stored period row, or the current period before it is billed (no status, amount or order). */
export interface PeriodView {
  index: number;
  startsAt: Date;
  endsAt: Date;
  status: SubscriptionPeriodStatus | null;
  /** What its bill is for; null when the period has no bill yet. */
  amount: Money | null;
  orderId: string | null;
}

/** A change of plan or quantity asked for, from the next period. */
export interface SubscriptionChangeView {
  planId: string;
  quantity: number;
}

/** A shipping address as kept (JSON in customer_subscription.shipping_address): lib/address.ts, one shape for every context. */
export type { Address as AddressView } from '../../lib/address.js';
