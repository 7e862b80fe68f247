import type {
  RunDetails,
  RunErrorGroup,
  SkipPage,
  SkipQuery,
  SkipReasonCount,
  SkipRow,
} from '../../../shared/runsContract.ts';
import { SOURCES, type Settings, type SourceId } from '../../../shared/settings.ts';
import { createRunsTable } from './runsTable.ts';
import type { Database } from './database.ts';

/** "github: token rejected" -> { source: 'github', message: 'token rejected' }, counted per message. */
export function groupErrors(errors: readonly string[]): RunErrorGroup[] {
  const groups = new Map<string, RunErrorGroup>();
  for (const line of errors) {
    const prefix = /^([a-z]+): /.exec(line);
    const source =
      prefix && (SOURCES as readonly string[]).includes(prefix[1]) ? (prefix[1] as SourceId) : undefined;
    const message = source ? line.slice(prefix![0].length) : line;
    const key = `${source ?? ''}\u0000${message}`;
    const group = groups.get(key) ?? { ...(source ? { source } : {}), message, count: 0 };
    group.count++;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

/** A run's page: summary, the settings it used, errors grouped, skips counted by source and reason. */
export function readRunDetails(db: Database, runId: number): RunDetails | null {
  const summary = createRunsTable(db).get(runId);
  if (!summary) return null;
  const { settings } = db.prepare('SELECT settings FROM runs WHERE id = ?').get(runId) as {
    settings: string;
  };
  const skips = db
    .prepare(
      `SELECT source, reason, COUNT(*) AS count FROM skips WHERE run_id = ?
       GROUP BY source, reason ORDER BY count DESC, source, reason`,
    )
    .all(runId) as SkipReasonCount[];
  return {
    summary,
    settings: JSON.parse(settings) as Settings,
    errors: groupErrors(summary.errors),
    errorsKept: summary.errors.length,
    skips: skips.map((s) => ({ ...s, count: Number(s.count) })),
  };
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** "Why was this skipped?": one page of a run's skips, newest first, with the total that match. */
export function listRunSkips(db: Database, runId: number, query: SkipQuery): SkipPage {
  const where = ['run_id = ?'];
  const params: (string | number)[] = [runId];
  if (query.source) {
    where.push('source = ?');
    params.push(query.source);
  }
  if (query.reason) {
    where.push('reason = ?');
    params.push(query.reason);
  }
  if (query.text) {
    where.push("(subject LIKE ? ESCAPE '\\' OR detail LIKE ? ESCAPE '\\')");
    params.push(likePattern(query.text), likePattern(query.text));
  }
  const sql = `FROM skips WHERE ${where.join(' AND ')}`;
  const total = Number((db.prepare(`SELECT COUNT(*) AS n ${sql}`).get(...params) as { n: number }).n);
  const rows = db
    .prepare(`SELECT id, source, subject, reason, detail, at ${sql} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...params, query.limit, query.offset) as SkipRow[];
  return { rows: rows.map((r) => ({ ...r, id: Number(r.id) })), total };
}
