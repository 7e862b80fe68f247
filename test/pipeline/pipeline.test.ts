import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunRecorder } from '../../src/main/core/pipeline/runRecorder.ts';
import { startFakeGithub, type FakeGithub } from '../fakes/github/fakeGithub.ts';
import { startFakeStackExchange, type FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import type { CollectorContext } from '../../src/main/core/collectors/collector.ts';
import {
  bothSources,
  countBySource,
  FAST_COLLECTORS,
  GITHUB_TOKEN,
  runWith,
  SE_KEY,
  storedIds,
  storedPerSource,
  until,
} from './harness.ts';

let github: FakeGithub;
let se: FakeStackExchange;

beforeAll(async () => {
  github = await startFakeGithub({
    tokens: { [GITHUB_TOKEN]: 'octocat' },
    corpus: { repos: 12 },
    latencyMs: 2,
  });
  se = await startFakeStackExchange({ keys: [SE_KEY], site: { questions: 400 } });
});
afterAll(async () => {
  await github.close();
  await se.close();
});

describe('pipeline', () => {
  it('runs both sources at once and records the run', async () => {
    const spans: Record<string, [number, number]> = {};
    const timed = Object.fromEntries(
      Object.entries(FAST_COLLECTORS!).map(([source, collect]) => [
        source,
        async (ctx: CollectorContext) => {
          const start = performance.now();
          const result = await collect!(ctx);
          spans[source] = [start, performance.now()];
          return result;
        },
      ]),
    );
    const { handle, snapshots, db } = runWith(bothSources(github, se), undefined, { collectors: timed });
    const final = await handle.done;
    expect(final.status).toBe('completed');
    expect(final.sources.github?.status).toBe('completed');
    expect(final.sources.stackoverflow?.status).toBe('completed');
    const counts = countBySource(db);
    expect(counts.github_code).toBeGreaterThan(0);
    expect(counts.stackoverflow_qa).toBeGreaterThan(0);
    const perSource = storedPerSource(db);
    expect(final.totals.itemsStored).toBe(perSource.github + perSource.stackoverflow);
    // Each started before the other ended: they ran concurrently.
    expect(spans.github[0]).toBeLessThan(spans.stackoverflow[1]);
    expect(spans.stackoverflow[0]).toBeLessThan(spans.github[1]);
    // Figures come at a steady rate, not once per item.
    expect(snapshots.length).toBeLessThan(final.totals.itemsStored);
    const run = createRunRecorder(db).get(handle.runId)!;
    expect(run.status).toBe('completed');
    expect(run.counts.github?.inserted).toBe(perSource.github);
    expect(run.counts.stackoverflow?.inserted).toBe(perSource.stackoverflow);
  });

  it('reports a source that fails its health check and, with continue-on-error, runs the other', async () => {
    const settings = bothSources(github, se, (s) => (s.github.token = 'ghp_wrong_token_123456'));
    const { handle, db } = runWith(settings);
    const final = await handle.done;
    expect(final.sources.github).toMatchObject({ status: 'failed' });
    expect(final.sources.github?.reason).toMatch(/did not accept the token/);
    expect(final.sources.stackoverflow?.status).toBe('completed');
    expect(final.status).toBe('partial');
    expect(countBySource(db).stackoverflow_qa).toBeGreaterThan(0);
    const run = createRunRecorder(db).get(handle.runId)!;
    expect(run.errors.join()).toMatch(/github: .*did not accept the token/);
    expect(run).toMatchObject({ status: 'partial', outcome: 'completed with 1 source failed' });
    expect(run.sources.github).toMatchObject({ status: 'failed', reason: expect.stringMatching(/token/) });
    expect(run.sources.stackoverflow).toMatchObject({ status: 'completed' });
  });

  it('stops the whole run when a source fails and continue-on-error is off', async () => {
    const settings = bothSources(github, se, (s) => {
      s.github.token = 'ghp_wrong_token_123456';
      s.pipeline.continueOnError = false;
    });
    // Stack Overflow's first page is still on its way when GitHub's health check fails, however loaded the
    // machine is (the cancel ends the wait at once: the test does not take this long).
    se.faults.push({ method: 'questions', kind: 'slow', ms: 20_000 });
    try {
      const { handle } = runWith(settings);
      const final = await handle.done;
      expect(final.status).toBe('failed');
      expect(final.sources.stackoverflow?.status).toBe('cancelled');
    } finally {
      se.faults.length = 0;
    }
  });

  it('stops a source at max errors with its reason and goes on with the other', async () => {
    se.faults.push({ method: 'questions', kind: 'malformed', times: 1000 });
    try {
      const settings = bothSources(github, se, (s) => (s.pipeline.maxErrorsPerSource = 3));
      const { handle } = runWith(settings);
      const final = await handle.done;
      expect(final.sources.stackoverflow?.status).toBe('failed');
      expect(final.sources.stackoverflow?.progress.errors).toBeGreaterThanOrEqual(3);
      expect(final.sources.stackoverflow?.reason).toMatch(/error/i);
      expect(final.sources.github?.status).toBe('completed');
    } finally {
      se.faults.length = 0;
    }
  });

  it('pauses promptly (no request while paused) and resumes to the same result', async () => {
    const reference = runWith(bothSources(github, se));
    await reference.handle.done;

    const { handle, db } = runWith(bothSources(github, se));
    await until(() => handle.snapshot().totals.itemsStored > 0);
    handle.pause();
    expect(handle.snapshot().status).toBe('paused');
    await new Promise((r) => setTimeout(r, 150)); // requests in flight settle
    const requestsAtPause = github.totalRequests() + se.totalRequests();
    const storedAtPause = storedIds(db).length;
    await new Promise((r) => setTimeout(r, 400));
    expect(github.totalRequests() + se.totalRequests()).toBe(requestsAtPause);
    expect(storedIds(db).length).toBe(storedAtPause);
    expect(
      Object.values(handle.snapshot().sources).every((m) => ['paused', 'completed'].includes(m!.status)),
    ).toBe(true);
    handle.resume();
    const final = await handle.done;
    expect(final.status).toBe('completed');
    expect(storedIds(db)).toEqual(storedIds(reference.db));
  });

  it('times out a request that never gets an answer, retries it and finishes', async () => {
    github.faults.push({ endpoint: 'tarball', kind: 'slow', delayMs: 20_000, times: 1 });
    try {
      const started = Date.now();
      const { handle, db } = runWith(bothSources(github, se), undefined, { responseTimeoutMs: 500 });
      const final = await handle.done;
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(final.status).toBe('completed');
      expect(final.sources.github?.status).toBe('completed');
      expect(countBySource(db).github_code).toBeGreaterThan(0);
    } finally {
      github.faults.length = 0;
    }
  });

  it('cancels promptly and keeps what was stored', async () => {
    const { handle, db } = runWith(bothSources(github, se, (s) => (s.github.maxRepos = 12)));
    await until(() => handle.snapshot().totals.itemsStored > 0);
    const started = Date.now();
    handle.cancel();
    const final = await handle.done;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(final.status).toBe('cancelled');
    expect(storedIds(db).length).toBe(final.totals.itemsStored);
    expect(storedIds(db).length).toBeGreaterThan(0);
    expect(createRunRecorder(db).get(handle.runId)!.status).toBe('cancelled');
  });
});
