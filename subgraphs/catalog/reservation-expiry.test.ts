// The reservation-expiry sweep against real Postgres and BullMQ: overdue reservations give their
// stock back exactly once, however many sweepers (and payments) race for them.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecurringJob } from '../../lib/jobs.js';
import { createLogger } from '../../lib/logger.js';
import { eventStream, readStream } from '../../lib/outbox.js';
import { bullPrefix } from '../../lib/runtime.js';
import { startTestStack, type TestStack } from '../../test/harness.js';
import { createCatalogServices } from './server.js';
import { catalogSql, createVariants, orderId, rawId, reservations, stockOf } from './stock-fixtures.js';
import { reservationExpiryJob } from './workers/reservation-expiry.js';

let stack: TestStack;
let sql: pg.Pool;
let service: ReturnType<typeof reservations>;
// Other processes' sweepers: each has its own pool, as a second instance of the service would.
let sweepers: ReturnType<typeof createCatalogServices>[];

beforeAll(async () => {
  stack = await startTestStack({ subgraphs: ['catalog'], workers: true, env: { RESERVATION_SWEEP_MS: '200', OUTBOX_RELAY_MS: '100' } });
  sql = catalogSql(stack);
  service = reservations(stack.subgraph('catalog', await stack.serviceToken('order')));
  sweepers = [createCatalogServices(stack.runtime), createCatalogServices(stack.runtime)];
});
afterAll(async () => {
  await Promise.all((sweepers ?? []).map((s) => s.db.$disconnect()));
  await sql?.end();
  await stack?.close();
});

// Owners are the API's Order ids; the reservation rows hold the raw ids inside them.
const rawOwner = (owner: string) => rawId('Order', owner);

/** Moves the owners' reservations past their expiry, as if their time had run out. */
async function makeOverdue(owners: string[]): Promise<void> {
  await sql.query(`UPDATE inventory_reservation SET expires_at = now() - interval '1 second' WHERE owner_id = ANY($1)`, [owners.map(rawOwner)]);
}

async function statusOf(owner: string): Promise<string> {
  const { rows } = await sql.query(`SELECT status FROM inventory_reservation WHERE owner_id = $1`, [rawOwner(owner)]);
  return rows[0].status;
}

/** InventoryReleased events recorded for each of the owners' reservations, by owner (as the API names it). */
async function releasedEvents(owners: string[]): Promise<Map<string, { reason: string }[]>> {
  const { rows } = await sql.query(
    `SELECT r.owner_id, e.data FROM outbox_event e JOIN inventory_reservation r ON r.id::text = e.aggregate_id
      WHERE e.type = 'InventoryReleased' AND r.owner_id = ANY($1)`,
    [owners.map(rawOwner)],
  );
  const byRawOwner = new Map<string, { reason: string }[]>(owners.map((o) => [rawOwner(o), []]));
  for (const row of rows) byRawOwner.get(row.owner_id)!.push(row.data);
  return new Map(owners.map((o) => [o, byRawOwner.get(rawOwner(o))!]));
}

/** Reserves 1..3 units for each owner, cycling over the variants (one or two lines each). */
async function reserveMany(owners: string[], variantIds: string[]): Promise<number[]> {
  const held = variantIds.map(() => 0);
  for (const [i, owner] of owners.entries()) {
    const first = i % variantIds.length;
    const lines = [{ variantId: variantIds[first]!, quantity: 1 + (i % 3) }];
    if (i % 2 === 1) lines.push({ variantId: variantIds[(first + 1) % variantIds.length]!, quantity: 1 });
    const result = await service.reserve(owner, lines);
    expect(result.userErrors).toEqual([]);
    for (const line of lines) held[variantIds.indexOf(line.variantId)]! += line.quantity;
  }
  return held;
}

describe('the reservation-expiry worker', () => {
  it('expires an overdue reservation, returns its stock and announces it', async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 10 }]);
    const [overdue, current] = [orderId(), orderId()];
    const reserved = await service.reserve(overdue, [{ variantId: variantId!, quantity: 3 }], 30);
    await service.reserve(current, [{ variantId: variantId!, quantity: 2 }], 30);
    expect(Date.parse(reserved.reservation!.expiresAt) - Date.now()).toBeGreaterThan(20_000);
    await makeOverdue([overdue]);

    await expect.poll(() => statusOf(overdue), { timeout: 10_000 }).toBe('EXPIRED');

    expect(await stockOf(sql, variantId!)).toEqual({ onHand: 10, reserved: 2 });
    expect(await statusOf(current)).toBe('ACTIVE');
    const stream = eventStream(stack.config.REDIS_PREFIX, 'catalog');
    // Events carry the raw ids the API's ids wrap.
    const reservationId = rawId('InventoryReservation', reserved.reservation!.id);
    const announced = async () =>
      (await readStream(stack.runtime.redis, stream, 100_000)).filter((e) => e.type === 'InventoryReleased' && e.aggregateId === reservationId);
    await expect.poll(announced, { timeout: 10_000 }).toHaveLength(1);
    const [event] = await announced();
    expect(event!.data).toEqual({
      reservationId,
      ownerId: rawOwner(overdue),
      reason: 'expired',
      lines: [{ variantId: rawId('ProductVariant', variantId!), quantity: 3 }],
    });
  });

  it('leaves an expired reservation closed: commit is refused, release answers with it unchanged', async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 10 }]);
    const owner = orderId();
    await service.reserve(owner, [{ variantId: variantId!, quantity: 4 }]);
    await makeOverdue([owner]);
    await expect.poll(() => statusOf(owner), { timeout: 10_000 }).toBe('EXPIRED');

    expect((await service.commit(owner)).userErrors.map((e) => e.code)).toEqual(['ILLEGAL_TRANSITION']);
    const release = await service.release(owner);
    expect(release.userErrors).toEqual([]);
    expect(release.reservation?.status).toBe('EXPIRED');
    // The same owner's retry returns the expired reservation rather than holding stock again.
    expect((await service.reserve(owner, [{ variantId: variantId!, quantity: 4 }])).reservation?.status).toBe('EXPIRED');
    expect(await stockOf(sql, variantId!)).toEqual({ onHand: 10, reserved: 0 });
    expect((await releasedEvents([owner])).get(owner)).toHaveLength(1);
  });

  it('refuses a hold shorter than 30 seconds', async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 10 }]);
    const refused = await service.reserve(orderId(), [{ variantId: variantId!, quantity: 1 }], 29);
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'ttlSeconds'] })]);
  });
});

describe('sweepers racing each other', () => {
  it('expire each reservation once and return its stock once when called side by side', async () => {
    const variantIds = await createVariants(stack, [{ onHand: 100 }, { onHand: 100 }, { onHand: 100 }]);
    const owners = Array.from({ length: 40 }, () => orderId());
    await reserveMany(owners, variantIds);
    await makeOverdue(owners);

    // Small batches make the sweepers interleave; the stack's own worker may join in as well.
    const counts = await Promise.all([
      sweepers[0]!.inventory.expireOverdue(new Date(), 3),
      sweepers[1]!.inventory.expireOverdue(new Date(), 3),
      sweepers[0]!.inventory.expireOverdue(new Date(), 5),
      sweepers[1]!.inventory.expireOverdue(new Date(), 7),
    ]);

    expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(40);
    await expect.poll(async () => (await Promise.all(owners.map(statusOf))).every((s) => s === 'EXPIRED'), { timeout: 10_000 }).toBe(true);
    for (const variantId of variantIds) expect(await stockOf(sql, variantId)).toEqual({ onHand: 100, reserved: 0 });
    for (const [owner, events] of await releasedEvents(owners)) expect(events, owner).toEqual([expect.objectContaining({ reason: 'expired' })]);
  });

  it('expire each reservation once when two processes run the worker', async () => {
    const variantIds = await createVariants(stack, [{ onHand: 100 }, { onHand: 100 }]);
    const owners = Array.from({ length: 30 }, () => orderId());
    await reserveMany(owners, variantIds);
    // Two more workers with their own BullMQ queues, so their schedules fire independently
    // of each other and of the stack's worker: three sweeps overlap.
    const log = createLogger('silent', 'catalog');
    const workers = await Promise.all(
      sweepers.map((s, i) =>
        startRecurringJob({ connection: stack.runtime.redis, prefix: `${bullPrefix(stack.config)}:process-${i}`, log, ...reservationExpiryJob(s.inventory, 100) }),
      ),
    );
    try {
      await makeOverdue(owners);
      await expect.poll(async () => (await Promise.all(owners.map(statusOf))).every((s) => s === 'EXPIRED'), { timeout: 10_000 }).toBe(true);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
    for (const variantId of variantIds) expect(await stockOf(sql, variantId)).toEqual({ onHand: 100, reserved: 0 });
    for (const [owner, events] of await releasedEvents(owners)) expect(events, owner).toHaveLength(1);
  });

  it('let a payment and the sweep race: each reservation ends committed or expired, never both', async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 100 }]);
    const owners = Array.from({ length: 30 }, () => orderId());
    const held = (await reserveMany(owners, [variantId!]))[0]!;
    await makeOverdue(owners);

    const [commits] = await Promise.all([
      Promise.all(owners.map((owner) => service.commit(owner))),
      sweepers[0]!.inventory.expireOverdue(new Date(), 4),
      sweepers[1]!.inventory.expireOverdue(new Date(), 4),
    ]);

    const committed = owners.filter((_, i) => commits[i]!.reservation?.status === 'COMMITTED');
    const refused = owners.filter((_, i) => commits[i]!.userErrors[0]?.code === 'ILLEGAL_TRANSITION');
    expect(committed.length + refused.length).toBe(30);
    for (const owner of committed) expect(await statusOf(owner)).toBe('COMMITTED');
    for (const owner of refused) expect(await statusOf(owner)).toBe('EXPIRED');
    const committedUnits = commits.reduce((sum, c) => sum + (c.reservation?.status === 'COMMITTED' ? c.reservation.lines[0]!.quantity : 0), 0);
    expect(await stockOf(sql, variantId!)).toEqual({ onHand: 100 - committedUnits, reserved: 0 });
    expect(committedUnits).toBeLessThanOrEqual(held);
    const events = await releasedEvents(owners);
    for (const owner of committed) expect(events.get(owner)).toEqual([]);
    for (const owner of refused) expect(events.get(owner)).toHaveLength(1);
  });
});
