// The order context's status changes, read from its event stream once per gateway and handed to
// that gateway's subscribers. The stream holds only committed events (the outbox relay publishes
// after commit), and every gateway reads it whole, so any number of gateways serve subscribers.
// The reading connection exists only while someone listens.
import { z } from 'zod';
import type { Logger } from '../../lib/logger.js';
import type { EventEnvelope } from '../../lib/outbox.js';
import { duplicateRedis, type RedisClient } from '../../lib/redis.js';

/** One OrderStatusChanged event (subgraphs/order/order-events.ts), as subscribers receive it. */
export interface OrderStatusChange {
  orderId: string;
  personId: string;
  from: string | null;
  to: string;
  at: string;
}

const statusChanged = z.object({
  orderId: z.string(),
  personId: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  at: z.string(),
});

/** Who a listener follows: one order, or every order of one person. */
export type Interest = { orderId: string } | { personId: string };

const keyOf = (interest: Interest) => ('orderId' in interest ? `order:${interest.orderId}` : `person:${interest.personId}`);

/** How many changes may wait for a slow subscriber before its subscription ends with an error. */
export const MAX_QUEUED = 256;
const BLOCK_MS = 5000;
const RETRY_MS = 500;

interface Reader {
  connection: RedisClient;
  done: Promise<void>;
  /** Settles once the reader knows where the stream ends: every change after that reaches listeners. */
  positioned: Promise<void>;
}

interface Listener {
  push(change: OrderStatusChange): void;
}

export class OrderEventHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private size = 0;
  private reader: Reader | null = null;

  constructor(
    private readonly redis: RedisClient,
    private readonly stream: string,
    private readonly log: Logger,
    /** Name of the reading connection in CLIENT LIST (tests count them). */
    readonly connectionName: string,
  ) {}

  /** Listeners registered now (tests and metrics). */
  get listenerCount(): number {
    return this.size;
  }

  /**
   * The changes matching `interest`, in stream order: every change published after `ready`
   * settles (so a status read after it misses nothing). Ending the iteration (return(), as
   * graphql-ws does when the client completes or the socket closes) removes the listener; the
   * last one to go closes the reading connection.
   */
  listen(interest: Interest): { changes: AsyncIterableIterator<OrderStatusChange>; ready: Promise<void> } {
    const queue: OrderStatusChange[] = [];
    let wake: (() => void) | null = null;
    let failure: Error | null = null;
    let ended = false;
    const key = keyOf(interest);
    const listener: Listener = {
      push: (change) => {
        if (queue.length >= MAX_QUEUED) failure ??= new Error('This subscription fell too far behind and was ended: subscribe again.');
        else queue.push(change);
        wake?.();
      },
    };
    const ready = this.add(key, listener);
    const end = () => {
      if (ended) return;
      ended = true;
      this.remove(key, listener);
      wake?.();
    };
    const iterator: AsyncIterableIterator<OrderStatusChange> = {
      [Symbol.asyncIterator]: () => iterator,
      next: async () => {
        while (!ended) {
          const change = queue.shift();
          if (change) return { value: change, done: false };
          if (failure) {
            end();
            throw failure;
          }
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
        }
        return { value: undefined, done: true };
      },
      return: async () => {
        end();
        return { value: undefined, done: true };
      },
      throw: async (err: unknown) => {
        end();
        throw err;
      },
    };
    return { changes: iterator, ready };
  }

  /** Stops reading and forgets every listener (gateway shutdown). */
  async close(): Promise<void> {
    this.listeners.clear();
    this.size = 0;
    await this.stopReading();
  }

  private add(key: string, listener: Listener) {
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    this.size += 1;
    return (this.reader ?? this.startReading()).positioned;
  }

  private remove(key: string, listener: Listener) {
    const set = this.listeners.get(key);
    if (!set?.delete(listener)) return;
    this.size -= 1;
    if (set.size === 0) this.listeners.delete(key);
    if (this.size === 0) void this.stopReading();
  }

  private dispatch(change: OrderStatusChange) {
    for (const key of [keyOf({ orderId: change.orderId }), keyOf({ personId: change.personId })]) {
      for (const listener of this.listeners.get(key) ?? []) listener.push(change);
    }
  }

  private startReading(): Reader {
    const connection = duplicateRedis(this.redis, this.connectionName);
    connection.on('error', (err: Error) => this.log.warn({ err: err.message }, 'order event stream connection failed; retrying'));
    let positioned!: () => void;
    const reader: Reader = { connection, done: Promise.resolve(), positioned: new Promise<void>((resolve) => (positioned = resolve)) };
    this.reader = reader;
    reader.done = this.read(reader, positioned);
    return reader;
  }

  private async stopReading() {
    const reading = this.reader;
    if (!reading) return;
    this.reader = null;
    // Disconnecting ends the blocked XREAD at once; the loop sees it is no longer the reader.
    reading.connection.disconnect();
    await reading.done;
  }

  /** Reads from the stream's end at the moment reading starts: earlier changes had no listener here. */
  private async read(reader: Reader, positioned: () => void) {
    const { connection } = reader;
    const current = () => this.reader === reader;
    let lastId: string | null = null;
    while (current()) {
      try {
        if (lastId === null) {
          const [newest] = await connection.xrevrange(this.stream, '+', '-', 'COUNT', 1);
          lastId = newest?.[0] ?? '0-0';
          positioned();
        }
        const batches: [string, [string, string[]][]][] | null = await connection.xread('COUNT', 500, 'BLOCK', BLOCK_MS, 'STREAMS', this.stream, lastId);
        for (const [, entries] of batches ?? []) {
          for (const [id, fields] of entries) {
            lastId = id;
            if (fields[fields.indexOf('type') + 1] === 'OrderStatusChanged') this.deliver(fields);
          }
        }
      } catch (err) {
        if (!current()) break; // stopped: the connection was closed under the blocked read
        this.log.warn({ err: err instanceof Error ? err.message : err }, 'reading order events failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  private deliver(fields: string[]) {
    try {
      const envelope = JSON.parse(fields[fields.indexOf('event') + 1] ?? 'null') as EventEnvelope;
      const data = statusChanged.safeParse(envelope?.data);
      if (data.success) this.dispatch(data.data);
      else this.log.error({ eventId: envelope?.id, issues: data.error.issues }, 'OrderStatusChanged has an unexpected shape; skipped');
    } catch (err) {
      this.log.error({ err }, 'unreadable order event; skipped');
    }
  }
}
