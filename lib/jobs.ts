import { SpanKind } from '@opentelemetry/api';
import { Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Logger } from './logger.js';
import { runInScope, traceIdFrom } from './request-scope.js';
import { describeActor, systemActor } from './state-machine.js';
import { ATTR, activeTraceId, inSpan, newTrace } from './tracing.js';
import { settlesWithin } from './time.js';

export interface RecurringJob {
  queue: Queue;
  worker: Worker;
  close(): Promise<void>;
}

/** How often a process looks that its job schedulers are still in Redis. */
const SCHEDULER_CHECK_MS = 5000;

/** Runs one run of a queue's job in a scope of its own: its logs and the versions of what it writes name the job (lib/versions.ts). */
export function runAsJob<T>(queueName: string, runId: string, run: () => T): T {
  return runInScope({ requestId: `${queueName}-${runId}`, traceId: activeTraceId() ?? traceIdFrom(undefined), actor: describeActor(systemActor(queueName)) }, run);
}

/**
 * A BullMQ job scheduler plus its worker: `run` is called every `everyMs`. Any number of
 * processes may start the same job; BullMQ runs each occurrence once, and `run` must be safe
 * to overlap with itself anyway (it runs on row locks or conditional updates).
 *
 * A scheduler lives only in Redis, and each run creates the next one as it starts: when Redis
 * comes back empty (a restart without persistence, a failover to a replica that lacked the latest
 * writes, a flush) the scheduler or its next job is gone and the job never runs again, while the
 * worker waits on quietly. BullMQ has no event for that, and the worker's events stop with the
 * runs, so every `checkEveryMs` the process reads the scheduler and whether the job it points to
 * exists (two reads) and upserts the scheduler again when either is missing. Upserting an intact
 * scheduler would be harmless too (it keeps the next run's time) but rewrites its job each time.
 */
export async function startRecurringJob(options: {
  connection: ConnectionOptions;
  prefix: string;
  queueName: string;
  everyMs: number;
  log: Logger;
  run: () => Promise<unknown>;
  /** The service running it (its spans' service.name while tracing is on). */
  service?: string;
  /** Told of each run this process's worker finishes: its outcome and how long it took. */
  onRun?: (outcome: 'completed' | 'failed', seconds: number | undefined) => void;
  checkEveryMs?: number;
  /** How long close() lets a run under way finish (default 2 s). */
  closeGraceMs?: number;
}): Promise<RecurringJob> {
  const { connection, prefix, queueName, everyMs, log, run, onRun, checkEveryMs = SCHEDULER_CHECK_MS, closeGraceMs = 2000 } = options;
  const queue = new Queue(queueName, { connection, prefix });
  const schedule = () => queue.upsertJobScheduler(queueName, { every: everyMs }, { name: queueName, opts: { removeOnComplete: 100, removeOnFail: 500 } });
  await schedule();
  const scheduled = async () => {
    const scheduler = await queue.getJobScheduler(queueName);
    // The job a scheduler points to is `repeat:<id>:<next>` (BullMQ's naming); finished ones are kept (removeOnComplete).
    return typeof scheduler?.next === 'number' && (await queue.getJobState(`repeat:${queueName}:${scheduler.next}`)) !== 'unknown';
  };
  let checking: Promise<void> | undefined;
  const check = setInterval(() => {
    checking ??= scheduled()
      .then(async (intact) => {
        if (intact) return;
        log.warn({ queue: queueName }, 'job scheduler missing from Redis (Redis lost its data); scheduling it again');
        await schedule();
      })
      .catch((err: unknown) => log.warn({ err: err instanceof Error ? err.message : err, queue: queueName }, 'could not check the job scheduler; checking again shortly'))
      .finally(() => (checking = undefined));
  }, checkEveryMs);
  check.unref();
  // While tracing is on, each run is a trace of its own (runs that did nothing are not exported: lib/tracing.ts).
  const traced = (job: Job) =>
    inSpan(
      `process ${queueName}`,
      {
        kind: SpanKind.CONSUMER,
        parent: () => newTrace(options.service),
        attributes: { [ATTR.messagingSystem]: 'bullmq', [ATTR.messagingOperationType]: 'process', [ATTR.messagingDestination]: queueName, [ATTR.messagingMessageId]: job.id ?? '', [ATTR.jobQueue]: queueName },
      },
      async (span) => {
        const running = runAsJob(queueName, job.id ?? 'run', run);
        current = running.catch(() => undefined);
        const result = await running;
        if (typeof result === 'number') span?.setAttribute(ATTR.jobResult, result);
        return result;
      },
    );
  /** This process's run under way (settled once it ends, however it ends). */
  let current: Promise<unknown> = Promise.resolve();
  const worker = new Worker(queueName, traced, { connection, prefix, concurrency: 1 });
  const seconds = (job: { processedOn?: number; finishedOn?: number } | undefined) =>
    job?.processedOn && job.finishedOn ? (job.finishedOn - job.processedOn) / 1000 : undefined;
  worker.on('completed', (job) => onRun?.('completed', seconds(job)));
  worker.on('failed', (job, err) => {
    log.error({ err, queue: queueName }, 'recurring job failed');
    onRun?.('failed', seconds(job));
  });
  worker.on('error', (err) => log.error({ err, queue: queueName }, 'worker error'));
  return {
    queue,
    worker,
    async close() {
      clearInterval(check);
      await checking;
      // A run under way may finish within closeGraceMs; past it (a run waiting on a slow payment
      // provider) the worker stops without it, so that shutdown keeps its deadline. The job's lock
      // then lapses, BullMQ finds it stalled and another process runs it again: runs are idempotent.
      const late = !(await settlesWithin(current, closeGraceMs));
      if (late) log.warn({ queue: queueName, graceMs: closeGraceMs }, 'a run was still going at shutdown; stopped without it, it runs again elsewhere');
      // BullMQ's own bookkeeping of the run (its completion, written to Redis) gets the same grace.
      if (!(await settlesWithin(worker.close(late), closeGraceMs))) log.warn({ queue: queueName }, 'the job worker did not close in time; left behind');
      await settlesWithin(queue.close(), closeGraceMs);
    },
  };
}
