import { beforeAll, describe, expect, it } from 'vitest';
import { itemQuerySchema, type ItemQueryInput } from '../../src/shared/itemsContract.ts';
import type { CollectedItem } from '../../src/shared/items.ts';
import { tallyInMemory } from '../../src/main/core/items/facetsInMemory.ts';
import { readFacetColumns, searchRowids, type FacetColumns } from '../../src/main/core/store/facetColumns.ts';
import { itemFacets, topFacets } from '../../src/main/core/store/itemFacets.ts';
import { openDatabase, type Database } from '../../src/main/core/store/database.ts';
import { upsertItems } from '../../src/main/core/store/itemStore.ts';
import { makeItems } from '../fixtures/itemFactory.ts';

let db: Database;
let items: CollectedItem[];
let columns: FacetColumns;

beforeAll(() => {
  db = openDatabase(':memory:');
  items = makeItems(400, { seed: 7 });
  upsertItems(db, items);
  // Gaps in the rowids, as deletes leave them.
  db.exec('DELETE FROM items WHERE rowid % 7 = 3');
  columns = readFacetColumns(db);
});

const repositoryOf = (i: CollectedItem) => (i.source === 'github_code' ? i.metadata.repository : '');

describe('facet counts from the columns in memory', () => {
  it.each<[string, () => ItemQueryInput]>([
    ['the whole collection', () => ({})],
    ['a word', () => ({ text: 'return' })],
    ['a letter (titles and paths)', () => ({ text: 's' })],
    ['a word and two languages', () => ({ text: 'the', filters: { language: ['go', 'python'] } })],
    [
      'Q&A filters: tags, accepted, minimum score',
      () => ({
        text: 'return',
        filters: { source: ['stackoverflow_qa'], tag: ['pandas', 'rust'], accepted: true, minScore: 2 },
      }),
    ],
    [
      'code filters: licence and repository',
      () => ({
        filters: {
          license: ['MIT'],
          repository: [repositoryOf(items.find((i) => i.source === 'github_code')!)],
        },
      }),
    ],
    ['filters alone', () => ({ filters: { source: ['stackoverflow_qa'], minScore: 5 } })],
    ['a value nobody has', () => ({ text: 'return', filters: { language: ['cobol'] } })],
    ['nothing matching', () => ({ text: 'zzqxjv' })],
  ])('of %s are what SQL counts', (_, input) => {
    const query = itemQuerySchema.parse(input());
    const counted = topFacets(tallyInMemory(columns, query.filters, searchRowids(db, query)));
    expect(counted).toEqual(itemFacets(db, query));
    expect(counted.collectionTotal).toBeGreaterThan(300);
  });
});
