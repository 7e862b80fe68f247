/** What fetch, undici and Octokit errors carry, as far as telling why a request failed goes. */
export type ErrorLink = { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };

/**
 * An error and the causes it wraps, outermost first ("fetch failed" → its cause with code ECONNREFUSED;
 * Octokit's RequestError → the fetch error). Bounded: a cause chain can loop.
 */
export function* errorCauses(error: unknown, maxDepth = 6): Generator<ErrorLink> {
  for (let e = error, depth = 0; e && depth < maxDepth; depth++) {
    const link = e as ErrorLink;
    yield link;
    e = link.cause;
  }
}

/** The first error code in the chain ("ECONNREFUSED", "UND_ERR_SOCKET"), if any. */
export function causeCode(error: unknown): string | undefined {
  for (const { code } of errorCauses(error)) if (typeof code === 'string') return code;
  return undefined;
}
