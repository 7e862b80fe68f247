import { describe, expect, it } from 'vitest';
import { itemQuerySchema } from '../../src/shared/itemsContract.ts';
import { listItems } from '../../src/main/core/store/listItems.ts';
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

describe('migration 10', () => {
  it('indexes the titles and paths already stored, and its triggers follow inserts, updates and deletes', () => {
    const db = openDatabase(
      ':memory:',
      MIGRATIONS.filter((m) => m.version < 10),
    );
    const items = makeItems(120, { seed: 5 });
    upsertItems(db, items.slice(0, 100));
    migrate(db);
    const count = (prefix: string) =>
      Number(
        (
          db
            .prepare('SELECT COUNT(*) AS n FROM items_titles_fts WHERE items_titles_fts MATCH ?')
            .get(`"${prefix}"*`) as { n: number }
        ).n,
      );
    const before = count('s');
    expect(before).toBeGreaterThan(0);
    upsertItems(db, items.slice(100));
    expect(count('s')).toBeGreaterThanOrEqual(before);
    db.exec("UPDATE items SET title = 'Zq zebra' WHERE rowid = (SELECT min(rowid) FROM items)");
    expect(count('zq')).toBe(1);
    db.exec('DELETE FROM items');
    expect(count('s')).toBe(0);
    db.prepare("INSERT INTO items_titles_fts(items_titles_fts, rank) VALUES ('integrity-check', 1)").run();
    db.close();
  });

  it('applies a migration that landed after a newer one (a database at 10 without 6 gets 6)', () => {
    const db = openDatabase(
      ':memory:',
      MIGRATIONS.filter((m) => m.version !== 6),
    );
    const columns = () =>
      (db.prepare("SELECT name FROM pragma_table_info('runs')").all() as { name: string }[]).map(
        (c) => c.name,
      );
    expect(columns()).not.toContain('owner_pid');
    const before = schemaVersion(db);
    migrate(db);
    expect(columns()).toEqual(
      expect.arrayContaining(['owner_pid', 'owner_kind', 'owner_host', 'heartbeat_at']),
    );
    expect(schemaVersion(db)).toBe(before);
    // And only once: opening it again changes nothing.
    expect(() => migrate(db)).not.toThrow();
    db.close();
  });
});
