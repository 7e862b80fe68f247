import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../src/main/core/store/ftsQuery.ts';

const everywhere = (text: string) => toFtsQuery(text).everywhere;

describe('toFtsQuery', () => {
  it('quotes every word and makes the last one a prefix while typing', () => {
    expect(toFtsQuery('async pars')).toEqual({ everywhere: '"async" "pars"*', titles: null });
  });

  it('looks for a one- or two-letter last word as a prefix in titles and paths only', () => {
    expect(toFtsQuery('s')).toEqual({ everywhere: null, titles: '"s"*' });
    expect(toFtsQuery('how do I')).toEqual({ everywhere: '"how" "do"', titles: '"I"*' });
    expect(toFtsQuery('se')).toEqual({ everywhere: null, titles: '"se"*' });
    expect(toFtsQuery('ser')).toEqual({ everywhere: '"ser"*', titles: null });
  });

  it('drops the prefix once the user types a space, so a short word is a whole word again', () => {
    expect(everywhere('async parse ')).toBe('"async" "parse"');
    expect(toFtsQuery('go ')).toEqual({ everywhere: '"go"', titles: null });
  });

  it('turns FTS5 syntax into plain text', () => {
    expect(everywhere('title:foo NOT "bar" (baz) -xyz')).toBe('"title:foo" "NOT" "bar" "(baz)" "-xyz"*');
  });

  it('ignores words without letters or digits and empty input', () => {
    expect(toFtsQuery('  ')).toEqual({ everywhere: null, titles: null });
    expect(toFtsQuery('" * ::')).toEqual({ everywhere: null, titles: null });
    expect(everywhere('=> map')).toBe('"map"*');
  });
});
