import { afterEach, describe, expect, it } from 'vitest';
import type { CollectorEvent, SourceProgress } from '../../src/shared/collectorEvents.ts';
import { collectStackOverflow } from '../../src/main/core/stackexchange/stackoverflowCollector.ts';
import { startFakeStackExchange, type FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import { FAST_LIMITS, storedQa, testRun } from '../stackexchange/harness.ts';
import { until } from './harness.ts';

let fake: FakeStackExchange | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const lastProgress = (events: CollectorEvent[]): SourceProgress | undefined =>
  events.findLast((e) => e.type === 'progress')?.progress;

describe('progress while a source waits', () => {
  it('shows what was stored before the wait, not the figures of an update dropped for being too soon', async () => {
    fake = await startFakeStackExchange({ site: { questions: 600, tags: ['python'] } });
    // Page 1 answers at once; page 2 is throttled for 5 s (the recorded IP throttle's words).
    fake.faults.push(
      { method: 'questions', kind: 'slow', ms: 0 },
      {
        method: 'questions',
        kind: 'error',
        errorId: 502,
        message: 'too many requests from this IP, more requests available in 5 seconds',
      },
    );
    const run = testRun(fake, (so) => (so.maxQuestions = 500));
    // The default interval: at most four updates a second.
    const collecting = collectStackOverflow(run.ctx, { limits: FAST_LIMITS });
    await until(() => run.events.some((e) => e.type === 'wait'));
    const stored = storedQa(run.db).length;
    expect(stored).toBeGreaterThan(0);
    // Within the wait, the figures catch up with what page 1 stored.
    await until(() => lastProgress(run.events)?.items.inserted === stored, 4000);
    expect(fake.requests.get('questions')).toBe(2);
    expect(lastProgress(run.events)?.done).toBeGreaterThan(0);
    run.controller.abort();
    await collecting;
  });
});
