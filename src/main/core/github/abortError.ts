/**
 * The error for a request its signal cut short, named AbortError as fetch names it: Octokit passes such an
 * error on as it is, and neither plugin retries it. (A signal aborted with another reason, e.g. the run's
 * "cancelled", makes fetch reject with that reason, which Octokit would report as a 500 and retry.)
 */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException(
    reason instanceof Error ? reason.message : 'This operation was aborted',
    'AbortError',
  );
}
