import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSnapshot } from '../../src/shared/runsContract.ts';
import type { Settings } from '../../src/shared/settings.ts';
import { silentLogger } from '../../src/main/core/logging/logger.ts';
import { createRunRecorder } from '../../src/main/core/pipeline/runRecorder.ts';
import { createRunsService } from '../../src/main/core/pipeline/runsService.ts';
import { openDatabase, type Database } from '../../src/main/core/store/database.ts';
import { startFakeGithub, type FakeGithub } from '../fakes/github/fakeGithub.ts';
import { networkSwitch } from '../fakes/networkSwitch.ts';
import { startFakeStackExchange, type FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import { bothSources, FAST_COLLECTORS, GITHUB_TOKEN, runWith, storedContent, until } from './harness.ts';

let github: FakeGithub;
let se: FakeStackExchange;
let network: Awaited<ReturnType<typeof networkSwitch>>;
let settings: Settings;
let reference: string[];

beforeAll(async () => {
  github = await startFakeGithub({
    tokens: { [GITHUB_TOKEN]: 'octocat' },
    corpus: { repos: 10 },
    latencyMs: 20,
  });
  se = await startFakeStackExchange({ site: { questions: 1500 }, latencyMs: 20 });
  network = await networkSwitch();
  settings = bothSources(github, se, (s) => {
    s.github.maxRepos = 5;
    s.stackoverflow.maxQuestions = 600;
  });
  const uninterrupted = runWith(settings);
  expect((await uninterrupted.handle.done).status).toBe('completed');
  reference = storedContent(uninterrupted.db);
});
afterAll(async () => {
  await github.close();
  await se.close();
});

/** The runs service as the app and the CLI use it, on `db`, with `current()` as the saved settings. */
function runsService(db: Database, current: () => Settings = () => settings) {
  const snapshots: RunSnapshot[] = [];
  const service = createRunsService({
    db,
    log: silentLogger,
    settings: current,
    fetch: network.fetch,
    emit: (e) => e.type === 'run-metrics' && snapshots.push(e.snapshot),
    pipeline: { collectors: FAST_COLLECTORS, snapshotIntervalMs: 20 },
  });
  const finished = async () => service.active()?.done ?? snapshots.findLast((s) => s.endedAt)!;
  return { service, snapshots, finished };
}

const stored = (db: Database) => (db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n;

describe('every run that did not complete can be resumed (TEAM.md decision 8)', () => {
  it('a cancelled run is offered for resume and goes on from its checkpoints', async () => {
    const db = openDatabase(':memory:');
    const { service, finished } = runsService(db);
    const { runId } = await service.startRun({});
    await until(() => stored(db) > 0);
    expect((await service.cancelRun())?.status).toBe('cancelled');
    const { interrupted } = await service.getRunState();
    expect(interrupted).toMatchObject({ id: runId, status: 'cancelled', resumable: true });

    await service.startRun({ resumeRunId: runId });
    expect((await finished()).status).toBe('completed');
    expect(storedContent(db)).toEqual(reference);
    expect(createRunRecorder(db).get(runId)).toMatchObject({ status: 'completed', resumable: false });
    expect((await service.getRunState()).interrupted).toBeNull();
  });

  it('a partial run (a rejected token) resumes the failed source only, once the token is right', async () => {
    const db = openDatabase(':memory:');
    let current = { ...settings, github: { ...settings.github, token: 'ghp_rejected' } };
    const { service, finished } = runsService(db, () => current);
    const { runId } = await service.startRun({});
    expect((await finished()).status).toBe('partial');
    expect((await service.getRunState()).interrupted).toMatchObject({ id: runId, resumable: true });

    current = settings;
    const seBefore = se.log.length;
    await service.startRun({ resumeRunId: runId });
    expect((await finished()).status).toBe('completed');
    // Stack Overflow completed the first time: it is left be.
    expect(se.log.length).toBe(seBefore);
    expect(storedContent(db)).toEqual(reference);
  });

  it('Ctrl-C during the health check is a cancel, not a failure: no error recorded', async () => {
    const db = openDatabase(':memory:');
    // GitHub's /rate_limit never answers: the check waits on it.
    network.set('blackhole', (u) => u.port === new URL(github.url).port);
    try {
      const { service, snapshots } = runsService(db);
      const { runId } = await service.startRun({});
      await until(() => snapshots.at(-1)?.sources.github?.status === 'checking');
      const final = (await service.cancelRun())!;
      expect(final.status).toBe('cancelled');
      expect(final.sources.github).toMatchObject({ status: 'cancelled' });
      expect(final.sources.github?.reason ?? '').not.toMatch(/Cannot reach/);
      expect(createRunRecorder(db).get(runId)).toMatchObject({ status: 'cancelled', errors: [] });
    } finally {
      network.set('up');
    }
  });
});
