/**
 * The last word matches as a prefix of any word from this length. items_fts indexes prefixes of three to
 * six letters; a shorter one would expand to most of the content's vocabulary, so while the last word is
 * shorter it is looked for as a prefix of the words of titles and paths only (items_titles_fts).
 */
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
 * folded, whether its last token is a prefix (the last word, while it is still being typed), and whether
 * it is looked for in titles and paths only (a one- or two-letter last word being typed).
 */
export type SearchTerm = { word: string; tokens: string[]; prefix: boolean; titlesOnly: boolean };

/** The words a user typed, with the last one a prefix while it is still being typed. */
export function searchTerms(text: string): SearchTerm[] {
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/"/g, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  const typing = words.length > 0 && !/\s$/.test(text);
  return words.map((word, i) => {
    const last = typing && i === words.length - 1;
    return {
      word,
      tokens: (word.match(TOKEN) ?? []).map(foldToken),
      prefix: last,
      titlesOnly: last && word.length < MIN_PREFIX,
    };
  });
}

const phrase = (t: SearchTerm) => `"${t.word}"${t.prefix ? '*' : ''}`;

/**
 * What a user types as safe FTS5 queries: every word is quoted (so `-`, `:`, `*`, `"`, AND/OR/NOT and
 * parentheses are plain text), words must all match, and the last word also matches as a prefix while it
 * is still being typed. `everywhere` is for items_fts (titles, paths and content), `titles` for
 * items_titles_fts (a short last word); each null when it has nothing to look for.
 */
export type FtsQuery = { everywhere: string | null; titles: string | null };

export function toFtsQuery(text: string): FtsQuery {
  const terms = searchTerms(text);
  const join = (list: SearchTerm[]) => (list.length ? list.map(phrase).join(' ') : null);
  return {
    everywhere: join(terms.filter((t) => !t.titlesOnly)),
    titles: join(terms.filter((t) => t.titlesOnly)),
  };
}
