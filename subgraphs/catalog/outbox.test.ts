// Catalog events from change to Redis stream, with the real relay worker running: each change
// writes its events in its own transaction (a refused change writes none), and they reach
// `eventStream(prefix, 'catalog')` once each, in the order the changes happened.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventStream, readStream, relayOutbox, type EventEnvelope } from '../../lib/outbox.js';
import { startTestStack, type TestStack } from '../../test/harness.js';
import { createCatalogServices } from './server.js';
import { catalogSql, createVariants, orderId, rawId, reservations, unique } from './stock-fixtures.js';

let stack: TestStack;
let sql: pg.Pool;
let service: ReturnType<typeof reservations>;
let stream: string;

beforeAll(async () => {
  stack = await startTestStack({ subgraphs: ['catalog'], workers: true, env: { OUTBOX_RELAY_MS: '50' } });
  sql = catalogSql(stack);
  service = reservations(stack.subgraph('catalog', await stack.serviceToken('order')));
  stream = eventStream(stack.config.REDIS_PREFIX, 'catalog');
});
afterAll(async () => {
  await sql?.end();
  await stack?.close();
});

const published = () => readStream(stack.runtime.redis, stream, 1_000_000);

async function unpublishedCount(): Promise<number> {
  const { rows } = await sql.query(`SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL`);
  return rows[0].n;
}

/** Waits until the relay has published everything recorded so far, then reads the stream. */
async function publishedOnceRelayed(): Promise<EventEnvelope[]> {
  await expect.poll(unpublishedCount, { timeout: 10_000 }).toBe(0);
  return published();
}

async function outboxSize(): Promise<number> {
  const { rows } = await sql.query(`SELECT count(*)::int AS n FROM outbox_event`);
  return rows[0].n;
}

const CREATE_PRODUCT = `mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id variants { id } } userErrors { code } } }`;
const UPDATE_PRODUCT = `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { product { id } userErrors { code } } }`;
const SET_INVENTORY = `mutation($variantId: ID!, $onHand: Int!) { setInventory(variantId: $variantId, onHand: $onHand) { inventory { onHand } userErrors { code } } }`;
const ADJUST_INVENTORY = `mutation($variantId: ID!, $delta: Int!) { adjustInventory(variantId: $variantId, delta: $delta) { inventory { onHand } userErrors { code } } }`;

describe('product events', () => {
  it('publishes ProductCreated and ProductUpdated in the SPEC envelope, carrying the request trace id', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const slug = unique('lamp');
    const created = await stack.admin.request(
      CREATE_PRODUCT,
      { input: { slug, name: 'Desk lamp', variants: [{ sku: slug.toUpperCase(), price: { amount: 4900, currencyCode: 'USD' }, onHand: 3 }] } },
      { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    );
    const productId = created.data!.createProduct.product.id as string;
    await stack.admin.query(UPDATE_PRODUCT, { id: productId, input: { name: 'Desk lamp, brass' } });
    // Events name the product by the raw id inside the API's.
    const rawProductId = rawId('Product', productId);

    const events = (await publishedOnceRelayed()).filter((e) => e.aggregateId === rawProductId);

    expect(events.map((e) => e.type)).toEqual(['ProductCreated', 'ProductUpdated']);
    expect(events[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'ProductCreated',
      version: 1,
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      aggregateType: 'Product',
      aggregateId: rawProductId,
      traceId,
      data: expect.objectContaining({ productId: rawProductId, slug }),
    });
    expect(events[1]).toMatchObject({ aggregateType: 'Product', version: 1, data: { productId: rawProductId, changed: expect.arrayContaining(['name']) } });
    expect(events[1]!.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(events[1]!.traceId).not.toBe(traceId);
    expect(Date.parse(events[1]!.occurredAt)).toBeGreaterThanOrEqual(Date.parse(events[0]!.occurredAt));
  });

  it('records no event for a change that is refused', async () => {
    const slug = unique('taken');
    const first = await stack.admin.query(CREATE_PRODUCT, { input: { slug, name: 'First', variants: [{ sku: `${slug}-A`, price: { amount: 100, currencyCode: 'USD' } }] } });
    const before = await outboxSize();

    const duplicate = await stack.admin.query(CREATE_PRODUCT, { input: { slug, name: 'Second', variants: [{ sku: `${slug}-B`, price: { amount: 100, currencyCode: 'USD' } }] } });
    const blank = await stack.admin.query(UPDATE_PRODUCT, { id: first.createProduct.product.id, input: { name: ' ' } });
    const tooLong = await stack.admin.query(UPDATE_PRODUCT, { id: first.createProduct.product.id, input: { slug: 'x'.repeat(161) } });

    expect(duplicate.createProduct.userErrors.map((e: { code: string }) => e.code)).toEqual(['SLUG_TAKEN']);
    expect(blank.updateProduct.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_INPUT']);
    expect(tooLong.updateProduct.userErrors).not.toEqual([]);
    expect(await outboxSize()).toBe(before);
  });
});

describe('inventory events', () => {
  it('announce reservations, releases and each crossing of the reorder threshold, in the order they happened', async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 10, reorderThreshold: 5 }]);
    const [a, b, c] = [orderId(), orderId(), orderId()];

    const ra = await service.reserve(a, [{ variantId: variantId!, quantity: 3 }]); // available 7
    const rb = await service.reserve(b, [{ variantId: variantId!, quantity: 2 }]); // 5: crosses
    const rc = await service.reserve(c, [{ variantId: variantId!, quantity: 1 }]); // 4: already low
    await service.release(b); // 6
    await service.release(c); // 7
    await service.commit(a); // on hand 7, available 7
    await stack.admin.query(ADJUST_INVENTORY, { variantId, delta: -2 }); // 5: crosses again
    await stack.admin.query(SET_INVENTORY, { variantId, onHand: 20 }); // 20
    await stack.admin.query(SET_INVENTORY, { variantId, onHand: 6 }); // 6: above
    await stack.admin.query(SET_INVENTORY, { variantId, onHand: 4 }); // 4: crosses

    // Events carry the raw ids inside the API's.
    const [ida, idb, idc] = [ra, rb, rc].map((r) => rawId('InventoryReservation', r.reservation!.id));
    const variant = rawId('ProductVariant', variantId!);
    const ours = (await publishedOnceRelayed()).filter((e) => [ida, idb, idc, variant].includes(e.aggregateId));

    expect(ours.map((e) => [e.type, e.aggregateId])).toEqual([
      ['InventoryReserved', ida],
      ['InventoryReserved', idb],
      ['InventoryLow', variant],
      ['InventoryReserved', idc],
      ['InventoryReleased', idb],
      ['InventoryReleased', idc],
      ['InventoryLow', variant],
      ['InventoryLow', variant],
    ]);
    const low = ours.filter((e) => e.type === 'InventoryLow').map((e) => e.data);
    expect(low).toEqual([
      { variantId: variant, available: 5, reorderThreshold: 5, location: 'default' },
      { variantId: variant, available: 5, reorderThreshold: 5, location: 'default' },
      { variantId: variant, available: 4, reorderThreshold: 5, location: 'default' },
    ]);
    expect(ours[0]).toMatchObject({
      aggregateType: 'InventoryReservation',
      version: 1,
      data: { reservationId: ida, ownerId: rawId('Order', a), expiresAt: ra.reservation!.expiresAt, lines: [{ variantId: variant, quantity: 3 }] },
    });
    expect(ours[4]).toMatchObject({
      aggregateType: 'InventoryReservation',
      data: { reservationId: idb, ownerId: rawId('Order', b), reason: 'released', lines: [{ variantId: variant, quantity: 2 }] },
    });
    const times = ours.map((e) => Date.parse(e.occurredAt));
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });

  it('announce a variant that becomes low because its reorder threshold was raised', async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 8, reorderThreshold: 5 }]);
    const setThreshold = `mutation($variantId: ID!, $onHand: Int!, $threshold: Int) {
      setInventory(variantId: $variantId, onHand: $onHand, reorderThreshold: $threshold) { userErrors { code } } }`;

    await stack.admin.query(setThreshold, { variantId, onHand: 8, threshold: 10 }); // 8 <= 10: now low
    await stack.admin.query(setThreshold, { variantId, onHand: 7, threshold: 10 }); // still low
    await stack.admin.query(setThreshold, { variantId, onHand: 7, threshold: 3 }); // not low

    const variant = rawId('ProductVariant', variantId!);
    const low = (await publishedOnceRelayed()).filter((e) => e.type === 'InventoryLow' && e.aggregateId === variant);
    expect(low.map((e) => e.data)).toEqual([{ variantId: variant, available: 8, reorderThreshold: 10, location: 'default' }]);
  });

  it('records nothing for a refused reservation or stock change', async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 6, reorderThreshold: 5 }]);
    await service.reserve(orderId(), [{ variantId: variantId!, quantity: 1 }]);
    const before = await outboxSize();

    expect((await service.reserve(orderId(), [{ variantId: variantId!, quantity: 6 }])).userErrors[0]?.code).toBe('INSUFFICIENT_STOCK');
    expect((await stack.admin.query(SET_INVENTORY, { variantId, onHand: 0 })).setInventory.userErrors[0].code).toBe('BELOW_RESERVED');
    expect((await stack.admin.query(ADJUST_INVENTORY, { variantId, delta: -6 })).adjustInventory.userErrors[0].code).toBe('BELOW_RESERVED');
    expect((await service.commit(orderId())).userErrors[0]?.code).toBe('RESERVATION_NOT_FOUND');

    expect(await outboxSize()).toBe(before);
  });

  it('fires InventoryLow once when concurrent reservations drain the stock past the threshold', async () => {
    const [variantId] = await createVariants(stack, [{ onHand: 10, reorderThreshold: 5 }]);

    const results = await Promise.all(Array.from({ length: 15 }, () => service.reserve(orderId(), [{ variantId: variantId!, quantity: 1 }])));

    expect(results.filter((r) => r.reservation)).toHaveLength(10);
    const variant = rawId('ProductVariant', variantId!);
    const low = (await publishedOnceRelayed()).filter((e) => e.type === 'InventoryLow' && e.aggregateId === variant);
    expect(low.map((e) => e.data)).toEqual([{ variantId: variant, available: 5, reorderThreshold: 5, location: 'default' }]);
  });
});

describe('relays racing the worker', () => {
  it('publish every event exactly once while changes keep coming', async () => {
    const db = createCatalogServices(stack.runtime).db;
    try {
      const variantIds = await createVariants(stack, [{ onHand: 1000 }, { onHand: 1000 }]);
      let changing = true;
      const changes = (async () => {
        await Promise.all(
          Array.from({ length: 60 }, (_, i) => service.reserve(orderId(), [{ variantId: variantIds[i % 2]!, quantity: 1 }])),
        );
        changing = false;
      })();
      const relay = async () => {
        while (changing) await relayOutbox(db, stack.runtime.redis, stream, 10);
      };
      await Promise.all([changes, relay(), relay()]);

      const events = await publishedOnceRelayed();
      const ids = events.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      const { rows } = await sql.query<{ id: string }>(`SELECT id FROM outbox_event ORDER BY occurred_at, id`);
      expect(new Set(ids)).toEqual(new Set(rows.map((r) => r.id)));
    } finally {
      await db.$disconnect();
    }
  });
});
