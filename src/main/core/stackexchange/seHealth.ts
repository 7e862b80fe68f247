import type { ConnectionReport } from '../../../shared/connection.ts';
import { formatQuota, networkFailureReason } from '../health/describeFailure.ts';
import {
  availableInMs,
  isKeyError,
  nextUtcMidnight,
  QUOTA_WAIT_MS,
  readSeBody,
  StackExchangeError,
  type SeWrapper,
} from './seResponse.ts';

/** "Test connection" for Stack Exchange: GET /info on the site, which reports the quota left. */
export async function checkStackExchangeConnection(
  target: { baseUrl: string; key: string; site: string },
  deps: { fetch?: typeof fetch; timeoutMs?: number; now?: () => Date } = {},
): Promise<ConnectionReport> {
  const doFetch = deps.fetch ?? fetch;
  const url = new URL(`${target.baseUrl}/info`);
  url.searchParams.set('site', target.site);
  if (target.key) url.searchParams.set('key', target.key);
  let response: Response;
  try {
    response = await doFetch(url, {
      headers: { 'accept-encoding': 'gzip' },
      signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
    });
  } catch (error) {
    const code = networkFailureReason(error);
    return {
      source: 'stackoverflow',
      status: 'unreachable',
      message: `Cannot reach Stack Exchange at ${target.baseUrl}${code ? ` (${code})` : ''}. Check the URL and your network.`,
    };
  }
  const resetAt = nextUtcMidnight(deps.now?.() ?? new Date());
  try {
    const body = (await readSeBody(response)) as SeWrapper<unknown>;
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
    if (!(error instanceof StackExchangeError)) throw error;
    if (isKeyError(error)) {
      return {
        source: 'stackoverflow',
        status: 'bad_token',
        message: `Stack Exchange rejected the key: token rejected (${error.errorName}: ${error.message})`,
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
