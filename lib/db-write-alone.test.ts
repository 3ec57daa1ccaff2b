// writeAlone (and queryAlone, the same answering rows): one write in a transaction of its own, in one round trip, its parameters written in
// as literals. It must store exactly what the same statement with parameters stores (quotes,
// backslashes, text that looks like a placeholder, dates, JSON, numbers, nulls), tell the version
// history who writes without that leaking to the connection's next user, and roll back all of
// its message when the statement fails.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma, PrismaClient } from '../subgraphs/catalog/prisma-client/client.js';
import { createDatabaseFrom, dropDatabase, ensureTemplate } from '../test/db-template.js';
import { pgAdapter, queryAlone, readingDirectly, readRows, writeAlone } from './db.js';
import { runInScope } from './request-scope.js';

const dbName = `commerce_test_${randomUUID().replaceAll('-', '').slice(0, 12)}_writealone`;
let db: PrismaClient;
const sent: string[] = [];

beforeAll(async () => {
  const url = await createDatabaseFrom(process.env.TEST_TEMPLATE_DB ?? (await ensureTemplate()), dbName);
  // One connection: the next statement after a write runs on the connection the write used.
  const adapter = pgAdapter(url, 'catalog', 1);
  db = readingDirectly(new PrismaClient({ adapter }), adapter, (sql) => sent.push(sql));
  await db.$connect();
  await db.$executeRawUnsafe(`CREATE TABLE alone_probe (id int PRIMARY KEY, label text, at timestamptz, doc jsonb, n int, flag boolean, actor text, request text)`);
});
afterAll(async () => {
  await db?.$disconnect();
  await dropDatabase(dbName);
});

const INSERT = `INSERT INTO alone_probe (id, label, at, doc, n, flag, actor, request)
  VALUES ($1::int, $2, $3::timestamptz, $4::jsonb, $5 * 2, $6::boolean, current_setting('commerce.actor', true), current_setting('commerce.request_id', true))`;
const row = async (id: number) => (await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT label, at, doc, n, flag, actor, request FROM alone_probe WHERE id = $1`, id))[0];

describe('writeAlone', () => {
  it('stores what the statement with parameters stores, in one message, and answers the rows changed', async () => {
    const label = "O'Brien \\ $2 -- \"quoted\" ; DROP TABLE alone_probe; ünïcode";
    const values = [label, new Date('2026-12-01T10:00:00.123Z'), JSON.stringify({ a: "it's", b: [1, null] }), 21, false];
    const before = sent.length;
    expect(await writeAlone(db, { text: INSERT, values: [1, ...values] })).toBe(1);
    expect(sent.length - before).toBe(1);
    await db.$executeRawUnsafe(INSERT, 2, ...values);
    const [alone, withParameters] = [await row(1), await row(2)];
    expect(alone).toEqual(withParameters);
    expect(alone).toMatchObject({ label, at: new Date('2026-12-01T10:00:00.123Z'), doc: { a: "it's", b: [1, null] }, n: 42, flag: false });
    expect(await writeAlone(db, { text: `UPDATE alone_probe SET n = n + $1 WHERE id = ANY('{1,2}'::int[]) AND label = $2`, values: [1, label] })).toBe(2);
    expect(await writeAlone(db, { text: `UPDATE alone_probe SET label = $1 WHERE id = $2`, values: [null, 99] })).toBe(0);
  });

  it('tells the version history who writes, and the next statement on the connection no longer carries it', async () => {
    await runInScope({ requestId: 'req-alone', traceId: 't'.repeat(32), actor: "person:o'hara" }, () =>
      writeAlone(db, { text: INSERT, values: [3, 'attributed', new Date(), '{}', 1, true] }),
    );
    expect(await row(3)).toMatchObject({ actor: "person:o'hara", request: 'req-alone' });
    const [next] = await readRows<{ actor: string | null; timeout: string }>(db, Prisma.sql`
      SELECT nullif(current_setting('commerce.actor', true), '') AS actor, current_setting('statement_timeout') AS timeout`);
    expect(next).toEqual({ actor: null, timeout: '0' });
  });

  it('rolls back its whole message when the statement fails, and the connection serves the next one', async () => {
    await expect(
      runInScope({ requestId: 'req-fail', traceId: 't'.repeat(32), actor: 'person:failing' }, () =>
        writeAlone(db, { text: INSERT, values: [1, 'duplicate id', new Date(), '{}', 1, true] }),
      ),
    ).rejects.toThrow(/duplicate key/);
    expect(await writeAlone(db, { text: INSERT, values: [4, 'after the failure', new Date(), '{}', 1, true] })).toBe(1);
    expect(await row(4)).toMatchObject({ label: 'after the failure', actor: null });
  });

  it('answers the rows the statement returns with queryAlone, in one message, and through a transaction for binary data', async () => {
    const before = sent.length;
    const returning = `INSERT INTO alone_probe (id, label) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id, label`;
    expect(await queryAlone(db, { text: returning, values: [20, "it's twenty"] })).toEqual([{ id: 20, label: "it's twenty" }]);
    expect(sent.length - before).toBe(1);
    expect(await queryAlone(db, { text: returning, values: [20, 'again'] })).toEqual([]);
    const binary = `UPDATE alone_probe SET n = length($2::bytea) WHERE id = $1 RETURNING id, n`;
    expect(await queryAlone(db, { text: binary, values: [20, Buffer.from([1, 2, 3])] })).toEqual([{ id: 20, n: 3 }]);
  });

  it('writes arrays in, keeps parameters it has no literal for (binary data), through a transaction, and refuses a placeholder beyond its values', async () => {
    expect(await writeAlone(db, { text: `UPDATE alone_probe SET n = 0 WHERE id = ANY($1::int[])`, values: [[1, 2, 3]] })).toBe(3);
    expect(await writeAlone(db, { text: `UPDATE alone_probe SET n = 1 WHERE id = ANY($1::int[]) AND length($2::bytea) = 2`, values: [[1, 2], Buffer.from([1, 2])] })).toBe(2);
    await expect(writeAlone(db, { text: `UPDATE alone_probe SET n = $2 WHERE id = $1`, values: [1] })).rejects.toThrow(/beyond its 1 parameters/);
  });
});
