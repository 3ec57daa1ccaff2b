import { Redis } from 'ioredis';

/** A Redis connection; maxRetriesPerRequest null is what BullMQ workers require. */
export function createRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
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

/** Deletes every key under a prefix (test clean-up; SCAN, never KEYS). */
export async function deleteKeysWithPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}
