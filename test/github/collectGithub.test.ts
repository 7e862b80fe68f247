import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/shared/settings.ts';
import { codeStructure } from '../../src/main/core/text/codeStructure.ts';
import { openDatabase } from '../../src/main/core/store/database.ts';
import { readItem } from '../../src/main/core/store/itemStore.ts';
import { githubItemId } from '../../src/main/core/github/githubItem.ts';
import { SOURCE_TEMPLATES } from '../fakes/github/sourceTemplates.ts';
import { gitBlobSha, startFakeGithub, type FakeGithub } from '../fakes/github/fakeGithub.ts';
import { collect, githubSettings, KEPT_PER_REPO, makeRun, storedItems } from './harness.ts';

let fake: FakeGithub;
beforeAll(async () => {
  // Each run searches once per language; the tests share the fake and its search quota.
  fake = await startFakeGithub({ corpus: { repos: 12 }, searchLimit: 100 });
});
afterAll(() => fake.close());

/** Per repository of the default corpus, with all six languages and a 64 KB size limit. */
const SKIPS_PER_REPO = {
  excluded_glob: 3,
  minified: 1,
  binary: 2,
  generated: 1,
  too_large: 1,
  not_source: 3,
};

describe('collectGithub against the fake', () => {
  it('keeps the source files, records a reason for every other file, and counts its requests', async () => {
    const before = new Map(fake.requests);
    const run = makeRun(githubSettings(fake));
    const result = await collect(run);

    expect(result.outcome).toBe('completed');
    const p = result.progress;
    expect(p.done).toBe(5);
    // The shared file is one blob: stored once, then a duplicate in each other repository.
    expect(p.items).toEqual({ inserted: 5 * KEPT_PER_REPO - 4, updated: 0, unchanged: 0, duplicates: 4 });
    expect(p.skips).toEqual(Object.fromEntries(Object.entries(SKIPS_PER_REPO).map(([k, v]) => [k, v * 5])));
    const logged = run.db.prepare('SELECT reason, COUNT(*) AS n FROM skips GROUP BY reason').all() as {
      reason: string;
      n: number;
    }[];
    expect(Object.fromEntries(logged.map((r) => [r.reason, Number(r.n)]))).toEqual(p.skips);
    expect(run.db.prepare("SELECT subject FROM skips WHERE reason = 'too_large'").all()).toContainEqual({
      subject: 'org0/project-0/src/big_table.py',
    });

    const made = (name: string) => (fake.requests.get(name) ?? 0) - (before.get(name) ?? 0);
    expect(made('tarball')).toBe(5);
    expect(made('codeload')).toBe(5);
    expect(made('tree') + made('blob')).toBe(0);
    expect(p.requests).toBe(made('search') + made('tarball'));
    expect(p.quota?.map((q) => q.name)).toEqual(['core', 'search']);
    expect(p.quota?.[0]).toMatchObject({ max: 5000, remaining: fake.core.remaining });
    expect(fake.limitViolations).toBe(0);

    const progress = run.events.filter((e) => e.type === 'progress');
    expect(progress.at(-1)).toMatchObject({ progress: { phase: 'done', done: 5 } });
  });

  it('fills the metadata of each language from the file and its repository', async () => {
    const run = makeRun(githubSettings(fake, (s) => (s.github.maxRepos = 4)));
    await collect(run);
    const repo = fake.repos[0];
    for (const language of LANGUAGES) {
      const path = `src/${language}/module_0${SOURCE_TEMPLATES[language].ext}`;
      const item = readItem(run.db, githubItemId('org0/project-0', path));
      if (item?.source !== 'github_code') throw new Error(`${path} not stored`);
      const content = fake.filesOf(repo).find((f) => f.path === path)!.content;
      const expected = codeStructure(content.toString(), language);
      expect(item.title).toBe(`org0/project-0/${path}`);
      expect(item.content).toBe(content.toString());
      expect(item.metadata).toMatchObject({
        repository: 'org0/project-0',
        repositoryUrl: `${fake.url}/org0/project-0`,
        path,
        fileUrl: `${fake.url}/org0/project-0/blob/main/${path}`,
        size: content.length,
        blobSha: gitBlobSha(content),
        lastModified: repo.pushedAt,
        language,
        containsImports: true,
        containsFunctions: true,
        containsClasses: true,
        imports: expected.imports,
        functions: expected.functions,
        classes: expected.classes,
        stars: repo.stars,
        defaultBranch: 'main',
        license: 'MIT',
      });
      expect(item.metadata.linesOfCode).toBeGreaterThan(8);
      expect(expected.functions.length).toBeGreaterThan(0);
    }
    const license = (repoIndex: number) => {
      const item = readItem(
        run.db,
        githubItemId(`org${repoIndex}/project-${repoIndex}`, 'src/go/module_0.go'),
      );
      return item?.source === 'github_code' ? item.metadata.license : 'missing';
    };
    expect([license(1), license(2), license(3)]).toEqual(['Apache-2.0', null, null]);
    // project-3 is on "master".
    const onMaster = readItem(run.db, githubItemId('org3/project-3', 'src/go/module_0.go'));
    expect(onMaster?.source === 'github_code' && onMaster.metadata.fileUrl).toBe(
      `${fake.url}/org3/project-3/blob/master/src/go/module_0.go`,
    );
  });

  it('keeps ids across runs and tells unchanged, updated and duplicate files apart', async () => {
    const db = openDatabase(':memory:');
    const settings = githubSettings(fake, (s) => (s.github.maxRepos = 3));
    const first = await collect(makeRun(settings, db));
    const idsBefore = storedItems(db).map((r) => r.id);
    expect(first.progress.items).toMatchObject({ inserted: 3 * KEPT_PER_REPO - 2, duplicates: 2 });

    // Nothing pushed since: each repository is skipped without a request for its archive.
    const tarballsBefore = fake.requests.get('tarball') ?? 0;
    const second = await collect(makeRun(settings, db));
    expect(storedItems(db).map((r) => r.id)).toEqual(idsBefore);
    expect(second.progress.items).toEqual({ inserted: 0, updated: 0, unchanged: 0, duplicates: 0 });
    expect(second.progress.skips).toEqual({ unchanged_repo: 3 });
    expect(fake.requests.get('tarball') ?? 0).toBe(tarballsBefore);

    // Other file filters may keep other files: every repository is read again, its files unchanged.
    const wider = githubSettings(fake, (s) => ((s.github.maxRepos = 3), (s.github.maxFileSizeKb = 65)));
    const third = await collect(makeRun(wider, db));
    expect(third.progress.items).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 3 * KEPT_PER_REPO - 2,
      duplicates: 2,
    });

    // A push to one repository: only that one is read again; its edited file is an update.
    const repo = fake.repos[1];
    const files = fake.filesOf(repo);
    const target = files.find((f) => f.path === 'src/rust/module_0.rs')!;
    const original = { content: target.content, pushedAt: repo.pushedAt };
    target.content = Buffer.concat([original.content, Buffer.from('\npub fn added() {}\n')]);
    // A copy of another repository's file under a new path: same blob, so a duplicate.
    files.push({
      path: 'src/copied.py',
      content: fake.filesOf(fake.repos[0]).find((f) => f.path === 'src/python/module_0.py')!.content,
    });
    repo.pushedAt = new Date(Date.parse(repo.pushedAt) + 60_000).toISOString();
    try {
      const fourth = await collect(makeRun(wider, db));
      expect(fourth.progress.skips.unchanged_repo).toBe(2);
      expect(fourth.progress.items.inserted).toBe(0);
      expect(fourth.progress.items.updated).toBe(1);
      expect(fourth.progress.items.duplicates).toBeGreaterThanOrEqual(1);
      const updated = readItem(db, githubItemId('org1/project-1', 'src/rust/module_0.rs'));
      expect(updated?.source === 'github_code' && updated.metadata.functions).toContain('added');
      expect(storedItems(db).map((r) => r.id)).toEqual(idsBefore);
    } finally {
      target.content = original.content;
      repo.pushedAt = original.pushedAt;
      files.pop();
    }
  });

  it('applies languages, include globs and the per-repository cap in order', async () => {
    fake.searches.length = 0;
    const run = makeRun(
      githubSettings(fake, (s) => {
        s.github.languages = ['python'];
        s.github.includeGlobs = ['src/**'];
        s.github.maxFilesPerRepo = 1;
        s.github.maxRepos = 2;
      }),
    );
    const result = await collect(run);
    expect(fake.searches).toEqual(['language:python fork:false archived:false stars:>=0|1']);
    expect(result.progress.items.inserted).toBe(2);
    // Per repository: 19 files of other languages; the shared file and README.md are outside src/; once one file is
    // kept, the other passing ones (module_1.py, blob.py) hit the cap without being read.
    expect(result.progress.skips).toEqual({
      not_source: 2 * 19,
      not_included: 2 * 2,
      max_files: 2 * 2,
      too_large: 2,
    });
    expect(storedItems(run.db).map((r) => r.path)).toEqual([
      'org0/project-0/src/python/module_0.py',
      'org6/project-6/src/python/module_0.py',
    ]);
  });
});
