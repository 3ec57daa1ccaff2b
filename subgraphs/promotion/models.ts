import type { Connection } from '../../lib/pagination.js';
import type { Promotion } from './prisma-client/client.js';

export type PromotionRow = Promotion;

/** A page of promotions; totalCount is counted only when asked for. */
export interface PromotionConnectionRow extends Connection<PromotionRow> {
  count: () => Promise<number>;
}
