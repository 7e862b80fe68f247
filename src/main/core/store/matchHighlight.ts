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

/** Context before the first match: little, so the match still shows in a narrow list column. */
const WORDS_BEFORE_MATCH = 2;

/**
 * A window of about `tokens` words around the first match, with every match in it marked, like FTS5's
 * snippet(). Done here for just the rows on screen: snippet() walks every match of a common word. The
 * text is walked lazily, and only as far as the window: it can be 50,000 characters.
 */
export function matchSnippet(text: string, terms: readonly SearchTerm[], tokens = 16): string {
  let first = 0;
  let index = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (matches(m[0], terms)) {
      first = index;
      break;
    }
    index++;
  }
  const from = Math.max(0, first - WORDS_BEFORE_MATCH);
  let start = -1;
  let end = text.length;
  index = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (index === from) start = m.index;
    if (index === from + tokens) {
      end = m.index;
      break;
    }
    index++;
  }
  if (start < 0) return '';
  const body = highlightMatches(text.slice(start, end), terms).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}
