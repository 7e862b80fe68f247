import { z } from 'zod';
import type { SourceProgress } from './collectorEvents.ts';
import { sourceIdSchema, type Settings, type SourceId } from './settings.ts';

export type SourceStatus =
  | 'pending'
  | 'checking'
  | 'running'
  | 'waiting'
  | 'paused'
  | 'completed'
  /**
   * It ended early and can continue later: a limit (Stack Exchange's daily quota spent), a lost connection,
   * or a full disk.
   */
  | 'stopped'
  | 'failed'
  | 'cancelled'
  | 'skipped';

/**
 * `partial`: finished, at least one source failed and at least one completed or stopped. `stopped`: finished,
 * none failed, at least one stopped by a limit. `failed`: every source that ran failed, or the run crashed.
 * `interrupted`: the process died or storage stopped the run. Every finished run but `completed` can be resumed.
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
  /** What the source said the user should know while it runs ("No GitHub token: 60 requests an hour…"). */
  notices?: string[];
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
  /** Whether this run can be resumed from its checkpoints: every finished run that did not complete. */
  resumable: boolean;
};

export type RunState = {
  current: RunSnapshot | null;
  /**
   * The newest run that can be resumed (it finished without completing: interrupted, stopped, cancelled,
   * partial or failed; see `status`), offered for resume.
   */
  interrupted: RunSummary | null;
  /**
   * A run another process (the CLI, or the app elsewhere) is running on this data folder: no run can start
   * here until it ends. `message` names it: "A run is already in progress (CLI, pid 4242, started …)…".
   */
  elsewhere: { runId: number; message: string } | null;
};

/** The Runs part of the contract: start, pause, resume, cancel, history and live metrics. */
export interface RunsApi {
  /** Starts a run with the saved settings, or resumes one that did not complete from its checkpoints. */
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

/** One recorded error message of a run and how often it occurred. */
export type RunErrorGroup = { source?: SourceId; message: string; count: number };

/** How many items a source of a run skipped for one reason (a code, see skipReasons.ts). */
export type SkipReasonCount = { source: SourceId; reason: string; count: number };

/** A run's page: its summary, the settings it used, its errors grouped, and its skips by reason. */
export type RunDetails = {
  summary: RunSummary;
  /** The settings the run used; secrets appear only as "(set)" or "". */
  settings: Settings;
  /** Grouped by message, most frequent first. */
  errors: RunErrorGroup[];
  /** How many error messages the run kept (the latest 50). */
  errorsKept: number;
  skips: SkipReasonCount[];
};

/** "Why was this skipped?": the skips of a run, narrowed by source, reason and words in the path. */
export const skipQuerySchema = z.object({
  source: sourceIdSchema.optional(),
  reason: z.string().trim().max(100).optional(),
  /** Words in the subject (repository/path, question) or the detail. */
  text: z.string().trim().max(200).optional(),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(500),
});
export type SkipQuery = z.infer<typeof skipQuerySchema>;

export type SkipRow = {
  id: number;
  source: SourceId;
  /** What was skipped: "owner/repo/path/to/file.py", "question 123", "answer 9 of question 123". */
  subject: string;
  reason: string;
  detail: string | null;
  at: string;
};
export type SkipPage = { rows: SkipRow[]; total: number };

/** A run's page and its skip log (TEAM.md decision 7). */
export interface RunDetailsApi {
  /** Null when there is no such run. */
  getRun(id: number): Promise<RunDetails | null>;
  listSkips(runId: number, query: SkipQuery): Promise<SkipPage>;
}

export const RUN_DETAILS_API_INPUTS = {
  getRun: z.tuple([z.number().int().positive()]),
  listSkips: z.tuple([z.number().int().positive(), skipQuerySchema]),
} as const;
