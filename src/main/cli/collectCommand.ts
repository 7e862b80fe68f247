import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeSnapshotOutcome } from '../../shared/runOutcome.ts';
import type { RunSnapshot, RunStatus } from '../../shared/runsContract.ts';
import { createFileLogger } from '../core/logging/logger.ts';
import { createRunRecorder } from '../core/pipeline/runRecorder.ts';
import { startPipeline, type PipelineDeps } from '../core/pipeline/runPipeline.ts';
import { openDatabase } from '../core/store/database.ts';
import { DATABASE_FILE_NAME, LOG_FILE_NAME } from '../core/createCore.ts';
import { appDataFolder } from './appDataFolder.ts';
import { loadCliSettings, SettingsError } from './cliSettings.ts';
import { EXIT, type ExitCode } from './exitCodes.ts';
import { progressLine } from './progressLine.ts';

export type Io = { stdout: (line: string) => void; stderr: (line: string) => void };
const consoleIo: Io = { stdout: (l) => console.log(l), stderr: (l) => console.error(l) };

export const COLLECT_USAGE = `collect [--settings FILE] [--data DIR] [--source github|stackoverflow|both] [--resume]
        [--languages python,go] [--tags python,pandas] [--min-stars N] [--max-repos N] [--max-questions N] [--query Q]
  Secrets: GITHUB_TOKEN and STACKEXCHANGE_KEY from the environment, or the settings file.`;

/** How a finished run's status reads to a script (exitCodes.ts). */
const EXIT_OF_RUN: Partial<Record<RunStatus, ExitCode>> = {
  completed: EXIT.OK,
  partial: EXIT.SOURCE_FAILED,
  failed: EXIT.SOURCE_FAILED,
  stopped: EXIT.STOPPED_BY_LIMIT,
  interrupted: EXIT.STORAGE,
  cancelled: EXIT.CANCELLED,
};

/**
 * `collect`: the same pipeline as the Dashboard, headless. Prints a progress line a second and, last,
 * the run's outcome; Ctrl-C cancels and exits once what was collected is stored. Exit codes: 0 done,
 * 1 a source failed, 2 bad usage or settings, 3 stopped by a limit (resume later), 130 cancelled.
 */
export async function runCollectCommand(
  argv: string[],
  io: Io = consoleIo,
  extra: Pick<PipelineDeps, 'collectors' | 'healthChecks' | 'fetch'> = {},
): Promise<number> {
  const { values: flags } = parseArgs({
    args: argv,
    options: {
      settings: { type: 'string' },
      data: { type: 'string' },
      source: { type: 'string' },
      resume: { type: 'boolean', default: false },
      languages: { type: 'string' },
      tags: { type: 'string' },
      'min-stars': { type: 'string' },
      'max-repos': { type: 'string' },
      'max-questions': { type: 'string' },
      query: { type: 'string' },
      'interval-ms': { type: 'string' },
    },
  });
  let settings;
  try {
    settings = loadCliSettings(flags);
  } catch (error) {
    if (error instanceof SettingsError) {
      io.stderr(error.message);
      return EXIT.USAGE;
    }
    throw error;
  }
  const dataFolder = flags.data ?? (settings.pipeline.dataFolder || appDataFolder());
  const db = openDatabase(path.join(dataFolder, DATABASE_FILE_NAME));
  const secrets = [settings.github.token, settings.stackoverflow.apiKey].filter(Boolean);
  const log = createFileLogger(path.join(dataFolder, 'logs', LOG_FILE_NAME), () => secrets);
  const recorder = createRunRecorder(db);
  recorder.markInterrupted();
  let resumeRunId: number | undefined;
  if (flags.resume) {
    const interrupted = recorder.latestResumable();
    if (!interrupted) {
      io.stderr('Nothing to resume: no interrupted or stopped run in this database.');
      db.close();
      return EXIT.USAGE;
    }
    resumeRunId = interrupted.id;
    settings = recorder.settingsForResume(interrupted.id, settings);
    io.stdout(`Resuming run ${resumeRunId} from its checkpoints`);
  }

  const interval = Number(flags['interval-ms'] ?? 1000);
  let lastPrint = 0;
  let lastLine = '';
  const handle = startPipeline({
    ...extra,
    settings,
    db,
    log,
    resumeRunId,
    onSnapshot(snapshot: RunSnapshot) {
      const now = Date.now();
      if (now - lastPrint >= interval) {
        lastPrint = now;
        lastLine = progressLine(snapshot, now);
        io.stdout(lastLine);
      }
    },
  });
  io.stdout(`Run ${handle.runId} started; database ${path.join(dataFolder, DATABASE_FILE_NAME)}`);
  const onSignal = () => {
    io.stderr('Cancelling: storing what was collected…');
    handle.cancel();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const final = await handle.done;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  // The final figures, unless the last tick already printed them.
  const finalLine = progressLine(final);
  if (finalLine !== lastLine) io.stdout(finalLine);
  db.close();

  const failures = Object.values(final.sources).filter((m) => m!.status === 'failed');
  for (const m of failures) io.stderr(`${m!.source} failed: ${m!.reason ?? 'unknown error'}`);
  io.stdout(`Run ${final.runId} ${describeSnapshotOutcome(final)}`);
  return EXIT_OF_RUN[final.status] ?? EXIT.SOURCE_FAILED;
}
