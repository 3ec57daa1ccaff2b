// Orders credited to partners (INBOUND from OrderPaid, OUTBOUND recorded by an admin) and the
// per-partner report.
import { z } from 'zod';
import { isUuid } from '../../../lib/ids.js';
import { normalizeCode } from '../../../lib/input-checker.js';
import { money } from '../../../lib/money.js';
import { AffiliateInputChecker, checkOutbound, commissionBase, commissionOf, type OutboundInput } from './affiliate.js';
import type { AffiliateDirection } from '../generated/resolvers-types.js';
import type { AffiliateAttributionRow, AffiliateReportRow } from './models.js';
import { v7 as uuidv7 } from 'uuid';
import { readRows, type SqlTransaction } from '../../../lib/db.js';
import type { PrismaClient } from '../prisma-client/client.js';

/** The consumer's transaction (lib/event-consumer.ts processOnce): raw statements. */
type Tx = SqlTransaction;

const minor = z.number().int().min(0);

/** OrderPaid's data as this consumer reads it (the affiliates README, "Events consumed"). */
export const orderPaidData = z.object({
  orderId: z.string().min(1).max(100),
  orderNumber: z.string().max(40).nullish(),
  personId: z.string().max(100).nullish(),
  cartId: z.string().max(100).nullish(),
  currencyCode: z.string().regex(/^[A-Z]{3}$/),
  total: minor,
  subtotal: minor,
  discountTotal: minor,
  affiliateCode: z.string().max(64).nullish(),
  paidAt: z.iso.datetime({ offset: true }),
});

export type OrderPaidData = z.infer<typeof orderPaidData>;

export class AffiliateAttributionService {
  constructor(private readonly db: PrismaClient) {}

  /**
   * Whether attributeOrder could credit the order to anyone: it carries a partner's code, or its
   * cart has a click. Most orders have neither, and are then skipped without a transaction.
   */
  async mayEarn(order: OrderPaidData): Promise<boolean> {
    if (order.affiliateCode) return true;
    if (!order.cartId) return false;
    const [click] = await readRows<{ found: number }>(this.db, { text: 'SELECT 1 AS found FROM affiliate_click WHERE cart_id = $1 LIMIT 1', values: [order.cartId] });
    return click !== undefined;
  }

  /**
   * Credits a paid order to a partner, once per order: the partner of the click linked to the
   * order's cart, else the partner whose code the order carries. Nothing when neither names an
   * active partner. Commission: the partner's current rate on subtotal − discounts, half up.
   * Returns the attribution's id, or null when the order earns nothing.
   */
  async attributeOrder(tx: Tx, order: OrderPaidData): Promise<string | null> {
    // The click's partner when the cart has a click (even an inactive partner: no fallback), else the code's.
    const [credited] = await tx.$queryRaw<{ clickId: string | null; partnerId: string; active: boolean; commissionRate: number }[]>`
      SELECT "clickId", "partnerId", active, "commissionRate" FROM (
        SELECT 1 AS rank, c.id AS "clickId", p.id AS "partnerId", p.active, p.commission_rate AS "commissionRate"
          FROM affiliate_click c JOIN affiliate_partner p ON p.id = c.partner_id WHERE c.cart_id = ${order.cartId ?? null}
        UNION ALL
        SELECT 2, NULL, p.id, p.active, p.commission_rate FROM affiliate_partner p WHERE p.code = ${order.affiliateCode ? normalizeCode(order.affiliateCode) : null}
      ) found ORDER BY rank LIMIT 1`;
    if (!credited?.active) return null;
    const revenue = commissionBase(order);
    // The order id is unique: a second OrderPaid for one order changes nothing.
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO affiliate_attribution (id, partner_id, direction, order_id, order_number, click_id, cart_id, person_id, currency, revenue,
                                         commission_rate, commission, occurred_at)
      VALUES (${uuidv7()}::uuid, ${credited.partnerId}::uuid, 'INBOUND', ${order.orderId}, ${order.orderNumber ?? null}, ${credited.clickId}::uuid,
              ${order.cartId ?? null}, ${order.personId ?? null}, ${order.currencyCode}, ${revenue}, ${credited.commissionRate},
              ${commissionOf(revenue, credited.commissionRate)}, ${new Date(order.paidAt)})
      ON CONFLICT DO NOTHING
      RETURNING id`;
    return row?.id ?? null;
  }

  /** An order our shop referred to a partner; a repeated (partner, externalRef) returns what the first stored. */
  async recordOutbound(input: OutboundInput & { partnerId: string }): Promise<AffiliateAttributionRow> {
    const c = new AffiliateInputChecker();
    checkOutbound(c, input);
    const partner = isUuid(input.partnerId) ? await this.db.affiliatePartner.findUnique({ where: { id: input.partnerId } }) : null;
    if (!partner?.active) return c.refuse('PARTNER_NOT_FOUND', 'no active affiliate partner has this id', ['input', 'partnerId']);
    c.throwIfAny();
    const externalRef = input.externalRef.trim();
    await this.db.affiliateAttribution.createMany({
      data: [
        {
          partnerId: partner.id,
          direction: 'OUTBOUND',
          externalRef,
          currency: input.revenue.currencyCode,
          revenue: input.revenue.amount,
          commissionRate: partner.commissionRate,
          commission: commissionOf(input.revenue.amount, partner.commissionRate),
          occurredAt: input.occurredAt ?? new Date(),
        },
      ],
      skipDuplicates: true,
    });
    return this.db.affiliateAttribution.findUniqueOrThrow({
      where: { partnerId_externalRef: { partnerId: partner.id, externalRef } },
      include: { partner: true },
    });
  }

  /** Clicks made in [from, to), those linked to a cart, and the orders paid in [from, to) in one direction. */
  async report(partnerId: string, range: { from: Date; to: Date; direction: AffiliateDirection }): Promise<AffiliateReportRow | null> {
    const partner = isUuid(partnerId) ? await this.db.affiliatePartner.findUnique({ where: { id: partnerId } }) : null;
    if (!partner) return null;
    const { from, to, direction } = range;
    const clicksIn = { partnerId, createdAt: { gte: from, lt: to } };
    const [clicks, carts, sums] = await Promise.all([
      this.db.affiliateClick.count({ where: clicksIn }),
      this.db.affiliateClick.count({ where: { ...clicksIn, cartId: { not: null } } }),
      this.db.affiliateAttribution.groupBy({
        by: ['currency'],
        where: { partnerId, direction, occurredAt: { gte: from, lt: to } },
        _count: { _all: true },
        _sum: { revenue: true, commission: true },
        orderBy: { currency: 'asc' },
      }),
    ]);
    return {
      partner,
      from,
      to,
      direction,
      clicks,
      carts,
      orders: sums.reduce((n, s) => n + s._count._all, 0),
      revenue: sums.map((s) => money(s._sum.revenue ?? 0, s.currency)),
      commission: sums.map((s) => money(s._sum.commission ?? 0, s.currency)),
    };
  }
}
