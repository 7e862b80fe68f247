import { afterEach, describe, expect, it } from 'vitest';
import { collectStackOverflow } from '../../src/main/core/stackexchange/stackoverflowCollector.ts';
import {
  startFakeStackExchange,
  type FakeStackExchange,
  type FakeStackExchangeOptions,
} from '../fakes/stackexchange/fakeStackExchange.ts';
import type { SeFault } from '../fakes/stackexchange/seFaults.ts';
import { until } from '../pipeline/harness.ts';
import { FAST_LIMITS, storedQa, testRun } from './harness.ts';

let fake: FakeStackExchange | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function collectWith(faults: SeFault[], options: FakeStackExchangeOptions = {}, maxQuestions = 150) {
  fake = await startFakeStackExchange({ site: { questions: 3000 }, ...options });
  fake.faults.push(...faults);
  const run = testRun(fake, (so) => (so.maxQuestions = maxQuestions));
  const result = await collectStackOverflow(run.ctx, { answerStrategy: 'vectorized', limits: FAST_LIMITS });
  return { result, run, fake };
}

describe('Stack Exchange errors', () => {
  it('stops on 400 bad_parameter with the API message, without retrying', async () => {
    const { result, run, fake } = await collectWith([
      { method: 'questions', kind: 'error', errorId: 400, message: 'tagged' },
    ]);
    expect(result).toMatchObject({
      outcome: 'failed',
      reason: expect.stringContaining('bad_parameter: tagged'),
    });
    expect(fake.totalRequests()).toBe(1);
    expect(run.events).toContainEqual(expect.objectContaining({ type: 'error', fatal: true }));
  });

  it.each([401, 403, 405])('stops with "key rejected" on error_id %i', async (errorId) => {
    const { result, fake } = await collectWith([{ method: 'questions', kind: 'error', errorId }]);
    expect(result).toMatchObject({ outcome: 'failed', reason: expect.stringContaining('key rejected') });
    expect(fake.totalRequests()).toBe(1);
  });

  it('says "key rejected" for a key the API does not know', async () => {
    fake = await startFakeStackExchange({ keys: ['another-key'] });
    const run = testRun(fake);
    const result = await collectStackOverflow(run.ctx, { limits: FAST_LIMITS });
    expect(result).toMatchObject({ outcome: 'failed', reason: expect.stringContaining('key rejected') });
  });

  it('waits and retries a 502 throttle_violation, for as long as the message says', async () => {
    const { result, run, fake } = await collectWith([
      {
        method: 'answers',
        kind: 'error',
        errorId: 502,
        message: 'too many requests from this IP, more requests available in 1 seconds',
      },
    ]);
    expect(result.outcome).toBe('completed');
    const wait = run.events.find((e) => e.type === 'wait');
    expect(wait).toMatchObject({ reason: expect.stringContaining('throttled') });
    const waitMs = Date.parse((wait as { until: string }).until) - Date.now();
    expect(waitMs).toBeLessThan(0); // it is over by now ...
    expect(result.progress.errors).toBe(0); // ... and a throttle is a wait, not an error
    expect(fake.requests.get('answers')).toBeGreaterThan(1);
  });

  it.each<[string, SeFault]>([
    ['error_id 500', { method: 'questions', kind: 'error', errorId: 500 }],
    ['error_id 503', { method: 'answers', kind: 'error', errorId: 503 }],
    ['HTTP 503 without JSON', { method: 'questions', kind: 'http', status: 503 }],
    ['a dropped connection', { method: 'answers', kind: 'reset' }],
    ['a malformed JSON body', { method: 'questions', kind: 'malformed' }],
  ])('retries after %s and completes: a retry is a wait, not an error', async (_, fault) => {
    const { result, run } = await collectWith([fault]);
    expect(result.outcome).toBe('completed');
    expect(result.progress.errors).toBe(0);
    expect(result.progress.done).toBe(150);
    expect(run.events.some((e) => e.type === 'wait' && e.reason.startsWith('retrying'))).toBe(true);
  });

  it('skips a request that stays malformed after its retries, counts one error and carries on', async () => {
    const { result, run } = await collectWith([{ method: 'answers', kind: 'malformed', times: 5 }], {}, 250);
    expect(result.outcome).toBe('completed');
    expect(result.progress.errors).toBe(1);
    expect(result.progress.skips.fetch_failed).toBe(100);
    expect(result.progress.done).toBe(250);
    expect(run.events).toContainEqual(
      expect.objectContaining({
        type: 'error',
        fatal: false,
        message: expect.stringContaining('gave up on answers of 100 questions'),
      }),
    );
  });

  it('goes on past a page it gives up on, with continue-on-error off too, and says which page', async () => {
    // The pipeline setting is about the other source; within a source only maxErrorsPerSource stops it.
    fake = await startFakeStackExchange({ site: { questions: 3000 } });
    fake.faults.push(
      { method: 'questions', kind: 'slow', ms: 0 },
      { method: 'questions', kind: 'malformed', times: 5 },
    );
    const run = testRun(fake, (so, s) => {
      so.maxQuestions = 250;
      s.pipeline.continueOnError = false;
    });
    const result = await collectStackOverflow(run.ctx, { limits: FAST_LIMITS });
    expect(result.outcome).toBe('completed');
    expect(result.progress).toMatchObject({ errors: 1, done: 250 });
    const pages = fake.log
      .filter((u) => u.pathname.endsWith('/questions'))
      .map((u) => u.searchParams.get('page'));
    expect(pages.slice(0, 7)).toEqual(['1', '2', '2', '2', '2', '2', '3']);
    const skipped = run.db.prepare("SELECT subject, reason FROM skips WHERE reason = 'fetch_failed'").all();
    expect(skipped).toEqual([{ subject: 'page 2 of [python]', reason: 'fetch_failed' }]);
  });

  it('fails at maxErrorsPerSource, with the last error in the reason', async () => {
    fake = await startFakeStackExchange({ site: { questions: 3000 } });
    fake.faults.push({ method: 'questions', kind: 'malformed', times: 1000 });
    const run = testRun(fake, (so, s) => {
      so.maxQuestions = 250;
      s.pipeline.maxErrorsPerSource = 2;
    });
    const result = await collectStackOverflow(run.ctx, { limits: FAST_LIMITS });
    expect(result).toMatchObject({
      outcome: 'failed',
      reason: expect.stringMatching(
        /^too many errors \(2\); last: Stack Exchange: gave up on page 2 of \[python\]/,
      ),
    });
    expect(fake.requests.get('questions')).toBe(10);
  });

  it('reads gzip bodies that come without a Content-Encoding header', async () => {
    const { result, run } = await collectWith([], { omitContentEncoding: true }, 20);
    expect(result.outcome).toBe('completed');
    expect(storedQa(run.db).length).toBeGreaterThan(20);
  });

  it('cancels promptly during a slow request and keeps the stored items', async () => {
    fake = await startFakeStackExchange({ site: { questions: 3000 } });
    // The first page answers at once, the second hangs.
    fake.faults.push(
      { method: 'questions', kind: 'slow', ms: 0 },
      { method: 'questions', kind: 'slow', ms: 5000 },
    );
    const run = testRun(fake, (so, settings) => {
      so.maxQuestions = 500;
      settings.pipeline.batchSize = 10;
    });
    const collecting = collectStackOverflow(run.ctx, { limits: FAST_LIMITS });
    // Cancel once the slow second page is asked for.
    await until(() => (fake?.requests.get('questions') ?? 0) >= 2);
    const cancelledAt = Date.now();
    run.controller.abort();
    const result = await collecting;
    expect(result.outcome).toBe('cancelled');
    expect(Date.now() - cancelledAt).toBeLessThan(1000);
    expect(storedQa(run.db).length).toBe(result.progress.items.inserted);
    expect(result.progress.items.inserted).toBeGreaterThan(0);
  });

  it('cancels during a backoff wait', async () => {
    fake = await startFakeStackExchange({ site: { questions: 3000 } });
    fake.faults.push({ method: 'questions', kind: 'backoff', seconds: 30 });
    const run = testRun(fake, (so) => (so.maxQuestions = 500));
    setTimeout(() => run.controller.abort(), 300);
    const started = Date.now();
    const result = await collectStackOverflow(run.ctx, { limits: FAST_LIMITS });
    expect(result.outcome).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(1500);
    expect(run.events.some((e) => e.type === 'wait')).toBe(true);
    expect(storedQa(run.db).length).toBeGreaterThan(0);
  });
});
