import type { Money } from '../../lib/money.js';
import type { Connection } from '../../lib/pagination.js';
import type { AffiliateAttribution, AffiliateClick, AffiliatePartner, Promotion } from './prisma-client/client.js';

export type PromotionRow = Promotion;

/** A page of promotions; totalCount is counted only when asked for. */
export interface PromotionConnectionRow extends Connection<PromotionRow> {
  count: () => Promise<number>;
}

export type AffiliatePartnerRow = AffiliatePartner;
export type AffiliateClickRow = AffiliateClick & { partner: AffiliatePartner };
export type AffiliateAttributionRow = AffiliateAttribution & { partner: AffiliatePartner };

export interface AffiliatePartnerConnectionRow extends Connection<AffiliatePartnerRow> {
  count: () => Promise<number>;
}

/** A partner's results over [from, to); money per currency, ordered by currency code. */
export interface AffiliateReportRow {
  partner: AffiliatePartnerRow;
  from: Date;
  to: Date;
  direction: AffiliateAttribution['direction'];
  clicks: number;
  carts: number;
  orders: number;
  revenue: Money[];
  commission: Money[];
}
