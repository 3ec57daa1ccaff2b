// Automatic persisted queries (a client sends a query's SHA-256 first, the document only when
// the gateway does not know it yet): the documents live in Redis, so that every gateway instance
// knows what any of them has seen, and a CDN may cache the GET requests clients then send.
import type { Redis } from 'ioredis';

/** Apollo Server's KeyValueCache over Redis, under one key prefix; ttl in seconds. */
export function redisKeyValueCache(redis: Redis, prefix: string) {
  return {
    async get(key: string): Promise<string | undefined> {
      return (await redis.get(`${prefix}${key}`)) ?? undefined;
    },
    async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
      if (options?.ttl) await redis.set(`${prefix}${key}`, value, 'EX', options.ttl);
      else await redis.set(`${prefix}${key}`, value);
    },
    async delete(key: string): Promise<boolean> {
      return (await redis.del(`${prefix}${key}`)) > 0;
    },
  };
}

/** How long a persisted document is kept after it was last registered. */
export const PERSISTED_QUERY_TTL_SECONDS = 7 * 24 * 3600;
