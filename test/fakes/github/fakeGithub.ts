import crypto from 'node:crypto';
import { startHttpFake, type FakeResponse, type FakeServer, type Route } from '../httpServer.ts';
import { createBucket, rateLimitHeaders, refresh, type RateLimitBucket } from './rateLimitBucket.ts';

export type FakeGithubOptions = {
  /** Tokens the fake accepts, mapped to the login they belong to. */
  tokens?: Record<string, string>;
  coreLimit?: number;
  searchLimit?: number;
  /** Length of a rate-limit window, in seconds (real: 3600 core, 60 search). */
  coreWindowSeconds?: number;
  searchWindowSeconds?: number;
  latencyMs?: number;
};

export type FakeGithub = FakeServer & {
  core: RateLimitBucket;
  search: RateLimitBucket;
  /** Requests the fake refused with 403/429 because a limit was ignored. */
  limitViolations: number;
};

const BASE_HEADERS = {
  server: 'GitHub.com',
  'x-github-media-type': 'github.v3; format=json',
  'access-control-expose-headers':
    'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset',
};

/**
 * A fake api.github.com on loopback, shaped on recorded responses (shared/api-recordings/github):
 * rate-limit headers that count down, 401 "Bad credentials" on an unknown token, and 403 with
 * remaining 0 when the client ignores the primary limit.
 */
export async function startFakeGithub(options: FakeGithubOptions = {}): Promise<FakeGithub> {
  const tokens = options.tokens ?? { 'ghp_fake_valid_token_0001': 'octocat' };
  const core = createBucket('core', options.coreLimit ?? 5000, options.coreWindowSeconds ?? 3600);
  const search = createBucket('search', options.searchLimit ?? 30, options.searchWindowSeconds ?? 60);

  function headers(bucket: RateLimitBucket): Record<string, string> {
    return {
      ...BASE_HEADERS,
      ...rateLimitHeaders(bucket),
      'x-github-request-id': crypto.randomBytes(8).toString('hex').toUpperCase(),
    };
  }

  /** Authenticates and charges a bucket; answers the error when either fails. */
  function admit(authorization: string | undefined, bucket: RateLimitBucket | undefined): FakeResponse | undefined {
    const token = authorization?.replace(/^(token|bearer)\s+/i, '');
    if (token !== undefined && !(token in tokens)) {
      return {
        status: 401,
        headers: headers(bucket ?? core),
        body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' },
      };
    }
    if (!bucket) return undefined;
    refresh(bucket);
    if (bucket.remaining <= 0) {
      fake.limitViolations++;
      return {
        status: 403,
        headers: headers(bucket),
        body: {
          message: `API rate limit exceeded for user ID 1. [rate limit: ${bucket.resource}]`,
          documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
        },
      };
    }
    bucket.remaining--;
    return undefined;
  }

  const login = (authorization: string | undefined) =>
    tokens[authorization?.replace(/^(token|bearer)\s+/i, '') ?? ''];

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: '/rate_limit',
      endpoint: 'rate_limit',
      // Free: /rate_limit does not count against the primary limit.
      handle: (req) => {
        const refused = admit(req.headers.authorization, undefined);
        if (refused) return refused;
        refresh(core);
        refresh(search);
        const view = (b: RateLimitBucket) => ({
          limit: b.limit,
          used: b.limit - b.remaining,
          remaining: b.remaining,
          reset: b.reset,
        });
        return {
          status: 200,
          headers: headers(core),
          body: { resources: { core: view(core), search: view(search) }, rate: view(core) },
        };
      },
    },
    {
      method: 'GET',
      pattern: '/user',
      endpoint: 'user',
      handle: (req) => {
        if (!req.headers.authorization) {
          return { status: 401, headers: headers(core), body: { message: 'Requires authentication' } };
        }
        const refused = admit(req.headers.authorization, core);
        if (refused) return refused;
        const name = login(req.headers.authorization);
        return {
          status: 200,
          headers: headers(core),
          body: { login: name, id: 1, type: 'User', html_url: `https://github.com/${name}` },
        };
      },
    },
  ];

  const server = await startHttpFake(() => routes, {
    latencyMs: options.latencyMs ? () => options.latencyMs! : undefined,
  });
  const fake: FakeGithub = Object.assign(server, { core, search, limitViolations: 0 });
  return fake;
}
