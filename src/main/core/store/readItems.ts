import type { CollectedItem } from '../../../shared/items.ts';
import type { Database } from './database.ts';
import { ITEM_COLUMNS, toCollectedItem, type ItemRecord } from './itemStore.ts';

/** Reads a batch of items by rowid, in rowid order. */
export function itemsReader(db: Database): (rowids: readonly number[]) => CollectedItem[] {
  const select = db.prepare(
    `SELECT ${ITEM_COLUMNS} FROM items WHERE rowid IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
  );
  return (rowids) => (select.all(JSON.stringify(rowids)) as ItemRecord[]).map(toCollectedItem);
}
