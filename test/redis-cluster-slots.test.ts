// Redis Cluster refuses a script, a MULTI or BullMQ's Lua over keys of different hash slots
// (CROSSSLOT). Every key the system writes in a small real run (every service with its workers: the
// outbox relays and their streams, event consumers, BullMQ's recurring jobs, a dead letter, a rate
// limit, a persisted query) is read back from Redis here: each carries a hash tag after the prefix
// (lib/redis.ts slotGroup), unless it belongs to a family below that no command uses together with
// another key, and the keys used together compute to one slot. A new key without a tag fails here
// until it gets one, or is shown to be used alone and added to the families.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadLetterStream, moveToDeadLetters } from '../lib/dead-letters.js';
import { lastRelayedKey } from '../lib/outbox-claim.js';
import { eventStream, type EventEnvelope } from '../lib/outbox.js';
import { bullPrefix } from '../lib/runtime.js';
import { SUBGRAPHS } from '../lib/subgraph-names.js';
import { cartApi, createVariants, rawCartId } from '../subgraphs/cart/cart-fixtures.js';
import { startTestStack, until, type TestStack } from './harness.js';

/** Redis Cluster's slot of a key (CRC16 of its hash tag, or of the whole key without one): ioredis' own. */
const slotOf = createRequire(import.meta.url)('cluster-key-slot') as (key: string) => number;

/** Key families after the prefix whose every command names one key of them alone (a GET, a single-key script). */
const SINGLE_KEY_FAMILIES: Record<string, string> = {
  'apq:': "the gateway's persisted queries (gateway/persisted-queries.ts): GET, SET, DEL",
  'rate-limit:': 'lib/rate-limit.ts: rate-limiter-flexible runs one key per script',
  'ws:connections:': "gateway/subscriptions/connection-slots.ts: one person's set per script",
};

let stack: TestStack;
let prefix: string;
let keys: string[];

async function keysOf(pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await stack.runtime.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    found.push(...batch);
  } while (cursor !== '0');
  return found.sort();
}

beforeAll(async () => {
  stack = await startTestStack({ workers: true });
  prefix = stack.config.REDIS_PREFIX;
  const { variantIds } = await createVariants(stack, [{ price: 1000 }]);
  const shopper = cartApi(await stack.as('slot-shopper', 'customer'));
  const { cart } = await shopper.create(undefined, [{ variantId: variantIds[0]!, quantity: 1 }]);
  // A code that does not apply counts against the rate limit.
  await shopper.applyCode(cart!.id, 'NO-SUCH-CODE');
  const query = '{ categories { id } }';
  await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } } }),
  });
  // The cart's event relayed, then given up on by a consumer group: a dead letter beside the stream.
  const stream = eventStream(prefix, 'cart');
  const created = await until(
    'the cart relayed',
    async () => (await stack.runtime.redis.xrange(stream, '-', '+')).find(([, fields]) => fields.includes('CartCreated') && fields.join().includes(rawCartId(cart!.id))),
    (entry) => entry !== undefined,
  );
  const [entryId, fields] = created!;
  const event = JSON.parse(fields[fields.indexOf('event') + 1]!) as EventEnvelope;
  await moveToDeadLetters(stack.runtime.redis, { stream, consumer: 'slot-test', entryId, fields, event, attempts: 5, error: 'for the slot test' });
  // The catalog's events (the product) relayed too.
  await until('the catalog relayed', () => stack.runtime.redis.exists(lastRelayedKey(eventStream(prefix, 'catalog'))), (n) => n === 1);
  keys = await keysOf(`${prefix}*`);
}, 60_000);
afterAll(() => stack?.close());

describe('Redis keys on Cluster', () => {
  it('carry a hash tag after the prefix, except the single-key families', () => {
    const untagged = keys.filter((key) => {
      const rest = key.slice(prefix.length + 1);
      return !rest.startsWith('{') && !Object.keys(SINGLE_KEY_FAMILIES).some((family) => rest.startsWith(family));
    });
    expect(untagged).toEqual([]);
    expect(keys.every((key) => key.startsWith(`${prefix}:`))).toBe(true);
    // Each family was written in this run, so the list above is not stale.
    for (const family of ['apq:', 'rate-limit:']) expect(keys.some((key) => key.startsWith(`${prefix}:${family}`)), family).toBe(true);
  });

  it("keeps each event stream, its last-relayed key and its dead letters in the stream's slot", () => {
    for (const context of SUBGRAPHS) {
      const stream = eventStream(prefix, context);
      const group = keys.filter((key) => key === stream || key.startsWith(`${stream}:`));
      expect(new Set(group.map(slotOf)), context).toEqual(new Set(group.length ? [slotOf(stream)] : []));
    }
    // Those the run wrote (contexts whose outbox had no event yet have no last-relayed key).
    const cart = eventStream(prefix, 'cart');
    const catalog = eventStream(prefix, 'catalog');
    expect(keys).toEqual(expect.arrayContaining([cart, lastRelayedKey(cart), deadLetterStream(cart), catalog, lastRelayedKey(catalog), eventStream(prefix, 'order')]));
    // Two contexts' streams need not share one: the tag is per stream, so streams spread over the cluster.
    expect(new Set(SUBGRAPHS.map((c) => slotOf(eventStream(prefix, c)))).size).toBeGreaterThan(1);
    // What the relay's script and the dead letters' MULTI name, by the functions they name them with, for every stream.
    for (const stream of SUBGRAPHS.map((c) => eventStream(prefix, c))) {
      expect([lastRelayedKey(stream), deadLetterStream(stream)].map(slotOf), stream).toEqual([slotOf(stream), slotOf(stream)]);
    }
  });

  it("keeps every BullMQ queue's keys in one slot", () => {
    const bull = keys.filter((key) => key.startsWith(`${bullPrefix(stack.config)}:`));
    const queues = new Set(bull.map((key) => key.slice(bullPrefix(stack.config).length + 1).split(':')[0]));
    // The outbox relay of every context and the contexts' own recurring jobs.
    for (const context of SUBGRAPHS) expect(queues).toContain(`${context}-outbox-relay`);
    expect(new Set(bull.map(slotOf))).toEqual(new Set([slotOf(bullPrefix(stack.config))]));
  });
});
