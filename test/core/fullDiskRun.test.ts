import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from './testCore.ts';
import { DATABASE_FILE_NAME } from '../../src/main/core/createCore.ts';
import { silentLogger } from '../../src/main/core/logging/logger.ts';
import { settingsInputOf } from '../../src/main/core/settings/settingsInput.ts';
import type { AppEvent } from '../../src/shared/events.ts';
import type { RunSnapshot } from '../../src/shared/runsContract.ts';
import { startFakeGithub, type FakeGithub } from '../fakes/github/fakeGithub.ts';
import { startFakeStackExchange, type FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import { bothSources, FAST_COLLECTORS, GITHUB_TOKEN, SE_KEY, until } from '../pipeline/harness.ts';

let github: FakeGithub;
let se: FakeStackExchange;
beforeAll(async () => {
  github = await startFakeGithub({
    tokens: { [GITHUB_TOKEN]: 'octocat' },
    corpus: { repos: 30 },
    latencyMs: 30,
  });
  se = await startFakeStackExchange({ keys: [SE_KEY], site: { questions: 2000 }, latencyMs: 60 });
});
afterAll(async () => {
  await github.close();
  await se.close();
});

describe('a full disk during a run', () => {
  it('ends the run interrupted with "Disk full at PATH", resumable, and a resume after freeing space completes it', async () => {
    const dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-fullrun-'));
    const databaseFile = path.join(dataFolder, DATABASE_FILE_NAME);
    const core = createTestCore(dataFolder, {
      log: silentLogger,
      pipeline: { collectors: FAST_COLLECTORS, snapshotIntervalMs: 50 },
    });
    try {
      const settings = bothSources(github, se, (s) => {
        s.github.maxRepos = 20;
        s.stackoverflow.maxQuestions = 1500;
      });
      expect(core.settings.save(settingsInputOf(settings)).ok).toBe(true);
      const snapshots: RunSnapshot[] = [];
      core.onEvent((e: AppEvent) => e.type === 'run-metrics' && snapshots.push(e.snapshot));
      const { runId } = await core.startRun({});
      await until(() => (snapshots.at(-1)?.totals.itemsStored ?? 0) > 0);
      // The disk fills up: SQLite reports a full database as it would a full disk.
      const pages = (core.db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
      core.db.exec(`PRAGMA max_page_count = ${pages + 1}`);
      await until(() => snapshots.some((s) => s.endedAt));
      const final = snapshots.find((s) => s.endedAt)!;
      expect(final.status).toBe('interrupted');
      const reasons = Object.values(final.sources).map((m) => m!.reason);
      expect(reasons).toContain(`Disk full at ${databaseFile}.`);
      const [run] = await core.listRuns(1);
      expect(run).toMatchObject({ id: runId, status: 'interrupted', resumable: true });
      expect(run.errors.join('\n')).toContain(`Disk full at ${databaseFile}.`);
      expect(run.errors.join('\n')).not.toMatch(/cannot rollback|no transaction is active/);
      expect((await core.getRunState()).interrupted?.id).toBe(runId);
      const storedBefore = (await core.listItems({ text: '' }, { offset: 0, limit: 0 })).total;
      expect(storedBefore).toBeGreaterThan(0);

      // Space freed: the run resumes from its checkpoints and completes.
      core.db.exec('PRAGMA max_page_count = 1073741823');
      snapshots.length = 0;
      await core.startRun({ resumeRunId: runId });
      await until(() => snapshots.some((s) => s.endedAt), 30_000);
      expect(snapshots.find((s) => s.endedAt)!.status).toBe('completed');
      expect((await core.listItems({ text: '' }, { offset: 0, limit: 0 })).total).toBeGreaterThanOrEqual(
        storedBefore,
      );
    } finally {
      await core.close();
    }
  }, 60_000);
});
