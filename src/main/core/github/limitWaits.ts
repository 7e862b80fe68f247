import type { LimitHit } from './githubClient.ts';
import type { Sleep } from './sleep.ts';

export type WaitNotice = { reason: string; until: Date };

export type LimitWaitOptions = {
  signal: AbortSignal;
  sleep: Sleep;
  notify(wait: WaitNotice): void;
  /** Retries on one request before it fails. */
  maxRetries?: number;
  now?: () => number;
};

/** Secondary waits double on each retry of a request, never beyond this. */
const MAX_SECONDARY_WAIT_S = 15 * 60;

/**
 * The throttling plugin's limit handler: reports the wait, sleeps it (cancellably) and answers whether
 * to retry. Primary limits wait for the reset the plugin computed; secondary limits wait retry-after
 * (or the fallback) and back off exponentially, with a little jitter so parallel workers spread out.
 */
export function limitWaiter(options: LimitWaitOptions): (hit: LimitHit) => Promise<boolean> {
  const now = options.now ?? Date.now;
  const maxRetries = options.maxRetries ?? 4;
  return async (hit) => {
    if (hit.retryCount >= maxRetries || options.signal.aborted) return false;
    let seconds = hit.retryAfterSeconds;
    let reason = `GitHub ${hit.resource} quota spent`;
    if (hit.kind === 'secondary') {
      seconds =
        Math.min(hit.retryAfterSeconds * 2 ** hit.retryCount, MAX_SECONDARY_WAIT_S) *
        (1 + Math.random() * 0.1);
      reason = 'GitHub secondary rate limit';
    }
    const ms = Math.ceil(seconds * 1000);
    options.notify({ reason, until: new Date(now() + ms) });
    await options.sleep(ms, options.signal);
    return !options.signal.aborted;
  };
}
