import { describe, expect, it } from 'vitest';
import { itemQuerySchema } from '../../src/shared/itemsContract.ts';
import { listItems } from '../../src/main/core/items/listItems.ts';
import { migrate, openDatabase, schemaVersion } from '../../src/main/core/store/database.ts';
import { MIGRATIONS } from '../../src/main/core/store/migrations.ts';
import { upsertItems } from '../../src/main/core/store/itemStore.ts';
import { makeItems } from '../fixtures/itemFactory.ts';

describe('migrations', () => {
  it('rebuilds the full-text index with prefixes and loses no item from search', () => {
    const db = openDatabase(
      ':memory:',
      MIGRATIONS.filter((m) => m.version <= 4),
    );
    upsertItems(db, makeItems(300, { seed: 3 }));
    const search = (text: string) =>
      listItems(db, itemQuerySchema.parse({ text, sort: { column: 'relevance', direction: 'asc' } }), {
        offset: 0,
        limit: 500,
      });
    const before = ['return', 'pars', 'cache token'].map(search);

    migrate(db);

    expect(schemaVersion(db)).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
    const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'items_fts'").get() as {
      sql: string;
    };
    expect(sql).toContain("prefix='3 4 5 6'");
    expect(['return', 'pars', 'cache token'].map(search)).toEqual(before);
    // The triggers still feed the new index.
    upsertItems(db, makeItems(310, { seed: 3 }).slice(300));
    expect(search('return').total).toBeGreaterThan(before[0].total);
    db.close();
  });
});
