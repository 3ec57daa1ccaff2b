import type { CountedConnection } from '../../lib/pagination.js';
import type { Promotion } from './prisma-client/client.js';

export type PromotionRow = Promotion;

export type PromotionConnectionRow = CountedConnection<PromotionRow>;
