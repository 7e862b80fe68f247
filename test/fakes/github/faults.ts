import type { FakeResponse } from '../httpServer.ts';
import type { Bomb } from './tarball.ts';

export type FaultEndpoint =
  'search' | 'repo' | 'tarball' | 'codeload' | 'tree' | 'blob' | 'user' | 'rate_limit';

/**
 * One scripted misbehaviour, answered instead of the real response while `times` lasts.
 * - primary: 403, remaining 0, reset in `resetInSeconds`
 * - primaryNoReset: the recorded 2013 primary 403 (PyGithub testRateLimitExceeded): limit 60, remaining 0,
 *   no x-ratelimit-reset, "API Rate Limit Exceeded for <IP>"
 * - secondary: 403 "You have exceeded a secondary rate limit" with remaining > 0 and no retry-after
 * - abuse: 403 with the older "abuse detection mechanism" text
 * - retryAfter: 429 with retry-after `retryAfterSeconds`
 * - status: any status with an optional body and headers
 * - malformed: 200 with a body that is not JSON
 * - truncated: (codeload) the archive cut in half
 * - slow: the real answer after `delayMs`
 * - reset: the connection closed without an answer (ECONNRESET, "other side closed")
 * - hang: no answer at all, until the client gives up
 * - stall: the status, the headers and the first `bytes` of the body, then nothing on an open connection
 *   (a download or an answer that stops flowing), until the client gives up
 * - trickle: (codeload) the archive in pieces of `bytes`, one every `delayMs` (a slow download)
 * - bomb: (codeload) a small archive that inflates to `bomb.inflatedMb` or holds `bomb.entries` files
 */
export type Fault = {
  endpoint: FaultEndpoint;
  /** "owner/name"; any repository when absent. */
  repo?: string;
  /** search: only this page (the `page` parameter; 1 when absent from the request); any when absent. */
  page?: number;
  kind:
    | 'primary'
    | 'primaryNoReset'
    | 'secondary'
    | 'abuse'
    | 'retryAfter'
    | 'status'
    | 'malformed'
    | 'truncated'
    | 'slow'
    | 'reset'
    | 'hang'
    | 'stall'
    | 'trickle'
    | 'bomb';
  status?: number;
  body?: FakeResponse['body'];
  headers?: Record<string, string>;
  retryAfterSeconds?: number;
  resetInSeconds?: number;
  delayMs?: number;
  /** stall: how much of the body is sent (default 100); trickle: the size of each piece (default 512). */
  bytes?: number;
  bomb?: Bomb;
  /** How many requests it affects; 1 when absent. */
  times?: number;
};

/** Takes the first live fault for this request and uses one of its times. */
export function takeFault(
  faults: Fault[],
  endpoint: FaultEndpoint,
  repo: string | undefined,
  page?: number,
): Fault | undefined {
  const fault = faults.find(
    (f) =>
      f.endpoint === endpoint &&
      (!f.repo || f.repo === repo) &&
      (f.page === undefined || f.page === page) &&
      (f.times ?? 1) > 0,
  );
  if (fault) fault.times = (fault.times ?? 1) - 1;
  return fault;
}

/** GitHub's texts, as recorded (hub4j, PyGithub) and quoted in API-FACTS.md. */
export const MESSAGES = {
  secondary:
    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 1234.',
  abuse:
    'You have triggered an abuse detection mechanism and have been temporarily blocked from content creation. Please retry your request again later.',
  primary: (resource: string) => `API rate limit exceeded for user ID 1. [rate limit: ${resource}]`,
  primary2013: 'API Rate Limit Exceeded for 92.104.200.119',
};

/** What a scripted fault makes the fake do: an answer, or one of the misbehaviours without one. */
export type FaultAction =
  | FakeResponse
  | 'truncated'
  | 'reset'
  | 'hang'
  | { delayMs: number }
  | { bomb: Bomb }
  | { stall: { headers: Record<string, string>; bytes: number } }
  | { trickle: { bytes: number; delayMs: number } };

/** The answer a fault scripts; `base` holds the rate-limit headers the answer would have carried. */
export function faultAction(fault: Fault, base: Record<string, string>, resource: string): FaultAction {
  const headers = { ...base, ...fault.headers };
  switch (fault.kind) {
    case 'slow':
      return { delayMs: fault.delayMs ?? 500 };
    case 'truncated':
    case 'reset':
    case 'hang':
      return fault.kind;
    case 'bomb':
      return { bomb: fault.bomb ?? { inflatedMb: 4096 } };
    case 'stall':
      return { stall: { headers, bytes: fault.bytes ?? 100 } };
    case 'trickle':
      return { trickle: { bytes: fault.bytes ?? 512, delayMs: fault.delayMs ?? 20 } };
    case 'malformed':
      return {
        status: 200,
        headers: { ...headers, 'content-type': 'application/json; charset=utf-8' },
        body: fault.body ?? '{"total_count": 3, "items": [',
      };
    case 'primary':
      return {
        status: 403,
        headers: {
          ...headers,
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + (fault.resetInSeconds ?? 1)),
        },
        body: { message: MESSAGES.primary(resource) },
      };
    case 'primaryNoReset': {
      const recorded = Object.entries(headers).filter(([name]) => !name.startsWith('x-ratelimit-'));
      return {
        status: 403,
        headers: { ...Object.fromEntries(recorded), 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0' },
        body: { message: MESSAGES.primary2013 },
      };
    }
    case 'secondary':
      return { status: 403, headers, body: { message: MESSAGES.secondary } };
    case 'abuse':
      return { status: 403, headers, body: { message: MESSAGES.abuse } };
    case 'retryAfter':
      return {
        status: 429,
        headers: { ...headers, 'retry-after': String(fault.retryAfterSeconds ?? 1) },
        body: { message: MESSAGES.secondary },
      };
    case 'status':
      return { status: fault.status ?? 500, headers, body: fault.body ?? { message: 'Server Error' } };
  }
}

/** The faults that tell the client to slow down (counted as limit answers). */
export const LIMIT_KINDS: ReadonlySet<Fault['kind']> = new Set([
  'primary',
  'primaryNoReset',
  'secondary',
  'abuse',
  'retryAfter',
]);
