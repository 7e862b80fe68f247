import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../src/shared/events.ts';
import type { Core } from '../../src/main/core/createCore.ts';
import { createRunRecorder } from '../../src/main/core/pipeline/runRecorder.ts';
import { createTestCore } from '../core/testCore.ts';
import { startFakeGithub, type FakeGithub } from '../fakes/github/fakeGithub.ts';
import { startFakeStackExchange, type FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import { bothSources, FAST_COLLECTORS, GITHUB_TOKEN, SE_KEY, until } from './harness.ts';

let github: FakeGithub;
let se: FakeStackExchange;

beforeAll(async () => {
  github = await startFakeGithub({ tokens: { [GITHUB_TOKEN]: 'octocat' }, corpus: { repos: 12 } });
  se = await startFakeStackExchange({ keys: [SE_KEY], site: { questions: 300 } });
});
afterAll(async () => {
  await github.close();
  await se.close();
});

function openCore(dataFolder: string): Core {
  return createTestCore(dataFolder, { pipeline: { collectors: FAST_COLLECTORS, snapshotIntervalMs: 50 } });
}

async function saveBothSources(core: Core) {
  const s = bothSources(github, se);
  const result = await core.saveSettings({
    github: { ...s.github, token: { action: 'set', value: s.github.token } },
    stackoverflow: { ...s.stackoverflow, apiKey: { action: 'set', value: s.stackoverflow.apiKey } },
    pipeline: s.pipeline,
  });
  expect(result.ok).toBe(true);
}

describe('runs through the core', () => {
  it('offers a run a dead process left behind, and resumes it under the same id', async () => {
    const dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-runs-'));
    const first = openCore(dataFolder);
    await saveBothSources(first);
    // What a killed process leaves: a run still marked running, owned by a process that is gone.
    const gone = spawnSync(process.execPath, ['-p', 'process.pid'], { encoding: 'utf8' });
    const owner = { pid: Number(gone.stdout), kind: 'app' as const, host: os.hostname() };
    const orphan = createRunRecorder(first.db, owner).start(first.settings.current());
    await first.close();

    const core = openCore(dataFolder);
    try {
      const state = await core.getRunState();
      expect(state.current).toBeNull();
      expect(state.interrupted).toMatchObject({ id: orphan, status: 'interrupted', resumable: true });

      const events: AppEvent[] = [];
      core.onEvent((e) => events.push(e));
      const started = await core.startRun({ resumeRunId: orphan });
      expect(started.runId).toBe(orphan);
      await expect(core.startRun({})).rejects.toThrow('A run is already in progress');
      await until(() => events.some((e) => e.type === 'run-metrics' && e.snapshot.status === 'completed'));

      const runs = await core.listRuns(10);
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ id: orphan, status: 'completed', resumable: false });
      expect((await core.getRunState()).interrupted).toBeNull();
      expect(events.filter((e) => e.type === 'run-metrics').length).toBeGreaterThan(1);
    } finally {
      await core.close();
    }
  });

  it('refuses to start when no source is enabled, and a run that is not interrupted cannot be resumed', async () => {
    const dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-runs-'));
    const core = openCore(dataFolder);
    try {
      const s = await core.getSettings();
      await core.saveSettings({
        github: { ...s.github, token: { action: 'keep' } },
        stackoverflow: { ...s.stackoverflow, apiKey: { action: 'keep' } },
        pipeline: { ...s.pipeline, githubEnabled: false, stackoverflowEnabled: false },
      });
      await expect(core.startRun({})).rejects.toThrow('Enable at least one source in Settings');
      await expect(core.startRun({ resumeRunId: 42 })).rejects.toThrow('Run 42 cannot be resumed');
    } finally {
      await core.close();
    }
  });
});
