import { RequestError } from '@octokit/request-error';
import type { CollectorContext, CollectorResult } from '../collectors/collector.ts';
import { createCollectorRun } from '../collectors/collectorRun.ts';
import { createGithubClient } from './githubClient.ts';
import { toGithubItem, webBaseOf } from './githubItem.ts';
import { createLimitedFetch, type WaitNotice } from './limitedFetch.ts';
import { ArchiveCapError } from './archiveCaps.ts';
import { failureMessage } from './readableAnswers.ts';
import { readRepoArchive } from './repoArchive.ts';
import { fileFiltersKey, repoLedger } from '../store/repoLedger.ts';
import { createDiscoveryCursors } from './discoveryCursors.ts';
import { discoverRepositories, type DiscoveredRepo, type SearchCursor } from './repoDiscovery.ts';
import type { Repo } from './repoObject.ts';
import { createRepoFileSelector } from './repoFileSelector.ts';
import { sleep as realSleep, type Sleep } from './sleep.ts';
import { isRateLimitError, resourceOfError, tokenLimitsFor, type TokenLimits } from './tokenLimits.ts';
import { limitStopReason } from '../../../shared/runOutcome.ts';
import { readRepoTree } from './treeFallback.ts';

/** Knobs for tests and the benchmark; production uses the defaults. Not user settings. */
export type GithubCollectorDeps = {
  sleep?: Sleep;
  now?: () => number;
  /** Wait on a secondary limit that comes without retry-after (GitHub asks for at least 60 s). */
  secondaryFallbackSeconds?: number;
  /** Wait on a spent quota whose reset is missing or past (default 60 s). */
  primaryFallbackSeconds?: number;
  /** Spacing of search requests; the throttling plugin's default is 2,000 ms (30 a minute). */
  searchMinTimeMs?: number;
  /** Base of the backoff on 5xx and network errors: retry n waits n² × base (default 1,000 ms). */
  retryBaseMs?: number;
  /** An archive above this (compressed) falls back to tree + blobs. Default 512 MB. */
  maxArchiveBytes?: number;
  /** Default 250 ms: at most 4 progress events a second. */
  progressIntervalMs?: number;
  /** The token's limit state; by default the one shared in the process (tokenLimitsFor). */
  limits?: TokenLimits;
};

/** What a resumed run needs: where each search was and the repositories finished (items stored). */
type GithubPosition = {
  discovery: (SearchCursor | null)[];
  reposDone: string[];
};

const NO_TOKEN_WARNING =
  'No GitHub token: 60 requests an hour and 10 searches a minute for this IP address; a token gives 5,000 an hour';

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * What the figures of a completed run do not say: fewer repositories matched, search pages could not be
 * read (then how many match is not known), no token was used.
 */
function endReason(
  matched: number | undefined,
  unreadPages: number,
  repeated: boolean,
  token: string,
): string | undefined {
  const parts = [
    matched !== undefined && `only ${matched.toLocaleString('en-US')} repositories match`,
    repeated && 'the search gave the same repositories again, so the rest of it was not asked for',
    unreadPages > 0 && `${plural(unreadPages, 'search page', 'search pages')} could not be read`,
    !token && 'ran without a GitHub token: 60 requests an hour for this IP address',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** Per-repository answers that skip the repository rather than count an error. */
const REPO_SKIPS: Record<number, string> = {
  403: 'repo_forbidden',
  404: 'repo_not_found',
  409: 'repo_empty',
  451: 'repo_unavailable',
};

/**
 * Collects source files from GitHub: searches repositories (sliced past 1,000 results), downloads one
 * tarball per repository and streams it through the file filters (falling back to tree + blobs when
 * the archive fails), and stores one item per kept file in batches. Waits out rate limits (reported as
 * wait events), keeps a reserve of core quota, and stops on cancel, a rejected token, too many errors or
 * a lost connection (resumable, the repository or search page in hand not given up).
 */
export async function collectGithub(
  ctx: CollectorContext,
  deps: GithubCollectorDeps = {},
): Promise<CollectorResult> {
  const settings = ctx.settings.github;
  const { githubConcurrency } = ctx.settings.pipeline;
  const sleep = deps.sleep ?? realSleep;
  const now = deps.now ?? Date.now;
  const notify = (wait: WaitNotice) => {
    ctx.log.info(`Waiting: ${wait.reason}`, { until: wait.until.toISOString() });
    ctx.emit({ type: 'wait', source: 'github', reason: wait.reason, until: wait.until.toISOString() });
  };
  const limits = deps.limits ?? tokenLimitsFor(settings.baseUrl, settings.token);
  const api = createLimitedFetch({
    limits,
    apiBase: settings.baseUrl,
    inner: ctx.fetch ?? fetch,
    wait: true,
    sleep,
    notify,
    concurrency: githubConcurrency,
    fallbacks: {
      secondaryMs: deps.secondaryFallbackSeconds && deps.secondaryFallbackSeconds * 1000,
      primaryMs: deps.primaryFallbackSeconds && deps.primaryFallbackSeconds * 1000,
    },
    now,
  });
  const run = createCollectorRun<GithubPosition>(ctx, {
    source: 'github',
    unit: 'repositories',
    total: settings.maxRepos,
    progressIntervalMs: deps.progressIntervalMs,
    figures: () => ({ requests: api.requests(), quota: limits.quota() }),
  });
  const { progress, signal, resumed } = run;
  const reposDone = new Set(resumed?.reposDone ?? []);
  const discovery = createDiscoveryCursors(resumed?.discovery);
  const client = createGithubClient({
    baseUrl: settings.baseUrl,
    token: settings.token,
    fetch: api.fetch,
    limitRetries: 4,
    signal,
    searchMinTimeMs: deps.searchMinTimeMs,
    retryBaseMs: deps.retryBaseMs,
  });
  if (!settings.token) {
    ctx.log.warn(NO_TOKEN_WARNING);
    ctx.emit({ type: 'notice', source: 'github', message: NO_TOKEN_WARNING });
  }
  const webBase = webBaseOf(settings.baseUrl);
  const ledger = repoLedger(ctx.db, fileFiltersKey(settings));

  function skip(subject: string, reason: string, detail?: string, repo?: Repo): void {
    run.skip(subject, reason, detail, repo?.full_name);
  }
  const statusOf = (error: unknown) => (error instanceof RequestError ? error.status : undefined);

  /**
   * A limit still in force after the client waited it out a few times (a quota GitHub keeps saying is
   * spent): the source stops, resumable once it is over. Never the fault of a repository.
   */
  function stopForLimit(error: RequestError): void {
    const resource = resourceOfError(error);
    const block = limits.blocked(resource, githubConcurrency);
    const until = new Date(block?.until ?? now() + 60_000).toISOString();
    const reason =
      block && !/quota/.test(block.reason)
        ? `held by GitHub's secondary rate limit until ${until.slice(11, 16)} UTC`
        : limitStopReason(`${resource} quota`, until);
    run.stop(reason, until);
  }

  async function collectRepo(repo: Repo): Promise<void> {
    const collectedAt = new Date(now()).toISOString();
    const selector = createRepoFileSelector(settings, {
      keep: (file) => run.store([toGithubItem(repo, file, webBase, collectedAt)], repo.full_name),
      skip: (path, reason) => skip(`${repo.full_name}/${path}`, reason, undefined, repo),
    });
    const ref = { owner: repo.owner.login, name: repo.name, ref: repo.default_branch };
    const caps = {
      maxInflatedBytes: settings.maxInflatedMb * 1024 ** 2,
      maxEntries: settings.maxArchiveEntries,
    };
    try {
      await readRepoArchive(ref, selector, {
        client,
        signal,
        fetch: ctx.fetch ?? fetch,
        maxArchiveBytes: deps.maxArchiveBytes ?? 512 * 1024 ** 2,
        caps,
      });
      return;
    } catch (error) {
      // An API answer other than 404 is the repository's fate; anything else (a broken archive) falls back.
      const status = statusOf(error);
      if (signal.aborted || error instanceof ArchiveCapError || (status !== undefined && status !== 404))
        throw error;
      const detail = (error as Error).message;
      ctx.log.warn('Archive failed; falling back to tree + blobs', {
        repository: repo.full_name,
        reason: detail,
      });
      skip(repo.full_name, 'archive_failed', detail, repo);
      ctx.emit({ type: 'skip', source: 'github', subject: repo.full_name, reason: 'archive_failed', detail });
    }
    await readRepoTree(ref, selector, { client, signal, log: ctx.log, maxEntries: caps.maxEntries });
  }

  async function collectRepoSafely(found: DiscoveredRepo): Promise<void> {
    const { repo } = found;
    progress.phase = 'downloading';
    // A repository cut short by cancel or a stop is not finished: a resumed run reads it again.
    let finished = false;
    let readInFull = false;
    try {
      if (ledger.unchanged(repo))
        skip(repo.full_name, 'unchanged_repo', `nothing pushed since ${repo.pushed_at}`, repo);
      else {
        await collectRepo(repo);
        readInFull = true;
      }
      finished = true;
    } catch (error) {
      // Not finished (a limit still in force, a lost connection): a resumed run reads it again.
      if (signal.aborted || run.stopIfConnectionLost(error)) return;
      if (isRateLimitError(error)) return stopForLimit(error);
      finished = true;
      const status = statusOf(error);
      const message = failureMessage(error);
      if (status === 401) return run.fail('token rejected');
      const reason =
        error instanceof ArchiveCapError
          ? error.reason
          : status !== undefined
            ? REPO_SKIPS[status]
            : undefined;
      if (reason) {
        skip(repo.full_name, reason, message, repo);
        ctx.emit({ type: 'skip', source: 'github', subject: repo.full_name, reason, detail: message });
      } else {
        run.countError(`${repo.full_name}: ${message}`);
      }
    } finally {
      if (finished) {
        progress.done++;
        reposDone.add(repo.full_name);
        discovery.finished(found);
        run.finishUnit(repo.full_name, () => readInFull && ledger.collected(repo));
      }
      run.tick();
    }
  }

  /** How many repositories match in all, when the searches ran out before the maximum. */
  let matched: number | undefined;
  /** Search pages given up on, and why the last one was. */
  let unreadPages = 0;
  let lastSearchError = '';
  let repeated = false;
  const repos = discoverRepositories(
    settings,
    {
      client,
      signal,
      log: ctx.log,
      onError(message) {
        unreadPages++;
        lastSearchError = message;
        run.countError(message);
      },
      onSkip(subject, reason, detail) {
        ctx.log.warn(`Skipped a search result: ${detail}`);
        skip(subject, reason, detail);
        ctx.emit({ type: 'skip', source: 'github', subject, reason, detail });
      },
      onRepeats: () => (repeated = true),
      onTotal: (total) => (progress.total = Math.min(settings.maxRepos, total)),
      onExhausted: (n) => {
        matched = n;
        progress.total = n;
      },
    },
    resumed && {
      cursors: resumed.discovery.map((c) => c ?? undefined),
      done: [...reposDone],
    },
  );
  async function worker(): Promise<void> {
    while (!signal.aborted) {
      const next = await repos.next();
      if (next.done) return;
      discovery.found(next.value);
      await collectRepoSafely(next.value);
    }
  }

  return run.execute(
    () => ({ discovery: discovery.cursors(), reposDone: [...reposDone] }),
    async () => {
      progress.phase = 'searching';
      try {
        await Promise.all(Array.from({ length: githubConcurrency }, worker));
      } catch (error) {
        if (statusOf(error) === 401) run.fail('token rejected');
        else if (isRateLimitError(error)) stopForLimit(error);
        else if (!run.stopIfConnectionLost(error)) throw error;
      }
      if (signal.aborted) return undefined;
      // Nothing found because nothing could be read is no "0 repositories match".
      if (progress.done === 0 && unreadPages > 0)
        run.fail(`could not read GitHub's search answers; last: ${lastSearchError}`);
      progress.total = progress.done;
      return endReason(matched, unreadPages, repeated, settings.token);
    },
  );
}
