import { afterEach, describe, expect, it } from 'vitest';
import type { StackoverflowQaMetadata } from '../../src/shared/items.ts';
import {
  collectStackOverflow,
  type AnswerStrategy,
} from '../../src/main/core/stackexchange/stackoverflowCollector.ts';
import { startFakeStackExchange, type FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import { deeplyNested, type FakeQuestion } from '../fakes/stackexchange/generatedSite.ts';
import { FAST_LIMITS, storedQa, testRun } from './harness.ts';

let fake: FakeStackExchange | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** Questions the collector takes, best first, each with answers that pass the score rule. */
async function site() {
  fake = await startFakeStackExchange({ site: { questions: 400, tags: ['python'], answerProbability: 0.3 } });
  const answered = fake.site.questions.filter((q) => q.answers.length > 0 && q.body);
  for (const q of answered) for (const a of q.answers) a.score = Math.max(a.score, 1);
  return { fake, answered };
}

async function collect(strategy: AnswerStrategy, maxQuestions = 100) {
  const run = testRun(fake!, (so) => (so.maxQuestions = maxQuestions));
  const result = await collectStackOverflow(run.ctx, { answerStrategy: strategy, limits: FAST_LIMITS });
  const skipLog = run.db.prepare('SELECT subject, reason, detail FROM skips ORDER BY id').all() as {
    subject: string;
    reason: string;
    detail: string | null;
  }[];
  return { run, result, skipLog, items: storedQa(run.db) };
}

const questionIds = (items: { metadata: Record<string, unknown> }[]) =>
  new Set(items.map((i) => (i.metadata as unknown as StackoverflowQaMetadata).questionId));

describe.each<AnswerStrategy>(['embedded', 'vectorized'])('Stack Exchange payloads (%s)', (strategy) => {
  it('collects posts without the optional fields, as the API serves them', async () => {
    const { answered } = await site();
    // Deleted owners (no user_id, no link), no owner at all, no content_license, no accepted answer.
    const [deleted, ownerless, unlicensed] = answered;
    const ghost = { display_name: 'user4021', user_type: 'does_not_exist' as const };
    deleted.owner = ghost;
    for (const a of deleted.answers) a.owner = ghost;
    delete ownerless.owner;
    for (const a of ownerless.answers) delete a.owner;
    delete unlicensed.content_license;
    for (const a of unlicensed.answers) delete a.content_license;
    for (const q of [deleted, ownerless, unlicensed]) delete q.accepted_answer_id;

    const { result, items } = await collect(strategy, 20);
    expect(result.outcome).toBe('completed');
    expect(result.progress.done).toBe(20);
    const meta = (q: FakeQuestion) =>
      items
        .map((i) => i.metadata as unknown as StackoverflowQaMetadata)
        .filter((m) => m.questionId === q.question_id);
    expect(meta(deleted).length).toBeGreaterThan(0);
    for (const m of meta(deleted)) expect(m).toMatchObject({ author: 'user4021', authorUrl: null });
    for (const m of meta(ownerless)) expect(m).toMatchObject({ author: 'unknown', authorUrl: null });
    for (const m of meta(unlicensed)) expect(m.license).toMatch(/^CC BY-SA \d\.\d$/);
    expect(meta(ownerless).length).toBeGreaterThan(0);
    expect(meta(unlicensed).length).toBeGreaterThan(0);
  });

  it('skips only the question without a title, naming the field, and keeps the rest of its page', async () => {
    const { answered } = await site();
    const [untitled, nullTitle, badLink, noLink] = answered.slice(3, 7);
    delete untitled.title;
    nullTitle.title = null;
    badLink.link = 'not a link';
    delete noLink.link;

    const { result, skipLog, items } = await collect(strategy, 60);
    expect(result.outcome).toBe('completed');
    expect(result.progress.done).toBe(60);
    const stored = questionIds(items);
    for (const q of [untitled, nullTitle, badLink, noLink]) expect(stored.has(q.question_id)).toBe(false);
    expect(skipLog).toEqual(
      expect.arrayContaining([
        { subject: `question ${untitled.question_id}`, reason: 'no_title', detail: 'no title' },
        { subject: `question ${nullTitle.question_id}`, reason: 'no_title', detail: 'no title' },
        { subject: `question ${badLink.question_id}`, reason: 'bad_link', detail: expect.any(String) },
        { subject: `question ${noLink.question_id}`, reason: 'no_link', detail: 'no link' },
      ]),
    );
    expect(result.progress.skips).toMatchObject({ no_title: 2, bad_link: 1, no_link: 1 });
    expect(result.progress.errors).toBe(0);
  });

  it('skips only the answer it cannot read', async () => {
    const { answered } = await site();
    const question = answered.find((q) => q.answers.length >= 2)!;
    const [broken, kept] = question.answers;
    (broken as { answer_id: unknown }).answer_id = 'x';
    broken.score = kept.score = 1000;
    const { result, items, skipLog } = await collect(strategy, 60);
    expect(result.outcome).toBe('completed');
    expect(items.map((i) => i.id)).toContain(`so_${question.question_id}_${kept.answer_id}`);
    expect(skipLog).toContainEqual({
      subject: `an answer of question ${question.question_id}`,
      reason: 'bad_answer_id',
      detail: expect.stringContaining('answer_id'),
    });
  });

  it('keeps the text of a post nested 1,000 lists or 6,000 divs deep, and the rest of its page', async () => {
    const { answered } = await site();
    const [lists, divs] = answered;
    lists.body = deeplyNested('list', 1000, 'bottom of the lists');
    divs.answers[0].body = deeplyNested('div', 6000, 'bottom of the divs');
    expect(divs.answers[0].body.length).toBeGreaterThan(27_000);

    const { result, items } = await collect(strategy, 50);
    expect(result.outcome).toBe('completed');
    expect(result.progress.done).toBe(50);
    expect(result.progress.errors).toBe(0);
    const content = (q: FakeQuestion) => items.find((i) => i.id.startsWith(`so_${q.question_id}_`))?.content;
    expect(content(lists)).toContain('bottom of the lists');
    expect(
      items.find((i) => i.id === `so_${divs.question_id}_${divs.answers[0].answer_id}`)?.content,
    ).toContain('bottom of the divs');
  });
});
