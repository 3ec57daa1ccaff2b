import { describe, expect, it } from 'vitest';
import { subscriptionSettings } from './config.js';
import { afterFailure, holdSeconds, MAX_HOLD_SECONDS, type DunningPolicy } from './dunning.js';

const policy: DunningPolicy = { retryDays: [1, 3, 5], outcome: 'PAUSED' };
const first = new Date('2027-03-31T06:00:00Z');

describe('dunning', () => {
  it.each([
    [1, '2027-04-01T06:00:00.000Z'],
    [2, '2027-04-03T06:00:00.000Z'],
    [3, '2027-04-05T06:00:00.000Z'],
  ])('after failure %i it retries at %s, counted from the first failure', (failures, at) => {
    expect(afterFailure(policy, failures, first)).toEqual({ retryAt: new Date(at) });
  });

  it('gives up after the last retry fails, as configured', () => {
    expect(afterFailure(policy, 4, first)).toEqual({ giveUp: 'PAUSED' });
    expect(afterFailure({ retryDays: [2], outcome: 'CANCELLED' }, 2, first)).toEqual({ giveUp: 'CANCELLED' });
    expect(afterFailure({ retryDays: [], outcome: 'CANCELLED' }, 1, first)).toEqual({ giveUp: 'CANCELLED' });
    expect(() => afterFailure(policy, 0, first)).toThrow(RangeError);
  });

  it('holds the stock through the last retry and a day more, within the catalog\'s longest hold', () => {
    expect(holdSeconds(policy)).toBe(6 * 86_400);
    expect(holdSeconds({ retryDays: [1, 3, 6], outcome: 'PAUSED' })).toBe(MAX_HOLD_SECONDS);
  });

  it('reads its settings: increasing day counts, default 1,3,5 and PAUSED', () => {
    expect(subscriptionSettings.parse({})).toMatchObject({ SUBSCRIPTION_RETRY_DAYS: [1, 3, 5], SUBSCRIPTION_DUNNING_OUTCOME: 'PAUSED' });
    expect(subscriptionSettings.parse({ SUBSCRIPTION_RETRY_DAYS: ' 2, 4 ,6' }).SUBSCRIPTION_RETRY_DAYS).toEqual([2, 4, 6]);
    expect(subscriptionSettings.safeParse({ SUBSCRIPTION_RETRY_DAYS: '3,1' }).success).toBe(false);
    expect(subscriptionSettings.safeParse({ SUBSCRIPTION_RETRY_DAYS: '1,3,7' }).success).toBe(false);
    expect(subscriptionSettings.safeParse({ SUBSCRIPTION_RETRY_DAYS: '1;3' }).success).toBe(false);
    expect(subscriptionSettings.safeParse({ SUBSCRIPTION_DUNNING_OUTCOME: 'DELETED' }).success).toBe(false);
  });
});
