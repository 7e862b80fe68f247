import { describe, expect, it } from 'vitest';
import { mergeRanked, splitRowids } from '../../src/main/core/items/splitSearch.ts';

describe('splitRowids', () => {
  it('covers the bounds with adjacent ranges of nearly equal width, the last one open', () => {
    const ranges = splitRowids({ first: 5, last: 104 }, 3);
    expect(ranges).toEqual([
      { first: 5, last: 37 },
      { first: 38, last: 70 },
      { first: 71, last: Number.MAX_SAFE_INTEGER },
    ]);
  });

  it('never makes an empty range', () => {
    expect(splitRowids({ first: 7, last: 8 }, 4)).toEqual([
      { first: 7, last: 7 },
      { first: 8, last: Number.MAX_SAFE_INTEGER },
    ]);
    expect(splitRowids({ first: 3, last: 3 }, 2)).toEqual([{ first: 3, last: Number.MAX_SAFE_INTEGER }]);
  });
});

describe('mergeRanked', () => {
  const parts = [
    [
      { rowid: 1, rank: -9 },
      { rowid: 4, rank: -3 },
      { rowid: 6, rank: -1 },
    ],
    [
      { rowid: 10, rank: -7 },
      { rowid: 12, rank: -3 },
    ],
  ];

  it('orders by rank, then by rowid as the single query does', () => {
    expect(mergeRanked(parts, { offset: 0, limit: 10 })).toEqual([1, 10, 4, 12, 6]);
  });

  it('takes the page out of the merged order', () => {
    expect(mergeRanked(parts, { offset: 1, limit: 2 })).toEqual([10, 4]);
    expect(mergeRanked(parts, { offset: 5, limit: 2 })).toEqual([]);
  });
});
