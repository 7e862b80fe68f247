import type { Language } from '../../../shared/settings.ts';

/** File extensions (lower case, with the dot) that hold source code of each language. */
export const EXTENSIONS: Record<Language, readonly string[]> = {
  python: ['.py'],
  javascript: ['.js', '.mjs', '.cjs', '.jsx'],
  typescript: ['.ts', '.tsx', '.mts', '.cts'],
  java: ['.java'],
  go: ['.go'],
  rust: ['.rs'],
};

const BY_EXTENSION = new Map<string, Language>(
  Object.entries(EXTENSIONS).flatMap(([lang, exts]) => exts.map((e) => [e, lang as Language])),
);

/** The language of a path by its extension, or undefined when it is not a source file we know. */
export function languageOfPath(path: string): Language | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return BY_EXTENSION.get(name.slice(dot).toLowerCase());
}
