import type { ItemFacets, ItemPage, ItemQuery, ItemRow, PageRequest } from '../../../shared/itemsContract.ts';
import type { Database } from '../store/database.ts';
import type { RowidRange } from '../store/itemWhere.ts';
import { countItems, itemRows, listItems } from '../store/listItems.ts';
import { rankedRowids, rankMatches, type RankedMatch } from '../store/rankedSearch.ts';
import { createFacetReader } from './facetReader.ts';

/** The reads a query thread does; queries arrive parsed (the pool's caller validated them). */
export type ItemQueryTask =
  | { kind: 'page'; query: ItemQuery; page: PageRequest; ranked: number }
  | { kind: 'rankedRange'; query: ItemQuery; ranked: number }
  | { kind: 'rankPart'; query: ItemQuery; take: number; range: RowidRange }
  | { kind: 'rows'; query: ItemQuery; rowids: number[] }
  | { kind: 'facets'; query: ItemQuery };

/**
 * What a split search ranks: how many items match, and the rowids of its newest `ranked` matches (see
 * RANKED_MATCHES), null when all of them are ranked.
 */
export type RankedRange = { total: number; newest: RowidRange | null };

export type ItemQueryResults = {
  page: ItemPage;
  rankedRange: RankedRange;
  rankPart: RankedMatch[];
  rows: ItemRow[];
  facets: ItemFacets;
};

export type ItemQueryKind = ItemQueryTask['kind'];
export type TaskOf<K extends ItemQueryKind> = Extract<ItemQueryTask, { kind: K }>;

/** Answers a query thread's reads on its connection (facetsInMemoryFrom: see FACETS_IN_MEMORY_FROM). */
export function createItemQueryRunner(db: Database, options: { facetsInMemoryFrom?: number } = {}) {
  const facets = createFacetReader(db, options.facetsInMemoryFrom);
  function run<K extends ItemQueryKind>(task: TaskOf<K>): ItemQueryResults[K];
  function run(task: ItemQueryTask): ItemQueryResults[ItemQueryKind] {
    switch (task.kind) {
      case 'page':
        return listItems(db, task.query, task.page, task.ranked);
      case 'rankedRange': {
        const total = countItems(db, task.query);
        return { total, newest: total > task.ranked ? rankedRowids(db, task.query, task.ranked) : null };
      }
      case 'rankPart':
        return rankMatches(db, task.query, { offset: 0, limit: task.take }, task.range);
      case 'rows':
        return itemRows(db, task.query, task.rowids);
      case 'facets':
        return facets(task.query);
    }
  }
  return run;
}
