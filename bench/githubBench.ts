import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultSettings, type Settings } from '../src/shared/settings.ts';
import { collectGithub, type GithubCollectorDeps } from '../src/main/core/github/collectGithub.ts';
import { silentLogger } from '../src/main/core/logging/logger.ts';
import { openDatabase } from '../src/main/core/store/database.ts';
import { startFakeGithub, type FakeGithub, type FakeGithubOptions } from '../test/fakes/github/fakeGithub.ts';

const TOKEN = 'ghp_fake_valid_token_0001';

function settingsFor(fake: FakeGithub, maxRepos: number): Settings {
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

async function measuredRun(options: FakeGithubOptions, maxRepos: number, deps: GithubCollectorDeps) {
  const fake = await startFakeGithub(options);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-bench-gh-'));
  const db = openDatabase(path.join(folder, 'items.db'));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  let waits = 0;
  const started = performance.now();
  try {
    const result = await collectGithub(
      {
        settings: settingsFor(fake, maxRepos),
        db,
        signal: new AbortController().signal,
        log: silentLogger,
        emit: (e) => void (e.type === 'wait' && waits++),
        runId: 1,
      },
      deps,
    );
    const seconds = (performance.now() - started) / 1000;
    const core =
      fake.totalRequests() - (fake.requests.get('search') ?? 0) - (fake.requests.get('codeload') ?? 0);
    return { result, seconds, core, fake, peakRss, waits };
  } finally {
    clearInterval(sampler);
    db.close();
    await fake.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;

/** GitHub collector against the fake: request cost per file, throughput, memory, and limit discipline. */
export async function benchGithub(): Promise<void> {
  console.log('GitHub collector');
  const full = await measuredRun(
    // Forks and archived ones are not searched: 240 generated give more than 200 matches.
    { latencyMs: 1, corpus: { repos: 240, sourceFilesPerLanguage: 8 } },
    200,
    { searchMinTimeMs: 100 },
  );
  const p = full.result.progress;
  const kept = p.items.inserted + p.items.updated + p.items.unchanged + p.items.duplicates;
  const rejected = Object.values(p.skips).reduce((a, b) => a + b, 0);
  console.log(
    `  ${p.done} repositories, 1 ms latency: ${full.result.outcome} in ${full.seconds.toFixed(2)} s`,
  );
  console.log(
    `    files kept ${kept} (stored ${p.items.inserted}, duplicates ${p.items.duplicates}), rejected ${rejected}`,
  );
  console.log(
    `    core requests ${full.core} → ${(full.core / kept).toFixed(4)} per collected file (goal ≤ 0.05); search requests ${full.fake.requests.get('search') ?? 0}; reported ${p.requests}`,
  );
  console.log(
    `    ${(kept / full.seconds).toFixed(0)} files/s, ${(p.items.inserted / full.seconds).toFixed(0)} items stored/s, peak RSS ${mb(full.peakRss)}`,
  );

  const throttled = await measuredRun({ corpus: { repos: 80 }, coreLimit: 20, coreWindowSeconds: 2 }, 60, {
    searchMinTimeMs: 100,
  });
  const tp = throttled.result.progress;
  console.log(
    `  throttled: 20 core requests per 2 s window, ${tp.done} repositories: ${throttled.result.outcome} in ${throttled.seconds.toFixed(2)} s`,
  );
  console.log(
    `    403/429 the fake had to send: ${throttled.fake.limitAnswers} (goal 0); waits reported ${throttled.waits}; files kept ${tp.items.inserted + tp.items.duplicates}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchGithub();
