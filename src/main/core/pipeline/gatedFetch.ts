import type { PauseGate } from './pauseGate.ts';
import { replaceBody } from './replaceBody.ts';

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
    return replaceBody(response, body);
  };
}
