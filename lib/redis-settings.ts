// Redis's own settings that the queues and the event streams rely on, checked once at start-up.
// An evicting Redis deletes keys when memory runs short: BullMQ's jobs and schedulers, stream
// entries not yet consumed, consumer groups; work is lost without an error (BullMQ itself requires
// `noeviction`). Without persistence a restart empties Redis: the services recover on their own
// (consumer groups and job schedulers are created again, lib/event-consumer.ts, lib/jobs.ts), but
// events published and not yet consumed are gone. On a Redis Cluster each master is checked: each
// holds its share of the keys.
import type { Redis } from 'ioredis';
import type { Logger } from './logger.js';
import { mastersOf, type RedisClient } from './redis.js';
import { withTimeout } from './time.js';

/** What CONFIG GET answered; a value it did not answer is undefined. */
export interface RedisSettings {
  maxmemoryPolicy?: string;
  appendonly?: string;
  /** RDB snapshot rules (`3600 1 300 100 60 10000`); empty when snapshots are off. */
  save?: string;
}

export interface RedisSettingsFinding {
  /** `refuse`: the process must not start (production only); `warn`: it starts and says so. */
  level: 'refuse' | 'warn';
  message: string;
}

/**
 * What is wrong with Redis's settings for this process; none when all is well. `settings` is null
 * when they could not be read (CONFIG is often disabled on managed Redis): a warning, never a
 * refusal, since the provider may well have them right. An evicting policy refuses a production
 * start: it loses jobs and events silently under memory pressure, and one setting fixes it. Missing
 * persistence in production is a warning: Redis on a replicated managed service may persist in
 * ways CONFIG does not show, and the services come back on their own after a restart.
 */
export function judgeRedisSettings(settings: RedisSettings | null, production: boolean): RedisSettingsFinding[] {
  if (!settings) {
    return [{ level: 'warn', message: 'Redis settings could not be checked (CONFIG GET refused or unanswered; managed Redis often disables it): make sure maxmemory-policy is noeviction' + (production ? ' and persistence (appendonly yes, or RDB save) is on' : '') }];
  }
  const findings: RedisSettingsFinding[] = [];
  const policy = settings.maxmemoryPolicy;
  if (policy === undefined) {
    findings.push({ level: 'warn', message: 'Redis did not tell its maxmemory-policy: make sure it is noeviction' });
  } else if (policy !== 'noeviction') {
    findings.push({
      level: production ? 'refuse' : 'warn',
      message: `Redis maxmemory-policy is ${policy}: it must be noeviction, or Redis deletes queued jobs and unconsumed events when memory runs short (CONFIG SET maxmemory-policy noeviction, and in redis.conf)`,
    });
  }
  if (production && settings.appendonly !== undefined && settings.save !== undefined && settings.appendonly !== 'yes' && settings.save.trim() === '') {
    findings.push({
      level: 'warn',
      message: 'Redis persistence is off (appendonly no, no RDB save rules): a restart empties it and loses the events not yet consumed (set appendonly yes)',
    });
  }
  return findings;
}

/** The error that stops a start-up on settings judged `refuse`. */
export class RedisSettingsError extends Error {}

const CHECK_TIMEOUT_MS = 5000;

async function readSettings(redis: Redis): Promise<RedisSettings> {
  const replies = await redis.pipeline().config('GET', 'maxmemory-policy').config('GET', 'appendonly').config('GET', 'save').exec();
  const failed = replies?.find(([err]) => err);
  if (!replies || failed) throw failed?.[0] ?? new Error('no reply');
  // Each reply is [name, value], or empty when the server keeps that setting to itself.
  const [policy, appendonly, save] = replies.map(([, reply]) => (reply as string[])[1]);
  return { maxmemoryPolicy: policy, appendonly, save };
}

/**
 * Reads Redis's settings (each master's, on a Cluster) and logs each finding of judgeRedisSettings,
 * one line each, naming the master on a Cluster; throws a RedisSettingsError when one refuses the
 * start. Settings that cannot be read (CONFIG refused, no answer within 5 s) are a warning, never a
 * crash.
 */
export async function checkRedisSettings(redis: RedisClient, options: { production: boolean; log: Logger }): Promise<void> {
  const { production, log } = options;
  const read = async <T>(reading: Promise<T>): Promise<T | null> => {
    try {
      return await withTimeout(reading, CHECK_TIMEOUT_MS);
    } catch (err) {
      log.warn({ err: err instanceof Error ? err.message : err }, 'reading Redis settings failed');
      return null;
    }
  };
  const servers = await read(mastersOf(redis));
  const findings = !servers?.length
    ? judgeRedisSettings(null, production)
    : (
        await Promise.all(
          servers.map(async (server) => {
            const where = server === redis ? '' : `Cluster master ${server.options.host}:${server.options.port}: `;
            return judgeRedisSettings(await read(readSettings(server)), production).map((f) => ({ ...f, message: `${where}${f.message}` }));
          }),
        )
      ).flat();
  for (const { message } of findings) log.warn(message);
  const refused = findings.filter((f) => f.level === 'refuse');
  if (refused.length > 0) throw new RedisSettingsError(`Redis is not fit for production:\n${refused.map((f) => `  ${f.message}`).join('\n')}`);
}
