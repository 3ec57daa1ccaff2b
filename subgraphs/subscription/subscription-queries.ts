// Reading subscriptions: the staff listing's filter as a Prisma condition (every field given must
// hold) and its pages, newest first, and the caller's own, as the order context reads orders.
import { isUuid } from '../../lib/ids.js';
import { newestFirst, pageWindow, type PageArgs } from '../../lib/pagination.js';
import type { CustomerSubscriptionFilter } from './generated/resolvers-types.js';
import type { SubscriptionConnectionRow, SubscriptionRow } from './models.js';
import type { Prisma, PrismaClient } from './prisma-client/client.js';

/** Matches no row: an id that cannot name one (not a UUID) finds nothing rather than failing. */
const NOTHING: Prisma.CustomerSubscriptionWhereInput = { id: { in: [] } };

export function subscriptionFilterWhere(filter: CustomerSubscriptionFilter | null | undefined): Prisma.CustomerSubscriptionWhereInput {
  if (!filter) return {};
  return {
    AND: [
      filter.status?.length ? { status: { in: filter.status } } : {},
      filter.planId ? (isUuid(filter.planId) ? { planId: filter.planId } : NOTHING) : {},
      filter.personId ? { personId: filter.personId } : {},
      filter.nextBillingBefore ? { nextBillingAt: { lt: filter.nextBillingBefore } } : {},
    ],
  };
}

/** A page of subscriptions matching `where`, newest first (ids are UUIDv7), with totalCount counted when asked. */
export function listSubscriptions(db: PrismaClient, args: PageArgs, where: Prisma.CustomerSubscriptionWhereInput): Promise<SubscriptionConnectionRow> {
  return newestFirst(
    pageWindow(args),
    (cursorId, order, take) =>
      db.customerSubscription.findMany({ where: { AND: [where, cursorId ? { id: order === 'desc' ? { lt: cursorId } : { gt: cursorId } } : {}] }, orderBy: { id: order }, take }),
    () => db.customerSubscription.count({ where }),
  );
}

/** A person's subscriptions, newest first. */
export function subscriptionsOf(db: PrismaClient, personId: string): Promise<SubscriptionRow[]> {
  return db.customerSubscription.findMany({ where: { personId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
}
