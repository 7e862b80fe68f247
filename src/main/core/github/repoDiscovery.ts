import { z } from 'zod';
import type { GithubSettings } from '../../../shared/settings.ts';
import { lostConnectionCode } from '../collectors/lostConnection.ts';
import type { Logger } from '../logging/logger.ts';
import type { GithubClient } from './githubClient.ts';
import { failureMessage } from './readableAnswers.ts';
import { readRepo, type Repo } from './repoObject.ts';
import { isRateLimitError } from './tokenLimits.ts';
import {
  addDays,
  daysBetween,
  searchBases,
  searchQuery,
  type SearchBase,
  type Slice,
} from './searchQuery.ts';

const searchPageSchema = z.object({
  total_count: z.number(),
  // Absent in older answers (the 2014 recording).
  incomplete_results: z.boolean().nullish().catch(null),
  items: z.array(z.unknown()),
});

/** GitHub answers at most 1,000 results per search: 10 pages of 100. */
export const SEARCH_CAP = 1000;
const PER_PAGE = 100;
/** Before the first push dates GitHub has. */
const EARLIEST_PUSH = '2008-01-01';

export type DiscoveryDeps = {
  client: GithubClient;
  signal: AbortSignal;
  log: Logger;
  /** A search page that could not be had or read (after the client's retries); discovery goes on. */
  onError(message: string): void;
  /** A repository object too broken to use (e.g. no full_name): skipped, discovery goes on. */
  onSkip(subject: string, reason: 'unreadable_repository', detail: string): void;
  /** A search gave a page with nothing new: the rest of it is not asked for (see `pages`). */
  onRepeats?(): void;
  /** Repositories the searches report in all (before slicing), once each search has answered. */
  onTotal?(total: number): void;
  /**
   * The searches ran out before `maxRepos`, every page of them read: this many repositories match in
   * all. Not called when a page could not be read: then nobody knows how many match.
   */
  onExhausted?(matched: number): void;
  today?: () => string;
};

type Page = { total: number; repos: Repo[] };

/**
 * Where a search stream is: the star slice and the page of it. Saved with the checkpoint, so a resumed
 * run searches on from there instead of from the top. (Inside a cut by pushed date it points at the
 * slice's first page: those searches are redone, the repositories already done are skipped.)
 */
export type SearchCursor = { starsMin: number; starsMax: number | null; page: number };

/** A repository found, with the search stream that found it and where that stream was. */
export type DiscoveredRepo = { repo: Repo; stream: number; cursor: SearchCursor };

const cursorOf = (slice: Slice, page: number): SearchCursor => ({
  starsMin: slice.stars.min,
  starsMax: Number.isFinite(slice.stars.max) ? slice.stars.max : null,
  page,
});

/** One page of a search; undefined (after reporting it) when that page cannot be had. */
async function searchPage(q: string, page: number, deps: DiscoveryDeps): Promise<Page | undefined> {
  let response;
  try {
    response = await deps.client.request('GET /search/repositories', {
      q,
      sort: 'stars',
      order: 'desc',
      per_page: PER_PAGE,
      page,
      request: { signal: deps.signal, readable: (data) => searchPageSchema.safeParse(data).success },
    });
  } catch (error) {
    // A rejected token, a limit still in force after the client's waits or a lost connection stops the
    // source; a cancel stops everything.
    const status = (error as { status?: number }).status;
    if (deps.signal.aborted || status === 401 || isRateLimitError(error) || lostConnectionCode(error))
      throw error;
    deps.onError(`Search "${q}" page ${page} failed: ${failureMessage(error)}`);
    return undefined;
  }
  // The client tried it again until readable, or threw.
  const parsed = searchPageSchema.parse(response.data);
  if (parsed.incomplete_results)
    deps.log.warn('GitHub search timed out and returned partial results', { q, page });
  const repos: Repo[] = [];
  for (const item of parsed.items) {
    const reading = readRepo(item);
    if ('repo' in reading) repos.push(reading.repo);
    else deps.onSkip(reading.subject, 'unreadable_repository', reading.problem);
  }
  return { total: parsed.total_count, repos };
}

/** The pages of one query from `firstPage` on (at most the first 1,000 results), lazily, with page numbers. */
async function* pages(
  q: string,
  first: Page,
  firstPage: number,
  deps: DiscoveryDeps,
  stale: Stale,
): AsyncGenerator<{ repo: Repo; page: number }> {
  const watch = stale();
  for (let page = firstPage, next: Page | undefined = first; ;) {
    if (next) {
      // An empty page: the search has no more, whatever its total said.
      if (next.repos.length === 0) return;
      for (const repo of next.repos) yield { repo, page };
      if (watch(next.repos.length)) {
        deps.log.warn('The search repeats itself: a page gave nothing new; the rest of it is not asked for', {
          q,
          page,
        });
        deps.onRepeats?.();
        return;
      }
    }
    const last = Math.min(Math.ceil(first.total / PER_PAGE), SEARCH_CAP / PER_PAGE);
    if (++page > last || deps.signal.aborted) return;
    next = await searchPage(q, page, deps);
  }
}

/**
 * A watch over one query's pages, told after each page how many results it held: true once a page added
 * nothing the search had not given, past the repositories a correct search may give again (those at
 * the query's top star count, which the slice above ended on) — the search is repeating itself.
 */
type Stale = () => (results: number) => boolean;

type DateRange = { q: string; from: string; to: string; first: Page };

async function dateRange(
  base: SearchBase,
  stars: number,
  from: string,
  to: string,
  deps: DiscoveryDeps,
): Promise<DateRange | undefined> {
  const q = searchQuery(base, { stars: { min: stars, max: stars }, pushed: { from, to } });
  const first = await searchPage(q, 1, deps);
  return first && { q, from, to, first };
}

/**
 * A star value with more than 1,000 repositories: cut by pushed-date halves until each part fits. Halves
 * that hold more than their whole did were not cut at all (the search ignores the dates): then the first
 * 1,000 are all there is to have.
 */
async function* byPushedDate(
  range: DateRange,
  stars: number,
  base: SearchBase,
  deps: DiscoveryDeps,
  stale: Stale,
): AsyncGenerator<Repo> {
  const { q, from, to, first } = range;
  if (first.total > SEARCH_CAP && from !== to) {
    const middle = addDays(from, Math.floor(daysBetween(from, to) / 2));
    const halves = [
      await dateRange(base, stars, from, middle, deps),
      await dateRange(base, stars, addDays(middle, 1), to, deps),
    ];
    const inHalves = halves.reduce((n, h) => n + (h?.first.total ?? 0), 0);
    if (inHalves <= first.total) {
      for (const half of halves) if (half) yield* byPushedDate(half, stars, base, deps, stale);
      return;
    }
    deps.log.warn('Cutting by push date does not narrow this search; taking its first 1,000', { q });
  } else if (first.total > SEARCH_CAP) {
    deps.log.warn('More than 1,000 repositories on one day and star count; taking the first 1,000', { q });
  }
  for await (const { repo } of pages(q, first, 1, deps, stale)) yield repo;
}

/**
 * One search, walked down by stars: take the first 1,000 (most starred), then search again below the
 * lowest star count seen, until a search holds at most 1,000. A star count that alone holds more than
 * 1,000 is cut by pushed date. Results may repeat across slices: the caller dedupes.
 */
async function* sliced(
  base: SearchBase,
  deps: DiscoveryDeps,
  reportTotal: (n: number) => void,
  start?: SearchCursor,
): AsyncGenerator<{ repo: Repo; cursor: SearchCursor }> {
  let slice: Slice = start
    ? { stars: { min: start.starsMin, max: start.starsMax ?? Infinity } }
    : { stars: { min: base.minStars, max: Infinity } };
  let firstPage = start?.page ?? 1;
  // A resumed stream's first answer covers only what is left: its total would mislead.
  let reported = start !== undefined;
  /** What this search has given so far, with star counts: a slice that adds nothing to it ends the walk. */
  const known = new Map<string, number>();
  let fresh = 0;
  const found = (repo: Repo, cursor: SearchCursor) => {
    const name = repo.full_name.toLowerCase();
    if (!known.has(name)) fresh++;
    known.set(name, repo.stargazers_count);
    return { repo, cursor };
  };
  while (!deps.signal.aborted) {
    const q = searchQuery(base, slice);
    const first = await searchPage(q, firstPage, deps);
    if (!first) return;
    if (!reported) {
      reportTotal(first.total);
      reported = true;
    }
    fresh = 0;
    let lowest = Infinity;
    let highest = -Infinity;
    const stale = (top: number) => () => {
      const repeatable = [...known.values()].filter((stars) => stars === top).length;
      let read = 0;
      let freshBefore = fresh;
      return (results: number) => {
        read += results;
        const nothingNew = fresh === freshBefore;
        freshBefore = fresh;
        return nothingNew && read > repeatable;
      };
    };
    for await (const { repo, page } of pages(q, first, firstPage, deps, stale(slice.stars.max))) {
      lowest = Math.min(lowest, repo.stargazers_count);
      highest = Math.max(highest, repo.stargazers_count);
      yield found(repo, cursorOf(slice, page));
    }
    const whole = firstPage === 1;
    firstPage = 1;
    if (first.total <= SEARCH_CAP) return;
    if (base.custom && /\bstars:/.test(base.rest)) {
      deps.log.warn('The custom query matches more than 1,000 repositories; taking the first 1,000', { q });
      return;
    }
    if (lowest === Infinity) {
      deps.log.warn('The search gave no readable repository to walk down from; stopping this search', { q });
      return;
    }
    const byDate = lowest === slice.stars.max || lowest <= slice.stars.min;
    /** A whole slice that added nothing (and its date cut, once made, neither) ends the walk. */
    const exhausted = () => {
      if (!whole || fresh > 0) return false;
      deps.log.info('Search slices no longer find new repositories; this search ends here', {
        q,
        repositories: known.size,
      });
      return true;
    };
    // Only a slice of one star count has a date cut left to try; not one whose search ignored its
    // star range (it gave repositories above it), whose date cut would be ignored alike.
    if ((!byDate || highest > slice.stars.max) && exhausted()) return;
    if (byDate) {
      // A thousand repositories share this star count: cut it by date, then go on below it.
      const from = base.pushedAfter ? addDays(base.pushedAfter, 1) : EARLIEST_PUSH;
      const cursor = cursorOf(slice, 1);
      const range = await dateRange(base, lowest, from, (deps.today ?? todayUtc)(), deps);
      if (range)
        for await (const repo of byPushedDate(range, lowest, base, deps, stale(lowest)))
          yield found(repo, cursor);
      if (lowest <= slice.stars.min || exhausted()) return;
    }
    // Repositories with exactly `lowest` stars may continue past the cut, so search them again.
    slice = { stars: { min: slice.stars.min, max: byDate ? lowest - 1 : lowest } };
  }
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** Where a resumed run picks up: each stream's cursor, and the repositories it already collected. */
export type DiscoveryResume = { cursors: (SearchCursor | undefined)[]; done: readonly string[] };

/**
 * Repositories to collect, each once, most starred first within each search, taking from the
 * searches (one per language) in turn so every language gets its share, until `maxRepos` (counting
 * those a resumed run already collected, which are not yielded again).
 */
export async function* discoverRepositories(
  settings: GithubSettings,
  deps: DiscoveryDeps,
  resume?: DiscoveryResume,
): AsyncGenerator<DiscoveredRepo> {
  const bases = searchBases(settings);
  const totals = new Map<number, number>();
  let unread = 0;
  const counting: DiscoveryDeps = {
    ...deps,
    onError(message) {
      unread++;
      deps.onError(message);
    },
  };
  const streams = bases.map((base, i) =>
    sliced(
      base,
      counting,
      (n) => {
        totals.set(i, n);
        if (totals.size === bases.length) deps.onTotal?.([...totals.values()].reduce((a, b) => a + b, 0));
      },
      resume?.cursors[i],
    ),
  );
  const seen = new Set<string>(resume?.done.map((name) => name.toLowerCase()));
  const unseen = (step: IteratorResult<{ repo: Repo }>) =>
    step.done || !seen.has(step.value.repo.full_name.toLowerCase());
  let live = streams.map((generator, index) => ({ generator, index }));
  // Every search's first page before the first repository: the total is known from the start.
  const ahead = new Map<number, IteratorResult<{ repo: Repo; cursor: SearchCursor }>>();
  for (const stream of live) ahead.set(stream.index, await stream.generator.next());
  while (live.length > 0 && seen.size < settings.maxRepos && !deps.signal.aborted) {
    const next: typeof live = [];
    for (const stream of live) {
      let step = ahead.get(stream.index) ?? (await stream.generator.next());
      ahead.delete(stream.index);
      while (!unseen(step)) step = await stream.generator.next();
      if (step.done) continue;
      next.push(stream);
      seen.add(step.value.repo.full_name.toLowerCase());
      yield { ...step.value, stream: stream.index };
      if (seen.size >= settings.maxRepos || deps.signal.aborted) break;
    }
    live = next;
  }
  await Promise.all(streams.map((s) => s.return(undefined)));
  if (live.length === 0 && !deps.signal.aborted && seen.size < settings.maxRepos) {
    if (unread > 0) deps.log.warn(`Discovery ended with ${unread} search pages unread`);
    else {
      deps.log.info(`Discovery ended: only ${seen.size} repositories match`);
      deps.onExhausted?.(seen.size);
    }
  }
}
