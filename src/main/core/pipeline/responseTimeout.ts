/**
 * A fetch that gives up when no response (status and headers) arrives within `ms`; a hung connection
 * then fails like a network error, which the collectors retry. The body is not timed: a large archive may
 * take as long as it takes.
 */
export function withResponseTimeout(base: typeof fetch, ms: number): typeof fetch {
  return async (input, init) => {
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new DOMException(`no answer within ${ms / 1000} s`, 'TimeoutError')),
      ms,
    );
    try {
      const signal = init?.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal;
      return await base(input, { ...init, signal });
    } finally {
      clearTimeout(timer);
    }
  };
}
