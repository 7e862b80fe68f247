import { describe, expect, it } from 'vitest';
import { checkGithubConnection } from '../../src/main/core/github/githubHealth.ts';
import { createTokenLimits, SECONDARY_FALLBACK_MS } from '../../src/main/core/github/tokenLimits.ts';
import type { FakeGithub } from '../fakes/github/fakeGithub.ts';
import { FAST_COLLECTORS, runWith } from '../pipeline/harness.ts';
import {
  collect,
  fakePerTest,
  FAST,
  githubSettings,
  KEPT_PER_REPO,
  keptFiles,
  makeRun,
  waits,
  TOKEN,
} from './harness.ts';

const fakeWith = fakePerTest({ corpus: { repos: 40 } });

/** Four workers, six languages: searches, tarballs and their downloads overlap. */
const busy = (fake: FakeGithub, maxRepos = 12) =>
  githubSettings(fake, (s) => ((s.github.maxRepos = maxRepos), (s.pipeline.githubConcurrency = 4)));

/** Downloads of different lengths, so workers are out of step: each sends its next request at its own time. */
const slowDownloads = (fake: FakeGithub) =>
  fake.repos.forEach((r, i) =>
    fake.faults.push({
      endpoint: 'codeload',
      repo: `${r.owner}/${r.name}`,
      kind: 'slow',
      delayMs: 50 + ((i * 173) % 600),
    }),
  );

describe('a limit belongs to the token', () => {
  it('holds every request of the token after a secondary 403 without Retry-After, not just the one that met it', async () => {
    const fake = await fakeWith({ latencyMs: 5 });
    slowDownloads(fake);
    fake.secondaryLimits.push({ onRequest: 9, windowSeconds: 1 }, { onRequest: 17, windowSeconds: 1 });
    const run = makeRun(busy(fake));
    const result = await collect(run, { ...FAST, secondaryFallbackSeconds: 1 });
    expect(result.outcome).toBe('completed');
    expect(keptFiles(result)).toBe(12 * KEPT_PER_REPO);
    expect(fake.limitAnswers).toBeGreaterThanOrEqual(1);
    // Nothing left for the token while the fake's window was open (bar what was already in flight).
    expect(fake.limitViolations).toBe(0);
    expect(waits(run).map((w) => w.reason)).toContain('GitHub secondary rate limit');
  });

  it('holds every request for Retry-After seconds after a 429, searches and downloads alike', async () => {
    const fake = await fakeWith({ latencyMs: 5 });
    slowDownloads(fake);
    // A search (the 3rd request), then tarballs.
    fake.secondaryLimits.push(
      { onRequest: 3, retryAfterSeconds: 1 },
      { onRequest: 12, retryAfterSeconds: 1 },
      { onRequest: 19, retryAfterSeconds: 1 },
    );
    const run = makeRun(busy(fake));
    const started = Date.now();
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(keptFiles(result)).toBe(12 * KEPT_PER_REPO);
    expect(fake.limitAnswers).toBeGreaterThanOrEqual(3);
    expect(fake.limitViolations).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
  });

  it('waits at least a minute after a secondary limit that gives no Retry-After', async () => {
    const fake = await fakeWith();
    fake.secondaryLimits.push({ onRequest: 1, windowSeconds: 60 });
    const run = makeRun(busy(fake), undefined, (e, r) => {
      if (e.type === 'wait') r.controller.abort();
    });
    const started = Date.now();
    const result = await collect(run, { searchMinTimeMs: 0, progressIntervalMs: 50 });
    expect(result.outcome).toBe('cancelled');
    const [wait] = waits(run);
    expect(Date.parse(wait.until) - started).toBeGreaterThanOrEqual(SECONDARY_FALLBACK_MS - 1000);
    expect(fake.limitViolations).toBe(0);
  });

  it('never sends a request the quota cannot pay: a quota spent at start is waited out, health check included', async () => {
    const fake = await fakeWith({ coreWindowSeconds: 2 });
    fake.core.remaining = 0;
    fake.core.reset = Math.ceil(Date.now() / 1000) + 2;
    const settings = busy(fake, 3);
    settings.pipeline.stackoverflowEnabled = false;
    const { handle } = runWith(settings, undefined, { collectors: FAST_COLLECTORS });
    const final = await handle.done;
    expect(final.sources.github?.status).toBe('completed');
    expect(final.sources.github?.progress.done).toBe(3);
    expect(fake.limitViolations).toBe(0);
    expect(fake.requests.get('user') ?? 0).toBe(0);
  });

  it('learns from the health check: the last request spent by GET /user is not followed by a tarball before the reset', async () => {
    const fake = await fakeWith({ coreWindowSeconds: 2 });
    fake.core.remaining = 1;
    fake.core.reset = Math.ceil(Date.now() / 1000) + 2;
    const report = await checkGithubConnection({ baseUrl: fake.url, token: TOKEN });
    expect(report).toMatchObject({ status: 'rate_limited', login: 'octocat', quotaRemaining: 0 });
    const result = await collect(makeRun(busy(fake, 2)));
    expect(result.outcome).toBe('completed');
    expect(fake.limitViolations).toBe(0);
  });

  it('Test connection on a spent quota answers from GET /rate_limit without a billed request', async () => {
    const fake = await fakeWith();
    fake.core.remaining = 0;
    const report = await checkGithubConnection({ baseUrl: fake.url, token: TOKEN });
    expect(report.status).toBe('rate_limited');
    expect(report.resetAt).toBe(new Date(fake.core.reset * 1000).toISOString());
    expect(fake.requests.get('user') ?? 0).toBe(0);
    expect(fake.limitViolations).toBe(0);
  });
});

describe('token limit state', () => {
  const headers = (h: Record<string, string>) => new Headers(h);

  it('keeps a secondary hold of at least 60 s without Retry-After, doubling while limits repeat', () => {
    let t = 1_000_000;
    const limits = createTokenLimits(() => t);
    const secondary = {
      status: 403,
      headers: headers({ 'x-ratelimit-remaining': '4000' }),
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again',
    };
    limits.observe(secondary, 'search', t);
    expect(limits.blocked('core')).toEqual({ until: t + 60_000, reason: 'GitHub secondary rate limit' });
    expect(limits.blocked('search')?.until).toBe(t + 60_000);
    // An answer to a request that was already in flight does not count as a second strike.
    limits.observe(secondary, 'core', t - 5);
    expect(limits.blocked('core')?.until).toBe(t + 60_000);
    t += 60_000;
    expect(limits.blocked('core')).toBeUndefined();
    limits.observe(secondary, 'core', t);
    expect(limits.blocked('core')?.until).toBe(t + 120_000);
  });

  it('takes a 403 saying 0 left as the final word on the window, and a permission 403 as no limit', () => {
    const t = 1_000_000;
    const limits = createTokenLimits(() => t);
    const reset = String(t / 1000 + 3600);
    limits.observe(
      {
        status: 200,
        headers: headers({
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '4000',
          'x-ratelimit-reset': reset,
        }),
      },
      'core',
      t,
    );
    limits.observe(
      {
        status: 403,
        headers: headers({ 'x-ratelimit-remaining': '4000' }),
        message: 'Resource not accessible by integration',
      },
      'core',
      t,
    );
    expect(limits.blocked('core', 4)).toBeUndefined();
    const soon = String(t / 1000 + 10);
    limits.observe(
      {
        status: 403,
        headers: headers({
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': soon,
        }),
        message: 'API rate limit exceeded',
      },
      'core',
      t,
    );
    expect(limits.blocked('core', 4)?.reason).toBe('GitHub core quota spent');
    expect(limits.blocked('search', 4)).toBeUndefined();
  });
});
