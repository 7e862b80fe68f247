import { afterEach, describe, expect, it } from 'vitest';
import { collectStackOverflow } from '../../src/main/core/stackexchange/stackoverflowCollector.ts';
import { startFakeStackExchange, type FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import { FAST_LIMITS, testRun } from './harness.ts';

let fake: FakeStackExchange | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** Figures alone ("completed, 0/1,000") hide why a run came back short; the reason says it in words. */
describe('Stack Overflow says why it collected fewer questions than asked', () => {
  it('a tag with no questions', async () => {
    fake = await startFakeStackExchange({ site: { questions: 300, tags: ['python', 'pandas'] } });
    const run = testRun(fake, (so) => ((so.tags = ['cobol']), (so.maxQuestions = 1000)));
    const result = await collectStackOverflow(run.ctx, { limits: FAST_LIMITS });
    expect(result).toMatchObject({
      outcome: 'completed',
      reason: 'no questions match the tag [cobol]',
      progress: { done: 0 },
    });
    expect(fake.requests.get('questions')).toBe(1);
  });

  it('tags that ran out before the maximum, and one that had none', async () => {
    fake = await startFakeStackExchange({ site: { questions: 300, tags: ['python', 'pandas'] } });
    const run = testRun(fake, (so) => ((so.tags = ['python', 'cobol']), (so.maxQuestions = 3000)));
    const result = await collectStackOverflow(run.ctx, { limits: FAST_LIMITS });
    const done = result.progress.done;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(300);
    expect(result).toMatchObject({
      outcome: 'completed',
      reason: `no questions match [cobol]; no more questions matched: ${done} of 3,000`,
    });
  });

  it('no sentence when it got all it asked for', async () => {
    fake = await startFakeStackExchange({ site: { questions: 300 } });
    const run = testRun(fake, (so) => (so.maxQuestions = 20));
    const result = await collectStackOverflow(run.ctx, { limits: FAST_LIMITS });
    expect(result.outcome).toBe('completed');
    expect(result.reason).toBeUndefined();
  });
});
