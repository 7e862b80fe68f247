import { randomUUID } from 'node:crypto';
import type { AppEvent } from '../../../shared/events.ts';
import type { ExportRequest } from '../../../shared/itemsContract.ts';
import type { Logger } from '../logging/logger.ts';
import type { Database } from '../store/database.ts';
import { checkExportTarget } from './exportTarget.ts';
import { runExport } from './runExport.ts';

/** Progress events at most this often, plus the last one. */
const PROGRESS_EVERY_MS = 150;

/** Exports running in the background, each cancellable by id, reporting through AppEvents. */
export function createExportJobs(deps: {
  db: Database;
  emit: (event: AppEvent) => void;
  log: Logger;
  /** What an error becomes when the storage failed (the diagnosis; damage brings up recovery). */
  storageFailed?: (error: unknown) => unknown;
}) {
  const running = new Map<string, AbortController>();

  /** Refuses a folder, a device or the database's own files at once, so the caller hears why. */
  function start(request: ExportRequest, file: string): { exportId: string; finished: Promise<void> } {
    checkExportTarget(file, deps.db);
    const exportId = randomUUID();
    const controller = new AbortController();
    running.set(exportId, controller);
    let lastEmit = 0;
    let done = 0;
    let total = 0;
    const finished = runExport(deps.db, {
      ...request,
      file,
      signal: controller.signal,
      onProgress: (p) => {
        ({ done, total } = p);
        const now = Date.now();
        if (now - lastEmit < PROGRESS_EVERY_MS && p.done < p.total) return;
        lastEmit = now;
        deps.emit({ type: 'export-progress', exportId, file, ...p });
      },
    })
      .then((outcome) => {
        running.delete(exportId);
        deps.log.info('Export ended', { format: request.format, file, ...outcome });
        deps.emit({ type: 'export-finished', exportId, file, ...outcome });
      })
      .catch((thrown: unknown) => {
        running.delete(exportId);
        const error = deps.storageFailed?.(thrown) ?? thrown;
        const message = error instanceof Error ? error.message : String(error);
        deps.log.error('Export failed', { format: request.format, file, error: message });
        deps.emit({ type: 'export-finished', exportId, file, status: 'failed', done, total, error: message });
      });
    return { exportId, finished };
  }

  function cancel(exportId: string): boolean {
    const controller = running.get(exportId);
    controller?.abort();
    return controller !== undefined;
  }

  return { start, cancel };
}
