import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../src/main/core/createCore.ts';
import { silentLogger } from '../../src/main/core/logging/logger.ts';
import { createRunRecorder } from '../../src/main/core/pipeline/runRecorder.ts';
import { startPipeline } from '../../src/main/core/pipeline/runPipeline.ts';
import { openDatabase } from '../../src/main/core/store/database.ts';
import { startFakeGithub, type FakeGithub } from '../fakes/github/fakeGithub.ts';
import { startFakeStackExchange, type FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import { tempFolder } from '../cli/cliHarness.ts';
import {
  bothSources,
  storedPerSource,
  GITHUB_TOKEN,
  SE_KEY,
  settingsFile,
  skipLog,
  storedContent,
  storedIds,
} from './harness.ts';

const CLI = path.resolve('src/main/cli/index.ts');
/** One kill point drawn in each of these windows (ms after the run started), so early, middle and late all get hit. */
const KILL_WINDOWS: [number, number][] = [
  [100, 700],
  [700, 1400],
  [1400, 2000],
  [2000, 2600],
];
const KILLS = KILL_WINDOWS.map(([from, to]) => Math.round(from + Math.random() * (to - from)));

let github: FakeGithub;
let se: FakeStackExchange;
let settingsDir: string;
let settingsPath: string;
let reference: string[];
let referenceSkips: string[];
let referenceTarballs: number;

beforeAll(async () => {
  github = await startFakeGithub({
    tokens: { [GITHUB_TOKEN]: 'octocat' },
    corpus: { repos: 40 },
    latencyMs: 40,
  });
  se = await startFakeStackExchange({ keys: [SE_KEY], site: { questions: 1200 }, latencyMs: 300 });
  const settings = bothSources(github, se, (s) => {
    s.github.maxRepos = 16;
    s.stackoverflow.maxQuestions = 1000;
    s.pipeline.githubConcurrency = 2;
    s.pipeline.batchSize = 20;
  });
  settingsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-kill-'));
  settingsPath = settingsFile(settingsDir, settings);

  // The uninterrupted run every interrupted one is compared with.
  const db = openDatabase(':memory:');
  const before = github.requests.get('tarball') ?? 0;
  const run = startPipeline({ settings, db, log: silentLogger, onSnapshot: () => {} });
  expect((await run.done).status).toBe('completed');
  reference = storedContent(db);
  referenceSkips = skipLog(db);
  referenceTarballs = (github.requests.get('tarball') ?? 0) - before;
  db.close();
}, 120_000);
afterAll(async () => {
  fs.rmSync(settingsDir, { recursive: true, force: true });
  await github.close();
  await se.close();
});

/** Runs the CLI; kills it with SIGKILL `killAfterMs` after its run started, unless it finishes first. */
function cli(
  args: string[],
  killAfterMs?: number,
): Promise<{ code: number | null; killed: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, GITHUB_TOKEN, STACKEXCHANGE_KEY: SE_KEY },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    // "Run N started" is a message (stderr); results go to stdout.
    const onOutput = (d: Buffer) => {
      output += d;
      if (killAfterMs !== undefined && !timer && /Run \d+ started/.test(output))
        timer = setTimeout(() => ((killed = true), child.kill('SIGKILL')), killAfterMs);
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, killed, output });
    });
  });
}

function countStored(data: string): number {
  const file = path.join(data, DATABASE_FILE_NAME);
  if (!fs.existsSync(file)) return 0;
  const db = openDatabase(file);
  try {
    return storedIds(db).length;
  } finally {
    db.close();
  }
}

describe('kill -9 at random points, then resume', () => {
  it.each(KILLS)(
    'killed after %i ms: the resumed run stores exactly what an uninterrupted run stores',
    async (killAfterMs) => {
      const data = tempFolder();
      const tarballsBefore = github.requests.get('tarball') ?? 0;
      const first = await cli(
        ['collect', '--settings', settingsPath, '--data', data, '--interval-ms', '200'],
        killAfterMs,
      );
      expect(first.killed, first.output).toBe(true);
      const storedAtKill = countStored(data);

      // Resume, killing again once halfway through, until a run finishes.
      let resumes = 0;
      let last = await cli(['collect', '--resume', '--data', data], killAfterMs / 2);
      while (last.killed && resumes < 10) {
        resumes++;
        last = await cli(['collect', '--resume', '--data', data]);
      }
      expect(last.code, last.output).toBe(0);
      expect(last.output).toMatch(/Resuming run 1 from its checkpoints/);

      const db = openDatabase(path.join(data, DATABASE_FILE_NAME));
      try {
        const stored = storedContent(db);
        expect(stored.length).toBe(reference.length); // none lost, none twice
        expect(stored).toEqual(reference);
        const runs = createRunRecorder(db).list(10);
        expect(runs).toHaveLength(1);
        expect(runs[0].status).toBe('completed');
        // The run's figures are what is stored, per source, and every skip is logged exactly once.
        const { counts } = runs[0];
        const bySource = storedPerSource(db);
        expect(counts.github).toMatchObject({ inserted: bySource.github, updated: 0 });
        expect(counts.stackoverflow).toMatchObject({ inserted: bySource.stackoverflow, updated: 0 });
        const skips = skipLog(db);
        expect(skips).toEqual(referenceSkips);
        expect(new Set(skips).size).toBe(skips.length);
        expect((counts.github?.skips ?? 0) + (counts.stackoverflow?.skips ?? 0)).toBe(skips.length);
        // It went on from its checkpoints: at most the repositories in flight at each kill were read again.
        const tarballs = (github.requests.get('tarball') ?? 0) - tarballsBefore;
        expect(tarballs).toBeLessThanOrEqual(referenceTarballs + 2 * 2);
        console.log(
          `kill at ${killAfterMs} ms: ${storedAtKill} of ${reference.length} items stored when killed; ` +
            `${resumes + 1} resume(s), one of them killed too; ${stored.length} stored at the end (reference ${reference.length}); ` +
            `${tarballs} archives downloaded (reference ${referenceTarballs})`,
        );
      } finally {
        db.close();
      }
    },
    60_000,
  );
});
