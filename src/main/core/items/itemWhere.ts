import type { SQLInputValue } from 'node:sqlite';
import type { ItemFilters, ItemQuery } from '../../../shared/itemsContract.ts';
import { toFtsQuery } from './ftsQuery.ts';

export type FacetName = 'source' | 'language' | 'repository' | 'tag' | 'license' | 'accepted';

/**
 * The FROM and WHERE of a query over item_facets (alias f; its item_rowid is the item's rowid);
 * `searching` means items_fts is joined, so it can rank.
 */
export type ItemWhere = {
  from: string;
  where: string;
  params: SQLInputValue[];
  searching: boolean;
  /** Whether anything beyond the search text narrows the items. */
  filtered: boolean;
};

const inList = (column: string) => `${column} IN (SELECT value FROM json_each(?))`;

/**
 * Builds the SQL that selects the items matching a query. `except` leaves one facet's own filter out,
 * so that facet's counts show what choosing another value would give.
 */
export function itemWhere(query: ItemQuery, except?: FacetName): ItemWhere {
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
  return {
    // CROSS JOIN keeps FTS5 the outer loop. Led by an item_facets index instead, SQLite would run the
    // search once per row (with a rowid range it does choose that, and a prefix search then takes minutes).
    from: match ? 'items_fts CROSS JOIN item_facets f ON f.item_rowid = items_fts.rowid' : 'item_facets f',
    where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '',
    params,
    searching: match !== null,
    filtered: clauses.length > (match ? 1 : 0),
  };
}
