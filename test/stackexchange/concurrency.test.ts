import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectStackOverflow } from '../../src/main/core/stackexchange/stackoverflowCollector.ts';
import { startFakeStackExchange, type FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import { FAST_LIMITS, storedQa, testRun } from './harness.ts';

let fake: FakeStackExchange;
beforeAll(async () => {
  fake = await startFakeStackExchange({ site: { questions: 1200, seed: 11 }, latencyMs: 30 });
});
afterAll(() => fake.close());

/** Runs the collector over two tags and reports the most question pages it had in flight at once. */
async function collect(concurrency: number) {
  const run = testRun(fake, (so, s) => {
    so.tags = ['python', 'pandas'];
    so.maxQuestions = 300;
    s.pipeline.stackoverflowConcurrency = concurrency;
  });
  let inFlight = 0;
  let most = 0;
  run.ctx.fetch = async (input, init) => {
    most = Math.max(most, ++inFlight);
    try {
      return await fetch(input, init);
    } finally {
      inFlight--;
    }
  };
  const result = await collectStackOverflow(run.ctx, { limits: FAST_LIMITS });
  return { result, most, items: storedQa(run.db).map((q) => q.id) };
}

describe('concurrency per source', () => {
  it('fetches as many tags at once as Settings allow, and stores the same items as one at a time', async () => {
    const one = await collect(1);
    const two = await collect(2);
    expect(one.result.outcome).toBe('completed');
    expect(two.result.outcome).toBe('completed');
    expect(one.most).toBe(1);
    expect(two.most).toBe(2);
    expect(two.result.progress.done).toBe(one.result.progress.done);
    expect(new Set(two.items).size).toBe(two.items.length);
    expect(fake.throttleViolations).toBe(0);
  });
});
