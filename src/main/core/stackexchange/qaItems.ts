import type { CollectedItem } from '../../../shared/items.ts';
import { decodeHtmlText, htmlToText } from '../text/htmlToText.ts';
import type { SeAnswer, SeQuestion } from './seTypes.ts';
import { contentHashOf } from '../store/itemStore.ts';

export type AnswerRules = {
  minAnswerScore: number;
  acceptedOnly: boolean;
  maxAnswersPerQuestion: number;
};

export type AnswerSkipReason = 'low_score_answer' | 'not_accepted' | 'answer_limit' | 'no_body';

/** Accepted first, then by score, then oldest first. */
const bestFirst = (a: SeAnswer, b: SeAnswer) =>
  Number(b.is_accepted) - Number(a.is_accepted) || b.score - a.score || a.answer_id - b.answer_id;

/** The answers worth a Q&A item, best first, and why each other one was left out. */
export function selectAnswers(
  answers: readonly SeAnswer[],
  rules: AnswerRules,
): { kept: SeAnswer[]; skipped: { answer: SeAnswer; reason: AnswerSkipReason }[] } {
  const kept: SeAnswer[] = [];
  const skipped: { answer: SeAnswer; reason: AnswerSkipReason }[] = [];
  for (const answer of [...answers].sort(bestFirst)) {
    const reason: AnswerSkipReason | undefined =
      rules.acceptedOnly && !answer.is_accepted
        ? 'not_accepted'
        : answer.score < rules.minAnswerScore
          ? 'low_score_answer'
          : !answer.body?.trim()
            ? 'no_body'
            : kept.length >= rules.maxAnswersPerQuestion
              ? 'answer_limit'
              : undefined;
    if (reason) skipped.push({ answer, reason });
    else kept.push(answer);
  }
  return { kept, skipped };
}

/** The licence a post was published under; older API filters leave content_license out. */
function licenseOf(post: Pick<SeAnswer, 'content_license' | 'creation_date'>): string {
  if (post.content_license) return post.content_license;
  if (post.creation_date == null) return 'CC BY-SA';
  if (post.creation_date < Date.UTC(2011, 3, 8) / 1000) return 'CC BY-SA 2.5';
  if (post.creation_date < Date.UTC(2018, 4, 2) / 1000) return 'CC BY-SA 3.0';
  return 'CC BY-SA 4.0';
}

const hasCodeTag = (html: string) => /<(code|pre)[\s>]/i.test(html);

export const qaItemId = (questionId: number, answerId: number) => `so_${questionId}_${answerId}`;

/**
 * One item per (question, answer) pair. The question body is converted once for all its answers.
 * `answers` should come from selectAnswers and the question must have a body.
 */
export function buildQaItems(
  site: string,
  question: SeQuestion,
  answers: readonly SeAnswer[],
  collectedAt = new Date().toISOString(),
): CollectedItem[] {
  const origin = new URL(question.link).origin;
  const title = decodeHtmlText(question.title);
  const questionText = htmlToText(question.body ?? '', { baseUrl: origin });
  return answers.map((answer) => {
    const content = `Title: ${title}\n\nQuestion:\n${questionText}\n\nAnswer:\n${htmlToText(answer.body ?? '', { baseUrl: origin })}`;
    return {
      id: qaItemId(question.question_id, answer.answer_id),
      source: 'stackoverflow_qa',
      title,
      content,
      contentHash: contentHashOf(content),
      collectedAt,
      metadata: {
        site,
        questionId: question.question_id,
        answerId: answer.answer_id,
        title,
        tags: question.tags,
        questionScore: question.score,
        answerScore: answer.score,
        accepted: answer.is_accepted,
        createdAt:
          question.creation_date == null ? '' : new Date(question.creation_date * 1000).toISOString(),
        viewCount: question.view_count,
        url: question.link,
        answerUrl: `${origin}/a/${answer.answer_id}`,
        hasCode: hasCodeTag(question.body ?? '') || hasCodeTag(answer.body ?? ''),
        totalScore: question.score + answer.score,
        author: decodeHtmlText(answer.owner?.display_name ?? 'unknown'),
        authorUrl: answer.owner?.link ?? null,
        license: licenseOf(answer),
      },
    };
  });
}
