import { z } from 'zod';

/** What the collector uses of a repository object from the search; the rest of it is ignored. */
export type Repo = {
  full_name: string;
  owner: { login: string };
  name: string;
  stargazers_count: number;
  /** null for an empty repository (nothing pushed yet). */
  pushed_at: string | null;
  /** "HEAD" when the object names none: the tarball and the web links then follow the default branch. */
  default_branch: string;
  license: { spdx_id: string | null } | null;
};

/** Absent, null and unreadable are all "not given" for what the collector can do without. */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().catch(null);

const FULL_NAME = /^[^/\s]+\/[^/\s]+$/;

/** An essential field: "no X" when absent or null, "X is not …" when of another shape. */
const essential = (field: string, kind: string) => ({
  error: (issue: { input?: unknown }) => (issue.input == null ? `no ${field}` : `${field} is not ${kind}`),
});

const repoSchema = z.object({
  full_name: z
    .string(essential('full_name', '"owner/name"'))
    .regex(FULL_NAME, 'full_name is not "owner/name"'),
  stargazers_count: z
    .number(essential('stargazers_count', 'a number'))
    .int('stargazers_count is not a whole number')
    .nonnegative('stargazers_count is negative'),
  pushed_at: optional(z.string()),
  default_branch: optional(z.string().min(1)),
  license: optional(z.object({ spdx_id: optional(z.string()) })),
});

/** How a skip names an object: its full name when readable, else its id. */
function subjectOf(raw: unknown): string {
  if (typeof raw !== 'object' || raw === null) return 'search result';
  const { full_name: fullName, id } = raw as { full_name?: unknown; id?: unknown };
  if (typeof fullName === 'string' && FULL_NAME.test(fullName)) return fullName;
  return typeof id === 'number' || typeof id === 'string' ? `repository ${id}` : 'search result';
}

export type RepoReading = { repo: Repo } | { subject: string; problem: string };

/**
 * One repository object of a search answer. Only the full name and the star count are essential (the
 * walk down by stars needs the count); anything else missing, null or of another type is "not given".
 * An unusable object comes back with what is wrong with it, e.g. "repository 123: no full_name".
 */
export function readRepo(raw: unknown): RepoReading {
  const subject = subjectOf(raw);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { subject, problem: `${subject}: not an object` };
  const parsed = repoSchema.safeParse(raw);
  if (!parsed.success) return { subject, problem: `${subject}: ${parsed.error.issues[0].message}` };
  const { full_name, stargazers_count, pushed_at, default_branch, license } = parsed.data;
  const [login, name] = full_name.split('/');
  return {
    repo: {
      full_name,
      owner: { login },
      name,
      stargazers_count,
      pushed_at: pushed_at ?? null,
      default_branch: default_branch ?? 'HEAD',
      license: license ? { spdx_id: license.spdx_id ?? null } : null,
    },
  };
}
