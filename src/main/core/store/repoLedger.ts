import crypto from 'node:crypto';
import type { GithubSettings } from '../../../shared/settings.ts';
import type { Database } from './database.ts';

/** What the ledger needs of a repository (GitHub's own field names). */
type LedgerRepo = { full_name: string; pushed_at: string | null };

/** A hash of the settings that decide which files of a repository are kept. */
export function fileFiltersKey(settings: GithubSettings): string {
  const { languages, includeDocs, includeGlobs, excludeGlobs, maxFileSizeKb, maxFilesPerRepo } = settings;
  const decisive = {
    languages: [...languages].sort(),
    // Absent (not false) when docs are off, so a re-run of code-only settings still finds its repositories.
    ...(includeDocs ? { includeDocs } : {}),
    includeGlobs,
    excludeGlobs,
    maxFileSizeKb,
    maxFilesPerRepo,
  };
  return crypto.createHash('sha256').update(JSON.stringify(decisive)).digest('hex').slice(0, 16);
}

/**
 * Repositories already read in full. Nothing pushed since (same pushed_at) and the same filters means the
 * same files: a re-run skips them without a request.
 */
export function repoLedger(db: Database, filtersKey: string) {
  const find = db.prepare('SELECT pushed_at, filters FROM github_repos WHERE repository = ?');
  const record = db.prepare(
    `INSERT INTO github_repos (repository, pushed_at, filters, collected_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (repository) DO UPDATE SET pushed_at = excluded.pushed_at, filters = excluded.filters,
       collected_at = excluded.collected_at`,
  );
  return {
    unchanged(repo: LedgerRepo): boolean {
      const row = find.get(repo.full_name) as { pushed_at: string | null; filters: string } | undefined;
      return (
        row !== undefined &&
        repo.pushed_at !== null &&
        row.pushed_at === repo.pushed_at &&
        row.filters === filtersKey
      );
    },
    /** Call inside the transaction that stores the repository's last items. */
    collected(repo: LedgerRepo): void {
      record.run(repo.full_name, repo.pushed_at, filtersKey, new Date().toISOString());
    },
  };
}
