import { describe, expect, it } from 'vitest';
import { createTokenLimits } from '../../src/main/core/github/tokenLimits.ts';
import {
  collect,
  fakePerTest,
  FAST,
  githubSettings,
  KEPT_PER_REPO,
  keptFiles,
  makeRun,
  waits,
} from './harness.ts';

const fakeWith = fakePerTest();

describe('a spent quota whose reset cannot be taken at its word', () => {
  it("reads the reset against GitHub's clock: with ours 2 minutes ahead it waits instead of sending a burst", async () => {
    const fake = await fakeWith();
    // GitHub's clock 2 minutes behind ours: its reset, 2 s away for it, is 118 s past for us.
    fake.clockSkewSeconds = -120;
    fake.core.remaining = 0;
    fake.core.reset = Math.ceil(Date.now() / 1000) + 2;
    const run = makeRun(githubSettings(fake, (s) => (s.github.maxRepos = 3)));
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(result.progress.skips.repo_forbidden).toBeUndefined();
    expect(keptFiles(result)).toBe(3 * KEPT_PER_REPO);
    expect(waits(run).map((w) => w.reason)).toContain('GitHub core quota spent');
    // What was in flight when the first refusal came (the workers' first tarballs), and nothing after.
    expect(fake.limitViolations).toBeLessThanOrEqual(4);
  });

  it('waits a minimum after the recorded primary 403 that carries no reset at all, and collects the repository', async () => {
    const fake = await fakeWith();
    fake.faults.push({ endpoint: 'tarball', repo: 'org1/project-1', kind: 'primaryNoReset' });
    const run = makeRun(githubSettings(fake, (s) => (s.github.maxRepos = 3)));
    const started = Date.now();
    const result = await collect(run, { ...FAST, primaryFallbackSeconds: 1 });
    expect(result.outcome).toBe('completed');
    expect(result.progress.skips.repo_forbidden).toBeUndefined();
    expect(keptFiles(result)).toBe(3 * KEPT_PER_REPO);
    const [wait] = waits(run);
    expect(wait.reason).toBe('GitHub core quota spent');
    expect(Date.parse(wait.until) - started).toBeGreaterThanOrEqual(1000);
    expect(fake.requests.get('tarball')).toBe(4);
  });

  it('a quota that stays spent stops the source, resumable, without recording any repository as forbidden', async () => {
    const fake = await fakeWith();
    fake.faults.push({ endpoint: 'tarball', kind: 'primaryNoReset', times: 1000 });
    const run = makeRun(githubSettings(fake, (s) => (s.github.maxRepos = 3)));
    const result = await collect(run, { ...FAST, primaryFallbackSeconds: 0.2 });
    expect(result.outcome).toBe('stopped');
    expect(result.reason).toMatch(/^core quota spent, resets at \d\d:\d\d UTC$/);
    expect(result.resumeAt).toBeDefined();
    expect(result.progress.skips.repo_forbidden).toBeUndefined();
    expect(result.progress.done).toBe(0);
    // Each try waited: no burst.
    const tarballs = fake.arrivals.filter((a) => a.endpoint === 'tarball').map((a) => a.at);
    const gaps = tarballs.slice(1).map((at, i) => at - tarballs[i]);
    expect(gaps.filter((gap) => gap < 150).length).toBeLessThanOrEqual(4);
  });
});

describe('token limit state, against GitHub clock', () => {
  it('turns a reset into our clock by the Date header of the answer that gave it', () => {
    const t = Date.parse('2026-12-01T12:02:00Z');
    const limits = createTokenLimits(() => t);
    limits.observe(
      {
        status: 403,
        headers: new Headers({
          date: 'Tue, 01 Dec 2026 12:00:00 GMT',
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Date.parse('2026-12-01T12:01:00Z') / 1000),
        }),
        message: 'API rate limit exceeded for user ID 1.',
      },
      'core',
      t,
    );
    expect(limits.blocked('core')?.until).toBeGreaterThanOrEqual(t + 60_000);
  });
});
