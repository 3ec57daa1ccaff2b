import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { Logger } from './logger.js';

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
}): Promise<RecurringJob> {
  const { connection, prefix, queueName, everyMs, log, run } = options;
  const queue = new Queue(queueName, { connection, prefix });
  await queue.upsertJobScheduler(
    queueName,
    { every: everyMs },
    { name: queueName, opts: { removeOnComplete: 100, removeOnFail: 500 } },
  );
  const worker = new Worker(
    queueName,
    () => run(),
    { connection, prefix, concurrency: 1 },
  );
  worker.on('failed', (_job, err) => log.error({ err, queue: queueName }, 'recurring job failed'));
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
