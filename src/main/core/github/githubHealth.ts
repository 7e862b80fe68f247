import type { ConnectionReport } from '../../../shared/connection.ts';
import { createGithubClient } from './githubClient.ts';
import { describeFailure, formatQuota } from '../health/describeFailure.ts';

/** "Test connection" for GitHub: who the token belongs to and how much core quota is left. */
export async function checkGithubConnection(
  target: { baseUrl: string; token: string },
  deps: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<ConnectionReport> {
  const client = createGithubClient({
    baseUrl: target.baseUrl,
    token: target.token,
    waitOnLimits: false,
    timeoutMs: deps.timeoutMs ?? 10_000,
    fetch: deps.fetch,
  });
  try {
    // /user first, so the quota read after it is current; /rate_limit itself is free.
    const user = target.token ? await client.request('GET /user') : undefined;
    const limits = await client.request('GET /rate_limit');
    const core = limits.data.resources.core;
    const resetAt = new Date(core.reset * 1000).toISOString();
    if (!user) {
      return {
        source: 'github',
        status: 'ok',
        message: `Reachable without a token — ${formatQuota(core.remaining, core.limit)} this hour. Add a token for 5,000 an hour.`,
        quotaRemaining: core.remaining,
        quotaMax: core.limit,
        resetAt,
      };
    }
    const login = user.data.login;
    if (core.remaining === 0) {
      return {
        source: 'github',
        status: 'rate_limited',
        message: `Token works (${login}), but the hourly quota is spent until ${resetAt}`,
        login,
        quotaRemaining: 0,
        quotaMax: core.limit,
        resetAt,
      };
    }
    return {
      source: 'github',
      status: 'ok',
      message: `Connected as ${login} — ${formatQuota(core.remaining, core.limit)} this hour`,
      login,
      quotaRemaining: core.remaining,
      quotaMax: core.limit,
      resetAt,
    };
  } catch (error) {
    return describeFailure('github', error, target.baseUrl);
  }
}
