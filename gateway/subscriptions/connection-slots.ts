// How many WebSocket connections each person holds, over every gateway instance: a sorted set
// per person in Redis, one member per connection scored with when it lapses. Gateways refresh
// their connections' scores while they stay open, so the connections of a gateway that died
// without closing them lapse within a minute instead of counting forever.
import type { RedisClient } from '../../lib/redis.js';
import { withTimeout } from '../../lib/time.js';

const LEASE_MS = 60_000;
/** How long a new connection waits for Redis to count it before it is told to come back later. */
const ACQUIRE_TIMEOUT_MS = 2000;
export const REFRESH_MS = LEASE_MS / 3;

// KEYS[1] the person's set; ARGV: now, lapses at, most allowed, connection id, key lifetime.
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

export interface ConnectionSlots {
  /**
   * Takes a slot for the connection: `full` when the person already holds the most allowed,
   * `unavailable` when Redis is not connected or does not answer in time (a slot taken after that
   * lapses within a minute, never refreshed).
   */
  acquire(personId: string, connectionId: string): Promise<'taken' | 'full' | 'unavailable'>;
  release(personId: string, connectionId: string): Promise<void>;
  /** Extends the lease of every connection still open. */
  refresh(open: Iterable<{ personId: string; connectionId: string }>): Promise<void>;
}

export function connectionSlots(redis: RedisClient, prefix: string, max: number): ConnectionSlots {
  const key = (personId: string) => `${prefix}:ws:connections:${personId}`;
  return {
    async acquire(personId, connectionId) {
      if (redis.status !== 'ready') return 'unavailable';
      const now = Date.now();
      try {
        const taken = await withTimeout(redis.eval(ACQUIRE, 1, key(personId), now, now + LEASE_MS, max, connectionId, LEASE_MS * 2), ACQUIRE_TIMEOUT_MS);
        return taken === 1 ? 'taken' : 'full';
      } catch {
        return 'unavailable';
      }
    },
    async release(personId, connectionId) {
      await redis.zrem(key(personId), connectionId);
    },
    async refresh(open) {
      // One pipeline per person: on a Redis Cluster a pipeline's keys must share a slot, and people's sets are spread over it.
      const byPerson = new Map<string, string[]>();
      for (const { personId, connectionId } of open) byPerson.set(personId, [...(byPerson.get(personId) ?? []), connectionId]);
      const lapses = Date.now() + LEASE_MS;
      await Promise.all(
        [...byPerson].map(([personId, connectionIds]) =>
          redis
            .pipeline()
            .zadd(key(personId), 'XX', ...connectionIds.flatMap((id) => [lapses, id]))
            .pexpire(key(personId), LEASE_MS * 2)
            .exec(),
        ),
      );
    },
  };
}
