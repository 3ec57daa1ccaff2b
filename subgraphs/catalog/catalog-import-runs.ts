// An admin's import as a job: the request is stored (catalog_import) and queued; a worker of the
// catalog-import queue (workers/catalog-import.ts) runs it, recording its progress on the row in
// the same transaction as each batch it writes, so what the row says is what is committed.
import { userError, type UserError } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { fetchImportFile, UnreadableFile, type FetchLimits } from './catalog-import-source.js';
import type { ImportError } from './catalog-import-rows.js';
import { ImportStopped, type CatalogImportService, type ImportOptions } from './catalog-import.service.js';
import type { CatalogErrorCode } from './generated/resolvers-types.js';
import type { CatalogImportRow } from './models.js';
import type { Prisma, PrismaClient } from './prisma-client/client.js';
import { CatalogInputChecker } from './validation.js';

export interface ImportRequest {
  csv?: string | null;
  url?: string | null;
  skipInvalid?: boolean | null;
  dryRun?: boolean | null;
}

/** Errors kept on the import (the first ones, in line order); errorCount has them all. */
export const ERRORS_KEPT = 100;

/**
 * The file's text stays in the database (up to CATALOG_IMPORT_MAX_BYTES): reads of an import leave
 * it there, and its writes are updateMany, which answer no row.
 */
const WITHOUT_FILE = { csv: true } as const;

const kept = (errors: ImportError[]) => errors.slice(0, ERRORS_KEPT) as unknown as Prisma.InputJsonValue;

/** A kept error as the API answers it: its field is [line, column], [line] for a whole row, null for the whole file. */
export function importUserErrors(row: CatalogImportRow): UserError<CatalogErrorCode>[] {
  return (row.errors as unknown as ImportError[]).map(({ line, column, code, message }) =>
    userError(code, message, line === 0 ? null : column === null ? [String(line)] : [String(line), column]),
  );
}

export class CatalogImportRuns {
  constructor(
    private readonly db: PrismaClient,
    private readonly importer: CatalogImportService,
    /** Puts a stored import on the queue. */
    private readonly enqueue: (importId: string) => Promise<void>,
    private readonly limits: FetchLimits,
  ) {}

  /** Stores the request and queues it. A request that is not well formed is refused with userErrors. */
  async request(input: ImportRequest, requestedBy: string): Promise<CatalogImportRow> {
    const c = new CatalogInputChecker();
    if ((input.csv == null) === (input.url == null)) c.add('INVALID_INPUT', 'give exactly one of csv and url', ['input']);
    c.url(input.url, ['input', 'url']);
    if (input.csv != null && Buffer.byteLength(input.csv) > this.limits.maxBytes) c.add('TOO_LONG', `csv must be at most ${this.limits.maxBytes} bytes`, ['input', 'csv']);
    c.throwIfAny();
    const row = await this.db.catalogImport.create({
      data: { csv: input.csv ?? null, url: input.url ?? null, skipInvalid: input.skipInvalid ?? false, dryRun: input.dryRun ?? false, requestedBy },
      omit: WITHOUT_FILE,
    });
    try {
      await this.enqueue(row.id);
    } catch (err) {
      // Not queued, not kept: the admin sees the failure and asks again.
      await this.db.catalogImport.delete({ where: { id: row.id } });
      throw err;
    }
    return row;
  }

  async find(id: string): Promise<CatalogImportRow | null> {
    return isUuid(id) ? this.db.catalogImport.findUnique({ where: { id }, omit: WITHOUT_FILE }) : null;
  }

  /**
   * Runs a stored import (the job). An import that ended already is left alone; one a stopped or
   * crashed run left behind goes on after the last product it wrote. Errors other than the
   * file's (an outage, a bug) are thrown for the queue to retry.
   */
  async run(id: string, signal?: AbortSignal): Promise<void> {
    const row = await this.db.catalogImport.findUnique({ where: { id } });
    if (!row || row.status === 'SUCCEEDED' || row.status === 'FAILED') return;
    await this.db.catalogImport.updateMany({ where: { id }, data: { status: 'RUNNING', startedAt: row.startedAt ?? new Date() } });
    let text = row.csv;
    if (text === null) {
      try {
        text = await fetchImportFile(row.url!, this.limits, signal);
      } catch (err) {
        if (signal?.aborted) throw new ImportStopped();
        if (!(err instanceof UnreadableFile)) throw err;
        await this.finish(id, 'FAILED', [{ line: 0, column: null, code: 'FILE_UNREADABLE', message: err.message }]);
        return;
      }
      // Kept until the import ends: a run that goes on after a crash reads the file the first one read.
      await this.db.catalogImport.updateMany({ where: { id }, data: { csv: text } });
    }
    const options: ImportOptions = {
      skipInvalid: row.skipInvalid,
      dryRun: row.dryRun,
      resumeAfterLine: row.resumeAfterLine,
      signal,
      onChecked: async (check) => {
        await this.db.catalogImport.updateMany({
          where: { id },
          data: { rowsTotal: check.rows, rowsSkipped: check.rowsSkipped, errorCount: check.errors.length, errors: kept(check.errors) },
        });
      },
      onBatch: async (tx, batch) => {
        const increment = (n: number) => ({ increment: n });
        await tx.catalogImport.updateMany({
          where: { id },
          data: {
            rowsDone: increment(batch.rows),
            resumeAfterLine: batch.lastLine,
            categoriesCreated: increment(batch.categoriesCreated),
            productsCreated: increment(batch.counts.productsCreated),
            productsUpdated: increment(batch.counts.productsUpdated),
            productsUnchanged: increment(batch.counts.productsUnchanged),
            variantsCreated: increment(batch.counts.variantsCreated),
            variantsUpdated: increment(batch.counts.variantsUpdated),
            variantsUnchanged: increment(batch.counts.variantsUnchanged),
          },
        });
      },
    };
    const { status, errors, rows: _rows, rowsDone: _done, rowsSkipped: _skipped, ...totals } = await this.importer.import(text, options);
    // A dry run writes no batch: what it would change is its outcome.
    await this.finish(id, status, errors, row.dryRun ? totals : {});
  }

  /** The job was stopped between batches (a shutdown): it waits in the queue again. */
  async requeued(id: string): Promise<void> {
    await this.db.catalogImport.updateMany({ where: { id, status: 'RUNNING' }, data: { status: 'QUEUED' } });
  }

  /** The queue gave up on the job (its attempts ran out): the import ends FAILED, its errors as they are. */
  async abandoned(id: string): Promise<void> {
    await this.db.catalogImport.updateMany({ where: { id, status: { in: ['QUEUED', 'RUNNING'] } }, data: { status: 'FAILED', finishedAt: new Date(), csv: null } });
  }

  private async finish(id: string, status: 'SUCCEEDED' | 'FAILED', errors: ImportError[], counts: Prisma.CatalogImportUpdateManyMutationInput = {}): Promise<void> {
    await this.db.catalogImport.updateMany({
      where: { id },
      data: { ...counts, status, finishedAt: new Date(), csv: null, errorCount: errors.length, errors: kept(errors) },
    });
  }
}
