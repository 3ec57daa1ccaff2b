// Deleting what has passed its retention, in batches, so that one run never holds a long lock
// (the promotion context's usage, each context's published outbox events and consumers' receipts).

/** Rows a batch deletes unless told otherwise. */
export const PURGE_BATCH = 5000;

/** Runs `deleteBatch(limit)` until it deletes fewer rows than the limit; answers how many it deleted. */
export async function purgeInBatches(deleteBatch: (limit: number) => Promise<number>, limit = PURGE_BATCH): Promise<number> {
  let deleted = 0;
  for (let batch = limit; batch === limit; deleted += batch) batch = await deleteBatch(limit);
  return deleted;
}
