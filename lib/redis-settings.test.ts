// What start-up says of Redis's settings: the decision as a table, and the check never crashing
// when Redis will not tell (CONFIG disabled, as on many managed services).
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { RedisSettingsError, checkRedisSettings, judgeRedisSettings, type RedisSettings } from './redis-settings.js';

const persistent: RedisSettings = { maxmemoryPolicy: 'noeviction', appendonly: 'yes', save: '' };

describe('judgeRedisSettings', () => {
  const cases: { settings: RedisSettings | null; production: boolean; expected: { level: 'refuse' | 'warn'; says: string }[] }[] = [
    { settings: persistent, production: true, expected: [] },
    { settings: { ...persistent, appendonly: 'no', save: '3600 1 300 100' }, production: true, expected: [] },
    { settings: { ...persistent, maxmemoryPolicy: 'allkeys-lru' }, production: true, expected: [{ level: 'refuse', says: 'maxmemory-policy is allkeys-lru' }] },
    { settings: { ...persistent, maxmemoryPolicy: 'volatile-ttl' }, production: false, expected: [{ level: 'warn', says: 'must be noeviction' }] },
    { settings: { ...persistent, appendonly: 'no', save: '' }, production: true, expected: [{ level: 'warn', says: 'persistence is off' }] },
    // A development Redis need not persist.
    { settings: { ...persistent, appendonly: 'no', save: '' }, production: false, expected: [] },
    {
      settings: { maxmemoryPolicy: 'allkeys-random', appendonly: 'no', save: ' ' },
      production: true,
      expected: [
        { level: 'refuse', says: 'allkeys-random' },
        { level: 'warn', says: 'persistence is off' },
      ],
    },
    // Settings Redis kept to itself: said so, never refused.
    { settings: { appendonly: 'yes', save: '' }, production: true, expected: [{ level: 'warn', says: 'did not tell its maxmemory-policy' }] },
    { settings: null, production: true, expected: [{ level: 'warn', says: 'could not be checked' }] },
    { settings: null, production: false, expected: [{ level: 'warn', says: 'could not be checked' }] },
  ];
  it.each(cases)('%j', ({ settings, production, expected }) => {
    const findings = judgeRedisSettings(settings, production);
    expect(findings.map((f) => f.level)).toEqual(expected.map((e) => e.level));
    findings.forEach((finding, i) => expect(finding.message).toContain(expected[i]!.says));
  });
});

/** A Redis whose CONFIG GET answers `reply` (or fails with it). */
function redisAnswering(reply: (name: string) => string[] | Error): Redis {
  const pipeline = () => {
    const names: string[] = [];
    const commands = {
      config: (_get: string, name: string) => (names.push(name), commands),
      exec: async () =>
        names.map((name) => {
          const answer = reply(name);
          return answer instanceof Error ? [answer, null] : [null, answer];
        }),
    };
    return commands;
  };
  return { pipeline } as unknown as Redis;
}

describe('checkRedisSettings', () => {
  const log = createLogger('silent', 'test');
  const answers: Record<string, string> = { 'maxmemory-policy': 'allkeys-lru', appendonly: 'yes', save: '' };

  it('refuses a production start on an evicting Redis, and only warns elsewhere', async () => {
    const redis = redisAnswering((name) => [name, answers[name]!]);
    await expect(checkRedisSettings(redis, { production: true, log })).rejects.toThrow(RedisSettingsError);
    await expect(checkRedisSettings(redis, { production: true, log })).rejects.toThrow(/maxmemory-policy is allkeys-lru/);
    await expect(checkRedisSettings(redis, { production: false, log })).resolves.toBeUndefined();
  });

  it('starts, saying in its log it could not check, when CONFIG is disabled', async () => {
    const lines: { msg: string }[] = [];
    const capture = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const redis = redisAnswering(() => new Error("ERR unknown command 'CONFIG', with args beginning with: 'GET'"));
    await expect(checkRedisSettings(redis, { production: true, log: capture })).resolves.toBeUndefined();
    expect(lines.map((l) => l.msg)).toContainEqual(expect.stringContaining('Redis settings could not be checked'));
  });
});
