import { describe, expect, it } from 'vitest';
import { MATCH_END, MATCH_START } from '../../src/shared/itemsContract.ts';
import { searchTerms } from '../../src/main/core/store/ftsQuery.ts';
import { highlightMatches, matchSnippet } from '../../src/main/core/store/matchHighlight.ts';

const show = (s: string) => s.split(MATCH_START).join('[').split(MATCH_END).join(']');

describe('highlighting the rows on screen', () => {
  it('marks whole tokens, case- and accent-blind, like the unicode61 tokenizer', () => {
    expect(
      show(highlightMatches('Parse the JSON; reparse it. Café parse!', searchTerms('parse cafe '))),
    ).toBe('[Parse] the JSON; reparse it. [Café] [parse]!');
  });

  it('treats the last word as a prefix while it is being typed, whole words once a space follows', () => {
    expect(show(highlightMatches('serialize serializer series', searchTerms('serial')))).toBe(
      '[serialize] [serializer] series',
    );
    expect(show(highlightMatches('se serialize', searchTerms('se')))).toBe('[se] [serialize]');
    expect(show(highlightMatches('se serialize', searchTerms('se ')))).toBe('[se] serialize');
  });

  it('splits a word with punctuation into the tokens FTS5 matched', () => {
    expect(show(highlightMatches('def validate_user(name):', searchTerms('validate_user ')))).toBe(
      'def [validate]_[user](name):',
    );
  });

  it('cuts a window of words around the first match', () => {
    const text = `${'alpha '.repeat(40)}needle ${'omega '.repeat(40)}`;
    const snippet = show(matchSnippet(text, searchTerms('needle '), 8));
    expect(snippet).toBe('…alpha alpha [needle] omega omega omega omega omega…');
  });

  it('falls back to the start when the match lies beyond the text it was given', () => {
    expect(show(matchSnippet('one two three four', searchTerms('absent '), 3))).toBe('one two three…');
  });
});
