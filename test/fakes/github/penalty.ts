import { MESSAGES } from './faults.ts';
import type { FakeResponse } from '../httpServer.ts';

/**
 * A secondary limit met on the `onRequest`-th API request of any kind (counting every request but
 * GET /rate_limit, from the fake's start). Like GitHub's, it penalises every request of the token for a
 * window: with `retryAfterSeconds` a 429 carrying Retry-After (the hub4j recording), else a 403 with the
 * secondary-limit message, remaining > 0 and no Retry-After, for `windowSeconds`.
 */
export type SecondaryLimit = { onRequest: number; retryAfterSeconds?: number; windowSeconds?: number };

type Window = { from: number; until: number; retryAfter: boolean };

/**
 * The fake's secondary limits. A request arriving inside a window is answered with the limit again and,
 * unless it arrived within `graceMs` of the window's start (it was in flight when the limit was met), is
 * counted as too early: the client had been told to wait.
 */
export function createPenaltyBox(limits: SecondaryLimit[], graceMs: number) {
  let requests = 0;
  let window: Window | undefined;
  let tooEarly = 0;

  function answer(w: Window, headers: Record<string, string>, now: number): FakeResponse {
    if (w.retryAfter) {
      const seconds = String(Math.max(1, Math.ceil((w.until - now) / 1000)));
      return {
        status: 429,
        headers: { ...headers, 'retry-after': seconds },
        body: { message: MESSAGES.secondary },
      };
    }
    return {
      status: 403,
      headers: { ...headers, 'gh-limited-by': 'search-elapsed-time-shared-grouped' },
      body: { message: MESSAGES.secondary },
    };
  }

  return {
    /** Called for each API request (not /rate_limit): the limit answer when one is due. */
    check(headers: Record<string, string>, now = Date.now()): FakeResponse | undefined {
      requests++;
      if (window && now < window.until) {
        if (now - window.from > graceMs) tooEarly++;
        return answer(window, headers, now);
      }
      const due = limits.find((l) => l.onRequest === requests);
      if (!due) return undefined;
      const seconds = due.retryAfterSeconds ?? due.windowSeconds ?? 60;
      window = { from: now, until: now + seconds * 1000, retryAfter: due.retryAfterSeconds !== undefined };
      return answer(window, headers, now);
    },
    tooEarly: () => tooEarly,
    requests: () => requests,
  };
}
