import type { Database } from '../store/database.ts';
import type { FacetCount, ItemFacets, ItemQuery } from '../../../shared/itemsContract.ts';
import { itemWhere, type FacetName } from './itemWhere.ts';

type ColumnFacet = Exclude<FacetName, 'tag'>;
const COLUMN_FACETS: ColumnFacet[] = ['source', 'language', 'repository', 'license', 'accepted'];

/** How many values a facet lists at most (the most frequent first). */
const TOP: Record<FacetName, number> = {
  source: 2,
  language: 20,
  repository: 30,
  tag: 40,
  license: 20,
  accepted: 2,
};

const ownFilterActive = (query: ItemQuery, facet: FacetName) =>
  facet === 'accepted' ? query.filters.accepted !== null : query.filters[facet].length > 0;

type Group = Record<ColumnFacet, string | number | null> & { n: number };

/** Counts of every column facet at once, from one GROUP BY over the matching rows. */
function groups(db: Database, query: ItemQuery, except?: FacetName): Group[] {
  const w = itemWhere(query, except);
  if (!w.searching && !w.filtered) return wholeCollection(db);
  return db
    .prepare(
      `SELECT f.source, f.language, f.repository, f.license, f.accepted, COUNT(*) AS n
       FROM ${w.from} ${w.where} GROUP BY 1, 2, 3, 4, 5`,
    )
    .all(...w.params) as Group[];
}

/** Nothing narrows the list: one indexed GROUP BY per column beats grouping 100,000 rows by five. */
function wholeCollection(db: Database): Group[] {
  const none = { source: null, language: null, repository: null, license: null, accepted: null };
  return COLUMN_FACETS.flatMap((facet) =>
    (
      db
        .prepare(
          `SELECT ${facet} AS value, COUNT(*) AS n FROM item_facets WHERE ${facet} IS NOT NULL GROUP BY 1`,
        )
        .all() as { value: string | number; n: number }[]
    ).map((r) => ({ ...none, [facet]: r.value, n: r.n })),
  );
}

function tally(rows: Group[], facet: ColumnFacet): FacetCount[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const value = row[facet];
    if (value === null) continue;
    const key = facet === 'accepted' ? String(value === 1) : String(value);
    counts.set(key, (counts.get(key) ?? 0) + Number(row.n));
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
    .slice(0, TOP[facet]);
}

function tagCounts(db: Database, query: ItemQuery): FacetCount[] {
  const w = itemWhere(query, 'tag');
  const scope = w.filtered
    ? `WHERE item_rowid IN (SELECT f.item_rowid FROM ${w.from} ${w.where})`
    : w.searching
      ? 'WHERE item_rowid IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)'
      : '';
  const rows = db
    .prepare(
      `SELECT tag AS value, COUNT(*) AS count FROM item_tags ${scope} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?`,
    )
    .all(...w.params, TOP.tag) as { value: string; count: number }[];
  return rows.map((r) => ({ value: r.value, count: Number(r.count) }));
}

/**
 * Counts per facet value for the current query. A facet with a value chosen ignores its own filter, so
 * choosing a second language shows what it would add rather than zero.
 */
export function itemFacets(db: Database, query: ItemQuery): ItemFacets {
  const shared = groups(db, query);
  const counts = Object.fromEntries(
    COLUMN_FACETS.map((facet) => [
      facet,
      tally(ownFilterActive(query, facet) ? groups(db, query, facet) : shared, facet),
    ]),
  ) as Record<ColumnFacet, FacetCount[]>;
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM item_facets').get() as { n: number };
  return { ...counts, tag: tagCounts(db, query), collectionTotal: Number(n) };
}
