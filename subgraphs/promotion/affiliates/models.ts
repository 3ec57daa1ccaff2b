import type { Money } from '../../../lib/money.js';
import type { CountedConnection } from '../../../lib/pagination.js';
import type { AffiliateAttribution, AffiliateClick, AffiliatePartner } from '../prisma-client/client.js';

export type AffiliatePartnerRow = AffiliatePartner;
export type AffiliateClickRow = AffiliateClick & { partner: AffiliatePartner };
export type AffiliateAttributionRow = AffiliateAttribution & { partner: AffiliatePartner };

export type AffiliatePartnerConnectionRow = CountedConnection<AffiliatePartnerRow>;

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
