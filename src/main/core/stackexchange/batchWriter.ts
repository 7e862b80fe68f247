import type { ItemCounts } from '../../../shared/events.ts';
import type { CollectedItem } from '../../../shared/items.ts';
import type { Database } from '../store/database.ts';
import { recordSkips, upsertItems, type SkipRecord } from '../store/itemStore.ts';

/** Collects items and skips and writes them in transactions of `batchSize` items. */
export function createBatchWriter(
  db: Database,
  options: { batchSize: number; runId?: number; onWritten(counts: ItemCounts): void },
): { add(items: readonly CollectedItem[], skips?: readonly SkipRecord[]): void; flush(): void } {
  let items: CollectedItem[] = [];
  let skips: SkipRecord[] = [];
  const flush = () => {
    if (items.length > 0) options.onWritten(upsertItems(db, items, { runId: options.runId }));
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
