import path from 'node:path';
import { describeSnapshotOutcome } from '../../shared/runOutcome.ts';
import type { RunSnapshot, RunStatus } from '../../shared/runsContract.ts';
import type { Settings } from '../../shared/settings.ts';
import { createCore, type Core } from '../core/createCore.ts';
import { headlessDesktop } from '../core/desktop.ts';
import { plainSecretBox } from '../core/settings/persistence.ts';
import { appDataFolder } from './appDataFolder.ts';
import { assertDatabaseExists, databaseFileIn } from './cliDatabase.ts';
import { RunBusyError } from '../core/pipeline/runOwner.ts';
import { StorageError } from '../core/store/storageProblem.ts';
import { CliError } from './cliError.ts';
import type { CliDeps } from './cliIo.ts';
import { userPath } from './cliPaths.ts';
import { loadCliSettings, type SettingsFlags } from './cliSettings.ts';
import { EXIT, type ExitCode } from './exitCodes.ts';
import { progressLine } from './progressLine.ts';
import { storageDiagnosis } from './storageDiagnosis.ts';
import { CLI_VERSION } from './version.ts';

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

/**
 * The final snapshot of the run this command starts, whichever way it ends. Listening starts before the
 * run does: a run that ends at once (damage met reading its checkpoint) ends before startRun answers.
 */
function finalSnapshots(core: Core): (runId: number) => Promise<RunSnapshot> {
  const ended = new Map<number, RunSnapshot>();
  const waiting = new Map<number, (snapshot: RunSnapshot) => void>();
  core.onEvent((event) => {
    if (event.type !== 'run-metrics' || !event.snapshot.endedAt) return;
    ended.set(event.snapshot.runId, event.snapshot);
    waiting.get(event.snapshot.runId)?.(event.snapshot);
  });
  return (runId) =>
    new Promise((resolve) => {
      const final = ended.get(runId);
      if (final) resolve(final);
      else waiting.set(runId, resolve);
    });
}

/**
 * A run through the same core as the app (createCore and its runs service): the same resume, the same
 * "a run a dead process left is interrupted", the same one-run-at-a-time rule.
 */
async function collectInto(
  dataFolder: string,
  requested: Settings,
  options: CollectOptions,
  { io, pipeline }: CliDeps,
): Promise<ExitCode> {
  const file = databaseFileIn(dataFolder);
  // Resuming reads what an earlier run left: it never creates a database.
  if (options.resume) assertDatabaseExists(file);
  const settings = { ...requested, pipeline: { ...requested.pipeline, dataFolder } };
  const core = createCore({
    dataFolder,
    persistence: { read: () => settings, write: () => {} },
    secretBox: plainSecretBox,
    version: CLI_VERSION,
    processKind: 'cli',
    desktop: headlessDesktop(path.join(dataFolder, 'exports')),
    fetch: pipeline?.fetch,
    pipeline: { collectors: pipeline?.collectors, healthChecks: pipeline?.healthChecks },
  });
  try {
    // A database the core could not open: the same diagnosis as the app's recovery screen (exit 4).
    const { problem } = await core.getStorageState();
    if (problem) throw new StorageError(problem);
    let resumeRunId: number | undefined;
    if (options.resume) {
      const { interrupted } = await core.getRunState();
      if (!interrupted) throw new CliError(`Nothing to resume: every run in ${file} completed.`);
      resumeRunId = interrupted.id;
      io.stderr(`Resuming run ${resumeRunId} from its checkpoints`);
    }
    const interval = options.intervalMs ?? 1000;
    let lastPrint = 0;
    core.onEvent((event) => {
      const now = Date.now();
      if (event.type !== 'run-metrics' || event.snapshot.endedAt || now - lastPrint < interval) return;
      lastPrint = now;
      io.stderr(progressLine(event.snapshot, now));
    });
    const finalSnapshotOf = finalSnapshots(core);
    // The runs service refuses a run it cannot start (no source enabled) with the reason.
    const started = await core.startRun({ resumeRunId }).catch((error: Error) => {
      if (error instanceof StorageError) throw error;
      throw new CliError(error.message, error instanceof RunBusyError ? EXIT.BUSY : EXIT.USAGE);
    });
    const done = finalSnapshotOf(started.runId);
    io.stderr(`Run ${started.runId} started; database ${file}`);
    const onSignal = () => {
      io.stderr('Cancelling: storing what was collected…');
      void core.cancelRun();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const final = await done;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    io.stdout(progressLine(final));
    const failures = Object.values(final.sources).filter((m) => m!.status === 'failed');
    for (const m of failures) io.stderr(`${m!.source} failed: ${m!.reason ?? 'unknown error'}`);
    io.stdout(`Run ${final.runId} ${describeSnapshotOutcome(final, '`collect --resume`')}`);
    // Damage met during the run: the diagnosis the recovery screen shows (what was stored stays).
    const damage = (await core.getStorageState()).problem;
    if (damage) io.stderr(storageDiagnosis(damage));
    return damage ? EXIT.STORAGE : (EXIT_OF_RUN[final.status] ?? EXIT.SOURCE_FAILED);
  } finally {
    await core.close();
  }
}
