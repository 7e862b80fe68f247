import type { PauseGate } from './pauseGate.ts';

/**
 * A fetch that holds every request, and every chunk of every response body, while the run is paused.
 * Collectors take `fetch` from their context, so pause is prompt (mid-archive too) without them knowing
 * about it; cancel aborts the waits through the request's signal.
 */
export function gatedFetch(gate: PauseGate, signal: AbortSignal, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    await gate.wait(init?.signal ?? signal);
    const response = await base(input, init);
    if (!response.body) return response;
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        async transform(chunk, controller) {
          await gate.wait(signal);
          controller.enqueue(chunk);
        },
      }),
    );
    const gated = new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    // Octokit reads the final URL (after the archive redirect) from the response.
    Object.defineProperty(gated, 'url', { value: response.url });
    Object.defineProperty(gated, 'redirected', { value: response.redirected });
    return gated;
  };
}
