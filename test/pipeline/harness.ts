import fs from 'node:fs';
import path from 'node:path';
import { defaultSettings, type Settings, type SourceId } from '../../src/shared/settings.ts';
import { SOURCE_REGISTRY } from '../../src/main/core/collectors/sources.ts';
import type { RunSnapshot } from '../../src/shared/runsContract.ts';
import { collectGithub } from '../../src/main/core/github/collectGithub.ts';
import { silentLogger } from '../../src/main/core/logging/logger.ts';
import { startPipeline, type PipelineDeps } from '../../src/main/core/pipeline/runPipeline.ts';
import { collectStackOverflow } from '../../src/main/core/stackexchange/stackoverflowCollector.ts';
import { openDatabase, type Database } from '../../src/main/core/store/database.ts';
import type { FakeGithub } from '../fakes/github/fakeGithub.ts';
import type { FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import { FAST } from '../github/harness.ts';
import { FAST_LIMITS } from '../stackexchange/harness.ts';

export const GITHUB_TOKEN = 'ghp_fake_valid_token_0001';
export const SE_KEY = 'fake-se-key-0001';

/** Settings that point both sources at the fakes, small enough for a test. */
export function bothSources(
  github: FakeGithub,
  se: FakeStackExchange,
  change: (s: Settings) => void = () => {},
): Settings {
  const s = defaultSettings();
  Object.assign(s.github, {
    baseUrl: github.url,
    token: GITHUB_TOKEN,
    languages: ['python', 'go'],
    minStars: 0,
    pushedAfter: '',
    minRepoSizeKb: 0,
    maxRepos: 6,
    maxFileSizeKb: 64,
  });
  Object.assign(s.stackoverflow, {
    baseUrl: github.url === se.url ? '' : se.url,
    apiKey: SE_KEY,
    tags: ['python'],
    minQuestionScore: 0,
    minAnswerScore: 0,
    maxQuestions: 150,
  });
  s.pipeline.batchSize = 25;
  change(s);
  return s;
}

/** Collectors with test-sized waits, as the pipeline would run them. */
export const FAST_COLLECTORS: PipelineDeps['collectors'] = {
  github: (ctx) => collectGithub(ctx, FAST),
  stackoverflow: (ctx) => collectStackOverflow(ctx, { limits: FAST_LIMITS, progressIntervalMs: 50 }),
};

export function runWith(
  settings: Settings,
  db: Database = openDatabase(':memory:'),
  extra: Partial<PipelineDeps> = {},
) {
  const snapshots: RunSnapshot[] = [];
  const handle = startPipeline({
    settings,
    db,
    log: silentLogger,
    collectors: FAST_COLLECTORS,
    snapshotIntervalMs: 50,
    onSnapshot: (s) => snapshots.push(s),
    ...extra,
  });
  return { handle, snapshots, db };
}

export const storedIds = (db: Database) =>
  (
    db.prepare('SELECT id, content_hash FROM items ORDER BY id').all() as {
      id: string;
      content_hash: string;
    }[]
  ).map((r) => `${r.id}:${r.content_hash}`);

/**
 * What a run stored, told apart by content: a file that several repositories hold alike is stored once,
 * under whichever repository finished first (which concurrent workers decide), so GitHub items count by
 * blob and Stack Overflow items by id.
 */
export const storedContent = (db: Database) =>
  (
    db
      .prepare(`SELECT source, coalesce(blob_sha, id) AS key, content_hash FROM items ORDER BY source, key`)
      .all() as { source: string; key: string; content_hash: string }[]
  ).map((r) => `${r.source}:${r.key}:${r.content_hash}`);

export async function until(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * A CLI settings file in `dir` with these settings but the secrets, which the CLI reads from the
 * environment.
 */
export function settingsFile(dir: string, settings: Settings): string {
  const { token: _t, ...github } = settings.github;
  const { apiKey: _k, ...stackoverflow } = settings.stackoverflow;
  const file = path.join(dir, 'settings.json');
  fs.writeFileSync(file, JSON.stringify({ github, stackoverflow, pipeline: settings.pipeline }));
  return file;
}

/** Skips as logged: one "source subject reason" line each, sorted. */
export const skipLog = (db: Database) =>
  (
    db.prepare('SELECT source, subject, reason FROM skips ORDER BY source, subject, reason').all() as {
      source: string;
      subject: string;
      reason: string;
    }[]
  ).map((r) => `${r.source} ${r.subject} ${r.reason}`);

/** Items stored per item source. */
export const countBySource = (db: Database): Record<string, number> =>
  Object.fromEntries(
    (
      db.prepare('SELECT source, COUNT(*) AS n FROM items GROUP BY source').all() as {
        source: string;
        n: number;
      }[]
    ).map((r) => [r.source, Number(r.n)]),
  );

/** Items stored per source, by the item kinds the registry gives each (GitHub stores code and docs). */
export function storedPerSource(db: Database): Record<SourceId, number> {
  const bySource = countBySource(db);
  const of = (id: SourceId) =>
    SOURCE_REGISTRY[id].itemKinds.reduce((n, kind) => n + (bySource[kind] ?? 0), 0);
  return { github: of('github'), stackoverflow: of('stackoverflow') };
}
