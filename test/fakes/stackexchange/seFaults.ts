/** Scripted misbehaviour of the fake Stack Exchange API, consumed in order per method. */
export type SeFault = {
  /** Endpoint name ("questions", "answers", "info") or "*" for any. */
  method: string;
  /** How many requests it affects; 1 when left out. */
  times?: number;
} & (
  | { kind: 'error'; errorId: number; name?: string; message?: string }
  /** 200, gzipped, but the body is not JSON. */
  | { kind: 'malformed' }
  /** A bare HTTP error from the front end (not JSON, not gzipped). */
  | { kind: 'http'; status: number }
  /** Answers normally after a delay. */
  | { kind: 'slow'; ms: number }
  /** Answers normally with `"backoff": seconds` in the wrapper. */
  | { kind: 'backoff'; seconds: number }
  /** Drops the connection without an answer. */
  | { kind: 'reset' }
  /** Never answers: the connection stays open until the client gives up on it. */
  | { kind: 'hang' }
  /** A page with no items that still says `has_more: true`. */
  | { kind: 'emptyHasMore' }
  /**
   * Answers as if `page` had been asked, with `has_more: true`: what a naive replay of a recorded page
   * (ruby-stackoverflow--questions.json says has_more true) serves for every page number.
   */
  | { kind: 'repeatPage'; page: number }
);

const ERROR_NAMES: Record<number, string> = {
  400: 'bad_parameter',
  401: 'access_token_required',
  402: 'invalid_access_token',
  403: 'access_denied',
  404: 'no_method',
  405: 'key_required',
  406: 'access_token_compromised',
  500: 'internal_error',
  502: 'throttle_violation',
  503: 'temporarily_unavailable',
};

export function errorName(errorId: number): string {
  return ERROR_NAMES[errorId] ?? 'unknown';
}

/** Takes the next fault for a method off the list (counting down `times`). */
export function takeFault(faults: SeFault[], method: string): SeFault | undefined {
  const index = faults.findIndex((f) => f.method === method || f.method === '*');
  if (index < 0) return undefined;
  const fault = faults[index];
  const left = (fault.times ?? 1) - 1;
  if (left <= 0) faults.splice(index, 1);
  else faults[index] = { ...fault, times: left };
  return fault;
}
