import { setTimeout as delay } from 'node:timers/promises';

export type RetryOptions = {
  /** Tries after the first (default 3). */
  retries?: number;
  /** Try n waits n² × base before it, as Octokit's retry plugin does (default 500 ms). */
  baseMs?: number;
  /** Ends a backoff at once; an aborted attempt is not tried again. */
  signal?: AbortSignal;
  /** A failure worth trying again: a 5xx, a reset connection, a timeout. */
  isTransient(error: unknown): boolean;
};

/**
 * Runs `attempt` until it succeeds, fails for a reason that is not transient, or has been tried
 * 1 + retries times; the last failure is thrown (or an AbortError when the signal ends a backoff).
 */
export async function retryTransient<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const retries = options.retries ?? 3;
  const baseMs = options.baseMs ?? 500;
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      if (options.signal?.aborted || tried > retries || !options.isTransient(error)) throw error;
      await delay(tried * tried * baseMs, undefined, { signal: options.signal });
    }
  }
}
