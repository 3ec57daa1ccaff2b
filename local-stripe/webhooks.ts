// Webhook delivery as Stripe does it: each event POSTed as JSON to the endpoint with a
// Stripe-Signature header, `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, signed
// anew for every attempt; anything but a 2xx is retried after a growing delay, a bounded number of
// times. Events about one payment go out one at a time, in the order they happened.
import { createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import type { StripeEvent } from './store.js';

/** 1 s, 2 s, 4 s … capped at a minute: nine attempts over about three minutes. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000];

/** The Stripe-Signature header for `payload` signed at `timestamp` (seconds). */
export function signatureHeader(payload: string, secret: string, timestamp: number): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${digest}`;
}

export interface DeliveryOptions {
  /** Where to deliver; read at every attempt (the receiver may start after this server). */
  url: () => string | undefined;
  secret: string;
  delaysMs: readonly number[];
  /** How long one attempt may take before it counts as failed. */
  timeoutMs: number;
  log: Logger;
}

export class WebhookDelivery {
  private readonly queues = new Map<string, StripeEvent[]>();
  private readonly workers = new Map<string, Promise<void>>();
  private readonly waits = new Set<() => void>();
  private readonly inFlight = new Set<AbortController>();
  private closed = false;

  constructor(private readonly options: DeliveryOptions) {}

  /** Queues `event` behind the others with the same key; answers how many deliveries are pending (0 or 1). */
  enqueue(event: StripeEvent, key: string): number {
    if (this.closed || !this.options.url()) return 0;
    const queue = this.queues.get(key);
    if (queue) {
      queue.push(event);
    } else {
      this.queues.set(key, [event]);
      this.workers.set(key, this.work(key));
    }
    return 1;
  }

  /** Resolves once every queued event has been answered with a 2xx or given up on. */
  async drain(): Promise<void> {
    while (this.workers.size > 0) await Promise.all(this.workers.values());
  }

  /** Stops: attempts under way are aborted and nothing more is sent. */
  async close(): Promise<void> {
    this.closed = true;
    for (const controller of this.inFlight) controller.abort();
    for (const wake of this.waits) wake();
    await this.drain();
  }

  private async work(key: string): Promise<void> {
    // Runs after enqueue returns, so that the event carries its pending_webhooks count.
    await Promise.resolve();
    const queue = this.queues.get(key) as StripeEvent[];
    while (queue.length > 0 && !this.closed) {
      await this.deliver(queue[0] as StripeEvent);
      queue.shift();
    }
    this.queues.delete(key);
    this.workers.delete(key);
  }

  private async deliver(event: StripeEvent): Promise<void> {
    const attempts = this.options.delaysMs.length + 1;
    for (let attempt = 1; attempt <= attempts && !this.closed; attempt++) {
      const url = this.options.url();
      if (!url) break;
      const outcome = await this.attempt(url, event);
      if (outcome === 'delivered') {
        event.pending_webhooks = Math.max(0, event.pending_webhooks - 1);
        this.options.log.debug({ event: event.id, type: event.type, attempt }, 'webhook delivered');
        return;
      }
      this.options.log.warn({ event: event.id, type: event.type, attempt, url, outcome }, 'webhook delivery failed');
      const delay = this.options.delaysMs[attempt - 1];
      if (delay !== undefined) await this.sleep(delay);
    }
    if (!this.closed) this.options.log.warn({ event: event.id, type: event.type, attempts }, 'webhook delivery given up');
  }

  /** One POST: 'delivered' on a 2xx, else what went wrong. */
  private async attempt(url: string, event: StripeEvent): Promise<string> {
    const payload = JSON.stringify(event, null, 2);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    this.inFlight.add(controller);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'Stripe-Signature': signatureHeader(payload, this.options.secret, Math.floor(Date.now() / 1000)),
        },
        body: payload,
        signal: controller.signal,
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.ok ? 'delivered' : `HTTP ${response.status}`;
    } catch (err) {
      return controller.signal.aborted ? 'timed out' : (err as Error).message;
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waits.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waits.add(wake);
    });
  }
}
