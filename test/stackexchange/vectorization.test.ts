import { afterEach, describe, expect, it } from 'vitest';
import { collectStackOverflow } from '../../src/main/core/stackexchange/stackoverflowCollector.ts';
import { startFakeStackExchange, type FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import { FAST_LIMITS, storedQa, testRun } from './harness.ts';

let fake: FakeStackExchange | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** 250 answered questions with bodies, about 2 answers each (the generated site's defaults). */
async function collect250(answerStrategy: 'embedded' | 'vectorized') {
  fake = await startFakeStackExchange({ site: { questions: 3000, emptyBodyShare: 0 } });
  const run = testRun(fake, (so) => (so.maxQuestions = 250));
  const result = await collectStackOverflow(run.ctx, { answerStrategy, limits: FAST_LIMITS });
  expect(result.outcome).toBe('completed');
  expect(result.progress.done).toBe(250);
  expect(fake.throttleViolations).toBe(0);
  return { result, items: storedQa(run.db).length, fake };
}

describe('vectorized requests', () => {
  it('embedded answers: 250 questions in one /questions request per 100 candidates', async () => {
    const { result, items, fake } = await collect250('embedded');
    // ~10% of questions have no answer, so 250 answered ones need 3 pages.
    expect(fake.requests.get('questions')).toBe(3);
    expect(fake.requests.get('answers') ?? 0).toBe(0);
    expect(result.progress.requests).toBe(3);
    expect(items / result.progress.requests).toBeGreaterThan(100);
  });

  it('answers by id vectors: 100 ids a request, paged only as far as the answers need', async () => {
    const { result, fake } = await collect250('vectorized');
    const vectors = fake.log
      .filter((u) => u.pathname.endsWith('/answers') && u.searchParams.get('page') === '1')
      .map((u) => decodeURIComponent(u.pathname).split('/')[3].split(';').map(Number));
    expect(vectors.slice(0, -1).every((ids) => ids.length === 100)).toBe(true);
    // The API cuts answers at min=minAnswerScore (0 here), so each vector needs ceil(answers / 100) pages.
    const pagesNeeded = vectors.reduce(
      (sum, ids) =>
        sum +
        Math.ceil(
          ids.flatMap((id) => fake.site.byId.get(id)!.answers.filter((a) => a.score >= 0)).length / 100,
        ),
      0,
    );
    expect(fake.requests.get('answers')).toBe(pagesNeeded);
    // About 1 + 2 requests per 100 questions with ~2 answers each: 4 question pages + 6 answer pages.
    expect(result.progress.requests).toBeLessThanOrEqual(10);
    expect(result.progress.requests).toBe(fake.totalRequests());
  });
});
