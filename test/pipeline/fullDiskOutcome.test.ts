import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/main/cli/exitCodes.ts';
import { DATABASE_FILE_NAME } from '../../src/main/core/createCore.ts';
import type { PipelineDeps } from '../../src/main/core/pipeline/runPipeline.ts';
import { createRunRecorder } from '../../src/main/core/pipeline/runRecorder.ts';
import { startFakeGithub, type FakeGithub } from '../fakes/github/fakeGithub.ts';
import { startFakeStackExchange, type FakeStackExchange } from '../fakes/stackexchange/fakeStackExchange.ts';
import { tempFolder } from '../cli/cliHarness.ts';
import { collectCli, referenceRun, withDatabase } from './cliRuns.ts';
import {
  bothSources,
  FAST_COLLECTORS,
  GITHUB_TOKEN,
  SE_KEY,
  settingsFile,
  storedContent,
} from './harness.ts';

let github: FakeGithub;
let se: FakeStackExchange;
let reference: string[];
let settingsDir: string;
let settingsPath: string;

beforeAll(async () => {
  github = await startFakeGithub({
    tokens: { [GITHUB_TOKEN]: 'octocat' },
    corpus: { repos: 10 },
    latencyMs: 20,
  });
  se = await startFakeStackExchange({ keys: [SE_KEY], site: { questions: 1500 }, latencyMs: 40 });
  const settings = bothSources(github, se, (s) => {
    s.github.maxRepos = 5;
    s.stackoverflow.maxQuestions = 800;
  });
  settingsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-fulldisk-'));
  settingsPath = settingsFile(settingsDir, settings);
  reference = (await referenceRun(settings)).content;
});
afterAll(async () => {
  fs.rmSync(settingsDir, { recursive: true, force: true });
  await github.close();
  await se.close();
});

/**
 * The collectors as the CLI runs them, but the disk fills up once Stack Overflow stored its first batch: SQLite
 * then answers SQLITE_FULL on the next write, as it does on a full disk.
 */
function fillingDisk(): PipelineDeps['collectors'] {
  let full = false;
  return {
    ...FAST_COLLECTORS,
    stackoverflow: (ctx) =>
      FAST_COLLECTORS!.stackoverflow!({
        ...ctx,
        emit(event) {
          ctx.emit(event);
          if (full || event.type !== 'progress' || event.progress.items.inserted === 0) return;
          full = true;
          const { page_count } = ctx.db.prepare('PRAGMA page_count').get() as { page_count: number };
          ctx.db.exec(`PRAGMA max_page_count = ${page_count}`);
        },
      }),
  };
}

describe('a full disk during collect', () => {
  it('ends with what to do, the sources stopped with the run (none "failed"), the error recorded once', async () => {
    const data = tempFolder();
    const file = path.join(data, DATABASE_FILE_NAME);
    const first = await collectCli(['--settings', settingsPath, '--data', data], {
      collectors: fillingDisk(),
    });
    expect(first.code, first.err).toBe(EXIT.STORAGE);
    expect(first.out.at(-1)).toBe(
      `Run 1 interrupted: Disk full at ${file}; make room, then \`collect --resume\``,
    );
    expect(first.err).not.toMatch(/failed/);
    withDatabase(data, (db) => {
      const run = createRunRecorder(db).get(1)!;
      expect(run).toMatchObject({ status: 'interrupted', resumable: true });
      expect(run.sources.stackoverflow).toEqual({ status: 'stopped', reason: `Disk full at ${file}.` });
      expect(Object.values(run.sources).map((s) => s.status)).not.toContain('failed');
      expect(run.errors.filter((e) => e.includes('Disk full'))).toHaveLength(1);
    });

    const resumed = await collectCli(['--resume', '--data', data]);
    expect(resumed.code, resumed.err).toBe(EXIT.OK);
    expect(resumed.out.at(-1)).toBe('Run 1 completed');
    withDatabase(data, (db) => expect(storedContent(db)).toEqual(reference));
  });
});
