import type { SortColumn } from '../../../../shared/itemsContract.ts';

export type ListColumn = {
  column: Exclude<SortColumn, 'relevance' | 'source'>;
  label: string;
  /** Pixels; the title takes what is left, at least its width. */
  width: number;
  numeric?: boolean;
};

/** The checkbox and the source icon lead every row. */
const LEAD = [28, 22];
const GAP = 10;
const PADDING = 20;

/** The title's share never shrinks below this: past it, the least useful columns go first. */
export const TITLE_MIN_WIDTH = 220;

export const LIST_COLUMNS: readonly ListColumn[] = [
  { column: 'title', label: 'Title', width: TITLE_MIN_WIDTH },
  { column: 'repository', label: 'Repository / tags', width: 160 },
  { column: 'score', label: 'Score', width: 64, numeric: true },
  { column: 'language', label: 'Language', width: 84 },
  { column: 'lines', label: 'Lines', width: 52, numeric: true },
  { column: 'collectedAt', label: 'Collected', width: 92 },
];

/** Which columns give way first when the list is narrow: lines, then the date, language, repository. */
const HIDE_ORDER: readonly ListColumn['column'][] = [
  'lines',
  'collectedAt',
  'language',
  'repository',
  'score',
];

const widthOf = (columns: readonly ListColumn[]) =>
  PADDING + [...LEAD, ...columns.map((c) => c.width)].reduce((sum, w) => sum + w + GAP, -GAP);

/** The columns that fit a list this many pixels wide, in their usual order; the title always stays. */
export function columnsThatFit(listWidth: number): ListColumn[] {
  let columns = [...LIST_COLUMNS];
  for (const drop of HIDE_ORDER) {
    if (widthOf(columns) <= listWidth) break;
    columns = columns.filter((c) => c.column !== drop);
  }
  return columns;
}

/** The CSS grid columns of the header and every row. */
export const gridTemplate = (columns: readonly ListColumn[]) =>
  [
    ...LEAD.map((w) => `${w}px`),
    ...columns.map((c) => (c.column === 'title' ? `minmax(${c.width}px, 1fr)` : `${c.width}px`)),
  ].join(' ');
