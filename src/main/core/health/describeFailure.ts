import type { ConnectionReport } from '../../../shared/connection.ts';
import type { SourceId } from '../../../shared/settings.ts';
import { errorCauses } from '../net/errorCauses.ts';

const NAMES: Record<SourceId, { service: string; secret: string }> = {
  github: { service: 'GitHub', secret: 'token' },
  stackoverflow: { service: 'Stack Exchange', secret: 'key' },
};

export const formatQuota = (remaining: number, max: number) =>
  `${remaining.toLocaleString('en-US')} of ${max.toLocaleString('en-US')} requests left`;

type HttpishError = {
  status?: number;
  message?: string;
  code?: string;
  cause?: unknown;
  response?: { headers?: Record<string, string | undefined> };
};

/**
 * Why a request never got an answer, in a few words: the socket error code when there is one (fetch
 * wraps it: "fetch failed" -> cause ECONNREFUSED), "timed out", or the innermost message.
 */
export function networkFailureReason(error: unknown): string | undefined {
  let innermost: string | undefined;
  for (const e of errorCauses(error)) {
    if (e.code && typeof e.code === 'string') return e.code;
    if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return 'timed out';
    if (typeof e.message === 'string' && e.message) innermost = e.message;
  }
  return innermost;
}

/** Turns a failed health check into one of the plain answers the user sees. */
export function describeFailure(source: SourceId, error: unknown, baseUrl: string): ConnectionReport {
  const { service, secret } = NAMES[source];
  const e = error as HttpishError;
  // Octokit reports a failed socket or a timeout as status 500 without a response.
  const status = typeof e?.status === 'number' && e.response ? e.status : undefined;
  const headers = e?.response?.headers ?? {};
  if (status === 401) {
    return {
      source,
      status: 'bad_token',
      message: `${service} did not accept the ${secret} (HTTP 401). Check it, or create a new one.`,
    };
  }
  if ((status === 403 || status === 429) && headers['x-ratelimit-remaining'] === '0') {
    const reset = Number(headers['x-ratelimit-reset']);
    const resetAt = Number.isFinite(reset) ? new Date(reset * 1000).toISOString() : undefined;
    return {
      source,
      status: 'rate_limited',
      message: `${service} rate limit reached${resetAt ? `; it resets at ${resetAt}` : ''}`,
      quotaRemaining: 0,
      resetAt,
    };
  }
  if (status === 403 || status === 429) {
    const retryAfter = Number(headers['retry-after']);
    const resetAt = Number.isFinite(retryAfter)
      ? new Date(Date.now() + retryAfter * 1000).toISOString()
      : undefined;
    if (/rate limit|abuse/i.test(e.message ?? '') || status === 429) {
      return {
        source,
        status: 'rate_limited',
        message: `${service} is throttling requests (secondary limit)${resetAt ? `; try again after ${resetAt}` : '; wait a minute'}`,
        resetAt,
      };
    }
  }
  if (status === undefined) {
    const code = networkFailureReason(error);
    return {
      source,
      status: 'unreachable',
      message: `Cannot reach ${service} at ${baseUrl}${code ? ` (${code})` : ''}. Check the URL and your network.`,
      ...(code && { cause: code }),
    };
  }
  return {
    source,
    status: 'error',
    message: `${service} answered ${status}: ${e.message ?? 'unexpected error'}`,
  };
}
