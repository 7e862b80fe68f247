import type { Language } from './settings.ts';

/** What every file collected from a repository carries, code or documentation. */
export type GithubFileMetadata = {
  repository: string; // "owner/name"
  repositoryUrl: string;
  path: string;
  fileUrl: string;
  size: number;
  blobSha: string;
  lastModified: string; // repository pushed_at
  stars: number;
  defaultBranch: string;
  license: string | null; // SPDX id
};

export type GithubCodeMetadata = GithubFileMetadata & {
  language: Language;
  linesOfCode: number;
  containsClasses: boolean;
  containsFunctions: boolean;
  containsImports: boolean;
  imports: string[];
  functions: string[];
  classes: string[];
};

/** How a documentation file is written. */
export type DocFormat = 'markdown' | 'restructuredtext' | 'text';

/** A documentation file of a repository: README, CONTRIBUTING, anything under docs/. */
export type GithubDocMetadata = GithubFileMetadata & {
  format: DocFormat;
  /** Lines that are not blank. */
  linesOfText: number;
};

export type StackoverflowQaMetadata = {
  site: string;
  questionId: number;
  answerId: number;
  title: string;
  tags: string[];
  questionScore: number;
  answerScore: number;
  accepted: boolean;
  createdAt: string;
  viewCount: number;
  url: string;
  answerUrl: string;
  hasCode: boolean;
  totalScore: number;
  author: string;
  authorUrl: string | null;
  license: string; // e.g. "CC BY-SA 4.0"
};

type ItemBase = {
  /** Stable across runs: GitHub "gh_" + hash of repository and path; Stack Overflow so_{question}_{answer}. */
  id: string;
  title: string;
  content: string;
  /** sha256 of content, so a re-run can tell an update from an unchanged item. */
  contentHash: string;
  collectedAt: string;
};

export type CollectedItem =
  | (ItemBase & { source: 'github_code'; metadata: GithubCodeMetadata })
  | (ItemBase & { source: 'github_doc'; metadata: GithubDocMetadata })
  | (ItemBase & { source: 'stackoverflow_qa'; metadata: StackoverflowQaMetadata });

export type ItemSource = CollectedItem['source'];
