import { z } from 'zod';

/** Languages the GitHub collector knows how to find, filter and analyse. */
export const LANGUAGES = ['python', 'javascript', 'typescript', 'java', 'go', 'rust'] as const;
export type Language = (typeof LANGUAGES)[number];

export const SOURCES = ['github', 'stackoverflow'] as const;
export type SourceId = (typeof SOURCES)[number];
export const sourceIdSchema = z.enum(SOURCES);

/** Vendored, dependency, minified, generated and lock files are rarely useful to a code helper. */
export const DEFAULT_EXCLUDE_GLOBS = [
  '**/node_modules/**',
  '**/vendor/**',
  '**/third_party/**',
  '**/dist/**',
  '**/build/**',
  '**/*.min.js',
  '**/*.min.css',
  '**/*.bundle.js',
  '**/*_pb2.py',
  '**/*.pb.go',
  '**/*.generated.*',
  '**/package-lock.json',
  '**/yarn.lock',
  '**/Cargo.lock',
  '**/go.sum',
];

const httpUrl = (hint: string) =>
  z
    .string()
    .trim()
    .refine((v) => {
      try {
        const u = new URL(v);
        return u.protocol === 'http:' || u.protocol === 'https:';
      } catch {
        return false;
      }
    }, hint)
    .transform((v) => v.replace(/\/+$/, ''));

/** Each source's API address: http(s) only, checked with a message for the field. */
export const BASE_URL_SCHEMAS = {
  github: httpUrl('Must be an http(s) URL, e.g. https://api.github.com'),
  stackoverflow: httpUrl('Must be an http(s) URL, e.g. https://api.stackexchange.com/2.3'),
} as const satisfies Record<SourceId, z.ZodType<string>>;

/**
 * A secret goes only to the origin (scheme, host and port) it was saved for: the same origin, or the
 * secret has to be given again.
 */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

const count = (min: number, max: number, what: string) =>
  z
    .number({ error: `Enter a number of ${what}` })
    .int(`Must be a whole number of ${what}`)
    .min(min, `Must be at least ${min}`)
    .max(max, `Must be at most ${max.toLocaleString('en-US')}`);

const glob = z.string().trim().min(1, 'A glob cannot be empty').max(200, 'A glob is at most 200 characters');

export const githubSettingsSchema = z.object({
  token: z.string().trim().max(400, 'A token is at most 400 characters').default(''),
  baseUrl: BASE_URL_SCHEMAS.github.default('https://api.github.com'),
  languages: z
    .array(z.enum(LANGUAGES, { error: `Choose from ${LANGUAGES.join(', ')}` }))
    .min(1, 'Choose at least one language')
    .default(['python', 'typescript']),
  minStars: count(0, 1_000_000, 'stars').default(100),
  excludeForks: z.boolean().default(true),
  pushedAfter: z
    .union([z.literal(''), z.iso.date({ error: 'Use a date like 2024-01-31' })])
    .default('2024-01-01'),
  minRepoSizeKb: count(0, 100_000_000, 'KB').default(10),
  customQuery: z.string().trim().max(256, 'GitHub accepts at most 256 characters').default(''),
  maxRepos: count(1, 100_000, 'repositories').default(100),
  maxFilesPerRepo: count(1, 100_000, 'files').default(200),
  maxFileSizeKb: count(1, 100_000, 'KB').default(256),
  /** A repository whose archive unpacks to more than this is skipped (a gzip bomb, a data dump). */
  maxInflatedMb: count(1, 100_000, 'MB').default(2048),
  /** A repository whose archive holds more entries (files and folders) than this is skipped. */
  maxArchiveEntries: count(1, 10_000_000, 'entries').default(100_000),
  /** README, CONTRIBUTING and docs/ files (Markdown, reStructuredText, text) as items of their own. */
  includeDocs: z.boolean().default(true),
  includeGlobs: z.array(glob).max(100).default([]),
  excludeGlobs: z.array(glob).max(100).default(DEFAULT_EXCLUDE_GLOBS),
});

export const stackoverflowSettingsSchema = z.object({
  apiKey: z.string().trim().max(200, 'A key is at most 200 characters').default(''),
  site: z
    .string()
    .trim()
    .regex(/^[a-z0-9.-]+$/, 'Use the site’s API name, e.g. stackoverflow or superuser')
    .default('stackoverflow'),
  baseUrl: BASE_URL_SCHEMAS.stackoverflow.default('https://api.stackexchange.com/2.3'),
  tags: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[a-z0-9+#.-]+$/, 'Tags are lower-case, e.g. python or c#'),
    )
    .min(1, 'Add at least one tag')
    .max(5, 'Stack Exchange accepts at most 5 tags')
    .default(['python']),
  minQuestionScore: count(-1000, 1_000_000, 'votes').default(5),
  minAnswerScore: count(-1000, 1_000_000, 'votes').default(1),
  acceptedOnly: z.boolean().default(false),
  maxQuestions: count(1, 10_000_000, 'questions').default(1000),
  maxAnswersPerQuestion: count(1, 100, 'answers').default(3),
});

export const pipelineSettingsSchema = z.object({
  githubEnabled: z.boolean().default(true),
  stackoverflowEnabled: z.boolean().default(true),
  githubConcurrency: count(1, 16, 'workers').default(4),
  stackoverflowConcurrency: count(1, 4, 'workers').default(1),
  batchSize: count(1, 10_000, 'items').default(200),
  continueOnError: z.boolean().default(true),
  maxErrorsPerSource: count(1, 100_000, 'errors').default(50),
  /**
   * Empty means the app's own data folder. The core checks on save that it is a full path to a folder
   * it can create and write in; a new folder takes effect at the next start.
   */
  dataFolder: z.string().trim().max(1000).default(''),
});

export const settingsSchema = z.object({
  github: githubSettingsSchema.prefault({}),
  stackoverflow: stackoverflowSettingsSchema.prefault({}),
  pipeline: pipelineSettingsSchema.prefault({}),
});

export type Settings = z.infer<typeof settingsSchema>;
export type GithubSettings = Settings['github'];
export type StackoverflowSettings = Settings['stackoverflow'];
export type PipelineSettings = Settings['pipeline'];

export const defaultSettings = (): Settings => settingsSchema.parse({});

/** How a secret appears outside the main process: never the value, only whether it is set and a hint. */
export const maskedSecretSchema = z.object({
  isSet: z.boolean(),
  /** e.g. "ghp_…9f2c"; empty when not set. */
  masked: z.string(),
  /**
   * A secret is stored but could not be decrypted (the system keychain changed): it has to be entered
   * again. Until then it counts as not set; the other settings are kept.
   */
  unreadable: z.boolean().optional(),
});
export type MaskedSecret = z.infer<typeof maskedSecretSchema>;

/** Settings as the renderer sees them: secrets replaced by their masked form. */
export type PublicSettings = {
  github: Omit<GithubSettings, 'token'> & { token: MaskedSecret };
  stackoverflow: Omit<StackoverflowSettings, 'apiKey'> & { apiKey: MaskedSecret };
  pipeline: PipelineSettings;
};

/**
 * A change to a secret sent by the renderer: keep what is stored, set a new value, or clear it.
 * The renderer never has the stored value, so "keep" is the common case.
 */
export const secretChangeSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('keep') }),
  z.object({ action: z.literal('clear') }),
  z.object({
    action: z.literal('set'),
    value: z.string().trim().min(1, 'Enter a value or clear it').max(400),
  }),
]);
export type SecretChange = z.infer<typeof secretChangeSchema>;

/** What Save sends: every setting, with the secrets as changes. Validated again in the core. */
export const settingsInputSchema = z.object({
  github: githubSettingsSchema.omit({ token: true }).extend({ token: secretChangeSchema }),
  stackoverflow: stackoverflowSettingsSchema.omit({ apiKey: true }).extend({ apiKey: secretChangeSchema }),
  pipeline: pipelineSettingsSchema,
});
export type SettingsInput = z.input<typeof settingsInputSchema>;

/** Field path ("github.minStars") -> message. */
export type FieldErrors = Record<string, string>;

export type SaveSettingsResult = { ok: true; settings: PublicSettings } | { ok: false; errors: FieldErrors };

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    // Array items report against the list ("github.includeGlobs"), which is the field the user sees.
    const path = issue.path.filter((p) => typeof p === 'string').join('.');
    errors[path] ??= issue.message;
  }
  return errors;
}

export function maskSecret(value: string): MaskedSecret {
  if (!value) return { isSet: false, masked: '' };
  const tail = value.length > 12 ? value.slice(-4) : '';
  const prefix = /^(gh[pousr]_|github_pat_)/.exec(value)?.[0] ?? '';
  return { isSet: true, masked: `${prefix}${'•'.repeat(8)}${tail}` };
}
