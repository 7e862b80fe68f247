import { describe, expect, it } from 'vitest';
import type { CollectorEvent } from '../../src/shared/collectorEvents.ts';
import {
  collect,
  fakePerTest,
  githubSettings,
  KEPT_PER_REPO,
  keptFiles,
  makeRun,
  waits,
  type Run,
  storedItems,
} from './harness.ts';
import type { Settings } from '../../src/shared/settings.ts';

const fakeWith = fakePerTest();

const errors = (run: Run) =>
  run.events.filter((e): e is Extract<CollectorEvent, { type: 'error' }> => e.type === 'error');

describe('rate limits', () => {
  it('keeps a reserve of core quota: sleeps until the reset instead of hitting the limit, losing nothing', async () => {
    const fake = await fakeWith({ coreLimit: 10, coreWindowSeconds: 2 });
    const run = makeRun(
      githubSettings(fake, (s: Settings) => ((s.github.maxRepos = 12), (s.pipeline.githubConcurrency = 2))),
    );
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(keptFiles(result)).toBe(12 * KEPT_PER_REPO);
    expect(fake.limitViolations).toBe(0);
    expect(fake.limitAnswers).toBe(0);
    const reserveWaits = waits(run).filter((w) => /core quota nearly spent/.test(w.reason));
    expect(reserveWaits.length).toBeGreaterThanOrEqual(1);
    expect(Date.parse(reserveWaits[0].until)).toBeGreaterThan(Date.now() - 10_000);
  });

  it('waits for the reset on a primary 403 (remaining 0) and retries', async () => {
    const fake = await fakeWith();
    fake.faults.push({ endpoint: 'tarball', repo: 'org1/project-1', kind: 'primary', resetInSeconds: 1 });
    const run = makeRun(githubSettings(fake, (s) => (s.github.maxRepos = 3)));
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(keptFiles(result)).toBe(3 * KEPT_PER_REPO);
    expect(waits(run).map((w) => w.reason)).toEqual(['GitHub core quota spent']);
    // The retry left no earlier than the reset the 403 announced (the next whole second, plus one).
    const [limited, retried] = fake.arrivals
      .filter((a) => a.endpoint === 'tarball' && a.repo === 'org1/project-1')
      .map((a) => a.at);
    expect(retried).toBeGreaterThanOrEqual((Math.ceil(limited / 1000) + 1) * 1000);
    expect(fake.limitViolations).toBe(0);
    expect(fake.requests.get('tarball')).toBe(4);
  });

  it('waits on a secondary 403 without retry-after and backs off exponentially', async () => {
    const fake = await fakeWith();
    fake.faults.push({ endpoint: 'tarball', repo: 'org0/project-0', kind: 'secondary', times: 2 });
    const settings = githubSettings(
      fake,
      (s) => ((s.github.maxRepos = 2), (s.pipeline.githubConcurrency = 1)),
    );
    const run = makeRun(settings);
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(keptFiles(result)).toBe(2 * KEPT_PER_REPO);
    expect(waits(run).map((w) => w.reason)).toEqual([
      'GitHub secondary rate limit',
      'GitHub secondary rate limit',
    ]);
    // FAST sets the wait without retry-after to 0.2 s; the second one doubles it.
    const [first, second, third] = fake.arrivals
      .filter((a) => a.endpoint === 'tarball' && a.repo === 'org0/project-0')
      .map((a) => a.at);
    expect(second - first).toBeGreaterThanOrEqual(200);
    expect(third - second).toBeGreaterThanOrEqual(400);
    expect(fake.requests.get('tarball')).toBe(4);
  });

  it('treats the older "abuse detection" 403 as a secondary limit', async () => {
    const fake = await fakeWith();
    fake.faults.push({ endpoint: 'tarball', repo: 'org0/project-0', kind: 'abuse' });
    const run = makeRun(githubSettings(fake, (s) => (s.github.maxRepos = 2)));
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(keptFiles(result)).toBe(2 * KEPT_PER_REPO);
    expect(waits(run).map((w) => w.reason)).toEqual(['GitHub secondary rate limit']);
  });

  it('waits retry-after seconds on a 429', async () => {
    const fake = await fakeWith();
    fake.faults.push({ endpoint: 'search', kind: 'retryAfter', retryAfterSeconds: 1 });
    const run = makeRun(githubSettings(fake, (s) => (s.github.maxRepos = 2)));
    const started = Date.now();
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(keptFiles(result)).toBe(2 * KEPT_PER_REPO);
    const [wait] = waits(run);
    expect(wait.reason).toBe('GitHub secondary rate limit');
    expect(Date.parse(wait.until) - started).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });
});

describe('faults', () => {
  it('retries a 500 and a 502, then succeeds', async () => {
    const fake = await fakeWith();
    fake.faults.push({ endpoint: 'tarball', repo: 'org1/project-1', kind: 'status', status: 500 });
    fake.faults.push({ endpoint: 'search', kind: 'status', status: 502 });
    const run = makeRun(githubSettings(fake, (s) => (s.github.maxRepos = 3)));
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(result.progress.errors).toBe(0);
    expect(keptFiles(result)).toBe(3 * KEPT_PER_REPO);
    expect(fake.requests.get('tarball')).toBe(4);
    expect(result.progress.requests).toBe(
      (fake.requests.get('tarball') ?? 0) + (fake.requests.get('search') ?? 0),
    );
  });

  it('falls back to tree + blobs when the archive is truncated, keeping the same files', async () => {
    const fake = await fakeWith();
    fake.faults.push({ endpoint: 'codeload', repo: 'org1/project-1', kind: 'truncated' });
    const run = makeRun(githubSettings(fake, (s) => (s.github.maxRepos = 3)));
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(keptFiles(result)).toBe(3 * KEPT_PER_REPO);
    expect(result.progress.skips.archive_failed).toBe(1);
    expect(result.progress.skips.binary).toBe(3 * 2);
    expect(run.warnings.some((w) => /falling back to tree/.test(w))).toBe(true);
    expect(run.events).toContainEqual(
      expect.objectContaining({ type: 'skip', subject: 'org1/project-1', reason: 'archive_failed' }),
    );
    expect(fake.requests.get('tree')).toBe(1);
    // One blob per file that passes the path checks, and none for files already read from the archive.
    expect(fake.requests.get('blob')).toBeLessThanOrEqual(KEPT_PER_REPO + 4);
    expect(storedItems(run.db).filter((r) => r.path.startsWith('org1/project-1/'))).toHaveLength(
      KEPT_PER_REPO - 1,
    );
  });

  it('skips a repository that is gone or forbidden, with its reason', async () => {
    const fake = await fakeWith();
    fake.faults.push({
      endpoint: 'tarball',
      repo: 'org1/project-1',
      kind: 'status',
      status: 404,
      body: { message: 'Not Found' },
    });
    fake.faults.push({
      endpoint: 'tree',
      repo: 'org1/project-1',
      kind: 'status',
      status: 404,
      body: { message: 'Not Found' },
    });
    fake.faults.push({
      endpoint: 'tarball',
      repo: 'org2/project-2',
      kind: 'status',
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const run = makeRun(githubSettings(fake, (s) => (s.github.maxRepos = 4)));
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(result.progress.errors).toBe(0);
    expect(result.progress.skips).toMatchObject({ repo_not_found: 1, repo_forbidden: 1, archive_failed: 1 });
    expect(keptFiles(result)).toBe(2 * KEPT_PER_REPO);
    expect(waits(run)).toEqual([]);
  });

  it('tries a malformed JSON answer again, then counts it as an error and goes on', async () => {
    const fake = await fakeWith();
    fake.faults.push({ endpoint: 'codeload', repo: 'org1/project-1', kind: 'truncated' });
    fake.faults.push({ endpoint: 'tree', repo: 'org1/project-1', kind: 'malformed', times: 4 });
    const run = makeRun(githubSettings(fake, (s) => (s.github.maxRepos = 3)));
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(result.progress.errors).toBe(1);
    expect(errors(run)).toEqual([
      expect.objectContaining({
        fatal: false,
        message: expect.stringMatching(/org1\/project-1: unreadable answer from GitHub/),
      }),
    ]);
    expect(fake.requests.get('tree')).toBe(4);
    expect(result.progress.done).toBe(3);
  });

  it('stops with "failed" when errors reach the limit', async () => {
    const fake = await fakeWith();
    fake.faults.push({
      endpoint: 'tarball',
      kind: 'status',
      status: 422,
      body: { message: 'Unprocessable' },
      times: 100,
    });
    const run = makeRun(
      githubSettings(
        fake,
        (s) => (
          (s.github.maxRepos = 10),
          (s.pipeline.maxErrorsPerSource = 3),
          (s.pipeline.githubConcurrency = 1)
        ),
      ),
    );
    const result = await collect(run);
    expect(result).toMatchObject({
      outcome: 'failed',
      reason: 'too many errors (3); last: org2/project-2: Unprocessable',
    });
    expect(result.progress.done).toBe(3);
    expect(errors(run).filter((e) => e.fatal)).toHaveLength(1);
  });

  it('fails with "token rejected" on a 401', async () => {
    const fake = await fakeWith();
    const run = makeRun(githubSettings(fake, (s) => (s.github.token = 'ghp_revoked')));
    const result = await collect(run);
    expect(result).toMatchObject({ outcome: 'failed', reason: 'token rejected' });
    expect(errors(run)).toEqual([
      { type: 'error', source: 'github', message: 'token rejected', fatal: true },
    ]);
    expect(fake.requests.get('tarball') ?? 0).toBe(0);
  });
});

describe('cancel', () => {
  it('stops in the middle of a repository and keeps what was stored', async () => {
    const fake = await fakeWith();
    const settings = githubSettings(
      fake,
      (s) => ((s.github.maxRepos = 10), (s.pipeline.batchSize = 1), (s.pipeline.githubConcurrency = 1)),
    );
    const run = makeRun(settings, undefined, (e, r) => {
      if (e.type === 'progress' && e.progress.items.inserted >= KEPT_PER_REPO + 3) r.controller.abort();
    });
    const result = await collect(run, { searchMinTimeMs: 0, progressIntervalMs: 0 });
    expect(result.outcome).toBe('cancelled');
    const stored = storedItems(run.db).length;
    expect(stored).toBe(result.progress.items.inserted);
    expect(stored).toBeGreaterThanOrEqual(KEPT_PER_REPO + 3);
    expect(stored).toBeLessThan(2 * KEPT_PER_REPO);
    expect(fake.requests.get('tarball')).toBe(2);
  });

  it('stops promptly during a rate-limit wait', async () => {
    const fake = await fakeWith();
    fake.faults.push({ endpoint: 'tarball', kind: 'primary', resetInSeconds: 60 });
    const run = makeRun(githubSettings(fake), undefined, (e, r) => {
      if (e.type === 'wait') setTimeout(() => r.controller.abort(), 50);
    });
    const started = Date.now();
    const result = await collect(run);
    expect(result.outcome).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
