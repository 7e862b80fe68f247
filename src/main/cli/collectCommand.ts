import path from 'node:path';
import { describeSnapshotOutcome } from '../../shared/runOutcome.ts';
import type { RunSnapshot, RunStatus } from '../../shared/runsContract.ts';
import type { Settings } from '../../shared/settings.ts';
import { LOG_FILE_NAME } from '../core/createCore.ts';
import { createFileLogger } from '../core/logging/logger.ts';
import { createRunRecorder } from '../core/pipeline/runRecorder.ts';
import { startPipeline } from '../core/pipeline/runPipeline.ts';
import { openDatabase } from '../core/store/database.ts';
import { appDataFolder } from './appDataFolder.ts';
import { databaseFileIn, openExistingDatabase } from './cliDatabase.ts';
import { CliError } from './cliError.ts';
import type { CliDeps } from './cliIo.ts';
import { userPath } from './cliPaths.ts';
import { loadCliSettings, type SettingsFlags } from './cliSettings.ts';
import { EXIT, type ExitCode } from './exitCodes.ts';
import { progressLine } from './progressLine.ts';

export type CollectOptions = SettingsFlags & {
  data?: string;
  resume?: boolean;
  demo?: boolean;
  intervalMs?: number;
};

/** How a finished run's status reads to a script (exitCodes.ts). */
const EXIT_OF_RUN: Partial<Record<RunStatus, ExitCode>> = {
  completed: EXIT.OK,
  partial: EXIT.SOURCE_FAILED,
  failed: EXIT.SOURCE_FAILED,
  stopped: EXIT.STOPPED_BY_LIMIT,
  interrupted: EXIT.STORAGE,
  cancelled: EXIT.CANCELLED,
};

/** The demo's local servers and the settings that point at them (scripts/demo). */
type Demo = { settings: Record<string, unknown>; dataFolder: string; close(): Promise<void> };

async function startDemo(deps: CliDeps): Promise<Demo> {
  const { startDemoServers, demoSettings, DEMO_DATA_FOLDER } =
    await import('../../../scripts/demo/demoServers.ts');
  const servers = await startDemoServers();
  deps.io.stderr(`Demo: local GitHub ${servers.github.url} and Stack Exchange ${servers.stackexchange.url}`);
  return {
    settings: demoSettings(servers),
    dataFolder: path.join(DEMO_DATA_FOLDER, 'cli'),
    close: servers.close,
  };
}

/**
 * `collect`: the same pipeline as the Dashboard, headless. Progress lines go to stderr (about one a
 * second), the final figures and the run's outcome to stdout; Ctrl-C cancels and exits once what was collected is stored.
 */
export async function runCollect(options: CollectOptions, deps: CliDeps): Promise<ExitCode> {
  const demo = options.demo ? await startDemo(deps) : undefined;
  try {
    const flags = { ...options, settings: options.settings && userPath(options.settings, deps.env) };
    const settings = loadCliSettings(flags, demo ? {} : deps.env, demo?.settings);
    const dataFolder = options.data
      ? userPath(options.data, deps.env)
      : demo?.dataFolder || settings.pipeline.dataFolder || appDataFolder(deps.env);
    return await collectInto(dataFolder, settings, options, deps);
  } finally {
    await demo?.close();
  }
}

async function collectInto(
  dataFolder: string,
  requested: Settings,
  options: CollectOptions,
  { io, pipeline }: CliDeps,
): Promise<ExitCode> {
  const file = databaseFileIn(dataFolder);
  // Resuming reads what an earlier run left: it never creates a database.
  const db = options.resume ? openExistingDatabase(file) : openDatabase(file);
  let settings = requested;
  try {
    const secrets = [settings.github.token, settings.stackoverflow.apiKey].filter(Boolean);
    const log = createFileLogger(path.join(dataFolder, 'logs', LOG_FILE_NAME), () => secrets);
    const recorder = createRunRecorder(db);
    recorder.markInterrupted();
    let resumeRunId: number | undefined;
    if (options.resume) {
      const interrupted = recorder.latestResumable();
      if (!interrupted) throw new CliError(`Nothing to resume: no interrupted or stopped run in ${file}.`);
      resumeRunId = interrupted.id;
      settings = recorder.settingsForResume(interrupted.id, settings);
      io.stderr(`Resuming run ${resumeRunId} from its checkpoints`);
    }
    const interval = options.intervalMs ?? 1000;
    let lastPrint = 0;
    const handle = startPipeline({
      ...pipeline,
      settings,
      db,
      log,
      resumeRunId,
      onSnapshot(snapshot: RunSnapshot) {
        const now = Date.now();
        if (snapshot.endedAt || now - lastPrint < interval) return;
        lastPrint = now;
        io.stderr(progressLine(snapshot, now));
      },
    });
    io.stderr(`Run ${handle.runId} started; database ${file}`);
    const onSignal = () => {
      io.stderr('Cancelling: storing what was collected…');
      handle.cancel();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const final = await handle.done;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    io.stdout(progressLine(final));
    const failures = Object.values(final.sources).filter((m) => m!.status === 'failed');
    for (const m of failures) io.stderr(`${m!.source} failed: ${m!.reason ?? 'unknown error'}`);
    io.stdout(`Run ${final.runId} ${describeSnapshotOutcome(final)}`);
    return EXIT_OF_RUN[final.status] ?? EXIT.SOURCE_FAILED;
  } finally {
    db.close();
  }
}
