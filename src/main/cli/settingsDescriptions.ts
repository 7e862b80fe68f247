import type { Settings } from '../../shared/settings.ts';

type Described<T> = { [K in keyof T]: string };

/**
 * One sentence per setting, for the JSON Schema (editors show it on hover) and the commented example
 * `settings --defaults` prints. A test checks that every setting of the schema has one.
 */
export const SETTING_DESCRIPTIONS: { [S in keyof Settings]: Described<Settings[S]> } = {
  github: {
    token:
      'GitHub token (optional: 5,000 requests an hour instead of 60). Better given as GITHUB_TOKEN in the environment.',
    baseUrl: 'GitHub API address; change it only for GitHub Enterprise or a local server.',
    languages: 'Languages whose repositories and files are collected.',
    minStars: 'Only repositories with at least this many stars.',
    excludeForks: 'Leave out forks.',
    pushedAfter: 'Only repositories pushed to after this date (YYYY-MM-DD); empty for any date.',
    minRepoSizeKb: 'Only repositories of at least this size, in KB.',
    customQuery: 'A GitHub search query used instead of the one built from the fields above.',
    maxRepos: 'Stop after this many repositories.',
    maxFilesPerRepo: 'Files kept per repository at most.',
    maxFileSizeKb: 'Files larger than this (KB) are skipped.',
    maxInflatedMb: 'A repository whose archive unpacks to more than this (MB) is skipped.',
    maxArchiveEntries: 'A repository whose archive holds more files and folders than this is skipped.',
    includeDocs:
      'Also keep documentation: README, CONTRIBUTING and files under docs/ (Markdown, reStructuredText, text).',
    includeGlobs: 'When not empty, only files matching one of these globs.',
    excludeGlobs: 'Files matching any of these globs are skipped (vendored, generated, lock files).',
  },
  stackoverflow: {
    apiKey:
      'Stack Exchange key (optional: 10,000 requests a day instead of 300). Better given as STACKEXCHANGE_KEY.',
    site: 'Stack Exchange site API name, e.g. stackoverflow or superuser.',
    baseUrl: 'Stack Exchange API address; change it only for a local server.',
    tags: 'Questions with any of these tags (at most 5).',
    minQuestionScore: 'Only questions with at least this score.',
    minAnswerScore: 'Only answers with at least this score.',
    acceptedOnly: 'Keep only accepted answers.',
    maxQuestions: 'Stop after this many questions.',
    maxAnswersPerQuestion: 'Answers kept per question at most, best first.',
  },
  pipeline: {
    githubEnabled: 'Collect from GitHub.',
    stackoverflowEnabled: 'Collect from Stack Overflow.',
    githubConcurrency: 'Repositories downloaded at once.',
    stackoverflowConcurrency: 'Stack Overflow tags fetched at once.',
    batchSize: 'Items written per database transaction.',
    continueOnError: 'Keep a source going after an error (up to maxErrorsPerSource).',
    maxErrorsPerSource: 'A source stops after this many errors.',
    dataFolder: 'Folder for the database and logs; empty for the app’s own data folder.',
  },
};
