import { EXIT, type ExitCode } from './exitCodes.ts';

/** A failure the CLI reports in one message with its exit code (no stack trace). */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode = EXIT.USAGE) {
    super(message);
    this.exitCode = exitCode;
  }
}
