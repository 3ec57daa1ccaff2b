// The relay against a Redis that lost events it had been given (the catalog's outbox stands in for
// any context's): after a failover to a replica lacking the latest writes, or a flush, the events
// lost are published again before anything new; otherwise nothing is published twice.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { catalogOutboxStack } from '../test/catalog-outbox-stack.js';
import { claimStatement, lastRelayedKey, lostCondition } from './outbox-claim.js';
import { eventStream, readStream, recordEvents, relayOutbox, type NewEvent } from './outbox.js';

let stream: string;

const catalog = catalogOutboxStack();
beforeEach(async () => {
  await catalog.db.$executeRawUnsafe('UPDATE outbox_event SET published_at = now() WHERE published_at IS NULL');
  stream = eventStream(catalog.stack.config.REDIS_PREFIX, `redis-loss-test-${randomUUID()}`);
});

let next = 0;
/** Records `count` events in one transaction and answers their ids. */
async function record(count: number): Promise<string[]> {
  const events: NewEvent[] = Array.from({ length: count }, () => ({ type: 'Numbered', aggregateType: 'Counter', aggregateId: 'c1', data: { n: next++ } }));
  await catalog.db.$transaction((tx) => recordEvents(tx, events));
  const rows = await catalog.db.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text FROM outbox_event WHERE published_at IS NULL ORDER BY occurred_at, id`);
  return rows.map((r) => r.id);
}
const relay = () => relayOutbox(catalog.db, catalog.stack.runtime.redis, stream);
type PlanNode = { 'Node Type': string; 'Subplan Name'?: string; 'Relation Name'?: string; 'Plan Rows': number; 'Actual Rows': number; 'Actual Loops': number; Plans?: PlanNode[] };
const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];
const onStream = async () => (await readStream(catalog.stack.runtime.redis, stream, 10_000)).map((e) => e.id);

describe('the relay after Redis lost events', () => {
  it('publishes again what a failover to a replica lacking the latest writes lost, in order, before the new ones', async () => {
    const kept = await record(3);
    expect(await relay()).toBe(3);
    const keptMarker = await catalog.stack.runtime.redis.get(lastRelayedKey(stream));
    const lost = await record(4);
    expect(await relay()).toBe(4);
    // The replica has the stream as it was after the first batch.
    const entries = (await catalog.stack.runtime.redis.xrange(stream, '-', '+')) as [string, string[]][];
    await catalog.stack.runtime.redis.xdel(stream, ...entries.slice(3).map(([id]) => id));
    await catalog.stack.runtime.redis.set(lastRelayedKey(stream), keptMarker!);

    const recent = await record(1);
    expect(await relay()).toBe(5);
    expect(await onStream()).toEqual([...kept, ...lost, ...recent]);
    expect(await relay()).toBe(0);
  });

  it('finds what was lost after a marker that an earlier relay wrote, the id alone', async () => {
    const kept = await record(2);
    expect(await relay()).toBe(2);
    const keptMarker = (await catalog.stack.runtime.redis.get(lastRelayedKey(stream)))!;
    // The marker names the batch's last event and when the batch was marked published.
    const [id, publishedAt] = keptMarker.split(' ');
    expect(id).toBe(kept[1]);
    const [row] = await catalog.db.$queryRawUnsafe<{ published_at: Date }[]>(`SELECT published_at FROM outbox_event WHERE id = $1::uuid`, id);
    expect(new Date(publishedAt!).getTime()).toBe(row!.published_at.getTime());

    const lost = await record(2);
    expect(await relay()).toBe(2);
    const entries = (await catalog.stack.runtime.redis.xrange(stream, '-', '+')) as [string, string[]][];
    await catalog.stack.runtime.redis.xdel(stream, ...entries.slice(2).map(([entry]) => entry));
    await catalog.stack.runtime.redis.set(lastRelayedKey(stream), id!);
    expect(await relay()).toBe(2);
    expect(await onStream()).toEqual([...kept, ...lost]);
    expect(await relay()).toBe(0);
  });

  it('checks for losses, with the plan it keeps for every run, without reading the outbox', async () => {
    // Enough published events, as wide as real ones, that reading them all would cost more than the index's few pages.
    await catalog.db.$executeRawUnsafe(
      `INSERT INTO outbox_event (id, type, aggregate_type, aggregate_id, data, occurred_at, published_at)
       SELECT gen_random_uuid(), 'Filler', 'Counter', 'c2', jsonb_build_object('note', repeat('x', 300), 'n', n),
              now() - interval '1 day', now() - interval '1 day' + n * interval '1 ms'
         FROM generate_series(1, 20000) AS n`,
    );
    await catalog.db.$executeRawUnsafe('ANALYZE outbox_event');
    await record(1);
    expect(await relay()).toBe(1);
    // The claim as the relay runs it: prepared and planned without its parameters' values (a
    // generic plan), then run with them. Answers the lost check's plan, with what each node read.
    const lostCheck = async () => {
      const { condition, values } = await lostCondition(catalog.stack.runtime.redis, stream);
      const types = ['int', ...values.map(() => 'timestamptz')];
      const [explained] = await catalog.db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SELECT set_config('plan_cache_mode', 'force_generic_plan', true)`);
        await tx.$executeRawUnsafe(`PREPARE claim_plan_test(${types.join(', ')}) AS ${claimStatement(condition)}`);
        const literal = [100, ...values.map((v) => `'${v}'`)].join(', ');
        const plan = await tx.$queryRawUnsafe<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(`EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE claim_plan_test(${literal})`);
        await tx.$executeRawUnsafe('DEALLOCATE claim_plan_test');
        return plan;
      });
      return nodes(explained!['QUERY PLAN'][0].Plan).find((node) => node['Subplan Name'] === 'CTE lost')!;
    };
    const scans = (node: PlanNode) => nodes(node).filter((n) => n['Relation Name'] === 'outbox_event');
    // Nothing lost: the newest mark, one step down the index, and no row more.
    const afterLastBatch = await lostCheck();
    expect(scans(afterLastBatch).length).toBeGreaterThan(0);
    for (const scan of scans(afterLastBatch)) {
      expect(scan['Actual Rows'] * scan['Actual Loops'], JSON.stringify(afterLastBatch)).toBeLessThanOrEqual(1);
      if (scan['Node Type'] === 'Seq Scan') expect(scan['Actual Loops'], JSON.stringify(afterLastBatch)).toBe(0);
    }
    // Redis came back empty: the events of the last minutes (this file's), not the day-old ones, through the index.
    await catalog.stack.runtime.redis.del(lastRelayedKey(stream));
    const lastMinutes = await lostCheck();
    expect(lastMinutes['Plan Rows'], JSON.stringify(lastMinutes)).toBeLessThan(200);
    expect(nodes(lastMinutes).map((node) => node['Node Type'])).not.toContain('Seq Scan');
  });

  it('publishes again what was published in the last minutes when Redis came back empty', async () => {
    const before = await record(2);
    expect(await relay()).toBe(2);
    await catalog.stack.runtime.redis.del(stream, lastRelayedKey(stream));

    const after = await record(1);
    // The earlier tests' events, published in the same minutes to their streams, come along too.
    expect(await relay()).toBeGreaterThanOrEqual(3);
    const ours = new Set([...before, ...after]);
    expect((await onStream()).filter((id) => ours.has(id))).toEqual([...before, ...after]);
    expect(await relay()).toBe(0);
  });

  it('publishes nothing twice while Redis keeps what it was given, and nothing published elsewhere to a new stream', async () => {
    const first = await record(2);
    expect(await relay()).toBe(2);
    const second = await record(3);
    expect(await relay()).toBe(3);
    expect(await relay()).toBe(0);
    expect(await onStream()).toEqual([...first, ...second]);

    stream = eventStream(catalog.stack.config.REDIS_PREFIX, `redis-loss-test-${randomUUID()}`);
    expect(await relay()).toBe(0);
    expect(await onStream()).toEqual([]);
  });
});
