import { afterEach } from 'vitest';
import type { CollectorEvent } from '../../src/shared/collectorEvents.ts';
import { defaultSettings, type Settings } from '../../src/shared/settings.ts';
import type { CollectorContext } from '../../src/main/core/collectors/collector.ts';
import { collectGithub, type GithubCollectorDeps } from '../../src/main/core/github/collectGithub.ts';
import { silentLogger, type Logger } from '../../src/main/core/logging/logger.ts';
import { openDatabase, type Database } from '../../src/main/core/store/database.ts';
import { startFakeGithub, type FakeGithub, type FakeGithubOptions } from '../fakes/github/fakeGithub.ts';

export const TOKEN = 'ghp_fake_valid_token_0001';

/**
 * Files kept per repository of the default corpus with all six languages and docs on: two sources per
 * language, the file every repository shares, and README.md (a GitHub docs item).
 */
export const KEPT_PER_REPO = 6 * 2 + 1 + 1;

/** Fast waits for tests: short secondary fallback, no search spacing, quick retries. */
export const FAST: GithubCollectorDeps = {
  secondaryFallbackSeconds: 0.2,
  primaryFallbackSeconds: 0.2,
  searchMinTimeMs: 0,
  retryBaseMs: 20,
  progressIntervalMs: 50,
};

export function githubSettings(fake: FakeGithub, change: (s: Settings) => void = () => {}): Settings {
  const s = defaultSettings();
  s.github.baseUrl = fake.url;
  s.github.token = TOKEN;
  s.github.languages = ['python', 'javascript', 'typescript', 'java', 'go', 'rust'];
  s.github.minStars = 0;
  s.github.pushedAfter = '';
  s.github.minRepoSizeKb = 0;
  s.github.maxRepos = 5;
  s.github.maxFileSizeKb = 64;
  s.pipeline.batchSize = 7;
  change(s);
  return s;
}

export type Run = {
  db: Database;
  events: CollectorEvent[];
  warnings: string[];
  controller: AbortController;
  ctx: CollectorContext;
};

export function makeRun(
  settings: Settings,
  db: Database = openDatabase(':memory:'),
  onEvent?: (e: CollectorEvent, run: Run) => void,
): Run {
  const events: CollectorEvent[] = [];
  const warnings: string[] = [];
  const controller = new AbortController();
  const log: Logger = { ...silentLogger, warn: (m) => warnings.push(m) };
  const run: Run = { db, events, warnings, controller, ctx: undefined as unknown as CollectorContext };
  run.ctx = {
    settings,
    db,
    signal: controller.signal,
    log,
    runId: 1,
    emit: (e) => {
      events.push(e);
      onEvent?.(e, run);
    },
  };
  return run;
}

export function collect(run: Run, deps: GithubCollectorDeps = FAST) {
  return collectGithub(run.ctx, deps);
}

export function storedItems(
  db: Database,
): { id: string; title: string; path: string; metadata: string; blob_sha: string }[] {
  return db.prepare('SELECT id, title, path, metadata, blob_sha FROM items ORDER BY path').all() as never;
}

/** A fresh fake for each test that asks for one, closed after the test. */
export function fakePerTest(defaults: FakeGithubOptions = { corpus: { repos: 20 } }) {
  const open: FakeGithub[] = [];
  afterEach(async () => {
    for (const fake of open.splice(0)) await fake.close();
  });
  return async (options: FakeGithubOptions = {}) => {
    const fake = await startFakeGithub({ ...defaults, ...options });
    open.push(fake);
    return fake;
  };
}

/** Items stored plus duplicates: every kept file of every repository collected. */
export const keptFiles = (r: Awaited<ReturnType<typeof collect>>) =>
  r.progress.items.inserted + r.progress.items.duplicates;

/** The wait events a run reported. */
export const waits = (run: Run) =>
  run.events.filter((e): e is Extract<CollectorEvent, { type: 'wait' }> => e.type === 'wait');
