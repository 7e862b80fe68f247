import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { gatedFetch } from '../../src/main/core/pipeline/gatedFetch.ts';
import { createPauseGate } from '../../src/main/core/pipeline/pauseGate.ts';
import { withResponseTimeout } from '../../src/main/core/pipeline/responseTimeout.ts';

/** A server whose body comes as the test scripts it: pieces, with pauses between them. */
async function serve(body: (res: http.ServerResponse) => Promise<void>) {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    void body(res).catch(() => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}
const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Writes `pieces` pieces of 100 bytes, `gapMs` apart, then ends (or, with `stallAfter`, stops sending). */
const pieces = (count: number, gapMs: number, stallAfter?: number) => async (res: http.ServerResponse) => {
  for (let i = 0; i < count && !res.destroyed; i++) {
    if (i === stallAfter) return new Promise<void>((resolve) => res.once('close', resolve));
    res.write(Buffer.alloc(100, i));
    await wait(gapMs);
  }
  res.end();
};

describe('a response whose body stops flowing', () => {
  it('fails the read once no byte came for the idle time, and closes the connection', async () => {
    let closed = false;
    const url = await serve(async (res) => {
      res.once('close', () => (closed = true));
      await pieces(10, 10, 3)(res);
    });
    const response = await withResponseTimeout(fetch, 300)(url);
    await expect(response.arrayBuffer()).rejects.toMatchObject({
      name: 'TimeoutError',
      message: expect.stringMatching(/no data for 0\.3 s/),
    });
    await wait(100);
    expect(closed).toBe(true);
  });

  it('lets a body that trickles, slower in all than the idle time but never idle that long, arrive whole', async () => {
    const url = await serve(pieces(12, 50));
    const response = await withResponseTimeout(fetch, 300)(url);
    expect((await response.arrayBuffer()).byteLength).toBe(1200);
  });

  it('does not count the time nobody reads: a paused run resumed after longer than the idle time', async () => {
    const url = await serve(pieces(12, 5));
    const gate = createPauseGate();
    const run = new AbortController();
    const response = await gatedFetch(gate, run.signal, withResponseTimeout(fetch, 200))(url);
    gate.pause();
    const read = response.arrayBuffer();
    await wait(700);
    gate.resume();
    expect((await read).byteLength).toBe(1200);
  });

  it('ends at once on cancel, while the body is stalled', async () => {
    const url = await serve(pieces(10, 10, 2));
    const cancel = new AbortController();
    const response = await withResponseTimeout(fetch, 60_000)(url, { signal: cancel.signal });
    const read = response.arrayBuffer();
    await wait(100);
    const cancelledAt = Date.now();
    cancel.abort();
    await expect(read).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - cancelledAt).toBeLessThan(1000);
  });
});
