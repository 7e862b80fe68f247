import type { ItemQuery, PageRequest } from '../../../shared/itemsContract.ts';
import type { Database } from './database.ts';
import { itemWhere, type RowidRange } from './itemWhere.ts';

/**
 * How many matches of a search are ranked by relevance at most: the most recently stored ones. bm25
 * costs about a microsecond a match, so ranking every match of a word half of 100,000 items hold would
 * take most of the time a keystroke may; the older matches of such a search follow the ranked ones,
 * newest first.
 */
export const RANKED_MATCHES = 20_000;

/** A match of a search by relevance: its rowid and bm25 rank (lower is better). */
export type RankedMatch = { rowid: number; rank: number };

/**
 * The rowids holding a search's newest `ranked` matches (from the oldest of them on), or null when no
 * more than `ranked` items match and all are ranked. Reads rowids only: a match costs nanoseconds here.
 */
export function rankedRowids(db: Database, query: ItemQuery, ranked = RANKED_MATCHES): RowidRange | null {
  const w = itemWhere(query);
  if (!w.search) return null;
  const oldest = db
    .prepare(
      `SELECT ${w.search.rowid} AS rowid FROM ${w.matchesFrom} ${w.where} ORDER BY 1 DESC LIMIT 1 OFFSET ?`,
    )
    .get(...w.params, ranked) as { rowid: number } | undefined;
  // The (ranked + 1)-th newest match is the newest one left out.
  return oldest ? { first: Number(oldest.rowid) + 1, last: Number.MAX_SAFE_INTEGER } : null;
}

/** One page of the matches of a search by relevance, best first, within a rowid range when given. */
export function rankMatches(
  db: Database,
  query: ItemQuery,
  page: PageRequest,
  range?: RowidRange,
): RankedMatch[] {
  const w = itemWhere(query, { range });
  if (!w.search) return [];
  // bm25() called directly ranks 50,000 matches in about half the time `ORDER BY rank` takes.
  const { rowid, relevance } = w.search;
  return db
    .prepare(
      `SELECT ${rowid} AS rowid, ${relevance} AS relevance FROM ${w.matchesFrom} ${w.where}
       ORDER BY relevance, ${rowid} LIMIT ? OFFSET ?`,
    )
    .all(...w.params, page.limit, page.offset)
    .map((r) => ({ rowid: Number(r.rowid), rank: Number(r.relevance) }));
}

/** One page of the matches below a rowid, newest first: those a broad search leaves unranked. */
function olderMatches(db: Database, query: ItemQuery, below: number, page: PageRequest): number[] {
  const w = itemWhere(query, { range: { first: Number.MIN_SAFE_INTEGER, last: below - 1 } });
  if (!w.search) return [];
  return db
    .prepare(
      `SELECT ${w.search.rowid} AS rowid FROM ${w.matchesFrom} ${w.where} ORDER BY 1 DESC LIMIT ? OFFSET ?`,
    )
    .all(...w.params, page.limit, page.offset)
    .map((r) => Number(r.rowid));
}

/**
 * The rowids of one page of a search by relevance, `total` being how many items match: the ranked
 * matches (see RANKED_MATCHES) best first, then the ones left unranked, newest first.
 */
export function relevancePage(
  db: Database,
  query: ItemQuery,
  page: PageRequest,
  total: number,
  ranked = RANKED_MATCHES,
): number[] {
  const range = total > ranked ? rankedRowids(db, query, ranked) : null;
  const rankedCount = range ? ranked : total;
  const end = page.offset + page.limit;
  const rowids: number[] = [];
  if (page.offset < rankedCount) {
    const limit = Math.min(end, rankedCount) - page.offset;
    const best = rankMatches(db, query, { offset: page.offset, limit }, range ?? undefined);
    rowids.push(...best.map((m) => m.rowid));
  }
  if (range && end > rankedCount) {
    const from = Math.max(page.offset, rankedCount);
    rowids.push(...olderMatches(db, query, range.first, { offset: from - rankedCount, limit: end - from }));
  }
  return rowids;
}
