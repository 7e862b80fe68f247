import crypto from 'node:crypto';
import {
  send,
  startHttpFake,
  type FakeRequest,
  type FakeResponse,
  type FakeServer,
  type Route,
} from '../httpServer.ts';
import { generateFiles, generateRepos, type CorpusOptions, type FakeRepo } from './corpus.ts';
import { takeFault, type Fault, type FaultEndpoint } from './faults.ts';
import { createBucket, rateLimitHeaders, refresh, type RateLimitBucket } from './rateLimitBucket.ts';
import { repoMatcher } from './searchQuery.ts';
import { buildTarGz, type TarEntry } from './tarball.ts';

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
};

export type FakeGithub = FakeServer & {
  core: RateLimitBucket;
  search: RateLimitBucket;
  /** Requests the fake refused with 403/429 because a limit was ignored. */
  limitViolations: number;
  /** 403/429 answers sent for any reason (violations and scripted faults). */
  limitAnswers: number;
  repos: FakeRepo[];
  /** Scripted misbehaviours, used up in order (see Fault). */
  faults: Fault[];
  /** Every search, as "q|page". */
  searches: string[];
  /** The files of a repository (built on first use). */
  filesOf(repo: FakeRepo): TarEntry[];
};

const BASE_HEADERS = {
  server: 'GitHub.com',
  'x-github-media-type': 'github.v3; format=json',
  'access-control-expose-headers':
    'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset',
};

const NOT_FOUND = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' };
const SEARCH_CAP = 1000;

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
  const repos = options.corpus ? generateRepos(options.corpus) : [];
  const faults: Fault[] = [];

  function headers(bucket: RateLimitBucket): Record<string, string> {
    return {
      ...BASE_HEADERS,
      ...rateLimitHeaders(bucket),
      'x-github-request-id': crypto.randomBytes(8).toString('hex').toUpperCase(),
    };
  }

  /** Authenticates and charges a bucket; answers the error when either fails. */
  function admit(
    authorization: string | undefined,
    bucket: RateLimitBucket | undefined,
  ): FakeResponse | undefined {
    const token = authorization?.replace(/^(token|bearer)\s+/i, '');
    if (token !== undefined && !(token in tokens)) {
      return {
        status: 401,
        headers: headers(bucket ?? core),
        body: {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
          status: '401',
        },
      };
    }
    if (!bucket) return undefined;
    refresh(bucket);
    if (bucket.remaining <= 0) {
      fake.limitViolations++;
      fake.limitAnswers++;
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

  /** The scripted answer for this request, if a fault is due. */
  async function faultAnswer(
    endpoint: FaultEndpoint,
    repo: string | undefined,
    bucket: RateLimitBucket,
  ): Promise<FakeResponse | 'truncated' | undefined> {
    const fault = takeFault(faults, endpoint, repo);
    if (!fault) return undefined;
    const base = { ...headers(bucket), ...fault.headers };
    switch (fault.kind) {
      case 'slow':
        await new Promise((r) => setTimeout(r, fault.delayMs ?? 500));
        return undefined;
      case 'truncated':
        return 'truncated';
      case 'malformed':
        return {
          status: 200,
          headers: { ...base, 'content-type': 'application/json; charset=utf-8' },
          body: fault.body ?? '{"total_count": 3, "items": [',
        };
      case 'primary':
        fake.limitAnswers++;
        return {
          status: 403,
          headers: {
            ...base,
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + (fault.resetInSeconds ?? 1)),
          },
          body: { message: `API rate limit exceeded for user ID 1. [rate limit: ${bucket.resource}]` },
        };
      case 'secondary':
        fake.limitAnswers++;
        return {
          status: 403,
          headers: base,
          body: {
            message:
              'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 1234.',
          },
        };
      case 'abuse':
        fake.limitAnswers++;
        return {
          status: 403,
          headers: base,
          body: {
            message:
              'You have triggered an abuse detection mechanism and have been temporarily blocked from content creation. Please retry your request again later.',
          },
        };
      case 'retryAfter':
        fake.limitAnswers++;
        return {
          status: 429,
          headers: { ...base, 'retry-after': String(fault.retryAfterSeconds ?? 1) },
          body: {
            message:
              'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          },
        };
      case 'status':
        return {
          status: fault.status ?? 500,
          headers: base,
          body: fault.body ?? { message: 'Server Error' },
        };
    }
  }

  const repoJson = (r: FakeRepo) => {
    const full = `${r.owner}/${r.name}`;
    return {
      id: repos.indexOf(r) + 1,
      name: r.name,
      full_name: full,
      private: false,
      owner: { login: r.owner, id: 1000 + (repos.indexOf(r) % 17), type: 'Organization' },
      html_url: `https://github.com/${full}`,
      description: `Generated repository ${full}`,
      fork: r.fork,
      url: `${fake.url}/repos/${full}`,
      created_at: '2020-01-01T00:00:00Z',
      updated_at: r.pushedAt,
      pushed_at: r.pushedAt,
      size: r.sizeKb,
      stargazers_count: r.stars,
      watchers_count: r.stars,
      language: r.language,
      forks_count: 3,
      archived: r.archived,
      open_issues_count: 1,
      license: r.license
        ? {
            key: r.license.toLowerCase(),
            name: r.license,
            spdx_id: r.license,
            url: null,
            node_id: 'MDc6TGljZW5zZTA=',
          }
        : null,
      default_branch: r.defaultBranch,
      score: 1,
    };
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
    endpoint: FaultEndpoint,
    answer: (repo: FakeRepo) => FakeResponse,
  ): Promise<FakeResponse> {
    const refused = admit(req.headers.authorization, core);
    if (refused) return refused;
    const fault = await faultAnswer(endpoint, `${req.params.owner}/${req.params.repo}`, core);
    if (fault && fault !== 'truncated') return fault;
    const repo = findRepo(req.params);
    if (!repo) return { status: 404, headers: headers(core), body: NOT_FOUND };
    return answer(repo);
  }

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
      handle: async (req) => {
        if (!req.headers.authorization) {
          return { status: 401, headers: headers(core), body: { message: 'Requires authentication' } };
        }
        const refused = admit(req.headers.authorization, core);
        if (refused) return refused;
        const fault = await faultAnswer('user', undefined, core);
        if (fault && fault !== 'truncated') return fault;
        const name = login(req.headers.authorization);
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
      handle: async (req) => {
        const refused = admit(req.headers.authorization, search);
        if (refused) return refused;
        const fault = await faultAnswer('search', undefined, search);
        if (fault && fault !== 'truncated') return fault;
        const q = req.url.searchParams.get('q') ?? '';
        const perPage = Math.min(Number(req.url.searchParams.get('per_page') ?? 30), 100);
        const page = Number(req.url.searchParams.get('page') ?? 1);
        fake.searches.push(`${q}|${page}`);
        if (page * perPage > SEARCH_CAP) {
          return {
            status: 422,
            headers: headers(search),
            body: {
              message: 'Only the first 1000 search results are available',
              documentation_url: 'https://docs.github.com/v3/search/',
            },
          };
        }
        const found = repos
          .filter(repoMatcher(q))
          .sort((a, b) => b.stars - a.stars || `${a.owner}/${a.name}`.localeCompare(`${b.owner}/${b.name}`));
        return {
          status: 200,
          headers: headers(search),
          body: {
            total_count: found.length,
            incomplete_results: false,
            items: found.slice((page - 1) * perPage, page * perPage).map(repoJson),
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo',
      endpoint: 'repo',
      handle: (req) =>
        repoRoute(req, 'repo', (repo) => ({ status: 200, headers: headers(core), body: repoJson(repo) })),
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/tarball/*',
      endpoint: 'tarball',
      handle: (req) =>
        repoRoute(req, 'tarball', (repo) => ({
          status: 302,
          headers: {
            ...headers(core),
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
        const fault = await faultAnswer('codeload', `${req.params.owner}/${req.params.repo}`, core);
        if (fault && fault !== 'truncated') return fault;
        if (!repo) return { status: 404, body: 'Not Found' };
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
      handle: (req) =>
        repoRoute(req, 'tree', (repo) => {
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
            headers: headers(core),
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
      handle: (req) =>
        repoRoute(req, 'blob', (repo) => {
          const file = filesOf(repo).find((f) => gitBlobSha(f.content) === req.params.sha);
          if (!file) return { status: 404, headers: headers(core), body: NOT_FOUND };
          const base64 = file.content.toString('base64').replace(/.{60}/g, '$&\n');
          return {
            status: 200,
            headers: headers(core),
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

  const login = (authorization: string | undefined) =>
    tokens[authorization?.replace(/^(token|bearer)\s+/i, '') ?? ''];

  const server = await startHttpFake(() => routes, {
    latencyMs: options.latencyMs ? () => options.latencyMs! : undefined,
  });
  const fake: FakeGithub = Object.assign(server, {
    core,
    search,
    limitViolations: 0,
    limitAnswers: 0,
    repos,
    faults,
    searches: [],
    filesOf,
  });
  return fake;
}
