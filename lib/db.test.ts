// Hot reads straight to pg (readRows): a client made readingDirectly sends them on its own pool,
// past Prisma's query engine, and gets the values Prisma would have given; any other client, or
// one Prisma has not connected yet, goes through Prisma.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma, PrismaClient } from '../subgraphs/catalog/prisma-client/client.js';
import { createDatabaseFrom, dropDatabase, ensureTemplate } from '../test/db-template.js';
import { pgAdapter, readingDirectly, readRows } from './db.js';

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
