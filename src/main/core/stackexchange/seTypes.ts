/** The parts of the API's question, answer and user types the collector reads (api.stackexchange.com/docs/types). */

export type SeOwner = {
  user_id?: number;
  display_name?: string;
  /** Missing for deleted users (user_type "does_not_exist"). */
  link?: string;
  user_type?: string;
};

export type SeAnswer = {
  answer_id: number;
  question_id: number;
  score: number;
  is_accepted: boolean;
  creation_date: number;
  owner?: SeOwner;
  content_license?: string;
  body?: string;
};

export type SeQuestion = {
  question_id: number;
  title: string;
  tags: string[];
  score: number;
  answer_count: number;
  accepted_answer_id?: number;
  is_answered: boolean;
  view_count: number;
  creation_date: number;
  owner?: SeOwner;
  link: string;
  content_license?: string;
  body?: string;
  /** Only with a filter that includes question.answers; left out when there are none. */
  answers?: SeAnswer[];
};
