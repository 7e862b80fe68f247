import type { Database } from '../store/database.ts';
import {
  MATCH_END,
  MATCH_START,
  type ItemPage,
  type ItemQuery,
  type ItemRow,
  type PageRequest,
  type SortColumn,
} from '../../../shared/itemsContract.ts';
import type { ItemSource } from '../../../shared/items.ts';
import { itemWhere } from './itemWhere.ts';

const SORT_SQL: Record<Exclude<SortColumn, 'relevance'>, string> = {
  source: 'f.source',
  title: 'f.title',
  repository: 'f.repository',
  score: 'f.score',
  language: 'f.language',
  lines: 'f.lines',
  collectedAt: 'f.collected_at',
};

type RowRecord = {
  rowid: number;
  id: string;
  source: ItemSource;
  title: string;
  title_highlight: string | null;
  excerpt: string;
  repository: string | null;
  tags: string | null;
  score: number | null;
  language: string | null;
  lines: number | null;
  license: string | null;
  accepted: number | null;
  collected_at: string;
};

function orderBy(query: ItemQuery, searching: boolean): string {
  const { column, direction } = query.sort;
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  if (column === 'relevance')
    return searching ? 'items_fts.rank, f.item_rowid' : 'f.collected_at DESC, f.item_rowid DESC';
  return `${SORT_SQL[column]} ${dir}, f.item_rowid ${dir}`;
}

/** The first lines worth showing: the question for Q&A, the first code lines otherwise. */
function plainExcerpt(source: ItemSource, head: string): string {
  const body = source === 'stackoverflow_qa' ? (head.split('\nQuestion:\n')[1] ?? head) : head;
  return body
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 3)
    .join(' · ')
    .slice(0, 240);
}

/**
 * One page of the list: the total, then the page's rowids in order (cheap: indexes only), then the
 * columns and highlighted snippets of just those rows.
 */
export function listItems(db: Database, query: ItemQuery, page: PageRequest): ItemPage {
  const w = itemWhere(query);
  // Every item has its item_facets row, so a plain search is counted by FTS5 alone, much faster.
  const countSql =
    w.searching && !w.filtered
      ? 'SELECT COUNT(*) AS total FROM items_fts WHERE items_fts MATCH ?'
      : `SELECT COUNT(*) AS total FROM ${w.from} ${w.where}`;
  const { total } = db.prepare(countSql).get(...w.params) as { total: number };
  if (page.limit === 0 || page.offset >= total) return { rows: [], total };
  const ids = db
    .prepare(
      `SELECT f.item_rowid AS rowid FROM ${w.from} ${w.where} ORDER BY ${orderBy(query, w.searching)} LIMIT ? OFFSET ?`,
    )
    .all(...w.params, page.limit, page.offset)
    .map((r) => Number(r.rowid));
  const marks = `'${MATCH_START}', '${MATCH_END}'`;
  const text = w.searching
    ? `highlight(items_fts, 0, ${marks}) AS title_highlight, snippet(items_fts, 2, ${marks}, '…', 16) AS excerpt`
    : `NULL AS title_highlight, substr(items.content, 1, 400) AS excerpt`;
  const records = db
    .prepare(
      `SELECT items.rowid AS rowid, items.id, items.source, items.title, ${text}, f.repository,
         json_extract(items.metadata, '$.tags') AS tags, f.score, f.language, f.lines,
         f.license, f.accepted, items.collected_at
       FROM ${w.from} JOIN items ON items.rowid = f.item_rowid
       WHERE ${w.searching ? 'items_fts MATCH ? AND ' : ''}items.rowid IN (SELECT value FROM json_each(?))`,
    )
    .all(...(w.searching ? [w.params[0]] : []), JSON.stringify(ids)) as RowRecord[];
  const byRowid = new Map(records.map((r) => [Number(r.rowid), r]));
  const rows = ids.flatMap((rowid) => {
    const r = byRowid.get(rowid);
    return r ? [toRow(r, w.searching)] : [];
  });
  return { rows, total };
}

function toRow(r: RowRecord, searching: boolean): ItemRow {
  return {
    id: r.id,
    source: r.source,
    title: r.title,
    titleHighlight: r.title_highlight,
    snippet: searching ? r.excerpt.replace(/\s+/g, ' ').trim() : plainExcerpt(r.source, r.excerpt),
    repository: r.repository,
    tags: r.tags ? (JSON.parse(r.tags) as string[]) : [],
    score: r.score,
    language: r.language,
    lines: r.lines,
    license: r.license,
    accepted: r.accepted === null ? null : r.accepted === 1,
    collectedAt: r.collected_at,
  };
}
