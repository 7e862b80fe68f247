import type { ConnectionReport } from '../../../shared/connection.ts';
import { formatQuota, networkFailureReason } from '../health/describeFailure.ts';
import { retryTransient } from '../health/retryTransient.ts';
import {
  availableInMs,
  isKeyError,
  nextUtcMidnight,
  QUOTA_WAIT_MS,
  readSeBody,
  StackExchangeError,
  type SeWrapper,
} from './seResponse.ts';

/** Worth another try: a 5xx (or a body that is not JSON with it), a reset connection, a timeout. */
function isTransient(error: unknown): boolean {
  if (error instanceof StackExchangeError)
    return error.errorId === 500 || error.errorId === 503 || (error.errorId === 0 && error.httpStatus >= 500);
  const code = networkFailureReason(error);
  return code !== 'ECONNREFUSED' && code !== 'ENOTFOUND' && code !== 'EAI_AGAIN';
}

export type SeCheckDeps = {
  fetch?: typeof fetch;
  /** Per attempt (default 10 s). */
  timeoutMs?: number;
  now?: () => Date;
  /** Base of the backoff between tries (n² × base; default 500 ms). */
  retryBaseMs?: number;
  /** Cancels the check (a run cancelled while it checks its sources). */
  signal?: AbortSignal;
};

/**
 * "Test connection" for Stack Exchange, and the check before a run: GET /info on the site, which reports
 * the quota left. A 5xx, a reset connection or a timeout is tried again a few times with backoff.
 */
export async function checkStackExchangeConnection(
  target: { baseUrl: string; key: string; site: string },
  deps: SeCheckDeps = {},
): Promise<ConnectionReport> {
  const doFetch = deps.fetch ?? fetch;
  const url = new URL(`${target.baseUrl}/info`);
  url.searchParams.set('site', target.site);
  if (target.key) url.searchParams.set('key', target.key);
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const info = async () => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const response = await doFetch(url, {
      headers: { 'accept-encoding': 'gzip' },
      signal: deps.signal ? AbortSignal.any([deps.signal, timeout]) : timeout,
    });
    return (await readSeBody(response)) as SeWrapper<unknown>;
  };
  const resetAt = nextUtcMidnight(deps.now?.() ?? new Date());
  try {
    const body = await retryTransient(info, { baseMs: deps.retryBaseMs, signal: deps.signal, isTransient });
    const keyNote = target.key ? '' : ' (no key: 300 a day; a key gives 10,000)';
    return {
      source: 'stackoverflow',
      status: body.quota_remaining > 0 ? 'ok' : 'rate_limited',
      message:
        body.quota_remaining > 0
          ? `Connected to ${target.site} — ${formatQuota(body.quota_remaining, body.quota_max)} today${keyNote}`
          : `Daily quota spent; it resets at ${resetAt}`,
      quotaRemaining: body.quota_remaining,
      quotaMax: body.quota_max,
      resetAt,
    };
  } catch (error) {
    if (!(error instanceof StackExchangeError)) {
      const code = networkFailureReason(error);
      return {
        source: 'stackoverflow',
        status: 'unreachable',
        message: `Cannot reach Stack Exchange at ${target.baseUrl}${code ? ` (${code})` : ''}. Check the URL and your network.`,
        ...(code && { cause: code }),
      };
    }
    if (isKeyError(error)) {
      return {
        source: 'stackoverflow',
        status: 'bad_token',
        message: `Stack Exchange did not accept the key (${error.errorName}: ${error.message}). Check it, or create a new one.`,
      };
    }
    // Past the quota the API refuses every request until the reset, "more requests available in N seconds".
    const waitMs = error.errorId === 502 ? availableInMs(error.message) : undefined;
    if (waitMs !== undefined && waitMs > QUOTA_WAIT_MS) {
      const until = new Date((deps.now?.() ?? new Date()).getTime() + waitMs).toISOString();
      return {
        source: 'stackoverflow',
        status: 'rate_limited',
        message: `Daily quota spent; it resets at ${until}`,
        quotaRemaining: 0,
        resetAt: until,
      };
    }
    if (error.errorId === 502) {
      return {
        source: 'stackoverflow',
        status: 'rate_limited',
        message: `Stack Exchange is throttling this address: ${error.message}`,
      };
    }
    if (error.errorId === 400 && /site/i.test(error.message)) {
      return {
        source: 'stackoverflow',
        status: 'error',
        message: `Stack Exchange does not know the site "${target.site}"`,
      };
    }
    return {
      source: 'stackoverflow',
      status: 'error',
      message: `Stack Exchange error ${error.errorId} ${error.errorName}: ${error.message}`,
    };
  }
}
