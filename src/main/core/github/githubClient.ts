import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

const ThrottledOctokit = Octokit.plugin(throttling, retry);
export type GithubClient = InstanceType<typeof ThrottledOctokit>;

export type GithubClientOptions = {
  baseUrl: string;
  token: string;
  userAgent?: string;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** False for one-shot checks that must answer now instead of waiting out a limit. */
  waitOnLimits?: boolean;
  fetch?: typeof fetch;
};

/** Octokit with the throttling and retry plugins, pointed at github.com or a GitHub Enterprise host. */
export function createGithubClient(options: GithubClientOptions): GithubClient {
  const wait = options.waitOnLimits ?? true;
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
      onRateLimit: () => wait,
      onSecondaryRateLimit: () => wait,
    },
    retry: { enabled: wait },
  });
}
