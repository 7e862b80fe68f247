import type { SQLInputValue } from 'node:sqlite';
import type { ItemFilters, ItemQuery } from '../../../shared/itemsContract.ts';
import { toFtsQuery } from './ftsQuery.ts';

export type FacetName = 'source' | 'language' | 'repository' | 'tag' | 'license' | 'accepted';

/** Inclusive rowid bounds: one part of a read split between query threads looks only there. */
export type RowidRange = { first: number; last: number };

/** The full-text table a search reads first: everything, or titles and paths only (a short word). */
export type SearchTable = 'items_fts' | 'items_titles_fts';

/** bm25 with a match in the title worth ten in the content and one in the path five. */
const RELEVANCE: Record<SearchTable, string> = {
  items_fts: 'bm25(items_fts, 10.0, 5.0, 1.0)',
  items_titles_fts: 'bm25(items_titles_fts, 2.0, 1.0)',
};

/**
 * The FROM and WHERE of a query over item_facets (alias f; its item_rowid is the item's rowid);
 * `searching` means a full-text table (`search`) is joined, so it can rank.
 */
export type ItemWhere = {
  from: string;
  /**
   * The FROM for reading just rowids (and ranks): FTS5 alone for a plain search, which counts and ranks
   * much faster without the join (every item has its item_facets row, so nothing is lost).
   */
  matchesFrom: string;
  where: string;
  params: SQLInputValue[];
  searching: boolean;
  /** The full-text table searched (its rowid is the item's) and how it ranks, when searching. */
  search: { table: SearchTable; rowid: string; relevance: string } | null;
  /** Whether anything beyond the search text narrows the items. */
  filtered: boolean;
};

const inList = (column: string) => `${column} IN (SELECT value FROM json_each(?))`;

/**
 * Builds the SQL that selects the items matching a query. `except` leaves one facet's own filter out,
 * so that facet's counts show what choosing another value would give; `range` keeps to those rowids.
 */
export function itemWhere(
  query: ItemQuery,
  options: { except?: FacetName; range?: RowidRange } = {},
): ItemWhere {
  const { except, range } = options;
  const clauses: string[] = [];
  const params: SQLInputValue[] = [];
  const { everywhere, titles } = toFtsQuery(query.text);
  // The content index leads when there is a whole word; a short word being typed then narrows by titles.
  const table: SearchTable | null = everywhere ? 'items_fts' : titles ? 'items_titles_fts' : null;
  if (everywhere) {
    clauses.push('items_fts MATCH ?');
    params.push(everywhere);
  }
  if (titles) {
    clauses.push(
      everywhere
        ? '+items_fts.rowid IN (SELECT rowid FROM items_titles_fts WHERE items_titles_fts MATCH ?)'
        : 'items_titles_fts MATCH ?',
    );
    params.push(titles);
  }
  const searchClauses = clauses.length;
  const f: ItemFilters = query.filters;
  const lists: [FacetName, string, string[]][] = [
    ['source', 'f.source', f.source],
    ['language', 'f.language', f.language],
    ['repository', 'f.repository', f.repository],
    ['license', 'f.license', f.license],
  ];
  for (const [facet, column, values] of lists) {
    if (values.length === 0 || facet === except) continue;
    clauses.push(inList(column));
    params.push(JSON.stringify(values));
  }
  if (f.tag.length > 0 && except !== 'tag') {
    clauses.push(`f.item_rowid IN (SELECT item_rowid FROM item_tags WHERE ${inList('tag')})`);
    params.push(JSON.stringify(f.tag));
  }
  if (f.accepted !== null && except !== 'accepted') {
    clauses.push('f.accepted = ?');
    params.push(f.accepted ? 1 : 0);
  }
  if (f.minScore !== null) {
    clauses.push('f.score >= ?');
    params.push(f.minScore);
  }
  const filtered = clauses.length > searchClauses;
  if (range) {
    clauses.push(`${table ? `${table}.rowid` : 'f.item_rowid'} BETWEEN ? AND ?`);
    params.push(range.first, range.last);
  }
  // CROSS JOIN keeps FTS5 the outer loop. Led by an item_facets index instead, SQLite would run the
  // search once per row (with a rowid range it does choose that, and a prefix search then takes minutes).
  const from = table ? `${table} CROSS JOIN item_facets f ON f.item_rowid = ${table}.rowid` : 'item_facets f';
  return {
    from,
    matchesFrom: table && !filtered ? table : from,
    where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '',
    params,
    searching: table !== null,
    search: table ? { table, rowid: `${table}.rowid`, relevance: RELEVANCE[table] } : null,
    filtered,
  };
}
