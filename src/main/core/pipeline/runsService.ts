import type { AppEvent } from '../../../shared/events.ts';
import type { RunsApi, RunSnapshot } from '../../../shared/runsContract.ts';
import type { Settings } from '../../../shared/settings.ts';
import type { Logger } from '../logging/logger.ts';
import type { Database } from '../store/database.ts';
import { createRunRecorder } from './runRecorder.ts';
import { RunBusyError, thisProcess } from './runOwner.ts';
import { startPipeline, type PipelineDeps, type RunHandle } from './runPipeline.ts';

export type RunsServiceDeps = {
  db: Database;
  log: Logger;
  settings: () => Settings;
  emit(event: AppEvent): void;
  fetch?: typeof fetch;
  /** For tests: collectors, health checks and tick rate. */
  pipeline?: Pick<PipelineDeps, 'collectors' | 'healthChecks' | 'snapshotIntervalMs'>;
  /** Recorded as the owner of its runs: the app or the CLI. */
  processKind?: PipelineDeps['processKind'];
  onStorageFailure?: PipelineDeps['onStorageFailure'];
};

/**
 * The Runs API: at most one run at a time on a database, whichever process (app or CLI) runs it; runs a
 * dead process left behind are offered for resume, runs of a live one never are.
 */
export function createRunsService(deps: RunsServiceDeps): RunsApi & { active(): RunHandle | undefined } {
  const recorder = createRunRecorder(deps.db, thisProcess(deps.processKind ?? 'app'));
  const orphaned = recorder.markInterrupted();
  if (orphaned > 0) deps.log.warn('Found runs a previous process did not finish', { count: orphaned });
  let current: RunHandle | undefined;
  let finished = true;

  const isActive = () => current !== undefined && !finished;

  function settingsFor(resumeRunId?: number): Settings {
    const now = deps.settings();
    if (!resumeRunId) return now;
    const run = recorder.get(resumeRunId);
    if (!run?.resumable) throw new Error(`Run ${resumeRunId} cannot be resumed`);
    return recorder.settingsForResume(resumeRunId, now);
  }

  return {
    active: () => (isActive() ? current : undefined),
    async startRun({ resumeRunId }) {
      if (isActive()) throw new Error('A run is already in progress');
      const settings = settingsFor(resumeRunId);
      if (!settings.pipeline.githubEnabled && !settings.pipeline.stackoverflowEnabled) {
        throw new Error('Enable at least one source in Settings');
      }
      // Throws RunBusyError when another process runs one on this database.
      const handle = startPipeline({
        ...deps.pipeline,
        settings,
        db: deps.db,
        log: deps.log,
        fetch: deps.fetch,
        processKind: deps.processKind,
        onStorageFailure: deps.onStorageFailure,
        resumeRunId,
        onSnapshot: (snapshot: RunSnapshot) => deps.emit({ type: 'run-metrics', snapshot }),
      });
      finished = false;
      current = handle;
      void handle.done.then(() => {
        if (current === handle) finished = true;
      });
      return handle.snapshot();
    },
    async pauseRun() {
      current?.pause();
      return current?.snapshot() ?? null;
    },
    async resumeRun() {
      current?.resume();
      return current?.snapshot() ?? null;
    },
    async cancelRun() {
      if (!current) return null;
      current.cancel();
      return current.done;
    },
    async getRunState() {
      const interrupted = recorder.latestResumable();
      const busy = isActive() ? undefined : recorder.inProgressElsewhere();
      return {
        current: current?.snapshot() ?? null,
        // Offered as soon as it ended (e.g. a full disk stopped it), never while it runs.
        interrupted: interrupted && !(isActive() && interrupted.id === current?.runId) ? interrupted : null,
        elsewhere: busy ? { runId: busy.id, message: new RunBusyError(busy).message } : null,
      };
    },
    async listRuns(limit) {
      return recorder.list(limit);
    },
  };
}
