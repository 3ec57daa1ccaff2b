// The tracking scenario's subscribers, in a process of their own (bench/tracking.ts forks it) so
// that the memory measured on the stack is the gateway's, not the clients'. Each subscriber is one
// graphql-ws connection with one subscription to its order's status, as a tracking page holds.
// Over IPC: the parent sends whom to subscribe; this answers once every subscription has its
// snapshot (or failed), then reports each later message with the time it arrived, in batches.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export const FOLLOW_ORDER = `subscription FollowOrder($id: ID!) {
  orderStatusChanged(orderId: $id) { status snapshot occurredAt order { number status } }
}`;

/** One subscriber: which gateway (its http URL, /graphql), whose token, which order. */
export interface SubscriberSpec {
  url: string;
  token: string;
  orderId: string;
}

/** A message after the snapshot: [subscriber index, status, occurredAt, Date.now() at receipt]. */
export type Received = [number, string, string, number];

export type ToSubscribers = { type: 'subscribe'; subscribers: SubscriberSpec[] } | { type: 'close' };

export type FromSubscribers =
  | { type: 'ready'; subscribed: number; failed: number; failures: string[] }
  | { type: 'received'; messages: Received[] }
  | { type: 'closed'; lost: number; failures: string[] };

/** Connections opened at once: enough to be quick, few enough not to time out a busy gateway. */
const OPENING_AT_ONCE = 50;
/** A subscription without its snapshot this long after it was sent has failed. */
const SNAPSHOT_TIMEOUT_MS = 30_000;
/** Messages wait at most this long for the next IPC batch; their receipt time is taken on arrival. */
const BATCH_MS = 20;

interface OrderStatusMessage {
  orderStatusChanged?: { status: string; snapshot: boolean; occurredAt: string } | null;
}

const describe = (err: unknown): string => {
  if (Array.isArray(err)) return err.map((e: { message?: string }) => e.message).join('; ');
  if (err && typeof err === 'object' && 'code' in err) return `socket closed ${(err as { code: number }).code} ${String((err as { reason?: unknown }).reason ?? '')}`;
  return err instanceof Error ? err.message : String(err);
};

function send(message: FromSubscribers): void {
  process.send?.(message);
}

const clients: Client[] = [];
const failures: string[] = [];
let closing = false;
let lost = 0;
let batch: Received[] = [];
let flushing: NodeJS.Timeout | null = null;

function report(message: Received): void {
  batch.push(message);
  flushing ??= setTimeout(() => {
    send({ type: 'received', messages: batch });
    batch = [];
    flushing = null;
  }, BATCH_MS);
}

/** Subscriber `index`: resolves with true once its snapshot arrived, false when it could not subscribe. */
function follow(index: number, spec: SubscriberSpec): Promise<boolean> {
  return new Promise((resolve) => {
    let subscribed = false;
    let failed = false;
    // Once per subscriber; what closing the connections does is no failure.
    const fail = (why: string) => {
      if (failed || closing) return;
      failed = true;
      if (failures.length < 5) failures.push(why);
      if (subscribed) lost++;
      else resolve(false);
    };
    const timer = setTimeout(() => fail(`no snapshot within ${SNAPSHOT_TIMEOUT_MS / 1000} s`), SNAPSHOT_TIMEOUT_MS);
    const client = createClient({
      url: spec.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${spec.token}` },
      retryAttempts: 0,
    });
    clients.push(client);
    client.subscribe<OrderStatusMessage>(
      { query: FOLLOW_ORDER, variables: { id: spec.orderId } },
      {
        next: (result) => {
          const receivedAt = Date.now();
          const event = result.data?.orderStatusChanged;
          if (result.errors?.length || !event) return fail(describe(result.errors ?? 'a message without data'));
          if (event.snapshot) {
            clearTimeout(timer);
            subscribed = true;
            return resolve(true);
          }
          report([index, event.status, event.occurredAt, receivedAt]);
        },
        error: (err) => {
          clearTimeout(timer);
          fail(describe(err));
        },
        complete: () => {
          clearTimeout(timer);
          fail('the subscription completed');
        },
      },
    );
  });
}

async function subscribeAll(subscribers: SubscriberSpec[]): Promise<void> {
  let next = 0;
  let subscribed = 0;
  await Promise.all(
    Array.from({ length: Math.min(OPENING_AT_ONCE, subscribers.length) }, async () => {
      while (next < subscribers.length) {
        const index = next++;
        if (await follow(index, subscribers[index]!)) subscribed++;
      }
    }),
  );
  send({ type: 'ready', subscribed, failed: subscribers.length - subscribed, failures: failures.splice(0) });
}

async function close(): Promise<void> {
  closing = true;
  if (flushing) clearTimeout(flushing);
  if (batch.length > 0) send({ type: 'received', messages: batch });
  await Promise.allSettled(clients.map((c) => c.dispose()));
  send({ type: 'closed', lost, failures });
  process.disconnect();
}

if (process.send) {
  process.on('message', (message: ToSubscribers) => {
    if (message.type === 'subscribe') void subscribeAll(message.subscribers);
    else void close();
  });
  // The bench went away: nothing to report to.
  process.on('disconnect', () => process.exit(0));
}
