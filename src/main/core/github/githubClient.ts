import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';

const ThrottledOctokit = Octokit.plugin(throttling, retry);
export type GithubClient = InstanceType<typeof ThrottledOctokit>;

/** A rate limit the throttling plugin met: a 403/429 with remaining 0 (primary) or a secondary-limit message. */
export type LimitHit = {
  kind: 'primary' | 'secondary';
  resource: 'core' | 'search';
  /** Seconds the plugin asks to wait: until the reset + 1 (primary), retry-after or the fallback (secondary). */
  retryAfterSeconds: number;
  /** Retries already made for this request. */
  retryCount: number;
  route: string;
};

export type GithubClientOptions = {
  baseUrl: string;
  token: string;
  userAgent?: string;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** False for one-shot checks that must answer now instead of waiting out a limit. */
  waitOnLimits?: boolean;
  fetch?: typeof fetch;
  /**
   * Does the waiting for a limit itself (so it can be reported and cancelled) and answers whether to
   * retry. Without it the plugin sleeps retryAfterSeconds and retries.
   */
  onLimit?: (hit: LimitHit) => Promise<boolean>;
  /** Seconds to wait on a secondary limit that comes without retry-after; GitHub asks for at least 60. */
  secondaryFallbackSeconds?: number;
  /** Spacing between search requests (30 a minute → 2 s). */
  searchMinTimeMs?: number;
  /** Base of the retry plugin's backoff on 5xx and network errors (retry n waits n² × base). */
  retryBaseMs?: number;
};

const resourceOf = (url: string): LimitHit['resource'] => (url.startsWith('/search/') ? 'search' : 'core');

/** The older secondary-limit text, which the throttling plugin (matching "secondary rate") lets through. */
const ABUSE_MESSAGE = /abuse detection/i;

type HttpError = {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined> };
};

/** Octokit with the throttling and retry plugins, pointed at github.com or a GitHub Enterprise host. */
export function createGithubClient(options: GithubClientOptions): GithubClient {
  const wait = options.waitOnLimits ?? true;
  const { onLimit } = options;
  const client = createOctokit(options, wait, onLimit);
  if (onLimit) {
    client.hook.wrap('request', async (request, endpoint) => {
      for (let retryCount = 0; ; retryCount++) {
        try {
          return await request(endpoint);
        } catch (error) {
          const e = error as HttpError;
          const limited = (e.status === 403 || e.status === 429) && ABUSE_MESSAGE.test(e.message ?? '');
          const retryAfterSeconds =
            Number(e.response?.headers?.['retry-after']) || (options.secondaryFallbackSeconds ?? 60);
          const route = `${endpoint.method} ${endpoint.url}`;
          if (
            !limited ||
            !(await onLimit({
              kind: 'secondary',
              resource: resourceOf(endpoint.url),
              retryAfterSeconds,
              retryCount,
              route,
            }))
          ) {
            throw error;
          }
        }
      }
    });
  }
  return client;
}

function createOctokit(
  options: GithubClientOptions,
  wait: boolean,
  onLimit: GithubClientOptions['onLimit'],
): GithubClient {
  const handler =
    (kind: LimitHit['kind']) =>
    (
      retryAfterSeconds: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number,
    ) =>
      onLimit
        ? onLimit({
            kind,
            resource: resourceOf(request.url),
            retryAfterSeconds,
            retryCount,
            route: `${request.method} ${request.url}`,
          })
        : wait;
  return new ThrottledOctokit({
    auth: options.token || undefined,
    baseUrl: options.baseUrl,
    userAgent: options.userAgent ?? 'code-helper-ingest',
    request: {
      fetch: options.fetch,
      ...(options.timeoutMs ? { signal: AbortSignal.timeout(options.timeoutMs) } : {}),
    },
    throttle: {
      enabled: wait,
      onRateLimit: handler('primary'),
      onSecondaryRateLimit: handler('secondary'),
      fallbackSecondaryRateRetryAfter: options.secondaryFallbackSeconds ?? 60,
      // onLimit has already waited when it answers, so the plugin retries at once.
      ...(onLimit ? { retryAfterBaseValue: 0 } : {}),
      ...(options.searchMinTimeMs !== undefined
        ? { search: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.searchMinTimeMs }) }
        : {}),
    },
    retry: {
      enabled: wait,
      ...(options.retryBaseMs !== undefined ? { retryAfterBaseValue: options.retryBaseMs } : {}),
    },
  });
}
