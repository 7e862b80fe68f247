import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { DATABASE_FILE_NAME } from '../../src/main/core/createCore.ts';
import { createRunRecorder } from '../../src/main/core/pipeline/runRecorder.ts';
import { openDatabase } from '../../src/main/core/store/database.ts';
import { startFakeGithub, type FakeGithub } from '../fakes/github/fakeGithub.ts';
import { startFakeStackExchange, type FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import { GITHUB_TOKEN, SE_KEY } from '../pipeline/harness.ts';
import { cli, tempFolder as tmp, writeJson } from './cliHarness.ts';

let github: FakeGithub;
let se: FakeStackExchange;
const writeSettings = (dir: string, settings: unknown) => writeJson(dir, 'settings.json', settings);

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
    const file = writeSettings(dir, {
      github: { minStars: -1, languages: ['cobol'] },
      pipeline: { batchSize: 0 },
    });
    const { code, err: message } = await cli(['collect', '--settings', file, '--data', dir]);
    expect(code).toBe(2);
    expect(message).toMatch(/github\.minStars: Must be at least 0/);
    expect(message).toMatch(/github\.languages: Choose from python/);
    expect(message).toMatch(/pipeline\.batchSize: Must be at least 1/);
    expect(fs.existsSync(path.join(dir, DATABASE_FILE_NAME))).toBe(false);
  });

  it('exits 1 with "token rejected" when GitHub refuses the token', async () => {
    const dir = tmp();
    const { code, err } = await cli(
      ['collect', '--settings', writeSettings(dir, githubOnly()), '--data', dir],
      {
        env: { GITHUB_TOKEN: 'ghp_not_a_valid_token_000' },
      },
    );
    expect(code).toBe(1);
    expect(err).toMatch(/github failed: .*did not accept the token/);
  });

  it('collects with the token from the environment: progress on stderr, the final line on stdout, and stats reads the result', async () => {
    const dir = tmp();
    const { code, out, err } = await cli(
      [
        'collect',
        '--settings',
        writeSettings(dir, githubOnly()),
        '--data',
        dir,
        '--interval-ms',
        '0',
        '--max-repos',
        '2',
      ],
      { env: { GITHUB_TOKEN } },
    );
    expect(code, err).toBe(0);
    expect(err).toMatch(/^Run 1 started; database /m);
    // stdout holds the results alone: the final figures (repositories, files stored, skips, errors,
    // waits, requests, quota), then the run's outcome.
    const [figures, outcome, ...more] = out.split('\n');
    expect(more).toEqual([]);
    expect(outcome).toBe('Run 1 completed');
    expect(figures).toMatch(
      /^\[run 1 completed \d+s\] github completed, 2\/2 repositories, [1-9]\d* new 0 upd 0 same 1 dup, [1-9]\d* skips, 0 errors, 0 waits, \d+ req, quota core [\d,]+\/5,000 search [\d,]+\/30$/,
    );
    const stats = await cli(['stats', '--data', dir]);
    expect(stats.code).toBe(0);
    const [items, run] = stats.out.split('\n');
    expect(items).toMatch(
      /^items: [1-9]\d* \(github_code [1-9]\d*, github_doc [1-9]\d*, stackoverflow_qa 0\)$/,
    );
    expect(run).toMatch(/^run 1: completed/);
    expect(stats.out).toMatch(/^skipped \(github\) not code in a chosen language: \d+$/m);
    const json = await cli(['stats', '--data', dir, '--json']);
    const parsed = JSON.parse(json.out);
    expect(parsed.items.github_code).toBeGreaterThan(0);
    expect(parsed.runs[0]).toMatchObject({ id: 1, status: 'completed' });
    expect(parsed.skips).toContainEqual(
      expect.objectContaining({
        source: 'github',
        reason: 'not_source',
        words: 'not code in a chosen language',
      }),
    );
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
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (output += d));
    // Interrupt once something is stored.
    const stored = () => /stackoverflow running, .* [1-9]\d* new/.test(output);
    // One interrupt: a second Ctrl-C would end the process before it stores what it has.
    const interval = setInterval(() => {
      if (!stored()) return;
      clearInterval(interval);
      child.kill('SIGINT');
    }, 50);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearInterval(interval);
    expect(code, output).toBe(130);
    expect(output).toMatch(/Cancelling: storing what was collected/);
    // Progress went to stderr; stdout has the result alone, the final line.
    expect(stdout).toMatch(/^\[run 1 cancelled \d+s\] stackoverflow cancelled, [^\n]*\nRun 1 cancelled\n$/);
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
