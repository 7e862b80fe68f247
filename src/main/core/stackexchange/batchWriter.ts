import type { ItemCounts } from '../../../shared/events.ts';
import type { CollectedItem } from '../../../shared/items.ts';
import type { Database } from '../store/database.ts';
import { recordSkips, upsertItems, type SkipRecord } from '../store/itemStore.ts';

/**
 * Collects items and skips and writes them in transactions of `batchSize` items. `flush(alsoInTransaction)`
 * writes what is pending together with a checkpoint.
 */
export function createBatchWriter(
  db: Database,
  options: { batchSize: number; runId?: number; onWritten(counts: ItemCounts): void },
): {
  add(items: readonly CollectedItem[], skips?: readonly SkipRecord[]): void;
  flush(alsoInTransaction?: () => void): void;
} {
  let items: CollectedItem[] = [];
  let skips: SkipRecord[] = [];
  const flush = (alsoInTransaction?: () => void) => {
    if (items.length > 0 || alsoInTransaction)
      options.onWritten(upsertItems(db, items, { runId: options.runId, alsoInTransaction }));
    recordSkips(db, skips, options.runId);
    items = [];
    skips = [];
  };
  return {
    add(more, moreSkips = []) {
      items.push(...more);
      skips.push(...moreSkips);
      if (items.length >= options.batchSize) flush();
    },
    flush,
  };
}
