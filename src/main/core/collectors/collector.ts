import type { CollectorEvent, SourceProgress } from '../../../shared/collectorEvents.ts';
import type { Settings } from '../../../shared/settings.ts';
import type { Logger } from '../logging/logger.ts';
import type { Database } from '../store/database.ts';
import type { StorageError } from '../store/storageProblem.ts';

/** Everything a collector needs, handed in so tests, the CLI and the pipeline each bring their own. */
export type CollectorContext = {
  settings: Settings;
  db: Database;
  signal: AbortSignal;
  log: Logger;
  emit(event: CollectorEvent): void;
  runId?: number;
  fetch?: typeof fetch;
  checkpoint?: CheckpointHandle;
};

/** `stopped`: a limit ended it early and it can continue from its checkpoint after `resumeAt`. */
export type CollectorOutcome = 'completed' | 'stopped' | 'cancelled' | 'failed';

export type CollectorResult = {
  outcome: CollectorOutcome;
  /**
   * Plain reason when failed or stopped early ("token rejected", "daily quota spent, resets at 00:00
   * UTC"), or when a completed source's figures would mislead ("no questions match the tag [x]").
   */
  reason?: string;
  /** When a stopped source can continue (ISO). */
  resumeAt?: string;
  /** The storage failed under it (disk full, damage): the run ends interrupted, resumable once mended. */
  storageFailure?: StorageError;
  progress: SourceProgress;
};

/**
 * Resume support. `initial` is what this source saved last time in this run (undefined on a fresh run);
 * `save` records the next state and must be called inside the transaction that stores the items it
 * covers (upsertItems' `alsoInTransaction`), so checkpoint and items never disagree.
 */
export type CheckpointHandle = {
  initial: unknown;
  save(state: unknown): void;
};
