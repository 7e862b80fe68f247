import type { Database } from './database.ts';
import type { ItemScope } from '../../../shared/itemsContract.ts';
import { itemWhere } from './itemWhere.ts';

/**
 * The rowids an action applies to, ascending. Only integers are held, so even the whole collection is
 * cheap; the rows themselves are read in batches by whoever walks the list.
 */
export function scopeRowids(db: Database, scope: ItemScope): number[] {
  let rows: Record<string, unknown>[];
  if (scope.kind === 'all') rows = db.prepare('SELECT rowid FROM items ORDER BY rowid').all();
  else if (scope.kind === 'ids')
    rows = db
      .prepare('SELECT rowid FROM items WHERE id IN (SELECT value FROM json_each(?)) ORDER BY rowid')
      .all(JSON.stringify(scope.ids));
  else {
    const w = itemWhere(scope.query);
    rows = db
      .prepare(`SELECT f.item_rowid AS rowid FROM ${w.from} ${w.where} ORDER BY f.item_rowid`)
      .all(...w.params);
  }
  return rows.map((r) => Number(r.rowid));
}

/** Splits a list into runs of at most `size`. */
export function* chunks<T>(list: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}
