import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemQuerySchema, type ItemQueryInput, type PageRequest } from '../../src/shared/itemsContract.ts';
import { itemFacets } from '../../src/main/core/store/itemFacets.ts';
import {
  createItemQueryPool,
  ListFirstQueue,
  type ItemQueries,
} from '../../src/main/core/items/itemQueryPool.ts';
import { itemRowidBounds, listItems } from '../../src/main/core/store/listItems.ts';
import { openDatabase, type Database } from '../../src/main/core/store/database.ts';
import { upsertItems } from '../../src/main/core/store/itemStore.ts';
import { makeItems } from '../fixtures/itemFactory.ts';
import { queueOptionsSymbol, type PiscinaTask } from 'piscina';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-query-pool-'));
const file = path.join(dir, 'items.sqlite');
let db: Database;
let pool: ItemQueries;
const q = (input: ItemQueryInput) => itemQuerySchema.parse(input);
const byRelevance = { column: 'relevance', direction: 'asc' } as const;

beforeAll(() => {
  db = openDatabase(file);
  upsertItems(db, makeItems(1500, { seed: 11 }));
  // Three threads on any machine: the parts' ranges are uneven and every part has matches to merge.
  // Facets of any search or filter are counted from the columns in memory (from 10,000 matches in the app).
  pool = createItemQueryPool({
    databaseFile: file,
    rowidBounds: () => itemRowidBounds(db),
    threads: 3,
    facetsInMemoryFrom: 0,
  });
});

afterAll(async () => {
  await pool.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the item query pool', () => {
  const cases: [string, ItemQueryInput, PageRequest][] = [
    ['a broad search by relevance', { text: 'return', sort: byRelevance }, { offset: 0, limit: 100 }],
    ['its second page', { text: 'return', sort: byRelevance }, { offset: 100, limit: 100 }],
    ['a prefix search', { text: 'pars', sort: byRelevance }, { offset: 0, limit: 50 }],
    ['two words', { text: 'return result', sort: byRelevance }, { offset: 20, limit: 30 }],
    [
      'a search with filters',
      { text: 'cache', filters: { source: ['github_code'], language: ['python', 'go'] }, sort: byRelevance },
      { offset: 0, limit: 100 },
    ],
    [
      'a search with a tag',
      { text: 'the', filters: { tag: ['pandas'] }, sort: byRelevance },
      { offset: 0, limit: 40 },
    ],
    ['a page deeper than a split goes', { text: 'the', sort: byRelevance }, { offset: 1_000, limit: 100 }],
    ['a search nothing matches', { text: 'zzzqqq', sort: byRelevance }, { offset: 0, limit: 100 }],
    [
      'a search sorted by score',
      { text: 'return', sort: { column: 'score', direction: 'desc' } },
      { offset: 0, limit: 100 },
    ],
    ['the whole collection', {}, { offset: 200, limit: 100 }],
  ];

  it.each(cases)('lists %s exactly as one query on this thread does', async (_, input, page) => {
    const query = q(input);
    const expected = listItems(db, query, page);
    expect(await pool.list(query, page)).toEqual(expected);
  });

  it('splits a broad search into parts whose matches are merged', async () => {
    // The pool's answer for page 1 must hold matches from more than one part (rowid third).
    const page = await pool.list(q({ text: 'return', sort: byRelevance }), { offset: 0, limit: 100 });
    const ids = new Set(page.rows.map((r) => r.id));
    const bounds = itemRowidBounds(db)!;
    const rowids = db
      .prepare(`SELECT rowid FROM items WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify([...ids]))
      .map((r) => Number(r.rowid));
    const third = (bounds.last - bounds.first) / 3;
    const parts = new Set(rowids.map((r) => Math.min(2, Math.floor((r - bounds.first) / third))));
    expect(parts.size).toBeGreaterThan(1);
  });

  it.each<[string, ItemQueryInput]>([
    ['the whole collection', {}],
    ['a search', { text: 'return' }],
    ['a search with filters', { text: 'cache', filters: { language: ['go', 'python'], accepted: false } }],
    ['a tag filter', { text: 'the', filters: { tag: ['pandas'] } }],
    ['filters alone', { filters: { source: ['stackoverflow_qa'], minScore: 5 } }],
  ])('counts the facets of %s as this thread does', async (_, input) => {
    expect(await pool.facets(q(input))).toEqual(itemFacets(db, q(input)));
  });

  it('sees what the main connection writes and deletes', async () => {
    const query = q({ text: 'return', sort: byRelevance });
    const before = (await pool.list(query, { offset: 0, limit: 0 })).total;
    // Asked twice, so that every thread has the whole collection's facets kept.
    for (let i = 0; i < 2; i++) expect((await pool.facets(q({}))).collectionTotal).toBe(1500);
    upsertItems(db, makeItems(1600, { seed: 11 }).slice(1500));
    const after = await pool.list(query, { offset: 0, limit: 100 });
    expect(after.total).toBeGreaterThan(before);
    expect(after).toEqual(listItems(db, query, { offset: 0, limit: 100 }));
    for (let i = 0; i < 2; i++) expect(await pool.facets(q({}))).toEqual(itemFacets(db, q({})));
    db.exec('DELETE FROM items WHERE rowid > 1500');
    expect((await pool.list(query, { offset: 0, limit: 0 })).total).toBe(before);
    for (let i = 0; i < 2; i++) expect((await pool.facets(q({}))).collectionTotal).toBe(1500);
  });
});

describe('facets counted from the columns in memory', () => {
  it('are counted anew once the main connection writes or deletes', async () => {
    const query = q({ text: 'return', filters: { language: ['go'] } });
    // Asked three times, so that every thread has read the columns.
    const expectCurrent = async () => {
      for (let i = 0; i < 3; i++) expect(await pool.facets(query)).toEqual(itemFacets(db, query));
    };
    await expectCurrent();
    const before = itemFacets(db, query);
    upsertItems(db, makeItems(1600, { seed: 11 }).slice(1500));
    expect(itemFacets(db, query)).not.toEqual(before);
    await expectCurrent();
    db.exec('DELETE FROM items WHERE rowid > 1500');
    await expectCurrent();
    // An item's facets change in place (same rowid), as when a run updates an item.
    db.exec(
      "UPDATE item_facets SET language = 'go' WHERE item_rowid IN (SELECT rowid FROM items_fts WHERE items_fts MATCH 'return' LIMIT 20)",
    );
    await expectCurrent();
  });
});

describe('a pool whose rowid bounds are out of date', () => {
  it('still finds the items stored since the bounds were read', async () => {
    const stale = itemRowidBounds(db)!;
    const late = createItemQueryPool({ databaseFile: file, rowidBounds: () => stale, threads: 2 });
    try {
      upsertItems(db, makeItems(1700, { seed: 11 }).slice(1500));
      const query = q({ text: 'return', sort: byRelevance });
      expect(await late.list(query, { offset: 0, limit: 100 })).toEqual(
        listItems(db, query, { offset: 0, limit: 100 }),
      );
      expect(await late.facets(query)).toEqual(itemFacets(db, query));
    } finally {
      await late.close();
      db.exec('DELETE FROM items WHERE rowid > 1500');
    }
  });
});

describe("a pool ranking only a broad search's newest matches", () => {
  it.each<[string, PageRequest]>([
    ['the first page, split between threads', { offset: 0, limit: 50 }],
    ['a page from the ranked matches to the older ones', { offset: 80, limit: 50 }],
    ['a page of older matches', { offset: 300, limit: 100 }],
  ])('lists %s exactly as one query on this thread does', async (_, page) => {
    const bounded = createItemQueryPool({
      databaseFile: file,
      rowidBounds: () => itemRowidBounds(db),
      threads: 3,
      rankedMatches: 100,
    });
    try {
      const query = q({ text: 'return', sort: byRelevance });
      const expected = listItems(db, query, page, 100);
      expect(expected.total).toBeGreaterThan(400);
      expect(await bounded.list(query, page)).toEqual(expected);
      expect(expected).not.toEqual(listItems(db, query, page));
    } finally {
      await bounded.close();
    }
  });
});

describe('ListFirstQueue', () => {
  const task = (name: string, urgent: boolean) =>
    ({ name, [queueOptionsSymbol]: { urgent } }) as unknown as PiscinaTask;

  it('hands out list reads before facet counts, each in the order they came', () => {
    const queue = new ListFirstQueue();
    const facets = task('facets', false);
    const [a, b] = [task('a', true), task('b', true)];
    queue.push(facets);
    queue.push(a);
    queue.push(b);
    expect(queue.size).toBe(3);
    queue.remove(a);
    expect([queue.shift(), queue.shift(), queue.shift()]).toEqual([b, facets, null]);
  });
});
