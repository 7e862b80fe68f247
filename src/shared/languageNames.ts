import type { Language } from './settings.ts';

/** How each language is written for people, wherever it is shown (Settings, facets, item details). */
export const LANGUAGE_NAMES: Record<Language, string> = {
  python: 'Python',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  java: 'Java',
  go: 'Go',
  rust: 'Rust',
};
