import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { RequestError } from '@octokit/request-error';
import Bottleneck from 'bottleneck';
import { abortError } from './abortError.ts';
import { readableAnswers } from './readableAnswers.ts';
import { cancellableBackoff, type BackoffOptions } from './retryBackoff.ts';

// The first plugins' hooks run inside the later ones', once per attempt: an unreadable answer is a
// failure the backoff waits after and the retry plugin retries.
const GithubOctokit = Octokit.plugin(readableAnswers, cancellableBackoff, throttling, retry);
export type GithubClient = InstanceType<typeof GithubOctokit>;

export type GithubClientOptions = {
  baseUrl: string;
  token: string;
  userAgent?: string;
  /** Octokit's fetch; the limited fetch (limitedFetch.ts) holds and learns, this client only retries. */
  fetch?: typeof fetch;
  /**
   * Times a request that met a rate limit is tried again (the limited fetch holds each try until the
   * wait is over). Default 0: a one-shot check, which answers at once and has no use for the throttling
   * plugin's spacing and queues either.
   */
  limitRetries?: number;
  /** Spacing between search requests (30 a minute → 2 s). */
  searchMinTimeMs?: number;
  /** Retries of a 5xx, a reset connection or a timeout (default 3), and the base of their backoff. */
  retries?: number;
  retryBaseMs?: number;
  /** When it aborts, the requests queued for their turn (search spacing, concurrency) drop out at once. */
  signal?: AbortSignal;
};

/** The older secondary-limit text, which the throttling plugin (matching "secondary rate") lets through. */
const ABUSE_MESSAGE = /abuse detection/i;
/** The retry plugin's list, and 429: a limit is for the throttling plugin and the token's hold. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

/**
 * Octokit with the throttling and retry plugins, pointed at github.com or a GitHub Enterprise host. Every
 * wait it has can be cut short: the backoff between retries and the queues of the throttling plugin end
 * when `signal` (or the request's own) aborts, and an aborted request is never retried.
 */
export function createGithubClient(options: GithubClientOptions): GithubClient {
  const backoff: BackoffOptions = { baseMs: options.retryBaseMs };
  const search = new Bottleneck.Group({ maxConcurrent: 1, minTime: options.searchMinTimeMs ?? 2000 });
  const global = new Bottleneck.Group({ maxConcurrent: 10 });
  options.signal?.addEventListener(
    'abort',
    () => {
      for (const group of [search, global])
        for (const { limiter } of group.limiters()) void limiter.stop({ dropWaitingJobs: true });
    },
    { once: true },
  );
  const retryLimit = (retryCount: number) =>
    retryCount < (options.limitRetries ?? 0) && !options.signal?.aborted;
  const limitHandler = (_after: number, _request: unknown, _octokit: unknown, retryCount: number) =>
    retryLimit(retryCount);
  const client = new GithubOctokit({
    auth: options.token || undefined,
    baseUrl: options.baseUrl,
    userAgent: options.userAgent ?? 'code-helper-ingest',
    request: { fetch: options.fetch },
    backoff,
    throttle: {
      enabled: (options.limitRetries ?? 0) > 0,
      onRateLimit: limitHandler,
      onSecondaryRateLimit: limitHandler,
      // The limited fetch holds the retry until the wait is over: the plugin itself waits nothing.
      retryAfterBaseValue: 0,
      search,
      ...({ global } as object),
    },
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: 0, doNotRetry: DO_NOT_RETRY },
  });
  client.hook.wrap('request', async (request, endpoint) => {
    const signal = endpoint.request?.signal as AbortSignal | undefined;
    for (let retryCount = 0; ; retryCount++) {
      try {
        return await request(endpoint);
      } catch (error) {
        const aborted = signal?.aborted ? signal : options.signal?.aborted ? options.signal : undefined;
        if (aborted) throw abortError(aborted);
        const abuse =
          error instanceof RequestError &&
          (error.status === 403 || error.status === 429) &&
          ABUSE_MESSAGE.test(error.message);
        if (!abuse || !retryLimit(retryCount)) throw error;
      }
    }
  });
  return client;
}
