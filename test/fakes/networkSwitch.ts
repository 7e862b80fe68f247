import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the network does to a request: lets it through, refuses it, or drops it (no answer, ever). */
export type NetworkState = 'up' | 'refused' | 'blackhole';

/** A loopback port nobody listens on: a connection there is refused by the operating system. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A fetch whose network can go away, as a real one does: `refused` sends the request to a closed port (a
 * genuine ECONNREFUSED from undici, wrapped as fetch wraps it), `blackhole` never answers until the
 * request's signal aborts (a dropped route; the caller's timeout or cancel ends it). `when` decides per
 * request, so a test can cut the network after some pages or for one host only.
 */
export async function networkSwitch(base: typeof fetch = fetch) {
  const deadPort = await closedPort();
  let when: (url: URL) => NetworkState = () => 'up';
  const switched: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const state = when(url);
    if (state === 'up') return base(input, init);
    if (state === 'refused') {
      const dead = new URL(url);
      dead.hostname = '127.0.0.1';
      dead.port = String(deadPort);
      return base(dead, init);
    }
    return new Promise<Response>((_, reject) => {
      const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  };
  return {
    fetch: switched,
    /** From now on, `state` for the requests `to` picks (all by default). */
    set(state: NetworkState, to: (url: URL) => boolean = () => true): void {
      when = (url) => (to(url) ? state : 'up');
    },
    /** Decides per request from now on. */
    decide(decide: (url: URL) => NetworkState): void {
      when = decide;
    },
  };
}
