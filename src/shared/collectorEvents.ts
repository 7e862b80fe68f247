import type { SourceId } from './settings.ts';

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
  /** Something the user should know while the run goes, e.g. that GitHub runs without a token. */
  | { type: 'notice'; source: SourceId; message: string }
  | { type: 'skip'; source: SourceId; subject: string; reason: string; detail?: string }
  | { type: 'error'; source: SourceId; message: string; fatal: boolean };
