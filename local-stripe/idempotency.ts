// Stripe's idempotent requests (https://docs.stripe.com/api/idempotent_requests): a POST with an
// Idempotency-Key is carried out once; the same key with the same parameters answers the saved
// response (status and body) again, with Idempotent-Replayed: true; the same key with other
// parameters, or on another endpoint, is an idempotency_error. Keys belong to one API key and are
// kept 24 hours. Requests with one key wait for each other, so two at once never both take effect.
import { fail } from './errors.js';

export interface Answer {
  status: number;
  body: string;
  requestId: string;
}

interface SavedAnswer extends Answer {
  endpoint: string;
  parameters: string;
  savedAt: number;
}

const KEEP_MS = 24 * 3600 * 1000;

export class IdempotencyKeys {
  private readonly saved = new Map<string, SavedAnswer>();
  private readonly queues = new Map<string, Promise<void>>();
  private lastSweep: number;

  constructor(private readonly now: () => number = Date.now) {
    this.lastSweep = now();
  }

  /**
   * Runs `execute` once per (apiKey, key): the answer is saved when `keep(answer)` says so.
   * `endpoint` is the method and path, `parameters` the canonical form of the parameters.
   */
  async run(
    scope: { apiKey: string; key: string; endpoint: string; parameters: string },
    execute: () => Answer & { keep: boolean },
  ): Promise<Answer & { replayed: boolean }> {
    const id = `${scope.apiKey}\u0000${scope.key}`;
    const release = await this.turn(id);
    try {
      this.sweep();
      const saved = this.saved.get(id);
      if (saved && this.now() - saved.savedAt > KEEP_MS) this.saved.delete(id);
      else if (saved) {
        if (saved.endpoint !== scope.endpoint) {
          throw fail.idempotency(
            `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${saved.endpoint}' vs '${scope.endpoint}'). Try using a key other than '${scope.key}' if you meant to execute a different request.`,
          );
        }
        if (saved.parameters !== scope.parameters) {
          throw fail.idempotency(
            `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${scope.key}' if you meant to execute a different request.`,
          );
        }
        return { status: saved.status, body: saved.body, requestId: saved.requestId, replayed: true };
      }
      const { keep, ...answer } = execute();
      if (keep) this.saved.set(id, { ...answer, endpoint: scope.endpoint, parameters: scope.parameters, savedAt: this.now() });
      return { ...answer, replayed: false };
    } finally {
      release();
    }
  }

  /** Waits for the requests ahead with the same key; answers the function that lets the next one go. */
  private async turn(id: string): Promise<() => void> {
    const ahead = this.queues.get(id) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = ahead.then(() => mine);
    this.queues.set(id, tail);
    await ahead;
    return () => {
      release();
      if (this.queues.get(id) === tail) this.queues.delete(id);
    };
  }

  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [id, saved] of this.saved) if (now - saved.savedAt > KEEP_MS) this.saved.delete(id);
  }
}
