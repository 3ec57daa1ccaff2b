// A GraphQL-over-WebSocket client as a tracking screen opens one (graphql-ws), recording what it
// receives: each subscription's messages and error, and how the socket closed.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Received<T = any> {
  messages: T[];
  errors: { message: string; extensions?: { code?: string } }[] | null;
  completed: boolean;
  /** Resolves once `count` messages (or an error, or completion) arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  unsubscribe(): void;
}

export interface Subscriber {
  client: Client;
  /** The close event of the socket, once it closed. */
  closed: Promise<{ code: number; reason: string }>;
  subscribe<T = any>(query: string, variables?: Record<string, unknown>): Received<T>;
  dispose(): Promise<void>;
}

/** A connection to `gatewayUrl` (its http URL) carrying `token` in connection_init; no retries, so that a close is seen as it happened. */
export function subscriber(gatewayUrl: string, token: string | null): Subscriber {
  let closedWith!: (event: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (closedWith = resolve));
  const client = createClient({
    url: gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: { closed: (event) => closedWith({ code: (event as { code: number }).code, reason: String((event as { reason: unknown }).reason) }) },
  });
  return {
    client,
    closed,
    subscribe<T>(query: string, variables?: Record<string, unknown>): Received<T> {
      const waiting = new Set<() => void>();
      const notify = () => waiting.forEach((check) => check());
      const received: Received<T> = {
        messages: [],
        errors: null,
        completed: false,
        waitFor(count, timeoutMs = 10_000) {
          return new Promise((resolve, reject) => {
            const check = () => {
              if (received.messages.length >= count || received.errors || received.completed) {
                waiting.delete(check);
                clearTimeout(timer);
                resolve(received.messages);
              }
            };
            const timer = setTimeout(() => {
              waiting.delete(check);
              reject(new Error(`waited ${timeoutMs} ms for ${count} messages, got ${received.messages.length}: ${JSON.stringify(received.messages)}`));
            }, timeoutMs);
            waiting.add(check);
            check();
          });
        },
        unsubscribe: () => undefined,
      };
      received.unsubscribe = client.subscribe<T>(
        { query, variables },
        {
          next: (result) => {
            if (result.errors) received.errors = result.errors as Received['errors'];
            if (result.data) received.messages.push(result.data as T);
            notify();
          },
          error: (err) => {
            received.errors = Array.isArray(err) ? err : [{ message: err instanceof Error ? err.message : String((err as { reason?: unknown }).reason ?? err) }];
            notify();
          },
          complete: () => {
            received.completed = true;
            notify();
          },
        },
      );
      return received;
    },
    dispose: async () => {
      await client.dispose();
    },
  };
}
