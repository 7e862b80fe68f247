import type { RunSnapshot } from './runsContract.ts';
import type { StorageProblem } from './storage.ts';

/** Events pushed from the main process to the renderer. */
export type AppEvent =
  | { type: 'settings-changed' }
  /** The database turned out damaged after it opened (the integrity check): the app shows recovery. */
  | { type: 'storage-problem'; problem: StorageProblem }
  /** A run's figures, pushed at a steady rate while it runs and once when it ends. */
  | { type: 'run-metrics'; snapshot: RunSnapshot }
  /** An export's rows written so far, pushed a few times a second while it runs. */
  | { type: 'export-progress'; exportId: string; file: string; done: number; total: number }
  /** An export ended: the file is complete; cancelled or failed, whatever was at the target is left as it was. */
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
