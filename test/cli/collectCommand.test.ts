import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { runCollectCommand, type Io } from '../../src/main/cli/collectCommand.ts';
import { runStatsCommand } from '../../src/main/cli/statsCommand.ts';
import { DATABASE_FILE_NAME } from '../../src/main/core/createCore.ts';
import { createRunRecorder } from '../../src/main/core/pipeline/runRecorder.ts';
import { openDatabase } from '../../src/main/core/store/database.ts';
import { startFakeGithub, type FakeGithub } from '../fakes/github/fakeGithub.ts';
import { startFakeStackExchange, type FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import { GITHUB_TOKEN, SE_KEY } from '../pipeline/harness.ts';

let github: FakeGithub;
let se: FakeStackExchange;
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'chi-cli-'));

function captureIo(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (l) => out.push(l), stderr: (l) => err.push(l) };
}

function writeSettings(dir: string, settings: unknown): string {
  const file = path.join(dir, 'settings.json');
  fs.writeFileSync(file, JSON.stringify(settings));
  return file;
}

beforeAll(async () => {
  github = await startFakeGithub({
    tokens: { [GITHUB_TOKEN]: 'octocat' },
    corpus: { repos: 20 },
    latencyMs: 20,
  });
  se = await startFakeStackExchange({ keys: [SE_KEY], site: { questions: 2000 }, latencyMs: 150 });
});
afterAll(async () => {
  await github.close();
  await se.close();
});

const githubOnly = (extra: Record<string, unknown> = {}) => ({
  github: {
    baseUrl: github.url,
    languages: ['python'],
    minStars: 0,
    pushedAfter: '',
    minRepoSizeKb: 0,
    maxRepos: 3,
    ...extra,
  },
  pipeline: { stackoverflowEnabled: false },
});

describe('cli collect', () => {
  it('reports every invalid setting by field and exits 2 without collecting', async () => {
    const dir = tmp();
    const io = captureIo();
    const file = writeSettings(dir, {
      github: { minStars: -1, languages: ['cobol'] },
      pipeline: { batchSize: 0 },
    });
    expect(await runCollectCommand(['--settings', file, '--data', dir], io)).toBe(2);
    const message = io.err.join('\n');
    expect(message).toMatch(/github\.minStars: Must be at least 0/);
    expect(message).toMatch(/github\.languages: Choose from python/);
    expect(message).toMatch(/pipeline\.batchSize: Must be at least 1/);
    expect(fs.existsSync(path.join(dir, DATABASE_FILE_NAME))).toBe(false);
  });

  it('exits 1 with "token rejected" when GitHub refuses the token', async () => {
    const dir = tmp();
    const io = captureIo();
    const previous = process.env.GITHUB_TOKEN;
    process.env.GITHUB_TOKEN = 'ghp_not_a_valid_token_000';
    try {
      const code = await runCollectCommand(
        ['--settings', writeSettings(dir, githubOnly()), '--data', dir],
        io,
      );
      expect(code).toBe(1);
      expect(io.err.join('\n')).toMatch(/github failed: .*token rejected/);
    } finally {
      if (previous === undefined) delete process.env.GITHUB_TOKEN;
      else process.env.GITHUB_TOKEN = previous;
    }
  });

  it('collects with the token from the environment, prints progress lines, and stats reads the result', async () => {
    const dir = tmp();
    const io = captureIo();
    process.env.GITHUB_TOKEN = GITHUB_TOKEN;
    try {
      const code = await runCollectCommand(
        [
          '--settings',
          writeSettings(dir, githubOnly()),
          '--data',
          dir,
          '--interval-ms',
          '0',
          '--max-repos',
          '2',
        ],
        io,
      );
      expect(code, io.err.join('\n')).toBe(0);
    } finally {
      delete process.env.GITHUB_TOKEN;
    }
    // The last line is the run's outcome; the one before has every figure: repositories, files stored,
    // skips, errors, waits, requests, quota.
    expect(io.out.at(-1)).toBe('Run 1 completed');
    expect(io.out.at(-2)).toMatch(
      /^\[run 1 completed \d+s\] github completed, 2\/2 repositories, [1-9]\d* new 0 upd 0 same, [1-9]\d* skips, 0 errors, 0 waits, \d+ req, quota core [\d,]+\/5,000 search [\d,]+\/30$/,
    );
    const stats = captureIo();
    expect(await runStatsCommand(['--data', dir], stats)).toBe(0);
    expect(stats.out[0]).toMatch(/^items: [1-9]\d* \(github_code [1-9]\d*, stackoverflow_qa 0\)$/);
    expect(stats.out[1]).toMatch(/^run 1: completed/);
  });

  it('treats Ctrl-C as cancel: stores what it has, records the run as cancelled, exits 130', async () => {
    // Slow enough (about 10 s) that the interrupt lands mid-run.
    const slow = await startFakeStackExchange({ keys: [SE_KEY], site: { questions: 3000 }, latencyMs: 400 });
    onTestFinished(() => slow.close());
    const dir = tmp();
    const file = writeSettings(dir, {
      stackoverflow: {
        baseUrl: slow.url,
        tags: ['python'],
        minQuestionScore: 0,
        minAnswerScore: 0,
        maxQuestions: 2500,
      },
      pipeline: { githubEnabled: false },
    });
    const child = spawn(
      process.execPath,
      [
        path.resolve('src/main/cli/index.ts'),
        'collect',
        '--settings',
        file,
        '--data',
        dir,
        '--interval-ms',
        '50',
      ],
      {
        env: { ...process.env, STACKEXCHANGE_KEY: SE_KEY },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    // Interrupt once something is stored.
    const stored = () => /stackoverflow running, .* [1-9]\d* new/.test(output);
    const interval = setInterval(() => stored() && child.kill('SIGINT'), 50);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearInterval(interval);
    expect(code, output).toBe(130);
    expect(output).toMatch(/Cancelling: storing what was collected/);
    const db = openDatabase(path.join(dir, DATABASE_FILE_NAME));
    try {
      const count = (db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n;
      expect(count).toBeGreaterThan(0);
      expect(createRunRecorder(db).list(1)[0].status).toBe('cancelled');
    } finally {
      db.close();
    }
  }, 30_000);
});
