import { transaction, type Database } from './database.ts';
import type { ItemScope } from '../../../shared/itemsContract.ts';
import { chunks, scopeRowids } from './itemScope.ts';

/** Deletes the items of a scope in one transaction; the triggers and the tag table's cascade follow. */
export function deleteItems(db: Database, scope: ItemScope): number {
  const rowids = scopeRowids(db, scope);
  const remove = db.prepare('DELETE FROM items WHERE rowid IN (SELECT value FROM json_each(?))');
  transaction(db, () => {
    for (const batch of chunks(rowids, 1000)) remove.run(JSON.stringify(batch));
  });
  return rowids.length;
}
