import { gzipSync } from 'node:zlib';
import { startHttpFake, type FakeResponse, type FakeServer, type Route } from '../httpServer.ts';

export type FakeStackExchangeOptions = {
  /** Keys the fake accepts. A request without a key is allowed, with the keyless quota. */
  keys?: string[];
  sites?: string[];
  quotaWithKey?: number;
  quotaWithoutKey?: number;
  /** Leave out Content-Encoding while still gzipping, as the API sometimes does. */
  omitContentEncoding?: boolean;
};

export type FakeStackExchange = FakeServer & {
  quotaRemaining: number;
};

/** Every Stack Exchange error is HTTP 400 with error_id/error_name/error_message (recorded shape). */
export function seError(errorId: number, errorName: string, errorMessage: string): FakeResponse {
  return {
    status: 400,
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-encoding': 'gzip' },
    body: gzipSync(JSON.stringify({ error_id: errorId, error_message: errorMessage, error_name: errorName })),
  };
}

/** A fake api.stackexchange.com/2.3 on loopback, shaped on shared/api-recordings/stackexchange. */
export async function startFakeStackExchange(
  options: FakeStackExchangeOptions = {},
): Promise<FakeStackExchange> {
  const keys = new Set(options.keys ?? ['fake-se-key-0001']);
  const sites = new Set(options.sites ?? ['stackoverflow', 'superuser', 'cardano']);
  const quotaMax = { key: options.quotaWithKey ?? 10_000, none: options.quotaWithoutKey ?? 300 };
  let quotaRemaining = quotaMax.key;

  function wrap(items: unknown[], extra: Record<string, unknown> = {}, hasKey = true): FakeResponse {
    const body = {
      items,
      has_more: false,
      quota_max: hasKey ? quotaMax.key : quotaMax.none,
      quota_remaining: quotaRemaining,
      ...extra,
    };
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (!options.omitContentEncoding) headers['content-encoding'] = 'gzip';
    return { status: 200, headers, body: gzipSync(JSON.stringify(body)) };
  }

  /** Checks the key, the site and the quota; answers the API's error when one fails. */
  function admit(url: URL): FakeResponse | undefined {
    const key = url.searchParams.get('key');
    if (key !== null && !keys.has(key)) return seError(400, 'bad_parameter', 'key');
    const site = url.searchParams.get('site');
    if (!site) return seError(400, 'bad_parameter', 'site is required');
    if (!sites.has(site)) return seError(400, 'bad_parameter', 'site');
    if (quotaRemaining <= 0) return seError(502, 'throttle_violation', 'out of quota');
    quotaRemaining--;
    return undefined;
  }

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: '/2.3/info',
      endpoint: 'info',
      handle: ({ url }) => {
        const refused = admit(url);
        if (refused) return refused;
        return wrap(
          [{ total_questions: 1000, total_answers: 2000, api_revision: '2026.11.1.fake' }],
          {},
          url.searchParams.has('key'),
        );
      },
    },
  ];

  const server = await startHttpFake(() => routes);
  return {
    ...server,
    url: `${server.url}/2.3`,
    get quotaRemaining() {
      return quotaRemaining;
    },
    set quotaRemaining(v: number) {
      quotaRemaining = v;
    },
  };
}
