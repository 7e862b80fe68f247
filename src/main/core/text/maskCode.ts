import type { Language } from '../../../shared/settings.ts';

/** Stands in for each character inside a string literal: not a word character, not blank. */
export const STRING_FILL = '\u0001';

type Syntax = {
  lineComment: string;
  blockComments: boolean;
  /** Quote characters that open a string; backtick strings may span lines. */
  quotes: string;
  /** Python ''' and """, Java text blocks. */
  tripleQuotes: boolean;
  /** Rust: a quote is a char literal only when it closes right after, otherwise a lifetime. */
  charLiterals: boolean;
};

const C_LIKE: Syntax = {
  lineComment: '//',
  blockComments: true,
  quotes: `"'`,
  tripleQuotes: false,
  charLiterals: false,
};

const SYNTAX: Record<Language, Syntax> = {
  python: { lineComment: '#', blockComments: false, quotes: `"'`, tripleQuotes: true, charLiterals: false },
  javascript: { ...C_LIKE, quotes: '"\'`' },
  typescript: { ...C_LIKE, quotes: '"\'`' },
  java: { ...C_LIKE, tripleQuotes: true },
  go: { ...C_LIKE, quotes: '"\'`' },
  rust: { ...C_LIKE, quotes: '"', charLiterals: true },
};

const RUST_CHAR = /^'(?:\\.[^']*|[^\\'])'/;

/**
 * The source with every comment blanked (spaces) and every string's inside filled with STRING_FILL,
 * keeping newlines and offsets, so regexes see only code and an offset still points into the original.
 */
export function maskCode(source: string, language: Language): string {
  const syntax = SYNTAX[language];
  const out = source.split('');
  const fill = (from: number, to: number, ch: string) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ch;
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (source.startsWith(syntax.lineComment, i)) {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      fill(i, stop, ' ');
      i = stop;
    } else if (syntax.blockComments && source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      fill(i, stop, ' ');
      i = stop;
    } else if (syntax.charLiterals && c === "'") {
      const char = RUST_CHAR.exec(source.slice(i, i + 12));
      if (char) fill(i + 1, i + char[0].length - 1, STRING_FILL);
      i += char ? char[0].length : 1;
    } else if (syntax.quotes.includes(c)) {
      const triple = syntax.tripleQuotes && source.startsWith(c.repeat(3), i);
      const close = triple ? c.repeat(3) : c;
      const multiline = triple || c === '`';
      let j = i + close.length;
      while (j < source.length && !source.startsWith(close, j)) {
        if (source[j] === '\\') j++;
        else if (source[j] === '\n' && !multiline) break;
        j++;
      }
      fill(i + close.length, Math.min(j, source.length), STRING_FILL);
      i = Math.min(j + close.length, source.length);
    } else {
      i++;
    }
  }
  return out.join('');
}
