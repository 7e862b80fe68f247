import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFiles } from '../fakes/github/corpus.ts';
import { startFakeGithub, type FakeGithub } from '../fakes/github/fakeGithub.ts';
import { collect, githubSettings, makeRun, storedItems } from './harness.ts';

let fake: FakeGithub;
beforeAll(async () => {
  fake = await startFakeGithub({ corpus: { repos: 3 } });
  // Every repository has an empty package marker, as Python projects do.
  fake.repos.forEach((repo, i) => {
    repo.files = [...generateFiles(i), { path: 'src/pkg/__init__.py', content: Buffer.alloc(0) }];
  });
});
afterAll(() => fake.close());

describe('empty files', () => {
  it('are skipped with a counted, logged reason in every repository, never stored (nor dropped as duplicates)', async () => {
    const run = makeRun(githubSettings(fake, (s) => (s.github.maxRepos = 3)));
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(result.progress.skips.empty_file).toBe(3);
    const logged = run.db.prepare("SELECT subject FROM skips WHERE reason = 'empty_file' ORDER BY 1").all();
    expect(logged).toEqual(fake.repos.map((r) => ({ subject: `${r.owner}/${r.name}/src/pkg/__init__.py` })));
    expect(storedItems(run.db).filter((item) => item.path.endsWith('__init__.py'))).toEqual([]);
  });
});
