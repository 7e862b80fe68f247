import type { Settings } from './settings.ts';

/**
 * How one setting is named and explained to people. The Settings form shows the label and description
 * (with `form`); the CLI's commented `settings --defaults` and the settings file's JSON Schema show them
 * with `file`. One table, so the two never tell a user different things.
 */
export type SettingText = {
  label: string;
  description: string;
  /** Said in the form only: how to edit it there. */
  form?: string;
  /** Said in a settings file only: the environment variable or flag that does it better. */
  file?: string;
};

export type SectionText = { title: string; hint: string };

export const SECTION_TEXT: { [S in keyof Settings]: SectionText } = {
  github: {
    title: 'GitHub',
    hint: 'Repositories are found with GitHub search, then each is downloaded as one archive.',
  },
  stackoverflow: {
    title: 'Stack Overflow',
    hint: 'Questions by tag and score, each answer kept as one Q&A item with its attribution.',
  },
  pipeline: {
    title: 'Pipeline',
    hint: 'How a run uses both sources at once, and where the data goes.',
  },
};

export const SETTING_TEXT: { [S in keyof Settings]: { [K in keyof Settings[S]]-?: SettingText } } = {
  github: {
    token: {
      label: 'Token',
      description:
        'Optional. A personal access token (no scopes needed for public code): 5,000 requests an hour instead of 60.',
      file: 'Better given as GITHUB_TOKEN in the environment.',
    },
    baseUrl: {
      label: 'API base URL',
      description: 'https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise.',
    },
    languages: {
      label: 'Languages',
      description: 'Files of these languages are kept; repositories are searched per language.',
      form: 'Type to search.',
    },
    minStars: {
      label: 'Minimum stars',
      description: 'Only repositories with at least this many stars.',
    },
    pushedAfter: {
      label: 'Pushed after',
      description: 'Skip repositories nobody has pushed to since this date. Empty: any date.',
      file: 'As YYYY-MM-DD.',
    },
    minRepoSizeKb: {
      label: 'Minimum repository size (KB)',
      description: 'Skips empty and tiny repositories.',
    },
    excludeForks: {
      label: 'Exclude forks',
      description: "Forks mostly repeat their parent's files.",
    },
    customQuery: {
      label: 'Custom search query',
      description: 'Replaces the query built from the fields above, e.g. topic:cli language:go stars:>50.',
    },
    maxRepos: {
      label: 'Maximum repositories',
      description: 'Stop after this many repositories. Past 1,000 the search is sliced by stars and dates.',
    },
    maxFilesPerRepo: {
      label: 'Maximum files per repository',
      description: 'The first files that pass the filters are kept.',
    },
    maxFileSizeKb: {
      label: 'Maximum file size (KB)',
      description: 'Larger files are skipped and listed in the skip log.',
    },
    maxInflatedMb: {
      label: 'Maximum unpacked archive (MB)',
      description: 'A repository whose archive unpacks to more is skipped, with its reason.',
    },
    maxArchiveEntries: {
      label: 'Maximum archive entries',
      description: 'A repository with more files and folders than this is skipped, with its reason.',
    },
    includeDocs: {
      label: 'Keep documentation',
      description:
        'README, CONTRIBUTING and files under docs/ (Markdown, reStructuredText, text), as "GitHub docs" items.',
    },
    includeGlobs: {
      label: 'Include globs',
      description: 'Keep only paths matching one of these, e.g. src/**. Empty: every path.',
      form: 'Press Enter after each.',
    },
    excludeGlobs: {
      label: 'Exclude globs',
      description:
        'Paths matching any of these are skipped; by default vendored, dependency, minified and generated files and lock files.',
    },
  },
  stackoverflow: {
    apiKey: {
      label: 'API key',
      description: 'Optional. Without a key the API allows 300 requests a day; with one, 10,000.',
      file: 'Better given as STACKEXCHANGE_KEY in the environment.',
    },
    baseUrl: {
      label: 'API base URL',
      description: 'https://api.stackexchange.com/2.3; change it only for a local server.',
    },
    site: {
      label: 'Site',
      description: "The Stack Exchange site's API name: stackoverflow, superuser, serverfault…",
    },
    tags: {
      label: 'Tags',
      description: 'Questions with any of these tags (at most 5).',
      form: 'Press Enter after each.',
    },
    minQuestionScore: {
      label: 'Minimum question score',
      description: 'Votes a question needs to be collected.',
    },
    minAnswerScore: {
      label: 'Minimum answer score',
      description: 'Votes an answer needs to become an item.',
    },
    acceptedOnly: {
      label: 'Accepted answers only',
      description: 'Keep only the answer the asker accepted.',
    },
    maxQuestions: {
      label: 'Maximum questions',
      description: 'Stop after this many questions, highest-voted first.',
    },
    maxAnswersPerQuestion: {
      label: 'Maximum answers per question',
      description: 'The best answers first: accepted, then by score.',
    },
  },
  pipeline: {
    githubEnabled: {
      label: 'Collect from GitHub',
      description: 'Include the GitHub source in runs.',
    },
    stackoverflowEnabled: {
      label: 'Collect from Stack Overflow',
      description: 'Include the Stack Overflow source in runs.',
    },
    githubConcurrency: {
      label: 'GitHub concurrency',
      description: 'Repositories downloaded at once (1–16).',
    },
    stackoverflowConcurrency: {
      label: 'Stack Overflow concurrency',
      description: 'Tags fetched at once (1–4); requests stay under 30 a second.',
    },
    batchSize: {
      label: 'Batch size',
      description: 'Items written per database transaction.',
    },
    continueOnError: {
      label: 'Continue on error',
      description: 'When one source fails, the other keeps running.',
    },
    maxErrorsPerSource: {
      label: 'Maximum errors per source',
      description: 'A source fails after this many errors (requests given up after their retries).',
    },
    dataFolder: {
      label: 'Data folder',
      description: "Where the database and logs go. Empty: the app's own folder.",
      form: 'A change takes effect at the next start.',
      file: '--data takes precedence.',
    },
  },
};

const joined = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ');

/** What the Settings form says under a field. */
export const formDescription = (text: SettingText) => joined(text.description, text.form);

/** What a settings file's comment and JSON Schema say of a setting: "Minimum stars. Only …". */
export const fileDescription = (text: SettingText) => joined(`${text.label}.`, text.description, text.file);
