import { z } from 'zod';
import type { SourceProgress } from './events.ts';
import type { SourceId } from './settings.ts';

export type SourceStatus =
  | 'pending'
  | 'checking'
  | 'running'
  | 'waiting'
  | 'paused'
  | 'completed'
  /** A limit ended the source early and it can continue later (Stack Exchange's daily quota spent). */
  | 'stopped'
  | 'failed'
  | 'cancelled'
  | 'skipped';

/**
 * `partial`: finished, at least one source failed and at least one completed or stopped. `stopped`: finished,
 * none failed, at least one stopped by a limit. `failed`: every source that ran failed, or the run crashed.
 * `interrupted`: the process died or storage stopped the run. `interrupted` and `stopped` can be resumed.
 * src/shared/runOutcome.ts derives it from the sources' statuses and words it.
 */
export type RunStatus =
  'running' | 'paused' | 'completed' | 'partial' | 'stopped' | 'cancelled' | 'failed' | 'interrupted';

/** How one source of a run ended, as the run history records it. */
export type SourceOutcome = { status: SourceStatus; reason?: string; resumeAt?: string };

/** One source's live figures, as the Dashboard card shows them. */
export type SourceMetrics = {
  source: SourceId;
  status: SourceStatus;
  /**
   * Plain words whenever the figures alone would mislead: why it failed ("token rejected") or stopped
   * ("daily quota spent, resets at 00:00 UTC"), or why a completed source has fewer items than asked
   * ("no more questions matched: 1,706 of 3,000").
   */
  reason?: string;
  /** When a stopped source can continue (ISO), e.g. the next 00:00 UTC for Stack Exchange's quota. */
  resumeAt?: string;
  progress: SourceProgress;
  itemsPerSecondNow: number;
  itemsPerSecondAverage: number;
  /** Share of units (repositories, question pages) that ended without an error, 0..1. */
  successRate: number;
  recentErrors: { at: string; message: string }[];
  wait?: { reason: string; until: string };
  /** Rate-limit waits so far in this process. */
  waits: number;
  /** Seconds left at the current pace; absent when unknown. */
  etaSeconds?: number;
};

export type RunSnapshot = {
  runId: number;
  status: RunStatus;
  startedAt: string;
  endedAt?: string;
  /** Present for each source enabled in this run. */
  sources: Partial<Record<SourceId, SourceMetrics>>;
  totals: { itemsStored: number; itemsPerSecond: number; errors: number; requests: number; skips: number };
};

export type RunSummary = {
  id: number;
  startedAt: string;
  endedAt: string | null;
  status: RunStatus;
  /** The run's outcome in one sentence (runOutcome.ts), e.g. "completed with 1 source failed". */
  outcome: string;
  /** How each source of the run ended; empty while it runs and for runs recorded before this was kept. */
  sources: Partial<Record<SourceId, SourceOutcome>>;
  /** Items stored (inserted + updated) per source. */
  counts: Partial<Record<SourceId, { inserted: number; updated: number; unchanged: number; skips: number }>>;
  errors: string[];
  /** Whether this run can be resumed from its checkpoints (interrupted or stopped by a limit). */
  resumable: boolean;
};

export type RunState = {
  current: RunSnapshot | null;
  /**
   * The newest run that can be resumed: the process did not finish it (crash, kill) or a limit stopped it
   * (see `status`), offered for resume.
   */
  interrupted: RunSummary | null;
};

/** The Runs part of the contract: start, pause, resume, cancel, history and live metrics. */
export interface RunsApi {
  /** Starts a run with the saved settings, or resumes an interrupted or stopped run from its checkpoints. */
  startRun(options: { resumeRunId?: number }): Promise<RunSnapshot>;
  pauseRun(): Promise<RunSnapshot | null>;
  resumeRun(): Promise<RunSnapshot | null>;
  cancelRun(): Promise<RunSnapshot | null>;
  getRunState(): Promise<RunState>;
  listRuns(limit: number): Promise<RunSummary[]>;
}

export const RUNS_API_INPUTS = {
  startRun: z.tuple([z.object({ resumeRunId: z.number().int().positive().optional() })]),
  pauseRun: z.tuple([]),
  resumeRun: z.tuple([]),
  cancelRun: z.tuple([]),
  getRunState: z.tuple([]),
  listRuns: z.tuple([z.number().int().min(1).max(500)]),
} as const;
