// Stock and reservations against real Postgres: concurrent writers never oversell, multi-line
// reservations are all-or-nothing and deadlock-free, and every reservation operation is idempotent.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId } from '../../lib/global-id.js';
import { startTestStack, type GraphQLClient, type TestStack } from '../../test/harness.js';
import { badIdError, catalogSql, createVariants, orderId, rawId, reservations, stockOf, unknownId } from './stock-fixtures.js';

let stack: TestStack;
let sql: pg.Pool;
let service: ReturnType<typeof reservations>;

beforeAll(async () => {
  stack = await startTestStack({ subgraphs: ['catalog'] });
  sql = catalogSql(stack);
  service = reservations(stack.subgraph('catalog', await stack.serviceToken('order')));
});
afterAll(async () => {
  await sql?.end();
  await stack?.close();
});

const codes = (payload: { userErrors: { code: string }[] }) => payload.userErrors.map((e) => e.code);

/** The events of a type, of one reservation (by its id as the API gave it) when one is named. */
async function eventsOfType(type: string, reservationId?: string): Promise<{ aggregate_id: string; data: any }[]> {
  const { rows } = await sql.query(
    `SELECT aggregate_id, data FROM outbox_event WHERE type = $1 AND ($2::text IS NULL OR aggregate_id = $2) ORDER BY occurred_at, id`,
    [type, reservationId === undefined ? null : rawId('InventoryReservation', reservationId)],
  );
  return rows;
}

describe('reserveInventory under contention', () => {
  it('lets exactly as many single-unit reservations through as there is stock', async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 10 }]);
    const owners = Array.from({ length: 50 }, () => orderId());

    const results = await Promise.all(owners.map((owner) => service.reserve(owner, [{ variantId: variantId!, quantity: 1 }])));

    const held = results.filter((r) => r.reservation);
    expect(held).toHaveLength(10);
    expect(results.filter((r) => codes(r).join() === 'INSUFFICIENT_STOCK')).toHaveLength(40);
    expect(await stockOf(sql, variantId!)).toEqual({ onHand: 10, reserved: 10 });
    const { rows } = await sql.query(
      `SELECT count(*)::int AS n, coalesce(sum(l.quantity), 0)::int AS units
         FROM inventory_reservation r JOIN inventory_reservation_line l ON l.reservation_id = r.id
        WHERE l.variant_id = $1 AND r.status = 'ACTIVE'`,
      [rawId('ProductVariant', variantId!)],
    );
    expect(rows[0]).toEqual({ n: 10, units: 10 });
  });

  it('keeps available at zero or above, and the database refuses anything else', async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 7 }]);
    const lowest: number[] = [];
    let racing = true;
    const sampler = (async () => {
      while (racing) {
        const stock = await stockOf(sql, variantId!);
        lowest.push(stock.onHand - stock.reserved);
      }
    })();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => service.reserve(orderId(), [{ variantId: variantId!, quantity: 1 + (i % 3) }])),
    );
    racing = false;
    await sampler;

    const reservedUnits = results.reduce((sum, r) => sum + (r.reservation?.lines[0]?.quantity ?? 0), 0);
    const stock = await stockOf(sql, variantId!);
    expect(stock.reserved).toBe(reservedUnits);
    expect(stock.reserved).toBeLessThanOrEqual(7);
    expect(Math.min(...lowest)).toBeGreaterThanOrEqual(0);

    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM inventory_level WHERE reserved < 0 OR reserved > on_hand`);
    expect(rows[0].n).toBe(0);
    await expect(sql.query(`UPDATE inventory_level SET reserved = on_hand + 1 WHERE variant_id = $1`, [rawId('ProductVariant', variantId!)])).rejects.toMatchObject({
      code: '23514',
      constraint: 'inventory_level_reserved_check',
    });
  });
});

describe('multi-line reservations', () => {
  it('hold nothing when one line lacks stock, and name the line at fault', async () => {
    const ids = await createVariants(stack, [{ onHand: 5 }, { onHand: 5 }]);
    // The failing line comes second in the input but first in id order (the order the catalog
    // locks rows in, by raw id): the error must still point at it.
    const [low, high] = [...ids].sort((a, b) => (rawId('ProductVariant', a) < rawId('ProductVariant', b) ? -1 : 1)) as [string, string];
    const owner = orderId();

    const refused = await service.reserve(owner, [
      { variantId: high, quantity: 2 },
      { variantId: low, quantity: 6 },
    ]);

    expect(refused.reservation).toBeNull();
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'INSUFFICIENT_STOCK', field: ['input', 'lines', '1', 'quantity'] })]);
    expect(await stockOf(sql, low)).toEqual({ onHand: 5, reserved: 0 });
    expect(await stockOf(sql, high)).toEqual({ onHand: 5, reserved: 0 });
    expect(codes(await service.release(owner))).toEqual(['RESERVATION_NOT_FOUND']);

    // A refusal is not remembered: the same owner may try again with what is there.
    const retried = await service.reserve(owner, [
      { variantId: high, quantity: 2 },
      { variantId: low, quantity: 5 },
    ]);
    expect(retried.userErrors).toEqual([]);
    expect(await stockOf(sql, low)).toEqual({ onHand: 5, reserved: 5 });
    expect(await stockOf(sql, high)).toEqual({ onHand: 5, reserved: 2 });
  });

  it('never deadlock or oversell when lines overlap in opposite orders', async () => {
    const [a, b] = (await createVariants(stack, [{ onHand: 20 }, { onHand: 20 }])) as [string, string];

    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        service.reserve(
          orderId(),
          i % 2 === 0
            ? [{ variantId: a, quantity: 1 }, { variantId: b, quantity: 1 }]
            : [{ variantId: b, quantity: 1 }, { variantId: a, quantity: 1 }],
        ),
      ),
    );

    expect(results.filter((r) => r.reservation)).toHaveLength(20);
    expect(results.filter((r) => codes(r).includes('INSUFFICIENT_STOCK'))).toHaveLength(20);
    expect(await stockOf(sql, a)).toEqual({ onHand: 20, reserved: 20 });
    expect(await stockOf(sql, b)).toEqual({ onHand: 20, reserved: 20 });
  });

  it('never deadlock when releases and commits race new reservations over the same variants', async () => {
    const ids = (await createVariants(stack, Array.from({ length: 4 }, () => ({ onHand: 500 })))) as string[];
    const reversed = [...ids].reverse();
    let existing = Array.from({ length: 20 }, () => orderId());
    for (const owner of existing) await service.reserve(owner, ids.map((variantId) => ({ variantId, quantity: 1 })));

    for (let round = 0; round < 4; round++) {
      const fresh = Array.from({ length: 20 }, () => orderId());
      const racers = await Promise.all([
        ...existing.map((owner, i) => (i % 2 === 0 ? service.release(owner) : service.commit(owner))),
        ...fresh.map((owner) => service.reserve(owner, reversed.map((variantId) => ({ variantId, quantity: 1 })))),
      ]);
      expect(racers.flatMap((r) => r.userErrors)).toEqual([]);
      existing = fresh;
    }

    // Each round commits 10 of the 20 held units and returns the other 10; 20 stay held at the end.
    for (const variantId of ids) expect(await stockOf(sql, variantId)).toEqual({ onHand: 460, reserved: 20 });
  });
});

describe('reservations are idempotent by owner', () => {
  it('returns the first reservation to a repeated call and holds the stock once', async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 10 }]);
    const owner = orderId();

    const first = await service.reserve(owner, [{ variantId: variantId!, quantity: 3 }]);
    const again = await service.reserve(owner, [{ variantId: variantId!, quantity: 3 }]);

    expect(first.userErrors).toEqual([]);
    expect(first.reservation).toMatchObject({ ownerId: owner, lines: [{ variantId, quantity: 3 }] });
    expect(again).toEqual(first);
    expect(await stockOf(sql, variantId!)).toEqual({ onHand: 10, reserved: 3 });
  });

  it('holds the stock once when the same owner reserves many times at once', async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 10 }]);
    const owner = orderId();

    const results = await Promise.all(Array.from({ length: 12 }, () => service.reserve(owner, [{ variantId: variantId!, quantity: 4 }])));

    expect(results.flatMap((r) => r.userErrors)).toEqual([]);
    expect(new Set(results.map((r) => r.reservation!.id)).size).toBe(1);
    expect(await stockOf(sql, variantId!)).toEqual({ onHand: 10, reserved: 4 });
    expect(await eventsOfType('InventoryReserved', results[0]!.reservation!.id)).toHaveLength(1);
  });

  it('commits once: the units leave on hand and reserved, and a repeat changes nothing', async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 10 }]);
    const owner = orderId();
    const reserved = await service.reserve(owner, [{ variantId: variantId!, quantity: 4 }]);

    const commits = await Promise.all(Array.from({ length: 5 }, () => service.commit(owner)));
    const later = await service.commit(owner);

    for (const c of [...commits, later]) {
      expect(c.userErrors).toEqual([]);
      expect(c.reservation).toMatchObject({ id: reserved.reservation!.id, status: 'COMMITTED' });
    }
    expect(await stockOf(sql, variantId!)).toEqual({ onHand: 6, reserved: 0 });
    expect(codes(await service.release(owner))).toEqual(['ILLEGAL_TRANSITION']);
    expect(await stockOf(sql, variantId!)).toEqual({ onHand: 6, reserved: 0 });
  });

  it('releases once: the units become available again, and a committed release is refused', async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 10 }]);
    const owner = orderId();
    await service.reserve(owner, [{ variantId: variantId!, quantity: 4 }]);

    const releases = await Promise.all(Array.from({ length: 5 }, () => service.release(owner)));

    for (const r of releases) expect(r.reservation?.status).toBe('RELEASED');
    expect(await stockOf(sql, variantId!)).toEqual({ onHand: 10, reserved: 0 });
    expect((await service.release(owner)).reservation?.status).toBe('RELEASED');
    expect(codes(await service.commit(owner))).toEqual(['ILLEGAL_TRANSITION']);
    expect(await stockOf(sql, variantId!)).toEqual({ onHand: 10, reserved: 0 });
    const released = await eventsOfType('InventoryReleased', releases[0]!.reservation!.id);
    expect(released).toHaveLength(1);
    expect(released[0]!.data).toMatchObject({
      ownerId: rawId('Order', owner),
      reason: 'released',
      lines: [{ variantId: rawId('ProductVariant', variantId!), quantity: 4 }],
    });
  });

  it('answers commit and release for an unknown owner with RESERVATION_NOT_FOUND', async () => {
    expect(codes(await service.commit(orderId()))).toEqual(['RESERVATION_NOT_FOUND']);
    expect(codes(await service.release(orderId()))).toEqual(['RESERVATION_NOT_FOUND']);
  });
});

describe('reservation input', () => {
  it('refuses variants that are not for sale', async () => {
    const [inactiveVariant, liveVariant] = (await createVariants(stack, [{ onHand: 5 }, { onHand: 5 }])) as [string, string];
    await stack.admin.query(`mutation($id: ID!) { updateProductVariant(id: $id, input: { active: false }) { userErrors { code } } }`, { id: inactiveVariant });
    const [ofInactiveProduct] = await createVariants(stack, [{ onHand: 5 }], { active: false });
    const [ofArchivedProduct] = await createVariants(stack, [{ onHand: 5 }]);
    const archivedProductId = (await sql.query(`SELECT product_id FROM product_variant WHERE id = $1`, [rawId('ProductVariant', ofArchivedProduct!)])).rows[0].product_id;
    await stack.admin.query(`mutation($id: ID!) { archiveProduct(id: $id) { userErrors { code } } }`, { id: globalId('Product', archivedProductId) });

    for (const variantId of [inactiveVariant, ofInactiveProduct!, ofArchivedProduct!]) {
      const refused = await service.reserve(orderId(), [
        { variantId: liveVariant, quantity: 1 },
        { variantId, quantity: 1 },
      ]);
      expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'VARIANT_UNAVAILABLE', field: ['input', 'lines', '1', 'variantId'] })]);
      expect(await stockOf(sql, variantId)).toEqual({ onHand: 5, reserved: 0 });
    }
    expect(await stockOf(sql, liveVariant)).toEqual({ onHand: 5, reserved: 0 });
  });

  it('refuses quantities outside 1..999, also when lines for one variant add up past it', async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 5000 }]);
    for (const quantity of [0, -1, 1000]) {
      expect(codes(await service.reserve(orderId(), [{ variantId: variantId!, quantity }]))).toEqual(['QUANTITY_OUT_OF_RANGE']);
    }
    const split = await service.reserve(orderId(), [
      { variantId: variantId!, quantity: 600 },
      { variantId: variantId!, quantity: 400 },
    ]);
    expect(codes(split)).toEqual(['QUANTITY_OUT_OF_RANGE']);
    expect((await service.reserve(orderId(), [{ variantId: variantId!, quantity: 999 }])).userErrors).toEqual([]);
    expect(await stockOf(sql, variantId!)).toEqual({ onHand: 5000, reserved: 999 });
  });

  it('answers an unknown variant with NOT_FOUND', async () => {
    expect(codes(await service.reserve(orderId(), [{ variantId: unknownId('ProductVariant'), quantity: 1 }]))).toEqual(['VARIANT_NOT_FOUND']);
    // A variant id of the right type around something that is not a UUID names no row either.
    expect(codes(await service.reserve(orderId(), [{ variantId: globalId('ProductVariant', 'not-a-uuid'), quantity: 1 }]))).toEqual(['VARIANT_NOT_FOUND']);
  });

  it('refuses ids the API did not issue, or of another type, before holding anything', async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 5 }]);
    const productId = globalId('Product', (await sql.query(`SELECT product_id FROM product_variant WHERE id = $1`, [rawId('ProductVariant', variantId!)])).rows[0].product_id);
    const ok = { ownerId: orderId(), lines: [{ variantId: variantId!, quantity: 1 }] };
    const cases: [string, { variantId: string; quantity: number }[], unknown][] = [
      [ok.ownerId, [...ok.lines, { variantId: 'not-an-id', quantity: 1 }], badIdError('ProductVariant', 'not-an-id', 'input.lines[1].variantId')],
      [ok.ownerId, [{ variantId: rawId('ProductVariant', variantId!), quantity: 1 }], badIdError('ProductVariant', rawId('ProductVariant', variantId!), 'input.lines[0].variantId')],
      [ok.ownerId, [{ variantId: productId, quantity: 1 }], badIdError('ProductVariant', productId, 'input.lines[0].variantId')],
      ['order-1', ok.lines, badIdError('Order', 'order-1', 'input.ownerId')],
      [variantId!, ok.lines, badIdError('Order', variantId!, 'input.ownerId')],
    ];
    for (const [owner, lines, error] of cases) {
      const res = await service.reserveRequest(owner, lines);
      expect(res.errors).toEqual([error]);
      expect(res.data ?? null).toBeNull();
    }
    expect(await stockOf(sql, variantId!)).toEqual({ onHand: 5, reserved: 0 });
    expect((await sql.query(`SELECT count(*)::int AS n FROM inventory_reservation_line WHERE variant_id = $1`, [rawId('ProductVariant', variantId!)])).rows[0].n).toBe(0);
  });
});

describe('reservation operations are for services only', () => {
  const reserveQuery = `mutation($input: ReserveInventoryInput!) { reserveInventory(input: $input) { reservation { id } userErrors { code } } }`;
  const commitQuery = `mutation($ownerId: ID!) { commitInventoryReservation(ownerId: $ownerId) { reservation { id } } }`;
  const releaseQuery = `mutation($ownerId: ID!) { releaseInventoryReservation(ownerId: $ownerId) { reservation { id } } }`;

  async function attempt(client: GraphQLClient, variantId: string, owner: string) {
    const input = { ownerId: owner, lines: [{ variantId, quantity: 1 }] };
    return Promise.all([client.request(reserveQuery, { input }), client.request(commitQuery, { ownerId: owner }), client.request(releaseQuery, { ownerId: owner })]);
  }

  it('refuses customers and admins who call the catalog subgraph directly', async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 5 }]);
    const owner = orderId();
    await service.reserve(owner, [{ variantId: variantId!, quantity: 2 }]);
    for (const role of ['customer', 'admin', 'support'] as const) {
      const client = stack.subgraph('catalog', await stack.token(`${role}-1`, [role]));
      for (const res of await attempt(client, variantId!, owner)) {
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      }
    }
    for (const res of await attempt(stack.subgraph('catalog', null), variantId!, owner)) {
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    }
    expect(await stockOf(sql, variantId!)).toEqual({ onHand: 5, reserved: 2 });
  });

  it('does not exist in the public supergraph', async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 5 }]);
    const owner = orderId();
    await service.reserve(owner, [{ variantId: variantId!, quantity: 2 }]);
    for (const client of [stack.admin, await stack.as('customer-1', 'customer'), stack.anonymous]) {
      for (const res of await attempt(client, variantId!, owner)) {
        expect(res.data).toBeUndefined();
        expect(res.errors?.length).toBeGreaterThan(0);
        expect(new Set(res.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
      }
    }
    expect(await stockOf(sql, variantId!)).toEqual({ onHand: 5, reserved: 2 });
  });
});

describe('setInventory and adjustInventory', () => {
  const setInventory = `mutation($variantId: ID!, $onHand: Int!) { setInventory(variantId: $variantId, onHand: $onHand) { inventory { onHand reserved available } userErrors { field code } } }`;
  const adjustInventory = `mutation($variantId: ID!, $delta: Int!) { adjustInventory(variantId: $variantId, delta: $delta) { inventory { onHand reserved available } userErrors { field code } } }`;

  it('refuses to set on hand below what is reserved', async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 10 }]);
    await service.reserve(orderId(), [{ variantId: variantId!, quantity: 6 }]);

    const refused = await stack.admin.query(setInventory, { variantId, onHand: 5 });
    expect(refused.setInventory).toEqual({ inventory: null, userErrors: [{ field: ['onHand'], code: 'BELOW_RESERVED' }] });
    expect(await stockOf(sql, variantId!)).toEqual({ onHand: 10, reserved: 6 });

    const exact = await stack.admin.query(setInventory, { variantId, onHand: 6 });
    expect(exact.setInventory).toEqual({ inventory: { onHand: 6, reserved: 6, available: 0 }, userErrors: [] });
  });

  it('applies exactly the concurrent removals the stock allows', async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 10 }]);

    const results = await Promise.all(Array.from({ length: 20 }, () => stack.admin.query(adjustInventory, { variantId, delta: -1 })));

    expect(results.filter((r) => r.adjustInventory.inventory)).toHaveLength(10);
    expect(results.filter((r) => r.adjustInventory.userErrors[0]?.code === 'BELOW_RESERVED')).toHaveLength(10);
    expect(await stockOf(sql, variantId!)).toEqual({ onHand: 0, reserved: 0 });
  });

  it('never removes stock that is reserved, however many removals race', async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 10 }]);
    await service.reserve(orderId(), [{ variantId: variantId!, quantity: 3 }]);

    const results = await Promise.all([
      ...Array.from({ length: 12 }, () => stack.admin.query(adjustInventory, { variantId, delta: -1 })),
      ...Array.from({ length: 4 }, () => service.reserve(orderId(), [{ variantId: variantId!, quantity: 1 }])),
    ]);

    const removed = results.filter((r) => 'adjustInventory' in r && r.adjustInventory.inventory).length;
    const reservedMore = results.filter((r) => 'reservation' in r && r.reservation).length;
    expect(removed + reservedMore).toBe(7);
    expect(await stockOf(sql, variantId!)).toEqual({ onHand: 10 - removed, reserved: 3 + reservedMore });
  });

  it("records ProductUpdated (changed inventory) for the variant's product with each change of stock on hand, nothing for a refused one", async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 10 }]);
    const raw = rawId('ProductVariant', variantId!);
    const inventoryEvents = async () =>
      (
        await sql.query(
          `SELECT e.data FROM outbox_event e JOIN product_variant v ON e.aggregate_id = v.product_id::text
            WHERE v.id = $1 AND e.type = 'ProductUpdated' AND e.data->'changed' ? 'inventory' ORDER BY e.occurred_at, e.id`,
          [raw],
        )
      ).rows;
    const { rows: [{ product_id: productId }] } = await sql.query(`SELECT product_id::text FROM product_variant WHERE id = $1`, [raw]);

    expect((await stack.admin.query(setInventory, { variantId, onHand: 12 })).setInventory.userErrors).toEqual([]);
    expect((await stack.admin.query(adjustInventory, { variantId, delta: -2 })).adjustInventory.userErrors).toEqual([]);
    expect((await stack.admin.query(adjustInventory, { variantId, delta: -11 })).adjustInventory.userErrors).toEqual([{ field: ['delta'], code: 'BELOW_RESERVED' }]);
    expect(await inventoryEvents()).toEqual([{ data: { productId, changed: ['inventory'] } }, { data: { productId, changed: ['inventory'] } }]);
  });

  it('refuses an adjustment past the on-hand limit as out of range', async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 10 }]);
    const res = await stack.admin.query(adjustInventory, { variantId, delta: 10_000_000 });
    expect(res.adjustInventory.userErrors).toEqual([{ field: ['delta'], code: 'QUANTITY_OUT_OF_RANGE' }]);
    const negative = await stack.admin.query(adjustInventory, { variantId, delta: -11 });
    expect(negative.adjustInventory.userErrors).toEqual([{ field: ['delta'], code: 'BELOW_RESERVED' }]);
    expect(await stockOf(sql, variantId!)).toEqual({ onHand: 10, reserved: 0 });
  });
});
