import type { ConnectionReport } from '../../../shared/connection.ts';
import type { CollectorEvent } from '../../../shared/collectorEvents.ts';
import {
  deriveRunStatus,
  limitStopReason,
  lostConnectionReason,
  sourceOutcomesOf,
} from '../../../shared/runOutcome.ts';
import type { RunSnapshot, RunStatus, RunSummary, SourceMetrics } from '../../../shared/runsContract.ts';
import type { Settings, SourceId } from '../../../shared/settings.ts';
import type { CheckpointHandle, CollectorContext, CollectorResult } from '../collectors/collector.ts';
import { checkpointSummary } from '../collectors/collectorRun.ts';
import { enabledSources, SOURCE_REGISTRY, type Collector, type HealthCheck } from '../collectors/sources.ts';
import type { Logger } from '../logging/logger.ts';
import { asStorageError, type Database } from '../store/database.ts';
import { gatedFetch } from './gatedFetch.ts';
import { createPauseGate } from './pauseGate.ts';
import { withResponseTimeout } from './responseTimeout.ts';
import { checkpointStore, type RunOwner } from '../store/runsTable.ts';
import { isStorageFailure, StorageError } from '../store/storageProblem.ts';
import { createRunRecorder } from './runRecorder.ts';
import { thisProcess } from './runOwner.ts';
import { createSourceMetrics, type SourceMetricsTracker } from './sourceMetrics.ts';

export type PipelineDeps = {
  settings: Settings;
  db: Database;
  log: Logger;
  /** Pushed at a steady rate while the run goes, and once at the end. */
  onSnapshot(snapshot: RunSnapshot): void;
  /** Continue this interrupted run from its checkpoints instead of starting a new one. */
  resumeRunId?: number;
  /** Who runs it, recorded as the run's owner (a second run on the same database is refused meanwhile). */
  processKind?: RunOwner['kind'];
  fetch?: typeof fetch;
  /** Stand-ins for the registry's collectors and health checks (tests, benchmarks). */
  collectors?: Partial<Record<SourceId, Collector>>;
  healthChecks?: Partial<Record<SourceId, HealthCheck>>;
  snapshotIntervalMs?: number;
  /**
   * A request with no response after this long, or whose body then sends nothing this long, fails and is
   * retried. Default 60 s.
   */
  responseTimeoutMs?: number;
  /** The storage failed under the run (disk full, damage): told once, as it stops every source. */
  onStorageFailure?(error: StorageError): void;
};

export type RunHandle = {
  readonly runId: number;
  snapshot(): RunSnapshot;
  pause(): void;
  resume(): void;
  cancel(): void;
  /** The storage failed outside the run (damage a read met): it stops, interrupted, as if it met it. */
  stopForStorage(error: StorageError): void;
  /** Settles with the final snapshot; never rejects. */
  done: Promise<RunSnapshot>;
};

/**
 * One ingestion run: checks each enabled source, runs the healthy ones concurrently, and reports figures
 * at a steady rate. Pause holds every request (and response chunk) through the sources' fetch; cancel
 * aborts them; what was stored stays stored. Each source saves its checkpoint in the same transaction as
 * its items, so a run killed at any point resumes with nothing lost and nothing stored twice.
 */
export function startPipeline(deps: PipelineDeps): RunHandle {
  const { settings, db, log } = deps;
  const recorder = createRunRecorder(db, thisProcess(deps.processKind ?? 'app'));
  const runId = deps.resumeRunId ?? recorder.start(settings);
  if (deps.resumeRunId) recorder.reopen(runId);
  const startedAt = new Date().toISOString();
  const gate = createPauseGate();
  const cancel = new AbortController();
  // The timer starts once the gate lets the request through, so a long pause times nothing out.
  const fetchForRun = gatedFetch(
    gate,
    cancel.signal,
    withResponseTimeout(deps.fetch ?? fetch, deps.responseTimeoutMs ?? 60_000),
  );
  const sources = enabledSources(settings);
  const metrics = new Map<SourceId, SourceMetricsTracker>(
    sources.map((s) => [s, createSourceMetrics(s, SOURCE_REGISTRY[s].maxUnits(settings))]),
  );
  const errors: string[] = [];
  let status: RunStatus = 'running';
  let endedAt: string | undefined;

  function snapshot(): RunSnapshot {
    const perSource = Object.fromEntries(
      [...metrics].map(([s, m]) => [s, m.snapshot(status === 'paused')]),
    ) as RunSnapshot['sources'];
    const all = Object.values(perSource);
    return {
      runId,
      status,
      startedAt,
      endedAt,
      sources: perSource,
      totals: {
        itemsStored: all.reduce((n, m) => n + m!.progress.items.inserted + m!.progress.items.updated, 0),
        itemsPerSecond: all.reduce((n, m) => n + m!.itemsPerSecondNow, 0),
        errors: all.reduce((n, m) => n + m!.progress.errors, 0),
        requests: all.reduce((n, m) => n + m!.progress.requests, 0),
        skips: all.reduce((n, m) => n + Object.values(m!.progress.skips).reduce((a, b) => a + b, 0), 0),
      },
    };
  }

  const ticker = setInterval(() => deps.onSnapshot(snapshot()), deps.snapshotIntervalMs ?? 250);

  /**
   * The source's health check: false (with the source's status set) when it cannot run now. A daily
   * quota found spent stops the source until it resets, without another request; another spent quota
   * (hourly) is not a failure either: the collector waits for the reset. A host that cannot be reached
   * fails a fresh run (most likely a wrong address) but only stops a resumed one, which stays resumable
   * with its checkpoints. A cancel during the check is a cancel, not a failure.
   */
  async function healthy(
    source: SourceId,
    tracker: SourceMetricsTracker,
    signal: AbortSignal,
  ): Promise<boolean> {
    tracker.setStatus('checking');
    const definition = SOURCE_REGISTRY[source];
    const check = deps.healthChecks?.[source] ?? definition.checkConnection;
    const report = await check(settings, fetchForRun, { signal }).catch(
      (error: unknown): ConnectionReport => ({
        source,
        status: 'error',
        message: String(error),
      }),
    );
    if (signal.aborted) {
      tracker.setStatus('cancelled');
      return false;
    }
    if (definition.stopsWhenSpent && report.quotaRemaining === 0 && report.resetAt) {
      tracker.setStatus(
        'stopped',
        limitStopReason(definition.stopsWhenSpent, report.resetAt),
        report.resetAt,
      );
      log.warn('Source stopped: its quota is spent', { runId, source, resetAt: report.resetAt });
      return false;
    }
    if (report.status === 'unreachable' && deps.resumeRunId) {
      tracker.setStatus('stopped', lostConnectionReason(source, report.cause ?? 'no answer'));
      log.warn('Source stopped: its host cannot be reached', { runId, source, cause: report.cause });
      return false;
    }
    if (report.status !== 'ok' && report.status !== 'rate_limited') {
      tracker.setStatus('failed', report.message);
      errors.push(`${source}: ${report.message}`);
      log.warn('Source failed its health check', { runId, source, status: report.status });
      return false;
    }
    return true;
  }

  async function runSource(source: SourceId, signal: AbortSignal): Promise<CollectorResult | undefined> {
    const tracker = metrics.get(source)!;
    const checkpoint = checkpointStore(db, runId, source);
    const handle: CheckpointHandle = { initial: checkpoint.load(), save: checkpoint.save };
    const saved = checkpointSummary(handle.initial);
    if (saved) tracker.restore(saved.progress);
    // A source that completed earlier in this run (resumed after another one stopped) is not checked again.
    if (!saved?.completed && !(await healthy(source, tracker, signal))) return undefined;
    if (signal.aborted) return undefined;
    tracker.setStatus('running');
    const collector = deps.collectors?.[source] ?? SOURCE_REGISTRY[source].collect;
    const ctx: CollectorContext = {
      settings,
      db,
      signal,
      log,
      runId,
      fetch: fetchForRun,
      checkpoint: handle,
      emit(event: CollectorEvent) {
        tracker.apply(event);
        if (event.type === 'error') errors.push(`${source}: ${event.message}`);
      },
    };
    try {
      const result = await collector(ctx);
      tracker.apply({ type: 'progress', progress: result.progress });
      tracker.setStatus(result.outcome, result.reason, result.resumeAt);
      if (result.outcome === 'failed' && result.reason) errors.push(`${source}: ${result.reason}`);
      if (result.storageFailure) stopForStorage(result.storageFailure, source);
      return result;
    } catch (thrown) {
      const error = asStorageError(db, thrown);
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof StorageError) {
        stopForStorage(error, source);
        tracker.setStatus('stopped', message);
        return undefined;
      }
      tracker.setStatus(signal.aborted ? 'cancelled' : 'failed', message);
      if (!signal.aborted) errors.push(`${source}: ${message}`);
      log.error('Collector crashed', { runId, source, error: message });
      return undefined;
    }
  }

  /**
   * The storage failed (disk full, damage): no source can store anything, so all stop, and the run ends
   * interrupted, to resume from its checkpoints once it is mended. The failure is recorded once, with the
   * source that met it; the sources stopped with it say why.
   */
  let storageStopped: StorageError | undefined;
  function stopForStorage(error: StorageError, source?: SourceId): void {
    const first = !storageStopped;
    storageStopped ??= error;
    if (first) errors.push(source ? `${source}: ${error.message}` : error.message);
    cancel.abort(new Error('storage failed'));
    if (first) deps.onStorageFailure?.(error);
  }

  /** The run's row; a full disk can refuse even that, and must not turn the run's end into a crash. */
  function record(ended: Parameters<typeof recorder.finish>[1]): void {
    try {
      recorder.finish(runId, ended);
    } catch (error) {
      if (!isStorageFailure(error)) throw error;
      log.error('The run could not be recorded as ended', { runId, error: String(error) });
    }
  }

  async function run(): Promise<RunSnapshot> {
    log.info('Run started', { runId, sources, resumed: Boolean(deps.resumeRunId) });
    const results = await Promise.all(
      sources.map(async (source) => {
        const outcome = await runSource(source, cancel.signal);
        const failed = metrics.get(source)!.status === 'failed';
        // Without continue-on-error, one failing source stops the others.
        if (failed && !settings.pipeline.continueOnError) cancel.abort(new Error(`${source} failed`));
        return outcome;
      }),
    );
    clearInterval(ticker);
    if (storageStopped !== undefined)
      for (const m of metrics.values())
        if (m.status === 'cancelled') m.setStatus('stopped', storageStopped.message);
    status = deriveRunStatus(
      sources.map((s) => metrics.get(s)!.status),
      { cancelled: userCancelled, storageStopped: storageStopped !== undefined },
    );
    endedAt = new Date().toISOString();
    const final = snapshot();
    const counts: RunSummary['counts'] = {};
    for (const [source, m] of Object.entries(final.sources) as [SourceId, SourceMetrics][]) {
      const items = m.progress.items;
      counts[source] = {
        inserted: items.inserted,
        updated: items.updated,
        unchanged: items.unchanged,
        skips: Object.values(m.progress.skips).reduce((a, b) => a + b, 0),
      };
    }
    record({ status, sources: sourceOutcomesOf(final.sources), counts, errors });
    log.info('Run ended', { runId, status, results: results.map((r) => r?.outcome ?? 'not run') });
    deps.onSnapshot(final);
    return final;
  }

  let userCancelled = false;
  const done = run().catch((thrown: unknown) => {
    clearInterval(ticker);
    // Damage met outside a collector (reading a checkpoint) ends the run as storage does, resumable.
    const error = asStorageError(db, thrown);
    if (error instanceof StorageError) stopForStorage(error);
    log.error('Run crashed', { runId, error: String(error) });
    status = deriveRunStatus([], { crashed: true, storageStopped: storageStopped !== undefined });
    endedAt = new Date().toISOString();
    // A storage failure is in the errors already (stopForStorage records it once).
    const recorded = error instanceof StorageError ? errors : [...errors, String(error)];
    record({ status, sources: {}, counts: {}, errors: recorded });
    const final = snapshot();
    deps.onSnapshot(final);
    return final;
  });

  return {
    runId,
    snapshot,
    done,
    pause() {
      if (status !== 'running') return;
      gate.pause();
      status = 'paused';
      recorder.setStatus(runId, 'paused');
      deps.onSnapshot(snapshot());
    },
    resume() {
      if (status !== 'paused') return;
      gate.resume();
      status = 'running';
      recorder.setStatus(runId, 'running');
      deps.onSnapshot(snapshot());
    },
    stopForStorage(error) {
      if (endedAt) return;
      stopForStorage(error);
      gate.resume();
    },
    cancel() {
      if (status !== 'running' && status !== 'paused') return;
      userCancelled = true;
      cancel.abort(new Error('cancelled'));
      gate.resume();
    },
  };
}
