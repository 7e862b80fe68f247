import { afterEach, describe, expect, it } from 'vitest';
import { nextUtcMidnight } from '../../src/main/core/stackexchange/seResponse.ts';
import { collectStackOverflow } from '../../src/main/core/stackexchange/stackoverflowCollector.ts';
import type { CollectorEvent } from '../../src/shared/collectorEvents.ts';
import {
  startFakeStackExchange,
  type FakeStackExchange,
  type FakeStackExchangeOptions,
} from '../fakes/stackexchange/fakeStackExchange.ts';
import { FAST_LIMITS, storedQa, testRun } from './harness.ts';

let fake: FakeStackExchange | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: FakeStackExchangeOptions = {}) {
  fake = await startFakeStackExchange({ site: { questions: 3000 }, ...options });
  return fake;
}

const waits = (events: CollectorEvent[]) => events.filter((e) => e.type === 'wait');

describe('Stack Exchange limits', () => {
  it('waits out a backoff before calling the same method again, while other methods go on', async () => {
    const se = await start();
    se.faults.push({ method: 'questions', kind: 'backoff', seconds: 1 });
    const run = testRun(se, (so) => (so.maxQuestions = 150));
    const started = Date.now();
    const result = await collectStackOverflow(run.ctx, { answerStrategy: 'vectorized', limits: FAST_LIMITS });
    expect(result.outcome).toBe('completed');
    expect(se.throttleViolations).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const [wait] = waits(run.events);
    expect(wait).toMatchObject({ source: 'stackoverflow', reason: expect.stringContaining('/questions') });
    // The answers of the first page were fetched during the questions backoff.
    const order = se.log.map((u) => (u.pathname.endsWith('/answers') ? 'a' : 'q')).join('');
    expect(order.startsWith('qqa')).toBe(true);
  });

  it('keeps to the per-second cap', async () => {
    const se = await start({ maxRequestsPerSecond: 4 });
    const run = testRun(se, (so) => (so.maxQuestions = 250));
    const result = await collectStackOverflow(run.ctx, {
      answerStrategy: 'vectorized',
      limits: { ...FAST_LIMITS, maxRequestsPerSecond: 4 },
    });
    expect(result.outcome).toBe('completed');
    expect(se.totalRequests()).toBeGreaterThan(4);
    expect(se.throttleViolations).toBe(0);
  });

  it('stops cleanly when the daily quota runs out mid-run and keeps what it stored', async () => {
    const se = await start();
    se.quotaRemaining = 3;
    const run = testRun(se, (so) => (so.maxQuestions = 1000));
    const result = await collectStackOverflow(run.ctx, { limits: FAST_LIMITS });
    expect(result).toMatchObject({
      outcome: 'stopped',
      reason: 'daily quota spent, resets at 00:00 UTC',
      resumeAt: nextUtcMidnight(new Date()),
    });
    expect(se.totalRequests()).toBe(3);
    expect(result.progress.quota?.[0].remaining).toBe(0);
    expect(storedQa(run.db).length).toBe(result.progress.items.inserted);
    expect(result.progress.items.inserted).toBeGreaterThan(0);
    expect(run.events.at(-1)).toMatchObject({ type: 'progress', progress: { phase: 'stopped' } });
  });

  it('treats "more requests available in ~a day" as the spent quota, not as a wait', async () => {
    const se = await start();
    se.quotaRemaining = 0;
    const run = testRun(se, (so) => (so.maxQuestions = 10));
    const result = await collectStackOverflow(run.ctx, {
      limits: { ...FAST_LIMITS, maxThrottleWaitMs: 1000 },
    });
    expect(result).toMatchObject({ outcome: 'stopped', reason: 'daily quota spent, resets at 00:00 UTC' });
    expect(Date.parse(result.resumeAt!)).toBeGreaterThan(Date.now());
    expect(waits(run.events)).toHaveLength(0);
    expect(se.totalRequests()).toBe(1);
  });
});

describe('Stack Exchange requests that never answer', () => {
  it('gives up on a request with no answer after the timeout and asks again', async () => {
    const se = await start();
    se.faults.push({ method: 'questions', kind: 'slow', ms: 0 }, { method: 'questions', kind: 'hang' });
    const run = testRun(se, (so) => (so.maxQuestions = 150));
    const result = await collectStackOverflow(run.ctx, { limits: { ...FAST_LIMITS, timeoutMs: 300 } });
    expect(result.outcome).toBe('completed');
    expect(result.progress).toMatchObject({ done: 150, errors: 0 });
    const pages = se.log
      .filter((u) => u.pathname.endsWith('/questions'))
      .map((u) => u.searchParams.get('page'));
    expect(pages.slice(0, 3)).toEqual(['1', '2', '2']);
    expect(waits(run.events).some((w) => w.reason.startsWith('retrying /questions'))).toBe(true);
  });
});
