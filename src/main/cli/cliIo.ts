import type { PipelineDeps } from '../core/pipeline/runPipeline.ts';

/** Where a command writes: results to stdout, progress and messages to stderr. */
export type Io = { stdout: (line: string) => void; stderr: (line: string) => void };

export const consoleIo: Io = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

/** What a command needs from around it; tests hand in their own. */
export type CliDeps = {
  io: Io;
  env: NodeJS.ProcessEnv;
  /** For tests: collectors, health checks and fetch of a run. */
  pipeline?: Pick<PipelineDeps, 'collectors' | 'healthChecks' | 'fetch'>;
};
