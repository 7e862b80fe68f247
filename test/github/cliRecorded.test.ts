import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../src/main/core/createCore.ts';
import { openDatabase } from '../../src/main/core/store/database.ts';
import { cli, tempFolder, writeJson } from '../cli/cliHarness.ts';
import { fakePerTest, TOKEN } from './harness.ts';

const fakeWith = fakePerTest({ corpus: { repos: 30 }, repoShape: 'recorded2014', latencyMs: 5 });

describe('the CLI against a GitHub shaped like the recordings', () => {
  it('collects everything: no licence keys, no incomplete_results, no x-ratelimit-resource, a 500 and a secondary limit on the way', async () => {
    const fake = await fakeWith();
    fake.faults.push({ endpoint: 'tarball', kind: 'status', status: 500 });
    fake.secondaryLimits.push({ onRequest: 6, retryAfterSeconds: 1 });
    const dir = tempFolder();
    const settings = writeJson(dir, 'settings.json', {
      github: {
        baseUrl: fake.url,
        languages: ['python', 'go'],
        minStars: 0,
        pushedAfter: '',
        minRepoSizeKb: 0,
        maxRepos: 6,
      },
      pipeline: { stackoverflowEnabled: false },
    });
    const { code, out, err } = await cli(['collect', '--settings', settings, '--data', dir], {
      env: { GITHUB_TOKEN: TOKEN },
    });
    expect(code, err).toBe(0);
    expect(out).toMatch(/github completed, 6\/6 repositories/);
    const db = openDatabase(path.join(dir, DATABASE_FILE_NAME));
    try {
      const stored = Number((db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n);
      // Per repository two Python and two Go sources, the shared file (stored once) and README.md.
      expect(stored).toBe(6 * (2 * 2 + 1 + 1) - 5);
      expect(
        db.prepare("SELECT COUNT(*) AS n FROM skips WHERE reason = 'unreadable_repository'").get(),
      ).toEqual({
        n: 0,
      });
    } finally {
      db.close();
    }
    expect(fake.limitViolations).toBe(0);
  });
});
