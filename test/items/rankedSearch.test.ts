import { beforeAll, describe, expect, it } from 'vitest';
import { itemQuerySchema, type ItemQueryInput } from '../../src/shared/itemsContract.ts';
import { listItems } from '../../src/main/core/store/listItems.ts';
import { openDatabase, type Database } from '../../src/main/core/store/database.ts';
import { upsertItems } from '../../src/main/core/store/itemStore.ts';
import { makeItems } from '../fixtures/itemFactory.ts';

let db: Database;
let rowidOf: Map<string, number>;
const BEST = { column: 'relevance', direction: 'asc' } as const;
/** A bound the searches below go well beyond (the app's is 20,000). */
const RANKED = 40;
const EVERY_MATCH = Number.MAX_SAFE_INTEGER;

beforeAll(() => {
  db = openDatabase(':memory:');
  upsertItems(db, makeItems(400, { seed: 7 }));
  rowidOf = new Map(
    db
      .prepare('SELECT rowid, id FROM items')
      .all()
      .map((r) => [String(r.id), Number(r.rowid)]),
  );
});

describe('a search matching more items than are ranked', () => {
  it.each<[string, ItemQueryInput]>([
    ['a word', { text: 'return' }],
    ['a letter (titles and paths)', { text: 's' }],
    ['a word and filters', { text: 'the', filters: { source: ['github_code'] } }],
  ])(
    '%s: its newest matches best first, in the order full ranking gives them, then the older ones newest first',
    (_, input) => {
      const query = itemQuerySchema.parse({ ...input, sort: BEST });
      const fully = listItems(db, query, { offset: 0, limit: 1000 }, EVERY_MATCH);
      const bounded = listItems(db, query, { offset: 0, limit: 1000 }, RANKED);
      expect(fully.total).toBeGreaterThan(RANKED + 20);
      expect(bounded.total).toBe(fully.total);

      const ids = bounded.rows.map((r) => r.id);
      const rowids = ids.map((id) => rowidOf.get(id)!);
      expect(new Set(ids).size).toBe(fully.total);
      const newest = new Set([...rowids].sort((a, b) => b - a).slice(0, RANKED));
      expect(ids.slice(0, RANKED)).toEqual(
        fully.rows.map((r) => r.id).filter((id) => newest.has(rowidOf.get(id)!)),
      );
      const older = rowids.slice(RANKED);
      expect(older).toEqual([...older].sort((a, b) => b - a));

      // Pages that cross from the ranked matches to the older ones join up.
      const paged: string[] = [];
      for (let offset = 0; offset < bounded.total; offset += 15)
        paged.push(...listItems(db, query, { offset, limit: 15 }, RANKED).rows.map((r) => r.id));
      expect(paged).toEqual(ids);
    },
  );

  it('ranks every match of a search within the bound', () => {
    const query = itemQuerySchema.parse({ text: 'borrow', sort: BEST });
    const page = { offset: 0, limit: 100 };
    const fully = listItems(db, query, page, EVERY_MATCH);
    expect(fully.total).toBeGreaterThan(0);
    expect(fully.total).toBeLessThanOrEqual(RANKED);
    expect(listItems(db, query, page, RANKED)).toEqual(fully);
  });
});
