import type { RunSnapshot } from './runsContract.ts';
import type { SourceId } from './settings.ts';

/** Events pushed from the main process to the renderer. */
export type AppEvent =
  | { type: 'settings-changed' }
  /** A run's figures, pushed at a steady rate while it runs and once when it ends. */
  | { type: 'run-metrics'; snapshot: RunSnapshot }
  /** An export's rows written so far, pushed a few times a second while it runs. */
  | { type: 'export-progress'; exportId: string; file: string; done: number; total: number }
  /** An export ended: the file is complete, or removed when cancelled or failed. */
  | {
      type: 'export-finished';
      exportId: string;
      file: string;
      status: 'completed' | 'cancelled' | 'failed';
      done: number;
      total: number;
      error?: string;
    };

export type AppEventListener = (event: AppEvent) => void;

/** Counts of what a collector did with the items it produced. */
export type ItemCounts = {
  inserted: number;
  updated: number;
  unchanged: number;
  /** GitHub: same blob already stored under another path or repository. */
  duplicates: number;
};

/** A collector's state, reported at a steady rate. */
export type SourceProgress = {
  source: SourceId;
  /** e.g. "searching", "downloading", "fetching answers", "done". */
  phase: string;
  /** Units done (repositories for GitHub, questions for Stack Overflow) against the maximum. */
  done: number;
  total: number;
  unit: 'repositories' | 'questions';
  items: ItemCounts;
  /** Files or questions seen but not kept, by reason code ("binary", "too_large", ...). */
  skips: Record<string, number>;
  errors: number;
  /** Requests billed against a quota (GitHub core + search; Stack Exchange all). */
  requests: number;
  quota?: { name: string; remaining: number; max: number; resetAt?: string }[];
};

/** What a collector reports while it runs. */
export type CollectorEvent =
  | { type: 'progress'; progress: SourceProgress }
  | { type: 'wait'; source: SourceId; reason: string; until: string }
  | { type: 'skip'; source: SourceId; subject: string; reason: string; detail?: string }
  | { type: 'error'; source: SourceId; message: string; fatal: boolean };
