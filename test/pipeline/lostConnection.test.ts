import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/main/cli/exitCodes.ts';
import { createRunRecorder } from '../../src/main/core/pipeline/runRecorder.ts';
import type { Database } from '../../src/main/core/store/database.ts';
import { startFakeGithub, type FakeGithub } from '../fakes/github/fakeGithub.ts';
import { networkSwitch } from '../fakes/networkSwitch.ts';
import { startFakeStackExchange, type FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import { tempFolder } from '../cli/cliHarness.ts';
import { collectCli, referenceRun, withDatabase } from './cliRuns.ts';
import {
  bothSources,
  FAST_COLLECTORS,
  GITHUB_TOKEN,
  SE_KEY,
  settingsFile,
  skipLog,
  storedContent,
} from './harness.ts';

let github: FakeGithub;
let se: FakeStackExchange;
let network: Awaited<ReturnType<typeof networkSwitch>>;
let settingsDir: string;
let settingsPath: string;
let reference: string[];
let referenceSkips: string[];

const LOST_SO = 'lost the connection to Stack Overflow (ECONNREFUSED); resume when it is back';
const LOST_GITHUB = 'lost the connection to GitHub (ECONNREFUSED); resume when it is back';

beforeAll(async () => {
  github = await startFakeGithub({ tokens: { [GITHUB_TOKEN]: 'octocat' }, corpus: { repos: 10 } });
  se = await startFakeStackExchange({ keys: [SE_KEY], site: { questions: 1500 } });
  network = await networkSwitch();
  const settings = bothSources(github, se, (s) => {
    s.github.maxRepos = 5;
    s.stackoverflow.maxQuestions = 400;
    s.pipeline.githubConcurrency = 2;
  });
  settingsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-lost-'));
  settingsPath = settingsFile(settingsDir, settings);
  ({ content: reference, skips: referenceSkips } = await referenceRun(settings));
});
afterAll(async () => {
  fs.rmSync(settingsDir, { recursive: true, force: true });
  await github.close();
  await se.close();
});
beforeEach(() => {
  network.set('up');
  se.quotaRemaining = 10_000;
});

const port = (fake: { url: string }) => new URL(fake.url).port;

/** `collect` through the switchable network. */
const collect = (args: string[]) => collectCli(args, { collectors: FAST_COLLECTORS, fetch: network.fetch });

/** The network to `fake` goes away once `after` requests matching `which` went through. */
function cutAfter(fake: { url: string }, which: (url: URL) => boolean, after: number) {
  let passed = 0;
  network.decide((url) => {
    if (url.port !== port(fake)) return 'up';
    if (passed >= after) return 'refused';
    if (which(url)) passed++;
    return 'up';
  });
}

const questionPages = (urls: URL[]) =>
  urls.filter((u) => u.pathname.endsWith('/questions')).map((u) => Number(u.searchParams.get('page')));

describe('a lost connection (TEAM.md decision 9)', () => {
  it('Stack Exchange: the source stops (exit 3) without skipping the page in hand, and --resume reads it', async () => {
    const data = tempFolder();
    cutAfter(se, (u) => u.pathname.endsWith('/questions'), 2);
    const first = await collect(['--settings', settingsPath, '--data', data]);
    expect(first.code, first.err).toBe(EXIT.STOPPED_BY_LIMIT);
    expect(first.out.at(-1)).toBe(
      'Run 1 stopped: lost the connection to Stack Overflow (ECONNREFUSED); `collect --resume` when it is back',
    );
    withDatabase(data, (db) => {
      const run = createRunRecorder(db).get(1)!;
      expect(run).toMatchObject({ status: 'stopped', resumable: true });
      expect(run.sources.stackoverflow).toEqual({ status: 'stopped', reason: LOST_SO });
      expect(run.sources.github).toMatchObject({ status: 'completed' });
      // Nothing given up: no page skipped, no error counted.
      expect(skipLog(db).filter((s) => s.includes('fetch_failed'))).toEqual([]);
      expect(run.errors).toEqual([]);
    });

    network.set('up');
    const seBefore = se.log.length;
    const resumed = await collect(['--resume', '--data', data]);
    expect(resumed.code, resumed.err).toBe(EXIT.OK);
    expect(resumed.out.at(-1)).toBe('Run 1 completed');
    // Pages 1 and 2 were stored; page 3 was the one in hand when the connection went.
    expect(questionPages(se.log.slice(seBefore))[0]).toBe(3);
    withDatabase(data, (db) => {
      expect(storedContent(db)).toEqual(reference);
      expect(skipLog(db)).toEqual(referenceSkips);
    });
  });

  it('GitHub: the source stops without giving up the repositories in hand, and --resume collects them', async () => {
    const data = tempFolder();
    cutAfter(github, (u) => u.pathname.includes('/legacy.tar.gz/'), 2);
    const first = await collect(['--settings', settingsPath, '--data', data]);
    expect(first.code, first.err).toBe(EXIT.STOPPED_BY_LIMIT);
    expect(first.out.at(-1)).toBe(
      'Run 1 stopped: lost the connection to GitHub (ECONNREFUSED); `collect --resume` when it is back',
    );
    withDatabase(data, (db) => {
      const run = createRunRecorder(db).get(1)!;
      expect(run.sources.github).toEqual({ status: 'stopped', reason: LOST_GITHUB });
      expect(run.errors).toEqual([]);
      expect(skipLog(db).filter((s) => /archive_failed|fetch_failed/.test(s))).toEqual([]);
    });

    network.set('up');
    const resumed = await collect(['--resume', '--data', data]);
    expect(resumed.code, resumed.err).toBe(EXIT.OK);
    withDatabase(data, (db) => {
      expect(storedContent(db)).toEqual(reference);
      expect(skipLog(db)).toEqual(referenceSkips);
    });
  });

  it('a resume whose health check cannot reach the host leaves the run resumable, its checkpoint as it was', async () => {
    const data = tempFolder();
    // Stopped by the daily quota: /info, then two pages of questions, the second saying quota_remaining 0.
    se.quotaRemaining = 3;
    const first = await collect(['--settings', settingsPath, '--data', data]);
    expect(first.code, first.err).toBe(EXIT.STOPPED_BY_LIMIT);
    const checkpoints = (db: Database) =>
      db.prepare('SELECT source, state FROM checkpoints ORDER BY source').all();
    const before = withDatabase(data, checkpoints);

    se.quotaRemaining = 10_000;
    network.set('refused', (u) => u.port === port(se));
    const unreachable = await collect(['--resume', '--data', data]);
    expect(unreachable.code, unreachable.err).toBe(EXIT.STOPPED_BY_LIMIT);
    expect(unreachable.out.at(-1)).toBe(
      'Run 1 stopped: lost the connection to Stack Overflow (ECONNREFUSED); `collect --resume` when it is back',
    );
    withDatabase(data, (db) => {
      expect(createRunRecorder(db).get(1)).toMatchObject({ status: 'stopped', resumable: true });
      expect(checkpoints(db)).toEqual(before);
    });

    network.set('up');
    const last = await collect(['--resume', '--data', data]);
    expect(last.code, last.err).toBe(EXIT.OK);
    withDatabase(data, (db) => expect(storedContent(db)).toEqual(reference));
  });

  it('a fresh run whose health check cannot reach the host still fails: most likely a wrong address', async () => {
    const data = tempFolder();
    network.set('refused', (u) => u.port === port(se));
    const { code, out, err } = await collect(['--settings', settingsPath, '--data', data]);
    expect(code, err).toBe(EXIT.SOURCE_FAILED);
    expect(out.at(-1)).toBe('Run 1 completed with 1 source failed');
  });
});
