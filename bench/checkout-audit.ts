// What the checkout scenario proves at its end (issue 14): nothing oversold, no order twice and
// no payment taken twice. Read straight from each context's database, since the API shows a
// shopper their own orders only: the stock every variant had before the scenario, and after it
// the orders it paid, their lines and payments.
import pg from 'pg';
import { databaseFor, type Config } from '../lib/config.js';

export interface CheckoutAudit {
  /** Orders paid since the scenario started. */
  paidOrders: number;
  /** Orders beyond the first for one idempotency key (the same purchase ordered twice). */
  duplicateOrders: number;
  /** Successful payments beyond the first for one order. */
  doubleCharges: number;
  /** Units by which a variant's stock moved other than by what the paid orders bought, summed over variants. */
  unitsUnaccounted: number;
  /** Variants with less than nothing on hand, or more reserved than on hand. */
  impossibleStock: number;
}

/** On hand per variant id. */
export type StockSnapshot = Map<string, number>;

const PAID_STATUSES = ['PAID', 'AWAITING_PRODUCTION', 'READY_TO_SHIP', 'SHIPPED', 'DELIVERED', 'RETURN_REQUESTED', 'RETURNED'];

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Every variant's stock as it is now. */
function stockNow(config: Config) {
  return withClient(databaseFor(config, 'catalog').url, async (db) => {
    const { rows } = await db.query<{ variant_id: string; on_hand: number; reserved: number }>('SELECT variant_id, on_hand, reserved FROM catalog.inventory_level');
    return rows;
  });
}

/** Where an audit starts: the order database's clock, and the stock every variant has. */
export interface AuditStart {
  since: Date;
  before: StockSnapshot;
}

export async function startAudit(config: Config): Promise<AuditStart> {
  const since = await withClient(databaseFor(config, 'order').url, async (db) => (await db.query<{ now: Date }>('SELECT now()')).rows[0]!.now);
  const before = new Map((await stockNow(config)).map((r) => [r.variant_id, r.on_hand]));
  return { since, before };
}

async function ordersSince(config: Config, since: Date) {
  return withClient(databaseFor(config, 'order').url, async (db) => {
    const paid = await db.query<{ variant_id: string; units: number; orders: number }>(
      `SELECT l.variant_id, sum(l.quantity)::int AS units, count(DISTINCT o.id)::int AS orders
         FROM "order"."order" o JOIN "order".order_line l ON l.order_id = o.id
        WHERE o.created_at >= $1 AND o.status::text = ANY($2::text[]) GROUP BY l.variant_id`,
      [since, PAID_STATUSES],
    );
    const [counts] = (
      await db.query<{ paid_orders: number; duplicate_orders: number; double_charges: number }>(
        `SELECT (SELECT count(*)::int FROM "order"."order" WHERE created_at >= $1 AND status::text = ANY($2::text[])) AS paid_orders,
                (SELECT coalesce(sum(n - 1), 0)::int FROM (SELECT count(*) AS n FROM "order"."order" WHERE created_at >= $1 GROUP BY person_id, idempotency_key) k) AS duplicate_orders,
                (SELECT coalesce(sum(n - 1), 0)::int FROM (SELECT count(*) AS n FROM "order".payment p JOIN "order"."order" o ON o.id = p.order_id
                   WHERE o.created_at >= $1 AND p.status::text = 'SUCCEEDED' GROUP BY p.order_id) c) AS double_charges`,
        [since, PAID_STATUSES],
      )
    ).rows;
    return { bought: new Map(paid.rows.map((r) => [r.variant_id, r.units])), counts: counts! };
  });
}

/**
 * Audits what the scenario did since its start, against the stock before it. The catalog takes the
 * stock of a paid order when the order's event reaches it, so the stock is read again, for up to
 * `settleMs`, until it matches or time is up.
 */
export async function auditCheckouts(config: Config, { since, before }: AuditStart, settleMs = 30_000): Promise<CheckoutAudit> {
  const deadline = Date.now() + settleMs;
  for (;;) {
    const { bought, counts } = await ordersSince(config, since);
    const stock = await stockNow(config);
    let unitsUnaccounted = 0;
    for (const { variant_id: id, on_hand: onHand } of stock) unitsUnaccounted += Math.abs((before.get(id) ?? onHand) - onHand - (bought.get(id) ?? 0));
    const impossibleStock = stock.filter((s) => s.on_hand < 0 || s.reserved < 0 || s.reserved > s.on_hand).length;
    const audit = { paidOrders: counts.paid_orders, duplicateOrders: counts.duplicate_orders, doubleCharges: counts.double_charges, unitsUnaccounted, impossibleStock };
    if (unitsUnaccounted === 0 || Date.now() > deadline) return audit;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Whether the audit found nothing wrong. */
export const auditHolds = (a: CheckoutAudit): boolean => a.duplicateOrders === 0 && a.doubleCharges === 0 && a.unitsUnaccounted === 0 && a.impossibleStock === 0;

export const describeAudit = (a: CheckoutAudit): string =>
  `${a.paidOrders} orders paid; ${a.duplicateOrders} duplicate orders, ${a.doubleCharges} double charges, ` +
  `${a.unitsUnaccounted} units of stock unaccounted for, ${a.impossibleStock} variants with impossible stock: ${auditHolds(a) ? 'holds' : 'FAILS'}`;
