// The staff listing's filter as a Prisma condition: every field given must hold.
import type { OrderFilter } from './generated/resolvers-types.js';
import type { Prisma } from './prisma-client/client.js';

export function orderFilterWhere(filter: OrderFilter | null | undefined): Prisma.OrderWhereInput {
  if (!filter) return {};
  return {
    ...(filter.status?.length ? { status: { in: filter.status } } : {}),
    ...(filter.personId ? { personId: filter.personId } : {}),
    ...(filter.number ? { number: filter.number.trim().toUpperCase() } : {}),
    ...(filter.createdFrom || filter.createdTo
      ? { createdAt: { ...(filter.createdFrom ? { gte: filter.createdFrom } : {}), ...(filter.createdTo ? { lt: filter.createdTo } : {}) } }
      : {}),
  };
}
