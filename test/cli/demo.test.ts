import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempFolder } from './cliHarness.ts';

describe('cli demo and bin', () => {
  it('collect --demo collects from both local demo servers with no settings, token or key', async () => {
    const dir = tempFolder();
    const result = await cli(
      ['collect', '--demo', '--data', 'demo', '--max-repos', '2', '--max-questions', '60'],
      {
        env: { INIT_CWD: dir },
      },
    );
    expect(result.code, result.err).toBe(0);
    expect(result.err).toMatch(
      /^Demo: local GitHub http:\/\/127\.0\.0\.1:\d+ and Stack Exchange http:\/\/127\.0\.0\.1:\d+/,
    );
    expect(result.out).toMatch(
      /github completed, 2\/2 repositories, [1-9]\d* new .*\| stackoverflow completed, .*[1-9]\d* new/,
    );
    // --data resolved against the folder the command was typed in.
    expect(fs.existsSync(path.join(dir, 'demo', 'code-helper-ingest.sqlite'))).toBe(true);
    const stats = await cli(['stats', '--data', path.join(dir, 'demo'), '--json']);
    const { items } = JSON.parse(stats.out);
    expect(items.github_code).toBeGreaterThan(0);
    expect(items.stackoverflow_qa).toBeGreaterThan(0);
  }, 60_000);

  it('--demo and --settings exclude each other', async () => {
    const result = await cli(['collect', '--demo', '--settings', 'x.json']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/option '--demo' cannot be used with option '--settings <file>'/);
  });

  it('the package bin runs the CLI on the project Node whichever node starts it', () => {
    const node = fs.existsSync('/usr/bin/node') ? '/usr/bin/node' : process.execPath;
    const result = spawnSync(node, ['bin/code-helper-ingest.mjs', 'stats', '-h'], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Usage: code-helper-ingest stats \[options\]/);
    const bad = spawnSync(
      node,
      ['bin/code-helper-ingest.mjs', 'stats', '--data', path.join(tempFolder(), 'x')],
      {
        encoding: 'utf8',
      },
    );
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^No database at /);
  });
});
