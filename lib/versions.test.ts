// The version history as the database keeps it (lib/versions.ts, the entity_versions migrations):
// who each write is by, carried from the request scope into the trigger through the driver adapter,
// never left behind on a pooled connection; what changed, from and to; nothing for a rolled-back
// or empty change; append-only; one unbroken chain per row under concurrent writers; erasure.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../subgraphs/cart/prisma-client/client.js';
import { createDatabaseFrom, dropDatabase, ensureTemplate } from '../test/db-template.js';
import { pgAdapter } from './db.js';
import { runInScope } from './request-scope.js';
import { eraseVersionActor, versionsOf } from './versions.js';

const dbName = `commerce_test_versions_${process.pid}`;
let url: string;
let sql: pg.Pool;
/** One connection: whatever a write leaves on it, the next one finds. */
let db: PrismaClient;

beforeAll(async () => {
  url = await createDatabaseFrom(process.env.TEST_TEMPLATE_DB ?? (await ensureTemplate()), dbName);
  sql = new pg.Pool({ connectionString: url, max: 2, options: '-c search_path=cart' });
  // Dropping the database at the end (WITH FORCE) can end a connection still closing: not an error here.
  sql.on('connect', (client) => client.on('error', () => undefined));
  db = new PrismaClient({ adapter: pgAdapter(url, 'cart', 1) });
});
afterAll(async () => {
  await db?.$disconnect();
  await sql?.end();
  await dropDatabase(dbName);
});

// Prisma's queries start when awaited: inside the scope, as a resolver's are.
const as = <T>(actor: string, fn: () => Promise<T>, requestId: string = randomUUID()) => runInScope({ requestId, traceId: '0'.repeat(32), actor }, async () => await fn());

interface Row {
  entity: string;
  entity_id: string;
  root_id: string;
  operation: string;
  actor: string;
  request_id: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
}
const versions = async (rootId: string): Promise<Row[]> =>
  (await sql.query<Row>(`SELECT entity, entity_id, root_id, operation::text, actor, request_id, changes FROM entity_version WHERE root_id = $1 ORDER BY id`, [rootId])).rows;

const newCart = (personId = 'p-1') => db.cart.create({ data: { personId, currency: 'EUR' } });

describe('who', () => {
  it('names the actor and request of writes in a transaction and of writes on their own', async () => {
    const cart = await as('person:alice', () => newCart('alice'), 'req-create');
    await as('person:alice', () => db.$transaction(async (tx) => {
      await tx.cartLine.create({ data: { cartId: cart.id, variantId: randomUUID(), quantity: 1, seenUnitPrice: 500 } });
      await tx.cart.update({ where: { id: cart.id }, data: { appliedCodes: ['SAVE10'] } });
    }), 'req-add');
    await as('service:order', () => db.$executeRaw`UPDATE cart SET status = 'CHECKING_OUT' WHERE id = ${cart.id}::uuid`, 'req-lock');
    expect((await versions(cart.id)).map((v) => [v.entity, v.operation, v.actor, v.request_id])).toEqual([
      ['cart', 'INSERT', 'person:alice', 'req-create'],
      ['cart_line', 'INSERT', 'person:alice', 'req-add'],
      ['cart', 'UPDATE', 'person:alice', 'req-add'],
      ['cart', 'UPDATE', 'service:order', 'req-lock'],
    ]);
  });

  it('leaves nothing on the pooled connection: a write outside any scope is unattributed', async () => {
    const cart = await as('person:bob', () => newCart('bob'));
    // The same (only) connection, in a transaction and on its own.
    await db.$transaction((tx) => tx.cart.update({ where: { id: cart.id }, data: { currency: 'USD' } }));
    await db.cart.update({ where: { id: cart.id }, data: { currency: 'GBP' } });
    expect((await versions(cart.id)).map((v) => [v.operation, v.actor, v.request_id])).toEqual([
      ['INSERT', 'person:bob', expect.any(String)],
      ['UPDATE', 'unattributed', null],
      ['UPDATE', 'unattributed', null],
    ]);
  });

  it('keeps no version of a rolled-back write, nor of a write that changes nothing but updated_at', async () => {
    const cart = await as('person:carol', () => newCart('carol'));
    const failing = as('person:carol', () =>
      db.$transaction(async (tx) => {
        await tx.cart.update({ where: { id: cart.id }, data: { currency: 'JPY' } });
        throw new Error('roll back');
      }),
    );
    await expect(failing).rejects.toThrow('roll back');
    await as('person:carol', () => db.$executeRaw`UPDATE cart SET updated_at = now() + interval '1 minute' WHERE id = ${cart.id}::uuid`);
    // A write refused by the database rolls back its own transaction, version and all.
    await expect(as('person:carol', () => db.$executeRaw`UPDATE cart SET quantity_typo = 1 WHERE id = ${cart.id}::uuid`)).rejects.toThrow();
    expect((await versions(cart.id)).map((v) => v.operation)).toEqual(['INSERT']);
  });
});

describe('what', () => {
  it('records each changed column from and to; a new row its columns that are set, a deleted one all of them', async () => {
    const cart = await as('person:dan', () => newCart('dan'));
    const line = await as('person:dan', () => db.cartLine.create({ data: { cartId: cart.id, variantId: randomUUID(), quantity: 1, seenUnitPrice: 500 } }));
    await as('person:dan', () => db.cartLine.update({ where: { id: line.id }, data: { quantity: 3 } }));
    await as('person:dan', () => db.cartLine.delete({ where: { id: line.id } }));
    const lineVersions = (await versions(cart.id)).filter((v) => v.entity === 'cart_line');
    expect(lineVersions.map((v) => [v.entity_id, v.operation])).toEqual([
      [line.id, 'INSERT'],
      [line.id, 'UPDATE'],
      [line.id, 'DELETE'],
    ]);
    const [created, updated, deleted] = lineVersions.map((v) => v.changes);
    expect(created).toMatchObject({ cart_id: { from: null, to: cart.id }, quantity: { from: null, to: 1 }, seen_unit_price: { from: null, to: 500 } });
    expect(created).not.toHaveProperty('updated_at');
    expect(updated).toEqual({ quantity: { from: 1, to: 3 } });
    expect(deleted).toMatchObject({ quantity: { from: 3, to: null }, cart_id: { from: cart.id, to: null } });
  });

  it('pages newest first, as the API gives them', async () => {
    const cart = await as('person:erin', () => newCart('erin'));
    for (const currency of ['USD', 'GBP', 'JPY']) await as('person:erin', () => db.cart.update({ where: { id: cart.id }, data: { currency } }));
    const first = await versionsOf(db, { roots: [cart.id] }, { first: 2 });
    expect(first.edges.map((e) => e.node.changes.find((c) => c.field === 'currency')!.to)).toEqual(['"JPY"', '"GBP"']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = await versionsOf(db, { roots: [cart.id] }, { first: 2, after: first.pageInfo.endCursor });
    expect(next.edges.map((e) => [e.node.operation, e.node.changes.find((c) => c.field === 'currency')])).toEqual([
      ['UPDATE', { field: 'currency', from: '"EUR"', to: '"USD"' }],
      ['INSERT', { field: 'currency', from: null, to: '"EUR"' }],
    ]);
    expect(next.pageInfo.hasNextPage).toBe(false);
  });
});

describe('the history itself', () => {
  it('is append-only: no UPDATE, DELETE or TRUNCATE', async () => {
    for (const statement of ['UPDATE entity_version SET actor = $$x$$', 'DELETE FROM entity_version', 'TRUNCATE entity_version']) {
      await expect(sql.query(statement)).rejects.toMatchObject({ code: '42501', message: expect.stringContaining('append-only') });
    }
  });

  it('forms one unbroken chain per row under concurrent writers, each named', async () => {
    const cart = await as('person:fay', () => newCart('fay'));
    const line = await as('person:fay', () => db.cartLine.create({ data: { cartId: cart.id, variantId: randomUUID(), quantity: 1, seenUnitPrice: 500 } }));
    // Twenty writers on their own connections, each adding one to the same line at once.
    const writers = Array.from({ length: 20 }, () => new PrismaClient({ adapter: pgAdapter(url, 'cart', 1) }));
    try {
      await Promise.all(writers.map((w, i) => as(`person:w${i}`, () => w.$executeRaw`UPDATE cart_line SET quantity = quantity + 1 WHERE id = ${line.id}::uuid`)));
    } finally {
      await Promise.all(writers.map((w) => w.$disconnect()));
    }
    const updates = (await versions(cart.id)).filter((v) => v.operation === 'UPDATE');
    expect(updates).toHaveLength(20);
    // In the order they committed: each starts where the one before ended.
    expect(updates.map((v) => [v.changes.quantity!.from, v.changes.quantity!.to])).toEqual(Array.from({ length: 20 }, (_, i) => [i + 1, i + 2]));
    expect(new Set(updates.map((v) => v.actor))).toEqual(new Set(Array.from({ length: 20 }, (_, i) => `person:w${i}`)));
  });

  it('under an erasure, erases the values replaced from the row’s earlier versions', async () => {
    const cart = await as('person:gus', () => newCart('gus'));
    await as('person:gus', () => db.cart.update({ where: { id: cart.id }, data: { currency: 'USD', affiliateCode: 'BLOG' } }));
    await as('system:cart-personal-data-erasure', () =>
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SELECT set_config('commerce.erasure', 'on', true)`);
        await tx.$executeRaw`UPDATE cart SET person_id = 'erased:1', affiliate_code = NULL WHERE id = ${cart.id}::uuid`;
        await eraseVersionActor(tx, { personId: 'gus', pseudonym: 'erased:1', requestedBy: 'admin-1' });
      }),
    );
    const [created, changed, erased] = (await versions(cart.id)).map((v) => v.changes);
    expect(created).toMatchObject({ person_id: { from: null, to: '(erased)' }, currency: { from: null, to: 'EUR' } });
    expect(changed).toEqual({ currency: { from: 'EUR', to: 'USD' }, affiliate_code: { from: null, to: '(erased)' } });
    expect(erased).toEqual({ person_id: { from: '(erased)', to: 'erased:1' }, affiliate_code: { from: '(erased)', to: null } });
    expect((await versions(cart.id)).map((v) => v.actor)).toEqual(['person:erased:1', 'person:erased:1', 'system:cart-personal-data-erasure']);
    expect(JSON.stringify(await versions(cart.id))).not.toContain('gus');
  });
});
