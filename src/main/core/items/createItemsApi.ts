import fs from 'node:fs';
import type { AppEvent } from '../../../shared/events.ts';
import {
  exportRequestSchema,
  itemQuerySchema,
  itemScopeSchema,
  pageSchema,
  type ItemsApi,
} from '../../../shared/itemsContract.ts';
import type { DesktopIntegration } from '../desktop.ts';
import { suggestedFileName } from '../export/exportFormats.ts';
import { createExportJobs } from '../export/exportJobs.ts';
import type { Logger } from '../logging/logger.ts';
import { readItem } from '../store/itemStore.ts';
import type { Database } from '../store/database.ts';
import { deleteItems } from '../store/deleteItems.ts';
import type { ItemQueries } from './itemQueryPool.ts';

export type ItemsApiDeps = {
  db: Database;
  /** Lists and facet counts, read on query threads. */
  queries: ItemQueries;
  desktop: DesktopIntegration;
  emit: (event: AppEvent) => void;
  log: Logger;
  /** What an error becomes when the storage failed (the diagnosis; damage brings up recovery). */
  storageFailed?: (error: unknown) => unknown;
};

/**
 * The Items screen's side of the core. createCore validates every call with ITEMS_API_INPUTS; queries are
 * parsed again here so direct callers (CLI, tests) get the defaults filled in too.
 */
export function createItemsApi(deps: ItemsApiDeps): ItemsApi {
  const exports = createExportJobs(deps);
  // Only files this core exported are ever shown: the renderer names an export, never a path.
  const exportFiles = new Map<string, string>();
  return {
    listItems: async (query, page) => deps.queries.list(itemQuerySchema.parse(query), pageSchema.parse(page)),
    itemFacets: async (query) => deps.queries.facets(itemQuerySchema.parse(query)),
    getItem: async (id) => readItem(deps.db, id) ?? null,
    deleteItems: async (scope) => {
      const deleted = deleteItems(deps.db, itemScopeSchema.parse(scope));
      deps.log.info('Items deleted', { scope: scope.kind, deleted });
      return { deleted };
    },
    startExport: async (input) => {
      const request = exportRequestSchema.parse(input);
      const file = await deps.desktop.chooseSaveFile(suggestedFileName(request.format));
      if (!file) return { cancelled: true };
      const { exportId } = exports.start(request, file);
      exportFiles.set(exportId, file);
      return { cancelled: false, exportId, file };
    },
    cancelExport: async (exportId) => ({ cancelled: exports.cancel(exportId) }),
    showExportInFolder: async (exportId) => {
      const file = exportFiles.get(exportId);
      if (!file) throw new Error('No such export');
      if (!fs.existsSync(file)) throw new Error(`${file} is no longer there: it was moved or deleted`);
      await deps.desktop.showItemInFolder(file);
    },
    openItemUrl: async (url) => {
      if (!/^https?:\/\//i.test(url)) throw new Error('Only http(s) links open in the browser');
      await deps.desktop.openExternal(url);
    },
  };
}
