import type { Database } from './database.ts';

export type SkipCount = { source: string; reason: string; count: number };

/** The commonest skip reasons over every run, most frequent first. */
export function commonSkipReasons(db: Database, limit: number): SkipCount[] {
  const rows = db
    .prepare(
      'SELECT source, reason, COUNT(*) AS n FROM skips GROUP BY source, reason ORDER BY n DESC LIMIT ?',
    )
    .all(limit) as { source: string; reason: string; n: number }[];
  return rows.map((r) => ({ source: r.source, reason: r.reason, count: Number(r.n) }));
}
