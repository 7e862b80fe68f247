import { LANGUAGE_NAMES } from './languageNames.ts';

/**
 * How item sources and languages are named to the user on the Items screen (the stored values are
 * lower-case ids). Unknown values are shown as they are.
 */
const SOURCE_LABELS: Record<string, string> = {
  github_code: 'GitHub code',
  github_doc: 'GitHub docs',
  stackoverflow_qa: 'Stack Overflow',
};

export const sourceLabel = (source: string) => SOURCE_LABELS[source] ?? source;
export const languageLabel = (language: string) =>
  (LANGUAGE_NAMES as Record<string, string>)[language] ?? language;
