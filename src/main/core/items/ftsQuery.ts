/** A one- or two-letter prefix expands to most of the vocabulary: slow, and no help to the user. */
const MIN_PREFIX = 3;

/**
 * Turns what a user types into a safe FTS5 query: every word is quoted (so `-`, `:`, `*`, `"`, AND/OR/NOT
 * and parentheses are plain text), words must all match, and the last word also matches as a prefix while
 * it is still being typed (from three characters on). Null when there is nothing to search for.
 */
export function toFtsQuery(text: string): string | null {
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/"/g, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return null;
  const prefix = !/\s$/.test(text) && words[words.length - 1].length >= MIN_PREFIX;
  return words.map((w, i) => `"${w}"${prefix && i === words.length - 1 ? '*' : ''}`).join(' ');
}
