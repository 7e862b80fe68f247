import type { Channel } from '../../src/shared/api.ts';

/**
 * The browser-test stand-in for the Electron preload: the same frozen `window.api`, derived from the
 * same CHANNELS, over fetch (POST /rpc/:channel) and server-sent events (GET /events). Serialised with
 * Function.prototype.toString, so it must not reference anything outside itself.
 */
function installWebApi(channels: readonly string[]) {
  const call =
    (channel: string) =>
    async (...args: unknown[]) => {
      const response = await fetch(`/rpc/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(args),
      });
      const answer = (await response.json()) as { ok: boolean; value?: unknown; error?: string };
      if (!answer.ok) throw new Error(answer.error);
      return answer.value;
    };
  const listeners = new Set<(event: unknown) => void>();
  let source: EventSource | undefined;
  const onEvent = (listener: (event: unknown) => void) => {
    listeners.add(listener);
    if (!source) {
      source = new EventSource('/events');
      source.onmessage = (message) => {
        const event = JSON.parse(message.data);
        listeners.forEach((l) => l(event));
      };
    }
    return () => {
      listeners.delete(listener);
    };
  };
  const api = Object.freeze({ ...Object.fromEntries(channels.map((c) => [c, call(c)])), onEvent });
  Object.defineProperty(window, 'api', { value: api, writable: false, configurable: false });
}

export function webPreloadSource(channels: readonly Channel[]): string {
  return `(${installWebApi.toString()})(${JSON.stringify(channels)});\n`;
}
