import { describe, expect, it } from 'vitest';
import { collect, fakePerTest, githubSettings, KEPT_PER_REPO, keptFiles, makeRun } from './harness.ts';

const fakeWith = fakePerTest();

const skipRowsOf = (run: ReturnType<typeof makeRun>, repo: string) =>
  Number(
    (
      run.db.prepare('SELECT COUNT(*) AS n FROM skips WHERE subject LIKE ?').get(`${repo}/%`) as {
        n: number;
      }
    ).n,
  );

describe('archive caps after unzipping', () => {
  it('skips a repository whose archive inflates past the cap, without falling back to its tree', async () => {
    const fake = await fakeWith();
    fake.faults.push({
      endpoint: 'codeload',
      repo: 'org1/project-1',
      kind: 'bomb',
      bomb: { inflatedMb: 256 },
    });
    const run = makeRun(githubSettings(fake, (s) => ((s.github.maxRepos = 3), (s.github.maxInflatedMb = 8))));
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(result.progress.errors).toBe(0);
    expect(result.progress.done).toBe(3);
    expect(result.progress.skips.archive_too_large).toBe(1);
    expect(keptFiles(result)).toBe(2 * KEPT_PER_REPO);
    expect(fake.requests.get('tree') ?? 0).toBe(0);
    expect(
      run.db.prepare("SELECT subject, detail FROM skips WHERE reason = 'archive_too_large'").all(),
    ).toEqual([
      { subject: 'org1/project-1', detail: 'the archive unpacks to more than 8 MB (github.maxInflatedMb)' },
    ]);
  });

  it('skips a repository with more entries than the cap, recording no more than the cap allows', async () => {
    const fake = await fakeWith();
    fake.faults.push({
      endpoint: 'codeload',
      repo: 'org1/project-1',
      kind: 'bomb',
      bomb: { entries: 50_000 },
    });
    const run = makeRun(
      githubSettings(fake, (s) => ((s.github.maxRepos = 3), (s.github.maxArchiveEntries = 1000))),
    );
    const result = await collect(run);
    expect(result.outcome).toBe('completed');
    expect(result.progress.errors).toBe(0);
    expect(result.progress.skips.archive_too_many_entries).toBe(1);
    expect(keptFiles(result)).toBe(2 * KEPT_PER_REPO);
    expect(skipRowsOf(run, 'org1/project-1')).toBeLessThanOrEqual(1000);
    expect(fake.requests.get('tree') ?? 0).toBe(0);
  });
});
