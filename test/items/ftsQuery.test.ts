import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../src/main/core/items/ftsQuery.ts';

describe('toFtsQuery', () => {
  it('quotes every word and makes the last one a prefix while typing', () => {
    expect(toFtsQuery('async pars')).toBe('"async" "pars"*');
  });

  it('matches whole words only for a short last word', () => {
    expect(toFtsQuery('how do I')).toBe('"how" "do" "I"');
  });

  it('drops the prefix once the user types a space', () => {
    expect(toFtsQuery('async parse ')).toBe('"async" "parse"');
  });

  it('turns FTS5 syntax into plain text', () => {
    expect(toFtsQuery('title:foo NOT "bar" (baz) -xyz')).toBe('"title:foo" "NOT" "bar" "(baz)" "-xyz"*');
  });

  it('ignores words without letters or digits and empty input', () => {
    expect(toFtsQuery('  ')).toBeNull();
    expect(toFtsQuery('" * ::')).toBeNull();
    expect(toFtsQuery('=> map')).toBe('"map"*');
  });
});
