import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { CollectedItem, GithubFileMetadata } from '../../../shared/items.ts';
import type { ExportWriter } from './exportWriter.ts';

/** The CSV columns: the metadata of both sources side by side, then the content. */
export const CSV_COLUMNS = [
  'id',
  'source',
  'title',
  'repository',
  'path',
  'language',
  'lines_of_code',
  'stars',
  'license',
  'url',
  'question_id',
  'answer_id',
  'tags',
  'question_score',
  'answer_score',
  'accepted',
  'author',
  'created_at',
  'collected_at',
  'content',
] as const;

type CsvColumn = (typeof CSV_COLUMNS)[number];
type CsvRecord = Record<CsvColumn, string | number | boolean | null>;

/** The metadata keys each column shows; the others (id, source, title, dates, content) always stay. */
const COLUMN_KEYS: Partial<Record<CsvColumn, readonly string[]>> = {
  repository: ['repository'],
  path: ['path'],
  language: ['language'],
  lines_of_code: ['linesOfCode'],
  stars: ['stars'],
  license: ['license'],
  url: ['fileUrl', 'answerUrl'],
  question_id: ['questionId'],
  answer_id: ['answerId'],
  tags: ['tags'],
  question_score: ['questionScore'],
  answer_score: ['answerScore'],
  accepted: ['accepted'],
  author: ['author'],
  created_at: ['lastModified', 'createdAt'],
};

/** The columns of an export that keeps these metadata keys (null: every column). */
export const csvColumns = (keep: ReadonlySet<string> | null): CsvColumn[] =>
  CSV_COLUMNS.filter((c) => !keep || !COLUMN_KEYS[c] || COLUMN_KEYS[c].some((k) => keep.has(k)));

/** The columns a repository file fills, code or documentation. */
const fileColumns = (m: GithubFileMetadata) => ({
  repository: m.repository,
  path: m.path,
  stars: m.stars,
  license: m.license,
  url: m.fileUrl,
  created_at: m.lastModified,
});

export function csvRecord(item: CollectedItem): CsvRecord {
  const common = { id: item.id, source: item.source, title: item.title, collected_at: item.collectedAt };
  const empty = Object.fromEntries(CSV_COLUMNS.map((c) => [c, null])) as CsvRecord;
  if (item.source === 'github_code') {
    const m = item.metadata;
    return {
      ...empty,
      ...common,
      ...fileColumns(m),
      language: m.language,
      lines_of_code: m.linesOfCode,
      content: item.content,
    };
  }
  if (item.source === 'github_doc') {
    return { ...empty, ...common, ...fileColumns(item.metadata), content: item.content };
  }
  const m = item.metadata;
  return {
    ...empty,
    ...common,
    license: m.license,
    url: m.answerUrl,
    question_id: m.questionId,
    answer_id: m.answerId,
    tags: m.tags.join(';'),
    question_score: m.questionScore,
    answer_score: m.answerScore,
    accepted: m.accepted,
    author: m.author,
    created_at: m.createdAt,
    content: item.content,
  };
}

/** RFC 4180 CSV with a header row, through csv-stringify. */
export function csvWriter(file: string, keep: ReadonlySet<string> | null = null): ExportWriter {
  const output = fs.createWriteStream(file);
  const csv = stringify({ header: true, columns: csvColumns(keep), cast: { boolean: (b) => String(b) } });
  csv.pipe(output);
  return {
    async write(item) {
      if (!csv.write(csvRecord(item))) await once(csv, 'drain');
    },
    async finish() {
      csv.end();
      await finished(output);
    },
    async abort() {
      csv.unpipe(output);
      csv.destroy();
      output.destroy();
      await finished(output).catch(() => undefined);
    },
  };
}
