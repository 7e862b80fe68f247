import type { SourceProgress } from '../../../shared/events.ts';
import type { Sleep } from './sleep.ts';
import type { WaitNotice } from './limitWaits.ts';

type Resource = 'core' | 'search';
type Bucket = { limit: number; remaining: number; resetMs: number };

export type QuotaTrackerOptions = {
  sleep: Sleep;
  notify(wait: WaitNotice): void;
  /** Requests allowed in flight at once; the reserve covers them so none hits the wall. */
  concurrency: number;
  now?: () => number;
};

/** Margin after a reset before trusting that the window has rolled over. */
const RESET_MARGIN_MS = 250;

/**
 * Core requests kept back: 2% of the limit, at most 50, and never fewer than the requests that may be
 * in flight (each was admitted before the answer that would have shown the limit).
 */
export function coreReserve(limit: number, concurrency: number): number {
  return Math.max(Math.min(50, Math.ceil(limit * 0.02)), concurrency + 1);
}

/**
 * Reads x-ratelimit-* from every API answer, counts the requests made, and holds a request back
 * (reporting the wait) while its bucket is down to the reserve until the window resets.
 */
export function createQuotaTracker(options: QuotaTrackerOptions) {
  const now = options.now ?? Date.now;
  const buckets = new Map<Resource, Bucket>();
  const requests = { core: 0, search: 0 };
  const reserveOf = (resource: Resource, b: Bucket) =>
    resource === 'search' ? 0 : coreReserve(b.limit, options.concurrency);
  let announcedUntil = 0;

  async function admit(resource: Resource, signal: AbortSignal): Promise<void> {
    for (;;) {
      const b = buckets.get(resource);
      if (!b || b.remaining > reserveOf(resource, b)) break;
      if (now() >= b.resetMs + RESET_MARGIN_MS) {
        // The window has rolled over; the next answer brings the real figures.
        b.remaining = b.limit;
        b.resetMs = now() + 1000;
        break;
      }
      const wait = b.resetMs + RESET_MARGIN_MS - now();
      if (b.resetMs !== announcedUntil) {
        announcedUntil = b.resetMs;
        const reason =
          resource === 'search'
            ? 'GitHub search quota spent'
            : `GitHub core quota nearly spent (keeping ${reserveOf(resource, b)} in reserve)`;
        options.notify({ reason, until: new Date(b.resetMs + RESET_MARGIN_MS) });
      }
      await options.sleep(wait, signal);
      if (signal.aborted) return;
    }
    const b = buckets.get(resource);
    if (b) b.remaining--;
    requests[resource]++;
  }

  function record(headers: Headers): void {
    const limit = Number(headers.get('x-ratelimit-limit'));
    const remaining = Number(headers.get('x-ratelimit-remaining'));
    const reset = Number(headers.get('x-ratelimit-reset'));
    const resource = headers.get('x-ratelimit-resource');
    if (!limit || Number.isNaN(remaining) || !reset || (resource !== 'core' && resource !== 'search')) return;
    const resetMs = reset * 1000;
    const b = buckets.get(resource);
    if (!b || resetMs > b.resetMs) buckets.set(resource, { limit, remaining, resetMs });
    else if (resetMs === b.resetMs) b.remaining = Math.min(b.remaining, remaining);
  }

  return {
    /** A fetch for Octokit: waits for quota, counts, then records the answer's rate-limit headers. */
    meter(inner: typeof fetch, apiBase: string): typeof fetch {
      const searchPrefix = `${apiBase}/search/`;
      return async (input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        const signal = init?.signal ?? new AbortController().signal;
        await admit(url.startsWith(searchPrefix) ? 'search' : 'core', signal);
        signal.throwIfAborted();
        const response = await inner(input, init);
        record(response.headers);
        return response;
      };
    },
    requests: () => requests.core + requests.search,
    quota(): NonNullable<SourceProgress['quota']> {
      return (['core', 'search'] as const).flatMap((name) => {
        const b = buckets.get(name);
        return b
          ? [
              {
                name,
                remaining: Math.max(0, b.remaining),
                max: b.limit,
                resetAt: new Date(b.resetMs).toISOString(),
              },
            ]
          : [];
      });
    },
  };
}
