import { describe, expect, it } from 'vitest';
import { MATCH_END as E, MATCH_START as S } from '../../src/shared/itemsContract.ts';
import { dropVisiblePrefix } from '../../src/renderer/src/pages/items/markers.ts';
import { exportStatusText, splitPath } from '../../src/renderer/src/pages/items/exportStatus.ts';
import { facetOptions } from '../../src/renderer/src/pages/items/facetOptions.ts';
import { formatDate } from '../../src/renderer/src/pages/items/formatDate.ts';
import {
  TITLE_MIN_WIDTH,
  columnsThatFit,
  gridTemplate,
} from '../../src/renderer/src/pages/items/listColumns.ts';
import { effectiveSort } from '../../src/renderer/src/pages/items/queryState.ts';
import { parseSortValue, sortOptions } from '../../src/renderer/src/pages/items/sortOptions.ts';

describe('dropVisiblePrefix', () => {
  it('counts only visible characters and keeps a straddling match open', () => {
    expect(dropVisiblePrefix(`acme/api/src/${S}parse${E}.py`, 'acme/api/'.length)).toBe(
      `src/${S}parse${E}.py`,
    );
    expect(dropVisiblePrefix(`${S}acme${E}/x.py`, 2)).toBe(`${S}me${E}/x.py`);
  });
});

describe('columnsThatFit', () => {
  const names = (width: number) => columnsThatFit(width).map((c) => c.column);
  it('shows every column when there is room, and drops the least useful first', () => {
    expect(names(1200)).toEqual(['title', 'repository', 'score', 'language', 'lines', 'collectedAt']);
    expect(names(700)).not.toContain('lines');
    expect(names(560)).toEqual(['title', 'repository', 'score']);
    expect(names(300)).toEqual(['title']);
  });
  it('never gives the title less than its minimum', () => {
    for (const width of [300, 420, 560, 700, 900, 1200]) {
      const columns = columnsThatFit(width);
      const others = columns.filter((c) => c.column !== 'title').reduce((n, c) => n + c.width + 10, 0);
      if (columns.length > 1)
        expect(width - 20 - 28 - 22 - 20 - others).toBeGreaterThanOrEqual(TITLE_MIN_WIDTH);
    }
  });
  it('builds the grid template with the title flexible', () => {
    expect(gridTemplate(columnsThatFit(300))).toBe(`28px 22px minmax(${TITLE_MIN_WIDTH}px, 1fr)`);
  });
});

describe('sortOptions', () => {
  it('offers relevance only while searching and names every sort', () => {
    expect(sortOptions(false).map((o) => o.value)).not.toContain('relevance:asc');
    expect(sortOptions(true)[0]).toEqual({ value: 'relevance:asc', label: 'Relevance' });
    for (const o of sortOptions(true)) expect(parseSortValue(o.value)).not.toBeNull();
    expect(parseSortValue('nonsense:up')).toBeNull();
  });
});

describe('effectiveSort', () => {
  it('is relevance while searching, newest otherwise, and the chosen sort when it means something', () => {
    expect(effectiveSort(null, 'parse')).toEqual({ column: 'relevance', direction: 'asc' });
    expect(effectiveSort(null, '  ')).toEqual({ column: 'collectedAt', direction: 'desc' });
    const byTitle = { column: 'title', direction: 'asc' } as const;
    expect(effectiveSort(byTitle, 'parse')).toEqual(byTitle);
    expect(effectiveSort({ column: 'relevance', direction: 'asc' }, '')).toEqual({
      column: 'collectedAt',
      direction: 'desc',
    });
  });
});

describe('facetOptions', () => {
  it('keeps every value of the collection in its order, at 0 when the results have none', () => {
    const collection = [
      { value: 'python', count: 50 },
      { value: 'go', count: 20 },
    ];
    expect(facetOptions({ counts: [{ value: 'go', count: 3 }], collection, chosen: [] })).toEqual([
      { value: 'python', count: 0 },
      { value: 'go', count: 3 },
    ]);
    expect(facetOptions({ counts: [], collection, chosen: ['rust'] })).toEqual([
      { value: 'python', count: 0 },
      { value: 'go', count: 0 },
      { value: 'rust', count: 0 },
    ]);
    expect(facetOptions({ counts: undefined, chosen: [] })).toEqual([]);
  });
});

describe('formatDate', () => {
  it("writes dates in the user's locale and leaves other text alone", () => {
    expect(formatDate('2025-06-01T10:00:00.000Z', 'en-US')).toBe('Jun 1, 2025');
    expect(formatDate('2025-06-01T10:00:00.000Z', 'de-DE')).toBe('1. Juni 2025');
    expect(formatDate('not a date')).toBe('not a date');
  });
});

describe('exportStatusText', () => {
  const e = { exportId: 'x', file: '/home/me/exports/corpus.jsonl', done: 0, total: 0 };
  it('never says "0 / 0": an export is prepared until its first batch is counted', () => {
    expect(exportStatusText({ ...e, status: 'running' })).toBe('Preparing the export to corpus.jsonl…');
    expect(exportStatusText({ ...e, status: 'running', done: 500, total: 1200 })).toBe(
      'Exporting 500 of 1,200 items to corpus.jsonl',
    );
  });
  it('names the file and its folder at the end, and what happened otherwise', () => {
    expect(exportStatusText({ ...e, status: 'completed', done: 1, total: 1 })).toBe(
      'Exported 1 item to corpus.jsonl in /home/me/exports',
    );
    expect(exportStatusText({ ...e, status: 'cancelled' })).toBe(
      'Export cancelled; corpus.jsonl was removed.',
    );
    expect(exportStatusText({ ...e, status: 'failed', error: 'Disk full at /home' })).toMatch(
      /^The export to corpus.jsonl failed: Disk full at \/home\. No file was kept/,
    );
  });
  it('splits Windows paths too', () => {
    expect(splitPath('C:\\Users\\me\\corpus.csv')).toEqual({ name: 'corpus.csv', folder: 'C:\\Users\\me' });
  });
});
