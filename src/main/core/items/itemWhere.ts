import type { SQLInputValue } from 'node:sqlite';
import type { ItemFilters, ItemQuery } from '../../../shared/itemsContract.ts';
import { toFtsQuery } from './ftsQuery.ts';

export type FacetName = 'source' | 'language' | 'repository' | 'tag' | 'license' | 'accepted';

/** Inclusive rowid bounds: one part of a read split between query threads looks only there. */
export type RowidRange = { first: number; last: number };

/**
 * The FROM and WHERE of a query over item_facets (alias f; its item_rowid is the item's rowid);
 * `searching` means items_fts is joined, so it can rank.
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
  const match = toFtsQuery(query.text);
  if (match) {
    clauses.push('items_fts MATCH ?');
    params.push(match);
  }
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
  const filtered = clauses.length > (match ? 1 : 0);
  if (range) {
    clauses.push(`${match ? 'items_fts.rowid' : 'f.item_rowid'} BETWEEN ? AND ?`);
    params.push(range.first, range.last);
  }
  // CROSS JOIN keeps FTS5 the outer loop. Led by an item_facets index instead, SQLite would run the
  // search once per row (with a rowid range it does choose that, and a prefix search then takes minutes).
  const from = match
    ? 'items_fts CROSS JOIN item_facets f ON f.item_rowid = items_fts.rowid'
    : 'item_facets f';
  return {
    from,
    matchesFrom: match && !filtered ? 'items_fts' : from,
    where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '',
    params,
    searching: match !== null,
    filtered,
  };
}
