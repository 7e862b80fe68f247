import type { Octokit, OctokitOptions } from '@octokit/core';
import { RequestError } from '@octokit/request-error';
import { causeCode } from '../net/errorCauses.ts';
import { abortError } from './abortError.ts';
import { sleep as realSleep, type Sleep } from './sleep.ts';

export type BackoffOptions = {
  /** Retry n waits n² × base, the retry plugin's own schedule (default 1,000 ms). */
  baseMs?: number;
  sleep?: Sleep;
};

declare module '@octokit/core' {
  interface OctokitOptions {
    backoff?: BackoffOptions;
  }
}

/** Nobody listens there (a wrong address): trying again will not help. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** A failure the retry plugin retries and that is worth waiting before: a 5xx, a reset, a timeout. */
const isTransient = (error: unknown) => error instanceof RequestError && error.status >= 500;

/**
 * An Octokit plugin that does the waiting between retries of @octokit/plugin-retry, so that a cancel ends
 * it. Listed before the throttling and retry plugins, its hook runs inside theirs, once per attempt. The
 * retry plugin keeps deciding what is retried and how often but is given a base of 0 (it retries at once,
 * from a timer nobody can clear); this sleeps n² × base before the attempt that follows the n-th transient
 * failure of a request, and the sleep ends when the request's signal aborts. A refused connection or an
 * unknown host is not retried at all, and neither is an aborted request.
 */
export function cancellableBackoff(octokit: Octokit, options: OctokitOptions) {
  const baseMs = options.backoff?.baseMs ?? 1000;
  const sleep = options.backoff?.sleep ?? realSleep;
  /** Transient failures so far, per request (the retry plugin hands the same options to every attempt). */
  const failures = new WeakMap<object, number>();
  octokit.hook.wrap('request', async (request, endpoint) => {
    const signal = endpoint.request?.signal as AbortSignal | undefined;
    const failed = failures.get(endpoint) ?? 0;
    if (failed > 0) {
      await sleep(failed * failed * baseMs, signal ?? new AbortController().signal);
      if (signal?.aborted) throw abortError(signal);
    }
    try {
      return await request(endpoint);
    } catch (error) {
      if (signal?.aborted) throw abortError(signal);
      if (isTransient(error)) failures.set(endpoint, failed + 1);
      // The retry plugin reads the retries left from the request's options.
      if (UNREACHABLE.has(causeCode(error) ?? '')) endpoint.request = { ...endpoint.request, retries: 0 };
      throw error;
    }
  });
}
