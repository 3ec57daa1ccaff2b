// Hot reads straight to pg (readRows): a client made readingDirectly sends them on its own pool,
// past Prisma's query engine, and gets the values Prisma would have given; any other client, or
// one Prisma has not connected yet, goes through Prisma. Transactions likewise (transactDirectly).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma, PrismaClient } from '../subgraphs/catalog/prisma-client/client.js';
import { createDatabaseFrom, dropDatabase, ensureTemplate } from '../test/db-template.js';
import { setTimeout as delay } from 'node:timers/promises';
import { pgAdapter, queryAndCommit, readingDirectly, readRows, transactDirectly } from './db.js';
import { runInScope } from './request-scope.js';

const dbName = `commerce_test_${randomUUID().replaceAll('-', '').slice(0, 12)}_readrows`;
let url: string;
beforeAll(async () => {
  url = await createDatabaseFrom(process.env.TEST_TEMPLATE_DB ?? (await ensureTemplate()), dbName);
});
afterAll(() => dropDatabase(dbName));

const STATEMENT = Prisma.sql`SELECT count(*)::int AS n, ${'2026-11-30T12:00:00Z'}::timestamptz AS at, json_build_object('a', ${[1, 2]}::int[]) AS doc, current_schema() AS schema`;
const EXPECTED = [{ n: 0, at: new Date('2026-11-30T12:00:00Z'), doc: { a: [1, 2] }, schema: 'catalog' }];

/** A catalog client whose statements through Prisma's engine are counted apart from those readRows reports. */
async function client(direct: boolean) {
  const adapter = pgAdapter(url, 'catalog', 2);
  const viaPrisma: string[] = [];
  const reported: string[] = [];
  const db = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  db.$on('query', (event) => viaPrisma.push(event.query));
  if (direct) readingDirectly(db, adapter, (sql) => reported.push(sql));
  return { db, viaPrisma, reported };
}

describe('readRows', () => {
  it("sends a direct client's read on its own pool, in its schema, with the values Prisma would give", async () => {
    const { db, viaPrisma, reported } = await client(true);
    try {
      await db.$connect();
      const before = viaPrisma.length;
      expect(await readRows(db, Prisma.sql`${STATEMENT} FROM product`)).toEqual(EXPECTED);
      expect(viaPrisma.length).toBe(before);
      expect(reported).toEqual([`${STATEMENT.text} FROM product`]);
      // The same statement through Prisma gives the same row.
      expect(await db.$queryRawUnsafe(`${STATEMENT.text} FROM product`, ...STATEMENT.values)).toEqual(EXPECTED);
    } finally {
      await db.$disconnect();
    }
  });

  it('goes through Prisma for any other client', async () => {
    const { db, viaPrisma } = await client(false);
    try {
      expect(await readRows(db, Prisma.sql`${STATEMENT} FROM product`)).toEqual(EXPECTED);
      expect(viaPrisma).toHaveLength(1);
    } finally {
      await db.$disconnect();
    }
  });
});

describe('transactDirectly', () => {
  beforeAll(async () => {
    const { db } = await client(false);
    try {
      await db.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS direct_probe (id int PRIMARY KEY)');
    } finally {
      await db.$disconnect();
    }
  });

  const probes = async (db: PrismaClient) => (await db.$queryRawUnsafe<{ id: number }[]>('SELECT id FROM direct_probe ORDER BY id')).map((r) => r.id);

  it("commits on a direct client's own pool, past Prisma, and answers what the work answered", async () => {
    const { db, viaPrisma, reported } = await client(true);
    try {
      await db.$executeRawUnsafe('DELETE FROM direct_probe');
      const before = viaPrisma.length;
      const answer = await transactDirectly(db, async (tx) => {
        const inserted = await tx.$executeRawUnsafe('INSERT INTO direct_probe (id) VALUES ($1), ($2)', 1, 2);
        const [row] = await tx.$queryRawUnsafe<{ n: number; schema: string }[]>('SELECT count(*)::int AS n, current_schema() AS schema FROM direct_probe');
        return { inserted, ...row };
      });
      expect(answer).toEqual({ inserted: 2, n: 2, schema: 'catalog' });
      expect(viaPrisma.length).toBe(before);
      expect(reported).toHaveLength(2);
      expect(await probes(db)).toEqual([1, 2]);
    } finally {
      await db.$disconnect();
    }
  });

  it('rolls back and throws when the work throws, and the connection serves the next transaction', async () => {
    const { db } = await client(true);
    try {
      await db.$executeRawUnsafe('DELETE FROM direct_probe');
      await expect(
        transactDirectly(db, async (tx) => {
          await tx.$executeRawUnsafe('INSERT INTO direct_probe (id) VALUES (3)');
          throw new Error('the work failed');
        }),
      ).rejects.toThrow('the work failed');
      expect(await probes(db)).toEqual([]);
      // The pool has two connections: three transactions in turn reuse a connection that rolled back.
      for (const id of [4, 5, 6]) await transactDirectly(db, (tx) => tx.$executeRawUnsafe('INSERT INTO direct_probe (id) VALUES ($1)', id));
      expect(await probes(db)).toEqual([4, 5, 6]);
    } finally {
      await db.$disconnect();
    }
  });

  it('ends a transaction left idle past its timeout, releasing its locks, and the next one runs', async () => {
    const { db } = await client(true);
    try {
      await db.$executeRawUnsafe('DELETE FROM direct_probe');
      const stuck = transactDirectly(
        db,
        async (tx) => {
          await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('direct-probe'))`);
          await delay(1_000); // waiting on something else that hangs
          await tx.$executeRawUnsafe('INSERT INTO direct_probe (id) VALUES (7)');
        },
        { timeout: 200 },
      );
      await expect(stuck).rejects.toThrow();
      const [lock] = await db.$queryRawUnsafe<{ free: boolean }[]>(`SELECT pg_try_advisory_lock(hashtext('direct-probe')) AS free`);
      expect(lock?.free).toBe(true);
      expect(await probes(db)).toEqual([]);
      expect(await transactDirectly(db, (tx) => tx.$executeRawUnsafe('INSERT INTO direct_probe (id) VALUES (8)'))).toBe(1);
      expect(await probes(db)).toEqual([8]);
    } finally {
      await db.$disconnect();
    }
  });

  it('ends a statement that runs past the timeout', async () => {
    const { db } = await client(true);
    try {
      await db.$connect();
      await expect(transactDirectly(db, (tx) => tx.$queryRawUnsafe('SELECT pg_sleep(2)'), { timeout: 200 })).rejects.toThrow(/statement timeout/);
      expect(await transactDirectly(db, (tx) => tx.$queryRaw<{ n: number }[]>`SELECT ${41}::int + 1 AS n`)).toEqual([{ n: 42 }]);
    } finally {
      await db.$disconnect();
    }
  });

  it('gives up waiting for a connection after maxWait, and the connection goes back when it comes', async () => {
    const { db } = await client(true);
    try {
      await db.$connect();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      // The pool has two connections: both held by transactions waiting on `held`.
      const holders = [1, 2].map(() => transactDirectly(db, () => held, { timeout: 10_000 }));
      await delay(100);
      await expect(transactDirectly(db, (tx) => tx.$queryRawUnsafe('SELECT 1'), { maxWait: 200 })).rejects.toThrow(/no database connection within 200 ms/);
      release();
      await Promise.all(holders);
      for (let i = 0; i < 3; i++) expect(await transactDirectly(db, (tx) => tx.$queryRawUnsafe<{ one: number }[]>('SELECT 1 AS one'), { maxWait: 1_000 })).toEqual([{ one: 1 }]);
    } finally {
      await db.$disconnect();
    }
  });

  it("tells the version trigger who writes, as Prisma's transactions do, and takes tagged templates", async () => {
    const { db } = await client(true);
    try {
      await db.$connect();
      const settings = await runInScope({ requestId: 'req-1', traceId: 't'.repeat(32), actor: "person:o'brien" }, () =>
        transactDirectly(db, (tx) => tx.$queryRaw<{ actor: string; request: string }[]>`
          SELECT current_setting('commerce.actor', true) AS actor, current_setting('commerce.request_id', true) AS request, ${'x'}::text AS x`),
      );
      expect(settings).toEqual([{ actor: "person:o'brien", request: 'req-1', x: 'x' }]);
      const none = await transactDirectly(db, (tx) => tx.$queryRawUnsafe<{ actor: string | null }[]>(`SELECT nullif(current_setting('commerce.actor', true), '') AS actor`));
      expect(none).toEqual([{ actor: null }]);
    } finally {
      await db.$disconnect();
    }
  });

  it('runs a first statement, sent with BEGIN, inside the transaction; work that sends nothing commits nothing', async () => {
    const { db } = await client(true);
    try {
      await db.$connect();
      const [first, second] = await transactDirectly(db, async (tx) => [
        (await tx.$queryRawUnsafe<{ at: Date }[]>('SELECT now() AS at'))[0]!.at,
        (await tx.$queryRawUnsafe<{ at: Date }[]>('SELECT now() AS at, $1::int AS n', 1))[0]!.at,
      ]);
      // now() is the transaction's start: the same for both only if the first ran inside it.
      expect(second).toEqual(first);
      const [withValues, after] = await transactDirectly(db, async (tx) => [
        (await tx.$queryRawUnsafe<{ at: Date }[]>('SELECT now() AS at, $1::text AS t', 'x'))[0]!.at,
        (await tx.$queryRawUnsafe<{ at: Date }[]>('SELECT now() AS at'))[0]!.at,
      ]);
      expect(after).toEqual(withValues);
      expect(await transactDirectly(db, async () => 'nothing sent')).toBe('nothing sent');
      await expect(transactDirectly(db, async () => Promise.reject(new Error('refused before any statement')))).rejects.toThrow('refused before any statement');
      expect(await transactDirectly(db, (tx) => tx.$queryRawUnsafe<{ one: number }[]>('SELECT 1 AS one'))).toEqual([{ one: 1 }]);
    } finally {
      await db.$disconnect();
    }
  });

  it('prepares a statement with parameters on its connection once, under a name from its text', async () => {
    const { db } = await client(true);
    try {
      await db.$connect();
      const held = await transactDirectly(db, async (tx) => {
        await tx.$queryRawUnsafe('SELECT $1::int AS first', 1);
        for (const n of [1, 2, 3]) expect(await tx.$queryRawUnsafe('SELECT $1::int + 1 AS n', n)).toEqual([{ n: n + 1 }]);
        return tx.$queryRawUnsafe<{ name: string; statement: string }[]>(`SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE 'SELECT $%' ORDER BY name`);
      });
      // The first statement went with BEGIN, its value written in; the next is prepared once.
      expect(held).toEqual([{ name: expect.stringMatching(/^direct_/), statement: 'SELECT $1::int + 1 AS n' }]);
    } finally {
      await db.$disconnect();
    }
  });

  it("gives a first statement's parameters, written in as literals, the values pg would bind, and keeps those it has none for", async () => {
    const { db } = await client(true);
    const statement = `SELECT $1::text AS quoted, $2::int AS n, $3::timestamptz AS at, $4::text AS missing, $5::jsonb AS doc, $6::boolean AS yes, $7::text AS dollars`;
    const values = ["o'brien \\ \"x\"", 42, new Date('2026-12-01T10:00:00.123Z'), null, { a: [1, 'b'] }, true, 'costs $2 and $1'];
    try {
      await db.$connect();
      const bound = await readRows(db, { text: statement, values });
      const first = await transactDirectly(db, (tx) => tx.$queryRawUnsafe(statement, ...values));
      expect(first).toEqual(bound);
      expect(bound).toEqual([{ quoted: values[0], n: 42, at: values[2], missing: null, doc: { a: [1, 'b'] }, yes: true, dollars: 'costs $2 and $1' }]);
      // Arrays are written in as pg sends them, their elements quoted and escaped.
      const arrays = `SELECT $1::int[] AS ids, $2::text[] AS texts, $3::text[][] AS nested, $4::uuid[] AS none`;
      const arrayValues = [[1, 2], ['a "quoted" \\ one', null, 'NULL', '', 'x,y}{'], [['a', 'b'], ['c', null]], []];
      expect(await transactDirectly(db, (tx) => tx.$queryRawUnsafe(arrays, ...arrayValues))).toEqual(await readRows(db, { text: arrays, values: arrayValues }));
      expect(await readRows(db, { text: arrays, values: arrayValues })).toEqual([{ ids: [1, 2], texts: arrayValues[1], nested: arrayValues[2], none: [] }]);
      // Binary data has no literal here: the statement keeps its parameters, after BEGIN on its own.
      expect(await transactDirectly(db, (tx) => tx.$queryRawUnsafe('SELECT length($1::bytea) AS n', Buffer.from([0, 1, 2])))).toEqual([{ n: 3 }]);
      await expect(transactDirectly(db, (tx) => tx.$queryRawUnsafe('SELECT $2::int AS n', 1))).rejects.toThrow('beyond its 1 parameters');
      // A comment naming a parameter keeps them all: a value's newline cannot end the comment.
      const commented = 'SELECT $1::text AS t -- $1 is the text\n, 1 AS one';
      expect(await transactDirectly(db, (tx) => tx.$queryRawUnsafe(commented, "x'\nSELECT 2"))).toEqual([{ t: "x'\nSELECT 2", one: 1 }]);
    } finally {
      await db.$disconnect();
    }
  });

  it('sends COMMIT with the last statement: committed when it answers, nothing after it, an error rolls all back', async () => {
    const { db } = await client(true);
    const visible = async () => (await readRows<{ id: number }>(db, { text: 'SELECT id FROM direct_probe ORDER BY id', values: [] })).map((r) => r.id);
    try {
      await db.$executeRawUnsafe('DELETE FROM direct_probe');
      const seen = await transactDirectly(db, async (tx) => {
        await tx.$executeRawUnsafe('INSERT INTO direct_probe (id) VALUES ($1)', 11);
        const rows = await queryAndCommit<{ id: number }[]>(tx, 'INSERT INTO direct_probe (id) VALUES ($1) RETURNING id', 12);
        // Another connection sees both rows before the work ends: COMMIT went with the statement.
        const committed = await visible();
        await expect(tx.$queryRawUnsafe('SELECT 1')).rejects.toThrow('the transaction has committed');
        return { rows, committed };
      });
      expect(seen).toEqual({ rows: [{ id: 12 }], committed: [11, 12] });
      // The only statement: BEGIN, it and COMMIT in one message.
      expect(await transactDirectly(db, (tx) => queryAndCommit(tx, 'INSERT INTO direct_probe (id) VALUES ($1) RETURNING id', 13))).toEqual([{ id: 13 }]);
      // The last statement fails (a duplicate key): the first is rolled back with it, and the connection serves on.
      await expect(
        transactDirectly(db, async (tx) => {
          await tx.$executeRawUnsafe('INSERT INTO direct_probe (id) VALUES ($1)', 14);
          return queryAndCommit(tx, 'INSERT INTO direct_probe (id) VALUES ($1)', 13);
        }),
      ).rejects.toThrow(/duplicate key/);
      // The only statement, failing: BEGIN went in its message, so the connection is rolled back
      // before the pool has it again, and both connections serve the next transactions.
      await expect(transactDirectly(db, (tx) => queryAndCommit(tx, 'INSERT INTO direct_probe (id) VALUES ($1)', 13))).rejects.toThrow(/duplicate key/);
      for (const id of [18, 19, 20]) await transactDirectly(db, (tx) => tx.$executeRawUnsafe('INSERT INTO direct_probe (id) VALUES ($1)', id));
      await db.$executeRawUnsafe('DELETE FROM direct_probe WHERE id >= 18');
      // An array is written in too; binary data keeps its parameters, and COMMIT follows on its own.
      expect(await transactDirectly(db, (tx) => queryAndCommit(tx, 'INSERT INTO direct_probe (id) SELECT unnest($1::int[]) RETURNING id', [15]))).toHaveLength(1);
      expect(await transactDirectly(db, (tx) => queryAndCommit(tx, 'INSERT INTO direct_probe (id) SELECT 16 WHERE length($1::bytea) = 1 RETURNING id', Buffer.from([7])))).toHaveLength(1);
      expect(await visible()).toEqual([11, 12, 13, 15, 16]);
      // Any other client: an ordinary statement in its transaction.
      const prisma = await client(false);
      try {
        expect(await transactDirectly(prisma.db, (tx) => queryAndCommit(tx, 'INSERT INTO direct_probe (id) VALUES ($1) RETURNING id', 17))).toEqual([{ id: 17 }]);
      } finally {
        await prisma.db.$disconnect();
      }
    } finally {
      await db.$disconnect();
    }
  });

  it('goes through Prisma for any other client', async () => {
    const { db, viaPrisma } = await client(false);
    try {
      await db.$executeRawUnsafe('DELETE FROM direct_probe');
      const before = viaPrisma.length;
      await transactDirectly(db, (tx) => tx.$executeRawUnsafe('INSERT INTO direct_probe (id) VALUES (9)'));
      expect(viaPrisma.length).toBeGreaterThan(before);
      expect(await probes(db)).toEqual([9]);
    } finally {
      await db.$disconnect();
    }
  });
});
