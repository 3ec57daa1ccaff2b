// Consuming another context's events from its Redis stream: a consumer group per consumer,
// at-least-once delivery, and each event's effect committed once, in one transaction with the
// record that it was processed.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import type { Counter } from 'prom-client';
import type { z } from 'zod';
import type { SqlClient } from './db.js';
import { moveToDeadLetters } from './dead-letters.js';
import { isUuid } from './ids.js';
import type { Logger } from './logger.js';
import type { EventEnvelope } from './outbox.js';
import { duplicateRedis, type RedisClient } from './redis.js';
import { runInScope } from './request-scope.js';
import { describeActor, systemActor } from './state-machine.js';
import { ATTR, activeTraceId, continuedTrace, inSpan } from './tracing.js';

/** What the delivery loop runs; build one with idempotentConsumer. */
export interface ConsumerSpec {
  /** The consumer group, unique per effect (e.g. `promotion-affiliate-orders`). */
  name: string;
  stream: string;
  /** Event types with an effect; the others are acknowledged and skipped. */
  types: readonly string[];
  /** Applies one event; resolves once its effect is stored (or known to be stored already). */
  process(event: EventEnvelope): Promise<void>;
}

interface Transactional<Tx> {
  $transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R>;
}

/**
 * Runs `effect` and records the event in the context's processed_event table in the same
 * transaction; an event already recorded for this consumer has no second effect. Returns
 * whether the effect ran. A redelivery racing the first delivery waits on the row's unique key
 * and then finds it.
 */
export async function processOnce<Tx extends SqlClient>(db: Transactional<Tx>, consumer: string, eventId: string, effect: (tx: Tx) => Promise<void>): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const inserted = await tx.$executeRawUnsafe(
      'INSERT INTO processed_event (consumer, event_id) VALUES ($1, $2::uuid) ON CONFLICT DO NOTHING',
      consumer,
      eventId,
    );
    if (inserted === 0) return false;
    await effect(tx);
    return true;
  });
}

/**
 * A consumer whose handler runs at most once per event id, in a transaction of `db`, with the
 * event's data checked against its schema first. Data of another shape can never succeed: the
 * event is logged, recorded as processed and skipped. An event `relevant` says the handler would
 * do nothing with (e.g. a cart created without a partner's code, for the affiliate consumer) is
 * acknowledged without a transaction: it has no effect to apply once, so nothing to record.
 * `relevant` may read what the handler would read, before the transaction: it must then answer
 * true whenever the handler could find something to do (what it reads may only change in ways
 * that race with the event anyway).
 */
export function idempotentConsumer<Tx extends SqlClient, Data>(options: {
  name: string;
  stream: string;
  types: readonly string[];
  db: Transactional<Tx>;
  data: z.ZodType<Data>;
  log: Logger;
  handle: (data: Data, tx: Tx, event: EventEnvelope) => Promise<void>;
  /** Whether `handle` could do anything with the event's data; false: skipped. */
  relevant?: (data: Data) => boolean | Promise<boolean>;
}): ConsumerSpec {
  const { name, db, handle, log } = options;
  return {
    name,
    stream: options.stream,
    types: options.types,
    process: async (event) => {
      const data = options.data.safeParse(event.data);
      if (data.success && options.relevant && !(await options.relevant(data.data))) return;
      await processOnce(db, name, event.id, async (tx) => {
        if (data.success) return handle(data.data, tx, event);
        log.error({ consumer: name, eventId: event.id, type: event.type, issues: data.error.issues }, 'event data has an unexpected shape; skipped');
      });
    },
  };
}

export interface RunningConsumer {
  close(): Promise<void>;
}

type StreamEntry = [id: string, fields: string[]];

function fieldOf(fields: string[], name: string): string | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}

function envelopeOf(fields: string[]): EventEnvelope | null {
  try {
    const event = JSON.parse(fieldOf(fields, 'event') ?? '') as EventEnvelope;
    return event && typeof event.id === 'string' && isUuid(event.id) && typeof event.type === 'string' ? event : null;
  } catch {
    return null;
  }
}

/**
 * Whether a Redis error says the stream or its consumer group is gone: Redis came back empty (a
 * restart without persistence, a failover to a replica that lacked them, a flush). A blocked
 * XREADGROUP is woken with UNBLOCKED when its stream is deleted; later calls get NOGROUP.
 */
const groupLost = (err: unknown) => /^(NOGROUP|UNBLOCKED)\b/.test(String((err as Error)?.message));

/** How many claim scans each `claimIdleMs` holds: how late past it a pending entry may be taken up. */
const CLAIM_SCANS_PER_IDLE = 4;

/**
 * Reads `spec.stream` as one member of the consumer group `spec.name` (created at the start of
 * the stream if missing, so events published before the first start are consumed too):
 * XREADGROUP with BLOCK on a connection of its own, XACK once an event's effect is stored (sent
 * with the next XREADGROUP, in its round trip).
 * An event whose handler fails stays pending and is retried; four times every `claimIdleMs` the
 * consumer XAUTOCLAIMs entries pending longer than that (its own failures, those of a member that
 * died, or deliveries a Redis restart cut off), so nothing is lost across crashes and an entry is
 * taken up again at most a quarter of `claimIdleMs` after it became claimable, not a whole one.
 * The delivery that is its `maxAttempts`th and fails moves it to the dead-letter stream
 * (lib/dead-letters.ts), acknowledged here, so one poison event does not come back forever; an
 * entry claimed after more deliveries than that (the processes handling it died) goes there
 * without another try. An entry that is not a valid envelope is
 * logged and acknowledged (it can never succeed). When the group or the stream is gone (Redis came
 * back empty) the consumer creates them again at the start of the stream, not at its end: the relay
 * may have published new events, and again those Redis lost (lib/outbox.ts), before the group
 * exists, and an entry seen twice is skipped by event id. close() interrupts the blocking read,
 * lets the event in hand finish and returns; the rest of its batch stays pending for another
 * member to claim.
 */
export async function startEventConsumer(options: {
  spec: ConsumerSpec;
  redis: RedisClient;
  log: Logger;
  /** The service consuming (its spans' service.name while tracing is on). */
  service?: string;
  blockMs?: number;
  claimIdleMs?: number;
  batchSize?: number;
  /** Deliveries an event gets before it is dead-lettered (EVENT_MAX_ATTEMPTS). */
  maxAttempts?: number;
  /** Counts the events this consumer dead-letters, by consumer and type. */
  deadLetters?: Counter<'consumer' | 'type'>;
}): Promise<RunningConsumer> {
  const { spec, redis, blockMs = 2000, claimIdleMs = 30_000, batchSize = 50, maxAttempts = 5, deadLetters } = options;
  const log = options.log.child({ consumer: spec.name, stream: spec.stream });
  const member = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const createGroup = async () => {
    try {
      await redis.xgroup('CREATE', spec.stream, spec.name, '0', 'MKSTREAM');
    } catch (err) {
      if (!String((err as Error).message).startsWith('BUSYGROUP')) throw err;
    }
  };
  await createGroup();
  for (const type of spec.types) deadLetters?.inc({ consumer: spec.name, type }, 0);
  // XREADGROUP BLOCK holds its connection; the shared one keeps serving everything else.
  const reader = duplicateRedis(redis);
  // Its reconnect attempts while Redis is away are the shared connection's to report (lib/runtime.ts); unheard, ioredis prints each with a stack.
  reader.on('error', () => undefined);
  let stopping = false;
  let lastClaim = 0;

  // While tracing is on, in a CONSUMER span continuing the trace of the relay's publication (the
  // traceparent beside the envelope), whose trace id the logs then carry.
  const consume = (event: EventEnvelope, fields: string[]) =>
    inSpan(
      `process ${event.type}`,
      {
        kind: SpanKind.CONSUMER,
        parent: () => continuedTrace(fieldOf(fields, 'traceparent'), options.service),
        attributes: {
          [ATTR.messagingSystem]: 'redis',
          [ATTR.messagingOperationType]: 'process',
          [ATTR.messagingDestination]: spec.stream,
          [ATTR.messagingConsumerGroup]: spec.name,
          [ATTR.messagingMessageId]: event.id,
          [ATTR.eventType]: event.type,
          [ATTR.aggregateId]: event.aggregateId,
        },
      },
      () =>
        runInScope(
          { requestId: `event-${event.id}`, traceId: activeTraceId() ?? event.traceId ?? event.id.replaceAll('-', ''), actor: describeActor(systemActor(spec.name)) },
          () => spec.process(event),
        ),
    );

  const deadLetter = async (entryId: string, fields: string[], event: EventEnvelope, attempts: number, error: string) => {
    const deadLetterId = await moveToDeadLetters(redis, { stream: spec.stream, consumer: spec.name, entryId, fields, event, attempts, error });
    deadLetters?.inc({ consumer: spec.name, type: event.type });
    log.error(
      { eventId: event.id, type: event.type, entryId, deadLetterId, attempts, error },
      `event dead-lettered after ${attempts} failed attempts; replay it with npm run events:dead-letters once the cause is fixed`,
    );
  };

  /**
   * Handles entries, each in its `attempts`th delivery (1 for fresh reads; claims tell theirs), and
   * adds those it is done with to `done`, for the caller to acknowledge in one XACK (a stream
   * carries every event of its context, most of them of types this consumer skips: one round trip
   * per entry cost more than the rest of skipping it). A process that dies before that gets them
   * delivered again, which at-least-once delivery allows; an entry whose processing failed stays
   * pending.
   */
  const handle = async (entries: StreamEntry[], done: string[], attemptOf: (entryId: string) => number = () => 1) => {
    for (const [entryId, fields] of entries) {
      if (stopping) return;
      if (await handleOne(entryId, fields, attemptOf(entryId))) done.push(entryId);
    }
  };

  /** Acknowledges entries on the shared connection. */
  const acknowledge = async (done: string[]) => {
    if (done.length > 0) await redis.xack(spec.stream, spec.name, ...done);
  };

  /**
   * The next entries for this member, waiting up to `blockMs` for them; the entries done with
   * since the last read are acknowledged in the same round trip (XACK, then XREADGROUP, pipelined
   * on the reader's connection: both name the stream, so they share a Cluster slot).
   */
  const read = async (done: string[]): Promise<StreamEntry[]> => {
    type Reply = [string, StreamEntry[]][] | null;
    if (done.length === 0) {
      const reply = (await reader.xreadgroup('GROUP', spec.name, member, 'COUNT', batchSize, 'BLOCK', blockMs, 'STREAMS', spec.stream, '>')) as Reply;
      return reply?.[0]?.[1] ?? [];
    }
    const replies = (await reader.pipeline().xack(spec.stream, spec.name, ...done).xreadgroup('GROUP', spec.name, member, 'COUNT', batchSize, 'BLOCK', blockMs, 'STREAMS', spec.stream, '>').exec()) ?? [];
    for (const [err] of replies) if (err) throw err;
    return (replies[1]?.[1] as Reply)?.[0]?.[1] ?? [];
  };

  /** One entry: whether it is done with (applied or skipped); a dead-lettered one is moved out of the group by moveToDeadLetters. */
  const handleOne = async (entryId: string, fields: string[], attempt: number): Promise<boolean> => {
    const event = envelopeOf(fields);
    if (!event) {
      log.error({ entryId }, 'stream entry is not an event envelope; acknowledged without effect');
      return true;
    }
    if (!spec.types.includes(event.type)) return true;
    // Delivered more often than allowed without an outcome: the processes handling it died.
    if (attempt > maxAttempts) {
      await deadLetter(entryId, fields, event, attempt - 1, `delivered ${attempt - 1} times without being acknowledged (the processes handling it stopped)`);
      return false;
    }
    try {
      await consume(event, fields);
      return true;
    } catch (err) {
      if (attempt >= maxAttempts) {
        await deadLetter(entryId, fields, event, attempt, err instanceof Error ? err.message : String(err));
      } else {
        // Left pending: retried when it has been idle for claimIdleMs.
        log.error({ err, eventId: event.id, type: event.type, attempt }, 'event processing failed; it will be retried');
      }
      return false;
    }
  };

  /** How often each entry (now this member's) has been delivered, from the group's pending entries list. */
  const deliveries = async (entries: StreamEntry[]) => {
    const pipeline = redis.pipeline();
    for (const [entryId] of entries) pipeline.xpending(spec.stream, spec.name, entryId, entryId, 1, member);
    const replies = (await pipeline.exec()) ?? [];
    const counts = new Map<string, number>();
    replies.forEach(([err, reply], i) => {
      const [pending] = (err ? [] : reply) as [string, string, number, number][];
      if (pending) counts.set(entries[i]![0], Number(pending[3]));
    });
    return counts;
  };

  const claimStale = async () => {
    let cursor = '0-0';
    do {
      const [next, claimed] = (await redis.xautoclaim(spec.stream, spec.name, member, claimIdleMs, cursor, 'COUNT', batchSize)) as [string, StreamEntry[]];
      const entries = claimed.filter((e) => e[1] !== null);
      const counts = await deliveries(entries);
      // An entry missing from the list was acknowledged meanwhile (a member that was not dead after all): nothing to do.
      const done: string[] = [];
      try {
        await handle(
          entries.filter(([entryId]) => counts.has(entryId)),
          done,
          (entryId) => counts.get(entryId)!,
        );
      } finally {
        await acknowledge(done);
      }
      cursor = next;
    } while (cursor !== '0-0' && !stopping);
  };

  const loop = async () => {
    // Done with and not yet acknowledged: the next read acknowledges them, or the end of the loop.
    let done: string[] = [];
    try {
      while (!stopping) {
        try {
          if (Date.now() - lastClaim >= claimIdleMs / CLAIM_SCANS_PER_IDLE) {
            lastClaim = Date.now();
            await claimStale();
          }
          const entries = await read(done);
          done = [];
          await handle(entries, done);
        } catch (err) {
          if (stopping) return;
          if (groupLost(err)) {
            log.warn({ err: (err as Error).message }, 'the stream or its consumer group is gone (Redis lost its data); creating the group again at the start of the stream');
            const created = await createGroup().then(
              () => true,
              (createErr: unknown) => {
                log.error({ err: createErr }, 'could not create the consumer group again; retrying');
                return false;
              },
            );
            if (created) continue;
          } else {
            log.error({ err }, 'event consumer failed; retrying');
          }
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
    } finally {
      await acknowledge(done).catch((err: unknown) => log.warn({ err }, 'could not acknowledge the events handled last; they will be delivered again'));
    }
  };

  const running = loop();
  log.info({ member }, 'event consumer started');
  return {
    async close() {
      stopping = true;
      reader.disconnect();
      await running;
    },
  };
}
