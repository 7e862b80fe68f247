import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { CliDeps } from '../../src/main/cli/cliIo.ts';
import { runCli } from '../../src/main/cli/program.ts';

export type CliResult = { code: number; out: string; err: string };

/** Runs one command line in-process, as the bin would, and captures stdout and stderr apart. */
export async function cli(
  argv: string[],
  options: { env?: NodeJS.ProcessEnv; pipeline?: CliDeps['pipeline'] } = {},
): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    io: { stdout: (l) => out.push(l), stderr: (l) => err.push(l) },
    env: options.env ?? { HOME: os.homedir() },
    pipeline: options.pipeline,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A temporary folder removed when the test ends. */
export function tempFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chi-cli-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}
