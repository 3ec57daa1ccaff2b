// npm run db:setup with a context on a database of its own: each database is created when missing
// and holds the migrated schemas of its contexts, none of the others'; a second run changes nothing.
// It runs `prisma migrate deploy` once per context (some ten seconds each).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseUrl, dropDatabase } from '../test/db-template.js';
import { setUpDatabases } from './db.js';

const name = `commerce_test_setup_${randomBytes(4).toString('hex')}`;
const shared = databaseUrl(name);
const carts = databaseUrl(`${name}_cart`);

afterAll(async () => {
  await dropDatabase(name);
  await dropDatabase(`${name}_cart`);
});

async function schemasIn(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ schema: string; migrations: number }>(
      `SELECT table_schema AS schema, count(*) FILTER (WHERE table_name = '_prisma_migrations')::int AS migrations
         FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema', 'public') GROUP BY table_schema`,
    );
    return Object.fromEntries(rows.map((r) => [r.schema, r.migrations]));
  } finally {
    await client.end();
  }
}

describe('npm run db:setup', () => {
  it("creates and migrates each context's database, the cart's apart", { timeout: 180_000 }, async () => {
    const lines: string[] = [];
    await setUpDatabases({ DATABASE_URL: shared, CART_DATABASE_URL: carts }, (line) => lines.push(line));
    expect(lines).toEqual([
      `Created database ${name}`,
      `Applying migrations in ${name}: catalog, order, subscription, promotion…`,
      'Migrations applied',
      `Created database ${name}_cart`,
      `Applying migrations in ${name}_cart: cart…`,
      'Migrations applied',
    ]);
    expect(await schemasIn(shared)).toEqual({ catalog: 1, order: 1, subscription: 1, promotion: 1 });
    expect(await schemasIn(carts)).toEqual({ cart: 1 });

    lines.length = 0;
    await setUpDatabases({ DATABASE_URL: shared, CART_DATABASE_URL: carts }, (line) => lines.push(line));
    expect(lines).toEqual([`Database ${name} is up to date (catalog, order, subscription, promotion)`, `Database ${name}_cart is up to date (cart)`]);
  });
});
