import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/shared/settings.ts';
import { createGithubClient } from '../../src/main/core/github/githubClient.ts';
import { discoverRepositories } from '../../src/main/core/github/repoDiscovery.ts';
import { silentLogger } from '../../src/main/core/logging/logger.ts';
import { startFakeGithub, type FakeGithub } from '../fakes/github/fakeGithub.ts';
import { runWith } from '../pipeline/harness.ts';
import { collect, fakePerTest, githubSettings, makeRun, TOKEN } from './harness.ts';

describe('discovery knows when to stop', () => {
  let fake: FakeGithub;
  beforeAll(async () => {
    fake = await startFakeGithub({ corpus: { repos: 1500 }, searchLimit: 1000 });
  });
  afterAll(() => fake.close());

  it('ends when slices stop finding new repositories, and says how many match', async () => {
    // A search that answers the same 1,000 whatever the star or date range asked for.
    fake.searchIgnores = ['stars', 'pushed'];
    fake.searches.length = 0;
    const s = defaultSettings().github;
    Object.assign(s, {
      baseUrl: fake.url,
      token: TOKEN,
      customQuery: 'fork:false archived:false',
      maxRepos: 1500,
    });
    const stop = new AbortController();
    const client = createGithubClient({ baseUrl: fake.url, token: TOKEN, searchMinTimeMs: 0 });
    let matched: number | undefined;
    let found = 0;
    const logged: string[] = [];
    const log = { ...silentLogger, info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m) };
    for await (const _ of discoverRepositories(s, {
      client,
      signal: stop.signal,
      log,
      onError: () => {},
      onSkip: () => {},
      onExhausted: (n) => (matched = n),
    })) {
      found++;
      // Without an end of its own the walk would search on and on: give up well past what it needs.
      if (fake.searches.length > 60) stop.abort();
    }
    fake.searchIgnores = [];
    expect(found).toBe(1000);
    expect(matched).toBe(1000);
    // The top 1,000 (10 pages), the first page of one more slice, which adds nothing, and no more.
    expect(fake.searches.length).toBe(11);
    expect(logged.some((m) => /no longer find new repositories/.test(m))).toBe(true);
  });

  it('reports the whole total before the first repository, so it never drops mid-run', async () => {
    const s = defaultSettings().github;
    Object.assign(s, {
      baseUrl: fake.url,
      token: TOKEN,
      languages: ['python', 'go', 'rust'],
      minStars: 0,
      pushedAfter: '',
      minRepoSizeKb: 0,
      maxRepos: 5000,
    });
    const client = createGithubClient({ baseUrl: fake.url, token: TOKEN, searchMinTimeMs: 0 });
    const totals: number[] = [];
    let totalBeforeFirst: number | undefined;
    const generator = discoverRepositories(s, {
      client,
      signal: new AbortController().signal,
      log: silentLogger,
      onError: () => {},
      onSkip: () => {},
      onTotal: (n) => totals.push(n),
    });
    for await (const _ of generator) {
      totalBeforeFirst ??= totals.at(-1);
      break;
    }
    expect(totals).toHaveLength(1);
    expect(totalBeforeFirst).toBeGreaterThan(0);
  });
});

describe('a search that repeats itself', () => {
  const fakeWith = fakePerTest({ corpus: { repos: 30 } });

  it('stops paging at the first page that adds nothing, and slicing at the first slice that does', async () => {
    // A replay of the recorded first page: one page of repositories, "2,723 in all", whatever page or slice.
    const fake = await fakeWith();
    fake.searchIgnores = ['stars', 'pushed', 'page'];
    fake.searchTotalCount = 2723;
    const run = makeRun(
      githubSettings(
        fake,
        (s) => ((s.github.customQuery = 'fork:false archived:false'), (s.github.maxRepos = 100)),
      ),
    );
    const result = await collect(run);
    const matching = fake.repos.filter((r) => !r.fork && !r.archived).length;
    expect(result.outcome).toBe('completed');
    expect(result.progress.done).toBe(matching);
    expect(result.reason).toBe(
      `only ${matching} repositories match; the search gave the same repositories again, so the rest of it was not asked for`,
    );
    // Page 1 and page 2 (nothing new) of the first slice; page 1 of the next (nothing new).
    expect(fake.searches).toHaveLength(3);
    expect(run.warnings).toContainEqual(expect.stringMatching(/repeats itself/));
  });
});

describe('a run says in words what its figures hide', () => {
  const fakeWith = fakePerTest({ corpus: { repos: 8 } });

  it('a search that matches fewer than asked: "only N repositories match"', async () => {
    const fake = await fakeWith();
    const run = makeRun(
      githubSettings(fake, (s) => ((s.github.languages = ['python']), (s.github.maxRepos = 10))),
    );
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(result.progress.done).toBe(2);
    expect(result.reason).toBe('only 2 repositories match');
  });

  it('a run without a token says so, and what it costs', async () => {
    const fake = await fakeWith();
    const run = makeRun(githubSettings(fake, (s) => ((s.github.token = ''), (s.github.maxRepos = 2))));
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(result.reason).toBe('ran without a GitHub token: 60 requests an hour for this IP address');
    expect(result.progress.quota?.find((q) => q.name === 'core')?.max).toBe(60);
    expect(run.warnings).toContain(
      'No GitHub token: 60 requests an hour and 10 searches a minute for this IP address; a token gives 5,000 an hour',
    );
  });

  it('a run without a token says so while it runs: the Dashboard card has the notice before the first repository', async () => {
    const fake = await fakeWith({ latencyMs: 30 });
    const settings = githubSettings(fake, (s) => ((s.github.token = ''), (s.github.maxRepos = 3)));
    settings.pipeline.stackoverflowEnabled = false;
    const { handle, snapshots } = runWith(settings);
    const final = await handle.done;
    expect(final.status).toBe('completed');
    const live = snapshots.filter((s) => !s.endedAt && s.sources.github?.progress.done === 0);
    expect(
      live.some((s) =>
        s.sources.github?.notices?.some((n) => /^No GitHub token: 60 requests an hour/.test(n)),
      ),
    ).toBe(true);
    // Once, however often it is said.
    expect(final.sources.github?.notices).toHaveLength(1);
  });

  it('a run with a token has no such notice', async () => {
    const fake = await fakeWith();
    const settings = githubSettings(fake, (s) => (s.github.maxRepos = 2));
    settings.pipeline.stackoverflowEnabled = false;
    const final = await runWith(settings).handle.done;
    expect(final.status).toBe('completed');
    expect(final.sources.github?.notices).toBeUndefined();
  });
});
