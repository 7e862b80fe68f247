import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/main/cli/exitCodes.ts';
import { createRunRecorder } from '../../src/main/core/pipeline/runRecorder.ts';
import { nextUtcMidnight } from '../../src/main/core/stackexchange/seResponse.ts';
import { startFakeGithub, type FakeGithub } from '../fakes/github/fakeGithub.ts';
import { startFakeStackExchange, type FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import { tempFolder } from '../cli/cliHarness.ts';
import { collectCli, withDatabase } from './cliRuns.ts';
import {
  bothSources,
  countBySource,
  storedPerSource,
  GITHUB_TOKEN,
  runWith,
  SE_KEY,
  settingsFile,
  storedIds,
} from './harness.ts';

let github: FakeGithub;
let se: FakeStackExchange;
let settingsDir: string;
let settingsPath: string;
let reference: string[];

/** The outcome as the run history words it; the CLI's last line says how to resume there. */
const OUTCOME = "stopped: Stack Overflow's daily quota is spent; resume after 00:00 UTC";
const QUOTA = "Run 1 stopped: Stack Overflow's daily quota is spent; `collect --resume` after 00:00 UTC";

beforeAll(async () => {
  github = await startFakeGithub({ tokens: { [GITHUB_TOKEN]: 'octocat' }, corpus: { repos: 8 } });
  se = await startFakeStackExchange({ keys: [SE_KEY], site: { questions: 1500 } });
  const settings = bothSources(github, se, (s) => {
    s.github.maxRepos = 3;
    s.stackoverflow.maxQuestions = 400;
  });
  settingsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-quota-'));
  settingsPath = settingsFile(settingsDir, settings);
  const uninterrupted = runWith(settings);
  expect((await uninterrupted.handle.done).status).toBe('completed');
  reference = storedIds(uninterrupted.db);
});
afterAll(async () => {
  fs.rmSync(settingsDir, { recursive: true, force: true });
  await github.close();
  await se.close();
});
beforeEach(() => {
  se.quotaRemaining = 10_000;
});

const collect = (args: string[]) => collectCli(args);

const newRequests = <T>(log: T[], from: number) => log.slice(from);
const paths = (urls: URL[]) => urls.map((u) => u.pathname.replace(/^\/2\.3/, ''));

describe('a spent Stack Exchange quota', () => {
  it('stops the source (not "completed"), exits 3 saying when to resume, and --resume goes on after the reset', async () => {
    const data = tempFolder();
    // /info, then two pages of questions: the second answer says quota_remaining 0.
    se.quotaRemaining = 3;
    const first = await collect(['--settings', settingsPath, '--data', data]);
    expect(first.code, first.err).toBe(EXIT.STOPPED_BY_LIMIT);
    expect(first.out.at(-1)).toBe(QUOTA);
    expect(first.out.at(-2)).toMatch(/stackoverflow stopped, .*, daily quota spent, resets at 00:00 UTC$/);
    withDatabase(data, (db) => {
      const run = createRunRecorder(db).get(1)!;
      expect(run).toMatchObject({
        status: 'stopped',
        resumable: true,
        outcome: OUTCOME,
      });
      expect(run.sources.stackoverflow).toEqual({
        status: 'stopped',
        reason: 'daily quota spent, resets at 00:00 UTC',
        resumeAt: nextUtcMidnight(new Date()),
      });
      expect(run.sources.github).toMatchObject({ status: 'completed' });
      expect(run.counts.stackoverflow?.inserted).toBe(countBySource(db).stackoverflow_qa);
      expect(countBySource(db).stackoverflow_qa).toBeGreaterThan(0);
    });

    // Before the reset nothing but the health check goes to Stack Exchange, GitHub (done) is left be.
    const [seBefore, githubBefore] = [se.log.length, github.totalRequests()];
    const early = await collect(['--resume', '--data', data]);
    expect(early.code, early.err).toBe(EXIT.STOPPED_BY_LIMIT);
    expect(early.out.at(-1)).toBe(QUOTA);
    expect(paths(newRequests(se.log, seBefore))).toEqual(['/info']);
    expect(github.totalRequests()).toBe(githubBefore);

    // After the reset it goes on from its checkpoint and ends with what an uninterrupted run stores.
    se.quotaRemaining = 10_000;
    const seAtReset = se.log.length;
    const last = await collect(['--resume', '--data', data]);
    expect(last.code, last.err).toBe(EXIT.OK);
    expect(last.out.at(-1)).toBe('Run 1 completed');
    expect(github.totalRequests()).toBe(githubBefore);
    // It starts where it stopped: page 1 and 2 were read before.
    const pages = newRequests(se.log, seAtReset)
      .filter((u) => u.pathname.endsWith('/questions'))
      .map((u) => u.searchParams.get('page'));
    expect(pages[0]).toBe('3');
    withDatabase(data, (db) => {
      expect(storedIds(db)).toEqual(reference);
      const run = createRunRecorder(db).get(1)!;
      expect(run).toMatchObject({ status: 'completed', resumable: false, outcome: 'completed' });
      const stored = storedPerSource(db);
      expect(run.counts.stackoverflow?.inserted).toBe(stored.stackoverflow);
      expect(run.counts.github?.inserted).toBe(stored.github);
    });
  });

  it('spent before the run starts: the source stops at its health check without asking for questions', async () => {
    const data = tempFolder();
    se.quotaRemaining = 0;
    const seBefore = se.log.length;
    const { code, out, err } = await collect(['--settings', settingsPath, '--data', data]);
    expect(code, err).toBe(EXIT.STOPPED_BY_LIMIT);
    expect(out.at(-1)).toBe(QUOTA);
    expect(paths(newRequests(se.log, seBefore))).toEqual(['/info']);
    withDatabase(data, (db) => {
      expect(countBySource(db).github_code).toBeGreaterThan(0);
      expect(createRunRecorder(db).get(1)!.sources.stackoverflow).toMatchObject({ status: 'stopped' });
    });
  });
});
