import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from './testCore.ts';
import { EXIT } from '../../src/main/cli/exitCodes.ts';
import { DATABASE_FILE_NAME, type Core } from '../../src/main/core/createCore.ts';
import { silentLogger } from '../../src/main/core/logging/logger.ts';
import { createRunRecorder } from '../../src/main/core/pipeline/runRecorder.ts';
import { openDatabase } from '../../src/main/core/store/database.ts';
import { upsertItems } from '../../src/main/core/store/itemStore.ts';
import { defaultSettings } from '../../src/shared/settings.ts';
import { startFakeStackExchange, type FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import { makeItems } from '../fixtures/itemFactory.ts';
import { SE_KEY } from '../pipeline/harness.ts';
import { inputFrom } from './settingsInput.ts';

const CLI = path.resolve('src/main/cli/index.ts');
let slow: FakeStackExchange;
beforeAll(async () => {
  // Slow enough that a run is still going while the other process tries.
  slow = await startFakeStackExchange({ keys: [SE_KEY], site: { questions: 3000 }, latencyMs: 300 });
});
afterAll(() => slow.close());

const children: ChildProcess[] = [];
const cores: Core[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const c of cores.splice(0)) await c.close();
});

const seSettings = {
  stackoverflow: {
    baseUrl: '',
    tags: ['python'],
    minQuestionScore: 0,
    minAnswerScore: 0,
    maxQuestions: 2500,
  },
  pipeline: { githubEnabled: false },
};

function dataFolder() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'chi-shared-'));
}

function startApp(folder: string) {
  const core = createTestCore(folder, { log: silentLogger });
  cores.push(core);
  return core;
}

/** `collect` in a process of its own on the folder; resolves once it has stored something. */
function startCli(folder: string) {
  const settings = path.join(folder, 'cli-settings.json');
  fs.writeFileSync(
    settings,
    JSON.stringify({ ...seSettings, stackoverflow: { ...seSettings.stackoverflow, baseUrl: slow.url } }),
  );
  const child = spawn(
    process.execPath,
    [CLI, 'collect', '--settings', settings, '--data', folder, '--interval-ms', '50'],
    {
      env: { ...process.env, STACKEXCHANGE_KEY: SE_KEY },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const storing = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (/stackoverflow running, .* [1-9]\d* new/.test(output)) resolve();
      if (child.exitCode !== null) reject(new Error(`collect ended early: ${output}`));
      if (/stackoverflow running, .* [1-9]\d* new/.test(output) || child.exitCode !== null)
        clearInterval(timer);
    }, 50);
  });
  // A CLI refused at once never stores: only a test that waits for it hears that.
  storing.catch(() => undefined);
  return { child, exited, storing, output: () => output };
}

/** The app's settings: Stack Overflow only, from the slow fake. */
const collectFromSlowSource = (core: Core) =>
  core.saveSettings(
    inputFrom((i) => {
      Object.assign(i.stackoverflow, { ...seSettings.stackoverflow, baseUrl: slow.url });
      i.stackoverflow.apiKey = { action: 'set', value: SE_KEY };
      i.pipeline.githubEnabled = false;
    }),
  );

const runsIn = (folder: string) => {
  const db = openDatabase(path.join(folder, DATABASE_FILE_NAME));
  try {
    return createRunRecorder(db).list(10);
  } finally {
    db.close();
  }
};

describe('the app and the CLI on one data folder', () => {
  it('a second writer waits for the first instead of failing with "database is locked"', async () => {
    const folder = dataFolder();
    const core = startApp(folder);
    const file = path.join(folder, DATABASE_FILE_NAME);
    // Another process holds the write lock for a second and a half.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const { DatabaseSync } = require('node:sqlite');
         const db = new DatabaseSync(${JSON.stringify(file)});
         db.exec('BEGIN IMMEDIATE'); db.exec("INSERT INTO skips (source, subject, reason, at) VALUES ('github', 'x', 'y', 'z')");
         console.log('locked');
         setTimeout(() => { db.exec('COMMIT'); db.close(); }, 1500);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(holder);
    await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
    expect(() => upsertItems(core.db, makeItems(20, { seed: 1 }))).not.toThrow();
    expect((await core.listItems({ text: '' }, { offset: 0, limit: 0 })).total).toBe(20);
  });

  it('the app refuses a second run while the CLI runs one, and never marks the CLI’s run interrupted', async () => {
    const folder = dataFolder();
    const cli = startCli(folder);
    await cli.storing;
    // The app starts on the same folder while the CLI collects (it used to mark the CLI's run interrupted).
    const core = startApp(folder);
    await collectFromSlowSource(core);
    await expect(core.startRun({})).rejects.toThrow(
      new RegExp(
        `^A run is already in progress \\(CLI, pid ${cli.child.pid}, started \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\)`,
      ),
    );
    // The Dashboard says so before Start is pressed.
    const state = await core.getRunState();
    expect(state.interrupted).toBeNull();
    expect(state.elsewhere).toEqual({
      runId: 1,
      message: expect.stringMatching(
        new RegExp(`^A run is already in progress \\(CLI, pid ${cli.child.pid}, `),
      ),
    });
    expect(runsIn(folder)[0].status).toBe('running');
    // Once the CLI is done, the app can run.
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(EXIT.CANCELLED);
    expect((await core.getRunState()).elsewhere).toBeNull();
    const started = await core.startRun({});
    expect(started.runId).toBe(2);
    await core.cancelRun();
  }, 40_000);

  it('the CLI refuses a second run while the app runs one: exit 5 with who runs it', async () => {
    const folder = dataFolder();
    const core = startApp(folder);
    await collectFromSlowSource(core);
    await core.startRun({});
    const cli = startCli(folder);
    expect(await cli.exited).toBe(EXIT.BUSY);
    expect(cli.output()).toMatch(
      new RegExp(`A run is already in progress \\(the app, pid ${process.pid}, started `),
    );
    const state = await core.getRunState();
    expect(state.current?.status).toBe('running');
    // Its own run is not "elsewhere".
    expect(state.elsewhere).toBeNull();
    await core.cancelRun();
  }, 40_000);

  it('a run whose process was killed is interrupted at the next start, and offered for resume', async () => {
    const folder = dataFolder();
    const cli = startCli(folder);
    await cli.storing;
    cli.child.kill('SIGKILL');
    await cli.exited;
    const core = startApp(folder);
    const { interrupted } = await core.getRunState();
    expect(interrupted).toMatchObject({ id: 1, status: 'interrupted', resumable: true });
  }, 40_000);

  it('a resumed run gets today’s secret only for the address it was saved for', () => {
    const db = openDatabase(':memory:');
    const recorder = createRunRecorder(db);
    const recorded = defaultSettings();
    recorded.stackoverflow.baseUrl = 'https://api.stackexchange.com/2.3';
    const runId = recorder.start(recorded);
    recorder.finish(runId, { status: 'interrupted', sources: {}, counts: {}, errors: [] });
    const today = defaultSettings();
    today.github.token = 'ghp_saved_for_github_com_01';
    today.stackoverflow.baseUrl = 'https://se.example.test/2.3';
    today.stackoverflow.apiKey = 'key-saved-for-another-host';
    const resumed = recorder.settingsForResume(runId, today);
    expect(resumed.github.token).toBe('ghp_saved_for_github_com_01');
    expect(resumed.stackoverflow).toMatchObject({ baseUrl: 'https://api.stackexchange.com/2.3', apiKey: '' });
    db.close();
  });
});
