import type { Database } from './database.ts';
import {
  type ItemPage,
  type ItemQuery,
  type ItemRow,
  type PageRequest,
  type SortColumn,
} from '../../../shared/itemsContract.ts';
import type { ItemSource } from '../../../shared/items.ts';
import { searchTerms, type SearchTerm } from './ftsQuery.ts';
import { itemWhere, type RowidRange } from './itemWhere.ts';
import { highlightMatches, matchSnippet } from './matchHighlight.ts';
import { RANKED_MATCHES, relevancePage } from './rankedSearch.ts';

/** Where the answer starts in a Q&A item's content (the collector's layout: Title, Question, Answer). */
const ANSWER_HEADING = '\n\nAnswer:\n';

/** How much of a matching item's content the snippet is looked for in. */
const SEARCHED_TEXT = 50_000;

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
  excerpt: string;
  repository: string | null;
  tags: string | null;
  score: number | null;
  language: string | null;
  lines: number | null;
  license: string | null;
  accepted: number | null;
  answer_score: number | null;
  author: string | null;
  collected_at: string;
};

/** The rowids the items span now; null when there are none. */
export function itemRowidBounds(db: Database): RowidRange | null {
  const r = db.prepare('SELECT min(rowid) AS first, max(rowid) AS last FROM items').get() as {
    first: number | null;
    last: number | null;
  };
  return r.first === null || r.last === null ? null : { first: Number(r.first), last: Number(r.last) };
}

function orderBy(query: ItemQuery): string {
  const { column, direction } = query.sort;
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  if (column === 'relevance') return 'f.collected_at DESC, f.item_rowid DESC';
  return `${SORT_SQL[column]} ${dir}, f.item_rowid ${dir}`;
}

/** How many items match the query, within a rowid range when given. */
export function countItems(db: Database, query: ItemQuery, range?: RowidRange): number {
  const w = itemWhere(query, { range });
  const { total } = db
    .prepare(`SELECT COUNT(*) AS total FROM ${w.matchesFrom} ${w.where}`)
    .get(...w.params) as {
    total: number;
  };
  return Number(total);
}

/** Whether a query is a search ranked by relevance (the one kind of list worth splitting between threads). */
export const ranksByRelevance = (query: ItemQuery) =>
  query.sort.column === 'relevance' && itemWhere(query).searching;

/** The rowids of one page of the list in the query's order, `total` being how many items match. */
function pageRowids(
  db: Database,
  query: ItemQuery,
  page: PageRequest,
  total: number,
  ranked: number,
): number[] {
  if (ranksByRelevance(query)) return relevancePage(db, query, page, total, ranked);
  const w = itemWhere(query);
  return db
    .prepare(
      `SELECT f.item_rowid AS rowid FROM ${w.from} ${w.where} ORDER BY ${orderBy(query)} LIMIT ? OFFSET ?`,
    )
    .all(...w.params, page.limit, page.offset)
    .map((r) => Number(r.rowid));
}

/** The list rows of these items in the order given, with the query's words highlighted. */
export function itemRows(db: Database, query: ItemQuery, rowids: readonly number[]): ItemRow[] {
  const terms = searchTerms(query.text);
  const contentTerms = terms.filter((t) => !t.titlesOnly);
  // Snippets are cut here for the rows on screen: FTS5's snippet() would walk every match of a common word.
  // Without a search a Q&A row shows its answer, which tells the answers to one question apart.
  const excerpt =
    contentTerms.length > 0
      ? `substr(items.content, 1, ${SEARCHED_TEXT})`
      : `CASE WHEN instr(items.content, '${ANSWER_HEADING}') > 0 AND items.source = 'stackoverflow_qa'
           THEN substr(items.content, instr(items.content, '${ANSWER_HEADING}') + ${ANSWER_HEADING.length}, 400)
           ELSE substr(items.content, 1, 400) END`;
  const records = db
    .prepare(
      `SELECT items.rowid AS rowid, items.id, items.source, items.title,
         ${excerpt} AS excerpt, f.repository,
         json_extract(items.metadata, '$.tags') AS tags, f.score, f.language, f.lines,
         f.license, f.accepted, json_extract(items.metadata, '$.answerScore') AS answer_score,
         json_extract(items.metadata, '$.author') AS author, items.collected_at
       FROM items JOIN item_facets f ON items.rowid = f.item_rowid
       WHERE items.rowid IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(rowids)) as RowRecord[];
  const byRowid = new Map(records.map((r) => [Number(r.rowid), r]));
  return rowids.flatMap((rowid) => {
    const r = byRowid.get(rowid);
    return r ? [toRow(r, terms)] : [];
  });
}

/**
 * One page of the list and the total, all on this thread (the query pool splits big searches); a search
 * by relevance ranks its newest `ranked` matches (see RANKED_MATCHES).
 */
export function listItems(
  db: Database,
  query: ItemQuery,
  page: PageRequest,
  ranked = RANKED_MATCHES,
): ItemPage {
  const total = countItems(db, query);
  if (page.limit === 0 || page.offset >= total) return { rows: [], total };
  return { rows: itemRows(db, query, pageRowids(db, query, page, total, ranked)), total };
}

/** The first lines worth showing: the answer's for Q&A, the first code lines otherwise. */
function plainExcerpt(head: string): string {
  return head
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 3)
    .join(' · ')
    .slice(0, 240);
}

/** A row with the search words marked: every word in the title, the content's words in the snippet. */
function toRow(r: RowRecord, terms: readonly SearchTerm[]): ItemRow {
  const searching = terms.length > 0;
  const contentTerms = terms.filter((t) => !t.titlesOnly);
  return {
    id: r.id,
    source: r.source,
    title: r.title,
    titleHighlight: searching ? highlightMatches(r.title, terms) : null,
    snippet: contentTerms.length ? matchSnippet(r.excerpt, contentTerms) : plainExcerpt(r.excerpt),
    repository: r.repository,
    tags: r.tags ? (JSON.parse(r.tags) as string[]) : [],
    score: r.score,
    language: r.language,
    lines: r.lines,
    license: r.license,
    accepted: r.accepted === null ? null : r.accepted === 1,
    answerScore: r.answer_score,
    author: r.author,
    collectedAt: r.collected_at,
  };
}
