// Attempts at an abusable operation, counted per person and per client address in Redis (so every
// instance of a service shares the count), in fixed windows (rate-limiter-flexible). Keys live under
// the process's REDIS_PREFIX, so test stacks sharing one Redis never see each other's counts. Over a
// limit the attempt is the userError RATE_LIMITED, whose message says when to try again; contexts
// list RATE_LIMITED in their *ErrorCode enum.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { refuse } from './errors.js';
import type { RedisClient } from './redis.js';

/** Who attempts: the person (null when anonymous) and the client's network address (null when unknown). */
export interface Requester {
  personId: string | null;
  clientAddress: string | null;
}

export interface RateLimitOptions {
  /** Names the limit's keys: `<redisPrefix>:rate-limit:<purpose>:{person,client}:<id>`. */
  purpose: string;
  redisPrefix: string;
  /** Attempts one person may make per window. */
  perPerson: number;
  /** Attempts one client address may make per window, whoever is signed in (a NAT shares one). */
  perClient: number;
  /** What is limited, for the refusal: "Too many <what>. Try again in N seconds." */
  what: string;
  windowSeconds?: number;
}

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly perPerson: RateLimiterRedis;
  private readonly perClient: RateLimiterRedis;

  constructor(
    redis: RedisClient,
    private readonly options: RateLimitOptions,
  ) {
    const duration = options.windowSeconds ?? 60;
    const keyPrefix = (scope: string) => `${options.redisPrefix}:rate-limit:${options.purpose}:${scope}`;
    // While Redis is away (the shared connection then queues commands until it is back), each
    // process counts on its own in memory instead: a request is answered, never held for the outage.
    const limiter = (scope: string, points: number) =>
      new RateLimiterRedis({ storeClient: redis, keyPrefix: keyPrefix(scope), points, duration, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory({ points, duration }) });
    this.perPerson = limiter('person', options.perPerson);
    this.perClient = limiter('client', options.perClient);
  }

  /**
   * Counts one attempt against each limit that applies: the person's when signed in, the client's
   * when its address is known. A refused attempt counts too, so hammering never earns a retry.
   */
  async consume(who: Requester): Promise<RateVerdict> {
    const waits = await Promise.all(this.limitsOf(who).map(([limiter, key]) => waitOf(limiter.consume(key))));
    const longest = Math.max(0, ...waits);
    return longest === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: longest };
  }

  /** Counts the attempt; over a limit, refuses it with RATE_LIMITED (nothing else has run yet). */
  async attempt(who: Requester): Promise<void> {
    const verdict = await this.consume(who);
    if (!verdict.allowed) {
      const seconds = verdict.retryAfterSeconds;
      refuse('RATE_LIMITED', `Too many ${this.options.what}. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`);
    }
  }

  /**
   * Runs `run` as an attempt that counts only when it fails (refused or thrown): it is counted
   * first, so that attempts racing each other cannot all pass a limit together, and given back
   * once it succeeds.
   */
  async countingFailures<T>(who: Requester, run: () => Promise<T>): Promise<T> {
    await this.attempt(who);
    const result = await run();
    await Promise.all(this.limitsOf(who).map(([limiter, key]) => limiter.reward(key, 1)));
    return result;
  }

  private limitsOf(who: Requester): [RateLimiterRedis, string][] {
    const limits: [RateLimiterRedis, string][] = [];
    if (who.personId) limits.push([this.perPerson, who.personId]);
    if (who.clientAddress) limits.push([this.perClient, who.clientAddress]);
    return limits;
  }
}

/** 0 when the attempt is within the limit, else the whole seconds until the window ends (at least 1). */
async function waitOf(consumed: Promise<RateLimiterRes>): Promise<number> {
  try {
    await consumed;
    return 0;
  } catch (res) {
    // A RateLimiterRes means over the limit; anything else is Redis failing, not the caller.
    if (!(res instanceof RateLimiterRes)) throw res;
    return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  }
}
