import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempFolder } from './cliHarness.ts';

const COMMANDS = ['collect', 'stats', 'export', 'settings'];

describe('cli command line', () => {
  it('prints usage to stdout with exit 0 for --help and -h, on the program and every command', async () => {
    for (const flag of ['--help', '-h']) {
      const top = await cli([flag]);
      expect(top).toMatchObject({ code: 0, err: '' });
      expect(top.out).toMatch(/^Usage: code-helper-ingest \[options\] \[command\]/);
      for (const name of COMMANDS) expect(top.out).toContain(name);
      expect(top.out).toMatch(/Exit codes:\n\s+0 {2}done\n\s+1 {2}a source failed/);
      for (const command of COMMANDS) {
        const help = await cli([command, flag]);
        expect(help, command).toMatchObject({ code: 0, err: '' });
        expect(help.out).toMatch(new RegExp(`^Usage: code-helper-ingest ${command} \\[options\\]`));
      }
    }
    expect((await cli(['collect', '--help'])).out).toMatch(/--min-stars <n>/);
    expect((await cli(['help', 'export'])).out).toMatch(/--format <format>/);
  });

  it('prints the version', async () => {
    const version = JSON.parse(fs.readFileSync('package.json', 'utf8')).version;
    expect(await cli(['--version'])).toEqual({ code: 0, out: version, err: '' });
  });

  it('names an unknown option or command and suggests the nearest, exit 2', async () => {
    const option = await cli(['collect', '--mni-stars', '5']);
    expect(option.code).toBe(2);
    expect(option.err).toMatch(/unknown option '--mni-stars'\n\(Did you mean --min-stars\?\)/);
    const command = await cli(['colect']);
    expect(command.code).toBe(2);
    expect(command.err).toMatch(/unknown command 'colect'\n\(Did you mean collect\?\)/);
  });

  it('takes negative numbers as values: --min-stars -5 reaches the settings check', async () => {
    const result = await cli(['collect', '--min-stars', '-5', '--data', tempFolder()]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/github\.minStars: Must be at least 0/);
    expect(result.err).not.toMatch(/ambiguous|languages:/);
    const notNumber = await cli(['collect', '--max-repos', 'ten']);
    expect(notNumber.code).toBe(2);
    expect(notNumber.err).toMatch(
      /option '--max-repos <n>' argument 'ten' is invalid\. Not a whole number\./,
    );
  });

  it('a run with no source enabled is refused with the reason, exit 2', async () => {
    const dir = tempFolder();
    const file = path.join(dir, 'none.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ pipeline: { githubEnabled: false, stackoverflowEnabled: false } }),
    );
    const result = await cli(['collect', '--settings', file, '--data', dir]);
    expect(result).toMatchObject({ code: 2, out: '' });
    expect(result.err).toBe('Enable at least one source in Settings');
  });

  it('stats never creates a database and says where it looked; a missing folder is exit 2', async () => {
    const dir = path.join(tempFolder(), 'nothing-here');
    const result = await cli(['stats', '--data', dir]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`No database at ${dir}`);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('collect --resume on a new folder reports the missing database and creates nothing', async () => {
    const dir = path.join(tempFolder(), 'new');
    const result = await cli(['collect', '--resume', '--data', dir]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`No database at ${dir}`);
    expect(fs.existsSync(dir)).toBe(false);
  });
});
