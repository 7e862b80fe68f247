import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CollectorEvent } from '../src/shared/collectorEvents.ts';
import { defaultSettings, type Settings } from '../src/shared/settings.ts';
import { collectGithub, type GithubCollectorDeps } from '../src/main/core/github/collectGithub.ts';
import { silentLogger } from '../src/main/core/logging/logger.ts';
import { openDatabase } from '../src/main/core/store/database.ts';
import { startFakeGithub, type FakeGithub, type FakeGithubOptions } from '../test/fakes/github/fakeGithub.ts';

const TOKEN = 'ghp_fake_valid_token_0001';

export function settingsFor(fake: FakeGithub, maxRepos: number): Settings {
  const s = defaultSettings();
  Object.assign(s.github, {
    baseUrl: fake.url,
    token: TOKEN,
    languages: ['python', 'javascript', 'typescript', 'java', 'go', 'rust'],
    minStars: 0,
    pushedAfter: '',
    minRepoSizeKb: 0,
    maxRepos,
  });
  return s;
}

export type RunHooks = {
  /** Faults, limits and files of the fake, before the run. */
  prepare?(fake: FakeGithub): void;
  settings?(s: Settings): void;
  /** The run has started: its controller (to cancel it) and the events it emits. */
  started?(controller: AbortController): void;
  onEvent?(event: CollectorEvent): void;
};

/** One GitHub collection against a fresh fake, measured: time, requests the fake saw, peak RSS, waits. */
export async function measuredRun(
  options: FakeGithubOptions,
  maxRepos: number,
  deps: GithubCollectorDeps,
  hooks: RunHooks = {},
) {
  const fake = await startFakeGithub(options);
  hooks.prepare?.(fake);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-bench-gh-'));
  const db = openDatabase(path.join(folder, 'items.db'));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  let waits = 0;
  const controller = new AbortController();
  const settings = settingsFor(fake, maxRepos);
  hooks.settings?.(settings);
  const started = performance.now();
  try {
    const run = collectGithub(
      {
        settings,
        db,
        signal: controller.signal,
        log: silentLogger,
        emit: (e) => {
          if (e.type === 'wait') waits++;
          hooks.onEvent?.(e);
        },
        runId: 1,
      },
      deps,
    );
    hooks.started?.(controller);
    const result = await run;
    const endedAt = performance.now();
    const seconds = (endedAt - started) / 1000;
    const core =
      fake.totalRequests() - (fake.requests.get('search') ?? 0) - (fake.requests.get('codeload') ?? 0);
    return { result, seconds, endedAt, core, fake, peakRss, waits };
  } finally {
    clearInterval(sampler);
    db.close();
    await fake.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

export const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
