import crypto from 'node:crypto';
import type http from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  send,
  startHttpFake,
  type FakeRequest,
  type FakeResponse,
  type FakeServer,
  type Route,
} from '../httpServer.ts';
import { generateFiles, generateRepos, type CorpusOptions, type FakeRepo } from './corpus.ts';
import {
  faultAction,
  LIMIT_KINDS,
  MESSAGES,
  takeFault,
  type Fault,
  type FaultAction,
  type FaultEndpoint,
} from './faults.ts';
import { createPenaltyBox, type SecondaryLimit } from './penalty.ts';
import { createBucket, rateLimitHeaders, refresh, type RateLimitBucket } from './rateLimitBucket.ts';
import { repoJson, type RepoShape } from './repoJson.ts';
import { repoMatcher } from './searchQuery.ts';
import { bombChunks, buildTarGz, type TarEntry } from './tarball.ts';

export type FakeGithubOptions = {
  /** Tokens the fake accepts, mapped to the login they belong to. */
  tokens?: Record<string, string>;
  coreLimit?: number;
  searchLimit?: number;
  /** Length of a rate-limit window, in seconds (real: 3600 core, 60 search). */
  coreWindowSeconds?: number;
  searchWindowSeconds?: number;
  latencyMs?: number;
  /** The generated repositories; none when absent. */
  corpus?: CorpusOptions;
  /** How repository objects and rate-limit headers look (default "current"). */
  repoShape?: RepoShape;
  /** Without a token GitHub allows 60 core requests an hour and 10 searches a minute, per IP. */
  anonymousCoreLimit?: number;
  anonymousSearchLimit?: number;
  /** A request this soon after a secondary limit was in flight when it was met: not counted as too early. */
  inFlightGraceMs?: number;
};

export type FakeGithub = FakeServer & {
  /** The token's buckets (every accepted token shares them, as a user's tokens do). */
  core: RateLimitBucket;
  search: RateLimitBucket;
  /** The buckets of requests without a token (per IP on GitHub). */
  anonymous: { core: RateLimitBucket; search: RateLimitBucket };
  /**
   * Requests that came too early: sent while the fake had said to wait (a spent quota before its reset,
   * a secondary limit's window). Each is refused with 403/429.
   */
  limitViolations: number;
  /** 403/429 answers sent for any reason (violations and scripted faults). */
  limitAnswers: number;
  repos: FakeRepo[];
  /** Scripted misbehaviours, used up in order (see Fault). */
  faults: Fault[];
  /** Secondary limits due on the Nth API request (see penalty.ts); add to it at any time. */
  secondaryLimits: SecondaryLimit[];
  /** API requests so far, /rate_limit excepted (what SecondaryLimit.onRequest counts). */
  apiRequests(): number;
  /** Every search, as "q|page". */
  searches: string[];
  /** Every request that reached an endpoint, with when it arrived (ms since epoch). */
  arrivals: { endpoint: FaultEndpoint; repo?: string; at: number }[];
  /** The files of a repository (built on first use). */
  filesOf(repo: FakeRepo): TarEntry[];
  /**
   * Qualifiers the search pretends not to know (e.g. ["stars"]: every slice answers the same); "page":
   * every page answers as the first, as a replay of one recorded page does.
   */
  searchIgnores: string[];
  /** What total_count claims, whatever matched (the recorded page says 2,723 and holds 30). */
  searchTotalCount?: number;
  /** Set by a test to reshape (break) repository objects in search answers. */
  mangle?: (json: Record<string, unknown>, repo: FakeRepo) => unknown;
  /**
   * How far GitHub's clock is from the client's, in seconds (negative: GitHub's is behind, i.e. the
   * client's clock is ahead). Its Date header and the resets it reports follow its clock; the buckets
   * themselves still roll over in real time.
   */
  clockSkewSeconds: number;
};

const BASE_HEADERS = {
  server: 'GitHub.com',
  'x-github-media-type': 'github.v3; format=json',
  'access-control-expose-headers':
    'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset',
};

const NOT_FOUND = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' };
const SEARCH_CAP = 1000;

/**
 * A download that stalls (the first bytes, then nothing while the connection stays open) or trickles
 * (a piece every few milliseconds, to its end).
 */
async function streamSlowly(
  res: http.ServerResponse,
  archive: Buffer,
  fault: Extract<FaultAction, { stall: unknown } | { trickle: unknown }>,
): Promise<void> {
  if ('stall' in fault) {
    res.write(archive.subarray(0, fault.stall.bytes));
    await new Promise((resolve) => res.once('close', resolve));
    return;
  }
  const { bytes, delayMs } = fault.trickle;
  for (let at = 0; at < archive.length && !res.destroyed; at += bytes) {
    res.write(archive.subarray(at, at + bytes));
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  res.end();
}

export const gitBlobSha = (content: Buffer) =>
  crypto.createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');

/**
 * A fake api.github.com on loopback, shaped on recorded responses (shared/api-recordings/github):
 * rate-limit headers that count down, 401 "Bad credentials" on an unknown token, 403 with remaining 0
 * when the client ignores a limit, a generated corpus served through search, tarball (302 to a
 * codeload path without rate-limit headers), trees and blobs, and scripted faults.
 */
export async function startFakeGithub(options: FakeGithubOptions = {}): Promise<FakeGithub> {
  const tokens = options.tokens ?? { ghp_fake_valid_token_0001: 'octocat' };
  const core = createBucket('core', options.coreLimit ?? 5000, options.coreWindowSeconds ?? 3600);
  const search = createBucket('search', options.searchLimit ?? 30, options.searchWindowSeconds ?? 60);
  const anonymous = {
    core: createBucket('core', options.anonymousCoreLimit ?? 60, options.coreWindowSeconds ?? 3600),
    search: createBucket('search', options.anonymousSearchLimit ?? 10, options.searchWindowSeconds ?? 60),
  };
  const secondaryLimits: SecondaryLimit[] = [];
  const penalty = createPenaltyBox(secondaryLimits, options.inFlightGraceMs ?? 150);
  const repos = options.corpus ? generateRepos(options.corpus) : [];
  const faults: Fault[] = [];
  const shape = options.repoShape ?? 'current';

  /** A reset (epoch seconds, real time) as GitHub's clock tells it. */
  const onGithubClock = (reset: number) => reset + fake.clockSkewSeconds;

  function headers(bucket: RateLimitBucket): Record<string, string> {
    const limits = rateLimitHeaders(bucket);
    if (fake.clockSkewSeconds) {
      limits['x-ratelimit-reset'] = String(onGithubClock(bucket.reset));
      limits.date = new Date(Date.now() + fake.clockSkewSeconds * 1000).toUTCString();
    }
    // The 2014 recording has neither x-ratelimit-resource nor x-ratelimit-used.
    if (shape === 'recorded2014') {
      delete limits['x-ratelimit-resource'];
      delete limits['x-ratelimit-used'];
    }
    return {
      ...BASE_HEADERS,
      ...limits,
      'x-github-request-id': crypto.randomBytes(8).toString('hex').toUpperCase(),
    };
  }

  const tokenOf = (authorization: string | undefined) => authorization?.replace(/^(token|bearer)\s+/i, '');
  const bucketsOf = (authorization: string | undefined) =>
    authorization === undefined ? anonymous : { core, search };

  /**
   * Every request passes here: the token (401 when unknown), then a secondary limit's window, then
   * the quota (403 remaining 0 when spent), then a scripted fault. Answers the refusal, or undefined to
   * go on; 'handled' when the fault already dealt with the connection; for codeload, the fault that
   * shapes the archive's download.
   */
  async function gate(
    req: FakeRequest,
    res: http.ServerResponse,
    resource: 'core' | 'search' | undefined,
    endpoint: FaultEndpoint,
    repo?: string,
  ): Promise<
    FakeResponse | 'handled' | Exclude<FaultAction, 'reset' | 'hang' | { delayMs: number }> | undefined
  > {
    fake.arrivals.push({ endpoint, repo, at: Date.now() });
    const { authorization } = req.headers;
    const buckets = bucketsOf(authorization);
    const bucket = buckets[resource ?? 'core'];
    const token = tokenOf(authorization);
    if (token !== undefined && !(token in tokens)) {
      return {
        status: 401,
        headers: headers(bucket),
        body: {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
          status: '401',
        },
      };
    }
    if (resource) {
      const penalised = penalty.check(headers(bucket));
      if (penalised) {
        fake.limitAnswers++;
        fake.limitViolations = penalty.tooEarly() + primaryViolations;
        return penalised;
      }
      refresh(bucket);
      if (bucket.remaining <= 0) {
        primaryViolations++;
        fake.limitViolations = penalty.tooEarly() + primaryViolations;
        fake.limitAnswers++;
        return {
          status: 403,
          headers: headers(bucket),
          body: {
            message: MESSAGES.primary(bucket.resource),
            documentation_url:
              'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
          },
        };
      }
      bucket.remaining--;
    }
    const fault = takeFault(faults, endpoint, repo, Number(req.url.searchParams.get('page') ?? 1));
    if (!fault) return undefined;
    if (LIMIT_KINDS.has(fault.kind)) fake.limitAnswers++;
    const action = faultAction(fault, headers(bucket), bucket.resource);
    if (action === 'truncated' || (typeof action === 'object' && 'trickle' in action)) return action;
    if (typeof action === 'object' && 'stall' in action) {
      if (endpoint === 'codeload') return action;
      // An API answer that stops flowing: its headers and the start of its JSON, then nothing.
      res.writeHead(200, {
        ...action.stall.headers,
        'content-type': 'application/json; charset=utf-8',
        'content-length': '5000',
      });
      res.write('{"total_count": 3, "items": ['.slice(0, action.stall.bytes));
      await new Promise((resolve) => res.once('close', resolve));
      return 'handled';
    }
    if (action === 'reset') {
      res.socket?.destroy();
      return 'handled';
    }
    if (action === 'hang') {
      await new Promise((resolve) => res.once('close', resolve));
      return 'handled';
    }
    if ('delayMs' in action) {
      await new Promise((resolve) => setTimeout(resolve, action.delayMs));
      return undefined;
    }
    return action;
  }
  let primaryViolations = 0;

  /** The gate for an API endpoint: a refusal to answer, 'handled', or undefined to go on. */
  async function admit(
    req: FakeRequest,
    res: http.ServerResponse,
    resource: 'core' | 'search' | undefined,
    endpoint: FaultEndpoint,
    repo?: string,
  ): Promise<FakeResponse | 'handled' | undefined> {
    const refused = await gate(req, res, resource, endpoint, repo);
    if (refused === 'handled') return refused;
    return typeof refused === 'object' && 'status' in refused ? refused : undefined;
  }

  /** A repository object as the search answers it, after the test's `mangle`, if any. */
  const searchItem = (r: FakeRepo) => {
    const json = repoJson(r, repos.indexOf(r), fake.url, shape);
    return fake.mangle ? fake.mangle(json, r) : json;
  };

  const findRepo = (p: Record<string, string>) => repos.find((r) => r.owner === p.owner && r.name === p.repo);
  const filesOf = (repo: FakeRepo) =>
    (repo.files ??= generateFiles(
      repos.indexOf(repo),
      options.corpus?.sourceFilesPerLanguage,
      options.corpus?.largeFileKb,
    ));
  const topFolder = (r: FakeRepo) => `${r.owner}-${r.name}-${r.commitSha.slice(0, 7)}`;

  /** Admission, then the repository (404 when unknown) and any due fault, for the per-repository endpoints. */
  async function repoRoute(
    req: FakeRequest,
    res: http.ServerResponse,
    endpoint: FaultEndpoint,
    answer: (repo: FakeRepo) => FakeResponse,
  ): Promise<FakeResponse | undefined> {
    const refused = await admit(req, res, 'core', endpoint, `${req.params.owner}/${req.params.repo}`);
    if (refused) return refused === 'handled' ? undefined : refused;
    const repo = findRepo(req.params);
    const { core: bucket } = bucketsOf(req.headers.authorization);
    if (!repo || (repo.empty && endpoint === 'tarball'))
      return { status: 404, headers: headers(bucket), body: NOT_FOUND };
    if (repo.empty && endpoint !== 'repo')
      return { status: 409, headers: headers(bucket), body: { message: 'Git Repository is empty.' } };
    return answer(repo);
  }

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: '/rate_limit',
      endpoint: 'rate_limit',
      // Free: /rate_limit does not count against the primary limit.
      handle: async (req, res) => {
        const refused = await admit(req, res, undefined, 'rate_limit');
        if (refused) return refused === 'handled' ? undefined : refused;
        const buckets = bucketsOf(req.headers.authorization);
        refresh(buckets.core);
        refresh(buckets.search);
        const view = (b: RateLimitBucket) => ({
          limit: b.limit,
          used: b.limit - b.remaining,
          remaining: b.remaining,
          reset: onGithubClock(b.reset),
        });
        return {
          status: 200,
          headers: headers(buckets.core),
          body: {
            resources: { core: view(buckets.core), search: view(buckets.search) },
            rate: view(buckets.core),
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: '/user',
      endpoint: 'user',
      handle: async (req, res) => {
        if (!req.headers.authorization) {
          return {
            status: 401,
            headers: headers(anonymous.core),
            body: { message: 'Requires authentication' },
          };
        }
        const refused = await admit(req, res, 'core', 'user');
        if (refused) return refused === 'handled' ? undefined : refused;
        const name = tokens[tokenOf(req.headers.authorization) ?? ''];
        return {
          status: 200,
          headers: headers(core),
          body: { login: name, id: 1, type: 'User', html_url: `https://github.com/${name}` },
        };
      },
    },
    {
      method: 'GET',
      pattern: '/search/repositories',
      endpoint: 'search',
      handle: async (req, res) => {
        const refused = await admit(req, res, 'search', 'search');
        if (refused) return refused === 'handled' ? undefined : refused;
        const bucket = bucketsOf(req.headers.authorization).search;
        const q = req.url.searchParams.get('q') ?? '';
        const perPage = Math.min(Number(req.url.searchParams.get('per_page') ?? 30), 100);
        const page = Number(req.url.searchParams.get('page') ?? 1);
        fake.searches.push(`${q}|${page}`);
        if (page * perPage > SEARCH_CAP) {
          return {
            status: 422,
            headers: headers(bucket),
            body: {
              message: 'Only the first 1000 search results are available',
              documentation_url: 'https://docs.github.com/v3/search/',
            },
          };
        }
        const shown = fake.searchIgnores.includes('page') ? 1 : page;
        const found = repos
          .filter(repoMatcher(q, fake.searchIgnores))
          .sort((a, b) => b.stars - a.stars || `${a.owner}/${a.name}`.localeCompare(`${b.owner}/${b.name}`));
        return {
          status: 200,
          headers: headers(bucket),
          body: {
            total_count: fake.searchTotalCount ?? found.length,
            ...(shape === 'current' ? { incomplete_results: false } : {}),
            items: found.slice((shown - 1) * perPage, shown * perPage).map(searchItem),
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo',
      endpoint: 'repo',
      handle: (req, res) =>
        repoRoute(req, res, 'repo', (repo) => ({
          status: 200,
          headers: headers(bucketsOf(req.headers.authorization).core),
          body: repoJson(repo, repos.indexOf(repo), fake.url, shape),
        })),
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/tarball/*',
      endpoint: 'tarball',
      handle: (req, res) =>
        repoRoute(req, res, 'tarball', (repo) => ({
          status: 302,
          headers: {
            ...headers(bucketsOf(req.headers.authorization).core),
            'content-type': 'text/html;charset=utf-8',
            location: `${fake.url}/codeload/${repo.owner}/${repo.name}/legacy.tar.gz/refs/heads/${req.params.rest}`,
          },
        })),
    },
    {
      method: 'GET',
      pattern: '/codeload/:owner/:repo/legacy.tar.gz/*',
      endpoint: 'codeload',
      // Like codeload.github.com: no rate-limit headers, not billed.
      handle: async (req, res) => {
        const repo = findRepo(req.params);
        const fault = await gate(req, res, undefined, 'codeload', `${req.params.owner}/${req.params.repo}`);
        if (fault === 'handled') return undefined;
        if (fault && typeof fault === 'object' && 'status' in fault) return fault;
        if (!repo) return { status: 404, body: 'Not Found' };
        if (typeof fault === 'object' && 'bomb' in fault) {
          res.writeHead(200, { 'content-type': 'application/x-gzip' });
          // Sent as the client reads it; a client that stops reading ends it.
          await pipeline(Readable.from(bombChunks(topFolder(repo), fault.bomb)), res).catch(() => undefined);
          return undefined;
        }
        const archive = buildTarGz(topFolder(repo), repo.commitSha, filesOf(repo));
        const disposition = {
          'content-type': 'application/x-gzip',
          'content-disposition': `attachment; filename=${topFolder(repo)}.tar.gz`,
        };
        if (fault === 'truncated') {
          res.writeHead(200, disposition);
          res.end(archive.subarray(0, Math.floor(archive.length / 2)));
          return undefined;
        }
        if (fault && ('stall' in fault || 'trickle' in fault)) {
          res.writeHead(200, { ...disposition, 'content-length': String(archive.length) });
          await streamSlowly(res, archive, fault);
          return undefined;
        }
        send(res, {
          status: 200,
          headers: { ...disposition, 'content-length': String(archive.length) },
          body: archive,
        });
        return undefined;
      },
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/git/trees/*',
      endpoint: 'tree',
      handle: (req, res) =>
        repoRoute(req, res, 'tree', (repo) => {
          const files = filesOf(repo);
          const folders = new Set<string>();
          for (const f of files) {
            const parts = f.path.split('/');
            for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
          }
          const blobUrl = (sha: string) => `${fake.url}/repos/${repo.owner}/${repo.name}/git/blobs/${sha}`;
          const tree = [
            ...[...folders].map((path) => ({
              path,
              mode: '040000',
              type: 'tree',
              sha: crypto.createHash('sha1').update(path).digest('hex'),
            })),
            ...files.map((f) => {
              const sha = gitBlobSha(f.content);
              return {
                path: f.path,
                mode: '100644',
                type: 'blob',
                sha,
                size: f.content.length,
                url: blobUrl(sha),
              };
            }),
          ].sort((a, b) => a.path.localeCompare(b.path));
          return {
            status: 200,
            headers: headers(bucketsOf(req.headers.authorization).core),
            body: {
              sha: repo.commitSha,
              url: `${fake.url}/repos/${repo.owner}/${repo.name}/git/trees/${repo.commitSha}`,
              tree,
              truncated: false,
            },
          };
        }),
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/git/blobs/:sha',
      endpoint: 'blob',
      handle: (req, res) =>
        repoRoute(req, res, 'blob', (repo) => {
          const file = filesOf(repo).find((f) => gitBlobSha(f.content) === req.params.sha);
          const bucket = bucketsOf(req.headers.authorization).core;
          if (!file) return { status: 404, headers: headers(bucket), body: NOT_FOUND };
          const base64 = file.content.toString('base64').replace(/.{60}/g, '$&\n');
          return {
            status: 200,
            headers: headers(bucket),
            body: {
              sha: req.params.sha,
              size: file.content.length,
              url: `${fake.url}/repos/${repo.owner}/${repo.name}/git/blobs/${req.params.sha}`,
              content: base64,
              encoding: 'base64',
            },
          };
        }),
    },
  ];

  const server = await startHttpFake(() => routes, {
    latencyMs: options.latencyMs ? () => options.latencyMs! : undefined,
  });
  const fake: FakeGithub = Object.assign(server, {
    core,
    search,
    anonymous,
    secondaryLimits,
    apiRequests: penalty.requests,
    limitViolations: 0,
    limitAnswers: 0,
    repos,
    faults,
    searches: [],
    searchIgnores: [],
    arrivals: [],
    filesOf,
    clockSkewSeconds: 0,
  });
  return fake;
}
