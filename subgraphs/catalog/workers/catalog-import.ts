// The catalog-import queue: importCatalog puts an import on it, a worker runs it
// (catalog-import-runs.ts). One import at a time per worker: each is a long run of batches.
import { DelayedError, Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { Logger } from '../../../lib/logger.js';
import { runAsJob } from '../../../lib/jobs.js';
import { settlesWithin } from '../../../lib/time.js';
import { ImportStopped } from '../catalog-import.service.js';
import type { CatalogImportRuns } from '../catalog-import-runs.js';

export const CATALOG_IMPORT_QUEUE = 'catalog-import';

interface ImportJob {
  importId: string;
}

/** Where imports wait. The job id is the import's, so an import is queued once. */
export function catalogImportQueue(connection: ConnectionOptions, prefix: string) {
  const queue = new Queue<ImportJob>(CATALOG_IMPORT_QUEUE, { connection, prefix });
  return {
    queue,
    enqueue: async (importId: string) => {
      await queue.add('import', { importId }, {
        jobId: importId,
        // An outage mid-import is retried; each attempt goes on after the last batch written.
        attempts: 3,
        backoff: { type: 'exponential', delay: 5_000 },
        removeOnComplete: 1_000,
        removeOnFail: 1_000,
      });
    },
  };
}

/**
 * Runs queued imports. Closing stops the running import after its current batch and puts it back
 * on the queue, where the next worker goes on with it.
 */
/** How long closing waits for BullMQ to let the worker go. */
const CLOSE_GRACE_MS = 5000;

export function startCatalogImportWorker(options: { connection: ConnectionOptions; prefix: string; runs: CatalogImportRuns; log: Logger }) {
  const { connection, prefix, runs, log } = options;
  const stopping = new AbortController();
  const worker = new Worker<ImportJob>(
    CATALOG_IMPORT_QUEUE,
    async (job, token) => {
      try {
        await runAsJob(CATALOG_IMPORT_QUEUE, job.id ?? job.data.importId, () => runs.run(job.data.importId, stopping.signal));
      } catch (err) {
        if (!(err instanceof ImportStopped)) throw err;
        await runs.requeued(job.data.importId);
        await job.moveToDelayed(Date.now(), token);
        throw new DelayedError();
      }
    },
    { connection, prefix, concurrency: 1 },
  );
  worker.on('failed', (job, err) => {
    if (!job) return;
    log.error({ err, importId: job.data.importId, attempt: job.attemptsMade }, 'catalog import failed');
    if (job.attemptsMade >= (job.opts.attempts ?? 1)) {
      runs.abandoned(job.data.importId).catch((error: unknown) => log.error({ err: error, importId: job.data.importId }, 'could not mark the import failed'));
    }
  });
  worker.on('error', (err) => log.error({ err, queue: CATALOG_IMPORT_QUEUE }, 'worker error'));
  return {
    worker,
    async close() {
      stopping.abort();
      // As lib/jobs.ts closes its workers: after a Redis restart BullMQ's close has been seen never
      // to finish (the full suite's faults-redis-restart); an import left running is put back by
      // BullMQ's stalled-job check and goes on in the next worker.
      if (!(await settlesWithin(worker.close(), CLOSE_GRACE_MS))) log.warn({ queue: CATALOG_IMPORT_QUEUE }, 'the import worker did not close in time; left behind');
    },
  };
}
