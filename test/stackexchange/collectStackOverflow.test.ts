import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  collectStackOverflow,
  type AnswerStrategy,
} from '../../src/main/core/stackexchange/stackoverflowCollector.ts';
import type { StackoverflowQaMetadata } from '../../src/shared/items.ts';
import { startFakeStackExchange, type FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import { FAST_LIMITS, storedQa, TEST_KEY, testRun } from './harness.ts';

let fake: FakeStackExchange;
beforeAll(async () => {
  fake = await startFakeStackExchange({ site: { questions: 1500, seed: 7 } });
});
afterAll(() => fake.close());
afterEach(() => expect(fake.throttleViolations).toBe(0));

const metadataOf = (db: Parameters<typeof storedQa>[0]) =>
  storedQa(db).map((i) => i.metadata as unknown as StackoverflowQaMetadata);

const questionsIn = (meta: StackoverflowQaMetadata[]) => new Set(meta.map((m) => m.questionId));

describe.each<AnswerStrategy>(['embedded', 'vectorized'])(
  'collectStackOverflow (%s answers)',
  (answerStrategy) => {
    it('stores one item per question and answer, with the documented content and metadata', async () => {
      const run = testRun(fake, (so) => (so.maxQuestions = 40));
      const result = await collectStackOverflow(run.ctx, { answerStrategy, limits: FAST_LIMITS });
      expect(result.outcome).toBe('completed');
      const items = storedQa(run.db);
      expect(items.length).toBe(result.progress.items.inserted);
      expect(result.progress).toMatchObject({
        source: 'stackoverflow',
        unit: 'questions',
        done: 40,
        total: 40,
        phase: 'done',
      });

      const item = items[0];
      const m = item.metadata as unknown as StackoverflowQaMetadata;
      const question = fake.site.byId.get(m.questionId)!;
      const answer = question.answers.find((a) => a.answer_id === m.answerId)!;
      expect(item.id).toBe(`so_${m.questionId}_${m.answerId}`);
      expect(item.content).toMatch(
        /^Title: How do I .+\?\n\nQuestion:\nI want to .+\n\nAnswer:\nUse `sorted\(items, key=len\)` instead — it's stable:/s,
      );
      expect(item.content).toContain('```py\ndef fn_');
      expect(item.content).not.toMatch(/&(amp|lt|gt|quot|#39);|<code>|<p>/);
      const row = run.db.prepare('SELECT content_hash FROM items WHERE id = ?').get(item.id) as {
        content_hash: string;
      };
      expect(row.content_hash).toBe(createHash('sha256').update(item.content).digest('hex'));
      expect(m).toMatchObject({
        site: 'stackoverflow',
        tags: question.tags,
        questionScore: question.score,
        answerScore: answer.score,
        accepted: answer.is_accepted,
        createdAt: new Date(question.creation_date * 1000).toISOString(),
        viewCount: question.view_count,
        url: question.link,
        answerUrl: `https://stackoverflow.com/a/${answer.answer_id}`,
        hasCode: true,
        totalScore: question.score + answer.score,
        license: answer.content_license,
      });
      expect(m.author).not.toMatch(/&#?\w+;/);
      // Deleted users have no profile link; everyone else links to theirs.
      for (const meta of metadataOf(run.db))
        expect(meta.authorUrl === null || meta.authorUrl.startsWith('https://stackoverflow.com/users/')).toBe(
          true,
        );

      const progress = run.events.filter((e) => e.type === 'progress');
      expect(progress.length).toBeGreaterThanOrEqual(2);
      expect(progress.at(-1)).toMatchObject({ progress: { done: 40, phase: 'done' } });
      expect(result.progress.quota?.[0]).toMatchObject({ name: 'daily', max: 10_000 });
      expect(result.progress.quota?.[0].resetAt).toMatch(/T00:00:00\.000Z$/);
    });

    it('keeps only answers above the minimum score, best first, at most N per question', async () => {
      const run = testRun(fake, (so) => {
        so.maxQuestions = 120;
        so.minAnswerScore = 3;
        so.maxAnswersPerQuestion = 2;
      });
      const result = await collectStackOverflow(run.ctx, { answerStrategy, limits: FAST_LIMITS });
      const meta = metadataOf(run.db);
      expect(meta.every((m) => m.answerScore >= 3)).toBe(true);
      const perQuestion = new Map<number, StackoverflowQaMetadata[]>();
      for (const m of meta) perQuestion.set(m.questionId, [...(perQuestion.get(m.questionId) ?? []), m]);
      expect(perQuestion.size).toBe(120);
      for (const [id, kept] of perQuestion) {
        expect(kept.length).toBeLessThanOrEqual(2);
        // The kept answers are the best ones: accepted first, then by score.
        const best = fake.site.byId
          .get(id)!
          .answers.filter((a) => a.score >= 3)
          .sort(
            (a, b) =>
              Number(b.is_accepted) - Number(a.is_accepted) || b.score - a.score || a.answer_id - b.answer_id,
          )
          .slice(0, 2)
          .map((a) => a.answer_id);
        expect(kept.map((k) => k.answerId).sort()).toEqual(best.sort());
      }
      expect(result.progress.skips.low_score_answer).toBeGreaterThan(0);
      expect(result.progress.skips.answer_limit).toBeGreaterThan(0);
      expect(result.progress.skips.no_answers).toBeGreaterThan(0);
    });

    it('keeps only accepted answers when asked, and questions above the minimum score', async () => {
      const run = testRun(fake, (so) => {
        so.maxQuestions = 50;
        so.acceptedOnly = true;
        so.minQuestionScore = 20;
      });
      const result = await collectStackOverflow(run.ctx, { answerStrategy, limits: FAST_LIMITS });
      const meta = metadataOf(run.db);
      expect(meta.length).toBe(50);
      expect(meta.every((m) => m.accepted && m.questionScore >= 20)).toBe(true);
      expect(fake.log.at(-1)?.searchParams.get('key')).toBe(TEST_KEY);
      expect(result.progress.skips.not_accepted).toBeGreaterThan(0);
      const skipRows = run.db
        .prepare("SELECT COUNT(*) AS n FROM skips WHERE reason = 'not_accepted'")
        .get() as { n: number };
      expect(Number(skipRows.n)).toBe(result.progress.skips.not_accepted);
    });
  },
);

describe('collectStackOverflow', () => {
  it('asks for votes-sorted questions with the minimum score, the date window and a body filter', async () => {
    const from = new Date('2015-01-01T00:00:00Z');
    const to = new Date('2019-12-31T00:00:00Z');
    const run = testRun(fake, (so) => {
      so.maxQuestions = 30;
      so.minQuestionScore = 4;
    });
    const before = fake.log.length;
    await collectStackOverflow(run.ctx, { fromDate: from, toDate: to, limits: FAST_LIMITS });
    const q = fake.log[before].searchParams;
    expect(Object.fromEntries(q)).toMatchObject({
      tagged: 'python',
      sort: 'votes',
      order: 'desc',
      min: '4',
      pagesize: '100',
      fromdate: String(from.getTime() / 1000),
      todate: String(to.getTime() / 1000),
      site: 'stackoverflow',
    });
    for (const m of metadataOf(run.db)) {
      expect(m.createdAt >= from.toISOString() && m.createdAt <= to.toISOString()).toBe(true);
      expect(m.questionScore).toBeGreaterThanOrEqual(4);
    }
  });

  it('takes tags as any-of: one query per tag, each question once', async () => {
    const run = testRun(fake, (so) => {
      so.tags = ['regex', 'sql'];
      so.maxQuestions = 150;
    });
    const before = fake.log.length;
    const result = await collectStackOverflow(run.ctx, { limits: FAST_LIMITS });
    const tagged = new Set(fake.log.slice(before).map((u) => u.searchParams.get('tagged')));
    expect(tagged).toEqual(new Set(['regex', 'sql']));
    const meta = metadataOf(run.db);
    expect(meta.every((m) => m.tags.includes('regex') || m.tags.includes('sql'))).toBe(true);
    expect(meta.some((m) => !m.tags.includes('regex'))).toBe(true);
    expect(meta.some((m) => !m.tags.includes('sql'))).toBe(true);
    expect(questionsIn(meta).size).toBe(150);
    expect(result.progress.done).toBe(150);
  });

  it('stops at maxQuestions across pages', async () => {
    const run = testRun(fake, (so) => (so.maxQuestions = 230));
    const result = await collectStackOverflow(run.ctx, { limits: FAST_LIMITS });
    expect(questionsIn(metadataOf(run.db)).size).toBe(230);
    expect(result.progress.done).toBe(230);
  });

  it('gives the same items with both answer strategies, and a re-run leaves them unchanged', async () => {
    const embedded = testRun(fake, (so) => (so.maxQuestions = 60));
    await collectStackOverflow(embedded.ctx, { answerStrategy: 'embedded', limits: FAST_LIMITS });
    const vectorized = testRun(fake, (so) => (so.maxQuestions = 60));
    await collectStackOverflow(vectorized.ctx, { answerStrategy: 'vectorized', limits: FAST_LIMITS });
    expect(storedQa(vectorized.db)).toEqual(storedQa(embedded.db));

    const again = testRun(fake, (so) => (so.maxQuestions = 60), embedded.db);
    const result = await collectStackOverflow(again.ctx, { limits: FAST_LIMITS });
    expect(result.progress.items).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: storedQa(embedded.db).length,
    });
  });

  it('updates an item whose content changed upstream', async () => {
    const run = testRun(fake, (so) => (so.maxQuestions = 5));
    await collectStackOverflow(run.ctx, { limits: FAST_LIMITS });
    const first = storedQa(run.db)[0];
    const answer = fake.site.byId
      .get(first.metadata.questionId as number)!
      .answers.find((a) => a.answer_id === first.metadata.answerId)!;
    const body = answer.body;
    answer.body = `${body}<p>Edit: also works in 3.12.</p>`;
    try {
      const again = testRun(fake, (so) => (so.maxQuestions = 5), run.db);
      const result = await collectStackOverflow(again.ctx, { limits: FAST_LIMITS });
      expect(result.progress.items.updated).toBe(1);
      expect(storedQa(run.db).find((i) => i.id === first.id)?.content).toContain('Edit: also works in 3.12.');
    } finally {
      answer.body = body;
    }
  });

  it('sends no key when none is set', async () => {
    const run = testRun(fake, (so) => {
      so.apiKey = '';
      so.maxQuestions = 5;
    });
    const before = fake.log.length;
    const result = await collectStackOverflow(run.ctx, { limits: FAST_LIMITS });
    expect(result.outcome).toBe('completed');
    expect(fake.log.slice(before).every((u) => !u.searchParams.has('key'))).toBe(true);
    expect(result.progress.quota?.[0].max).toBe(300);
  });
});
