// Per-request batching: a list of N subscriptions (or plans) with their plans, items, periods and
// history costs one query per relation, not one per row. A mutation's payload is read through
// fresh loaders (resolvers.ts), so that it shows what the mutation wrote.
import DataLoader from 'dataloader';
import { isUuid } from '../../lib/ids.js';
import type { PlanItemRow, PlanRow, SubscriptionEventRow } from './models.js';
import type { PrismaClient, SubscriptionPeriod } from './prisma-client/client.js';

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

function byKey<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): (T | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

/** The key of one period of one subscription. */
export const periodKey = (subscriptionId: string, index: number) => `${subscriptionId}#${index}`;

export function createLoaders(db: PrismaClient) {
  return {
    plan: new DataLoader<string, PlanRow | null>(async (ids) =>
      byKey(ids, await db.subscriptionPlan.findMany({ where: { id: { in: ids.filter(isUuid) } } }), (p) => p.id),
    ),
    itemsByPlan: new DataLoader<string, PlanItemRow[]>(async (planIds) =>
      groupBy(planIds, await db.subscriptionPlanItem.findMany({ where: { planId: { in: [...planIds] } }, orderBy: [{ position: 'asc' }] }), (i) => i.planId),
    ),
    /** Each subscription's periods, newest first. */
    periodsBySubscription: new DataLoader<string, SubscriptionPeriod[]>(async (ids) =>
      groupBy(ids, await db.subscriptionPeriod.findMany({ where: { subscriptionId: { in: [...ids] } }, orderBy: [{ index: 'desc' }] }), (p) => p.subscriptionId),
    ),
    /** One period by periodKey (the current period of each subscription of a page). */
    period: new DataLoader<string, SubscriptionPeriod | null>(async (keys) => {
      const wanted = keys.map((k) => {
        const at = k.lastIndexOf('#');
        return { subscriptionId: k.slice(0, at), index: Number(k.slice(at + 1)) };
      });
      const rows = await db.subscriptionPeriod.findMany({ where: { OR: wanted } });
      return byKey(keys, rows, (p) => periodKey(p.subscriptionId, p.index));
    }),
    /** Each subscription's history, oldest first. */
    historyBySubscription: new DataLoader<string, SubscriptionEventRow[]>(async (ids) =>
      groupBy(ids, await db.subscriptionEvent.findMany({ where: { subscriptionId: { in: [...ids] } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }), (e) => e.subscriptionId),
    ),
  };
}

export type SubscriptionLoaders = ReturnType<typeof createLoaders>;
