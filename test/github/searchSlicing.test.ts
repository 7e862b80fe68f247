import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/shared/settings.ts';
import { createGithubClient } from '../../src/main/core/github/githubClient.ts';
import { webBaseOf } from '../../src/main/core/github/githubItem.ts';
import { createDiscoveryCursors } from '../../src/main/core/github/discoveryCursors.ts';
import { discoverRepositories, type DiscoveryResume } from '../../src/main/core/github/repoDiscovery.ts';
import type { Repo } from '../../src/main/core/github/repoObject.ts';
import { searchBases, searchQuery } from '../../src/main/core/github/searchQuery.ts';
import { silentLogger } from '../../src/main/core/logging/logger.ts';
import { startFakeGithub, type FakeGithub } from '../fakes/github/fakeGithub.ts';
import { TOKEN } from './harness.ts';

describe('search query', () => {
  it('builds one query per language from the settings', () => {
    const s = defaultSettings().github;
    s.languages = ['python', 'rust'];
    s.minStars = 500;
    s.pushedAfter = '2024-01-01';
    s.minRepoSizeKb = 10;
    const qs = searchBases(s).map((b) => searchQuery(b, { stars: { min: b.minStars, max: Infinity } }));
    expect(qs).toEqual([
      'language:python size:>=10 fork:false archived:false stars:>=500 pushed:>2024-01-01',
      'language:rust size:>=10 fork:false archived:false stars:>=500 pushed:>2024-01-01',
    ]);
    s.excludeForks = false;
    const [base] = searchBases(s);
    expect(
      searchQuery(base, { stars: { min: 500, max: 900 }, pushed: { from: '2024-01-02', to: '2024-03-01' } }),
    ).toBe('language:python size:>=10 fork:true archived:false stars:500..900 pushed:2024-01-02..2024-03-01');
  });

  it('uses a custom query as written', () => {
    const s = defaultSettings().github;
    s.customQuery = 'topic:cli language:go stars:>50';
    const [base] = searchBases(s);
    expect(searchQuery(base, { stars: { min: 0, max: Infinity } })).toBe('topic:cli language:go stars:>50');
  });
});

describe('webBaseOf', () => {
  it('derives the web host from the API base', () => {
    expect(webBaseOf('https://api.github.com')).toBe('https://github.com');
    expect(webBaseOf('https://git.example.com/api/v3')).toBe('https://git.example.com');
    expect(webBaseOf('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });
});

describe('discovery past 1,000 results', () => {
  let fake: FakeGithub;
  beforeAll(async () => {
    fake = await startFakeGithub({ corpus: { repos: 1500 }, searchLimit: 1000 });
  });
  afterAll(() => fake.close());

  async function discover(
    maxRepos: number,
    change: (s: ReturnType<typeof defaultSettings>['github']) => void = () => {},
    resume?: DiscoveryResume,
    stopAfter = Infinity,
  ) {
    const s = defaultSettings().github;
    Object.assign(s, {
      baseUrl: fake.url,
      token: TOKEN,
      languages: ['python'],
      minStars: 0,
      pushedAfter: '',
      minRepoSizeKb: 0,
      maxRepos,
    });
    change(s);
    const errors: string[] = [];
    const client = createGithubClient({ baseUrl: fake.url, token: TOKEN, searchMinTimeMs: 0 });
    const found: Repo[] = [];
    const cursors = createDiscoveryCursors();
    fake.searches.length = 0;
    for await (const discovered of discoverRepositories(
      s,
      {
        client,
        signal: new AbortController().signal,
        log: silentLogger,
        onError: (m) => errors.push(m),
        onSkip: (_subject, _reason, detail) => errors.push(detail),
      },
      resume,
    )) {
      found.push(discovered.repo);
      cursors.found(discovered);
      cursors.finished(discovered);
      if (found.length >= stopAfter) break;
    }
    return { found, errors, cursors: cursors.cursors(), searches: [...fake.searches] };
  }

  it('resumes from the saved search position: the same repositories, without searching from the top', async () => {
    const custom = (s: ReturnType<typeof defaultSettings>['github']) =>
      (s.customQuery = 'fork:false archived:false');
    const full = await discover(1200, custom);
    const first = await discover(1200, custom, undefined, 1050);
    expect(first.cursors[0]).toMatchObject({ page: expect.any(Number) });
    const rest = await discover(1200, custom, {
      cursors: first.cursors.map((c) => c ?? undefined),
      done: first.found.map((r) => r.full_name),
    });
    expect([...first.found, ...rest.found].map((r) => r.full_name)).toEqual(
      full.found.map((r) => r.full_name),
    );
    // Only the page it stopped in is searched again, not the ten pages before it.
    expect(rest.searches.length).toBeLessThanOrEqual(full.searches.length - first.searches.length + 1);
  });

  it('walks down by stars to collect more than 1,000 repositories, each once', async () => {
    // Without forks or archived ones, the 1,500 generated repositories hold more than 1,200 matches.
    const all = fake.repos.filter((r) => !r.fork && !r.archived);
    const { found, errors } = await discover(1200, (s) => (s.customQuery = 'fork:false archived:false'));
    expect(errors).toEqual([]);
    expect(all.length).toBeGreaterThan(1200);
    expect(found).toHaveLength(1200);
    expect(new Set(found.map((r) => r.full_name)).size).toBe(1200);
    // The first slice is the top 1,000 by stars; later ones continue below the lowest star count seen.
    expect(fake.searches.some((s) => /stars:0\.\.\d+\|1$/.test(s))).toBe(true);
    const stars = found.map((r) => r.stargazers_count);
    expect(stars).toEqual([...stars].sort((a, b) => b - a));
    expect(fake.requests.get('unrouted') ?? 0).toBe(0);
  });

  it('cuts one star count holding over 1,000 repositories by pushed date', async () => {
    const saved = fake.repos.map((r) => r.stars);
    fake.repos.forEach((r) => (r.stars = 7));
    try {
      const { found, errors } = await discover(
        2000,
        (s) => (s.languages = ['python', 'javascript', 'typescript', 'java', 'go', 'rust']),
      );
      expect(errors).toEqual([]);
      expect(new Set(found.map((r) => r.full_name)).size).toBe(found.length);
      expect(found.length).toBe(fake.repos.filter((r) => !r.fork && !r.archived).length);
      // Per language ~210 repositories: no slicing needed, so one search per language and page.
      expect(fake.searches.every((s) => !s.includes('pushed:'))).toBe(true);

      const one = await discover(2000, (s) => (s.customQuery = 'fork:false archived:false'));
      expect(one.errors).toEqual([]);
      expect(one.found.length).toBe(found.length);
      expect(fake.searches.some((s) => /stars:7 pushed:\d{4}-\d\d-\d\d\.\.\d{4}-\d\d-\d\d/.test(s))).toBe(
        true,
      );
    } finally {
      fake.repos.forEach((r, i) => (r.stars = saved[i]));
    }
  });
});
