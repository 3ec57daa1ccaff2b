import { SpanKind } from '@opentelemetry/api';
import { Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Logger } from './logger.js';
import { ATTR, inSpan, newTrace } from './tracing.js';

export interface RecurringJob {
  queue: Queue;
  worker: Worker;
  close(): Promise<void>;
}

/**
 * A BullMQ job scheduler plus its worker: `run` is called every `everyMs`. Any number of
 * processes may start the same job; BullMQ runs each occurrence once, and `run` must be safe
 * to overlap with itself anyway (it runs on row locks or conditional updates).
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
}): Promise<RecurringJob> {
  const { connection, prefix, queueName, everyMs, log, run, onRun } = options;
  const queue = new Queue(queueName, { connection, prefix });
  await queue.upsertJobScheduler(
    queueName,
    { every: everyMs },
    { name: queueName, opts: { removeOnComplete: 100, removeOnFail: 500 } },
  );
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
        const result = await run();
        if (typeof result === 'number') span?.setAttribute(ATTR.jobResult, result);
        return result;
      },
    );
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
      await worker.close();
      await queue.close();
    },
  };
}
