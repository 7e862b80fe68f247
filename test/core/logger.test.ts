import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_FILE_NAME } from '../../src/main/core/createCore.ts';
import { createFileLogger } from '../../src/main/core/logging/logger.ts';
import { startFakeGithub, type FakeGithub } from '../fakes/github/fakeGithub.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'chi-log-'));
const readLines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('log file', () => {
  it('keeps the line’s message when the metadata has a field named message (or time, level)', () => {
    const file = path.join(tmp(), 'logs', LOG_FILE_NAME);
    const log = createFileLogger(file, () => []);
    log.error('gave up on page 1 of python', {
      message: 'Maximum call stack size exceeded',
      level: 'fatal',
      page: 1,
    });
    const [line] = readLines(file);
    expect(line).toMatchObject({
      level: 'error',
      message: 'gave up on page 1 of python',
      page: 1,
      'meta.message': 'Maximum call stack size exceeded',
      'meta.level': 'fatal',
    });
  });

  describe('CLI run from a folder with no package.json above it', () => {
    let github: FakeGithub;
    beforeAll(async () => {
      github = await startFakeGithub({ tokens: {} });
    });
    afterAll(() => github.close());

    it('writes its log to <data folder>/logs whatever the working directory', async () => {
      const cwd = tmp();
      const data = tmp();
      const settings = path.join(cwd, 'settings.json');
      fs.writeFileSync(
        settings,
        JSON.stringify({ github: { baseUrl: github.url }, pipeline: { stackoverflowEnabled: false } }),
      );
      const cli = path.resolve('src/main/cli/index.ts');
      const child = spawn(process.execPath, [cli, 'collect', '--settings', settings, '--data', data], {
        cwd,
        env: { ...process.env, GITHUB_TOKEN: 'ghp_rejected_by_the_fake_000' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code, output).toBe(1);
      const lines = readLines(path.join(data, 'logs', LOG_FILE_NAME));
      expect(lines.map((l) => l.message)).toEqual(
        expect.arrayContaining(['Run started', 'Source failed its health check', 'Run ended']),
      );
      // The token never reaches the log.
      expect(fs.readFileSync(path.join(data, 'logs', LOG_FILE_NAME), 'utf8')).not.toMatch(/ghp_rejected/);
    });
  });
});
