// The version trigger (record_version, migration 20261212000000_cheaper_versions) against the one
// it replaced (20261203000000_entity_versions): the same writes to two like tables, one under each,
// leave the same versions, row for row. The writes cover what the trigger tells apart: inserts,
// updates of some columns, of none but the excluded ones, to and from null, deletes, keys of two
// columns one of them null, an actor and request id or none, an erasure and a retention purge.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDatabaseFrom, dropDatabase, ensureTemplate, migrationFiles } from '../test/db-template.js';

const dbName = `versions_trigger_${randomBytes(4).toString('hex')}`;
let client: pg.Client;

/** The trigger function as the first migration made it, installed as record_version_before. */
function functionBefore(): string {
  const migration = readFileSync(migrationFiles('cart').find((f) => f.includes('20261203000000_entity_versions'))!, 'utf8');
  const statement = migration.split('\n\n').find((part) => part.includes('CREATE FUNCTION "record_version"()'))!;
  const created = statement.slice(statement.indexOf('CREATE FUNCTION'));
  return created.replace('CREATE FUNCTION "record_version"()', 'CREATE FUNCTION "record_version_before"()');
}

beforeAll(async () => {
  const url = await createDatabaseFrom(await ensureTemplate(), dbName);
  client = new pg.Client({ connectionString: url, options: '-c search_path="cart"' });
  await client.connect();
  await client.query(functionBefore());
  for (const [table, fn] of [['now_table', 'record_version'], ['before_table', 'record_version_before']]) {
    await client.query(`CREATE TABLE ${table} (
      id uuid PRIMARY KEY, root_id text, part text, name text, amount int, tags text[], data jsonb, note text,
      bookkeeping int, updated_at timestamptz NOT NULL DEFAULT now())`);
    await client.query(`CREATE TRIGGER ${table}_versions AFTER INSERT OR UPDATE OR DELETE ON ${table}
      FOR EACH ROW EXECUTE FUNCTION ${fn}('root_id', 'id', 'part', '-bookkeeping')`);
  }
});
afterAll(async () => {
  await client?.end();
  await dropDatabase(dbName);
});

/** Runs `sql` on both tables (`$table` in it names each), each write in its own transaction with `settings`. */
async function onBoth(sql: string, settings: Record<string, string> = {}): Promise<void> {
  for (const table of ['now_table', 'before_table']) {
    await client.query('BEGIN');
    for (const [name, value] of Object.entries(settings)) await client.query(`SELECT set_config($1, $2, true)`, [name, value]);
    await client.query(sql.replaceAll('$table', table));
    await client.query('COMMIT');
  }
}

const versionsOf = async (table: string) =>
  (
    await client.query(
      `SELECT entity_id, root_id, operation::text, actor, request_id, changes FROM entity_version WHERE entity = $1 ORDER BY id`,
      [table],
    )
  ).rows;

it('records the same versions as the trigger it replaced, for every kind of write', async () => {
  const ids = ['0195a000-0000-7000-8000-000000000001', '0195a000-0000-7000-8000-000000000002', '0195a000-0000-7000-8000-000000000003'];
  const shopper = { 'commerce.actor': 'person:p1', 'commerce.request_id': 'r-1' };
  await onBoth(
    `INSERT INTO $table (id, root_id, part, name, amount, tags, data, note, bookkeeping) VALUES
       ('${ids[0]}', 'root-1', 'a', 'First', 100, '{x,y}', '{"k": [1, 2]}', NULL, 1),
       ('${ids[1]}', NULL, NULL, 'Second', 0, '{}', NULL, 'it''s', 2),
       ('${ids[2]}', 'root-3', 'c', NULL, NULL, NULL, 'null', 'note', 3)`,
    shopper,
  );
  await onBoth(`UPDATE $table SET amount = amount + 5, tags = tags || '{z}' WHERE id = '${ids[0]}'`, shopper);
  await onBoth(`UPDATE $table SET bookkeeping = bookkeeping + 1, updated_at = now() + interval '1 minute'`, shopper);
  await onBoth(`UPDATE $table SET name = NULL, note = 'set', data = '{"k": [2, 1]}' WHERE id IN ('${ids[0]}', '${ids[1]}')`);
  await onBoth(`UPDATE $table SET part = 'moved', root_id = 'root-9' WHERE id = '${ids[2]}'`, { 'commerce.actor': '' });
  await onBoth(`UPDATE $table SET name = 'Private', note = NULL WHERE id = '${ids[1]}'`, { ...shopper, 'commerce.erasure': 'on' });
  await onBoth(`DELETE FROM $table WHERE id = '${ids[0]}'`, shopper);
  await onBoth(`DELETE FROM $table WHERE id = '${ids[2]}'`, { 'commerce.retention': 'on' });

  const now = await versionsOf('now_table');
  expect(now.length).toBeGreaterThan(6);
  expect(now).toEqual(await versionsOf('before_table'));
  // What the comparison rests on: the update of the excluded columns recorded nothing (five updates
  // changed something, and the purge took the third row's one with it), the erasure rewrote earlier versions.
  expect(now.filter((v) => v.operation === 'UPDATE').length).toBe(4);
  expect(now.filter((v) => v.entity_id === ids[2]!)).toEqual([]);
  expect(JSON.stringify(now)).toContain('(erased)');
});
