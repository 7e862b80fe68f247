import { MATCH_END, MATCH_START } from '../../../shared/itemsContract.ts';
import { foldToken, TOKEN, type SearchTerm } from './ftsQuery.ts';

function matches(token: string, terms: readonly SearchTerm[]): boolean {
  const t = foldToken(token);
  return terms.some((term) =>
    term.tokens.some((want, i) =>
      term.prefix && i === term.tokens.length - 1 ? t.startsWith(want) : t === want,
    ),
  );
}

/** Marks every token of `text` that a search term matches. */
export function highlightMatches(text: string, terms: readonly SearchTerm[]): string {
  return text.replace(TOKEN, (token) =>
    matches(token, terms) ? `${MATCH_START}${token}${MATCH_END}` : token,
  );
}

/**
 * A window of about `tokens` words around the first match, with every match in it marked, like FTS5's
 * snippet(). Done here for just the rows on screen: snippet() walks every match of a common word.
 */
export function matchSnippet(text: string, terms: readonly SearchTerm[], tokens = 16): string {
  const all = [...text.matchAll(TOKEN)];
  const first = all.findIndex((m) => matches(m[0], terms));
  const from = Math.max(0, (first < 0 ? 0 : first) - Math.floor(tokens / 4));
  const to = Math.min(all.length, from + tokens);
  if (all.length === 0) return '';
  const start = all[from].index;
  const end = to < all.length ? all[to].index : text.length;
  const body = highlightMatches(text.slice(start, end), terms).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < all.length ? '…' : ''}`;
}
