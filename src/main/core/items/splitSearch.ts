import type { PageRequest } from '../../../shared/itemsContract.ts';
import type { RowidRange } from '../store/itemWhere.ts';
import type { RankedMatch } from '../store/rankedSearch.ts';

/**
 * Cuts the rowids from `bounds.first` to `bounds.last` into `parts` ranges of (nearly) equal width. The
 * last range has no end: items a run stores after the bounds were read (higher rowids) are not missed.
 */
export function splitRowids(bounds: RowidRange, parts: number): RowidRange[] {
  const width = bounds.last - bounds.first + 1;
  const count = Math.max(1, Math.min(parts, width));
  const start = (i: number) => bounds.first + Math.floor((width * i) / count);
  return Array.from({ length: count }, (_, i) => ({
    first: start(i),
    last: i === count - 1 ? Number.MAX_SAFE_INTEGER : start(i + 1) - 1,
  }));
}

/**
 * The page's rowids from the best matches of every part. bm25 reads its statistics from the whole table,
 * so ranks from different parts compare; ties go to the lower rowid, as in the single query.
 */
export function mergeRanked(parts: readonly (readonly RankedMatch[])[], page: PageRequest): number[] {
  return parts
    .flat()
    .sort((a, b) => a.rank - b.rank || a.rowid - b.rowid)
    .slice(page.offset, page.offset + page.limit)
    .map((m) => m.rowid);
}
