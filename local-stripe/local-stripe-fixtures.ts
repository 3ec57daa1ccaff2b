// For the tests of this folder: the server on a free port with the official SDK pointed at it,
// and a webhook receiver that records what it is sent and answers as a test tells it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { startLocalStripe, type LocalStripe, type LocalStripeOptions } from './server.js';

export interface Running {
  server: LocalStripe;
  /** The SDK as our services configure it, with a secret test key. */
  stripe: Stripe;
}

export function sdkFor(server: { port: number }, key = 'sk_test_local'): Stripe {
  // No automatic retries: a test sees each answer as the server gave it.
  return new Stripe(key, { host: '127.0.0.1', port: server.port, protocol: 'http', maxNetworkRetries: 0 });
}

export async function startServer(options: LocalStripeOptions = {}): Promise<Running> {
  const server = await startLocalStripe({ port: 0, ...options });
  return { server, stripe: sdkFor(server) };
}

export interface Delivery {
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  deliveries: Delivery[];
  /** The status to answer a delivery with (default 200); null: never answer. */
  answer: (delivery: Delivery, index: number) => number | null;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const receiver = {
    deliveries: [] as Delivery[],
    answer: (() => 200) as Receiver['answer'],
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const delivery = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      const status = receiver.answer(delivery, receiver.deliveries.push(delivery) - 1);
      if (status !== null) res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/webhooks/stripe`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}

/** The types of the events about one payment intent, in order. */
export function eventTypesFor(server: LocalStripe, paymentIntentId: string): string[] {
  return server
    .events()
    .filter((e) => e.data.object.id === paymentIntentId || e.data.object.payment_intent === paymentIntentId)
    .map((e) => e.type);
}
