// How many WebSocket connections each person holds, over every gateway instance: a sorted set
// per person in Redis, one member per connection scored with when it lapses. Gateways refresh
// their connections' scores while they stay open, so the connections of a gateway that died
// without closing them lapse within a minute instead of counting forever.
import type { Redis } from 'ioredis';

const LEASE_MS = 60_000;
export const REFRESH_MS = LEASE_MS / 3;

// KEYS[1] the person's set; ARGV: now, lapses at, most allowed, connection id, key lifetime.
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

export interface ConnectionSlots {
  /** Takes a slot for the connection; false when the person already holds the most allowed. */
  acquire(personId: string, connectionId: string): Promise<boolean>;
  release(personId: string, connectionId: string): Promise<void>;
  /** Extends the lease of every connection still open. */
  refresh(open: Iterable<{ personId: string; connectionId: string }>): Promise<void>;
}

export function connectionSlots(redis: Redis, prefix: string, max: number): ConnectionSlots {
  const key = (personId: string) => `${prefix}:ws:connections:${personId}`;
  return {
    async acquire(personId, connectionId) {
      const now = Date.now();
      return (await redis.eval(ACQUIRE, 1, key(personId), now, now + LEASE_MS, max, connectionId, LEASE_MS * 2)) === 1;
    },
    async release(personId, connectionId) {
      await redis.zrem(key(personId), connectionId);
    },
    async refresh(open) {
      const pipeline = redis.pipeline();
      const lapses = Date.now() + LEASE_MS;
      let any = false;
      for (const { personId, connectionId } of open) {
        pipeline.zadd(key(personId), 'XX', lapses, connectionId).pexpire(key(personId), LEASE_MS * 2);
        any = true;
      }
      if (any) await pipeline.exec();
    },
  };
}
