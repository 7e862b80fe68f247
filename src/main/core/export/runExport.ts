import type { ExportFieldGroup } from '../../../shared/exportFields.ts';
import type { ExportFormat, ItemScope } from '../../../shared/itemsContract.ts';
import { chunks, scopeRowids } from '../store/itemScope.ts';
import type { Database } from '../store/database.ts';
import { openExportWriter } from './exportFormats.ts';
import { checkExportTarget, fileBeside } from './exportTarget.ts';
import { itemsReader } from '../store/readItems.ts';

export type ExportProgress = { done: number; total: number };
export type ExportOutcome = ExportProgress & { status: 'completed' | 'cancelled' };

export type ExportJob = {
  format: ExportFormat;
  scope: ItemScope;
  /** The metadata groups to keep; all of them when left out. */
  fields?: readonly ExportFieldGroup[];
  file: string;
  signal?: AbortSignal;
  /** Called after each batch, and once at the end. */
  onProgress?: (progress: ExportProgress) => void;
  /** Rows read per query; cancellation is checked between batches. */
  batchSize?: number;
};

/**
 * Streams the items of a scope into a file, a batch of rows at a time (the ids are fixed first, so the
 * total is exact and items collected meanwhile are not half-included). It writes a file beside the
 * target and renames it over the target once complete: a cancelled or failed export leaves the target as
 * it was. Folders, devices and the database's own files are refused (ExportTargetError) before anything.
 */
export async function runExport(db: Database, job: ExportJob): Promise<ExportOutcome> {
  const rowids = scopeRowids(db, job.scope);
  const total = rowids.length;
  const read = itemsReader(db);
  const output = fileBeside(checkExportTarget(job.file, db));
  const writer = openExportWriter(job.format, output.temporary, job.fields);
  let done = 0;
  const discard = async () => {
    await writer.abort().catch(() => undefined);
    output.discard();
  };
  try {
    for (const batch of chunks(rowids, job.batchSize ?? 500)) {
      if (job.signal?.aborted) {
        await discard();
        return { status: 'cancelled', done, total };
      }
      for (const item of read(batch)) await writer.write(item);
      done += batch.length;
      job.onProgress?.({ done, total });
    }
    await writer.finish();
    output.commit();
    if (total === 0) job.onProgress?.({ done, total });
    return { status: 'completed', done, total };
  } catch (error) {
    await discard();
    throw error;
  }
}
