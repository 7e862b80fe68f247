import { pathToFileURL } from 'node:url';
import { measuredRun, mb } from './githubRun.ts';
import { benchArchiveBombs, benchCancelLatency, benchSecondaryLimits } from './githubLimitsBench.ts';

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

  await benchSecondaryLimits();
  await benchCancelLatency();
  await benchArchiveBombs();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchGithub();
