/** A one- or two-letter prefix expands to most of the vocabulary: slow, and no help to the user. */
const MIN_PREFIX = 3;

/** Folds a token the way FTS5's unicode61 tokenizer does: no diacritics, lower case. */
export const foldToken = (token: string) =>
  // Most tokens are ASCII, where folding is lower-casing (and normalizing costs ten times more).
  ASCII.test(token) ? token.toLowerCase() : token.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const ASCII = /^\p{ASCII}*$/u;

/** The tokens FTS5's unicode61 tokenizer sees: runs of letters and digits. */
export const TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * A word of the search (a phrase to FTS5 when it holds punctuation, e.g. validate_user), its tokens
 * folded, and whether its last token is a prefix (the last word, while it is still being typed).
 */
export type SearchTerm = { word: string; tokens: string[]; prefix: boolean };

/** The words a user typed, with the last one a prefix while it is still being typed (from 3 characters). */
export function searchTerms(text: string): SearchTerm[] {
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/"/g, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  const prefix = words.length > 0 && !/\s$/.test(text) && words[words.length - 1].length >= MIN_PREFIX;
  return words.map((word, i) => ({
    word,
    tokens: (word.match(TOKEN) ?? []).map(foldToken),
    prefix: prefix && i === words.length - 1,
  }));
}

/**
 * Turns what a user types into a safe FTS5 query: every word is quoted (so `-`, `:`, `*`, `"`, AND/OR/NOT
 * and parentheses are plain text), words must all match, and the last word also matches as a prefix while
 * it is still being typed. Null when there is nothing to search for.
 */
export function toFtsQuery(text: string): string | null {
  const terms = searchTerms(text);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.word}"${t.prefix ? '*' : ''}`).join(' ');
}
