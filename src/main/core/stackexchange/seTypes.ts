import { z } from 'zod';

/**
 * The parts of the API's question, answer and user types the collector reads (api.stackexchange.com/docs/types),
 * parsed tolerantly: the API leaves out or nulls many fields (the owner of a deleted user has no link,
 * `accepted_answer_id` only exists once one is accepted, older posts and filters lack `content_license`),
 * so every field the items can do without is optional, with absent, null and malformed alike. Only what an
 * item cannot be made without is required, and an object without it is skipped by name of the field.
 */

/** Absent, null or not of the type: undefined. */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().catch(undefined);

const httpUrl = z
  .string()
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'not an http(s) URL');

const ownerSchema = optional(
  z.object({
    display_name: optional(z.string()),
    /** Missing for deleted users (user_type "does_not_exist"). */
    link: optional(httpUrl),
  }),
);

export const seAnswerSchema = z.object({
  answer_id: z.number().int(),
  /** Left out of embedded answers by some filters; the question they sit in says it. */
  question_id: optional(z.number().int()),
  score: z.number().catch(0),
  /** Left out by some filters: the collector then goes by the question's accepted_answer_id. */
  is_accepted: z.boolean().catch(false),
  creation_date: optional(z.number()),
  owner: ownerSchema,
  content_license: optional(z.string()),
  body: optional(z.string()),
});
export type SeAnswer = z.infer<typeof seAnswerSchema>;

export const seQuestionSchema = z.object({
  question_id: z.number().int(),
  title: z.string().min(1),
  link: httpUrl,
  tags: z.array(z.string()).catch([]),
  score: z.number().catch(0),
  answer_count: optional(z.number()),
  accepted_answer_id: optional(z.number()),
  view_count: z.number().catch(0),
  creation_date: optional(z.number()),
  owner: ownerSchema,
  content_license: optional(z.string()),
  body: optional(z.string()),
  /** Only with a filter that includes question.answers; left out when there are none. Read one by one. */
  answers: optional(z.array(z.unknown())),
});
export type SeQuestion = z.infer<typeof seQuestionSchema>;

/** Why an object was not usable: the skip reason names the field ("no_title", "bad_link"). */
export type Unusable = { reason: string; detail: string };

export type Parsed<T> = { ok: true; value: T } | ({ ok: false; id?: number } & Unusable);

function parseWith<T>(schema: z.ZodType<T>, raw: unknown, idField: string): Parsed<T> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const field = String(issue.path[0] ?? 'object');
  const value = (raw as Record<string, unknown> | null)?.[field];
  const missing = value === undefined || value === null || value === '';
  const id = (raw as Record<string, unknown> | null)?.[idField];
  return {
    ok: false,
    id: typeof id === 'number' ? id : undefined,
    reason: `${missing ? 'no' : 'bad'}_${field}`,
    detail: missing ? `no ${field}` : `${field} ${JSON.stringify(value)?.slice(0, 80)}: ${issue.message}`,
  };
}

export const parseQuestion = (raw: unknown) => parseWith(seQuestionSchema, raw, 'question_id');
export const parseAnswer = (raw: unknown) => parseWith(seAnswerSchema, raw, 'answer_id');
