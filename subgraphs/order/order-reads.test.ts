// What orders show is read per request in one statement per relation, however many orders a page
// holds (before, each order's lines, payments, history … were a statement each), and each order
// gets its own rows back, in order.
import { describe, expect, it } from 'vitest';
import type { SqlClient } from '../../lib/db.js';
import { createOrderReads } from './order-reads.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

/** A client answering every statement with `rows`, keeping what it was sent. */
function recording(rows: Record<string, unknown>[]) {
  const sent: { text: string; values: unknown[] }[] = [];
  const db = {
    $queryRawUnsafe: async (text: string, ...values: unknown[]) => {
      sent.push({ text, values });
      return rows;
    },
  } as unknown as SqlClient;
  return { db, sent };
}

describe('order reads', () => {
  it('read the lines of a page of orders in one statement, each order its own', async () => {
    const { db, sent } = recording([
      { orderId: A, id: 'a1', position: 0 },
      { orderId: A, id: 'a2', position: 1 },
      { orderId: C, id: 'c1', position: 0 },
    ]);
    const reads = createOrderReads(db);
    const [a, b, c] = await Promise.all([A, B, C].map((id) => reads.lines.load(id)));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain('FROM order_line WHERE order_id = ANY(');
    expect(sent[0]!.values).toEqual([[A, B, C]]);
    expect(a!.map((l) => l.id)).toEqual(['a1', 'a2']);
    expect(b).toEqual([]);
    expect(c!.map((l) => l.id)).toEqual(['c1']);
  });

  it('read each relation once per request, however often it is asked', async () => {
    const { db, sent } = recording([]);
    const reads = createOrderReads(db);
    await Promise.all([reads.history.load(A), reads.history.load(B)]);
    await reads.history.load(A);
    await Promise.all([reads.payments.load(A), reads.refunds.load(A), reads.shipments.load(A), reads.discounts.load(A)]);
    expect(sent.map((s) => s.text.match(/FROM (\w+)/)![1])).toEqual(['order_history', 'payment', 'refund', 'shipment', 'order_discount']);
  });
});
