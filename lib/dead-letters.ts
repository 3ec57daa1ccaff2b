// Dead letters: an event a consumer group has failed EVENT_MAX_ATTEMPTS times is moved off its
// stream, so the group's other events keep flowing, into `<stream>:dead-letters`, where an operator
// lists it and, once the cause is fixed, replays it (`npm run events:dead-letters`, README
// "Operations"). The move and the acknowledgement are one MULTI: the event is never both pending
// and dead-lettered, nor neither.
import type { ChainableCommander } from 'ioredis';
import type { EventEnvelope } from './outbox.js';
import type { RedisClient } from './redis.js';

/** The stream an event of `stream` goes to when one of its consumer groups gives up on it. */
export function deadLetterStream(stream: string): string {
  return `${stream}:dead-letters`;
}

/** The fields of a stream entry the relay wrote that travel with the event (the envelope, its type, its trace context). */
const EVENT_FIELDS = ['type', 'event', 'traceparent'] as const;

export interface DeadLetter {
  /** The entry's id in the dead-letter stream. */
  id: string;
  deadLetterStream: string;
  /** Where the event was published, and where a replay puts it back. */
  stream: string;
  /** The consumer group that gave up on it. */
  consumer: string;
  /** Its entry id on `stream` when it was given up. */
  entryId: string;
  eventId: string;
  type: string;
  attempts: number;
  /** The last attempt's error message. */
  error: string;
  deadLetteredAt: string;
  /** The event's own fields (EVENT_FIELDS), as the relay wrote them. */
  fields: string[];
}

/** Runs a MULTI and throws its first error (EXEC answers each command's error apart). */
async function commit(transaction: ChainableCommander): Promise<[Error | null, unknown][]> {
  const results = await transaction.exec();
  const failed = results?.find(([err]) => err);
  if (!results || failed) throw failed?.[0] ?? new Error('Redis transaction was discarded');
  return results;
}

function fieldMap(fields: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i]!, fields[i + 1]!);
  return map;
}

/**
 * Moves entry `entryId` of `stream` to its dead-letter stream and acknowledges it for `consumer`,
 * atomically. Returns the dead-letter entry's id.
 */
export async function moveToDeadLetters(
  redis: RedisClient,
  options: { stream: string; consumer: string; entryId: string; fields: string[]; event: EventEnvelope; attempts: number; error: string },
): Promise<string> {
  const { stream, consumer, entryId, event, attempts, error } = options;
  const original = fieldMap(options.fields);
  const carried = EVENT_FIELDS.flatMap((name) => (original.has(name) ? [name, original.get(name)!] : []));
  const results = await commit(
    redis
      .multi()
      .xadd(deadLetterStream(stream), '*', ...carried, 'stream', stream, 'consumer', consumer, 'entryId', entryId, 'eventId', event.id, 'attempts', String(attempts), 'error', error, 'deadLetteredAt', new Date().toISOString())
      .xack(stream, consumer, entryId),
  );
  return results[0]![1] as string;
}

function deadLetterOf(deadLetters: string, [id, fields]: [string, string[]]): DeadLetter {
  const map = fieldMap(fields);
  return {
    id,
    deadLetterStream: deadLetters,
    stream: map.get('stream') ?? '',
    consumer: map.get('consumer') ?? '',
    entryId: map.get('entryId') ?? '',
    eventId: map.get('eventId') ?? '',
    type: map.get('type') ?? '',
    attempts: Number(map.get('attempts') ?? 0),
    error: map.get('error') ?? '',
    deadLetteredAt: map.get('deadLetteredAt') ?? '',
    fields: EVENT_FIELDS.flatMap((name) => (map.has(name) ? [name, map.get(name)!] : [])),
  };
}

/** Every dead letter of the given event streams, oldest first per stream. */
export async function listDeadLetters(redis: RedisClient, streams: readonly string[]): Promise<DeadLetter[]> {
  const lists = await Promise.all(
    streams.map(async (stream) => {
      const deadLetters = deadLetterStream(stream);
      const entries = (await redis.xrange(deadLetters, '-', '+')) as [string, string[]][];
      return entries.map((entry) => deadLetterOf(deadLetters, entry));
    }),
  );
  return lists.flat();
}

/**
 * Puts dead letters back on the stream they came from and removes them from the dead-letter stream,
 * each in one MULTI: `which` is an event id or a dead-letter entry id, or 'all'. An event
 * dead-lettered by several consumer groups is published once for all of them. The stream's other
 * consumer groups see it again too and skip it: consumers apply each event id once. Returns what
 * was replayed.
 */
export async function replayDeadLetters(redis: RedisClient, streams: readonly string[], which: string | 'all'): Promise<DeadLetter[]> {
  const chosen = (await listDeadLetters(redis, streams)).filter((d) => which === 'all' || d.eventId === which || d.id === which);
  const byEvent = new Map<string, DeadLetter[]>();
  for (const letter of chosen) {
    const key = `${letter.stream}\n${letter.eventId}`;
    byEvent.set(key, [...(byEvent.get(key) ?? []), letter]);
  }
  for (const letters of byEvent.values()) {
    const [first] = letters as [DeadLetter];
    const transaction = redis.multi().xadd(first.stream, '*', ...first.fields);
    for (const letter of letters) transaction.xdel(letter.deadLetterStream, letter.id);
    await commit(transaction);
  }
  return chosen;
}
