import type { SeClient } from './seClient.ts';
import { FILTER_WITH_BODY } from './seFilters.ts';
import type { SeWrapper } from './seResponse.ts';

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

/** One page of a tag's questions, highest score first, with at least `minScore` votes; items unread. */
export function fetchQuestionPage(
  client: SeClient,
  query: QuestionQuery,
  page: number,
): Promise<SeWrapper<unknown>> {
  return client.get<unknown>('questions', 'questions', {
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
 * all their answers, already cut at `minScore` by the API (sort=votes&min=). Answers are grouped, unread,
 * by their question_id; one without a usable question_id cannot be placed and is a stray.
 */
export async function fetchAnswers(
  client: SeClient,
  questionIds: readonly number[],
  minScore: number,
): Promise<{ byQuestion: Map<number, unknown[]>; strays: unknown[] }> {
  if (questionIds.length > MAX_IDS) throw new Error(`at most ${MAX_IDS} ids per request`);
  const byQuestion = new Map<number, unknown[]>();
  const strays: unknown[] = [];
  const path = `questions/${questionIds.join(';')}/answers`;
  for (let page = 1, more = true; more; page++) {
    const wrapper = await client.get<unknown>('questions/answers', path, {
      sort: 'votes',
      order: 'desc',
      min: minScore,
      pagesize: PAGE_SIZE,
      page,
      filter: FILTER_WITH_BODY,
    });
    for (const answer of wrapper.items) {
      const id = (answer as { question_id?: unknown } | null)?.question_id;
      if (typeof id !== 'number') strays.push(answer);
      else (byQuestion.get(id) ?? byQuestion.set(id, []).get(id)!).push(answer);
    }
    more = wrapper.has_more;
  }
  return { byQuestion, strays };
}
