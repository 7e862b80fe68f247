import type { GithubSettings, Language } from '../../../shared/settings.ts';

/** The part of a repository search that stars or pushed-date slices narrow down. */
export type SearchBase = {
  /** Everything but the stars and pushed qualifiers, e.g. "language:python size:>=10 fork:false archived:false". */
  rest: string;
  minStars: number;
  /** YYYY-MM-DD; repositories pushed after it. Empty for no bound. */
  pushedAfter: string;
  /** A custom query is used as written and can only be cut by stars when it has no stars qualifier. */
  custom: boolean;
};

export type Slice = {
  /** Inclusive star range; max Infinity for open-ended. */
  stars: { min: number; max: number };
  /** Inclusive date range (YYYY-MM-DD), when cut by pushed date. */
  pushed?: { from: string; to: string };
};

/** One search per chosen language (or the custom query alone), as GitHub allows 5 operators at most. */
export function searchBases(settings: GithubSettings): SearchBase[] {
  if (settings.customQuery) {
    return [{ rest: settings.customQuery, minStars: 0, pushedAfter: '', custom: true }];
  }
  const common = [
    settings.minRepoSizeKb > 0 ? `size:>=${settings.minRepoSizeKb}` : '',
    settings.excludeForks ? 'fork:false' : 'fork:true',
    'archived:false',
  ];
  return settings.languages.map((language: Language) => ({
    rest: [`language:${language}`, ...common].filter(Boolean).join(' '),
    minStars: settings.minStars,
    pushedAfter: settings.pushedAfter,
    custom: false,
  }));
}

export function starsQualifier({ min, max }: Slice['stars']): string {
  if (max === Infinity) return `stars:>=${min}`;
  return min === max ? `stars:${min}` : `stars:${min}..${max}`;
}

/** The q parameter for one slice of a search. */
export function searchQuery(base: SearchBase, slice: Slice): string {
  if (base.custom && /\bstars:/.test(base.rest) && !slice.pushed) return base.rest;
  const parts = [base.rest];
  if (!base.custom || slice.stars.min > 0 || slice.stars.max !== Infinity)
    parts.push(starsQualifier(slice.stars));
  if (slice.pushed) parts.push(`pushed:${slice.pushed.from}..${slice.pushed.to}`);
  else if (base.pushedAfter) parts.push(`pushed:>${base.pushedAfter}`);
  return parts.join(' ');
}

const DAY_MS = 86_400_000;
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
