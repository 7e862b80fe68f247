/**
 * Filters decide which fields the API returns (api.stackexchange.com/docs/filters). Custom filters are
 * immutable ids made once with /filters/create, so they are baked in here.
 */

/**
 * Built-in: the default fields plus `body` on questions and answers. The default fields in 2.3 include
 * what the items need: question.{question_id, title, tags, score, answer_count, accepted_answer_id,
 * is_answered, view_count, creation_date, link, owner, content_license} and answer.{answer_id, question_id,
 * score, is_accepted, creation_date, owner, content_license}; owner.{display_name, link, user_type}.
 */
export const FILTER_WITH_BODY = 'withbody';

/**
 * Custom: the default fields plus question.body, question.answers and answer.body, so one /questions page
 * carries up to 100 questions with all their answers. Id from a public scraper that uses it for "body and
 * answers" (previtus/Stackoverflow_Scraper); the equivalent request is
 * /filters/create?base=default&include=question.body;question.answers;answer.body&unsafe=false.
 */
export const FILTER_WITH_ANSWERS = '!-y(KwOdKR5Ga7mmruVArx2SJykc-M)3jKiDQBk1fq';
