import type { FakeResponse } from '../httpServer.ts';

export type FaultEndpoint = 'search' | 'repo' | 'tarball' | 'codeload' | 'tree' | 'blob' | 'user';

/**
 * One scripted misbehaviour, answered instead of the real response while `times` lasts.
 * - primary: 403, remaining 0, reset in `resetInSeconds`
 * - secondary: 403 "You have exceeded a secondary rate limit" with remaining > 0 and no retry-after
 * - abuse: 403 with the older "abuse detection mechanism" text
 * - retryAfter: 429 with retry-after `retryAfterSeconds`
 * - status: any status with an optional body and headers
 * - malformed: 200 with a body that is not JSON
 * - truncated: (codeload) the archive cut in half
 * - slow: the real answer after `delayMs`
 */
export type Fault = {
  endpoint: FaultEndpoint;
  /** "owner/name"; any repository when absent. */
  repo?: string;
  kind: 'primary' | 'secondary' | 'abuse' | 'retryAfter' | 'status' | 'malformed' | 'truncated' | 'slow';
  status?: number;
  body?: FakeResponse['body'];
  headers?: Record<string, string>;
  retryAfterSeconds?: number;
  resetInSeconds?: number;
  delayMs?: number;
  /** How many requests it affects; 1 when absent. */
  times?: number;
};

/** Takes the first live fault for this request and uses one of its times. */
export function takeFault(
  faults: Fault[],
  endpoint: FaultEndpoint,
  repo: string | undefined,
): Fault | undefined {
  const fault = faults.find(
    (f) => f.endpoint === endpoint && (!f.repo || f.repo === repo) && (f.times ?? 1) > 0,
  );
  if (fault) fault.times = (fault.times ?? 1) - 1;
  return fault;
}
