import { describe, expect, it } from 'vitest';
import { readItem } from '../../src/main/core/store/itemStore.ts';
import { githubItemId } from '../../src/main/core/github/githubItem.ts';
import { collect, fakePerTest, githubSettings, KEPT_PER_REPO, keptFiles, makeRun } from './harness.ts';

const fakeWith = fakePerTest();

describe('repository objects as the API sends them', () => {
  it('collects repositories shaped like the recorded search answer (no license key, no incomplete_results)', async () => {
    const fake = await fakeWith({ repoShape: 'recorded2014' });
    const run = makeRun(githubSettings(fake));
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(result.progress.errors).toBe(0);
    expect(result.progress.done).toBe(5);
    expect(keptFiles(result)).toBe(5 * KEPT_PER_REPO);
    const item = readItem(run.db, githubItemId('org0/project-0', 'src/go/module_0.go'));
    expect(item?.source === 'github_code' && item.metadata.license).toBeNull();
    // Without x-ratelimit-resource the quota is still told apart by the URL.
    expect(result.progress.quota?.map((q) => q.name)).toEqual(['core', 'search']);
  });

  it('treats absent and null alike for what it does not need, and reads empty repositories', async () => {
    const fake = await fakeWith();
    fake.repos[1].empty = true;
    fake.mangle = (json, repo) => {
      if (repo.name !== 'project-2') return json;
      const { license: _license, description: _description, ...rest } = json;
      return { ...rest, homepage: null, language: null, default_branch: null, owner: null };
    };
    const run = makeRun(githubSettings(fake, (s) => (s.github.maxRepos = 4)));
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(result.progress.errors).toBe(0);
    expect(result.progress.done).toBe(4);
    // The empty repository: archive 404, tree 409.
    expect(result.progress.skips.repo_empty).toBe(1);
    const item = readItem(run.db, githubItemId('org2/project-2', 'src/go/module_0.go'));
    // No default branch named: the web link follows the repository's HEAD.
    expect(item?.source === 'github_code' && item.metadata).toMatchObject({
      license: null,
      defaultBranch: 'HEAD',
      fileUrl: `${fake.url}/org2/project-2/blob/HEAD/src/go/module_0.go`,
    });
  });

  it('skips an unusable repository object naming the field: one bad object costs only itself', async () => {
    const fake = await fakeWith();
    fake.mangle = (json, repo) => {
      if (repo.name === 'project-1') return { ...json, full_name: undefined };
      if (repo.name === 'project-2') return { ...json, full_name: null };
      if (repo.name === 'project-3') return { ...json, stargazers_count: 'many' };
      if (repo.name === 'project-4') return { ...json, full_name: 'no-slash' };
      if (repo.name === 'project-6') return 'not an object';
      return json;
    };
    const run = makeRun(
      githubSettings(fake, (s) => ((s.github.maxRepos = 5), (s.pipeline.maxErrorsPerSource = 2))),
    );
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(result.progress.errors).toBe(0);
    expect(result.progress.done).toBe(5);
    expect(result.progress.skips.unreadable_repository).toBe(5);
    const logged = run.db
      .prepare("SELECT subject, detail FROM skips WHERE reason = 'unreadable_repository' ORDER BY subject")
      .all();
    expect(logged).toEqual([
      { subject: 'org3/project-3', detail: 'org3/project-3: stargazers_count is not a number' },
      { subject: 'repository 2', detail: 'repository 2: no full_name' },
      { subject: 'repository 3', detail: 'repository 3: no full_name' },
      { subject: 'repository 5', detail: 'repository 5: full_name is not "owner/name"' },
      { subject: 'search result', detail: 'search result: not an object' },
    ]);
    expect(run.events).toContainEqual(
      expect.objectContaining({ type: 'skip', reason: 'unreadable_repository', subject: 'repository 2' }),
    );
  });

  it('does not speak of a custom query when none is set', async () => {
    // Over 1,000 Python repositories, none readable: the search cannot be walked down by stars.
    const fake = await fakeWith({ corpus: { repos: 8000 } });
    fake.mangle = () => ({ id: 7 });
    const run = makeRun(
      githubSettings(fake, (s) => ((s.github.languages = ['python']), (s.github.maxRepos = 3))),
    );
    await collect(run);
    expect(run.warnings.filter((w) => /custom query/i.test(w))).toEqual([]);
  });
});
