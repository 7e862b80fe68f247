import type { FakeRepo } from './corpus.ts';

type Range = { min: number; max: number };

/** "stars:>=10", "10..20", "<5", "*..9", "7": a closed range of numbers (dates as epoch ms). */
function range(value: string, parse: (s: string) => number, step: number): Range {
  const m = /^(>=|<=|>|<)?(.+)$/.exec(value)!;
  const [, op, rest] = m;
  if (!op && rest.includes('..')) {
    const [a, b] = rest.split('..');
    return { min: a === '*' ? -Infinity : parse(a), max: b === '*' ? Infinity : parse(b) + step - 1 };
  }
  const n = parse(rest);
  switch (op) {
    case '>=':
      return { min: n, max: Infinity };
    case '>':
      return { min: n + step, max: Infinity };
    case '<=':
      return { min: -Infinity, max: n + step - 1 };
    case '<':
      return { min: -Infinity, max: n - step };
    default:
      return { min: n, max: n + step - 1 };
  }
}

const DAY = 86_400_000;
const date = (s: string) => Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s);
const inRange = (v: number, r: Range) => v >= r.min && v <= r.max;

/**
 * A filter for the qualifiers the collector uses; free text and unknown qualifiers are ignored, and so
 * are those in `ignored` (a search that keeps answering the same results whatever the slice).
 */
export function repoMatcher(q: string, ignored: readonly string[] = []): (repo: FakeRepo) => boolean {
  const tests: ((r: FakeRepo) => boolean)[] = [];
  const languages: string[] = [];
  let fork = 'false';
  for (const token of q.split(/\s+/).filter(Boolean)) {
    const colon = token.indexOf(':');
    if (colon < 0) continue;
    const key = token.slice(0, colon).toLowerCase();
    const value = token.slice(colon + 1);
    if (ignored.includes(key)) continue;
    if (key === 'language') languages.push(value.toLowerCase());
    else if (key === 'stars') {
      const r = range(value, Number, 1);
      tests.push((repo) => inRange(repo.stars, r));
    } else if (key === 'size') {
      const r = range(value, Number, 1);
      tests.push((repo) => inRange(repo.sizeKb, r));
    } else if (key === 'pushed') {
      const dateOnly = !value.includes('T');
      const r = range(value, date, dateOnly ? DAY : 1000);
      tests.push((repo) => inRange(Date.parse(repo.pushedAt), r));
    } else if (key === 'fork') fork = value;
    else if (key === 'archived') tests.push((repo) => repo.archived === (value === 'true'));
  }
  if (languages.length) tests.push((repo) => languages.includes(repo.language.toLowerCase()));
  if (fork === 'only') tests.push((repo) => repo.fork);
  else if (fork !== 'true') tests.push((repo) => !repo.fork);
  return (repo) => tests.every((t) => t(repo));
}
