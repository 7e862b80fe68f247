import type { Database } from './database.ts';
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

/** Every value of every facet with its count, not yet cut to the most frequent. */
export type FacetTally = { values: Record<FacetName, [string, number][]>; collectionTotal: number };

const ownFilterActive = (query: ItemQuery, facet: FacetName) =>
  facet === 'accepted' ? query.filters.accepted !== null : query.filters[facet].length > 0;

/** Whether counting the query's facets reads matching rows (worth splitting) rather than indexes. */
export const facetsReadMatches = (query: ItemQuery) => {
  const w = itemWhere(query);
  return w.searching || w.filtered;
};

type Group = Record<ColumnFacet, string | number | null> & { n: number };

/** Counts of every column facet at once, from one GROUP BY over the matching rows. */
function groups(db: Database, query: ItemQuery, except: FacetName | undefined): Group[] {
  const w = itemWhere(query, { except });
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

function valueCounts(rows: Group[], facet: ColumnFacet): [string, number][] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const value = row[facet];
    if (value === null) continue;
    const key = facet === 'accepted' ? String(value === 1) : String(value);
    counts.set(key, (counts.get(key) ?? 0) + Number(row.n));
  }
  return [...counts];
}

function tagCounts(db: Database, query: ItemQuery): [string, number][] {
  const w = itemWhere(query, { except: 'tag' });
  const scope =
    w.searching || w.filtered
      ? `WHERE item_rowid IN (SELECT ${w.search?.rowid ?? 'f.item_rowid'} FROM ${w.matchesFrom} ${w.where})`
      : '';
  return (
    db.prepare(`SELECT tag, COUNT(*) AS n FROM item_tags ${scope} GROUP BY 1`).all(...w.params) as {
      tag: string;
      n: number;
    }[]
  ).map((r) => [r.tag, Number(r.n)]);
}

/**
 * Counts per facet value for the query. A facet with a value chosen ignores its own filter, so choosing
 * a second language shows what it would add rather than zero.
 */
function tallyFacets(db: Database, query: ItemQuery): FacetTally {
  const shared = groups(db, query, undefined);
  const values = Object.fromEntries(
    COLUMN_FACETS.map((facet) => [
      facet,
      valueCounts(ownFilterActive(query, facet) ? groups(db, query, facet) : shared, facet),
    ]),
  ) as Record<ColumnFacet, [string, number][]>;
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM item_facets').get() as { n: number };
  return { values: { ...values, tag: tagCounts(db, query) }, collectionTotal: Number(n) };
}

/** Keeps each facet's most frequent values (each value is counted once in a tally). */
export function topFacets(tally: FacetTally): ItemFacets {
  const facet = (name: FacetName): FacetCount[] =>
    tally.values[name]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
      .slice(0, TOP[name]);
  return {
    source: facet('source'),
    language: facet('language'),
    repository: facet('repository'),
    license: facet('license'),
    accepted: facet('accepted'),
    tag: facet('tag'),
    collectionTotal: tally.collectionTotal,
  };
}

/** The facets of the query, counted in SQL (a query thread counts big ones in memory: facetReader.ts). */
export const itemFacets = (db: Database, query: ItemQuery): ItemFacets => topFacets(tallyFacets(db, query));
