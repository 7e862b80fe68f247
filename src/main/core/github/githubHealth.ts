import { RequestError } from '@octokit/request-error';
import type { ConnectionReport } from '../../../shared/connection.ts';
import { describeFailure, formatQuota } from '../health/describeFailure.ts';
import { withResponseTimeout } from '../pipeline/responseTimeout.ts';
import { createGithubClient } from './githubClient.ts';
import { createLimitedFetch, HeldByLimitError } from './limitedFetch.ts';
import { sleep } from './sleep.ts';
import { tokenLimitsFor, type Block, type TokenLimits } from './tokenLimits.ts';

export type GithubCheckDeps = {
  fetch?: typeof fetch;
  /** Per attempt: a request with no answer after this long is tried again. Default 10 s. */
  timeoutMs?: number;
  /** Base of the backoff between tries (n² × base; default 500 ms). */
  retryBaseMs?: number;
  /** Cancels the check (a run cancelled while it checks its sources). */
  signal?: AbortSignal;
  /** The token's limit state; by default the one shared in the process, which the collector reads too. */
  limits?: TokenLimits;
  /**
   * Also GET /user, for the login (Test connection). Without it (the check before a run) only the free
   * GET /rate_limit is sent, which answers 401 to a rejected token all the same.
   */
  identify?: boolean;
};

type RateLimits = Record<'core' | 'search', { limit: number; remaining: number; reset: number }>;

/** No billed request may leave now: the quota is spent, or a secondary limit holds the token. */
function heldReport(block: Block, limits: TokenLimits): ConnectionReport {
  const core = limits.quota().find((q) => q.name === 'core');
  if (/quota/.test(block.reason) && core) {
    return {
      source: 'github',
      status: 'rate_limited',
      message: `The hourly quota is spent until ${core.resetAt}; collection waits for the reset`,
      quotaRemaining: core.remaining,
      quotaMax: core.max,
      resetAt: core.resetAt,
    };
  }
  const resetAt = new Date(block.until).toISOString();
  return {
    source: 'github',
    status: 'rate_limited',
    message: `GitHub is throttling requests (secondary limit); requests wait until ${resetAt}`,
    resetAt,
  };
}

/**
 * "Test connection" for GitHub, and the check before a run: how much quota is left and whom the token
 * belongs to. GET /rate_limit first (it is free), so a spent quota is known before a billed request goes
 * out; then GET /user. A 5xx, a reset connection or a timeout is tried again a few times with backoff.
 * What the answers say about the limits is kept for the token, so the collector that follows knows it.
 */
export async function checkGithubConnection(
  target: { baseUrl: string; token: string },
  deps: GithubCheckDeps = {},
): Promise<ConnectionReport> {
  const limits = deps.limits ?? tokenLimitsFor(target.baseUrl, target.token);
  const api = createLimitedFetch({
    limits,
    apiBase: target.baseUrl,
    inner: withResponseTimeout(deps.fetch ?? fetch, deps.timeoutMs ?? 10_000),
    wait: false,
    sleep,
  });
  const client = createGithubClient({
    baseUrl: target.baseUrl,
    token: target.token,
    fetch: api.fetch,
    retryBaseMs: deps.retryBaseMs ?? 500,
    signal: deps.signal,
  });
  const request = { signal: deps.signal };
  try {
    try {
      const rate = await client.request('GET /rate_limit', { request });
      limits.rateLimits((rate.data as { resources: RateLimits }).resources, rate.headers.date);
    } catch (error) {
      // GitHub Enterprise without rate limits answers 404 "Rate limiting is not enabled."
      if (!(error instanceof RequestError && error.status === 404)) throw error;
    }
    const held = limits.blocked('core');
    if (held) return heldReport(held, limits);
    const identify = target.token && (deps.identify ?? true);
    const user = identify ? await client.request('GET /user', { request }) : undefined;
    const core = limits.quota().find((q) => q.name === 'core');
    const figures = core ? { quotaRemaining: core.remaining, quotaMax: core.max, resetAt: core.resetAt } : {};
    const left = core ? `${formatQuota(core.remaining, core.max)} this hour` : 'no rate limit reported';
    if (!target.token) {
      return {
        source: 'github',
        status: 'ok',
        message: `Reachable without a token — ${left}, counted per IP address. Add a token for 5,000 an hour.`,
        ...figures,
      };
    }
    if (!user) return { source: 'github', status: 'ok', message: `Token accepted — ${left}`, ...figures };
    const login = (user.data as { login: string }).login;
    if (core?.remaining === 0) {
      return {
        source: 'github',
        status: 'rate_limited',
        message: `Token works (${login}), but the hourly quota is spent until ${core.resetAt}`,
        login,
        ...figures,
      };
    }
    return { source: 'github', status: 'ok', message: `Connected as ${login} — ${left}`, login, ...figures };
  } catch (error) {
    if (error instanceof HeldByLimitError)
      return heldReport({ until: +error.until, reason: error.message }, limits);
    return describeFailure('github', error, target.baseUrl);
  }
}
