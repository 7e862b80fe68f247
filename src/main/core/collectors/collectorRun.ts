import type { ItemCounts, SourceProgress } from '../../../shared/collectorEvents.ts';
import type { CollectedItem } from '../../../shared/items.ts';
import { lostConnectionReason } from '../../../shared/runOutcome.ts';
import type { SourceId } from '../../../shared/settings.ts';
import { emptyCounts, upsertItems, type SkipRecord } from '../store/itemStore.ts';
import { StorageError } from '../store/storageProblem.ts';
import type { CollectorContext, CollectorResult } from './collector.ts';
import { lostConnectionCode } from './lostConnection.ts';
import { progressReporter } from './progressReporter.ts';

type SavedProgress = Pick<SourceProgress, 'done' | 'items' | 'skips' | 'errors'>;

/** What a collector run saves with each batch, in the batch's transaction. */
type RunCheckpoint<P> = {
  /** The collector's own position: where a resumed run goes on from. */
  position: P;
  /** The figures as of this batch, this batch included. */
  progress: SavedProgress;
  /** Per unit still being read (a repository): the items and skips of it already stored. */
  written: Record<string, string[]>;
  /** Set once the source completed: a resumed run (after another source stopped) leaves it be. */
  completed?: { reason?: string };
};

const isRunCheckpoint = (state: unknown): state is RunCheckpoint<unknown> =>
  typeof state === 'object' && state !== null && 'progress' in state && 'written' in state;

/** What a saved checkpoint says of its source: the figures so far and whether it completed. */
export function checkpointSummary(
  state: unknown,
): { progress: SavedProgress; completed: boolean } | undefined {
  return isRunCheckpoint(state)
    ? { progress: state.progress, completed: Boolean(state.completed) }
    : undefined;
}

export type CollectorRunOptions = {
  source: SourceId;
  unit: SourceProgress['unit'];
  /** Units asked for (repositories, questions). */
  total: number;
  /** Live figures the collector's client keeps: requests made, quota left. */
  figures?: () => Pick<SourceProgress, 'requests' | 'quota'>;
  /** Default 250 ms: at most 4 progress events a second. */
  progressIntervalMs?: number;
};

const addCounts = (a: ItemCounts, b: ItemCounts): ItemCounts => ({
  inserted: a.inserted + b.inserted,
  updated: a.updated + b.updated,
  unchanged: a.unchanged + b.unchanged,
  duplicates: a.duplicates + b.duplicates,
});

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The scaffolding both collectors run on: the progress figures and their events, the skip log, the error
 * limit, and the batch writer that stores items, skips, figures and checkpoint in one transaction — so
 * after a kill and a resume the figures equal what is stored and every skip is logged once.
 *
 * A checkpoint is saved with every batch, so `position()` must describe only what is stored or in the
 * batch being written. Work cut short mid-unit (a repository with more files than a batch) is tracked per
 * unit: what of it was stored is not stored, counted or skipped again when a resumed run reads it anew.
 */
export function createCollectorRun<P>(ctx: CollectorContext, options: CollectorRunOptions) {
  const { batchSize, maxErrorsPerSource } = ctx.settings.pipeline;
  const saved = isRunCheckpoint(ctx.checkpoint?.initial)
    ? (ctx.checkpoint.initial as RunCheckpoint<P>)
    : undefined;
  const progress: SourceProgress = {
    source: options.source,
    phase: 'starting',
    done: 0,
    total: options.total,
    unit: options.unit,
    items: emptyCounts(),
    skips: {},
    errors: 0,
    requests: 0,
    ...structuredClone(saved?.progress),
  };
  const written = new Map(Object.entries(saved?.written ?? {}).map(([unit, keys]) => [unit, new Set(keys)]));
  const stopper = new AbortController();
  const signal = AbortSignal.any([ctx.signal, stopper.signal]);
  const snapshot = (): SourceProgress => ({ ...progress, ...options.figures?.() });
  const reporter = progressReporter(ctx.emit, snapshot, options.progressIntervalMs);
  let position: () => P = () => saved?.position as P;
  let items: CollectedItem[] = [];
  let skips: SkipRecord[] = [];
  let failure: string | undefined;
  let stopped: { reason: string; resumeAt?: string } | undefined;
  /** The storage failed (disk full, damaged): nothing more can be stored; the run stays resumable. */
  let storageFailed: StorageError | undefined;

  /** False when this unit's key was stored before (a resumed run reading the unit again). */
  function firstTime(unit: string | undefined, key: string): boolean {
    if (unit === undefined) return true;
    const keys = written.get(unit) ?? written.set(unit, new Set()).get(unit)!;
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  }

  function commit(completed?: RunCheckpoint<P>['completed'], alsoInTransaction?: () => void): void {
    const batch = { items, skips };
    items = [];
    skips = [];
    let figures = progress.items;
    if (storageFailed) return;
    try {
      upsertItems(ctx.db, batch.items, {
        runId: ctx.runId,
        skips: batch.skips,
        alsoInTransaction: (counts) => {
          figures = addCounts(progress.items, counts);
          alsoInTransaction?.();
          const { done, skips: skipCounts, errors } = progress;
          const state: RunCheckpoint<P> = {
            position: position(),
            progress: { done, items: figures, skips: skipCounts, errors },
            written: Object.fromEntries([...written].map(([unit, keys]) => [unit, [...keys]])),
            ...(completed ? { completed } : {}),
          };
          ctx.checkpoint?.save(state);
        },
      });
    } catch (error) {
      // Not an error of this page or repository: every write would fail alike. The source stops now,
      // resumable from the checkpoint of the last batch stored.
      if (error instanceof StorageError) {
        run.stop(error.message);
        storageFailed = error;
      }
      throw error;
    }
    progress.items = figures;
    reporter.tick();
  }

  const run = {
    progress,
    /** Where the saved run was; undefined on a fresh run. */
    resumed: saved?.position,
    /** Aborted on cancel, and when this source fails or a limit stops it. */
    signal,
    /** Stores items with the next batch; `unit` names the unit they belong to when it spans batches. */
    store(more: readonly CollectedItem[], unit?: string): void {
      for (const item of more) if (firstTime(unit, `item ${item.id}`)) items.push(item);
      if (items.length >= batchSize || skips.length >= batchSize * 10) commit();
    },
    /** A subject seen but not kept: counted by reason, logged with the next batch. */
    skip(subject: string, reason: string, detail?: string, unit?: string): void {
      if (!firstTime(unit, `skip ${subject} ${reason}`)) return;
      progress.skips[reason] = (progress.skips[reason] ?? 0) + 1;
      skips.push({ source: options.source, subject, reason, detail });
      if (skips.length >= batchSize * 10) commit();
    },
    /** Stores what is pending with a checkpoint now (the end of a page); `alsoInTransaction` joins it. */
    commit(alsoInTransaction?: () => void): void {
      commit(undefined, alsoInTransaction);
    },
    /** A unit read to its end: its items and skips are no longer tracked, and the batch is stored. */
    finishUnit(unit: string, alsoInTransaction?: () => void): void {
      written.delete(unit);
      commit(undefined, alsoInTransaction);
    },
    /** Something given up on (after its retries): counted; at the setting's maximum the source fails. */
    countError(message: string): void {
      if (storageFailed) return;
      progress.errors++;
      ctx.log.warn(message, { source: options.source });
      ctx.emit({ type: 'error', source: options.source, message, fatal: false });
      if (progress.errors >= maxErrorsPerSource)
        run.fail(`too many errors (${progress.errors}); last: ${message}`);
    },
    /** The source cannot go on (e.g. "token rejected"): it ends failed with this reason. */
    fail(reason: string): void {
      if (failure || stopped) return;
      failure = reason;
      ctx.log.error(`${options.source} collection failed: ${reason}`);
      ctx.emit({ type: 'error', source: options.source, message: reason, fatal: true });
      stopper.abort(new Error(reason));
    },
    /**
     * A limit, a lost connection or the storage ends the source early, resumable (after `resumeAt` when
     * given). Call it before the unit in hand is given up: the checkpoint then stays before that unit.
     */
    stop(reason: string, resumeAt?: string): void {
      if (failure || stopped) return;
      stopped = { reason, resumeAt };
      ctx.log.warn(`${options.source} collection stopped: ${reason}`, { resumeAt });
      stopper.abort(new Error(reason));
    },
    /**
     * True when `error` (what the client gave up with, after its retries) is a lost connection: then the
     * source has stopped, "lost the connection to GitHub (ECONNREFUSED); resume when it is back".
     */
    stopIfConnectionLost(error: unknown): boolean {
      const code = lostConnectionCode(error);
      if (code) run.stop(lostConnectionReason(options.source, code));
      return code !== undefined;
    },
    tick: () => reporter.tick(),
    /**
     * Runs the collector's body and ends the source: stores what is pending, decides the outcome
     * (failed, stopped, cancelled or completed, with the body's reason) and reports the final figures.
     * A source that completed before in this run is not run again.
     */
    async execute(positionOf: () => P, body: () => Promise<string | undefined>): Promise<CollectorResult> {
      position = positionOf;
      let reason = saved?.completed?.reason;
      if (!saved?.completed) {
        progress.phase = 'starting';
        reporter.final();
        try {
          reason = await body();
        } catch (error) {
          if (!signal.aborted) run.fail(messageOf(error));
        }
      }
      const outcome = failure
        ? 'failed'
        : stopped
          ? 'stopped'
          : ctx.signal.aborted
            ? 'cancelled'
            : 'completed';
      progress.phase = outcome === 'completed' ? 'done' : outcome;
      // What was read stays, whatever ended the run.
      commit(outcome === 'completed' ? { reason } : undefined);
      reporter.final();
      return {
        outcome,
        ...(storageFailed ? { storageFailure: storageFailed } : {}),
        reason: failure ?? stopped?.reason ?? (outcome === 'cancelled' ? 'cancelled' : reason),
        ...(stopped?.resumeAt ? { resumeAt: stopped.resumeAt } : {}),
        progress: snapshot(),
      };
    },
  };
  return run;
}

export type CollectorRun<P> = ReturnType<typeof createCollectorRun<P>>;
