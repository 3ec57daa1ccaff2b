// Orders credited to partners (INBOUND from OrderPaid, OUTBOUND recorded by an admin) and the
// per-partner report.
import { z } from 'zod';
import { isUuid } from '../../../lib/ids.js';
import { normalizeCode } from '../../../lib/input-checker.js';
import { money } from '../../../lib/money.js';
import { AffiliateInputChecker, checkOutbound, commissionBase, commissionOf, type OutboundInput } from './affiliate.js';
import type { AffiliateDirection } from '../generated/resolvers-types.js';
import type { AffiliateAttributionRow, AffiliateReportRow } from './models.js';
import type { Prisma, PrismaClient } from '../prisma-client/client.js';

type Tx = Prisma.TransactionClient;

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
   * Credits a paid order to a partner, once per order: the partner of the click linked to the
   * order's cart, else the partner whose code the order carries. Nothing when neither names an
   * active partner. Commission: the partner's current rate on subtotal − discounts, half up.
   * Returns the attribution's id, or null when the order earns nothing.
   */
  async attributeOrder(tx: Tx, order: OrderPaidData): Promise<string | null> {
    const click = order.cartId ? await tx.affiliateClick.findUnique({ where: { cartId: order.cartId }, include: { partner: true } }) : null;
    const partner =
      click?.partner ?? (order.affiliateCode ? await tx.affiliatePartner.findUnique({ where: { code: normalizeCode(order.affiliateCode) } }) : null);
    if (!partner?.active) return null;
    const revenue = commissionBase(order);
    const [row] = await tx.affiliateAttribution.createManyAndReturn({
      data: [
        {
          partnerId: partner.id,
          direction: 'INBOUND',
          orderId: order.orderId,
          orderNumber: order.orderNumber ?? null,
          clickId: click?.id ?? null,
          cartId: order.cartId ?? null,
          personId: order.personId ?? null,
          currency: order.currencyCode,
          revenue,
          commissionRate: partner.commissionRate,
          commission: commissionOf(revenue, partner.commissionRate),
          occurredAt: new Date(order.paidAt),
        },
      ],
      // The order id is unique: a second OrderPaid for one order changes nothing.
      skipDuplicates: true,
      select: { id: true },
    });
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
