import { Cluster, Redis } from 'ioredis';

/**
 * A connection to Redis: one server, or a Redis Cluster (REDIS_CLUSTER). Commands, pipelines,
 * MULTI and scripts are written the same for both; on a Cluster the keys of one pipeline, MULTI or
 * script must share a slot (slotGroup below).
 */
export type RedisClient = Redis | Cluster;

/** maxRetriesPerRequest null is what BullMQ workers require (on a Cluster, BullMQ reads it from the node options). */
const BEHAVIOUR = { maxRetriesPerRequest: null, enableReadyCheck: true } as const;

/**
 * A connection to the Redis at `url`. With `cluster`, `url` is one node of a Redis Cluster (or
 * its provider's configuration endpoint): the client learns the other nodes from it and sends each
 * command to the node holding its key's slot; the URL's user, password and TLS (rediss://) apply
 * to every node.
 */
export function createRedis(url: string, options: { cluster?: boolean } = {}): RedisClient {
  if (!options.cluster) return new Redis(url, BEHAVIOUR);
  const seed = new URL(url);
  return new Cluster([{ host: seed.hostname.replace(/^\[|\]$/g, ''), port: Number(seed.port || 6379) }], {
    enableReadyCheck: true,
    redisOptions: {
      ...BEHAVIOUR,
      ...(seed.username ? { username: decodeURIComponent(seed.username) } : {}),
      ...(seed.password ? { password: decodeURIComponent(seed.password) } : {}),
      ...(seed.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  });
}

/**
 * Another connection to the same Redis, for a blocking read (XREAD BLOCK holds its connection);
 * `name` names it in CLIENT LIST (on a Cluster, its connection to each node).
 */
export function duplicateRedis(redis: RedisClient, name?: string): RedisClient {
  if (redis instanceof Cluster) return redis.duplicate([], name ? { redisOptions: { ...redis.options.redisOptions, connectionName: name } } : {});
  return redis.duplicate(name ? { connectionName: name } : {});
}

/**
 * The servers that hold the keys: the one server, or each master of a Cluster (known once the
 * client has connected, which this waits for). Commands that concern a server rather than a key
 * (CONFIG, SCAN) go to each.
 */
export async function mastersOf(redis: RedisClient): Promise<Redis[]> {
  if (!(redis instanceof Cluster)) return [redis];
  if (redis.status !== 'ready') await redis.ping(); // queued until the cluster is connected and its slots known
  return redis.nodes('master');
}

/**
 * The start of keys that must live in one Redis Cluster slot: `<prefix>:{<group>}`, the braces a
 * hash tag, so every key that begins so hashes to the same slot, as a script, a MULTI or BullMQ's
 * Lua over several of them requires on Cluster. Keys still begin with the prefix (test clean-up and
 * tools find them by it). A key that no command ever uses together with another needs no tag.
 */
export function slotGroup(prefix: string, group: string): string {
  return `${prefix}:{${group}}`;
}

/**
 * Deletes every key under a prefix (test clean-up; SCAN, never KEYS), on each master of a Cluster.
 * One DEL per key: a Cluster refuses one DEL over keys of several slots.
 */
export async function deleteKeysWithPrefix(redis: RedisClient, prefix: string): Promise<void> {
  for (const server of await mastersOf(redis)) {
    let cursor = '0';
    do {
      const [next, keys] = await server.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await keys.reduce((pipeline, key) => pipeline.del(key), server.pipeline()).exec();
    } while (cursor !== '0');
  }
}
