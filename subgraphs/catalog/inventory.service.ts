// Stock per variant and the reservations that hold it for orders.
// Every change is one conditional UPDATE (or runs under the reservation's row lock), so
// concurrent writers can never push reserved above on hand; a CHECK constraint backs this up.
// Writers that touch several stock rows lock them in variant-id order, so none deadlock.
import { randomUUID } from 'node:crypto';
import { QUEUED_WRITE, queryAndCommit, transactDirectly, type SqlClient, type SqlTransaction } from '../../lib/db.js';
import { isUuid } from '../../lib/ids.js';
import { insertEvents, recordEvents, type NewEvent } from '../../lib/outbox.js';
import { systemActor, type Actor } from '../../lib/state-machine.js';
import type { InventoryRow, ReservationRow } from './models.js';
import type { PrismaClient } from './prisma-client/client.js';
import { reservationLifecycle, type ReservationStatus } from './reservation-lifecycle.js';
import { lowStockEvent, stockChangedEvent, type LevelChange } from './stock-events.js';
import { CatalogInputChecker, LIMITS, refuse } from './validation.js';

/** Reserving and ending reservations, on every purchase's path, are raw statements that run straight on pg (transactDirectly). */
type Tx = SqlTransaction;

export interface ReserveLine {
  variantId: string;
  quantity: number;
}

const toInventory = (row: LevelChange): InventoryRow => ({
  onHand: row.on_hand,
  reserved: row.reserved,
  reorderThreshold: row.reorder_threshold,
  location: row.location,
});

type EndState = Exclude<ReservationStatus, 'ACTIVE'>;

/** What ending a reservation does to the stock it held (`l` is the reservation's lines). */
const END_STOCK_CHANGE: Record<EndState, string> = {
  COMMITTED: 'on_hand = i.on_hand - l.quantity, reserved = i.reserved - l.quantity',
  RELEASED: 'reserved = i.reserved - l.quantity',
  EXPIRED: 'reserved = i.reserved - l.quantity',
};

interface LockedReservation {
  id: string;
  owner_id: string;
  status: ReservationStatus;
}

const EXPIRY_JOB = systemActor('reservation-expiry');

export class InventoryService {
  constructor(
    private readonly db: PrismaClient,
    private readonly defaultTtlSeconds: number,
  ) {}

  /** Sets on hand; refused below what is reserved. */
  async setOnHand(variantId: string, onHand: number, reorderThreshold?: number | null, location?: string | null): Promise<InventoryRow> {
    const c = new CatalogInputChecker();
    c.range(onHand, ['onHand'], 0, LIMITS.onHand);
    c.range(reorderThreshold, ['reorderThreshold'], 0, LIMITS.reorderThreshold);
    c.text(location, ['location'], LIMITS.location, location != null);
    c.throwIfAny();
    return this.changeLevel(
      variantId,
      `on_hand = $2, reorder_threshold = COALESCE($3, i.reorder_threshold), location = COALESCE($4, i.location)`,
      `$2 >= i.reserved`,
      [onHand, reorderThreshold ?? null, location ?? null],
      (level) => ['BELOW_RESERVED', `on hand cannot go below the ${level.reserved} units reserved`, ['onHand']],
    );
  }

  /** Adds delta to on hand atomically; the result must stay within 0..max and not below reserved. */
  async adjustOnHand(variantId: string, delta: number, reason?: string | null): Promise<InventoryRow> {
    const c = new CatalogInputChecker();
    c.range(delta, ['delta'], -LIMITS.onHand, LIMITS.onHand);
    c.text(reason, ['reason'], 500);
    c.throwIfAny();
    return this.changeLevel(variantId, `on_hand = i.on_hand + $2`, `i.on_hand + $2 >= i.reserved AND i.on_hand + $2 <= ${LIMITS.onHand}`, [delta], (level) =>
      level.onHand + delta > LIMITS.onHand
        ? ['QUANTITY_OUT_OF_RANGE', `on hand cannot exceed ${LIMITS.onHand}`, ['delta']]
        : ['BELOW_RESERVED', `on hand cannot go below the ${level.reserved} units reserved`, ['delta']],
    );
  }

  /** Applies `set` when `guard` holds on the locked row; otherwise `refusal` says why, from the row as it stands. */
  private async changeLevel(
    variantId: string,
    set: string,
    guard: string,
    params: unknown[],
    refusal: (level: InventoryRow) => Parameters<typeof refuse>,
  ): Promise<InventoryRow> {
    if (!isUuid(variantId)) refuse('VARIANT_NOT_FOUND', 'variant not found', ['variantId']);
    return this.db.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<(LevelChange & { product_id: string })[]>(
        `UPDATE inventory_level i SET ${set}, updated_at = now()
           FROM product_variant v,
                (SELECT on_hand - reserved AS previous_available, reorder_threshold AS previous_threshold FROM inventory_level WHERE variant_id = $1::uuid FOR UPDATE) old
          WHERE i.variant_id = $1::uuid AND v.id = i.variant_id AND ${guard}
          RETURNING i.on_hand, i.reserved, i.reorder_threshold, i.location, old.previous_available, old.previous_threshold, v.product_id::text`,
        variantId,
        ...params,
      );
      const row = rows[0];
      if (!row) {
        const level = await tx.inventoryLevel.findUnique({ where: { variantId } });
        if (!level) return refuse('VARIANT_NOT_FOUND', 'variant not found', ['variantId']);
        return refuse(...refusal(level));
      }
      await recordEvents(tx, [stockChangedEvent(row.product_id), ...lowStockEvent(variantId, row)]);
      return toInventory(row);
    }, QUEUED_WRITE);
  }

  /**
   * Holds stock for every line or for none. The reservation is keyed by owner: a repeated call
   * (a retried checkout step) returns the reservation made the first time.
   */
  async reserve(ownerId: string, lines: ReserveLine[], ttlSeconds?: number | null): Promise<ReservationRow> {
    const c = new CatalogInputChecker();
    c.text(ownerId, ['input', 'ownerId'], 100, true);
    c.range(ttlSeconds, ['input', 'ttlSeconds'], 30, 7 * 24 * 3600, 'INVALID_INPUT');
    if (lines.length === 0 || lines.length > LIMITS.reservationLines) {
      c.add('INVALID_INPUT', `a reservation needs 1 to ${LIMITS.reservationLines} lines`, ['input', 'lines']);
    }
    // Lines for one variant are held together; errors point at the first input line naming it.
    const byVariant = new Map<string, { quantity: number; line: number }>();
    lines.forEach((line, i) => {
      c.range(line.quantity, ['input', 'lines', String(i), 'quantity'], 1, LIMITS.reservationQuantity);
      if (!isUuid(line.variantId)) c.add('VARIANT_NOT_FOUND', 'variant not found', ['input', 'lines', String(i), 'variantId']);
      const held = byVariant.get(line.variantId);
      if (held) held.quantity += line.quantity;
      else byVariant.set(line.variantId, { quantity: line.quantity, line: i });
    });
    c.throwIfAny();
    for (const [variantId, { quantity, line }] of byVariant) {
      if (quantity > LIMITS.reservationQuantity) {
        c.add('QUANTITY_OUT_OF_RANGE', `the lines for variant ${variantId} add up to ${quantity}, more than ${LIMITS.reservationQuantity}`, ['input', 'lines', String(line), 'quantity']);
      }
    }
    c.throwIfAny();

    // Stock rows are taken in variant-id order, as every writer takes them, so that no two deadlock.
    const ordered = [...byVariant].sort(([a], [b]) => (a < b ? -1 : 1));
    const heldLines = ordered.map(([variantId, { quantity }]) => ({ variantId, quantity }));
    const expiresAt = new Date(Date.now() + (ttlSeconds ?? this.defaultTtlSeconds) * 1000);
    return transactDirectly(this.db, async (tx) => {
      const id = randomUUID();
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO inventory_reservation (id, owner_id, status, expires_at, updated_at)
        VALUES (${id}::uuid, ${ownerId}, 'ACTIVE', ${expiresAt}, now())
        ON CONFLICT (owner_id) DO NOTHING RETURNING id`;
      if (inserted.length === 0) return (await this.findByOwner(tx, ownerId))!;

      const lowStock: NewEvent[] = [];
      for (const [variantId, { quantity, line }] of ordered) {
        const rows = await tx.$queryRaw<LevelChange[]>`
          UPDATE inventory_level i SET reserved = i.reserved + ${quantity}, updated_at = now()
            FROM product_variant v, product p,
                 (SELECT on_hand - reserved AS previous_available, reorder_threshold AS previous_threshold
                    FROM inventory_level WHERE variant_id = ${variantId}::uuid FOR UPDATE) old
           WHERE i.variant_id = ${variantId}::uuid AND v.id = i.variant_id AND p.id = v.product_id
             AND v.active AND p.active AND p.deleted_at IS NULL
             AND i.on_hand - i.reserved >= ${quantity}
          RETURNING i.on_hand, i.reserved, i.reorder_threshold, i.location, old.previous_available, old.previous_threshold`;
        const row = rows[0];
        if (row) {
          lowStock.push(...lowStockEvent(variantId, row));
          continue;
        }
        const field = ['input', 'lines', String(line)];
        const [level] = await tx.$queryRaw<{ available: number; for_sale: boolean }[]>`
          SELECT i.on_hand - i.reserved AS available, v.active AND p.active AND p.deleted_at IS NULL AS for_sale
            FROM inventory_level i JOIN product_variant v ON v.id = i.variant_id JOIN product p ON p.id = v.product_id
           WHERE i.variant_id = ${variantId}::uuid`;
        if (!level) c.add('VARIANT_NOT_FOUND', 'variant not found', [...field, 'variantId']);
        else if (!level.for_sale) c.add('VARIANT_UNAVAILABLE', `variant ${variantId} is not for sale`, [...field, 'variantId']);
        else c.add('INSUFFICIENT_STOCK', `only ${level.available} of variant ${variantId} available`, [...field, 'quantity']);
      }
      c.throwIfAny();

      // The lines and the events in one statement, the transaction's last: COMMIT goes with it.
      const recorded = insertEvents(
        [
          {
            type: 'InventoryReserved',
            aggregateType: 'InventoryReservation',
            aggregateId: id,
            data: { reservationId: id, ownerId, expiresAt: expiresAt.toISOString(), lines: heldLines },
          },
          ...lowStock,
        ],
        3,
      );
      await queryAndCommit(
        tx,
        `WITH recorded AS (${recorded.text})
         INSERT INTO inventory_reservation_line (reservation_id, variant_id, quantity)
         SELECT $1::uuid, l.variant_id, l.quantity FROM unnest($2::uuid[], $3::int[]) AS l(variant_id, quantity)`,
        id, heldLines.map((l) => l.variantId), heldLines.map((l) => l.quantity), ...recorded.values,
      );
      return { id, ownerId, status: 'ACTIVE', expiresAt, lines: heldLines };
    }, QUEUED_WRITE);
  }

  /** The order was paid: the held units leave stock. Committing twice is the same as once. */
  async commit(ownerId: string, actor: Actor): Promise<ReservationRow> {
    return this.finish(ownerId, 'COMMITTED', actor);
  }

  /**
   * The order was cancelled: the held units become available again. Releasing twice is the same
   * as once, and releasing an expired reservation answers with it unchanged: its stock is back already.
   */
  async release(ownerId: string, actor: Actor): Promise<ReservationRow> {
    return this.finish(ownerId, 'RELEASED', actor);
  }

  /** Moves the owner's reservation to an end state under its row lock, as its lifecycle allows. */
  private async finish(ownerId: string, to: 'COMMITTED' | 'RELEASED', actor: Actor): Promise<ReservationRow> {
    return transactDirectly(this.db, async (tx) => {
      const [current] = await tx.$queryRaw<LockedReservation[]>`
        SELECT id, owner_id, status FROM inventory_reservation WHERE owner_id = ${ownerId} FOR UPDATE`;
      if (!current) return refuse('RESERVATION_NOT_FOUND', 'no reservation for this owner', ['ownerId']);
      if (reservationLifecycle.decide(current.status, to, { actor, at: new Date(), context: undefined }, ['ownerId']) === 'move') {
        await this.end(tx, [current], to);
      }
      return (await this.findByOwner(tx, ownerId, { last: true }))!;
    }, QUEUED_WRITE);
  }

  /**
   * Ends reservations the caller has locked (and the lifecycle let go) and applies their stock
   * change. The status write is conditional on the states the lifecycle moves from.
   */
  private async end(tx: Tx, reservations: LockedReservation[], to: EndState): Promise<void> {
    const ids = reservations.map((r) => r.id);
    // Same variant-id order as reserve(), so a release racing a reservation cannot deadlock with it.
    await tx.$queryRaw`
      SELECT 1 FROM inventory_level
       WHERE variant_id IN (SELECT variant_id FROM inventory_reservation_line WHERE reservation_id = ANY(${ids}::uuid[]))
       ORDER BY variant_id FOR UPDATE`;
    const moved = await tx.$executeRaw`
      UPDATE inventory_reservation SET status = ${to}::reservation_status, updated_at = now()
       WHERE id = ANY(${ids}::uuid[]) AND status = ANY(${reservationLifecycle.sourcesOf(to)}::reservation_status[])`;
    if (moved !== ids.length) throw new Error(`${ids.length - moved} locked reservation(s) were not in a state that moves to ${to}`);
    await tx.$executeRawUnsafe(
      `WITH l AS (SELECT variant_id, sum(quantity)::int AS quantity FROM inventory_reservation_line WHERE reservation_id = ANY($1::uuid[]) GROUP BY variant_id)
       UPDATE inventory_level i SET ${END_STOCK_CHANGE[to]}, updated_at = now() FROM l WHERE i.variant_id = l.variant_id`,
      ids,
    );
    if (to === 'COMMITTED') return;
    const lines = await tx.$queryRaw<{ reservationId: string; variantId: string; quantity: number }[]>`
      SELECT reservation_id AS "reservationId", variant_id AS "variantId", quantity FROM inventory_reservation_line
       WHERE reservation_id = ANY(${ids}::uuid[]) ORDER BY variant_id`;
    await recordEvents(
      tx,
      reservations.map((r) => ({
        type: 'InventoryReleased',
        aggregateType: 'InventoryReservation',
        aggregateId: r.id,
        data: {
          reservationId: r.id,
          ownerId: r.owner_id,
          reason: to === 'EXPIRED' ? 'expired' : 'released',
          lines: lines.filter((l) => l.reservationId === r.id).map(({ variantId, quantity }) => ({ variantId, quantity })),
        },
      })),
    );
  }

  /**
   * Returns the stock of ACTIVE reservations past their expiry, in batches. Rows another sweeper
   * holds are skipped, so any number of workers may run this at once. Returns how many expired.
   */
  async expireOverdue(now = new Date(), batchSize = 100): Promise<number> {
    let total = 0;
    for (;;) {
      const expired = await this.db.$transaction(async (tx) => {
        const due = await tx.$queryRaw<LockedReservation[]>`
          SELECT id, owner_id, status FROM inventory_reservation
           WHERE status = ANY(${reservationLifecycle.sourcesOf('EXPIRED')}::reservation_status[]) AND expires_at <= ${now}
           ORDER BY expires_at LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`;
        for (const r of due) reservationLifecycle.decide(r.status, 'EXPIRED', { actor: EXPIRY_JOB, at: now, context: undefined });
        if (due.length > 0) await this.end(tx, due, 'EXPIRED');
        return due.length;
      }, QUEUED_WRITE);
      total += expired;
      if (expired < batchSize) return total;
    }
  }

  /** The owner's reservation; `last`: the transaction's last statement, which COMMIT goes with (queryAndCommit). */
  async findByOwner(db: SqlClient, ownerId: string, options: { last?: boolean } = {}): Promise<ReservationRow | null> {
    type Row = Omit<ReservationRow, 'lines'> & { lines: ReserveLine[] };
    const text = `SELECT r.id, r.owner_id AS "ownerId", r.status::text AS status, r.expires_at AS "expiresAt",
              coalesce(json_agg(json_build_object('variantId', l.variant_id, 'quantity', l.quantity)) FILTER (WHERE l.variant_id IS NOT NULL), '[]') AS lines
         FROM inventory_reservation r LEFT JOIN inventory_reservation_line l ON l.reservation_id = r.id
        WHERE r.owner_id = $1 GROUP BY r.id`;
    const [r] = options.last ? await queryAndCommit<Row[]>(db, text, ownerId) : await db.$queryRawUnsafe<Row[]>(text, ownerId);
    if (!r) return null;
    return { ...r, lines: r.lines.sort((a, b) => (a.variantId < b.variantId ? -1 : 1)) };
  }
}
