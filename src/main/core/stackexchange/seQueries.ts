import type { SeClient } from './seClient.ts';
import { FILTER_WITH_BODY } from './seFilters.ts';
import type { SeWrapper } from './seResponse.ts';
import type { SeAnswer, SeQuestion } from './seTypes.ts';

export const PAGE_SIZE = 100;
/** The API takes up to 100 ids in a vector. */
export const MAX_IDS = 100;

const epochSeconds = (d: Date | undefined) => (d ? Math.floor(d.getTime() / 1000) : undefined);

export type QuestionQuery = {
  tag: string;
  minScore: number;
  filter: string;
  fromDate?: Date;
  toDate?: Date;
};

/** One page of a tag's questions, highest score first, with at least `minScore` votes. */
export function fetchQuestionPage(
  client: SeClient,
  query: QuestionQuery,
  page: number,
): Promise<SeWrapper<SeQuestion>> {
  return client.get<SeQuestion>('questions', 'questions', {
    tagged: query.tag,
    sort: 'votes',
    order: 'desc',
    min: query.minScore,
    fromdate: epochSeconds(query.fromDate),
    todate: epochSeconds(query.toDate),
    pagesize: PAGE_SIZE,
    page,
    filter: query.filter,
  });
}

/**
 * The answers of up to 100 questions in as few requests as the API allows: one vector of ids, paged over
 * all their answers, already cut at `minScore` by the API (sort=votes&min=).
 */
export async function fetchAnswers(
  client: SeClient,
  questionIds: readonly number[],
  minScore: number,
): Promise<Map<number, SeAnswer[]>> {
  if (questionIds.length > MAX_IDS) throw new Error(`at most ${MAX_IDS} ids per request`);
  const byQuestion = new Map<number, SeAnswer[]>();
  const path = `questions/${questionIds.join(';')}/answers`;
  for (let page = 1, more = true; more; page++) {
    const wrapper = await client.get<SeAnswer>('questions/answers', path, {
      sort: 'votes',
      order: 'desc',
      min: minScore,
      pagesize: PAGE_SIZE,
      page,
      filter: FILTER_WITH_BODY,
    });
    for (const answer of wrapper.items) {
      const list = byQuestion.get(answer.question_id) ?? [];
      list.push(answer);
      byQuestion.set(answer.question_id, list);
    }
    more = wrapper.has_more;
  }
  return byQuestion;
}
