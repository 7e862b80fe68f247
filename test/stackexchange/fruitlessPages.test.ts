import { afterEach, describe, expect, it } from 'vitest';
import { collectStackOverflow } from '../../src/main/core/stackexchange/stackoverflowCollector.ts';
import { startFakeStackExchange, type FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import type { SeFault } from '../fakes/stackexchange/seFaults.ts';
import { FAST_LIMITS, storedQa, testRun } from './harness.ts';

let fake: FakeStackExchange | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** Page 1 as the API serves it, then `faults` on the pages after it. */
async function collectWith(faults: SeFault[]) {
  fake = await startFakeStackExchange({ site: { questions: 300, tags: ['python'] } });
  // Bounded, so that a collector that pages on regardless fails here in seconds rather than for ever.
  fake.faults.push({ method: 'questions', kind: 'slow', ms: 0 }, ...faults);
  const run = testRun(fake, (so) => (so.maxQuestions = 500));
  const result = await collectStackOverflow(run.ctx, { limits: FAST_LIMITS });
  const pages = fake.log
    .filter((u) => u.pathname.endsWith('/questions'))
    .map((u) => Number(u.searchParams.get('page')));
  return { result, pages, stored: storedQa(run.db).length };
}

/**
 * `has_more: true` is not a promise of new questions: pages that give none end the tag's stream, so a
 * misbehaving answer (or a naive replay of a recorded page) cannot spend the daily quota page after page.
 */
describe('Stack Exchange pages that give nothing new', () => {
  it('an empty page that says has_more ends the tag, with the shortfall sentence', async () => {
    const { result, pages, stored } = await collectWith([
      { method: 'questions', kind: 'emptyHasMore', times: 40 },
    ]);
    expect(pages).toEqual([1, 2]);
    const done = result.progress.done;
    expect(done).toBeGreaterThan(0);
    expect(stored).toBe(result.progress.items.inserted);
    expect(result).toMatchObject({
      outcome: 'completed',
      reason: `no more questions matched: ${done} of 500`,
      progress: { errors: 0 },
    });
  });

  it('the same page over and over ends the tag after a few pages without a new question', async () => {
    const { result, pages } = await collectWith([
      { method: 'questions', kind: 'repeatPage', page: 1, times: 40 },
    ]);
    expect(pages).toEqual([1, 2, 3, 4]);
    expect(result).toMatchObject({
      outcome: 'completed',
      reason: `no more questions matched: ${result.progress.done} of 500`,
    });
  });

  it('one page with nothing new in the middle does not end the tag', async () => {
    const { result, pages } = await collectWith([
      { method: 'questions', kind: 'repeatPage', page: 1, times: 1 },
    ]);
    // 300 questions: pages 1 to 3, the last saying has_more: false.
    expect(pages).toEqual([1, 2, 3]);
    expect(result.outcome).toBe('completed');
  });
});
