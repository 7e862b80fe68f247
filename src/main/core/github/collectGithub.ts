import type { SourceProgress } from '../../../shared/events.ts';
import type { CollectedItem } from '../../../shared/items.ts';
import type { CollectorContext, CollectorResult } from '../collectors/collector.ts';
import { progressReporter } from '../collectors/progressReporter.ts';
import { emptyCounts, recordSkips, upsertItems, type SkipRecord } from '../store/itemStore.ts';
import { createGithubClient } from './githubClient.ts';
import { toGithubItem, webBaseOf } from './githubItem.ts';
import { limitWaiter, type WaitNotice } from './limitWaits.ts';
import { createQuotaTracker } from './quotaTracker.ts';
import { readRepoArchive } from './repoArchive.ts';
import { fileFiltersKey, repoLedger } from './repoLedger.ts';
import { createDiscoveryCursors } from './discoveryCursors.ts';
import { discoverRepositories, type DiscoveredRepo, type Repo, type SearchCursor } from './repoDiscovery.ts';
import { createRepoFileSelector } from './repoFileSelector.ts';
import { sleep as realSleep, type Sleep } from './sleep.ts';
import { readRepoTree } from './treeFallback.ts';

/** Knobs for tests and the benchmark; production uses the defaults. Not user settings. */
export type GithubCollectorDeps = {
  sleep?: Sleep;
  now?: () => number;
  /** Wait on a secondary limit that comes without retry-after (GitHub asks for at least 60 s). */
  secondaryFallbackSeconds?: number;
  /** Spacing of search requests; the throttling plugin's default is 2,000 ms (30 a minute). */
  searchMinTimeMs?: number;
  /** Base of the backoff on 5xx and network errors: retry n waits n² × base (default 1,000 ms). */
  retryBaseMs?: number;
  /** An archive above this (compressed) falls back to tree + blobs. Default 512 MB. */
  maxArchiveBytes?: number;
  /** Default 250 ms: at most 4 progress events a second. */
  progressIntervalMs?: number;
};

type HttpError = { status?: number; message?: string };

/** What a resumed run needs: where each search was, the repositories finished (items stored), the figures. */
type GithubCheckpoint = {
  discovery: (SearchCursor | null)[];
  reposDone: string[];
  progress: Pick<SourceProgress, 'done' | 'items' | 'skips' | 'errors'>;
};

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
 * wait events), keeps a reserve of core quota, and stops on cancel, a rejected token or too many errors.
 */
export async function collectGithub(
  ctx: CollectorContext,
  deps: GithubCollectorDeps = {},
): Promise<CollectorResult> {
  const settings = ctx.settings.github;
  const { batchSize, maxErrorsPerSource, githubConcurrency } = ctx.settings.pipeline;
  const sleep = deps.sleep ?? realSleep;
  const now = deps.now ?? Date.now;
  const stop = new AbortController();
  const signal = AbortSignal.any([ctx.signal, stop.signal]);
  let failure: string | undefined;

  const progress: SourceProgress = {
    source: 'github',
    phase: 'searching',
    done: 0,
    total: settings.maxRepos,
    unit: 'repositories',
    items: emptyCounts(),
    skips: {},
    errors: 0,
    requests: 0,
  };
  const resumed = ctx.checkpoint?.initial as GithubCheckpoint | undefined;
  const reposDone = new Set(resumed?.reposDone ?? []);
  const discovery = createDiscoveryCursors(resumed?.discovery);
  if (resumed) Object.assign(progress, structuredClone(resumed.progress));
  const notify = (wait: WaitNotice) => {
    ctx.log.info(`Waiting: ${wait.reason}`, { until: wait.until.toISOString() });
    ctx.emit({ type: 'wait', source: 'github', reason: wait.reason, until: wait.until.toISOString() });
  };
  const quota = createQuotaTracker({ sleep, notify, concurrency: githubConcurrency, now });
  const reporter = progressReporter(
    ctx.emit,
    () => ({ ...progress, requests: quota.requests(), quota: quota.quota() }),
    deps.progressIntervalMs ?? 250,
  );
  const client = createGithubClient({
    baseUrl: settings.baseUrl,
    token: settings.token,
    fetch: quota.meter(ctx.fetch ?? fetch, settings.baseUrl),
    onLimit: limitWaiter({ signal, sleep, notify, now }),
    secondaryFallbackSeconds: deps.secondaryFallbackSeconds,
    searchMinTimeMs: deps.searchMinTimeMs,
    retryBaseMs: deps.retryBaseMs,
  });
  const webBase = webBaseOf(settings.baseUrl);
  const ledger = repoLedger(ctx.db, fileFiltersKey(settings));

  function fail(reason: string): void {
    if (failure) return;
    failure = reason;
    ctx.log.error(`GitHub collection stopped: ${reason}`);
    ctx.emit({ type: 'error', source: 'github', message: reason, fatal: true });
    stop.abort();
  }
  function countError(message: string): void {
    progress.errors++;
    ctx.log.warn(message);
    ctx.emit({ type: 'error', source: 'github', message, fatal: false });
    if (progress.errors >= maxErrorsPerSource) fail(`too many errors (${progress.errors})`);
  }

  let pendingItems: CollectedItem[] = [];
  let pendingSkips: SkipRecord[] = [];
  /**
   * Writes the pending items. When a repository ends, also records it (when read in full) and saves the
   * checkpoint, in the same transaction.
   */
  function flushItems(ended?: { repo: Repo; readInFull: boolean }): void {
    if (pendingItems.length === 0 && !ended) return;
    const save = ctx.checkpoint?.save;
    const counts = upsertItems(ctx.db, pendingItems, {
      runId: ctx.runId,
      alsoInTransaction:
        ended &&
        (() => {
          if (ended.readInFull) ledger.collected(ended.repo);
          save?.(checkpointState());
        }),
    });
    pendingItems = [];
    for (const key of Object.keys(counts) as (keyof typeof counts)[]) progress.items[key] += counts[key];
    reporter.tick();
  }
  function checkpointState(): GithubCheckpoint {
    const { done, items, skips, errors } = progress;
    return {
      discovery: discovery.cursors(),
      reposDone: [...reposDone],
      progress: { done, items, skips, errors },
    };
  }
  function flushSkips(): void {
    recordSkips(ctx.db, pendingSkips, ctx.runId);
    pendingSkips = [];
  }
  function skip(subject: string, reason: string, detail?: string): void {
    progress.skips[reason] = (progress.skips[reason] ?? 0) + 1;
    pendingSkips.push({ source: 'github', subject, reason, detail });
    if (pendingSkips.length >= batchSize) flushSkips();
  }

  async function collectRepo(repo: Repo): Promise<void> {
    const collectedAt = new Date(now()).toISOString();
    const selector = createRepoFileSelector(settings, {
      keep: (file) => {
        pendingItems.push(toGithubItem(repo, file, webBase, collectedAt));
        if (pendingItems.length >= batchSize) flushItems();
      },
      skip: (path, reason) => skip(`${repo.full_name}/${path}`, reason),
    });
    const ref = { owner: repo.owner.login, name: repo.name, ref: repo.default_branch };
    try {
      await readRepoArchive(ref, selector, {
        client,
        signal,
        fetch: ctx.fetch ?? fetch,
        maxArchiveBytes: deps.maxArchiveBytes ?? 512 * 1024 ** 2,
      });
      return;
    } catch (error) {
      const status = (error as HttpError).status;
      if (signal.aborted || (status !== undefined && status !== 404 && 'request' in (error as object)))
        throw error;
      const detail = (error as Error).message;
      ctx.log.warn('Archive failed; falling back to tree + blobs', {
        repository: repo.full_name,
        reason: detail,
      });
      skip(repo.full_name, 'archive_failed', detail);
      ctx.emit({ type: 'skip', source: 'github', subject: repo.full_name, reason: 'archive_failed', detail });
    }
    await readRepoTree(ref, selector, { client, signal, log: ctx.log });
  }

  async function collectRepoSafely(found: DiscoveredRepo): Promise<void> {
    const { repo } = found;
    progress.phase = 'downloading';
    // A repository cut short by cancel or a stop is not finished: a resumed run reads it again.
    let finished = false;
    let readInFull = false;
    try {
      if (ledger.unchanged(repo))
        skip(repo.full_name, 'unchanged_repo', `nothing pushed since ${repo.pushed_at}`);
      else {
        await collectRepo(repo);
        readInFull = true;
      }
      finished = true;
    } catch (error) {
      if (signal.aborted) return;
      finished = true;
      const e = error as HttpError;
      if (e.status === 401) return fail('token rejected');
      const reason = e.status !== undefined ? REPO_SKIPS[e.status] : undefined;
      if (reason) {
        skip(repo.full_name, reason, e.message);
        ctx.emit({ type: 'skip', source: 'github', subject: repo.full_name, reason, detail: e.message });
      } else {
        countError(`${repo.full_name}: ${e.message ?? String(error)}`);
      }
    } finally {
      if (finished) {
        progress.done++;
        reposDone.add(repo.full_name);
        discovery.finished(found);
        flushItems({ repo, readInFull });
      }
      reporter.tick();
    }
  }

  const repos = discoverRepositories(
    settings,
    {
      client,
      signal,
      log: ctx.log,
      onError: countError,
      onTotal: (total) => (progress.total = Math.min(settings.maxRepos, total)),
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

  try {
    await Promise.all(Array.from({ length: githubConcurrency }, worker));
  } catch (error) {
    if (!signal.aborted) {
      const e = error as HttpError;
      if (e.status === 401) fail('token rejected');
      else fail(e.message ?? String(error));
    }
  } finally {
    // Whole files already read stay, whatever stopped the run.
    flushItems();
    flushSkips();
  }

  const outcome = failure ? 'failed' : ctx.signal.aborted ? 'cancelled' : 'completed';
  progress.phase = outcome === 'completed' ? 'done' : outcome;
  if (outcome === 'completed') progress.total = progress.done;
  reporter.final();
  return {
    outcome,
    reason: failure ?? (outcome === 'cancelled' ? 'cancelled' : undefined),
    progress: { ...progress, requests: quota.requests(), quota: quota.quota() },
  };
}
