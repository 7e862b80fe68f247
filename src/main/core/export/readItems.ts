import type { CollectedItem, ItemSource } from '../../../shared/items.ts';
import type { Database } from '../store/database.ts';

type Row = {
  id: string;
  source: ItemSource;
  title: string;
  content: string;
  content_hash: string;
  metadata: string;
  collected_at: string;
};

/** Reads a batch of items by rowid, in rowid order. */
export function itemsReader(db: Database): (rowids: readonly number[]) => CollectedItem[] {
  const select = db.prepare(
    `SELECT id, source, title, content, content_hash, metadata, collected_at FROM items
     WHERE rowid IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
  );
  return (rowids) =>
    (select.all(JSON.stringify(rowids)) as Row[]).map(
      (r) =>
        ({
          id: r.id,
          source: r.source,
          title: r.title,
          content: r.content,
          contentHash: r.content_hash,
          collectedAt: r.collected_at,
          metadata: JSON.parse(r.metadata),
        }) as CollectedItem,
    );
}
