import { replaceBody } from './replaceBody.ts';

const timeoutError = (message: string) => new DOMException(message, 'TimeoutError');

/**
 * The body, failing with a TimeoutError (and closing the connection) when a read waits `ms` for a byte.
 * Only reads count: while nobody reads (a paused run, a slow consumer) no time runs.
 */
function idleTimed(body: ReadableStream<Uint8Array>, ms: number): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let timer: NodeJS.Timeout | undefined;
        const idle = new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => reject(timeoutError(`no data for ${ms / 1000} s`)), ms);
        });
        try {
          const { done, value } = await Promise.race([reader.read(), idle]);
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          reader.cancel(error).catch(() => undefined);
          controller.error(error);
        } finally {
          clearTimeout(timer);
        }
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

/**
 * A fetch that gives up when no response (status and headers) arrives within `ms`, or when its body then
 * sends nothing for `ms` while it is read: a hung connection or a stalled download fails like a network
 * error, which the collectors retry. A body that keeps flowing may take as long as it takes.
 */
export function withResponseTimeout(base: typeof fetch, ms: number): typeof fetch {
  return async (input, init) => {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(timeoutError(`no answer within ${ms / 1000} s`)), ms);
    let response: Response;
    try {
      const signal = init?.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal;
      response = await base(input, { ...init, signal });
    } finally {
      clearTimeout(timer);
    }
    return response.body ? replaceBody(response, idleTimed(response.body, ms)) : response;
  };
}
