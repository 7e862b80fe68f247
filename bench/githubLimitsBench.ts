import type { FakeGithub } from '../test/fakes/github/fakeGithub.ts';
import { seededRandom } from '../test/fakes/seededRandom.ts';
import { mb, measuredRun } from './githubRun.ts';

/** Downloads of different lengths, so the workers are out of step (each sends at its own time). */
function unevenDownloads(fake: FakeGithub, shortest: number, spread: number): void {
  fake.repos.forEach((r, i) =>
    fake.faults.push({
      endpoint: 'codeload',
      repo: `${r.owner}/${r.name}`,
      kind: 'slow',
      delayMs: shortest + ((i * 173) % spread),
    }),
  );
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Secondary limits (403 without Retry-After, 429 with it) on requests of any kind: none may come early. */
export async function benchSecondaryLimits(): Promise<void> {
  const run = await measuredRun(
    { corpus: { repos: 60 }, latencyMs: 5 },
    40,
    { secondaryFallbackSeconds: 1, searchMinTimeMs: 100 },
    {
      prepare(fake) {
        unevenDownloads(fake, 50, 600);
        fake.secondaryLimits.push(
          { onRequest: 9, windowSeconds: 1 },
          { onRequest: 20, retryAfterSeconds: 1 },
          { onRequest: 33, windowSeconds: 1 },
          { onRequest: 45, retryAfterSeconds: 2 },
        );
      },
    },
  );
  const p = run.result.progress;
  console.log(
    `  secondary limits: 4 on the Nth request of any kind (2 × 403 without Retry-After, 2 × 429 with it), 4 workers, ${p.done} repositories: ${run.result.outcome} in ${run.seconds.toFixed(2)} s`,
  );
  console.log(
    `    requests that came too early: ${run.fake.limitViolations} (goal 0); limit answers ${run.fake.limitAnswers}; waits reported ${run.waits}; files kept ${p.items.inserted + p.items.duplicates}`,
  );
}

/** Cancel at random moments of a run (searching, downloading, in a backoff or a limit's wait). */
export async function benchCancelLatency(): Promise<void> {
  const random = seededRandom(7);
  const latencies: number[] = [];
  const during: Record<string, number> = {};
  for (let i = 0; i < 20; i++) {
    const after = 300 + Math.floor(random() * 4000);
    let cancelledAt = 0;
    let waitUntil = 0;
    let stored = 0;
    const run = await measuredRun(
      { corpus: { repos: 80 }, latencyMs: 20 },
      60,
      // The production waits: 2 s between searches, 1, 4, 9 s between retries, limits as GitHub says.
      { progressIntervalMs: 100 },
      {
        settings: (s) => (s.github.languages = ['python', 'go']),
        prepare(fake) {
          unevenDownloads(fake, 100, 400);
          fake.faults.push({ endpoint: 'tarball', kind: 'status', status: 502, times: 3 });
          fake.secondaryLimits.push({ onRequest: 12, retryAfterSeconds: 3 });
        },
        onEvent(e) {
          if (e.type === 'wait') waitUntil = Math.max(waitUntil, Date.parse(e.until));
          if (e.type === 'progress') stored = e.progress.items.inserted;
        },
        started(controller) {
          setTimeout(() => {
            cancelledAt = performance.now();
            const moment =
              Date.now() < waitUntil ? 'a rate-limit wait' : stored > 0 ? 'collecting' : 'searching';
            during[moment] = (during[moment] ?? 0) + 1;
            controller.abort(new Error('cancelled'));
          }, after);
        },
      },
    );
    if (run.result.outcome === 'cancelled') latencies.push(run.endedAt - cancelledAt);
  }
  latencies.sort((a, b) => a - b);
  const where = Object.entries(during)
    .map(([k, n]) => `${n} in ${k}`)
    .join(', ');
  console.log(
    `  cancel latency over ${latencies.length} cancels at random moments (${where}): p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${latencies.at(-1)!.toFixed(0)} ms (goal < 1,000 ms)`,
  );
}

/** Archives past the caps: skipped as soon as the cap is passed, memory flat. */
export async function benchArchiveBombs(): Promise<void> {
  const before = process.memoryUsage().rss;
  for (const [name, bomb] of [
    ['a 4 MB gzip bomb inflating to 4 GB', { inflatedMb: 4096 }],
    ['5 million empty entries', { entries: 5_000_000 }],
  ] as const) {
    const run = await measuredRun(
      { corpus: { repos: 20 } },
      3,
      { searchMinTimeMs: 0 },
      {
        prepare(fake) {
          fake.faults.push({ endpoint: 'codeload', repo: 'org1/project-1', kind: 'bomb', bomb });
        },
      },
    );
    const skips = run.result.progress.skips;
    const reason = skips.archive_too_large
      ? 'archive_too_large'
      : skips.archive_too_many_entries
        ? 'archive_too_many_entries'
        : 'not skipped';
    console.log(
      `  ${name} (default caps 2,048 MB, 100,000 entries): skipped (${reason}) in a ${run.seconds.toFixed(2)} s run of 3 repositories; peak RSS ${mb(run.peakRss)} (${mb(before)} before)`,
    );
  }
}
