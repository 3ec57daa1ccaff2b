// How far a consumer group is behind on its stream, read from Redis in constant time for the
// metrics (lib/metrics.ts eventConsumerMetrics): its pending entries, its lag and the age of the
// oldest entry it has not acknowledged.
import type { RedisClient } from './redis.js';

export interface ConsumerBacklog {
  consumer: string;
  stream: string;
  /** Delivered to the group and not acknowledged: in hand, or failed and waiting to be retried. */
  pending: number;
  /** Not yet delivered to the group; null when Redis cannot tell (after XDEL, or before Redis 7). */
  lag: number | null;
  /** Age of the oldest entry the group has not acknowledged (from its stream id, on Redis's clock); 0 when caught up. */
  oldestUnprocessedAgeSeconds: number;
}

const entryMs = (id: string) => Number(id.split('-')[0]);

/** The fields of one group in an XINFO GROUPS reply (a flat list of names and values). */
function groupInfo(reply: unknown, group: string): Record<string, unknown> | undefined {
  for (const fields of reply as unknown[][]) {
    const info: Record<string, unknown> = {};
    for (let i = 0; i + 1 < fields.length; i += 2) info[String(fields[i])] = fields[i + 1];
    if (info.name === group) return info;
  }
  return undefined;
}

/**
 * How far the consumer group `group` is behind on `stream`, in constant-time reads (XINFO GROUPS,
 * XPENDING for the oldest pending entry, XRANGE for the first undelivered one, TIME): metrics
 * read it per scrape. Null when the stream or the group does not exist yet (no consumer started).
 */
export async function consumerBacklog(redis: RedisClient, stream: string, group: string): Promise<ConsumerBacklog | null> {
  const [groups, pending, time] = ((await redis.pipeline().xinfo('GROUPS', stream).xpending(stream, group, '-', '+', 1).time().exec()) ?? []).map(([err, value]) => {
    if (err && /no such key|NOGROUP/i.test(err.message)) return null;
    if (err) throw err;
    return value;
  });
  const info = groups ? groupInfo(groups, group) : undefined;
  if (!info || !time) return null;
  const [seconds, micros] = time as [string, string];
  const now = Number(seconds) * 1000 + Number(micros) / 1000;
  const lag = info.lag === null || info.lag === undefined ? null : Number(info.lag);
  let oldest = (pending as [string, string, number, number][] | null)?.[0]?.[0];
  if (!oldest && lag !== 0) {
    const [next] = (await redis.xrange(stream, `(${String(info['last-delivered-id'])}`, '+', 'COUNT', 1)) as [string, string[]][];
    oldest = next?.[0];
  }
  return {
    consumer: group,
    stream,
    pending: Number(info.pending),
    lag,
    oldestUnprocessedAgeSeconds: oldest ? Math.max(0, (now - entryMs(oldest)) / 1000) : 0,
  };
}
