import type { PublicSettings } from '../../../../shared/settings.ts';

/** The keys of one section of the settings, as the form edits them. */
type KeyIn<S extends SectionId> = keyof PublicSettings[S] & string;
export type SectionId = keyof PublicSettings;

/** How a setting is edited. "secret" is a token or key (masked, typed to replace); "folder" a path. */
export type FieldKind =
  'text' | 'url' | 'date' | 'textarea' | 'number' | 'switch' | 'tags' | 'languages' | 'secret' | 'folder';

export type FieldSpec<S extends SectionId = SectionId> = {
  key: KeyIn<S>;
  kind: FieldKind;
  label: string;
  description: string;
  /** Numbers: a thousands separator for the big ones. */
  thousands?: boolean;
};

export type SectionSpec<S extends SectionId = SectionId> = {
  id: S;
  title: string;
  hint: string;
  /** The source whose connection the section's secret is for ("Test connection" beside it). */
  connection?: { label: string; secret: KeyIn<S> };
  fields: FieldSpec<S>[];
};

const github: SectionSpec<'github'> = {
  id: 'github',
  title: 'GitHub',
  hint: 'Repositories are found with GitHub search, then each is downloaded as one archive.',
  connection: { label: 'GitHub', secret: 'token' },
  fields: [
    {
      key: 'token',
      kind: 'secret',
      label: 'Token',
      description:
        'A personal access token (no scopes needed for public code): 5,000 requests an hour instead of 60.',
    },
    {
      key: 'baseUrl',
      kind: 'url',
      label: 'API base URL',
      description: 'https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise.',
    },
    {
      key: 'languages',
      kind: 'languages',
      label: 'Languages',
      description:
        'Files of these languages are kept; repositories are searched per language. Type to search.',
    },
    {
      key: 'minStars',
      kind: 'number',
      label: 'Minimum stars',
      description: 'Only repositories with at least this many stars.',
    },
    {
      key: 'pushedAfter',
      kind: 'date',
      label: 'Pushed after',
      description: 'Skip repositories nobody has pushed to since this date. Empty: any date.',
    },
    {
      key: 'minRepoSizeKb',
      kind: 'number',
      label: 'Minimum repository size (KB)',
      description: 'Skips empty and tiny repositories.',
    },
    {
      key: 'excludeForks',
      kind: 'switch',
      label: 'Exclude forks',
      description: "Forks mostly repeat their parent's files.",
    },
    {
      key: 'customQuery',
      kind: 'textarea',
      label: 'Custom search query',
      description: 'Replaces the query built from the fields above, e.g. topic:cli language:go stars:>50.',
    },
    {
      key: 'maxRepos',
      kind: 'number',
      label: 'Maximum repositories',
      description: 'Past 1,000 the search is sliced by stars and dates.',
      thousands: true,
    },
    {
      key: 'maxFilesPerRepo',
      kind: 'number',
      label: 'Maximum files per repository',
      description: 'The first files that pass the filters are kept.',
      thousands: true,
    },
    {
      key: 'maxFileSizeKb',
      kind: 'number',
      label: 'Maximum file size (KB)',
      description: 'Larger files are skipped and listed in the skip log.',
      thousands: true,
    },
    {
      key: 'maxInflatedMb',
      kind: 'number',
      label: 'Maximum unpacked archive (MB)',
      description: 'A repository whose archive unpacks to more is skipped, with its reason.',
      thousands: true,
    },
    {
      key: 'maxArchiveEntries',
      kind: 'number',
      label: 'Maximum archive entries',
      description: 'A repository with more files and folders than this is skipped, with its reason.',
      thousands: true,
    },
    {
      key: 'includeDocs',
      kind: 'switch',
      label: 'Keep documentation',
      description:
        'README, CONTRIBUTING and files under docs/ (Markdown, reStructuredText, text), as "GitHub docs" items.',
    },
    {
      key: 'includeGlobs',
      kind: 'tags',
      label: 'Include globs',
      description:
        'Keep only paths matching one of these, e.g. src/**. Empty: every path. Press Enter after each.',
    },
    {
      key: 'excludeGlobs',
      kind: 'tags',
      label: 'Exclude globs',
      description: 'Vendored, dependency, minified and generated files are excluded by default.',
    },
  ],
};

const stackoverflow: SectionSpec<'stackoverflow'> = {
  id: 'stackoverflow',
  title: 'Stack Overflow',
  hint: 'Questions by tag and score, each answer kept as one Q&A item with its attribution.',
  connection: { label: 'Stack Exchange', secret: 'apiKey' },
  fields: [
    {
      key: 'apiKey',
      kind: 'secret',
      label: 'API key',
      description: 'Optional. Without a key the API allows 300 requests a day; with one, 10,000.',
    },
    {
      key: 'baseUrl',
      kind: 'url',
      label: 'API base URL',
      description: 'https://api.stackexchange.com/2.3',
    },
    {
      key: 'site',
      kind: 'text',
      label: 'Site',
      description: "The Stack Exchange site's API name: stackoverflow, superuser, serverfault…",
    },
    {
      key: 'tags',
      kind: 'tags',
      label: 'Tags',
      description: 'Questions with any of these tags (at most 5). Press Enter after each.',
    },
    {
      key: 'minQuestionScore',
      kind: 'number',
      label: 'Minimum question score',
      description: 'Votes a question needs to be collected.',
    },
    {
      key: 'minAnswerScore',
      kind: 'number',
      label: 'Minimum answer score',
      description: 'Votes an answer needs to become an item.',
    },
    {
      key: 'acceptedOnly',
      kind: 'switch',
      label: 'Accepted answers only',
      description: 'Keep only the answer the asker accepted.',
    },
    {
      key: 'maxQuestions',
      kind: 'number',
      label: 'Maximum questions',
      description: 'Highest-voted first.',
      thousands: true,
    },
    {
      key: 'maxAnswersPerQuestion',
      kind: 'number',
      label: 'Maximum answers per question',
      description: 'The best answers first: accepted, then by score.',
    },
  ],
};

const pipeline: SectionSpec<'pipeline'> = {
  id: 'pipeline',
  title: 'Pipeline',
  hint: 'How a run uses both sources at once, and where the data goes.',
  fields: [
    {
      key: 'githubEnabled',
      kind: 'switch',
      label: 'Collect from GitHub',
      description: 'Include the GitHub source in runs.',
    },
    {
      key: 'stackoverflowEnabled',
      kind: 'switch',
      label: 'Collect from Stack Overflow',
      description: 'Include the Stack Overflow source in runs.',
    },
    {
      key: 'githubConcurrency',
      kind: 'number',
      label: 'GitHub concurrency',
      description: 'Repositories downloaded at once (1–16).',
    },
    {
      key: 'stackoverflowConcurrency',
      kind: 'number',
      label: 'Stack Overflow concurrency',
      description: 'Tags fetched at once (1–4); requests stay under 30 a second.',
    },
    {
      key: 'batchSize',
      kind: 'number',
      label: 'Batch size',
      description: 'Items written per database transaction.',
      thousands: true,
    },
    {
      key: 'continueOnError',
      kind: 'switch',
      label: 'Continue on error',
      description: 'When one source fails, the other keeps running.',
    },
    {
      key: 'maxErrorsPerSource',
      kind: 'number',
      label: 'Maximum errors per source',
      description: 'A source stops after this many errors.',
    },
    {
      key: 'dataFolder',
      kind: 'folder',
      label: 'Data folder',
      description:
        "Where the database and logs go; a change takes effect at the next start. Empty: the app's own folder.",
    },
  ],
};

/** Every setting the form shows, section by section, in the order the user meets them. */
export const SETTINGS_SECTIONS = [github, stackoverflow, pipeline] as const;

/** "github.minStars" -> "Minimum stars (GitHub)": how a field is named in a message. */
export function fieldTitle(path: string): string {
  const [section, key] = path.split('.');
  const spec = SETTINGS_SECTIONS.find((s) => s.id === section);
  const field = (spec?.fields as FieldSpec[] | undefined)?.find((f) => f.key === key);
  return field && spec ? `${field.label} (${spec.title})` : path;
}
