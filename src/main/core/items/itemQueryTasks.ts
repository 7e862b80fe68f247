import type { ItemFacets, ItemPage, ItemQuery, ItemRow, PageRequest } from '../../../shared/itemsContract.ts';
import type { Database } from '../store/database.ts';
import { itemFacets, tallyFacets, type FacetTally } from '../store/itemFacets.ts';
import type { RowidRange } from '../store/itemWhere.ts';
import { countItems, itemRows, listItems } from '../store/listItems.ts';
import { rankedRowids, rankMatches, type RankedMatch } from '../store/rankedSearch.ts';

/** The reads a query thread does; queries arrive parsed (the pool's caller validated them). */
export type ItemQueryTask =
  | { kind: 'page'; query: ItemQuery; page: PageRequest; ranked: number }
  | { kind: 'rankPart'; query: ItemQuery; take: number; range: RowidRange; ranked: number }
  | { kind: 'rows'; query: ItemQuery; rowids: number[] }
  | { kind: 'facets'; query: ItemQuery }
  | { kind: 'facetPart'; query: ItemQuery; range: RowidRange };

/**
 * One part of a split search: how many items in its range match, and the best `take` of those among
 * the search's newest `ranked` matches (see RANKED_MATCHES).
 */
export type RankedPart = { total: number; matches: RankedMatch[] };

export type ItemQueryResults = {
  page: ItemPage;
  rankPart: RankedPart;
  rows: ItemRow[];
  facets: ItemFacets;
  facetPart: FacetTally;
};

export type ItemQueryKind = ItemQueryTask['kind'];
export type TaskOf<K extends ItemQueryKind> = Extract<ItemQueryTask, { kind: K }>;

export function runItemQueryTask<K extends ItemQueryKind>(db: Database, task: TaskOf<K>): ItemQueryResults[K];
export function runItemQueryTask(db: Database, task: ItemQueryTask): ItemQueryResults[ItemQueryKind] {
  switch (task.kind) {
    case 'page':
      return listItems(db, task.query, task.page, task.ranked);
    case 'rankPart': {
      const newest = rankedRowids(db, task.query, task.ranked);
      const ranked = {
        first: Math.max(task.range.first, newest?.first ?? task.range.first),
        last: task.range.last,
      };
      return {
        total: countItems(db, task.query, task.range),
        matches:
          ranked.first > ranked.last
            ? []
            : rankMatches(db, task.query, { offset: 0, limit: task.take }, ranked),
      };
    }
    case 'rows':
      return itemRows(db, task.query, task.rowids);
    case 'facets':
      return itemFacets(db, task.query);
    case 'facetPart':
      return tallyFacets(db, task.query, task.range);
  }
}
