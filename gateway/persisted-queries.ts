// Automatic persisted queries (a client sends a query's SHA-256 first, the document only when
// the gateway does not know it yet): the documents live in Redis, so that every gateway instance
// knows what any of them has seen, and a CDN may cache the GET requests clients then send.
import type { RedisClient } from '../lib/redis.js';

/**
 * Apollo Server's KeyValueCache over Redis, under one key prefix; ttl in seconds. While Redis is
 * away (the shared connection then queues commands until it is back) it knows nothing and keeps
 * nothing: a client that sent only a hash is asked for its document (PERSISTED_QUERY_NOT_FOUND),
 * which it then sends, and the request is answered instead of held for the outage.
 */
export function redisKeyValueCache(redis: RedisClient, prefix: string) {
  const ready = () => redis.status === 'ready';
  return {
    async get(key: string): Promise<string | undefined> {
      if (!ready()) return undefined;
      return (await redis.get(`${prefix}${key}`)) ?? undefined;
    },
    async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
      if (!ready()) return;
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
