import type { CollectedItem } from '../../../shared/items.ts';

/**
 * The item with only the chosen metadata keys (null keeps everything). The export's JSON-based formats
 * and Parquet's metadata column carry what is left; the id, source, title, date and content stay.
 */
export function withMetadataKeys(item: CollectedItem, keep: ReadonlySet<string> | null): CollectedItem {
  if (!keep) return item;
  const metadata = Object.fromEntries(Object.entries(item.metadata).filter(([key]) => keep.has(key)));
  // A projection of either source's metadata: the writers treat metadata as a plain record.
  return { ...item, metadata } as CollectedItem;
}
