import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeRequest = {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  /** Route parameters, e.g. { owner, repo } for "/repos/:owner/:repo". */
  params: Record<string, string>;
};

export type FakeResponse = {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer | Record<string, unknown> | unknown[];
};

export type Route = {
  method: string;
  /** "/repos/:owner/:repo/tarball/:ref"; a trailing "*" param takes the rest of the path. */
  pattern: string;
  /** Name used by the request counter, e.g. "search", "tarball". */
  endpoint: string;
  handle(
    req: FakeRequest,
    res: http.ServerResponse,
  ): FakeResponse | undefined | Promise<FakeResponse | undefined>;
};

export type FakeServer = {
  url: string;
  /** Requests per endpoint name ("unrouted" for 404s). */
  requests: Map<string, number>;
  totalRequests(): number;
  close(): Promise<void>;
};

function match(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = pathname.split('/');
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i];
    if (w === '*') {
      params.rest = got.slice(i).map(decodeURIComponent).join('/');
      return params;
    }
    if (i >= got.length) return undefined;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(got[i]);
    else if (w !== got[i]) return undefined;
  }
  return want.length === got.length ? params : undefined;
}

/**
 * A real HTTP server on an ephemeral loopback port with a tiny router and a request counter.
 * A handler either returns a FakeResponse or writes to `res` itself (streams) and returns undefined.
 */
export async function startHttpFake(
  routes: () => readonly Route[],
  options: { latencyMs?: () => number } = {},
): Promise<FakeServer> {
  const requests = new Map<string, number>();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = routes().find(
      (r) => r.method === req.method && match(r.pattern, url.pathname) !== undefined,
    );
    const endpoint = route?.endpoint ?? 'unrouted';
    requests.set(endpoint, (requests.get(endpoint) ?? 0) + 1);
    const latency = options.latencyMs?.() ?? 0;
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    try {
      if (!route) {
        send(res, { status: 404, body: { message: 'Not Found' } });
        return;
      }
      const answer = await route.handle(
        {
          method: req.method ?? 'GET',
          url,
          headers: req.headers,
          params: match(route.pattern, url.pathname)!,
        },
        res,
      );
      if (answer) send(res, answer);
    } catch (error) {
      if (!res.headersSent) send(res, { status: 500, body: { message: String(error) } });
      else res.destroy();
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    totalRequests: () => [...requests.values()].reduce((a, b) => a + b, 0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function send(res: http.ServerResponse, answer: FakeResponse): void {
  const body =
    answer.body === undefined
      ? ''
      : typeof answer.body === 'string' || Buffer.isBuffer(answer.body)
        ? answer.body
        : JSON.stringify(answer.body);
  const headers: Record<string, string> = { ...answer.headers };
  if (answer.body !== undefined && typeof answer.body === 'object' && !Buffer.isBuffer(answer.body))
    headers['content-type'] ??= 'application/json; charset=utf-8';
  res.writeHead(answer.status, headers);
  res.end(body);
}
