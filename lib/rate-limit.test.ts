// The shared limiter against the real Redis: which limits an attempt counts against, the retry
// time a refusal carries, and attempts that count only when they fail.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { UserErrorsException } from './errors.js';
import { RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { createRedis, deleteKeysWithPrefix } from './redis.js';

const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const redisPrefix = `test:rate-limit:${randomBytes(6).toString('hex')}`;

afterAll(async () => {
  await deleteKeysWithPrefix(redis, redisPrefix);
  redis.disconnect();
});

const limiter = (limits: Pick<RateLimitOptions, 'perPerson' | 'perClient'>) =>
  new RateLimiter(redis, { purpose: `purpose-${randomBytes(4).toString('hex')}`, redisPrefix, what: 'tries', ...limits });

/** The userError an attempt was refused with, or null when it was allowed. */
async function refusalOf(attempt: Promise<unknown>) {
  try {
    await attempt;
    return null;
  } catch (err) {
    if (err instanceof UserErrorsException) return err.userErrors;
    throw err;
  }
}

describe('RateLimiter', () => {
  it('counts a person and a client address separately, and refuses past either with the seconds to wait', async () => {
    const limits = limiter({ perPerson: 2, perClient: 3 });
    expect(await limits.consume({ personId: 'ann', clientAddress: '203.0.113.1' })).toEqual({ allowed: true });
    expect(await limits.consume({ personId: 'ann', clientAddress: '203.0.113.2' })).toEqual({ allowed: true });
    // Ann's third attempt, from a fresh address: her own limit refuses it.
    const refused = await limits.consume({ personId: 'ann', clientAddress: '203.0.113.3' });
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeLessThanOrEqual(60);

    // 203.0.113.1 has one attempt; two more persons use it up, and the next is refused whoever it is.
    expect(await limits.consume({ personId: 'bea', clientAddress: '203.0.113.1' })).toEqual({ allowed: true });
    expect(await limits.consume({ personId: null, clientAddress: '203.0.113.1' })).toEqual({ allowed: true });
    expect((await limits.consume({ personId: 'cat', clientAddress: '203.0.113.1' })).allowed).toBe(false);
    // Without an address only the person counts.
    expect(await limits.consume({ personId: 'dan', clientAddress: null })).toEqual({ allowed: true });
  });

  it('refuses an attempt past the limit with RATE_LIMITED saying when to try again', async () => {
    const limits = limiter({ perPerson: 1, perClient: 100 });
    const who = { personId: 'eve', clientAddress: null };
    expect(await refusalOf(limits.attempt(who))).toBeNull();
    expect(await refusalOf(limits.attempt(who))).toEqual([{ code: 'RATE_LIMITED', field: null, message: expect.stringMatching(/^Too many tries\. Try again in ([1-9]|[1-5]\d|60) seconds?\.$/) }]);
  });

  it('gives back an attempt that succeeds, and keeps one that fails', async () => {
    const limits = limiter({ perPerson: 2, perClient: 2 });
    const who = { personId: 'fay', clientAddress: '203.0.113.9' };
    for (let i = 0; i < 5; i++) expect(await limits.countingFailures(who, async () => i)).toBe(i);
    const failing = () => limits.countingFailures(who, async () => Promise.reject(new UserErrorsException([{ code: 'PROMOTION_NOT_FOUND', message: 'no', field: null }])));
    expect((await refusalOf(failing()))?.map((e) => e.code)).toEqual(['PROMOTION_NOT_FOUND']);
    expect((await refusalOf(failing()))?.map((e) => e.code)).toEqual(['PROMOTION_NOT_FOUND']);
    // Two failures spent the limit: even an attempt that would succeed is refused, and its work never runs.
    let ran = false;
    const refused = await refusalOf(limits.countingFailures(who, async () => (ran = true)));
    expect(refused?.map((e) => e.code)).toEqual(['RATE_LIMITED']);
    expect(ran).toBe(false);
  });
});
