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
  | 'failed'
  | 'cancelled'
  | 'skipped';

export type RunStatus = 'running' | 'paused' | 'completed' | 'cancelled' | 'failed' | 'interrupted';

/** One source's live figures, as the Dashboard card shows them. */
export type SourceMetrics = {
  source: SourceId;
  status: SourceStatus;
  /** Plain reason when failed, skipped or stopped early. */
  reason?: string;
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
  /** Items stored (inserted + updated) per source. */
  counts: Partial<Record<SourceId, { inserted: number; updated: number; unchanged: number; skips: number }>>;
  errors: string[];
  /** Whether this interrupted run can be resumed from its checkpoints. */
  resumable: boolean;
};

export type RunState = {
  current: RunSnapshot | null;
  /** The newest run that the process did not finish (crash, kill), offered for resume. */
  interrupted: RunSummary | null;
};

/** The Runs part of the contract: start, pause, resume, cancel, history and live metrics. */
export interface RunsApi {
  /** Starts a run with the saved settings, or resumes an interrupted run from its checkpoints. */
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
