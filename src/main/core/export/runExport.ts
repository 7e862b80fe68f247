import fs from 'node:fs';
import path from 'node:path';
import type { ExportFormat, ItemScope } from '../../../shared/itemsContract.ts';
import { chunks, scopeRowids } from '../store/itemScope.ts';
import type { Database } from '../store/database.ts';
import { EXPORT_FORMAT_INFO } from './exportFormats.ts';
import { itemsReader } from '../store/readItems.ts';

export type ExportProgress = { done: number; total: number };
export type ExportOutcome = ExportProgress & { status: 'completed' | 'cancelled' };

export type ExportJob = {
  format: ExportFormat;
  scope: ItemScope;
  file: string;
  signal?: AbortSignal;
  /** Called after each batch, and once at the end. */
  onProgress?: (progress: ExportProgress) => void;
  /** Rows read per query; cancellation is checked between batches. */
  batchSize?: number;
};

/**
 * Streams the items of a scope into a file, a batch of rows at a time (the ids are fixed first, so the
 * total is exact and items collected meanwhile are not half-included). A cancelled or failed export
 * removes its partial file.
 */
export async function runExport(db: Database, job: ExportJob): Promise<ExportOutcome> {
  const rowids = scopeRowids(db, job.scope);
  const total = rowids.length;
  const read = itemsReader(db);
  fs.mkdirSync(path.dirname(job.file), { recursive: true });
  const writer = EXPORT_FORMAT_INFO[job.format].open(job.file);
  let done = 0;
  const discard = async () => {
    await writer.abort().catch(() => undefined);
    fs.rmSync(job.file, { force: true });
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
    if (total === 0) job.onProgress?.({ done, total });
    return { status: 'completed', done, total };
  } catch (error) {
    await discard();
    throw error;
  }
}
